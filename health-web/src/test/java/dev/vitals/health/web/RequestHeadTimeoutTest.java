package dev.vitals.health.web;

import dev.vitals.health.web.transport.RequestHeadTimeout;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SelfSignedCertificate;
import io.vertx.core.transport.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RequestHeadTimeout} on a server of its own (500 ms): a dribbled head gets 408 and is closed, over plain
 * HTTP and over TLS (where the deadline reads the decrypted bytes); a head sent at once is served.
 */
class RequestHeadTimeoutTest {

  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.builder().withTransport(RequestHeadTimeout.transport(Transport.NIO, 500)).build();
  }

  @AfterEach
  void stop() {
    result(vertx.close());
  }

  private int listen(HttpServerOptions options) {
    return result(vertx.createHttpServer(options).requestHandler(request -> request.response().end("ok"))
      .listen(0, "127.0.0.1")).actualPort();
  }

  private Socket tls(int port) throws IOException, GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {
      }

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    }}, null);
    SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    socket.startHandshake();
    return socket;
  }

  private static Socket plain(int port) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    return socket;
  }

  /** Sends the head's start, then a header byte every 100 ms for up to 3 s; returns what came back. */
  private static String dribble(Socket socket) throws IOException {
    socket.setSoTimeout(100);
    OutputStream out = socket.getOutputStream();
    out.write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    InputStream in = socket.getInputStream();
    byte[] chunk = new byte[4096];
    for (int i = 0; i < 30; i++) {
      try {
        out.write('X');
        out.flush();
      } catch (IOException closed) {
        // the server closed first: a write after its close may fail before the read sees the end
        return got.toString(StandardCharsets.UTF_8) + rest(in) + "<closed>";
      }
      try {
        int n = in.read(chunk);
        if (n < 0) {
          return got.toString(StandardCharsets.UTF_8) + "<closed>";
        }
        got.write(chunk, 0, n);
      } catch (SocketTimeoutException nothingYet) {
        // dribble on
      } catch (IOException reset) {
        return got.toString(StandardCharsets.UTF_8) + "<closed>";
      }
    }
    return got.toString(StandardCharsets.UTF_8);
  }

  /** What is still unread once writing failed on a connection the server closed. */
  private static String rest(InputStream in) {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] chunk = new byte[4096];
    try {
      for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
        got.write(chunk, 0, n);
      }
    } catch (IOException endOrReset) {
      // what arrived before the reset is kept
    }
    return got.toString(StandardCharsets.UTF_8);
  }

  private static String whole(Socket socket) throws IOException {
    socket.setSoTimeout(5_000);
    socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return new String(socket.getInputStream().readNBytes(15), StandardCharsets.US_ASCII);
  }

  @Test
  void aDribbledHeadGets408OverPlainHttp() throws IOException {
    int port = listen(new HttpServerOptions());
    try (Socket socket = plain(port)) {
      assertThat(dribble(socket)).startsWith("HTTP/1.1 408 Request Timeout\r\n")
        .contains("request head not complete within 500 ms").endsWith("<closed>");
    }
    try (Socket socket = plain(port)) {
      assertThat(whole(socket)).isEqualTo("HTTP/1.1 200 OK");
    }
  }

  @Test
  void aDribbledHeadGets408OverTls() throws Exception {
    SelfSignedCertificate certificate = SelfSignedCertificate.create("localhost");
    int port = listen(new HttpServerOptions().setSsl(true).setKeyCertOptions(certificate.keyCertOptions()));
    try (Socket socket = tls(port)) {
      assertThat(dribble(socket)).startsWith("HTTP/1.1 408 Request Timeout\r\n").endsWith("<closed>");
    }
    try (Socket socket = tls(port)) {
      assertThat(whole(socket)).isEqualTo("HTTP/1.1 200 OK");
    }
  }
}
