package dev.vitals.samples;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetSocket;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static dev.vitals.samples.Standalone.await;
import static dev.vitals.samples.Standalone.deploy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's promises on every route of the standalone server: a JSON body and {@code Cache-Control: no-store} on
 * every answer, 405 before authentication, formats as README spells them, and malformed requests answered 4xx
 * without stack traces. Through raw sockets, so that nothing in a client cleans the request up.
 */
@ExtendWith(VertxExtension.class)
class StandaloneContractsTest {

  private static final String TOKEN = "admin-s3cret";

  private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      logged.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  };

  @BeforeEach
  void captureLogs() {
    Logger.getLogger("").addHandler(capture);
  }

  @AfterEach
  void releaseLogs() {
    Logger.getLogger("").removeHandler(capture);
  }

  /** A raw answer: status code, headers (lower-case names) and body. */
  record Answer(int code, String head, String body) {
    String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }

    JsonObject json() {
      return new JsonObject(body);
    }
  }

  /** Writes the request as given (with Connection: close) and reads the answer until the server closes. */
  static Answer raw(Vertx vertx, int port, String requestLine, String... more) {
    StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    String body = "";
    for (String line : more) {
      if (line.startsWith("\n")) {
        body = line.substring(1);
      } else {
        request.append(line).append("\r\n");
      }
    }
    if (!body.isEmpty()) {
      request.append("Content-Length: ").append(body.length()).append("\r\n");
    }
    request.append("\r\n").append(body);
    Promise<Buffer> read = Promise.promise();
    Buffer received = Buffer.buffer();
    NetSocket socket = await(vertx.createNetClient().connect(port, "127.0.0.1"));
    socket.handler(received::appendBuffer);
    socket.closeHandler(v -> read.tryComplete(received));
    socket.write(request.toString());
    String text = await(read.future()).toString();
    int split = text.indexOf("\r\n\r\n");
    String head = text.substring(0, split);
    String rest = text.substring(split + 4);
    int code = Integer.parseInt(head.substring(9, 12));
    return new Answer(code, head, rest);
  }

  private static void assertJsonError(Answer answer, int code) {
    assertThat(answer.code()).as(answer.head() + "\n" + answer.body()).isEqualTo(code);
    assertThat(answer.header("Cache-Control")).as("Cache-Control of " + code).isEqualTo("no-store");
    assertThat(answer.header("Content-Type")).startsWith("application/json");
    assertThat(answer.json().getInteger("status")).isEqualTo(code);
    assertThat(answer.json().getString("error")).isNotBlank();
  }

  private static JsonObject config() {
    return new JsonObject()
      .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0))
      .put("checks", new JsonArray()
        .add(new JsonObject().put("name", "heap").put("type", "heap").put("tags", new JsonArray().add("liveness")))
        .add(new JsonObject().put("name", "nightly").put("type", "passive")));
  }

  private List<LogRecord> severe() {
    return logged.stream().filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
  }

  @Test
  void everyAnswerIsJsonWithNoStore(Vertx vertx) {
    int port = await(deploy(vertx, config().put("admin", new JsonObject().put("token", TOKEN)))).actualPort();

    assertJsonError(raw(vertx, port, "GET /nope HTTP/1.1"), 404);
    assertJsonError(raw(vertx, port, "PUT /status/maintenance HTTP/1.1", "Authorization: Bearer " + TOKEN,
      "\n{\"reason\": \"" + "x".repeat(70 * 1024) + "\"}"), 413);
    Answer notAllowed = raw(vertx, port, "GET /status/maintenance HTTP/1.1");
    assertJsonError(notAllowed, 405);
    assertThat(notAllowed.header("Allow")).isEqualTo("PUT, DELETE");
    assertJsonError(raw(vertx, port, "POST /status HTTP/1.1"), 405);

    Answer heartbeat = raw(vertx, port, "POST /health/heartbeat/nightly HTTP/1.1", "Authorization: Bearer " + TOKEN);
    assertThat(heartbeat.code()).isEqualTo(200);
    assertThat(heartbeat.header("Cache-Control")).isEqualTo("no-store");
    assertThat(severe()).isEmpty();
  }

  @Test
  void maintenanceSwitchingOffIsJsonWithNoStore(Vertx vertx) {
    int port = await(deploy(vertx, config())).actualPort();

    assertJsonError(raw(vertx, port, "PUT /status/maintenance HTTP/1.1"), 403);
    assertJsonError(raw(vertx, port, "DELETE /status/maintenance HTTP/1.1"), 403);
  }

  @Test
  void formatsAsReadmeSpellsThemAndProbePathsWithATrailingSlash(Vertx vertx) {
    int port = await(deploy(vertx, config())).actualPort();

    Answer healthJson = raw(vertx, port, "GET /health/live?format=health+json HTTP/1.1");
    assertThat(healthJson.code()).isEqualTo(200);
    assertThat(healthJson.header("Content-Type")).isEqualTo("application/health+json");

    Answer live = raw(vertx, port, "GET /health/live/ HTTP/1.1");
    assertThat(live.code()).as(live.body()).isEqualTo(200);
    assertThat(live.json().getJsonArray("results")).hasSize(1);
    assertThat(live.json().getJsonArray("results").getJsonObject(0).getString("checker")).isEqualTo("heap");
  }

  @Test
  void malformedRequestsGetAJson4xxAndNoTrace(Vertx vertx) {
    int port = await(deploy(vertx, config())).actualPort();

    assertJsonError(raw(vertx, port, "GET /health?format=%zz HTTP/1.1"), 400);
    assertJsonError(raw(vertx, port, "GET /health?%zz=1 HTTP/1.1"), 400);
    assertJsonError(raw(vertx, port, "GET /health/heap?format=%zz HTTP/1.1"), 400);
    assertJsonError(raw(vertx, port, "GET /health/%zz HTTP/1.1"), 400);
    assertJsonError(raw(vertx, port, "GET /%zz HTTP/1.1"), 400);
    assertJsonError(raw(vertx, port, "GET /health/heartbeat/nightly?%zz=1 HTTP/1.1"), 400);
    assertJsonError(raw(vertx, port, "GET /health/heartbeat/%zz HTTP/1.1"), 400);
    assertJsonError(raw(vertx, port, "GET /health/heap/foo HTTP/1.1"), 400);

    Answer vertxView = raw(vertx, port, "GET /health/heap/?format=vertx HTTP/1.1");
    assertThat(vertxView.code()).as(vertxView.body()).isEqualTo(200);
    assertThat(vertxView.json().getString("id")).isEqualTo("heap");
    assertThat(severe()).isEmpty();
  }

  @Test
  void theRouteLogListsEveryPath(Vertx vertx) {
    JsonObject config = config().put("health", new JsonObject().put("probes",
      new JsonObject().put("deep", new JsonObject().put("include", new JsonArray().add("deep")))));
    await(deploy(vertx, config));

    String routes = logged.stream().map(LogRecord::getMessage).filter(m -> m != null && m.startsWith("Routes: "))
      .findFirst().orElseThrow();
    assertThat(routes).contains("/health,", "/health/live", "/health/ready", "/health/started", "/health/deep",
      "/health/heap", "/health/nightly", "/health/heartbeat/nightly", "/status", "/status/maintenance");
  }
}
