package dev.vitals.status.consul;

import dev.vitals.status.consul.test.ConsulDouble;
import dev.vitals.health.MaintenanceState;
import dev.vitals.health.ServiceStatus;
import dev.vitals.health.test.Await;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.vitals.health.test.Await.result;
import static dev.vitals.health.test.Await.until;
import static org.assertj.core.api.Assertions.assertThat;

/** Maintenance switched in Consul by someone else is seen through the blocking query, and only through it. */
class WatchTest extends ConsulFixture {

  private final List<MaintenanceState> changes = new CopyOnWriteArrayList<>();

  private void watch(Vertx vertx, ConsulClientOptions client) {
    watch(vertx, client, new ConsulMaintenanceOptions());
  }

  private void watch(Vertx vertx, ConsulClientOptions client, ConsulMaintenanceOptions options) {
    source = ConsulMaintenance.create(vertx, client, options).addListener(changes::add);
    until(() -> !source.state().stale() && consul.held() == 1, () -> "a fresh state and a held query: "
      + source.state() + ", held " + consul.held());
  }

  /** The watch holds a query at Consul's current index: it has seen everything. */
  private boolean caughtUp() {
    List<String> queries = consul.healthQueries();
    return consul.held() == 1 && queries.get(queries.size() - 1).contains("index=" + consul.index() + "&");
  }

  @Test
  void maintenanceSwitchedInConsulIsSeenWithinOneBlockingRoundTrip(Vertx vertx) {
    watch(vertx, TestOptions.fast(consul));
    assertThat(source.state().status()).isEqualTo(ServiceStatus.OK);
    assertThat(source.state().source()).isEqualTo("consul");
    assertThat(consul.requests("agent/self")).as("node name asked once").isEqualTo(1);
    int before = consul.requests("health/node");

    operator.enableNode("deploy 42");
    until(() -> source.state().inMaintenance(), () -> "maintenance seen: " + source.state());
    assertThat(source.state().reason()).isEqualTo("deploy 42");
    assertThat(source.state().stale()).isFalse();
    assertThat(consul.requests("health/node")).as("answered by the held query").isLessThanOrEqualTo(before + 1);

    operator.disableNode();
    until(() -> source.state().status() == ServiceStatus.OK, () -> "ok again: " + source.state());
    assertThat(source.state().reason()).isNull();
    assertThat(changes).extracting(MaintenanceState::status)
      .containsExactly(ServiceStatus.OK, ServiceStatus.MAINTENANCE, ServiceStatus.OK);
  }

  @Test
  void withoutAReasonConsulsDefaultSentenceIsTheReason(Vertx vertx) {
    watch(vertx, TestOptions.fast(consul));
    operator.enableNode(null);
    until(() -> source.state().inMaintenance(), () -> "maintenance seen: " + source.state());
    assertThat(source.state().reason()).isEqualTo(ConsulDouble.NODE_DEFAULT_NOTES);
  }

  @Test
  void theConfiguredNodeNameIsUsedWithoutAskingTheAgent(Vertx vertx) {
    watch(vertx, TestOptions.fast(consul).setNodeName("node-1"));
    assertThat(consul.requests("agent/self")).isZero();
    operator.enableNode("by name");
    until(() -> source.state().inMaintenance(), () -> "maintenance seen: " + source.state());
  }

  @Test
  void maintenanceOfTheConfiguredServiceCountsAndOtherServicesDoNot(Vertx vertx) {
    consul.registerService("web", "web");
    consul.registerService("batch", "batch");
    watch(vertx, TestOptions.fast(consul), new ConsulMaintenanceOptions().setServiceId("web"));

    operator.put("/v1/agent/service/maintenance/batch", "enable", "true", "reason", "not ours");
    until(this::caughtUp, () -> "the watch caught up");
    assertThat(source.state().status()).isEqualTo(ServiceStatus.OK);

    operator.put("/v1/agent/service/maintenance/web", "enable", "true", "reason", "web drained");
    until(() -> source.state().inMaintenance(), () -> "service maintenance seen: " + source.state());
    assertThat(source.state().reason()).isEqualTo("web drained");

    operator.enableNode("whole node");
    until(() -> "whole node".equals(source.state().reason()), () -> "node maintenance wins: " + source.state());
    operator.disableNode();
    until(() -> "web drained".equals(source.state().reason()), () -> "service maintenance again: " + source.state());
    operator.put("/v1/agent/service/maintenance/web", "enable", "false");
    until(() -> source.state().status() == ServiceStatus.OK, () -> "ok: " + source.state());
  }

