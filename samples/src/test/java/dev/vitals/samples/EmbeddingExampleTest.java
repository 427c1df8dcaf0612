package dev.vitals.samples;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.vitals.samples.Standalone.getHealth;
import static dev.vitals.samples.Standalone.onlyResult;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class EmbeddingExampleTest {

  @Test
  void servesItsOwnRoutesAndHealthSideBySide(Vertx vertx, VertxTestContext test) {
    WebClient client = WebClient.create(vertx);
    vertx.createHttpServer()
      .requestHandler(EmbeddingExample.router(vertx))
      .listen(0, "127.0.0.1")
      .compose(server -> client.get(server.actualPort(), "127.0.0.1", "/hello").send()
        .compose(hello -> {
          test.verify(() -> assertThat(hello.bodyAsString()).isEqualTo("Hello!"));
          return getHealth(client, server.actualPort());
        }))
      .onComplete(test.succeeding(health -> test.verify(() -> {
        assertThat(health.statusCode()).isEqualTo(200);
        JsonObject result = onlyResult(health);
        assertThat(result.getString("checker")).isEqualTo("greetings");
        assertThat(result.getString("output")).isEqualTo("1 greetings served");
        test.completeNow();
      })));
  }
}
