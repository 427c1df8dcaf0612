package dev.vitals.samples;

import io.vertx.core.Future;
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

  /** The probe's period: one timer every 100 ms. */
  private static final long PROBE_PERIOD_MS = 100;

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

  /** Blocks the only event loop right after the deployment, then asks {@code /health} from a timer due after. */
  private Future<HttpResponse<Buffer>> healthAfterBlocking(JsonObject check, long blockMs) {
    return deploy(vertx, config(check)).compose(verticle -> {
      Promise<HttpResponse<Buffer>> response = Promise.promise();
      vertx.runOnContext(v -> {
        blockEventLoop(blockMs);
        vertx.setTimer(1, id -> getHealth(client, verticle.actualPort()).onComplete(response));
      });
      return response.future();
    });
  }

  @Test
  void passesWhileTheEventLoopIsResponsive() {
    // Not cached, so that each request sees the probe's latest samples; its first comes within 100 ms.
    StandaloneVerticle verticle = result(deploy(vertx, config(eventLoop("2s").put("startupGrace", 0)
      .put("successTtl", 0))));
    // Asked once per probe period: a request every few ms would load the one event loop the probe measures.
    JsonObject result = poll(() -> {
      result(vertx.timer(PROBE_PERIOD_MS));
      return onlyResult(result(getHealth(client, verticle.actualPort())));
    }, sampled -> sampled.getJsonObject("data").containsKey("delayMs"), JsonObject::encode);
    assertThat(result.getBoolean("passed")).isTrue();
    assertThat(result.getString("output")).startsWith("event loop delay ");
    assertThat(result.getJsonObject("data").getDouble("delayMs")).isLessThan(2000.0);
  }

  @Test
  void failsAfterTheEventLoopWasBlocked() {
    // The probe's timer is due within 100 ms of the deployment: blocking the only event loop for 300 ms makes it
    // fire at least 200 ms late. With no start-up grace, that lateness is judged.
    HttpResponse<Buffer> response = result(healthAfterBlocking(eventLoop("20ms").put("startupGrace", 0), 300));
    assertThat(response.statusCode()).isEqualTo(503);
    JsonObject result = onlyResult(response);
    assertThat(result.getBoolean("passed")).isFalse();
    assertThat(result.getString("output")).endsWith(", above maxDelay 20 ms");
    JsonObject data = result.getJsonObject("data");
    assertThat(data.getDouble("delayMs")).isGreaterThanOrEqualTo(200.0);
    assertThat(data.getInteger("lateSamples")).isPositive();
    assertThat(data.getBoolean("startup")).isFalse();
    assertThat(data.containsKey("startupDelayMs")).isFalse();
  }

  @Test
  void passesWhenTheEventLoopWasLateOnlyInItsStartUp() {
    // The same 300 ms block, within the default start-up grace (10 s): the JVM loading its classes at start.
    HttpResponse<Buffer> response = result(healthAfterBlocking(eventLoop("20ms"), 300));
    JsonObject result = onlyResult(response);
    assertThat(response.statusCode()).as(result.encode()).isEqualTo(200);
    assertThat(result.getString("output")).contains("; start-up (first 10000 ms, not judged) was ");
    JsonObject data = result.getJsonObject("data");
    assertThat(data.getDouble("startupDelayMs")).isGreaterThanOrEqualTo(200.0);
    assertThat(data.getBoolean("startup")).isTrue();
    assertThat(data.getLong("startupGraceMs")).isEqualTo(10_000L);
    assertThat(data.getInteger("lateSamples")).isZero();
  }

  @Test
  void failsWhenTheEventLoopIsBlockedPastItsStartUp() {
    // Blocked from the deployment on for 600 ms with a 200 ms grace: the 400 ms or so after the grace are judged.
    HttpResponse<Buffer> response = result(healthAfterBlocking(eventLoop("20ms").put("startupGrace", "200ms"), 600));
    JsonObject result = onlyResult(response);
    assertThat(response.statusCode()).as(result.encode()).isEqualTo(503);
    JsonObject data = result.getJsonObject("data");
    assertThat(data.getDouble("delayMs")).isGreaterThan(20.0);
    assertThat(data.getDouble("startupDelayMs")).isPositive();
    assertThat(data.getBoolean("startup")).isFalse();
  }

  @Test
  void failsWhileAHandlerKeepsBlockingTheEventLoop() {
    // Sustained: a handler that blocks the loop 300 ms at a time, again and again, after a short grace.
    StandaloneVerticle verticle = result(deploy(vertx, config(eventLoop("200ms").put("startupGrace", "100ms")
      .put("successTtl", 0).put("failureTtl", 0))));
    long blocker = vertx.setPeriodic(50, id -> blockEventLoop(300));
    try {
      JsonObject result = poll(() -> onlyResult(result(getHealth(client, verticle.actualPort()))),
        sampled -> sampled.getJsonObject("data").getInteger("lateSamples") >= 3, JsonObject::encode);
      assertThat(result.getBoolean("passed")).isFalse();
      assertThat(result.getJsonObject("data").getDouble("delayMs")).isGreaterThan(200.0);
    } finally {
      vertx.cancelTimer(blocker);
    }
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
