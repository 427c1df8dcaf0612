package dev.vitals.health.fleet;

import dev.vitals.health.HealthStatus;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.fleet.test.ClusterNodes;
import dev.vitals.health.fleet.test.TestNode;
import dev.vitals.health.test.Await;
import dev.vitals.health.test.LogCapture;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23, item 4: a rogue member of the same Hazelcast cluster (here node 2: a clustered Vert.x on loopback that
 * joined the listed members, without the fleet's secret) sends what the real code sends — a maintenance request to
 * {@code <address>.maintenance.<node>} and a status on {@code <address>.status} — and changes nothing.
 */
class FleetAuthTest {

  private static final String SECRET = "correct horse battery staple";
  private static final AtomicInteger TESTS = new AtomicInteger();
  private static ClusterNodes cluster;

  private final List<ClusterFleet> fleets = new ArrayList<>();
  private final List<TestNode> locals = new ArrayList<>();
  private final List<MaintenanceSource> maintenances = new ArrayList<>();
  private String address;

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

  /** The honest fleet: nodes 0 and 1, with the secret. */
  private FleetOptions startFleets() {
    address = "auth" + TESTS.incrementAndGet();
    FleetOptions options = new FleetOptions().setAddress(address).setSecret(SECRET);
    for (int i = 0; i < 2; i++) {
      MaintenanceSource maintenance = MaintenanceSource.local();
      TestNode local = new TestNode("node-" + (char) ('a' + i), maintenance);
      maintenances.add(maintenance);
      locals.add(local);
      fleets.add(Await.result(ClusterFleet.start(cluster.node(i), local, maintenance, options)));
    }
    Await.until(() -> fleets.stream().allMatch(fleet -> fleet.view().total() == 2 && fleet.view().ready() == 2),
      () -> "both honest nodes see two ready instances: " + fleets.get(0).view());
    return options;
  }

  private static FleetMember member(FleetView view, String instance) {
    return view.members().stream().filter(m -> m.status().instance().equals(instance)).findFirst()
      .orElseThrow(() -> new AssertionError(instance + " is not in " + view));
  }

  /** node-b's status as the rogue forges it: in maintenance, failing, with node-b's own node id. */
  private NodeStatus forgedStatusOfB() {
    return new NodeStatus(fleets.get(1).nodeId(), "orders", "node-b", HealthStatus.FAIL, false,
      Map.of("health", HealthStatus.FAIL, "ready", HealthStatus.FAIL),
      List.of(new NodeStatus.Failing("db", HealthStatus.FAIL, "forged")), true, "pwned by rogue", Instant.now());
  }

  /**
   * A round trip over the bus from the rogue to each honest node and back: anything the rogue sent before has arrived
   * at both (one node's round trip says nothing of the other's, which may log a moment later).
   */
  private void roundTrip() {
    roundTrip(address);
  }

  private static void roundTrip(String address) {
    for (int node = 0; node < 2; node++) {
      String probe = address + ".probe." + node;
      Await.result(cluster.node(node).eventBus().consumer(probe, message -> message.reply("pong")).completion());
      Await.result(cluster.node(2).eventBus().request(probe, "ping"));
    }
  }

  @Test
  void aRogueMemberWithoutTheSecretCanNeitherSwitchMaintenanceNorChangeAStatus() {
    startFleets();
    Vertx rogue = cluster.node(2);

    Object answer = Await.result(rogue.eventBus()
      .request(address + ".maintenance." + fleets.get(0).nodeId(),
        new JsonObject().put("enable", true).put("reason", "pwned by rogue"), new DeliveryOptions().setSendTimeout(2_000))
      .map(reply -> reply.body()).otherwise(failure -> failure));
    try (LogCapture log = LogCapture.of(ClusterFleet.class.getName())) {
      for (int i = 0; i < 5; i++) {
        rogue.eventBus().publish(address + ".status", forgedStatusOfB().toJson());
      }
      roundTrip();
      // At most once per instance (the two honest ones share this JVM; node 0 logged the maintenance request less
      // than 10 s ago), however many were dropped.
      assertThat(log.messages()).filteredOn(line -> line.contains(".status")).hasSizeBetween(1, 2)
        .allSatisfy(line -> assertThat(line).contains("unsigned").contains(fleets.get(1).nodeId()));
    }

    assertThat(answer).isInstanceOf(Throwable.class);
    assertThat(maintenances.get(0).state().inMaintenance()).isFalse();
    for (ClusterFleet fleet : fleets) {
      FleetMember b = member(fleet.view(), "node-b");
      assertThat(b.status().maintenance()).isFalse();
      assertThat(b.ready()).isTrue();
      assertThat(fleet.view().ready()).isEqualTo(2);
    }
    assertThat(fleets.get(0).rejectedMessages()).isGreaterThanOrEqualTo(6);
  }

  @Test
  void aMemberWithTheSecretStillSwitchesTheFleetAndAReplayedStatusIsDropped() {
    startFleets();
    List<JsonObject> captured = new java.util.concurrent.CopyOnWriteArrayList<>();
    Await.result(cluster.node(2).eventBus().<JsonObject>consumer(address + ".status", m -> captured.add(m.body()))
      .completion());

    JsonObject enabled = Await.result(fleets.get(1).enable("deploying v2"));

    assertThat(enabled.getInteger("reached")).isEqualTo(2);
    maintenances.forEach(m -> assertThat(m.state().inMaintenance()).isTrue());
    Await.until(() -> member(fleets.get(0).view(), "node-b").status().maintenance(), () -> "node-a sees node-b in maintenance");
    Await.until(() -> captured.stream().anyMatch(json -> json.encode().contains("deploying v2")
      && !json.encode().contains("node-a")), () -> "the rogue captured node-b's signed maintenance status");
    JsonObject inMaintenance = captured.stream().filter(json -> json.encode().contains("deploying v2")
      && !json.encode().contains("node-a")).findFirst().orElseThrow();

    Await.result(fleets.get(0).disable());
    Await.until(() -> !member(fleets.get(0).view(), "node-b").status().maintenance(), () -> "node-b out of maintenance");
    long rejected = fleets.get(0).rejectedMessages();

    cluster.node(2).eventBus().publish(address + ".status", inMaintenance); // replayed as it was sent
    roundTrip();

    assertThat(member(fleets.get(0).view(), "node-b").status().maintenance()).isFalse();
    assertThat(fleets.get(0).rejectedMessages()).isGreaterThan(rejected);
  }

  /**
   * The rogue registers a consumer at node-a's maintenance address (the event bus then shares requests between it and
   * node-a) and answers "switched" for node-a: with the secret, an answer it made up never counts as reached.
   */
  @Test
  void aRogueAnsweringInAnInstancesPlaceIsNotCountedAsReached() {
    startFleets();
    String nodeA = fleets.get(0).nodeId();
    java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
    Await.result(cluster.node(2).eventBus().<JsonObject>consumer(address + ".maintenance." + nodeA, message -> {
      asked.incrementAndGet();
      boolean enable = new JsonObject(message.body().getString("payload")).getBoolean("enable");
      message.reply(new JsonObject().put("status", enable ? "maintenance" : "ok").put("reason", "made up"));
    }).completion());

    for (boolean enable : new boolean[]{true, false, true, false}) {
      JsonObject answer = Await.result(enable ? fleets.get(1).enable("r") : fleets.get(1).disable());
      JsonObject a = answer.getJsonArray("nodes").stream().map(JsonObject.class::cast)
        .filter(node -> node.getString("node").equals(nodeA)).findFirst().orElseThrow();
      if (!a.containsKey("error")) {
        assertThat(maintenances.get(0).state().inMaintenance()).as("node-a reported switched: " + answer).isEqualTo(enable);
      } else {
        assertThat(a.getString("error")).contains("not signed with the fleet's secret");
      }
    }
    assertThat(asked.get()).as("the rogue got some of the requests").isPositive();
  }

  /**
   * A flood of unsigned statuses under made-up sender names must not use up the log: once the flood is a minute old,
   * a misconfigured instance (one without the secret) is named again. Lines are at most one per sender a minute and
   * one per 10 s in all, the dropped ones counted.
   */
  @Test
  void aFloodOfMadeUpSendersDoesNotSilenceTheNextOne() {
    String address = "flood" + TESTS.incrementAndGet();
    dev.vitals.health.test.MutableClock clock = new dev.vitals.health.test.MutableClock(Instant.now());
    Vertx node = cluster.node(0);
    ClusterFleet fleet = Await.result(new dev.vitals.health.fleet.impl.ClusterFleetImpl(node,
      ((io.vertx.core.internal.VertxInternal) node).clusterManager(), new TestNode("node-a", MaintenanceSource.local()),
      MaintenanceSource.local(), new FleetOptions().setAddress(address).setSecret(SECRET), clock).start());
    fleets.add(fleet);
    Vertx rogue = cluster.node(2);
    try (LogCapture log = LogCapture.of(ClusterFleet.class.getName())) {
      for (int i = 0; i < 1_100; i++) {
        rogue.eventBus().publish(address + ".status", new JsonObject().put("node", "made-up-" + i));
      }
      roundTrip(address);
      assertThat(fleet.rejectedMessages()).isEqualTo(1_100);
      assertThat(log.messages()).hasSize(1).first().asString().contains("made-up-0");

      clock.advance(java.time.Duration.ofSeconds(61));
      rogue.eventBus().publish(address + ".status", new JsonObject().put("node", "misconfigured"));
      rogue.eventBus().publish(address + ".status", new JsonObject().put("node", "made-up-again"));
      roundTrip(address);

      assertThat(log.messages()).hasSize(2);
      assertThat(log.messages().get(1)).contains("'misconfigured'").contains("unsigned")
        .contains("1099 more dropped since the previous line");
    }
  }

  /** With the secret, the Hazelcast cluster is named after it: a member without the secret is refused at join. */
  @Test
  void aHazelcastMemberWithoutTheSecretIsRefusedAtJoinOneWithItJoins() {
    List<Integer> ports = ClusterNodes.freePorts(3);
    List<String> members = ports.stream().map(port -> "127.0.0.1:" + port).toList();
    FleetOptions fleet = new FleetOptions().setSecret(SECRET);
    List<Vertx> started = new ArrayList<>();
    try {
      Vertx victim = Await.result(ClusterNodes.clustered("127.0.0.1",
        ClusterNodes.options(ports.get(0), members).clusterManager(fleet)));
      started.add(victim);
      Vertx rogue = Await.result(ClusterNodes.clustered("127.0.0.1",
        ClusterNodes.options(ports.get(1), members).clusterManager()));
      started.add(rogue);
      Vertx peer = Await.result(ClusterNodes.clustered("127.0.0.1",
        ClusterNodes.options(ports.get(2), members).clusterManager(fleet)));
      started.add(peer);

      Await.until(() -> nodes(victim) == 2 && nodes(peer) == 2, () -> "the peer with the secret joined the victim");
      assertThat(nodes(rogue)).isEqualTo(1);
      assertThat(fleet.clusterName()).startsWith("vitals-").hasSize(23).doesNotContain(SECRET);
    } finally {
      started.forEach(vertx -> Await.result(vertx.close().otherwiseEmpty()));
    }
  }

  private static int nodes(Vertx vertx) {
    return ((io.vertx.core.internal.VertxInternal) vertx).clusterManager().getNodes().size();
  }
}
