package dev.vitals.benchmarks.resilience;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Issue 23, item 1: requests whose method and path a client makes up, each a label value Vert.x's HTTP server metrics
 * would keep for good. Pipelined on one raw connection, as {@code StandalonePrometheusTest} sends them, the answers
 * read as they come.
 */
final class MadeUpRequests {

  private MadeUpRequests() {
  }

  /**
   * Sends {@code count} requests {@code M<n> /health/live} and {@code count} requests {@code GET /no/such/path/<n>}
   * from {@code from} to 127.0.0.1:{@code port}, alternating, then one that closes the connection.
   *
   * @return the answers read (status lines)
   */
  static int send(int port, String from, int count) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(60_000);
      CompletableFuture<String> answers = CompletableFuture.supplyAsync(() -> {
        try {
          return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      OutputStream out = new BufferedOutputStream(socket.getOutputStream());
      for (int i = 0; i < count; i++) {
        out.write(String.format(Locale.ROOT, "M%05d /health/live HTTP/1.1\r\nHost: x\r\n\r\n"
          + "GET /no/such/path/%d HTTP/1.1\r\nHost: x\r\n\r\n", i, i).getBytes(StandardCharsets.US_ASCII));
      }
      out.write("GET /health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return answers.join().split("HTTP/1.1 ", -1).length - 1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
