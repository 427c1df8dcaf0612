package dev.vitals.samples;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.vitals.health.test.RawSockets;

import static dev.vitals.health.test.Await.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review of issue 23: a client opening connections faster than they are served piled them up until the heap was
 * gone. {@code http.maxConnections} and {@code maxConnectionsPerClient}, through the launcher as {@code java -jar}
 * runs it (the caps are in the transport it builds Vert.x with), here 8 and 5: one more is closed when accepted.
 */
class StandaloneConnectionLimitsTest {

  private static Process process;
  private static int port;

  @BeforeAll
  static void start() throws IOException {
    StandaloneProcessTest.Launched launched = StandaloneProcessTest.launch(
      "{\"checks\": [], \"http\": {\"maxConnections\": 8, \"maxConnectionsPerClient\": 5}}");
    process = launched.process();
    port = launched.port();
  }

  @AfterAll
  static void stop() {
    process.destroyForcibly();
  }

  private static Socket connect(String from) throws IOException {
    Socket socket = new Socket();
    socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    socket.setSoTimeout(2_000);
    return socket;
  }

  /** @return the status line of {@code GET /health/live} on the connection, or "closed" when it was closed unread */
  private static String live(Socket socket) throws IOException {
    socket.setSoTimeout(10_000); // a fresh child JVM loads its classes on its first answers
    socket.getOutputStream().write("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    InputStream in = socket.getInputStream();
    byte[] status = in.readNBytes(15);
    return status.length == 0 ? "closed" : new String(status, StandardCharsets.US_ASCII);
  }

  @Test
  void aConnectionBeyondEitherCapIsClosedWhenAcceptedAndTheCountsComeBack() throws IOException {
    List<Socket> held = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        held.add(connect("127.0.0.2"));
      }
      try (Socket sixth = connect("127.0.0.2")) {
        assertThat(RawSockets.closedAtOnce(sixth)).as("a sixth connection of 127.0.0.2").isTrue();
      }
      Socket other = connect("127.0.0.3");
      held.add(other);
      assertThat(live(other)).as("another address is served").isEqualTo("HTTP/1.1 200 OK");
      held.add(connect("127.0.0.4"));
      held.add(connect("127.0.0.4"));
      try (Socket ninth = connect("127.0.0.5")) {
        assertThat(RawSockets.closedAtOnce(ninth)).as("a ninth connection in all").isTrue();
      }
      for (Socket socket : held.subList(0, 5)) {
        socket.close();
      }
      until(() -> {
        try (Socket again = connect("127.0.0.2")) {
          return live(again).equals("HTTP/1.1 200 OK");
        } catch (IOException stillCounted) {
          return false; // refused (reset) while the server has not yet seen all five close: ask again
        }
      }, () -> "127.0.0.2's closed connections were never given back");
    } finally {
      for (Socket socket : held) {
        socket.close();
      }
    }
  }
}
