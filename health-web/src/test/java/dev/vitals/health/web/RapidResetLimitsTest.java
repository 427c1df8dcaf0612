package dev.vitals.health.web;

import dev.vitals.health.web.transport.RapidResetLimits;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.transport.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import dev.vitals.health.test.RawSockets;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RapidResetLimits}: resets are counted per address over its connections, so a client reconnecting before
 * Netty's per-connection limit (here 50 resets a connection, the limit 100) is cut off all the same.
 */
class RapidResetLimitsTest {

  private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  /** GET http / with :authority x, HPACK-encoded (static table indexes and one literal). */
  private static final byte[] HEADERS = {(byte) 0x82, (byte) 0x86, (byte) 0x84, 0x01, 0x01, 'x'};

  private Vertx vertx;
  private int port;

  @BeforeEach
  void start() {
    vertx = Vertx.builder().withTransport(RapidResetLimits.transport(Transport.NIO, 100, 30_000)).build();
    HttpServer server = result(vertx.createHttpServer().requestHandler(request -> request.response().end("ok"))
      .listen(0, "127.0.0.1"));
    port = server.actualPort();
  }

  @AfterEach
  void stop() {
    result(vertx.close());
  }

  private static byte[] frame(int type, int flags, int stream, byte[] payload) {
    ByteBuffer frame = ByteBuffer.allocate(9 + payload.length);
    frame.put((byte) (payload.length >>> 16)).put((byte) (payload.length >>> 8)).put((byte) payload.length);
    frame.put((byte) type).put((byte) flags).putInt(stream).put(payload);
    return frame.array();
  }

  private Socket connect(String from) throws IOException {
    Socket socket = new Socket();
    socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    socket.setSoTimeout(1_000);
    return socket;
  }

  /** Opens a prior-knowledge HTTP/2 connection and sends {@code streams} HEADERS + RST_STREAM pairs. */
  private void resetStreams(String from, int streams) throws IOException {
    try (Socket socket = connect(from)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(PREFACE);
      out.write(frame(0x4, 0, 0, new byte[0]));
      for (int i = 0, id = 1; i < streams; i++, id += 2) {
        out.write(frame(0x1, 0x5, id, HEADERS));
        out.write(frame(0x3, 0, id, new byte[] {0, 0, 0, 8}));
      }
      socket.getOutputStream().write(out.toByteArray());
      drain(socket);
    }
  }

  /** Reads until the server closes or is quiet for the socket's timeout. */
  private static void drain(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    byte[] chunk = new byte[8192];
    try {
      while (in.read(chunk) >= 0) {
        // the server's SETTINGS, answers, GOAWAY
      }
    } catch (SocketTimeoutException quiet) {
      // still open
    } catch (IOException reset) {
      // closed by the server
    }
  }

  private boolean closedAtOnce(String from) throws IOException {
    try (Socket socket = connect(from)) {
      socket.getOutputStream().write(PREFACE);
      return RawSockets.closedAtOnce(socket);
    }
  }

  @Test
  void anAddressResettingMoreThanItsBudgetOverSeveralConnectionsIsRefused() throws IOException {
    resetStreams("127.0.0.2", 50);
    resetStreams("127.0.0.2", 50);
    assertThat(closedAtOnce("127.0.0.2")).as("100 resets: within the budget").isFalse();
    resetStreams("127.0.0.2", 50);
    assertThat(closedAtOnce("127.0.0.2")).as("150 resets over three connections").isTrue();
    assertThat(closedAtOnce("127.0.0.3")).as("another address").isFalse();
  }

  @Test
  void http1ConnectionsAreNotCounted() throws IOException {
    for (int i = 0; i < 3; i++) {
      try (Socket socket = connect("127.0.0.4")) {
        socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(socket.getInputStream().readNBytes(15), StandardCharsets.US_ASCII))
          .isEqualTo("HTTP/1.1 200 OK");
      }
    }
  }
}
