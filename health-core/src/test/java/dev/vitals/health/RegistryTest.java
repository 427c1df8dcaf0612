package dev.vitals.health;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.CheckResult;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.NoSuchElementException;

import static dev.vitals.health.test.Await.failure;
import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Names, groups, criticality, tags and the vertx-health-check view. */
@ExtendWith(VertxExtension.class)
class RegistryTest {

  private CheckRegistry registry;

  @BeforeEach
  void setUp(Vertx vertx) {
    registry = CheckRegistry.create(vertx);
  }

  @AfterEach
  void tearDown() {
    result(registry.close());
  }

  private static Check passing(String output) {
    return () -> Future.succeededFuture(ProcedureResult.pass(output));
  }

  private static Check failing(String output) {
    return () -> Future.succeededFuture(ProcedureResult.fail(output));
  }

  @Test
  void overallStatusFollowsCriticality() {
    assertThat(result(registry.report()).status()).as("no checks").isEqualTo(HealthStatus.PASS);

    registry.register(new CheckOptions("a"), passing("ok"));
    assertThat(result(registry.report()).status()).isEqualTo(HealthStatus.PASS);

    registry.register(new CheckOptions("cache").setCritical(false), failing("cache down"));
    HealthReport warn = result(registry.report());
    assertThat(warn.status()).isEqualTo(HealthStatus.WARN);
    assertThat(warn.checks().get(1).status()).isEqualTo(HealthStatus.FAIL);
    assertThat(warn.checks().get(1).critical()).isFalse();

    registry.register(new CheckOptions("db"), failing("db down"));
    assertThat(result(registry.report()).status()).isEqualTo(HealthStatus.FAIL);
  }

  @Test
  void aCheckByItsOwnNameAnswersByItsOwnStatusAndCriticalityWeighsOnlyInGroups() {
    registry.register(new CheckOptions("cache/local").setCritical(false), failing("cold"));
    registry.register(new CheckOptions("cache/remote").setCritical(false), passing("pong"));

    HealthReport one = result(registry.report("cache/local"));
    assertThat(one.status()).isEqualTo(HealthStatus.FAIL);
    assertThat(one.checks()).hasSize(1);
    assertThat(one.checks().get(0).critical()).isFalse();
    assertThat(registry.isCurrent(one)).as("still vouched for by the registry").isTrue();
    assertThat(result(registry.report("cache/remote")).status()).isEqualTo(HealthStatus.PASS);
    assertThat(result(registry.report("cache")).status()).as("a group of non-critical checks is an aggregate")
      .isEqualTo(HealthStatus.WARN);
    assertThat(result(registry.report()).status()).isEqualTo(HealthStatus.WARN);

    assertThat(result(registry.checkStatus("cache/local")).getUp()).isFalse();
    assertThat(result(registry.invoke("cache/local")).getString("outcome")).isEqualTo("DOWN");
    assertThat(result(registry.checkStatus("cache")).getUp()).isTrue();
    assertThat(result(registry.checkStatus()).getUp()).isTrue();
  }

  @Test
  void aCheckMayReportWarnItself() {
    registry.register(new CheckOptions("disk"), () -> Future.succeededFuture(ProcedureResult.warn("85% full")));
    HealthReport report = result(registry.report());
    assertThat(report.status()).isEqualTo(HealthStatus.WARN);
    assertThat(report.checks().get(0).passed()).isTrue();
  }

  @Test
  void nestedNamesFormGroups() {
    registry.register(new CheckOptions("db/primary"), passing("p"));
    registry.register(new CheckOptions("db/replica"), failing("r"));
    registry.register(new CheckOptions("cache"), passing("c"));

    assertThat(result(registry.report("db")).checks()).extracting(CheckReport::name)
      .containsExactly("db/primary", "db/replica");
    assertThat(result(registry.report("db/primary")).checks()).extracting(CheckReport::name)
      .containsExactly("db/primary");
    assertThat(result(registry.report("/db/replica/")).status()).isEqualTo(HealthStatus.FAIL);
    assertThat(result(registry.report("")).checks()).hasSize(3);
    assertThat(failure(registry.report("nope"))).isInstanceOf(NoSuchElementException.class)
      .hasMessage("Check not found: nope");
    assertThat(failure(registry.report("db/prim"))).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void namesAreCheckedAtTheDoor() {
    registry.register(new CheckOptions("db/primary"), passing("p"));
    assertThatThrownBy(() -> registry.register(new CheckOptions("db/primary"), passing("x")))
      .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already registered");
    assertThatThrownBy(() -> registry.register(new CheckOptions("db"), passing("x")))
      .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'db' is a group");
    assertThatThrownBy(() -> registry.register(new CheckOptions("db/primary/x"), passing("x")))
      .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'db/primary' is a check");
    assertThatThrownBy(() -> registry.register(new CheckOptions(), passing("x")))
      .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    assertThatThrownBy(() -> new CheckOptions(""))
      .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CheckOptions("a//b"))
      .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty segment");
    assertThatThrownBy(() -> new CheckOptions("a").setTimeout(0))
      .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
  }

