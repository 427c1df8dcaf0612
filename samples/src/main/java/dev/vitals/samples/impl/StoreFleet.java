package dev.vitals.samples.impl;

import dev.vitals.health.HealthStatus;
import dev.vitals.health.HistoryRollup;
import dev.vitals.health.HistoryStore;
import dev.vitals.health.HistoryTransition;
import dev.vitals.health.internal.BurstLog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;

/**
 * The fleet as a history store shared by its instances knows it (PostgreSQL, each instance writing its own rows):
 * every {@value #REFRESH_MS} ms, the instances that wrote rows, each one's checks by the last transition stored of the
 * last 7 days, and whether it wrote a minute or a transition within the last {@value #UP_WITHIN_MS} ms (up) or not
 * (missing). Served to
 * the dashboard's fleet view in {@code GET /health/fleet}'s JSON form, so that any instance's dashboard shows them
 * all without a fleet section. Bounded: {@value #MAX_INSTANCES} instances, {@value #MAX_TRANSITIONS} transitions
 * read per refresh (the newest), {@code NodeStatus}'s 32 failing checks named per instance.
 */
public final class StoreFleet {

  /** How often the view is read again, in ms. */
  public static final long REFRESH_MS = 10_000;
  /** An instance that wrote a minute within this is up, in ms: three minutes (a minute is written when it ends). */
  public static final long UP_WITHIN_MS = 180_000;
  static final int MAX_INSTANCES = 100;
  static final int MAX_TRANSITIONS = 100_000;
  static final int MAX_FAILING = 32;
  private static final long TRANSITIONS_READ = 7 * 24 * 3_600_000L;

  private final Vertx vertx;
  private final HistoryStore store;
  private final String self;
  private final Clock clock;
  private final BurstLog faults = new BurstLog(StoreFleet.class, 60_000);
  private final long timer;
  private volatile JsonObject view;
  private boolean refreshing;

  /**
   * Starts reading the store now and every {@link #REFRESH_MS}.
   *
   * @param vertx its timer
   * @param store the shared store
   * @param self  this instance's name in the store ({@code history.instance})
   * @param clock the time
   */
  public StoreFleet(Vertx vertx, HistoryStore store, String self, Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.self = self;
    this.clock = clock;
    this.view = new JsonObject().put("source", "history").put("total", 0).put("ready", 0).put("stale", true)
      .put("error", "reading the history store").put("nodes", new JsonArray());
    this.timer = vertx.setPeriodic(1, REFRESH_MS, id -> refresh());
  }

  /** @return the fleet as last read, in {@code GET /health/fleet}'s JSON form; never null */
  public JsonObject view() {
    return view;
  }

  /** Stops reading. */
  public void close() {
    vertx.cancelTimer(timer);
  }

  private void refresh() {
    synchronized (this) {
      if (refreshing) {
        return;
      }
      refreshing = true;
    }
    Instant now = clock.instant();
    Future<List<HistoryTransition>> transitions = store.transitions(null, null, now.minusMillis(TRANSITIONS_READ),
      now.plusMillis(1), MAX_TRANSITIONS);
    Future<List<HistoryRollup>> minutes = store.rollups(null, null, now.minusMillis(UP_WITHIN_MS), now.plusMillis(1));
    // Up to MAX_TRANSITIONS and every instance's minutes of the last 3 minutes: grouped on a worker, not on the event
    // loop that answered the store (the verticle's, which serves /health/live).
    Future.all(store.instances(), transitions, minutes)
      .compose(read -> vertx.executeBlocking(() -> render(read.resultAt(0), transitions.result(), minutes.result(),
        now), false))
      .onComplete(rendered -> {
        synchronized (this) {
          refreshing = false;
        }
        if (rendered.failed()) {
          faults.log(Level.WARNING, () -> "History store fleet view: could not read the store: " + rendered.cause());
          view = view.copy().put("stale", true).put("error", "history store: " + rendered.cause().getMessage());
        } else {
          view = rendered.result();
        }
      });
  }

  private JsonObject render(List<String> instances, List<HistoryTransition> transitions, List<HistoryRollup> minutes,
                            Instant now) {
    Map<String, Map<String, HistoryTransition>> last = new HashMap<>();
    for (HistoryTransition row : transitions) { // oldest first: the last one put is the newest
      last.computeIfAbsent(row.instance(), name -> new TreeMap<>()).put(row.check(), row);
    }
    Map<String, Instant> heard = new HashMap<>();
    for (HistoryRollup row : minutes) {
      heard.merge(row.instance(), row.start().plusMillis(row.spanMs()), (a, b) -> a.isAfter(b) ? a : b);
    }
    for (HistoryTransition row : transitions) { // a transition within the last minutes is a sign of life too
      if (row.at().isAfter(now.minusMillis(UP_WITHIN_MS))) {
        heard.merge(row.instance(), row.at(), (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    Set<String> names = new HashSet<>(instances.subList(0, Math.min(instances.size(), MAX_INSTANCES)));
    names.add(self);
    JsonArray nodes = new JsonArray();
    int ready = 0;
    for (String name : names.stream().sorted().toList()) {
      List<HistoryTransition> failing = new ArrayList<>();
      last.getOrDefault(name, Map.of()).values().forEach(row -> {
        if (row.to() == HealthStatus.FAIL || row.to() == HealthStatus.WARN) {
          failing.add(row);
        }
      });
      failing.sort(Comparator.comparing((HistoryTransition row) -> row.to() != HealthStatus.FAIL)
        .thenComparing(HistoryTransition::check));
      HealthStatus outcome = failing.isEmpty() ? HealthStatus.PASS : failing.get(0).to();
      Instant at = heard.get(name);
      boolean up = name.equals(self) || at != null;
      JsonArray named = new JsonArray();
      failing.stream().limit(MAX_FAILING).forEach(row -> named.add(new JsonObject().put("name", row.check())
        .put("status", row.to().wireName()).put("output", row.output())));
      boolean isReady = up && outcome != HealthStatus.FAIL;
      ready += isReady ? 1 : 0;
      nodes.add(new JsonObject().put("node", name).put("instance", name).put("outcome", outcome.wireName())
        .put("ready", isReady).put("maintenance", false).put("failing", named).put("failingCount", failing.size())
        .put("state", up ? "up" : "missing").put("self", name.equals(self))
        .put("ageMs", at == null ? null : Math.max(0, now.toEpochMilli() - at.toEpochMilli()))
        .put("at", at == null ? null : at.toString()));
    }
    return new JsonObject().put("source", "history").put("total", nodes.size()).put("ready", ready).put("stale", false)
      .put("at", now.toString()).put("nodes", nodes);
  }
}
