package dev.vitals.health;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** dependsOn: a check whose dependency fails is blocked, not run; unknown names and cycles are rejected. */
@ExtendWith(VertxExtension.class)
class DependsOnTest {

  private CheckRegistry registry;

  @BeforeEach
  void setUp(Vertx vertx) {
    registry = CheckRegistry.create(vertx);
  }

  @AfterEach
  void tearDown() {
    result(registry.close());
  }

  private static CheckOptions uncached(String name, String... dependsOn) {
    return new CheckOptions(name).setSuccessTtl(0).setFailureTtl(0).setMaxStale(0).setDependsOn(List.of(dependsOn));
  }

  private CheckReport report(String name) {
    return result(registry.report(name)).checks().get(0);
  }

  @Test
  void aFailingDependencyBlocksTheChainWithoutRunningIt() {
    CountingCheck db = new CountingCheck().then(ProcedureResult.fail("connection refused"));
    CountingCheck api = new CountingCheck();
    CountingCheck web = new CountingCheck();
    registry.register(uncached("db"), db);
    registry.register(uncached("api", "db"), api);
    registry.register(uncached("web", "api"), web);

    CheckReport blocked = report("web");
    assertThat(blocked.status()).isEqualTo(HealthStatus.FAIL);
    assertThat(blocked.output()).isEqualTo("blocked by api: blocked by db: connection refused");
    assertThat(blocked.data()).isEqualTo(new JsonObject().put("blockedBy", new JsonArray().add("api").add("db")));
    assertThat(web.runs()).isZero();
    assertThat(api.runs()).isZero();
    assertThat(db.runs()).isEqualTo(1);

    // db passes again (nothing queued): the chain runs, dependencies first.
    CheckReport running = report("web");
    assertThat(running.status()).isEqualTo(HealthStatus.PASS);
    assertThat(List.of(db.runs(), api.runs(), web.runs())).containsExactly(2, 1, 1);
  }

  @Test
  void aWarningOrPassingDependencyDoesNotBlock() {
    registry.register(uncached("cache"), () -> io.vertx.core.Future.succeededFuture(ProcedureResult.warn("slow")));
    CountingCheck api = new CountingCheck();
    registry.register(uncached("api", "cache"), api);

    assertThat(report("api").status()).isEqualTo(HealthStatus.PASS);
    assertThat(api.runs()).isEqualTo(1);
  }

  @Test
  void aCachedDependencyResultIsUsedWithoutRunningItAgain() {
    CountingCheck db = new CountingCheck();
    registry.register(new CheckOptions("db"), db);
    registry.register(uncached("api", "db"), new CountingCheck());

    report("api");
    report("api");
    assertThat(db.runs()).isEqualTo(1);
  }

  @Test
  void unknownNamesAndCyclesAreRejectedNamingThem() {
    assertThatThrownBy(() -> registry.register(uncached("api", "db"), new CountingCheck()))
      .isInstanceOf(IllegalArgumentException.class)
      .hasMessage("dependsOn: 'api' depends on 'db', which is not a registered check (register it first)");
    assertThatThrownBy(() -> registry.register(uncached("db", "db"), new CountingCheck()))
      .hasMessage("dependsOn: 'db' cannot depend on itself");

    // a -> b -> c registered, then c unregistered and registered again depending on a: a cycle.
    registry.register(uncached("a"), new CountingCheck());
    registry.register(uncached("b", "a"), new CountingCheck());
    registry.register(uncached("c", "b"), new CountingCheck());
    registry.unregister("a");
    assertThatThrownBy(() -> registry.register(uncached("a", "c"), new CountingCheck()))
      .isInstanceOf(IllegalArgumentException.class)
      .hasMessage("dependsOn: 'a' -> 'c' -> 'b' -> 'a' is a cycle");
    assertThat(registry.checks()).extracting(CheckOptions::getName).containsExactly("b", "c");
  }

  @Test
  void anUnregisteredDependencyBlocks() {
    registry.register(uncached("db"), new CountingCheck());
    CountingCheck api = new CountingCheck();
    registry.register(uncached("api", "db"), api);
    registry.unregister("db");

    assertThat(report("api").output()).isEqualTo("blocked by db: not registered");
    assertThat(api.runs()).isZero();
  }

  @Test
  void theJsonFormReadsAndWritesDependsOn() {
    CheckOptions options = new CheckOptions(new JsonObject().put("name", "api").put("dependsOn", new JsonArray().add("db")));
    assertThat(options.getDependsOn()).containsExactly("db");
    assertThat(options.toJson().getJsonArray("dependsOn")).containsExactly("db");
    assertThatThrownBy(() -> new CheckOptions(new JsonObject().put("dependsOn", "db")))
      .hasMessageStartingWith("dependsOn: expected an array of strings");
  }
}
