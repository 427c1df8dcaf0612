package dev.vitals.samples;

import dev.vitals.health.test.LogCapture;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import static dev.vitals.health.test.Await.failure;
import static dev.vitals.health.test.Await.poll;
import static dev.vitals.health.test.Await.result;
import static dev.vitals.samples.Standalone.closedPortUnchecked;
import static dev.vitals.samples.Standalone.config;
import static dev.vitals.samples.Standalone.deploy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The standalone's history store: availability continues across an undeploy and a deploy on the same file, a file
 * that cannot be opened leaves /health answering, a locked file neither fails nor slows it, a bad
 * {@code history.store} fails the start naming the field.
 */
@ExtendWith(VertxExtension.class)
class StandaloneHistoryStoreTest {

  @TempDir
  Path dir;

  private JsonObject storeConfig(int port, Path file) {
    return config(new JsonObject().put("name", "db").put("type", "tcp").put("host", "127.0.0.1").put("port", port)
      .put("refreshPeriod", "500ms").put("successTtl", "1s").put("failureTtl", "1s").put("failureThreshold", 1).put("successThreshold", 1)
      .put("slo", 99.0))
      .put("history", new JsonObject().put("instance", "test-instance").put("flushInterval", "200ms")
        .put("store", new JsonObject().put("type", "sqlite").put("path", file.toString())));
  }

  private static JsonObject history(Vertx vertx, int port) {
    WebClient client = WebClient.create(vertx);
    try {
      return result(client.get(port, "127.0.0.1", "/health/history/db").send()).bodyAsJsonObject();
    } finally {
      client.close();
    }
  }

  private static void undeployAll(Vertx vertx) {
    for (String id : vertx.deploymentIDs()) {
      result(vertx.undeploy(id));
    }
  }

  @Test
  void availabilityContinuesAcrossARestartOnTheSameFile(Vertx vertx) throws Exception {
    Path file = dir.resolve("vitals-history.db");
    int dependency = closedPortUnchecked();
    long deployed = System.nanoTime();
    StandaloneVerticle first = result(deploy(vertx, storeConfig(dependency, file)));
    Thread.sleep(2_000); // the dependency is down: the check fails for these 2 s
    JsonObject before = history(vertx, first.actualPort());
    assertThat(before.getJsonObject("availability").getDouble("1h")).as(before.encode()).isEqualTo(0.0);
    undeployAll(vertx);
    double failedSeconds = (System.nanoTime() - deployed) / 1e9;

    NetServer up = result(vertx.createNetServer().connectHandler(socket -> socket.close())
      .listen(dependency, "127.0.0.1"));
    try {
      long redeployed = System.nanoTime();
      StandaloneVerticle second = result(deploy(vertx, storeConfig(dependency, file)));
      Thread.sleep(2_000); // now it passes
      JsonObject after = history(vertx, second.actualPort());
      double passedSeconds = (System.nanoTime() - redeployed) / 1e9;
      double expected = passedSeconds / (passedSeconds + failedSeconds);
      assertThat(after.getString("status")).isEqualTo("pass");
      for (String window : new String[] {"1h", "24h", "7d", "30d"}) {
        assertThat(after.getJsonObject("availability").getDouble(window)).as("%s: not reset by the restart", window)
          .isCloseTo(expected, within(0.1));
      }
      assertThat(after.getJsonObject("errorBudgetRemaining").getDouble("24h")).as("spent before the restart")
        .isLessThan(-20.0);
      assertThat(after.getJsonObject("availability").getString("since")).as("observed since the first process")
        .isNotNull();
      undeployAll(vertx);
    } finally {
      result(up.close());
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT count(*), sum(observed_ms) FROM minutes m JOIN series x"
           + " ON x.id = m.series_id WHERE x.instance = 'test-instance' AND x.check_name = 'db'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(2) / 1000.0).as("seconds observed, both runs").isGreaterThan(3.5);
    }
  }

