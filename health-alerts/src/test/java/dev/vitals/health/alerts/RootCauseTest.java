package dev.vitals.health.alerts;

import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckRegistryOptions;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.vitals.health.alerts.AlertingTest.START;
import static dev.vitals.health.alerts.AlertingTest.uncached;
import static dev.vitals.health.test.Await.result;
import static dev.vitals.health.test.Await.until;
import static org.assertj.core.api.Assertions.assertThat;

/** Root cause only: checks blocked through dependsOn do not alert; their root lists them. */
@ExtendWith(VertxExtension.class)
class RootCauseTest {

  CountingClock clock;
  CheckRegistry registry;
  RecordingSink ops;
  Alerting alerting;
  ScriptedCheck db;
  ScriptedCheck orders;
  ScriptedCheck invoices;

  @BeforeEach
  void setUp(Vertx vertx) {
    clock = new CountingClock(START);
    registry = CheckRegistry.create(vertx, new CheckRegistryOptions().setClock(clock.base()));
    db = new ScriptedCheck();
    orders = new ScriptedCheck();
    invoices = new ScriptedCheck();
    registry.register(uncached("db"), db);
    registry.register(uncached("orders").setDependsOn(List.of("db")), orders);
    registry.register(uncached("invoices").setDependsOn(List.of("db")), invoices);
    ops = new RecordingSink("ops");
    alerting = result(Alerting.create(vertx, registry, new AlertsOptions().setGroupWait(1_000).setEvaluateEvery(5),
      Map.of("ops", ops), clock, "web-1", "shop"));
  }

  @AfterEach
  void tearDown() {
    result(alerting.close());
    result(registry.close());
  }

  @Test
  void oneFiringForTheRootListingWhatItBlocksAndOneResolved() {
    db.fail("Connection refused");
    orders.fail("would fail too, were it run");
    result(registry.report());
    clock.advance(Duration.ofSeconds(1));
    until(() -> !ops.received().isEmpty(), () -> ops.lines().toString());

    assertThat(ops.lines()).containsExactly("firing db");
    Alert alert = ops.received().get(0).alert();
    assertThat(alert.blocks()).containsExactly("invoices", "orders");
    assertThat(ops.received().get(0).summary()).isEqualTo("db fails: Connection refused; blocks: invoices, orders");
    assertThat(alerting.active()).extracting(active -> active.alert().check()).containsExactly("db");

    // Still failing: blocked runs stay quiet, however many.
    result(registry.report());
    result(registry.report());
    clock.advance(Duration.ofSeconds(5));
    clock.awaitReads(5);
    assertThat(ops.lines()).containsExactly("firing db");

    db.pass();
    orders.pass();
    result(registry.report());
    clock.awaitReads(5);
    assertThat(ops.lines()).containsExactly("firing db", "resolved db");
    assertThat(ops.received().get(1).summary()).isEqualTo("db recovered; it blocked invoices, orders");
    assertThat(alerting.active()).isEmpty();
  }

  @Test
  void aBlockedCheckThatStillFailsOnItsOwnFiresOnceTheRootRecovers() {
    db.fail("Connection refused");
    orders.fail("no orders table");
    result(registry.report());
    clock.advance(Duration.ofSeconds(1));
    until(() -> !ops.received().isEmpty(), () -> ops.lines().toString());

    db.pass();
    result(registry.report());
    clock.advance(Duration.ofSeconds(1));
    until(() -> ops.received().size() == 3, () -> ops.lines().toString());
    assertThat(ops.lines()).containsExactly("firing db", "resolved db", "firing orders");
    assertThat(ops.received().get(2).alert().output()).isEqualTo("no orders table");
    assertThat(ops.received().get(2).alert().blocks()).isEmpty();
  }

  @Test
  void aChainNamesItsLastLinkAsTheRoot(Vertx vertx) {
    ScriptedCheck web = new ScriptedCheck();
    registry.register(uncached("web").setDependsOn(List.of("orders")), web);
    db.fail("Connection refused");
    result(registry.report());
    clock.advance(Duration.ofSeconds(1));
    until(() -> !ops.received().isEmpty(), () -> ops.lines().toString());
    assertThat(ops.lines()).containsExactly("firing db");
    assertThat(ops.received().get(0).alert().blocks()).containsExactly("invoices", "orders", "web");
  }
}
