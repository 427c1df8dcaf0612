package dev.vitals.health.internal;

import dev.vitals.health.test.Await;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.transport.Transport;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** A transport wrapping another: both hooks see each connection (a server bootstrap has one handler). */
class ChannelTransportTest {

  @Test
  void aTransportWrappingAnotherHandsEachAcceptedConnectionToBothHooks() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    Transport inner = ChannelTransport.of(Transport.NIO, null, (channel, options) -> seen.add("inner"));
    Transport outer = ChannelTransport.of(inner, null, (channel, options) -> seen.add("outer"));
    Vertx vertx = Vertx.builder().withTransport(outer).build();
    try {
      NetServer server = Await.result(vertx.createNetServer().connectHandler(socket -> socket.write("hello"))
        .listen(0, "127.0.0.1"));
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", server.actualPort()), 2_000);
        socket.setSoTimeout(5_000);
        assertThat(new String(socket.getInputStream().readNBytes(5))).isEqualTo("hello");
      }
      assertThat(seen).containsExactlyInAnyOrder("inner", "outer");
    } finally {
      Await.result(vertx.close());
    }
  }
}
