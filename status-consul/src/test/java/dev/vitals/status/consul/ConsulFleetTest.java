package dev.vitals.status.consul;

import dev.vitals.health.HealthStatus;
import dev.vitals.health.fleet.FleetMember;
import dev.vitals.health.fleet.FleetOptions;
import dev.vitals.health.fleet.FleetView;
import dev.vitals.health.fleet.NodeStatus;
import dev.vitals.health.fleet.Quorum;
import dev.vitals.health.test.LogCapture;
import dev.vitals.health.test.MutableClock;
import dev.vitals.status.consul.impl.ConsulFleetImpl;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;

import static dev.vitals.health.test.Await.result;
import static dev.vitals.health.test.Await.until;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fleet of a Consul service, read from the double over real HTTP with blocking queries: changes arrive through
 * the held query, an outage keeps the last view stale and turns its members missing by the (injected) clock.
 */
class ConsulFleetTest extends ConsulFixture {

  private static final long PUBLISH_PERIOD = 1_000;

  private final MutableClock clock = new MutableClock();
  private final List<FleetView> told = new CopyOnWriteArrayList<>();
  private ConsulFleet fleet;
  private LogCapture log;

  @BeforeEach
  void threeInstances() {
    log = LogCapture.of(ConsulFleet.class.getName());
    consul.registerInstance("node-1", "web-1", "web");
    consul.registerInstance("node-2", "web-2", "web");
    consul.registerInstance("node-3", "web-3", "web");
    consul.registerInstance("node-2", "db-1", "db");
  }

  @AfterEach
  void closeFleet() {
    if (fleet != null) {
      result(fleet.close());
    }
    log.close();
  }

  private void watch(Vertx vertx, ConsulClientOptions options, FleetOptions fleetOptions) {
    fleet = new ConsulFleetImpl(vertx, options, "web", fleetOptions, clock).addListener(told::add);
    until(() -> !fleet.view().stale() && consul.held() == 1, () -> "a fresh view and a held query: " + fleet.view());
  }

  private void watch(Vertx vertx) {
    watch(vertx, TestOptions.fast(consul), new FleetOptions().setPublishPeriod(PUBLISH_PERIOD));
  }

  private static Optional<FleetMember> member(FleetView view, String instance) {
    return view.members().stream().filter(m -> m.status().instance().equals(instance)).findFirst();
  }

  private NodeStatus status(String instance) {
    return member(fleet.view(), instance).orElseThrow(() -> new AssertionError(instance + " not in " + fleet.view()))
      .status();
  }

  @Test
  void everyInstanceOfTheServiceIsAMemberAndAFailingCheckShowsThroughTheHeldQuery(Vertx vertx) {
    watch(vertx);
    FleetView view = fleet.view();
    assertThat(view.source()).isEqualTo("consul");
    assertThat(view.error()).isNull();
    assertThat(view.members()).extracting(m -> m.status().node() + "/" + m.status().instance())
      .as("self first, then by instance").containsExactly("node-1/web-1", "node-2/web-2", "node-3/web-3");
    assertThat(view.members()).extracting(FleetMember::self).containsExactly(true, false, false);
    assertThat(view.members()).allSatisfy(m -> {
      assertThat(m.state()).isEqualTo(FleetMember.State.UP);
      assertThat(m.ready()).isTrue();
      assertThat(m.status().application()).isEqualTo("web");
      assertThat(m.status().outcome()).isEqualTo(HealthStatus.PASS);
      assertThat(m.status().probes()).isEmpty();
      assertThat(m.status().failing()).isEmpty();
      assertThat(m.status().at()).isEqualTo(clock.instant());
    });
    assertThat(view.total()).isEqualTo(3);
    assertThat(view.ready()).isEqualTo(3);
    assertThat(consul.requests("agent/self")).as("the local node asked once").isEqualTo(1);
    int before = consul.requests("health/service");

    consul.checkStatus("node-2", "service:web-2", "critical", "dial tcp 127.0.0.1:5432: connect: connection refused");
    until(() -> status("web-2").outcome() == HealthStatus.FAIL, () -> "web-2 failing: " + fleet.view());
    assertThat(consul.requests("health/service")).as("answered by the held query").isLessThanOrEqualTo(before + 1);
    NodeStatus failing = status("web-2");
    assertThat(failing.ready()).isFalse();
    assertThat(failing.failing()).containsExactly(new NodeStatus.Failing("Service 'web' check", HealthStatus.FAIL,
      "dial tcp 127.0.0.1:5432: connect: connection refused"));
    assertThat(fleet.view().ready()).isEqualTo(2);
    assertThat(fleet.view().quorumMet(Quorum.parse("3"))).isFalse();
    until(() -> !told.isEmpty() && !member(told.get(told.size() - 1), "web-2").orElseThrow().ready(),
      () -> "listeners told: " + told);

    JsonObject json = fleet.view().toJson(Quorum.parse("2"));
    assertThat(json.getInteger("total")).isEqualTo(3);
    assertThat(json.getBoolean("stale")).isFalse();
    JsonObject node = json.getJsonArray("nodes").getJsonObject(1);
    assertThat(node.getString("node")).isEqualTo("node-2");
    assertThat(node.getString("instance")).isEqualTo("web-2");
    assertThat(node.getString("outcome")).isEqualTo("fail");
    assertThat(node.getLong("ageMs")).isZero();
    assertThat(node.getString("state")).isEqualTo("up");
  }

