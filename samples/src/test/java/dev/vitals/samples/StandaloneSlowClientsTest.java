package dev.vitals.samples;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.vitals.health.test.Await.result;
import static dev.vitals.health.test.Await.until;
import static dev.vitals.samples.Standalone.deploy;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 23, item 6: never-read event streams of one client take every slot. */
@ExtendWith(VertxExtension.class)
class StandaloneSlowClientsTest {

  private static JsonObject config(JsonObject history) {
    return new JsonObject()
      .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0))
      .put("history", history)
      .put("checks", new JsonArray());
  }

  /** A raw connection from the given loopback address. */
  private static Socket connect(String from, int port) throws IOException {
    Socket socket = new Socket();
    socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    socket.setSoTimeout(10_000);
    return socket;
  }

  private static void send(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** @return what arrived until {@code text} did (or the connection ended) */
  private static String readUntil(Socket socket, String text) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] chunk = new byte[4096];
    while (!got.toString(StandardCharsets.UTF_8).contains(text)) {
      int n = in.read(chunk);
      if (n < 0) {
        break;
      }
      got.write(chunk, 0, n);
    }
    return got.toString(StandardCharsets.UTF_8);
  }

  private static String events() {
    return "GET /health/events HTTP/1.1\r\nHost: x\r\n\r\n";
  }

  @Test
  void oneAddressCannotTakeEveryEventStream(Vertx vertx) throws IOException {
    int port = result(deploy(vertx, config(new JsonObject().put("maxStreams", 10)))).actualPort();
    List<Socket> held = new ArrayList<>();
    try {
      List<String> answers = new ArrayList<>();
      for (int i = 0; i < 10; i++) { // never read past the status line: they hold their streams
        Socket socket = connect("127.0.0.2", port);
        held.add(socket);
        send(socket, events());
        answers.add(readUntil(socket, "\r\n").lines().findFirst().orElse(""));
      }
      assertThat(answers.subList(0, 4)).as("the first four of 127.0.0.2").allMatch(line -> line.contains(" 200 "));
      assertThat(answers.subList(4, 10)).as("the others of 127.0.0.2").allMatch(line -> line.contains(" 503 "));
      Socket other = connect("127.0.0.1", port);
      held.add(other);
      send(other, events());
      assertThat(readUntil(other, "\r\n")).as("another client still gets a stream").startsWith("HTTP/1.1 200");
    } finally {
      for (Socket socket : held) {
        socket.close();
      }
    }
  }

  @Test
  void aNeverReadStreamGivesItsSlotBackAtItsMaximumAge(Vertx vertx) throws IOException {
    int port = result(deploy(vertx, config(new JsonObject().put("maxStreamsPerClient", 1)
      .put("maxStreamAge", "1s")))).actualPort();
    try (Socket never = connect("127.0.0.2", port)) {
      send(never, events()); // and never read again
      // its one slot is taken: another stream of the address is refused until the age ended the first
      List<String> refused = new ArrayList<>();
      until(() -> {
        try (Socket next = connect("127.0.0.2", port)) {
          send(next, events());
          String status = readUntil(next, "\r\n").lines().findFirst().orElse("");
          if (status.contains(" 503 ")) {
            refused.add(status);
          }
          return status.contains(" 200 ");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, () -> "the never-read stream still holds its slot");
      assertThat(refused).as("refused while the first stream was younger than its age").isNotEmpty();
      String ended = readUntil(never, "0\r\n\r\n");
      assertThat(ended).as("the never-read stream, ended by the server").startsWith("HTTP/1.1 200")
        .endsWith("0\r\n\r\n");
    }
  }
}
