package dev.vitals.samples.impl;

import dev.vitals.health.HealthStatus;
import dev.vitals.health.alerts.AlertFleet;
import dev.vitals.health.alerts.AlertLeadership;
import dev.vitals.health.fleet.FleetMember;
import dev.vitals.health.fleet.FleetSource;
import dev.vitals.health.fleet.NodeStatus;
import dev.vitals.health.internal.BurstLog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The standalone's fleet as alerting sees it ({@code fleet.source: cluster}): the instances that are up and the
 * checks each publishes as failing, from the fleet view; the leader, the holder of a cluster-wide lock taken once the
 * fleet is joined ({@link #lead}). Until then this instance does not lead, so its alerts wait. Silences are shared
 * through a cluster-wide map ({@link #silencesMap()}).
 */
public final class StandaloneAlertFleet implements AlertFleet {

  /** How often the leader renews its lease and the others try to take it, in ms. */
  public static final long RENEW_EVERY_MS = 1_000;
  /** How long a lease not renewed stands, in ms: a killed leader is replaced within this plus {@link #RENEW_EVERY_MS}. */
  public static final long LEASE_TTL_MS = 5_000;

  private final Supplier<FleetSource> source;
  private final BurstLog truncated = new BurstLog(StandaloneAlertFleet.class, 60_000);
  private final String application;
  private volatile AlertLeadership leadership;
  private volatile Vertx vertx;
  private volatile long settling = -1;

  /**
   * @param source      the fleet's source (empty until joined)
   * @param application the application's name: one lock and one map of silences per application sharing a cluster
   */
  public StandaloneAlertFleet(Supplier<FleetSource> source, String application) {
    this.source = source;
    this.application = application;
  }

  /**
   * Starts trying to lead the fleet's alerts, once the fleet is joined and its view has had time to hear every
   * instance ({@code settle}, three publish periods): a new leader judging a quorum over the few instances heard so
   * far would send what one instance alone sees.
   *
   * @param vertx  the clustered Vert.x
   * @param settle how long to wait first, in ms
   */
  public void lead(Vertx vertx, long settle) {
    settling = vertx.setTimer(Math.max(1, settle), id -> {
      String self = view().self();
      leadership = AlertLeadership.start(vertx, "leader:" + application, self == null ? "instance" : self,
        RENEW_EVERY_MS, LEASE_TTL_MS, this::isOtherInstance);
    });
    this.vertx = vertx;
  }

  /** Whether a name is that of another instance of the fleet that is up (its statuses heard, signed with a secret). */
  private boolean isOtherInstance(String name) {
    FleetSource fleet = source.get();
    return fleet != null && fleet.view().members().stream().anyMatch(member -> !member.self()
      && member.state() == FleetMember.State.UP && member.status().instance().equals(name));
  }

  @Override
  public String leader() {
    AlertLeadership current = leadership;
    return current == null ? null : current.heldBy();
  }

  @Override
  public String silencesMap() {
    return "dev.vitals.alerts.silences:" + application;
  }

  @Override
  public boolean leads() {
    AlertLeadership current = leadership;
    return current != null && current.leads();
  }

  @Override
  public View view() {
    FleetSource fleet = source.get();
    if (fleet == null) {
      return View.ALONE;
    }
    int up = 0;
    boolean selfUp = false;
    String self = null;
    Map<String, List<Failing>> failing = new HashMap<>();
    Map<String, java.time.Instant> published = new HashMap<>();
    for (FleetMember member : fleet.view().members()) {
      if (member.self()) {
        self = member.status().instance();
      }
      if (member.state() != FleetMember.State.UP) {
        continue;
      }
      up++;
      selfUp |= member.self();
      if (member.self()) {
        continue;
      }
      published.put(member.status().instance(), member.status().at());
      if (member.status().failingCount() > member.status().failing().size()) {
        String name = member.status().instance();
        int count = member.status().failingCount();
        truncated.log(() -> "Alerts: " + name + " fails " + count + " checks and its status names "
          + NodeStatus.MAX_FAILING + " (the most a status carries); once per fleet counts only those");
      }
      for (NodeStatus.Failing one : member.status().failing()) {
        if (one.status() != HealthStatus.PASS) {
          failing.computeIfAbsent(one.name(), name -> new ArrayList<>())
            .add(new Failing(member.status().instance(), one.status(), one.output()));
        }
      }
    }
    return new View(selfUp ? up : up + 1, self, failing, published);
  }

  /** @return a future completed once the lock is released (if held) */
  public Future<Void> close() {
    if (vertx != null && settling != -1) {
      vertx.cancelTimer(settling);
    }
    AlertLeadership current = leadership;
    leadership = null;
    return current == null ? Future.succeededFuture() : current.close();
  }
}
