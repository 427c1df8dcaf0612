package dev.vitals.health.alerts.impl;

import dev.vitals.health.alerts.Silence;
import dev.vitals.health.internal.BurstLog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;

/**
 * Shares the silences of a fleet's instances through a cluster-wide map of Vert.x's shared data: a silence added
 * through one instance's API is put there (its JSON, living until the silence ends); one removed is replaced by a
 * tombstone ({@code {"id", "removed": true}}, living as long); every {@code every} ms each instance reads the map,
 * adopts the silences it lacks, drops those with a tombstone, and puts back those of its own the map lacks (after the
 * whole cluster restarted, each instance's file brings its silences back). A silence therefore holds on every
 * instance, whichever leads, within {@code every}.
 */
final class SilenceSync {

  private final Vertx vertx;
  private final SilencesImpl silences;
  private final Clock clock;
  private final String name;
  private final BurstLog faults = new BurstLog(SilenceSync.class, 60_000);
  private AsyncMap<String, String> map;
  private long timer = -1;
  private boolean closed;
  private boolean syncing;

  SilenceSync(Vertx vertx, SilencesImpl silences, Clock clock, String name) {
    this.vertx = vertx;
    this.silences = silences;
    this.clock = clock;
    this.name = name;
  }

  /** Opens the map, then syncs every {@code every} ms; a fault is logged once per burst and tried again. */
  synchronized void start(long every) {
    silences.sync(this);
    timer = vertx.setPeriodic(1, every, id -> sync());
  }

  private Future<AsyncMap<String, String>> map() {
    synchronized (this) {
      if (map != null) {
        return Future.succeededFuture(map);
      }
    }
    return vertx.sharedData().<String, String>getAsyncMap(name).onSuccess(opened -> {
      synchronized (this) {
        map = opened;
      }
    });
  }

  void added(Silence silence) {
    put(silence.id(), silence.toJson().encode(), silence.until());
  }

  void removed(Silence silence) {
    put(silence.id(), new JsonObject().put("id", silence.id()).put("removed", true).encode(), silence.until());
  }

  private void put(String id, String value, Instant until) {
    long ttl = until.toEpochMilli() - clock.millis();
    if (ttl <= 0) {
      return;
    }
    map().compose(shared -> shared.put(id, value, ttl))
      .onFailure(e -> faults.log(Level.WARNING, () -> "silences: could not share a change with the fleet (" + name
        + "): " + e));
  }

  private void sync() {
    synchronized (this) {
      if (closed || syncing) {
        return;
      }
      syncing = true;
    }
    map().compose(AsyncMap::entries).onComplete(read -> {
      synchronized (this) {
        syncing = false;
      }
      if (read.failed()) {
        faults.log(Level.WARNING, () -> "silences: could not read the fleet's silences (" + name + "): " + read.cause());
        return;
      }
      try {
        merge(read.result());
      } catch (RuntimeException e) {
        faults.log(Level.WARNING, () -> "silences: could not merge the fleet's silences (" + name + "): " + e);
      }
    });
  }

  private void merge(Map<String, String> shared) {
    Set<String> known = new HashSet<>();
    for (Map.Entry<String, String> entry : shared.entrySet()) {
      known.add(entry.getKey());
      JsonObject json;
      try {
        json = new JsonObject(entry.getValue());
      } catch (RuntimeException e) {
        faults.log(Level.WARNING, () -> "silences: the fleet's entry " + entry.getKey() + " is not a silence: " + e);
        continue;
      }
      if (json.getBoolean("removed", false)) {
        silences.drop(entry.getKey());
        continue;
      }
      try {
        Silence silence = Silence.fromJson(json);
        if (silence.id().equals(entry.getKey())) {
          silences.adopt(silence);
        }
      } catch (RuntimeException e) {
        faults.log(Level.WARNING, () -> "silences: the fleet's entry " + entry.getKey() + " is not a silence: " + e);
      }
    }
    Instant now = clock.instant();
    for (Silence own : silences.held()) {
      if (!known.contains(own.id()) && own.activeAt(now)) {
        added(own);
      }
    }
  }

  synchronized void close() {
    closed = true;
    if (timer != -1) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
    silences.sync(null);
  }
}
