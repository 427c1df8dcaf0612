package dev.vitals.health.web.fleet.impl;

import dev.vitals.health.CheckObserver;
import dev.vitals.health.CheckReport;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.HealthStatus;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.MaintenanceState;
import dev.vitals.health.fleet.LocalNode;
import dev.vitals.health.fleet.NodeStatus;
import dev.vitals.health.web.probes.Detail;
import dev.vitals.health.web.probes.FailureDetails;
import dev.vitals.health.web.probes.HealthHandler;
import dev.vitals.health.web.probes.HealthHandlerOptions;
import dev.vitals.health.web.probes.ProbeOptions;
import io.vertx.core.Handler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** This instance for the fleet, from a health handler; see {@code FleetHandler.localNode}. */
public final class LocalNodeImpl implements LocalNode {

  private static final String READY = "ready";

  private final HealthHandler health;
  private final CheckRegistry registry;
  private final MaintenanceSource maintenance;
  private final String application;
  private final String instance;
  private final ProbeOptions probe;

  public LocalNodeImpl(HealthHandler health, CheckRegistry registry, MaintenanceSource maintenance, String application,
                       String instance, ProbeOptions probe) {
    this.probe = new ProbeOptions(probe);
    this.health = health;
    this.registry = registry;
    this.maintenance = maintenance;
    this.application = application;
    this.instance = instance;
  }

  @Override
  public NodeStatus status(String node) {
    Map<String, HealthStatus> probes = new LinkedHashMap<>();
    for (String probe : new java.util.TreeSet<>(health.probes())) {
      probes.put(probe, health.probeStatus(probe));
    }
    HealthStatus outcome = probes.get(HealthHandlerOptions.HEALTH); // the health probe is always served
    MaintenanceState state = maintenance.state();
    HealthStatus readiness = probes.get(READY);
    boolean ready = readiness != null ? readiness != HealthStatus.FAIL
      : outcome != HealthStatus.FAIL && !state.inMaintenance() && !health.isDraining();
    List<CheckReport> failed = new ArrayList<>();
    for (CheckReport check : registry.latest(probe::selects)) {
      if (check.status() != HealthStatus.PASS) {
        failed.add(check);
      }
    }
    // Critical failures first, then the others, each in registration order.
    failed.sort(Comparator.comparing((CheckReport check) -> !(check.critical() && check.status() == HealthStatus.FAIL)));
    // No instance shows more of this one than this one's own /health does.
    boolean named = probe.getDetail() != Detail.STATUS;
    boolean outputs = probe.getDetail() == Detail.FULL && probe.getFailureDetails() == FailureDetails.EVERYONE;
    List<NodeStatus.Failing> failing = new ArrayList<>();
    if (named) {
      failed.forEach(check -> failing.add(new NodeStatus.Failing(check.name(), check.status(),
        outputs ? check.output() : "")));
    }
    return new NodeStatus(node, application, instance, outcome, ready, probes, failing, state.inMaintenance(),
      state.reason(), Instant.now()).withFailingCount(failed.size());
  }

  /**
   * The health handler's changes, and every run of a check: a flapping check's runs are not notified as changes
   * (the registry holds them back while it flaps), yet they change what this instance reports. The fleet sends a
   * status only when it differs from the last one sent.
   */
  @Override
  public void onChange(Handler<Void> listener) {
    health.addChangeListener(listener);
    registry.addObserver(new CheckObserver() {
      @Override
      public void ran(CheckReport result, HealthStatus outcome) {
        listener.handle(null);
      }

      @Override
      public void unregistered(String name) {
        listener.handle(null);
      }
    });
  }
}
