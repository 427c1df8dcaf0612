package dev.vitals.health.alerts;

import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckRegistryOptions;
import dev.vitals.health.test.LogCapture;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.vitals.health.alerts.AlertingTest.START;
import static dev.vitals.health.alerts.AlertingTest.uncached;
import static dev.vitals.health.test.Await.failure;
import static dev.vitals.health.test.Await.result;
import static dev.vitals.health.test.Await.until;
import static org.assertj.core.api.Assertions.assertThat;

/** Silences: suppress and count, end by themselves, kept in their file, bounded. */
@ExtendWith(VertxExtension.class)
class SilencesTest {

  Vertx vertx;
  CountingClock clock;
  CheckRegistry registry;
  RecordingSink ops;
  ScriptedCheck db;
  final List<Alerting> alertings = new ArrayList<>();
  @TempDir
  Path dir;

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    clock = new CountingClock(START);
    registry = CheckRegistry.create(vertx, new CheckRegistryOptions().setClock(clock.base()));
    db = new ScriptedCheck();
    registry.register(uncached("db/primary").setTags(Set.of("storage")), db);
    ops = new RecordingSink("ops");
  }

  @AfterEach
  void tearDown() {
    alertings.forEach(alerting -> result(alerting.close()));
    result(registry.close());
  }

  Alerting alerting(AlertsOptions options) {
    Alerting alerting = result(Alerting.create(vertx, registry, options.setGroupWait(0).setEvaluateEvery(5),
      Map.of("ops", ops), clock, "web-1", null));
    alertings.add(alerting);
    return alerting;
  }

  static JsonObject request(String duration) {
    return new JsonObject().put("checks", new JsonArray().add("db/*")).put("duration", duration)
      .put("reason", "migrating the primary").put("createdBy", "alice");
  }

  @Test
  void aSilencedAlertIsCountedNotSentAndSentWhenTheSilenceEndsWhileItFires() {
    Alerting alerting = alerting(new AlertsOptions());
    Silence silence = result(alerting.silences().add(request("10m")));
    assertThat(silence.until()).isEqualTo(START.plus(Duration.ofMinutes(10)));
    assertThat(silence.createdAt()).isEqualTo(START);
    assertThat(silence.createdBy()).isEqualTo("alice");

    db.fail("refused");
    result(registry.report("db/primary"));
    result(registry.report("db/primary"));
    clock.awaitReads(5);
    assertThat(ops.lines()).isEmpty();
    // One firing message held back, counted once however many evaluations and runs see it.
    assertThat(alerting.suppressed()).containsEntry("silence", 1L).containsEntry("window", 0L);
    ActiveAlert active = alerting.active().get(0);
    assertThat(active.sent()).isFalse();
    assertThat(active.silenced()).isTrue();
    assertThat(active.silences()).containsExactly(silence.id());
    assertThat(alerting.toJson().getJsonArray("silences").getJsonObject(0).getString("id")).isEqualTo(silence.id());

    clock.advance(Duration.ofMinutes(10));
    until(() -> ops.received().size() == 1, () -> ops.lines().toString());
    assertThat(ops.lines()).containsExactly("firing db/primary");
    assertThat(alerting.silences().list()).isEmpty();
    assertThat(alerting.active().get(0).silenced()).isFalse();
  }

  @Test
  void aSilenceByTagHoldsBackTheRecoveryToo() {
    Alerting alerting = alerting(new AlertsOptions());
    db.fail("refused");
    result(registry.report("db/primary"));
    assertThat(ops.lines()).containsExactly("firing db/primary");
    result(alerting.silences().add(new JsonObject().put("tags", new JsonArray().add("storage"))
      .put("until", START.plus(Duration.ofHours(1)).toString()).put("reason", "r").put("createdBy", "bob")));
    db.pass();
    result(registry.report("db/primary"));
    assertThat(ops.lines()).containsExactly("firing db/primary");
    assertThat(alerting.suppressed()).containsEntry("silence", 1L);
  }

  @Test
  void aSilenceByTagHoldsBackTheResolutionOfAnUnregisteredCheck() {
    Alerting alerting = alerting(new AlertsOptions());
    db.fail("refused");
    result(registry.report("db/primary"));
    result(alerting.silences().add(new JsonObject().put("tags", new JsonArray().add("storage"))
      .put("duration", "1h").put("reason", "decommissioning").put("createdBy", "bob")));
    registry.unregister("db/primary");
    assertThat(ops.lines()).containsExactly("firing db/primary");
    assertThat(alerting.suppressed()).containsEntry("silence", 1L);
    assertThat(alerting.active()).isEmpty();
  }

  @Test
  void removedSilencesNoLongerHold() {
    Alerting alerting = alerting(new AlertsOptions());
    Silence silence = result(alerting.silences().add(request("1h")));
    assertThat(alerting.silences().get(silence.id())).isEqualTo(silence);
    assertThat(result(alerting.silences().remove(silence.id()))).isTrue();
    assertThat(result(alerting.silences().remove(silence.id()))).isFalse();
    assertThat(alerting.silences().get(silence.id())).isNull();
    db.fail("refused");
    result(registry.report("db/primary"));
    assertThat(ops.lines()).containsExactly("firing db/primary");
  }

  @Test
  void silencesAreKeptAcrossANewAlertingOverTheSameFile() throws Exception {
    Path file = dir.resolve("silences.json");
    Alerting first = alerting(new AlertsOptions().setSilencesFile(file.toString()));
    Silence kept = result(first.silences().add(request("1h")));
    Silence removed = result(first.silences().add(request("2h")));
    result(first.silences().remove(removed.id()));
    assertThat(new JsonObject(Files.readString(file)).getJsonArray("silences")).hasSize(1);
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).as("no temporary file left").containsExactly("silences.json");
    }
    result(first.close());

    Alerting second = alerting(new AlertsOptions().setSilencesFile(file.toString()));
    assertThat(second.silences().list()).containsExactly(kept);
    db.fail("refused");
    result(registry.report("db/primary"));
    assertThat(ops.lines()).isEmpty();
    assertThat(second.suppressed()).containsEntry("silence", 1L);

    // Ended silences are not read back.
    clock.advance(Duration.ofHours(1));
    Alerting third = alerting(new AlertsOptions().setSilencesFile(file.toString()));
    assertThat(third.silences().list()).isEmpty();
  }

  @Test
  void aCorruptFileIsLoggedOnceMovedAsideAndTheSilencesStartEmpty() throws Exception {
    Path file = dir.resolve("silences.json");
    Files.writeString(file, "{\"silences\": [{\"id\": \"x\"");
    try (LogCapture log = LogCapture.of("dev.vitals.health.alerts.impl.SilencesImpl")) {
      Alerting alerting = alerting(new AlertsOptions().setSilencesFile(file.toString()));
      assertThat(alerting.silences().list()).isEmpty();
      assertThat(log.records()).hasSize(1);
      assertThat(log.records().get(0).getMessage()).startsWith("silencesFile: could not read " + file)
        .contains("moved to " + dir.resolve("silences.json.corrupt"));
      assertThat(Files.readString(dir.resolve("silences.json.corrupt"))).isEqualTo("{\"silences\": [{\"id\": \"x\"");
      assertThat(Files.exists(file)).isFalse();
      result(alerting.silences().add(request("1h")));
      assertThat(new JsonObject(Files.readString(file)).getJsonArray("silences")).hasSize(1);
    }
  }

  @Test
  void maxSilencesBoundsThemAndEndedOnesMakeRoom() {
    Alerting alerting = alerting(new AlertsOptions().setMaxSilences(2));
    result(alerting.silences().add(request("1m")));
    result(alerting.silences().add(request("1h")));
    Throwable full = failure(alerting.silences().add(request("1h")));
    assertThat(full).isInstanceOf(IllegalStateException.class)
      .hasMessage("silences: already 2 silences (maxSilences); remove one or wait for one to end");
    clock.advance(Duration.ofMinutes(1));
    result(alerting.silences().add(request("1h")));
    assertThat(alerting.silences().list()).hasSize(2);
  }

  @Test
  void invalidRequestsFailNamingTheField() {
    Alerting alerting = alerting(new AlertsOptions());
    assertThat(failure(alerting.silences().add(request("2161h"))))
      .isInstanceOf(IllegalArgumentException.class)
      .hasMessage("until: expected an instant after now and at most 90 days ahead, got '2027-03-06T13:00:00Z'");
    assertThat(failure(alerting.silences().add(request("1h").put("until", "2026-12-06T13:00:00Z"))))
      .hasMessage("until: expected either until (an instant) or duration, got both");
    assertThat(failure(alerting.silences().add(request("1h").put("checks", new JsonArray()))))
      .hasMessage("checks: expected check name globs, tags or both, got neither");
    JsonObject noReason = request("1h");
    noReason.remove("reason");
    assertThat(failure(alerting.silences().add(noReason))).hasMessage("reason: expected a non-empty string, got 'null'");
    assertThat(failure(alerting.silences().add(request("1h").put("who", "x"))))
      .hasMessageStartingWith("who: unknown field, expected one of checks, tags, until, duration, reason, createdBy");
    assertThat(alerting.silences().list()).isEmpty();
  }

  @Test
  void aSilenceWhoseJsonFormExceeds64KiBIsRefusedAsTheFleetsMapWouldRefuseIt() {
    Alerting alerting = alerting(new AlertsOptions());
    assertThat(failure(alerting.silences().add(request("1h").put("checks", new JsonArray().add(" ")))))
      .hasMessage("checks: expected non-empty strings, got ' '");
    Throwable large = failure(alerting.silences().add(request("1h").put("reason", "é".repeat(40_000))));
    assertThat(large).isInstanceOf(IllegalArgumentException.class)
      .hasMessageStartingWith("silence: expected at most 65536 bytes in JSON form, got 80");
    assertThat(result(alerting.silences().add(request("1h").put("reason", "x".repeat(60_000)))).reason())
      .hasSize(60_000);
    assertThat(alerting.silences().list()).hasSize(1);
  }
}
