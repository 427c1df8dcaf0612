package dev.vitals.health.alerts;

import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckRegistryOptions;
import dev.vitals.health.HealthStatus;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static dev.vitals.health.test.Await.result;
import static dev.vitals.health.test.Await.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Once per fleet: the quorum over the fleet's instances, the alert naming where it fails, only the leader sending,
 * and a new leader sending what is active; and the shared-data leadership behind it.
 */
@ExtendWith(VertxExtension.class)
class FleetAlertingTest {

  /** A fleet as a fleet view would give it: set by the test. */
  static final class Fleet implements AlertFleet {
    volatile boolean leads;
    volatile int instances = 1;
    volatile String silencesMap;
    final Map<String, List<Failing>> failing = new ConcurrentHashMap<>();

    @Override
    public boolean leads() {
      return leads;
    }

    /** When each other instance published: a new time per change of {@link #failing}, as a fleet would. */
    final Map<String, java.time.Instant> published = new ConcurrentHashMap<>();

    @Override
    public View view() {
      return new View(instances, null, failing, published);
    }

    /** Another status from each instance named: a new publication, the same failing checks. */
    void publish(String... names) {
      for (String name : names) {
        published.merge(name, java.time.Instant.EPOCH.plusMillis(1), (a, b) -> a.plusMillis(1));
      }
    }

    @Override
    public String silencesMap() {
      return silencesMap;
    }

  }