  @Test
  void aWarningCheckWarnsAndStaysReady(Vertx vertx) {
    watch(vertx);
    consul.checkStatus("node-3", "service:web-3", "warning", "disk 91% full");
    until(() -> status("web-3").outcome() == HealthStatus.WARN, () -> "web-3 warning: " + fleet.view());
    assertThat(status("web-3").ready()).isTrue();
    assertThat(status("web-3").failing()).extracting(NodeStatus.Failing::status, NodeStatus.Failing::output)
      .containsExactly(org.assertj.core.groups.Tuple.tuple(HealthStatus.WARN, "disk 91% full"));
    consul.checkStatus("node-3", "serfHealth", "critical", "Agent not live or unreachable");
    until(() -> status("web-3").outcome() == HealthStatus.FAIL, () -> "the node check counts: " + fleet.view());
    assertThat(status("web-3").failing()).extracting(NodeStatus.Failing::name)
      .as("critical first").containsExactly("Serf Health Status", "Service 'web' check");
  }

  @Test
  void aDeregisteredInstanceIsGoneAndANewOneJoins(Vertx vertx) {
    watch(vertx);
    consul.deregisterInstance("node-3", "web-3");
    until(() -> fleet.view().members().size() == 2, () -> "web-3 gone: " + fleet.view());
    assertThat(member(fleet.view(), "web-3")).isEmpty();
    consul.registerInstance("node-4", "web-4", "web");
    until(() -> member(fleet.view(), "web-4").isPresent(), () -> "web-4 joined: " + fleet.view());
    assertThat(fleet.view().total()).isEqualTo(3);
  }

  @Test
  void maintenanceOfAServiceOrANodeIsMaintenanceWithItsReason(Vertx vertx) {
    watch(vertx);
    operator.put("/v1/agent/service/maintenance/web-1", "enable", "true", "reason", "deploy 42");
    until(() -> status("web-1").maintenance(), () -> "web-1 in maintenance: " + fleet.view());
    assertThat(status("web-1").reason()).isEqualTo("deploy 42");
    assertThat(status("web-1").ready()).isFalse();
    assertThat(status("web-1").failing()).extracting(NodeStatus.Failing::name, NodeStatus.Failing::output)
      .containsExactly(org.assertj.core.groups.Tuple.tuple("Service Maintenance Mode", "deploy 42"));

    consul.nodeMaintenance("node-2", "kernel upgrade");
    until(() -> status("web-2").maintenance(), () -> "node-2 in maintenance: " + fleet.view());
    assertThat(status("web-2").reason()).isEqualTo("kernel upgrade");
    assertThat(status("web-3").maintenance()).isFalse();

    operator.put("/v1/agent/service/maintenance/web-1", "enable", "false");
    until(() -> !status("web-1").maintenance(), () -> "web-1 back: " + fleet.view());
    assertThat(status("web-1").reason()).isNull();
    assertThat(status("web-1").ready()).isTrue();
  }

