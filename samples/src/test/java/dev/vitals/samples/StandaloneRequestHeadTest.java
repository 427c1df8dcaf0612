package dev.vitals.samples;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23, item 6: {@code http.requestHeadTimeout}, through the launcher as {@code java -jar} runs it (the deadline
 * is in the transport the launcher builds Vert.x with), here 1 s. A client dribbling its head steadily (never idle)
 * gets 408 and loses its connection; time between requests and HTTP/2 are not timed.
 */
class StandaloneRequestHeadTest {

  private static final String HEAD = "GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n";

  private static Process process;
  private static int port;

  @BeforeAll
  static void start() throws IOException {
    StandaloneProcessTest.Launched launched = StandaloneProcessTest.launch(
      "{\"checks\": [], \"http\": {\"requestHeadTimeout\": \"1s\"}}");
    process = launched.process();
    port = launched.port();
  }

  @AfterAll
  static void stop() {
    process.destroyForcibly();
  }

  private static Socket connect() throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    socket.setSoTimeout(250);
    return socket;
  }

  /** Reads what arrived within the socket's timeout; {@code null} once the server closed and all was read. */
  private static String available(Socket socket) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    InputStream in = socket.getInputStream();
    byte[] chunk = new byte[4096];
    try {
      int n;
      while ((n = in.read(chunk)) >= 0) {
        got.write(chunk, 0, n);
      }
      return got.size() == 0 ? null : got.toString(StandardCharsets.UTF_8) + "<closed>";
    } catch (SocketTimeoutException e) {
      return got.toString(StandardCharsets.UTF_8);
    }
  }

  /** What is still unread on a connection the server closed, without the end marker. */
  private static String remainder(Socket socket) {
    try {
      String got = available(socket);
      return got == null ? "" : got.replace("<closed>", "");
    } catch (IOException reset) {
      return "";
    }
  }

  @Test
  void aHeadDribbledByteByByteGets408AndItsConnectionClosed() throws IOException {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write("GET /health/live HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
      StringBuilder answers = new StringBuilder();
      // a header byte every 250 ms for up to 5 s: never idle, never complete
      for (int i = 0; i < 20 && !answers.toString().endsWith("<closed>"); i++) {
        try {
          out.write('X');
          out.flush();
        } catch (IOException closed) {
          // the server closed first: a write after its close may fail before a read sees the end
          answers.append(remainder(socket)).append("<closed>");
          break;
        }
        String got = available(socket);
        answers.append(got == null ? "<closed>" : got);
      }
      assertThat(answers.toString()).startsWith("HTTP/1.1 408 Request Timeout\r\n")
        .contains("Connection: close", "{\"error\":\"request head not complete within 1000 ms\",\"status\":408}")
        .endsWith("<closed>");
    }
  }

  @Test
  void timeBetweenRequestsOfAKeepAliveConnectionIsNotTimed() throws Exception {
    try (Socket socket = connect()) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      for (int i = 0; i < 2; i++) {
        out.write(HEAD.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        byte[] status = socket.getInputStream().readNBytes(15);
        assertThat(new String(status, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200 OK");
        socket.getInputStream().skipNBytes(socket.getInputStream().available());
        Thread.sleep(1_500); // idle between requests, longer than the head deadline: not a head
      }
    }
  }

  @Test
  void http2ConnectionsAreLeftToHttp2sOwnLimits() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      AtomicInteger connections = new AtomicInteger();
      HttpClient h2 = vertx.httpClientBuilder().with(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
          .setHttp2ClearTextUpgrade(false)).with(new PoolOptions().setHttp2MaxSize(1))
        .withConnectHandler(connection -> connections.incrementAndGet()).build();
      for (int i = 0; i < 3; i++) {
        int status = result(h2.request(HttpMethod.GET, port, "127.0.0.1", "/health/live")
          .compose(request -> request.send()).map(response -> response.statusCode()));
        assertThat(status).isEqualTo(200);
        result(vertx.timer(1_500)); // frames arrive without a head's empty line: not timed
      }
      assertThat(connections.get()).as("connections the three requests took").isEqualTo(1);
    } finally {
      result(vertx.close());
    }
  }
}