  @Test
  void changesElsewhereOnTheNodeNotifyNobody(Vertx vertx) {
    watch(vertx, TestOptions.fast(consul));
    MaintenanceState first = source.state();
    int before = consul.requests("health/node");
    for (int i = 0; i < 3; i++) {
      consul.touch();
      int expected = before + i + 1;
      until(() -> consul.requests("health/node") == expected && caughtUp(),
        () -> "the watch answered the touch and asked again");
    }
    assertThat(changes).hasSize(1);
    assertThat(source.state().since()).isEqualTo(first.since());
  }

  @Test
  void stateIsAnsweredWithoutIoAndConsulSeesOneQueryAtATime(Vertx vertx) {
    watch(vertx, TestOptions.fast(consul));
    int before = consul.requests("health/node");
    for (int i = 0; i < 10_000; i++) {
      assertThat(source.state().status()).isEqualTo(ServiceStatus.OK);
    }
    operator.enableNode("busy");
    until(() -> source.state().inMaintenance(), () -> "maintenance seen");
    for (int i = 0; i < 10_000; i++) {
      assertThat(source.state().reason()).isEqualTo("busy");
    }
    assertThat(consul.requests("health/node")).isLessThanOrEqualTo(before + 2);
    assertThat(consul.maxInFlight("health/node")).isEqualTo(1);
  }

  @Test
  void anIndexOfZeroIsNeverSentBack(Vertx vertx) {
    consul.zeroIndex(true);
    watch(vertx, TestOptions.fast(consul).setNodeName("node-1"));
    assertThat(consul.healthQueries()).containsExactly("", "index=1&wait=30s");
    operator.enableNode("still seen");
    until(() -> source.state().inMaintenance(), () -> "maintenance seen: " + source.state());
  }

  @Test
  void anIndexGoingBackwardsStartsOverWithANonBlockingRead(Vertx vertx) {
    watch(vertx, TestOptions.fast(consul).setNodeName("node-1"));
    long index = consul.index();
    assertThat(consul.healthQueries()).last().isEqualTo("index=" + index + "&wait=30s");
    int before = consul.healthQueries().size();

    consul.resetIndex(3);
    until(() -> consul.healthQueries().size() == before + 2 && consul.held() == 1, () -> "resynced: "
      + consul.healthQueries());
    assertThat(consul.healthQueries().subList(before, before + 2)).containsExactly("", "index=3&wait=30s");

    operator.enableNode("after restore");
    until(() -> source.state().inMaintenance(), () -> "maintenance seen: " + source.state());
    assertThat(source.state().reason()).isEqualTo("after restore");
  }

  @Test
  void theDatacenterIsSentWithEveryRead(Vertx vertx) {
    watch(vertx, TestOptions.fast(consul).setDatacenter(ConsulDouble.DATACENTER));
    assertThat(consul.healthQueries()).allSatisfy(query -> assertThat(query).startsWith("dc=dc1"));
  }

  @Test
  void closeStopsTheWatch(Vertx vertx) {
    watch(vertx, TestOptions.fast(consul));
    operator.enableNode("kept");
    until(() -> source.state().inMaintenance() && consul.held() == 1, () -> "maintenance seen");

    result(source.close());
    until(() -> consul.inFlight("health/node") == 0, () -> "the held query was abandoned");
    int after = consul.requests("health/node");
    // longer than any delay of the loop (min interval 5 ms, backoff at most 40 ms): nothing may come after close
    result(vertx.timer(200));
    assertThat(consul.requests("health/node")).isEqualTo(after);
    assertThat(source.state().reason()).isEqualTo("kept");
    assertThat(Await.failure(source.enable("late"))).hasMessage("closed");
    result(source.close());
    source = null;
  }
}