  Vertx vertx;
  CheckRegistry registry;
  RecordingSink ops;
  final List<Alerting> alertings = new ArrayList<>();

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    registry = CheckRegistry.create(vertx, new CheckRegistryOptions().setClock(new CountingClock(AlertingTest.START).base()));
    ops = new RecordingSink("ops");
  }

  @AfterEach
  void tearDown() {
    alertings.forEach(alerting -> result(alerting.close()));
    result(registry.close());
  }

  Alerting alerting(AlertsOptions options, AlertFleet fleet) {
    Alerting alerting = result(Alerting.create(vertx, registry, options, Map.of("ops", ops),
      new CountingClock(AlertingTest.START), "web-1", "shop", fleet));
    alertings.add(alerting);
    return alerting;
  }

  ScriptedCheck check(String name) {
    ScriptedCheck check = new ScriptedCheck();
    registry.register(AlertingTest.uncached(name), check);
    return check;
  }

  @Test
  void firesOnTheQuorumOfInstancesAndNamesThem() {
    ScriptedCheck db = check("db");
    Fleet fleet = new Fleet();
    fleet.leads = true;
    fleet.instances = 5;
    Alerting alerting = alerting(AlertingTest.quick().addRule(new AlertRuleOptions().setName("db").setInstances("50%")),
      fleet);

    db.fail("refused");
    result(registry.report("db"));
    assertThat(alerting.active()).as("1 of 5 is below 50 %% (3)").isEmpty();

    fleet.failing.put("db", List.of(new AlertFleet.Failing("web-2", HealthStatus.FAIL, "refused"),
      new AlertFleet.Failing("web-3", HealthStatus.FAIL, "timeout")));
    until(() -> ops.received().size() == 1, () -> ops.lines().toString()); // the timer sees the others
    Alert alert = ops.received().get(0).alert();
    assertThat(alert.instances()).containsExactly("web-1", "web-2", "web-3");
    assertThat(alert.ofInstances()).isEqualTo(5);
    assertThat(alert.summary()).startsWith("db fails (on 3 of 5 instances): refused");
    assertThat(alert.labels()).doesNotContainKey("instance").containsEntry("application", "shop");
    assertThat(alerting.toJson().getJsonObject("fleet"))
      .isEqualTo(new JsonObject().put("instance", "web-1").put("leads", true).put("leader", null).put("instances", 5));

    fleet.failing.put("db", List.of(new AlertFleet.Failing("web-2", HealthStatus.FAIL, "refused")));
    until(() -> ops.received().size() == 2, () -> ops.lines().toString());
    assertThat(ops.lines()).containsExactly("firing db", "resolved db");
  }

  @Test
  void othersAloneFireItWhenThisInstancePasses() throws InterruptedException {
    ScriptedCheck db = check("db");
    db.pass();
    result(registry.report("db"));
    Fleet fleet = new Fleet();
    fleet.leads = true;
    fleet.instances = 3;
    alerting(AlertingTest.quick().addRule(new AlertRuleOptions().setName("db").setInstances(2)), fleet);

    fleet.failing.put("db", List.of(new AlertFleet.Failing("web-2", HealthStatus.FAIL, "disk full"),
      new AlertFleet.Failing("web-3", HealthStatus.WARN, "slow")));
    Thread.sleep(100); // twenty evaluations
    assertThat(ops.lines()).as("a warn does not count for a rule on fail").isEmpty();
    fleet.failing.put("db", List.of(new AlertFleet.Failing("web-2", HealthStatus.FAIL, "disk full"),
      new AlertFleet.Failing("web-3", HealthStatus.FAIL, "disk full")));
    until(() -> ops.received().size() == 1, () -> ops.lines().toString());
    Alert alert = ops.received().get(0).alert();
    assertThat(alert.instances()).containsExactly("web-2", "web-3");
    assertThat(alert.output()).isEqualTo("disk full");
  }

  @Test
  void onlyTheLeaderSendsAndANewLeaderSendsWhatIsActive() throws InterruptedException {
    ScriptedCheck db = check("db");
    Fleet fleet = new Fleet();
    fleet.instances = 2;
    Alerting alerting = alerting(AlertingTest.quick().addRule(new AlertRuleOptions().setName("db")), fleet);

    db.fail("refused");
    result(registry.report("db"));
    Thread.sleep(100); // twenty evaluations
    assertThat(alerting.active()).hasSize(1);
    assertThat(alerting.active().get(0).sent()).isFalse();
    assertThat(ops.lines()).as("a follower judges but does not send").isEmpty();
    assertThat(alerting.suppressed()).containsEntry("silence", 0L).containsEntry("window", 0L);

    fleet.leads = true;
    until(() -> ops.received().size() == 1, () -> ops.lines().toString());
    assertThat(ops.lines()).containsExactly("firing db");
    db.pass();
    result(registry.report("db"));
    assertThat(ops.lines()).containsExactly("firing db", "resolved db");
  }

  @Test
  void silencesMadeOnOneInstanceHoldOnTheOthersAndTheirRemovalToo() throws InterruptedException {
    Fleet fleet = new Fleet();
    fleet.silencesMap = "silences-of-shop";
    Alerting one = alerting(AlertingTest.quick(), fleet);
    Alerting two = alerting(AlertingTest.quick(), fleet);
    Alerting elsewhere = alerting(AlertingTest.quick(), new Fleet());

    Silence made = result(one.silences().add(new JsonObject().put("checks", new io.vertx.core.json.JsonArray().add("db"))
      .put("duration", 3_600_000L).put("reason", "migrating").put("createdBy", "alice")));
    until(() -> two.silences().get(made.id()) != null, () -> "not shared: " + two.silences().list());
    assertThat(two.silences().get(made.id())).isEqualTo(made);
    Thread.sleep(2 * AlertFleet.SILENCES_SYNC_MS);
    assertThat(elsewhere.silences().list()).as("an instance without the map keeps its own").isEmpty();

    assertThat(result(two.silences().remove(made.id()))).isTrue();
    until(() -> one.silences().get(made.id()) == null, () -> "removal not shared: " + one.silences().list());
  }

  @Test
  void aNewLeaderSaysWhatResolvedWhileTheOldOneLed() throws InterruptedException {
    ScriptedCheck db = check("db");
    Fleet fleet = new Fleet();
    fleet.instances = 2;
    Alerting alerting = alerting(AlertingTest.quick().addRule(new AlertRuleOptions().setName("db")), fleet);
    db.fail("refused");
    result(registry.report("db")); // active here, sent by the leader of then
    Thread.sleep(50);
    db.pass();
    result(registry.report("db")); // resolved while another leads: it may never say so (killed)
    Thread.sleep(100);
    assertThat(alerting.active()).isEmpty();
    assertThat(ops.lines()).isEmpty();

    fleet.leads = true; // the failover
    until(() -> ops.received().size() == 1, () -> ops.lines().toString());
    assertThat(ops.lines()).containsExactly("resolved db");
    Thread.sleep(100);
    assertThat(ops.lines()).as("once").containsExactly("resolved db");
  }

  @Test
  void aCheckBlockedOnAnotherInstanceDoesNotAlertItsRootDoesAndListsIt() throws InterruptedException {
    check("db").pass();
    ScriptedCheck orders = new ScriptedCheck();
    registry.register(AlertingTest.uncached("orders").setDependsOn(List.of("db")), orders);
    orders.pass();
    result(registry.report("db"));
    result(registry.report("orders"));
    Fleet fleet = new Fleet();
    fleet.leads = true;
    fleet.instances = 2;
    alerting(AlertingTest.quick().addRule(new AlertRuleOptions().setName("all").setChecks(List.of("*"))), fleet);

    fleet.failing.put("db", List.of(new AlertFleet.Failing("web-2", HealthStatus.FAIL, "refused")));
    fleet.failing.put("orders", List.of(new AlertFleet.Failing("web-2", HealthStatus.FAIL, "blocked by db")));
    until(() -> ops.received().size() == 1, () -> ops.lines().toString());
    Thread.sleep(100); // twenty evaluations
    assertThat(ops.lines()).as("root cause only, on the other instance too").containsExactly("firing db");
    assertThat(ops.received().get(0).alert().blocks()).containsExactly("orders");
  }

  @Test
  void anotherInstancesStatusesAreCountedAsItsRuns() throws InterruptedException {
    check("db").pass();
    result(registry.report("db"));
    Fleet fleet = new Fleet();
    fleet.leads = true;
    fleet.instances = 2;
    alerting(AlertingTest.quick().addRule(new AlertRuleOptions().setName("db").setFailuresBefore(3)
      .setSuccessesBefore(2)), fleet);
    List<AlertFleet.Failing> failing = List.of(new AlertFleet.Failing("web-2", HealthStatus.FAIL, "refused"));

    fleet.publish("web-2");
    fleet.failing.put("db", failing); // a blip: one status
    Thread.sleep(100);
    fleet.failing.remove("db");
    fleet.publish("web-2");
    Thread.sleep(100);
    assertThat(ops.lines()).as("one failing status of three").isEmpty();

    for (int i = 0; i < 3; i++) {
      fleet.failing.put("db", failing);
      fleet.publish("web-2");
      Thread.sleep(50); // ten evaluations, one status
    }
    until(() -> ops.received().size() == 1, () -> ops.lines().toString());
    fleet.failing.remove("db");
    fleet.publish("web-2");
    Thread.sleep(100);
    assertThat(ops.lines()).as("one passing status of two").containsExactly("firing db");
    fleet.publish("web-2");
    until(() -> ops.received().size() == 2, () -> ops.lines().toString());
    assertThat(ops.lines()).containsExactly("firing db", "resolved db");
  }

  @Test
  void theLeaseHasOneHolderAndPassesOnWhenItIsReleased() throws InterruptedException {
    AlertLeadership first = AlertLeadership.start(vertx, "fleet-a", "web-1", 20, 200);
    until(first::leads, () -> "the first never led");
    AlertLeadership second = AlertLeadership.start(vertx, "fleet-a", "web-2", 20, 200);
    AlertLeadership other = AlertLeadership.start(vertx, "fleet-b", "web-3", 20, 200);
    until(other::leads, () -> "another lease's leadership never led");
    try {
      for (int i = 0; i < 10; i++) { // 25 renewals, more than a ttl: a renewed lease stands
        assertThat(second.leads()).as("two leaders in one process").isFalse();
        Thread.sleep(50);
      }
      assertThat(second.heldBy()).isEqualTo("web-1");
      result(first.close());
      assertThat(first.leads()).isFalse();
      until(second::leads, () -> "the second never took over");
      assertThat(first.leads()).isFalse();
    } finally {
      result(second.close());
      result(other.close());
    }
  }

  @Test
  void aLeaseNoLongerRenewedIsTakenAfterItsTtl() {
    io.vertx.core.shareddata.AsyncMap<String, String> leases = result(vertx.sharedData().getAsyncMap(AlertLeadership.MAP));
    result(leases.put("fleet-c", "killed-one 0b9d 7")); // a holder that died: its value never changes again
    long started = System.nanoTime();
    AlertLeadership next = AlertLeadership.start(vertx, "fleet-c", "web-2", 20, 300);
    try {
      until(next::leads, () -> "never took the dead holder's lease");
      long waited = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      assertThat(waited).as("not before the ttl").isGreaterThanOrEqualTo(300);
    } finally {
      result(next.close());
    }
  }

  @Test
  void aHolderWhoseLeaseWasTakenStopsLeading() {
    AlertLeadership holder = AlertLeadership.start(vertx, "fleet-d", "web-1", 20, 200);
    try {
      until(holder::leads, () -> "never led");
      io.vertx.core.shareddata.AsyncMap<String, String> leases = result(vertx.sharedData().getAsyncMap(AlertLeadership.MAP));
      result(leases.put("fleet-d", "web-9 merged 1")); // what a healed partition may leave: the other side's lease
      until(() -> !holder.leads(), () -> "still leads with another's lease in the map");
      until(() -> "web-9".equals(holder.heldBy()), () -> "does not see the other holder: " + holder.heldBy());
    } finally {
      result(holder.close());
    }
  }

  @Test
  void aLeaseHeldByNoInstanceOfTheFleetIsTakenAtOnce() {
    io.vertx.core.shareddata.AsyncMap<String, String> leases = result(vertx.sharedData().getAsyncMap(AlertLeadership.MAP));
    result(leases.put("fleet-e", "rogue 0b9d 1"));
    long started = System.nanoTime();
    AlertLeadership web1 = AlertLeadership.start(vertx, "fleet-e", "web-1", 20, 2_000, name -> name.equals("web-2"));
    try {
      until(web1::leads, () -> "the rogue's lease stands");
      assertThat(java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
        .as("at once, not after the ttl").isLessThan(2_000);
    } finally {
      result(web1.close());
    }
  }
}
