package dev.vitals.health;

import dev.vitals.health.test.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/** Status change notifications, flapping damping and the event bus. */
@ExtendWith(VertxExtension.class)
class ChangesTest {

  private CheckRegistry registry;
  private final AtomicReference<ProcedureResult> next = new AtomicReference<>(ProcedureResult.pass("ok"));
  private final List<StatusChange> changes = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp(Vertx vertx) {
    registry = CheckRegistry.create(vertx);
    registry.addListener(changes::add);
  }

  @AfterEach
  void tearDown() {
    result(registry.close());
  }

  private CheckReport run() {
    return result(registry.report("db")).checks().get(0);
  }

  private List<String> transitions() {
    return changes.stream().map(c -> c.kind().wireName() + ":" + c.from() + "->" + c.to()).toList();
  }

  @Test
  void everyChangeOfACheckAndOfTheOverallOutcomeIsHeardOnce() {
    registry.register(new CheckOptions("db").setSuccessTtl(0).setFailureTtl(0), () -> Future.succeededFuture(next.get()));
    run();
    run();
    assertThat(changes).as("a first pass is no change").isEmpty();
    next.set(ProcedureResult.fail("refused"));
    run();
    run();
    next.set(ProcedureResult.pass("back"));
    run();
    assertThat(transitions()).containsExactly("check:pass->fail", "overall:pass->fail", "check:fail->pass",
      "overall:fail->pass");
    assertThat(changes.get(0).output()).isEqualTo("refused");
    assertThat(changes.get(1).output()).isEqualTo("db: refused");
  }

  @Test
  void aFirstResultThatFailsIsHeard() {
    next.set(ProcedureResult.fail("down from the start"));
    registry.register(new CheckOptions("db"), () -> Future.succeededFuture(next.get()));
    run();
    assertThat(transitions()).containsExactly("check:null->fail", "overall:pass->fail");
  }

  @Test
  void failureAndSuccessThresholdsDampFlapping() {
    registry.register(new CheckOptions("db").setSuccessTtl(0).setFailureTtl(0).setFailureThreshold(3)
      .setSuccessThreshold(2), () -> Future.succeededFuture(next.get()));
    run();
    next.set(ProcedureResult.fail("timeout"));
    CheckReport first = run();
    assertThat(first.passed()).isTrue();
    assertThat(first.output()).isEqualTo("timeout (failure 1 of 3 before failing)");
    assertThat(run().passed()).isTrue();
    assertThat(run().passed()).as("third consecutive failure").isFalse();
    next.set(ProcedureResult.pass("ok"));
    CheckReport recovering = run();
    assertThat(recovering.passed()).isFalse();
    assertThat(recovering.output()).isEqualTo("timeout (recovering: pass 1 of 2)");
    assertThat(run().passed()).isTrue();
    assertThat(transitions()).containsExactly("check:pass->fail", "overall:pass->fail", "check:fail->pass",
      "overall:fail->pass");
  }

  @Test
  void aFlapBelowTheThresholdIsNotAChange() {
    registry.register(new CheckOptions("db").setSuccessTtl(0).setFailureTtl(0).setFailureThreshold(2),
      () -> Future.succeededFuture(next.get()));
    run();
    next.set(ProcedureResult.fail("blip"));
    run();
    next.set(ProcedureResult.pass("ok"));
    run();
    assertThat(changes).isEmpty();
  }

  @Test
  void changesArePublishedOnTheEventBus(Vertx vertx) throws Exception {
    MaintenanceSource maintenance = MaintenanceSource.local();
    StatusEvents.publish(vertx, registry, maintenance);
    List<JsonObject> heard = new CopyOnWriteArrayList<>();
    java.util.concurrent.CountDownLatch three = new java.util.concurrent.CountDownLatch(3);
    Await.result(vertx.eventBus().<JsonObject>consumer(StatusEvents.ADDRESS, msg -> {
      heard.add(msg.body());
      three.countDown();
    }).completion());
    next.set(ProcedureResult.fail("refused"));
    registry.register(new CheckOptions("db"), () -> Future.succeededFuture(next.get()));
    run();
    result(maintenance.enable("upgrade"));
    assertThat(three.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(heard).extracting(j -> j.getString("kind") + ":" + j.getString("name") + ":" + j.getString("to"))
      .containsExactlyInAnyOrder("check:db:fail", "overall:overall:fail", "maintenance:maintenance:maintenance");
    JsonObject m = heard.stream().filter(j -> j.getString("kind").equals("maintenance")).findFirst().orElseThrow();
    assertThat(m.getString("from")).isEqualTo("ok");
    assertThat(m.getString("output")).isEqualTo("upgrade");
    assertThat(StatusChange.fromJson(m).toJson()).isEqualTo(m);
  }

  @Test
  void thresholdsReadFromJsonNameTheField() {
    assertThat(new CheckOptions(new JsonObject().put("name", "a").put("failureThreshold", 3)).getFailureThreshold())
      .isEqualTo(3);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CheckOptions(new JsonObject().put("name", "a")
      .put("successThreshold", 0))).hasMessageStartingWith("successThreshold:");
  }
}
