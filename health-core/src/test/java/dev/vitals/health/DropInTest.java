package dev.vitals.health;

import dev.vitals.health.test.Await;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.CheckResult;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where users can see it, the registry answers as vertx-health-check's own {@code HealthChecks} does: both are
 * driven the same way and their JSON compared.
 */
@ExtendWith(VertxExtension.class)
class DropInTest {

  private static void registerBoth(HealthChecks upstream, CheckRegistry ours, String name, Status status) {
    upstream.register(name, promise -> promise.complete(status));
    ours.register(name, promise -> promise.complete(status));
  }

  private static JsonObject json(HealthChecks checks, String name) {
    return Await.result(checks.checkStatus(name).map(CheckResult::toJson));
  }

  @Test
  void orderAfterUnregisteringIsUpstreams(Vertx vertx) {
    HealthChecks upstream = HealthChecks.create(vertx);
    CheckRegistry ours = CheckRegistry.create(vertx);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      names.add("check-" + i);
      registerBoth(upstream, ours, "check-" + i, Status.OK());
    }
    for (int i = 0; i < 35; i++) {
      upstream.unregister(names.get(i));
      ours.unregister(names.get(i));
    }
    // The upstream map kept the capacity it grew to: a fresh one of 5 entries would iterate differently.
    assertThat(json(ours, "").encode()).isEqualTo(json(upstream, "").encode());
  }

  @Test
  void anEmptiedGroupStays(Vertx vertx) {
    HealthChecks upstream = HealthChecks.create(vertx);
    CheckRegistry ours = CheckRegistry.create(vertx);
    registerBoth(upstream, ours, "sub/A", Status.OK());
    registerBoth(upstream, ours, "sub2/c/C1", Status.OK());
    upstream.unregister("sub2/c");
    ours.unregister("sub2/c");

    assertThat(json(ours, "sub2").encode()).isEqualTo(json(upstream, "sub2").encode())
      .isEqualTo("{\"status\":\"UP\",\"checks\":[],\"outcome\":\"UP\"}");
    assertThat(json(ours, "").encode()).isEqualTo(json(upstream, "").encode()).contains("{\"id\":\"sub2\",\"status\":\"UP\",\"checks\":[]}");
  }

  @Test
  void aPathBelowACheckIsNotAComposite(Vertx vertx) {
    CheckRegistry ours = CheckRegistry.create(vertx);
    ours.register("sub2/c/C1", Promise::complete);

    assertThat(Await.failure(ours.checkStatus("sub2/c/C1/foo")))
      .isInstanceOf(IllegalArgumentException.class).hasMessage("'foo' is not a composite");
    assertThat(Await.failure(ours.checkStatus("missing"))).hasMessageContaining("not found");
  }

  @Test
  void procedureInErrorKeepsTheErrorFlag(Vertx vertx) {
    HealthChecks upstream = HealthChecks.create(vertx);
    CheckRegistry ours = CheckRegistry.create(vertx);
    registerBoth(upstream, ours, "x", Status.KO(new JsonObject().put("k", 1)).setProcedureInError(true));

    assertThat(json(ours, "").encode()).isEqualTo(json(upstream, "").encode()).contains("\"error\":true");
  }

  @Test
  void aThrowingOrTimedOutProcedureGivesAProcedureException(Vertx vertx) {
    HealthChecks upstream = HealthChecks.create(vertx);
    CheckRegistry ours = CheckRegistry.create(vertx);
    for (HealthChecks checks : List.of(upstream, ours)) {
      checks.register("throws", promise -> {
        throw new IllegalStateException("boom");
      });
      checks.register("hangs", 50, promise -> { });
    }

    for (String name : List.of("throws", "hangs")) {
      CheckResult mine = Await.result(ours.checkStatus(name));
      CheckResult theirs = Await.result(upstream.checkStatus(name));
      assertThat(mine.getFailure()).isNotNull();
      assertThat(mine.getFailure().getClass()).isEqualTo(theirs.getFailure().getClass());
      assertThat(mine.getFailure().getMessage()).isEqualTo(theirs.getFailure().getMessage());
      assertThat(mine.toJson().encode()).isEqualTo(theirs.toJson().encode());
    }
  }

  @Test
  void theDefaultTimeoutOfTheDropInPathIsOneSecond(Vertx vertx) {
    CheckRegistry ours = CheckRegistry.create(vertx);
    ours.register("x", Promise::complete);
    ours.register(new CheckOptions("y"), () -> io.vertx.core.Future.succeededFuture(ProcedureResult.pass()));

    assertThat(ours.checks()).extracting(CheckOptions::getTimeout).containsExactly(1_000L, 2_000L);
  }
}
