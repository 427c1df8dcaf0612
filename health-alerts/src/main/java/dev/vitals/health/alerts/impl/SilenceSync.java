package dev.vitals.health.alerts.impl;

import dev.vitals.health.alerts.Silence;
import dev.vitals.health.internal.BurstLog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
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
 *
 * <p>The map is written by every member of the cluster, so what is read from it is checked: a value of more than
 * {@value #MAX_VALUE_BYTES} bytes is left unparsed; a silence is adopted only when it passes the rules of an API
 * request ({@link SilencesImpl#check}); at most 2 × {@code maxSilences} entries are parsed per sync (the next sync
 * goes on where this one stopped); log lines cut what they quote of an entry to {@value #CUT} characters. The merge
 * (parsing, checking, adopting and dropping, one file write) runs on a worker thread, not on the event loop.
 *
 * <p>The removals made through this instance are remembered (at most {@code maxSilences}, the latest, each until
 * its silence would have ended): their silences are never adopted again, and their tombstones are put again when the
 * map lacks them (a put that failed, or another instance putting the silence back from a read made before the
 * tombstone landed).
 */
final class SilenceSync {

  /** The most bytes of a map entry's value that is parsed: 64 KiB, as {@link SilencesImpl#MAX_SILENCE_BYTES}. */
  static final int MAX_VALUE_BYTES = SilencesImpl.MAX_SILENCE_BYTES;
  /** The most characters of a map entry's key or of an error about it that a log line quotes. */
  static final int CUT = 100;

  private final Vertx vertx;
  private final SilencesImpl silences;
  private final Clock clock;
  private final String name;
  private final int max;
  private final BurstLog faults = new BurstLog(SilenceSync.class, 60_000);
  private final BurstLog rejected = new BurstLog(SilenceSync.class, 60_000);
  private final BurstLog overflow = new BurstLog(SilenceSync.class, 60_000);
  /** The removals made through this instance: id → when the silence would have ended; oldest first; guarded by it. */
  private final LinkedHashMap<String, Instant> tombstones = new LinkedHashMap<>();
  private AsyncMap<String, String> map;
  private long timer = -1;
  private volatile boolean closed;
  private boolean syncing;
  /** Where the next sync starts parsing, when the map holds more entries than one sync parses; guarded by this. */
  private int cursor;

  SilenceSync(Vertx vertx, SilencesImpl silences, Clock clock, String name) {
    this.vertx = vertx;
    this.silences = silences;
    this.clock = clock;
    this.name = name;
    this.max = silences.max();
  }

  /** Opens the map, then syncs every {@code every} ms; a fault is logged once per burst and tried again. */
  void start(long every) {
    silences.sync(this);
    synchronized (this) {
      if (!closed) {
        timer = vertx.setPeriodic(1, every, id -> sync());
      }
    }
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
    synchronized (tombstones) {
      tombstones.remove(silence.id());
      tombstones.put(silence.id(), silence.until());
      Iterator<String> oldest = tombstones.keySet().iterator();
      while (tombstones.size() > max) {
        oldest.next();
        oldest.remove();
      }
    }
    put(silence.id(), tombstone(silence.id()), silence.until());
  }

  private static String tombstone(String id) {
    return new JsonObject().put("id", id).put("removed", true).encode();
  }

  private void put(String id, String value, Instant until) {
    if (closed) {
      return;
    }
    long ttl = until.toEpochMilli() - clock.millis();
    if (ttl <= 0) {
      return;
    }
    map().compose(shared -> shared.put(id, value, ttl))
      .onFailure(e -> faults.log(Level.WARNING, () -> "silences: could not share a change with the fleet (" + name
        + "): " + cut(String.valueOf(e))));
  }

  private void sync() {
    synchronized (this) {
      if (closed || syncing) {
        return;
      }
      syncing = true;
    }
    map().compose(AsyncMap::entries)
      .compose(read -> vertx.<Void>executeBlocking(() -> {
        merge(read);
        return null;
      }, false))
      .onComplete(done -> {
        synchronized (this) {
          syncing = false;
        }
        if (done.failed()) {
          faults.log(Level.WARNING, () -> "silences: could not sync the fleet's silences (" + name + "): "
            + cut(String.valueOf(done.cause())));
        }
      });
  }

  /**
   * On a worker thread: parses and checks up to 2 × {@code maxSilences} entries, applies what they say in one go
   * (one file write), then puts back the tombstones and the silences of this instance that the map lacks.
   */
  private void merge(Map<String, String> shared) {
    if (closed) {
      return;
    }
    Instant now = clock.instant();
    Map<String, Instant> removed;
    synchronized (tombstones) {
      tombstones.values().removeIf(until -> !now.isBefore(until));
      removed = new LinkedHashMap<>(tombstones);
    }
    List<Silence> adopt = new ArrayList<>();
    Set<String> drop = new HashSet<>();
    int limit = 2 * max;
    List<Map.Entry<String, String>> all = new ArrayList<>(shared.entrySet());
    int start = 0;
    if (all.size() > limit) {
      synchronized (this) {
        start = cursor % all.size();
        cursor = (start + limit) % all.size();
      }
      int size = all.size();
      overflow.log(Level.WARNING, () -> "silences: the fleet's map (" + name + ") holds " + size + " entries, more"
        + " than 2 × maxSilences (" + limit + ") handled per sync; the others wait for the next syncs");
    }
    for (int i = 0; i < Math.min(limit, all.size()); i++) {
      Map.Entry<String, String> entry = all.get((start + i) % all.size());
      try {
        read(entry.getKey(), entry.getValue(), removed, now, adopt, drop);
      } catch (RuntimeException e) {
        rejected.log(Level.WARNING, () -> "silences: the fleet's entry " + cut(entry.getKey()) + " left out: "
          + cut(String.valueOf(e.getMessage() == null ? e : e.getMessage())));
      }
    }
    if (!silences.merge(this, adopt, drop)) {
      return; // closed meanwhile
    }
    removed.forEach((id, until) -> {
      if (!tombstone(id).equals(shared.get(id))) {
        put(id, tombstone(id), until);
      }
    });
    for (Silence own : silences.held()) {
      if (!shared.containsKey(own.id()) && !removed.containsKey(own.id()) && own.activeAt(now)) {
        added(own);
      }
    }
  }

  /** Reads one entry of the map into what to adopt or drop; throws when it is not a silence nor a tombstone. */
  private static void read(String key, String value, Map<String, Instant> removed, Instant now, List<Silence> adopt,
                           Set<String> drop) {
    if (value == null) {
      return;
    }
    if (value.length() > MAX_VALUE_BYTES || SilencesImpl.utf8Length(value) > MAX_VALUE_BYTES) {
      throw new IllegalArgumentException("more than " + MAX_VALUE_BYTES + " bytes");
    }
    JsonObject json = new JsonObject(value);
    if (Boolean.TRUE.equals(json.getValue("removed"))) {
      drop.add(key);
      return;
    }
    if (removed.containsKey(key)) {
      return; // removed through this instance: never adopted again
    }
    Silence silence = Silence.fromJson(json);
    if (!silence.id().equals(key)) {
      throw new IllegalArgumentException("id: expected the entry's key, got '" + cut(silence.id()) + "'");
    }
    SilencesImpl.check(silence, now);
    adopt.add(silence);
  }

  /** @return the text, cut to {@value #CUT} characters (an entry's key or value is the cluster's members' to choose) */
  static String cut(String text) {
    return text.length() <= CUT ? text : text.substring(0, CUT) + "… (" + text.length() + " characters)";
  }

  void close() {
    synchronized (this) {
      closed = true;
      if (timer != -1) {
        vertx.cancelTimer(timer);
        timer = -1;
      }
    }
    silences.sync(null);
  }
}
