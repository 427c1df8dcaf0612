package dev.vitals.health.fleet;

import dev.vitals.health.HealthStatus;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.fleet.impl.ClusterFleetImpl;
import dev.vitals.health.fleet.test.ClusterNodes;
import dev.vitals.health.fleet.test.TestNode;
import dev.vitals.health.test.Await;
import dev.vitals.health.test.LogCapture;
import dev.vitals.health.test.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three clustered Vert.x instances in this JVM, each with its own Hazelcast member on loopback: every instance sees
 * the others' statuses, missing and left instances, and fleet maintenance. Each test uses event-bus addresses of its
 * own, so the cluster is shared.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFleetTest {

  private static final AtomicInteger TESTS = new AtomicInteger();
  private static ClusterNodes cluster;

  private final List<ClusterFleet> fleets = new ArrayList<>();
  private final List<TestNode> locals = new ArrayList<>();
  private final List<MaintenanceSource> maintenances = new ArrayList<>();

  @BeforeAll
  static void formCluster() {
    cluster = ClusterNodes.start(3);
  }

  @AfterAll
  static void leaveCluster() {
    cluster.close();
  }

  @AfterEach
  void closeFleets() {
    fleets.forEach(fleet -> Await.result(fleet.close()));
  }

  /** Starts a fleet on each of the three nodes, on addresses of this test's own; node 0 uses {@code clock}. */
  private void startFleets(FleetOptions options, MutableClock clock) {
    options.setAddress("test" + TESTS.incrementAndGet());
    for (int i = 0; i < 3; i++) {
      Vertx vertx = cluster.node(i);
      MaintenanceSource maintenance = MaintenanceSource.local();
      TestNode local = new TestNode("node-" + (char) ('a' + i), maintenance);
      maintenances.add(maintenance);
      locals.add(local);
      ClusterFleet fleet = i == 0 && clock != null
        ? Await.result(new ClusterFleetImpl(vertx, ((VertxInternal) vertx).clusterManager(), local, maintenance,
        options, clock).start())
        : Await.result(ClusterFleet.start(vertx, local, maintenance, options));
      fleets.add(fleet);
    }
    Await.until(() -> fleets.stream().allMatch(fleet -> fleet.view().total() == 3 && fleet.view().ready() == 3),
      () -> "every node sees three ready instances: " + fleets.get(0).view().toJson(Quorum.count(3)).encodePrettily());
  }

  private static FleetMember member(FleetView view, String instance) {
    return view.members().stream().filter(m -> m.status().instance().equals(instance)).findFirst()
      .orElseThrow(() -> new AssertionError(instance + " is not in " + view));
  }

  @Test
  void aFailingCheckOnOneNodeShowsOnTheOthersWithItsOutput() {
    startFleets(new FleetOptions(), null);
    FleetView first = fleets.get(0).view();
    assertThat(first.members()).extracting(m -> m.status().instance()).containsExactly("node-a", "node-b", "node-c");
    assertThat(first.members().get(0).self()).isTrue();
    assertThat(first.quorumMet(Quorum.count(3))).isTrue();

    locals.get(1).fail("db", "Connection refused");

    for (int i : new int[]{0, 2}) {
      ClusterFleet fleet = fleets.get(i);
      Await.until(() -> !member(fleet.view(), "node-b").ready(), () -> "node " + i + " sees node-b failing");
      FleetMember b = member(fleet.view(), "node-b");
      assertThat(b.state()).isEqualTo(FleetMember.State.UP);
      assertThat(b.status().outcome()).isEqualTo(HealthStatus.FAIL);
      assertThat(b.status().failing()).containsExactly(new NodeStatus.Failing("db", HealthStatus.FAIL, "Connection refused"));
      assertThat(fleet.view().ready()).isEqualTo(2);
      assertThat(fleet.view().quorumMet(Quorum.count(3))).isFalse();
      assertThat(fleet.view().quorumMet(Quorum.percent(60))).isTrue();
    }
    JsonObject json = fleets.get(0).view().toJson(Quorum.percent(100));
    assertThat(json.getInteger("total")).isEqualTo(3);
    assertThat(json.getInteger("ready")).isEqualTo(2);
    assertThat(json.getJsonObject("quorum")).isEqualTo(new JsonObject().put("required", "100%").put("min", 3).put("met", false));
    assertThat(json.getJsonArray("nodes").getJsonObject(1).getJsonArray("failing").getJsonObject(0).getString("output"))
      .isEqualTo("Connection refused");

    locals.get(1).pass();
    Await.until(() -> member(fleets.get(0).view(), "node-b").ready(), () -> "node-b ready again");
  }

  @Test
  void anInstanceNotHeardOfForThreePublishPeriodsIsMissing() {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    startFleets(new FleetOptions().setPublishPeriod(1_000), clock);
    List<FleetView> told = new ArrayList<>();
    fleets.get(0).addListener(told::add);

    Await.result(fleets.get(2).close()); // node-c stops publishing but stays in the cluster
    // A status node-c sent just before it closed may still be on its way, and would be heard at the clock's time:
    // three periods are moved on again until nothing more of node-c arrives.
    Await.until(() -> {
      clock.advance(Duration.ofMillis(3_001));
      return member(fleets.get(0).view(), "node-c").state() == FleetMember.State.MISSING;
    }, () -> "node-c missing");

    FleetView view = fleets.get(0).view();
    assertThat(member(view, "node-c").state()).isEqualTo(FleetMember.State.MISSING);
    assertThat(member(view, "node-c").ready()).isFalse();
    assertThat(view.total()).isEqualTo(3);
    Await.until(() -> member(fleets.get(0).view(), "node-b").state() == FleetMember.State.UP, () -> "node-b heard again");
    assertThat(member(fleets.get(0).view(), "node-c").state()).isEqualTo(FleetMember.State.MISSING);
    assertThat(member(fleets.get(0).view(), "node-c").toJson(clock.instant()).getLong("ageMs")).isGreaterThan(3_000);
    Await.until(() -> told.stream().anyMatch(v -> member(v, "node-c").state() == FleetMember.State.MISSING),
      () -> "listeners told node-c is missing");
  }

  @Test
  void fleetMaintenanceReachesEveryInstanceAndEnds() {
    startFleets(new FleetOptions(), null);

    JsonObject enabled = Await.result(fleets.get(1).enable("deploying v2"));

    assertThat(enabled.getString("scope")).isEqualTo("fleet");
    assertThat(enabled.getInteger("reached")).isEqualTo(3);
    assertThat(enabled.getInteger("total")).isEqualTo(3);
    assertThat(enabled.getJsonArray("nodes")).hasSize(3);
    assertThat(enabled.getJsonArray("nodes").getJsonObject(0).getString("instance")).isEqualTo("node-b");
    maintenances.forEach(m -> {
      assertThat(m.state().inMaintenance()).isTrue();
      assertThat(m.state().reason()).isEqualTo("deploying v2");
    });
    Await.until(() -> fleets.get(0).view().ready() == 0 && fleets.get(0).view().members().stream()
      .allMatch(m -> m.status().maintenance()), () -> "node-a sees every instance in maintenance");

    JsonObject disabled = Await.result(fleets.get(0).disable());

    assertThat(disabled.getString("status")).isEqualTo("ok");
    assertThat(disabled.getInteger("reached")).isEqualTo(3);
    maintenances.forEach(m -> assertThat(m.state().inMaintenance()).isFalse());
  }

  @Test
  void aStatusThatIsNotOneIsDroppedWithOneLogLineAndForeignNodesAreBoundedAndLeaveSoon() {
    startFleets(new FleetOptions().setMaxNodes(4), null);
    String address = "test" + TESTS.get() + ".status";
    try (LogCapture log = LogCapture.of(ClusterFleet.class.getName())) {
      cluster.node(1).eventBus().publish(address, "not json");
      cluster.node(1).eventBus().publish(address, new JsonObject().put("node", "x"));
      for (int i = 0; i < 5; i++) {
        NodeStatus spoofed = new NodeStatus("ghost-" + i, "orders", "ghost-" + i, HealthStatus.PASS, true,
          java.util.Map.of(), List.of(), false, null, Instant.now());
        cluster.node(1).eventBus().publish(address, spoofed.toJson());
      }
      Await.until(() -> fleets.get(0).view().members().size() == 4, () -> "one ghost is kept (maxNodes 4)");
      // One line per instance (the three share this JVM), however many were dropped.
      Await.until(() -> log.messages().size() == 3, () -> "one log line per instance: " + log.messages());
      assertThat(log.messages()).allSatisfy(line -> assertThat(line).contains("dropped").contains("logged once a minute"));
      // No cluster member has that node id: it is marked left within the membership period.
      Await.until(() -> fleets.get(0).view().members().stream().filter(m -> m.status().node().startsWith("ghost"))
        .allMatch(m -> m.state() == FleetMember.State.LEFT), () -> "the ghost left");
      assertThat(fleets.get(0).view().total()).isEqualTo(3);
    }
  }

  @Test
  @Order(Integer.MAX_VALUE) // last: node-c leaves the shared cluster
  void anInstanceThatLeavesIsLeftThenGoneAndTheQuorumFollows() {
    startFleets(new FleetOptions().setPublishPeriod(1_000), null);
    ClusterFleet a = fleets.get(0);
    assertThat(a.view().quorumMet(Quorum.count(3))).isTrue();

    Await.result(fleets.remove(2).close());
    cluster.stop(2);

    Await.until(() -> member(a.view(), "node-c").state() == FleetMember.State.LEFT, () -> "node-c left");
    assertThat(a.view().total()).isEqualTo(2);
    assertThat(a.view().quorumMet(Quorum.count(3))).isFalse();
    assertThat(a.view().quorumMet(Quorum.percent(100))).isTrue();
    assertThat(Await.result(ClusterFleet.clusterCheck(cluster.node(0), 3).run()).status()).isEqualTo(HealthStatus.FAIL);
    Await.until(() -> a.view().members().size() == 2, () -> "node-c dropped three publish periods later");
  }

  @Test
  void statusEventsStayOnTheInstanceTheyHappenOn() {
    List<Object> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    io.vertx.core.eventbus.MessageConsumer<Object> there = cluster.node(1).eventBus()
      .consumer(dev.vitals.health.StatusEvents.ADDRESS, message -> heard.add(message.body()));
    io.vertx.core.eventbus.MessageConsumer<Object> here = cluster.node(0).eventBus()
      .consumer(dev.vitals.health.StatusEvents.ADDRESS, message -> heard.add("here"));
    Await.result(Future.all(there.completion(), here.completion()));
    dev.vitals.health.CheckRegistry registry = dev.vitals.health.CheckRegistry.create(cluster.node(0));
    try {
      dev.vitals.health.StatusEvents.publish(cluster.node(0), registry, null);
      registry.register(new dev.vitals.health.CheckOptions("db"),
        () -> Future.succeededFuture(ProcedureResult.fail("down")));
      Await.result(registry.report());
      Await.until(() -> heard.contains("here"), () -> "this instance hears its own change");
      // A clustered publish would reach node 1 as fast as node 0; a round trip over the bus proves it had time to.
      Await.result(cluster.node(0).eventBus().request(roundTripAddress(), "ping").otherwiseEmpty());
      assertThat(heard).containsOnly("here");
    } finally {
      Await.result(registry.close());
      Await.result(Future.all(there.unregister(), here.unregister()));
    }
  }

  /** An address with a consumer on node 1 only, to time a round trip across the cluster. */
  private static String roundTripAddress() {
    String address = "probe-" + TESTS.incrementAndGet();
    Await.result(cluster.node(1).eventBus().consumer(address, message -> message.reply("pong")).completion());
    return address;
  }

  @Test
  void theClusterCheckCountsMembers() {
    ProcedureResult three = Await.result(ClusterFleet.clusterCheck(cluster.node(0), 3).run());
    ProcedureResult four = Await.result(ClusterFleet.clusterCheck(cluster.node(0), 4).run());

    assertThat(three.status()).isEqualTo(HealthStatus.PASS);
    assertThat(three.output()).isEqualTo("3 members");
    assertThat(four.status()).isEqualTo(HealthStatus.FAIL);
    assertThat(four.output()).isEqualTo("3 members, fewer than 4");
    assertThat(four.data()).isEqualTo(new JsonObject().put("members", 3).put("minMembers", 4));
  }
}
