package dev.vitals.health.fleet.test;

import dev.vitals.health.HealthStatus;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.fleet.LocalNode;
import dev.vitals.health.fleet.NodeStatus;
import io.vertx.core.Handler;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link LocalNode} whose checks the test sets: passing and ready until {@link #fail(String, String)}. */
public final class TestNode implements LocalNode {

  private final String instance;
  private final MaintenanceSource maintenance;
  private final List<Handler<Void>> listeners = new CopyOnWriteArrayList<>();
  private volatile List<NodeStatus.Failing> failing = List.of();

  /**
   * @param instance    its instance name
   * @param maintenance its maintenance source, shown in its status
   */
  public TestNode(String instance, MaintenanceSource maintenance) {
    this.instance = instance;
    this.maintenance = maintenance;
    maintenance.addListener(state -> changed());
  }

  /** Makes one critical check fail: the node is then failing and not ready. */
  public void fail(String check, String output) {
    failing = List.of(new NodeStatus.Failing(check, HealthStatus.FAIL, output));
    changed();
  }

  /** Makes every check pass again. */
  public void pass() {
    failing = List.of();
    changed();
  }

  private void changed() {
    listeners.forEach(listener -> listener.handle(null));
  }

  @Override
  public NodeStatus status(String node) {
    boolean failed = !failing.isEmpty();
    boolean inMaintenance = maintenance.state().inMaintenance();
    HealthStatus outcome = failed ? HealthStatus.FAIL : HealthStatus.PASS;
    HealthStatus ready = failed || inMaintenance ? HealthStatus.FAIL : HealthStatus.PASS;
    return new NodeStatus(node, "orders", instance, outcome, ready == HealthStatus.PASS,
      Map.of("health", outcome, "ready", ready), failing, inMaintenance, maintenance.state().reason(), Instant.now());
  }

  @Override
  public void onChange(Handler<Void> listener) {
    listeners.add(listener);
  }
}
