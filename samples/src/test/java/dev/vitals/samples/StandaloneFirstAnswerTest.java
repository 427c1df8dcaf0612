package dev.vitals.samples;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static dev.vitals.health.test.Await.result;
import static dev.vitals.samples.StandaloneProcessTest.java;
import static dev.vitals.samples.StandaloneProcessTest.listeningPort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh JVM, as {@code java -jar vitals-samples.jar} starts it, is healthy from its first answer: the event loop's
 * lateness while the JVM loads its classes at start does not fail liveness, and a dependency check's first run is
 * not timed out by its client loading its classes.
 */
class StandaloneFirstAnswerTest {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void theDefaultConfigsFirstHealthAndLivenessAnswersAre200() throws Exception {
    ProcessBuilder builder = java();
    builder.environment().put("VITALS_HTTP_PORT", "0");
    assertFirstAnswers(builder);
  }

  @Test
  void aShortHttpChecksFirstRunPassesAgainstAHealthyLocalServer() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      HttpServer server = result(vertx.createHttpServer().requestHandler(request -> request.response().end("ok"))
        .listen(0, "127.0.0.1"));
      // the server's own first answer is a first of this JVM: given here, so that the child's run is the only first
      assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/ping"))
        .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      JsonObject check = new JsonObject().put("name", "api").put("type", "http").put("timeout", "500ms")
        .put("url", "http://127.0.0.1:" + server.actualPort() + "/ping");
      ProcessBuilder builder = java("-conf", new JsonObject().put("checks", new JsonArray().add(check)).encode());
      builder.environment().put("VITALS_HTTP_PORT", "0");
      assertFirstAnswers(builder);
    } finally {
      result(vertx.close());
    }
  }

  /** Starts the child, waits for it to listen, and asks {@code /health} then {@code /health/live} once each. */
  private void assertFirstAnswers(ProcessBuilder builder) throws Exception {
    Path log = Files.createTempFile("vitals", ".log");
    builder.redirectOutput(log.toFile());
    Process process = builder.start();
    try {
      int port = listeningPort(log, process);
      for (String path : new String[] {"/health", "/health/live"}) {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("the first %s: %s", path, answer.body()).isEqualTo(200);
      }
    } finally {
      process.destroyForcibly();
      process.waitFor();
      Files.deleteIfExists(log);
    }
  }
}
