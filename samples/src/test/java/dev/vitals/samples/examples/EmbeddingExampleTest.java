package dev.vitals.samples.examples;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example docs/embedding.md shows, served on port 0 and asked through real HTTP; and docs/embedding.md shows it as
 * it is.
 */
@ExtendWith(VertxExtension.class)
class EmbeddingExampleTest {

  private HttpServer server;
  private WebClient client;

  @BeforeEach
  void serve(Vertx vertx) {
    server = result(vertx.createHttpServer().requestHandler(EmbeddingExample.router(vertx)).listen(0, "127.0.0.1"));
    client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
      .setDefaultPort(server.actualPort()));
  }

  @AfterEach
  void close() {
    client.close();
    result(server.close());
  }

  private HttpResponse<Buffer> get(String path) {
    return result(client.get(path).send());
  }

  @Test
  void servesHealthStatusEnvironmentAndHeartbeatsBesideItsOwnRoutes() {
    assertThat(get("/hello").bodyAsString()).isEqualTo("Hello!");

    HttpResponse<Buffer> health = get("/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.bodyAsJsonObject().getJsonArray("results").stream()
      .map(r -> ((JsonObject) r).getString("checker")))
      .containsExactly("greetings", "tmp", "nightly-report");
    JsonObject ready = get("/health/ready").bodyAsJsonObject();
    assertThat(ready.getJsonArray("results")).hasSize(1);
    assertThat(ready.getJsonArray("results").getJsonObject(0).getString("output")).isEqualTo("1 greetings served");

    HttpResponse<Buffer> status = get("/status");
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(status.bodyAsJsonObject().getString("application")).isEqualTo("greeter");
    assertThat(status.bodyAsJsonObject().getString("status")).isEqualTo("ok");

    JsonObject environment = get("/environment").bodyAsJsonObject();
    assertThat(environment.fieldNames()).contains("os", "jvm", "greeter", "traffic");
    assertThat(environment.getJsonObject("greeter").getString("apiKey")).isEqualTo("********");
    assertThat(environment.getJsonObject("traffic").getLong("greetings")).isEqualTo(1);
    assertThat(environment.getJsonObject("traffic").getString("since")).isNotBlank();

    HttpResponse<Buffer> report = result(client.post("/health/heartbeat/nightly-report")
      .sendJsonObject(new JsonObject().put("status", "fail").put("output", "disk full")));
    assertThat(report.statusCode()).isEqualTo(200);
    HttpResponse<Buffer> nightly = get("/health/nightly-report");
    assertThat(nightly.statusCode()).isEqualTo(503);
    assertThat(nightly.bodyAsJsonObject().getJsonArray("results").getJsonObject(0).getString("output"))
      .isEqualTo("disk full");
  }

  @Test
  void readmeShowsTheExampleAsItIs() throws IOException {
    String example = Files.readString(Path.of("src/main/java/dev/vitals/samples/examples/EmbeddingExample.java"));
    String readme = Files.readString(Path.of("../docs/embedding.md"));
    assertThat(readme).contains("```java\n" + example.substring(example.indexOf("import ")) + "```\n");
  }
}