  @Test
  void aFileThatCannotBeOpenedIsLoggedInOneLineAndHealthStillAnswers(Vertx vertx) throws Exception {
    Path corrupt = dir.resolve("corrupt.db");
    Files.writeString(corrupt, "not a SQLite file at all, just text long enough to look like a header".repeat(20));
    try (LogCapture log = LogCapture.of("dev.vitals.samples.impl.HistorySection")) {
      StandaloneVerticle verticle = result(deploy(vertx, storeConfig(closedPortUnchecked(), corrupt)));
      WebClient client = WebClient.create(vertx);
      try {
        assertThat(result(client.get(verticle.actualPort(), "127.0.0.1", "/health").send()).statusCode())
          .isEqualTo(503); // the check fails, as it would with any store
        assertThat(history(vertx, verticle.actualPort()).getString("status")).isEqualTo("fail");
      } finally {
        client.close();
      }
      assertThat(log.messages()).hasSize(1).first().asString()
        .startsWith("WARNING: history store " + corrupt + ": ")
        .contains("not a database")
        .endsWith("; availability is kept in memory until a restart");
      undeployAll(vertx);
    }
  }

  @Test
  void aLockedFileNeitherFailsNorSlowsHealthAndItsRowsAreWrittenOnceFree(Vertx vertx) throws Exception {
    Path file = dir.resolve("vitals-history.db");
    StandaloneVerticle verticle = result(deploy(vertx, storeConfig(closedPortUnchecked(), file)));
    int port = verticle.actualPort();
    WebClient client = WebClient.create(vertx);
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
         Statement lock = other.createStatement()) {
      lock.execute("BEGIN EXCLUSIVE"); // another process holds the file: the standalone's writes fail
      long slowest = 0;
      long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      while (System.nanoTime() < end) {
        long started = System.nanoTime();
        assertThat(result(client.get(port, "127.0.0.1", "/health").send()).statusCode()).isEqualTo(503);
        slowest = Math.max(slowest, System.nanoTime() - started);
      }
      assertThat(Duration.ofNanos(slowest)).as("the slowest /health while the file is locked")
        .isLessThan(Duration.ofMillis(300));
      poll(() -> metrics(client, port), text -> text.contains("vitals_history_store_failing 1.0")
        && !text.contains("vitals_history_buffered_rows 0.0"), text -> "store failing, rows held: " + text);
      lock.execute("ROLLBACK");
      String written = poll(() -> metrics(client, port), text -> text.contains("vitals_history_store_failing 0.0")
        && text.contains("vitals_history_buffered_rows 0.0"), text -> "rows written once the file is free: " + text);
      assertThat(written).contains("vitals_history_rows_total{outcome=\"dropped\"} 0.0")
        .doesNotContain("vitals_history_rows_total{outcome=\"written\"} 0.0");
    } finally {
      client.close();
    }
    undeployAll(vertx);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT count(*) FROM transitions")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).as("the first result's transition, held while locked").isEqualTo(1);
    }
  }

  private static String metrics(WebClient client, int port) {
    return result(client.get(port, "127.0.0.1", "/metrics").send()).bodyAsString().lines()
      .filter(line -> line.startsWith("vitals_history_")).collect(java.util.stream.Collectors.joining("\n"));
  }

  @Test
  void historyOffTouchesNoFile(Vertx vertx) {
    Path file = dir.resolve("untouched.db");
    JsonObject config = storeConfig(closedPortUnchecked(), file);
    config.getJsonObject("history").put("enabled", false);
    result(deploy(vertx, config));
    undeployAll(vertx);
    assertThat(file).doesNotExist();
  }

  @Test
  void aBadStoreFailsTheStartNamingTheField(Vertx vertx) {
    JsonObject config = storeConfig(closedPortUnchecked(), dir.resolve("h.db"));
    config.getJsonObject("history").put("store", new JsonObject().put("type", "mysql"));
    assertThat(failure(deploy(vertx, config))).isInstanceOf(IllegalArgumentException.class)
      .hasMessageStartingWith("/history/store/type: ");
    config.getJsonObject("history").put("store", new JsonObject().put("type", "sqlite").put("minuteRetention", "1s"));
    assertThat(failure(deploy(vertx, config))).hasMessageStartingWith("/history/store/minuteRetention: ");
  }
}
