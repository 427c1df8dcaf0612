package dev.vitals.samples;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.vitals.health.test.Await.poll;
import static dev.vitals.health.test.Await.result;
import static dev.vitals.samples.Standalone.config;
import static dev.vitals.samples.Standalone.deploy;
import static dev.vitals.samples.Standalone.getHealth;
import static dev.vitals.samples.Standalone.onlyResult;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event-loop check, on a Vert.x instance with a single event loop: the probe, the HTTP server and the test's
 * own timers then share one thread, so the order in which they run is fixed by their due times, not by luck.
 */
@ExtendWith(VertxExtension.class)
class EventLoopCheckTest {

  private Vertx vertx;
  private WebClient client;

  @BeforeEach
  void createSingleLoopVertx() {
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    client = WebClient.create(vertx);
  }

  @AfterEach
  void closeVertx(VertxTestContext test) {
    vertx.close().onComplete(test.succeedingThenComplete());
  }

  private static JsonObject eventLoop(String maxDelay) {
    return new JsonObject().put("name", "event-loop").put("type", "event-loop").put("maxDelay", maxDelay);
  }

  @Test
  void passesWhileTheEventLoopIsResponsive() {
    // Not cached, so that each request sees the probe's latest samples; its first comes within 100 ms.
    StandaloneVerticle verticle = result(deploy(vertx, config(eventLoop("2s").put("successTtl", 0))));
    JsonObject result = poll(() -> onlyResult(result(getHealth(client, verticle.actualPort()))),
      sampled -> sampled.getJsonObject("data") != null, JsonObject::encode);
    assertThat(result.getBoolean("passed")).isTrue();
    assertThat(result.getString("output")).startsWith("event loop delay ");
    assertThat(result.getJsonObject("data").getDouble("delayMs")).isLessThan(2000.0);
  }

  @Test
  void failsAfterTheEventLoopWasBlocked(VertxTestContext test) {
    deploy(vertx, config(eventLoop("20ms")))
      .compose(verticle -> {
        Promise<HttpResponse<Buffer>> response = Promise.promise();
        vertx.runOnContext(v -> {
          // The probe's timer is due within 100 ms of the deployment: blocking the only event loop for 300 ms
          // makes it fire at least 200 ms late. The request goes out from a timer due after the probe's.
          blockEventLoop(300);
          vertx.setTimer(1, id -> getHealth(client, verticle.actualPort()).onComplete(response));
        });
        return response.future();
      })
      .onComplete(test.succeeding(response -> test.verify(() -> {
        assertThat(response.statusCode()).isEqualTo(503);
        JsonObject result = onlyResult(response);
        assertThat(result.getBoolean("passed")).isFalse();
        assertThat(result.getString("output")).endsWith(", above maxDelay 20 ms");
        assertThat(result.getJsonObject("data").getDouble("delayMs")).isGreaterThanOrEqualTo(200.0);
        test.completeNow();
      })));
  }

  private static void blockEventLoop(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