  @Test
  void anOutageKeepsTheLastViewStaleAndMembersTurnMissingAfterThreePublishPeriods(Vertx vertx) {
    watch(vertx);
    told.clear();
    result(consul.refuse());
    until(() -> fleet.view().stale(), () -> "stale: " + fleet.view());
    FleetView stale = fleet.view();
    assertThat(stale.error()).startsWith("cannot reach Consul at " + consul.address() + ": ");
    assertThat(stale.members()).hasSize(3).allSatisfy(m -> assertThat(m.state()).isEqualTo(FleetMember.State.UP));
    until(() -> !told.isEmpty(), () -> "listeners told");
    assertThat(told.get(0).stale()).isTrue();

    clock.advanceMillis(3 * PUBLISH_PERIOD - 1);
    assertThat(fleet.view().members()).allSatisfy(m -> assertThat(m.state()).isEqualTo(FleetMember.State.UP));
    assertThat(fleet.view().toJson(Quorum.parse("1")).getJsonArray("nodes").getJsonObject(0).getLong("ageMs"))
      .isEqualTo(3 * PUBLISH_PERIOD - 1);
    clock.advanceMillis(1);
    FleetView missing = fleet.view();
    assertThat(missing.members()).allSatisfy(m -> assertThat(m.state()).isEqualTo(FleetMember.State.MISSING));
    assertThat(missing.ready()).isZero();
    assertThat(missing.quorumMet(Quorum.parse("1"))).isFalse();
    until(() -> told.stream().anyMatch(v -> v.members().stream().allMatch(m -> m.state() == FleetMember.State.MISSING)),
      () -> "listeners told of missing members: " + told);

    result(consul.accept());
    until(() -> !fleet.view().stale(), () -> "fresh again: " + fleet.view());
    assertThat(fleet.view().error()).isNull();
    assertThat(fleet.view().ready()).isEqualTo(3);
    assertThat(fleet.view().members()).allSatisfy(m -> assertThat(m.state()).isEqualTo(FleetMember.State.UP));
    until(() -> !told.get(told.size() - 1).stale(), () -> "listeners told it is fresh: " + told);
    // the held connection closed, then connections refused: one line per error, not per retry
    assertThat(log.records()).filteredOn(r -> r.getLevel() == Level.WARNING).hasSizeBetween(1, 2)
      .allSatisfy(r -> assertThat(r.getMessage()).contains("serving the last known fleet view of service 'web' as "
        + "stale: cannot reach Consul at " + consul.address()));
    until(() -> log.records().stream().anyMatch(r -> r.getLevel() == Level.INFO), () -> "recovery logged");
    assertThat(log.records()).filteredOn(r -> r.getLevel() == Level.INFO).singleElement()
      .satisfies(r -> assertThat(r.getMessage()).isEqualTo("Consul answers again; service 'web' has 3 instances"));
  }

  @Test
  void beforeAnyAnswerTheViewIsEmptyAndStale(Vertx vertx) {
    result(consul.refuse());
    fleet = new ConsulFleetImpl(vertx, TestOptions.fast(consul), "web", new FleetOptions(), clock);
    FleetView first = fleet.view();
    assertThat(first.stale()).isTrue();
    assertThat(first.members()).isEmpty();
    // The first request may already have been refused (the watch starts with the source, on another thread).
    assertThat(first.error()).satisfiesAnyOf(error -> assertThat(error).isEqualTo("no answer from Consul yet"),
      error -> assertThat(error).startsWith("cannot reach Consul"));
    until(() -> fleet.view().error().startsWith("cannot reach Consul"), () -> "the connection error: " + fleet.view());
    result(consul.accept());
    until(() -> !fleet.view().stale(), () -> "fresh: " + fleet.view());
    assertThat(fleet.view().total()).isEqualTo(3);
  }

  @Test
  void malformedJsonServerErrorsAndABadTokenLeaveTheViewStaleUntilFixed(Vertx vertx) {
    watch(vertx, TestOptions.fast(consul).setToken("s3cret-token"), new FleetOptions());
    consul.malformedJson(true);
    consul.touch();
    until(() -> fleet.view().stale(), () -> "stale: " + fleet.view());
    assertThat(fleet.view().error()).startsWith("Consul answered malformed JSON for /v1/health/service/web: ");
    assertThat(fleet.view().members()).hasSize(3);
    consul.clearFaults();
    until(() -> !fleet.view().stale(), () -> "fresh: " + fleet.view());

    consul.failWith(500);
    consul.touch();
    until(() -> fleet.view().stale(), () -> "stale: " + fleet.view());
    assertThat(fleet.view().error()).isEqualTo("Consul answered 500: rpc error making call: unexpected EOF");
    consul.clearFaults();
    until(() -> !fleet.view().stale(), () -> "fresh: " + fleet.view());

    consul.requireToken("another-token");
    consul.touch();
    until(() -> fleet.view().stale(), () -> "stale: " + fleet.view());
    assertThat(fleet.view().error()).isEqualTo("Consul answered 403: ACL not found").doesNotContain("s3cret");
    consul.requireToken("s3cret-token");
    until(() -> !fleet.view().stale(), () -> "fresh with the right token: " + fleet.view());
    assertThat(log.messages()).noneMatch(line -> line.contains("s3cret"));
  }

