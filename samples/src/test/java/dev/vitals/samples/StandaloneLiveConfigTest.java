package dev.vitals.samples;

import dev.vitals.health.test.Await;
import dev.vitals.health.test.LogCapture;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;

import static dev.vitals.health.test.Await.result;
import static dev.vitals.health.test.Await.poll;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The config file is read through vertx-config, with environment variables and system properties over it, and
 * scanned: a changed file changes the checks without a restart, an invalid change is one log line and ignored.
 */
@ExtendWith(VertxExtension.class)
class StandaloneLiveConfigTest {

  /** Stops scanning before the temporary directory goes. */
  @AfterEach
  void undeploy(Vertx vertx) {
    vertx.deploymentIDs().forEach(id -> result(vertx.undeploy(id)));
  }

  private static JsonObject heap(String name) {
    return new JsonObject().put("name", name).put("type", "heap");
  }

  private static JsonObject config(JsonObject... checks) {
    return Standalone.config(checks)
      .put("reload", new JsonObject().put("scanPeriod", "20ms"))
      .put("shutdown", new JsonObject().put("drainDelay", 0));
  }

  private static void write(Path file, JsonObject config) throws IOException {
    Path written = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(written, config.encodePrettily());
    Files.move(written, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
      java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static StandaloneVerticle deploy(Vertx vertx, Path file, Map<String, String> env, Map<String, String> sys) {
    StandaloneVerticle verticle = new StandaloneVerticle(env, sys, file);
    result(vertx.deployVerticle(verticle, new DeploymentOptions()));
    return verticle;
  }

  private static List<String> names(HttpResponse<Buffer> health) {
    JsonArray results = health.bodyAsJsonObject().getJsonArray("results");
    return results.stream().map(r -> ((JsonObject) r).getString("checker")).collect(Collectors.toList());
  }

  @Test
  void aChangedFileAddsRemovesAndChangesChecksWithoutARestart(Vertx vertx, @TempDir Path dir) throws IOException {
    Path file = dir.resolve("vitals.json");
    write(file, config(heap("a"), heap("b"), new JsonObject().put("name", "cron").put("type", "passive")));
    int port = deploy(vertx, file, Map.of(), Map.of()).actualPort();
    WebClient client = WebClient.create(vertx);
    assertThat(names(result(Standalone.getHealth(client, port)))).containsExactly("a", "b", "cron");

    write(file, config(heap("b").put("maxUsed", 0.000001), heap("c")));
    HttpResponse<Buffer> changed = poll(() -> result(Standalone.getHealth(client, port)),
      r -> names(r).contains("c") && !names(r).contains("a"), HttpResponse::bodyAsString);
    assertThat(names(changed)).containsExactlyInAnyOrder("b", "c");
    // b was replaced by its new definition: its tiny maxUsed fails.
    assertThat(changed.bodyAsJsonObject().getJsonArray("results").stream().map(JsonObject.class::cast)
      .filter(r -> r.getString("checker").equals("b")).findFirst().orElseThrow().getBoolean("passed")).isFalse();
    // The passive check is gone with its heartbeat route entry.
    assertThat(result(client.post(port, "127.0.0.1", "/health/heartbeat/cron").send()).statusCode())
      .isEqualTo(404);
  }

  @Test
  void anInvalidChangeIsOneLogLineAndTheRunningConfigStays(Vertx vertx, @TempDir Path dir) throws IOException {
    Path file = dir.resolve("vitals.json");
    write(file, config(heap("a")));
    StandaloneVerticle verticle = deploy(vertx, file, Map.of(), Map.of());
    WebClient client = WebClient.create(vertx);
    try (LogCapture log = LogCapture.of(StandaloneVerticle.class.getName())) {
      write(file, config(heap("a"), heap("b").put("maxUsd", 0.5)));
      Await.until(() -> log.records().size() > 0, () -> "no log line");
      List<LogRecord> records = log.records();
      assertThat(records.get(0).getMessage()).isEqualTo("Config change ignored, the running config stays: "
        + "/checks/1/maxUsd: unknown key, expected one of name, type, timeout, successTtl, failureTtl, maxStale, "
        + "refreshPeriod, critical, tags, failureThreshold, successThreshold, dependsOn, maxUsed");
      assertThat(records.get(0).getThrown()).isNull();
      assertThat(names(result(Standalone.getHealth(client, verticle.actualPort())))).containsExactly("a");

      write(file, config(heap("a")).put("http", new JsonObject().put("host", "127.0.0.1").put("port", 1)));
      Await.until(() -> log.records().size() > 1, () -> "no second log line: " + log.records());
      assertThat(log.records().get(1).getMessage()).isEqualTo("Config change of 'http' needs a restart; the running value stays");
    }
  }

  @Test
  void environmentVariablesAndSystemPropertiesWinOverTheFileInThatOrder(Vertx vertx, @TempDir Path dir)
    throws IOException {
    Path file = dir.resolve("vitals.json");
    write(file, config(heap("a")).put("http", new JsonObject().put("host", "127.0.0.1").put("port", 1)));
    StandaloneVerticle verticle = deploy(vertx, file,
      Map.of("VITALS_HTTP_PORT", "2", "VITALS_ADMIN_TOKEN", "from-env", "VITALS_HEALTH_PROBES_DEEP_INCLUDE", "[\"deep\"]"),
      Map.of("vitals.http.port", "0", "vitals.application.name", "orders"));
    WebClient client = WebClient.create(vertx);
    int port = verticle.actualPort();
    assertThat(port).isPositive().isNotIn(1, 2);
    assertThat(result(client.get(port, "127.0.0.1", "/status").send()).bodyAsJsonObject().getString("application"))
      .isEqualTo("orders");
    assertThat(result(client.get(port, "127.0.0.1", "/health/deep").send()).bodyAsJsonObject()
      .getJsonArray("results")).isEmpty();
    assertThat(result(client.delete(port, "127.0.0.1", "/status/maintenance").bearerTokenAuthentication("from-env")
      .send()).statusCode()).isLessThan(300);
  }
}