  @Test
  void unregisterRemovesACheckOrAGroup() {
    registry.register(new CheckOptions("db/primary"), passing("p"));
    registry.register(new CheckOptions("db/replica"), passing("r"));
    registry.register(new CheckOptions("cache"), passing("c"));
    registry.unregister("db");
    assertThat(registry.checks()).extracting(CheckOptions::getName).containsExactly("cache");
    registry.unregister("unknown");
    assertThat(registry.checks()).hasSize(1);
  }

  @Test
  void filterSelectsByTagAndDoesNotRunTheOthers() {
    java.util.concurrent.atomic.AtomicInteger dbRuns = new java.util.concurrent.atomic.AtomicInteger();
    registry.register(new CheckOptions("loop").addTag("liveness"), passing("l"));
    registry.register(new CheckOptions("db").addTag("readiness"), () -> {
      dbRuns.incrementAndGet();
      return Future.succeededFuture(ProcedureResult.pass());
    });
    HealthReport live = result(registry.report(o -> o.getTags().contains("liveness")));
    assertThat(live.checks()).extracting(CheckReport::name).containsExactly("loop");
    assertThat(live.checks().get(0).tags()).containsExactly("liveness");
    assertThat(dbRuns.get()).isZero();
  }

  @Test
  void vertxStyleProceduresAreCachedLikeAnyOther() {
    java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
    registry.register("legacy", promise -> {
      runs.incrementAndGet();
      promise.complete(Status.KO(new JsonObject().put("reason", "queue full")));
    });
    registry.register("legacy-ok", promise -> promise.complete());
    HealthReport report = result(registry.report());
    assertThat(report.checks().get(0).passed()).isFalse();
    assertThat(report.checks().get(0).data()).isEqualTo(new JsonObject().put("reason", "queue full"));
    assertThat(report.checks().get(1).passed()).as("vertx-health-check: completing with no status is UP").isTrue();
    result(registry.report());
    assertThat(runs.get()).isEqualTo(1);
  }

  @Test
  void checkStatusGivesVertxHealthCheckShapes(Vertx vertx) {
    HealthChecks plain = HealthChecks.create(vertx);
    for (HealthChecks hc : new HealthChecks[]{registry, plain}) {
      hc.register("db/primary", p -> p.complete(Status.OK(new JsonObject().put("pool", 5))));
      hc.register("db/replica", p -> p.fail("replica lagging"));
    }
    JsonObject ours = result(registry.checkStatus()).toJson();
    JsonObject theirs = result(plain.checkStatus()).toJson();
    assertThat(ours.getString("outcome")).isEqualTo("DOWN").isEqualTo(theirs.getString("outcome"));
    assertThat(ours.getJsonArray("checks").getJsonObject(0).getString("id")).isEqualTo("db");
    assertThat(sortedIds(ours)).isEqualTo(sortedIds(theirs));
    assertThat(result(registry.invoke("db/primary"))).isEqualTo(result(plain.invoke("db/primary")));
    assertThat(result(registry.invoke("db/replica"))).isEqualTo(result(plain.invoke("db/replica")));
    CheckResult group = result(registry.checkStatus("db"));
    assertThat(group.getChecks()).hasSize(2);
    assertThat(failure(registry.checkStatus("nope")).getMessage()).containsIgnoringCase("not found");
  }

  private static java.util.List<String> sortedIds(JsonObject json) {
    java.util.List<String> ids = new java.util.ArrayList<>();
    for (Object o : json.getJsonArray("checks")) {
      JsonObject group = (JsonObject) o;
      for (Object c : group.getJsonArray("checks")) {
        ids.add(((JsonObject) c).encode());
      }
    }
    java.util.Collections.sort(ids);
    return ids;
  }

  @Test
  void theVertxViewIsByteForByteWhatVertxHealthCheckGives(Vertx vertx) {
    HealthChecks plain = HealthChecks.create(vertx);
    for (HealthChecks hc : new HealthChecks[]{registry, plain}) {
      hc.register("a", p -> p.complete(Status.OK()));
      hc.register("db/primary", p -> p.complete(Status.OK(new JsonObject().put("pool", 5))));
      hc.register("db/replica", p -> p.complete(Status.KO(new JsonObject().put("lag", 12))));
      hc.register("queue", p -> p.fail("broker unreachable"));
      hc.register("thrower", p -> {
        throw new IllegalStateException("bad state");
      });
      hc.register("hang", 50, p -> { });
      hc.register("z/y/x", p -> p.complete());
      for (int i = 0; i < 12; i++) {
        hc.register("many/check-" + i, p -> p.complete(Status.OK()));
      }
    }
    assertThat(result(registry.checkStatus()).toJson().encode()).isEqualTo(result(plain.checkStatus()).toJson().encode());
    for (String name : new String[]{"db", "db/replica", "thrower", "hang", "z", "many"}) {
      assertThat(result(registry.invoke(name)).encode()).as(name).isEqualTo(result(plain.invoke(name)).encode());
    }
  }
}