  @Test
  void anIndexGoingBackwardsStartsOverOnceWithoutATightLoop(Vertx vertx) {
    watch(vertx, TestOptions.fast(consul).setNodeName("node-1"), new FleetOptions());
    assertThat(consul.requests("agent/self")).as("the configured node name is self").isZero();
    assertThat(fleet.view().members().get(0).self()).isTrue();
    int before = consul.serviceQueries().size();
    consul.resetIndex(3);
    until(() -> consul.serviceQueries().size() == before + 2 && consul.held() == 1,
      () -> "resynced: " + consul.serviceQueries());
    assertThat(consul.serviceQueries().subList(before, before + 2)).containsExactly("", "index=3&wait=30s");
    int after = consul.requests("health/service");
    result(vertx.timer(200)); // many min intervals (5 ms): a tight loop would show here
    assertThat(consul.requests("health/service")).isEqualTo(after);
    assertThat(consul.maxInFlight("health/service")).isEqualTo(1);

    consul.checkStatus("node-2", "service:web-2", "critical", "after restore");
    until(() -> status("web-2").outcome() == HealthStatus.FAIL, () -> "seen after the reset: " + fleet.view());
  }

  @Test
  void theViewHoldsAtMostMaxNodesInstances(Vertx vertx) {
    consul.registerInstance("node-4", "web-4", "web");
    consul.registerInstance("node-5", "web-5", "web");
    watch(vertx, TestOptions.fast(consul), new FleetOptions().setMaxNodes(3));
    assertThat(fleet.view().members()).extracting(m -> m.status().instance())
      .containsExactly("web-1", "web-2", "web-3");
    consul.touch();
    until(() -> consul.held() == 1 && consul.requests("health/service") >= 2, () -> "read again");
    assertThat(log.records()).filteredOn(r -> r.getLevel() == Level.WARNING).singleElement()
      .satisfies(r -> assertThat(r.getMessage()).isEqualTo("Consul lists 5 instances of service 'web'; the fleet "
        + "view keeps the first 3 (maxNodes) by node and service id"));
  }

  @Test
  void anAnswerLargerThanTheBoundFailsTheRead(Vertx vertx) {
    watch(vertx, TestOptions.fast(consul), new FleetOptions().setMaxNodes(1));
    consul.checkStatus("node-1", "service:web-1", "critical", "x".repeat(1_100_000));
    until(() -> fleet.view().stale(), () -> "stale: " + fleet.view().error());
    assertThat(fleet.view().error()).isEqualTo("Consul answered more than 1048576 bytes for /v1/health/service/web");
    consul.checkStatus("node-1", "service:web-1", "critical", "short");
    until(() -> !fleet.view().stale(), () -> "fresh: " + fleet.view().error());
    assertThat(status("web-1").failing().get(0).output()).isEqualTo("short");
  }

  @Test
  void theServiceNameIsOnePathSegment(Vertx vertx) {
    consul.registerInstance("node-1", "odd-1", "web api/v2");
    fleet = new ConsulFleetImpl(vertx, TestOptions.fast(consul), "web api/v2", new FleetOptions(), clock);
    until(() -> !fleet.view().stale(), () -> "fresh: " + fleet.view());
    assertThat(fleet.view().members()).extracting(m -> m.status().instance()).containsExactly("odd-1");
    assertThatThrownBy(() -> ConsulFleet.create(vertx, TestOptions.fast(consul), " ", new FleetOptions()))
      .isInstanceOf(IllegalArgumentException.class).hasMessage("consul.service: must not be blank");
  }

  @Test
  void closeStopsTheWatch(Vertx vertx) {
    watch(vertx);
    result(fleet.close());
    until(() -> consul.inFlight("health/service") == 0, () -> "the held query was abandoned");
    int after = consul.requests("health/service");
    consul.touch();
    result(vertx.timer(200)); // longer than any delay of the loop (min interval 5 ms, backoff at most 40 ms)
    assertThat(consul.requests("health/service")).isEqualTo(after);
    assertThat(fleet.view().members()).hasSize(3);
    fleet = null;
  }
}
