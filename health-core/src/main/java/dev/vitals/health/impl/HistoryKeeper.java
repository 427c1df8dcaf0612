package dev.vitals.health.impl;

import dev.vitals.health.HistoryOptions;
import dev.vitals.health.HistoryRecording;
import dev.vitals.health.HistoryRollup;
import dev.vitals.health.HistoryStore;
import dev.vitals.health.HistoryTransition;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.MaintenanceState;
import dev.vitals.health.internal.BurstLog;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;

/**
 * A registry's writes to its {@link HistoryStore} and its read at start: finished minutes and transitions are held
 * in a bounded buffer and appended in one batch per {@code flushInterval} (one append in flight at a time; a failed
 * batch goes back to the front of the buffer, the oldest rows dropped and counted beyond the bound); the rollups of
 * the last 30 days are read back once, into the checks' ledgers.
 */
final class HistoryKeeper {

  /**
   * Names read back from the store that no registered check has (yet), their sums kept for a later registration
   * (a check added by a config reload): 1,000 (some 15 KB each).
   */
  static final int MAX_PENDING_CHECKS = 1_000;
  /** The hourly sums are read a day at a time, so that 30 days of 1,000 checks are never all in the heap at once. */
  private static final long SLICE = 24 * HistoryStore.HOUR_MS;
  private static final long LOADED = 30 * 24 * HistoryStore.HOUR_MS;
  /** The most transitions read back at start, all checks together: the newest ones (the store's limit). */
  static final int MAX_TRANSITIONS_READ = 100_000;

  private final Vertx vertx;
  private final Clock clock;
  /** Null when the registry has none: the ledgers alone keep the windows, nothing is written. */
  private final HistoryStore store;
  private final String instance;
  private final int bufferSize;
  private final BurstLog faults = new BurstLog(HistoryKeeper.class, 60_000);
  private final Supplier<Collection<CachedCheck>> checks;
  private final Function<String, CachedCheck> lookup;
  private final long timer;
  private final Promise<Void> loaded = Promise.promise();

  private final Object bufferLock = new Object();
  private final ArrayDeque<Object> buffer = new ArrayDeque<>();
  private boolean flushing;
  private long written;
  private long dropped;
  private String fault;
  private Instant lastWrite;
  private boolean closed;

  private final Object loadLock = new Object();
  private final Map<String, AvailabilityLedger> pending = new HashMap<>();
  /** Transitions read back for checks not registered yet, by name; bounded as {@link #pending}. */
  private final Map<String, List<HistoryTransition>> pendingTransitions = new HashMap<>();
  private long loadedRows;

  private volatile boolean inMaintenance;
  private MaintenanceSource followed;

  HistoryKeeper(Vertx vertx, Clock clock, HistoryOptions options, HistoryStore store,
                Supplier<Collection<CachedCheck>> checks, Function<String, CachedCheck> lookup) {
    this.vertx = vertx;
    this.clock = clock;
    this.store = store;
    // Without a store the name is written nowhere: no lookup of the host's name (DNS, maybe) for nothing.
    this.instance = options.getInstance() != null ? options.getInstance() : store == null ? "local" : hostName();
    this.bufferSize = options.getBufferSize();
    this.checks = checks;
    this.lookup = lookup;
    if (store == null) {
      this.timer = -1;
      loaded.complete();
    } else {
      this.timer = vertx.setPeriodic(options.getFlushInterval(), id -> flush());
      load();
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception | Error e) {
      String env = System.getenv("HOSTNAME");
      return env == null || env.isBlank() ? "localhost" : env;
    }
  }

  String instance() {
    return instance;
  }

  boolean inMaintenance() {
    return inMaintenance;
  }

  Future<Void> loaded() {
    return loaded.future();
  }

  // ---- reading back at start

  private void load() {
    long now = clock.millis();
    long hour = HistoryRollups.hourOf(now);
    loadHours(hour - LOADED, hour).compose(v -> read(() -> store.rollups(instance, null,
        Instant.ofEpochMilli(hour - HistoryStore.HOUR_MS), Instant.ofEpochMilli(now + HistoryStore.MINUTE_MS)))
      .map(rows -> {
        apply(rows, hour);
        return null;
      }))
      .compose(v -> read(() -> store.transitions(instance, null,
        Instant.ofEpochMilli(now - HistoryOptions.TRANSITIONS_KEPT), Instant.ofEpochMilli(now + 1), MAX_TRANSITIONS_READ))
      .map(rows -> {
        applyTransitions(rows, now);
        return null;
      }))
      .onComplete(ar -> {
        if (ar.failed()) {
          synchronized (bufferLock) {
            fault = "read at start failed: " + message(ar.cause());
          }
          faults.log(Level.WARNING, () -> "History store: read at start failed (" + message(ar.cause())
            + "); availability starts from what was read");
        }
        loaded.tryComplete();
      });
  }

  /** Gives each check its stored transitions, oldest first; one registered later gets them at its registration. */
  private void applyTransitions(List<HistoryTransition> rows, long now) {
    Map<String, List<HistoryTransition>> byCheck = new HashMap<>();
    for (HistoryTransition row : rows) {
      byCheck.computeIfAbsent(row.check(), name -> new ArrayList<>()).add(row);
    }
    synchronized (loadLock) {
      loadedRows += rows.size();
      byCheck.forEach((name, stored) -> {
        CachedCheck entry = lookup.apply(name);
        if (entry != null) {
          entry.loadTransitions(stored, now);
        } else if (pendingTransitions.size() < MAX_PENDING_CHECKS) {
          pendingTransitions.put(name, stored);
        }
      });
    }
  }

  /** Reads and applies the hourly sums of {@code [from, to)}, a day at a time, oldest first. */
  private Future<Void> loadHours(long from, long to) {
    if (from >= to) {
      return Future.succeededFuture();
    }
    long end = Math.min(to, from + SLICE);
    return read(() -> store.hourlyRollups(instance, null, Instant.ofEpochMilli(from), Instant.ofEpochMilli(end)))
      .compose(rows -> {
        apply(rows, to);
        return loadHours(end, to);
      });
  }

  private static <T> Future<T> read(Supplier<Future<T>> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private void apply(List<HistoryRollup> rows, long currentHour) {
    synchronized (loadLock) {
      loadedRows += rows.size();
      for (HistoryRollup row : rows) {
        CachedCheck entry = lookup.apply(row.check());
        if (entry != null) {
          entry.loadHistory(row, currentHour);
        } else {
          AvailabilityLedger kept = pending.get(row.check());
          if (kept == null && pending.size() < MAX_PENDING_CHECKS) {
            kept = new AvailabilityLedger(instance, row.check());
            pending.put(row.check(), kept);
          }
          if (kept != null) {
            kept.load(row, row.start().toEpochMilli() >= currentHour);
          }
        }
      }
    }
  }

  /** A check was registered (and is in the registry's map): it gets what was read back for its name. */
  void registered(CachedCheck entry) {
    synchronized (loadLock) {
      AvailabilityLedger kept = pending.remove(entry.name());
      if (kept != null) {
        entry.mergeHistory(kept);
      }
      List<HistoryTransition> stored = pendingTransitions.remove(entry.name());
      if (stored != null) {
        entry.loadTransitions(stored, clock.millis());
      }
    }
  }

  /**
   * A check was unregistered: its open minute is written, and its sums are kept aside (with the pending ones) for a
   * check registered again under its name (a config reload that changed it), which continues its windows.
   */
  void unregistered(CachedCheck entry) {
    AvailabilityLedger sums = entry.detachHistory(clock.millis());
    if (sums != null) {
      synchronized (loadLock) {
        if (pending.size() < MAX_PENDING_CHECKS) {
          pending.put(entry.name(), sums);
        }
      }
    }
  }

  // ---- maintenance

  /** Follows {@code source}: time in maintenance is kept apart from availability. */
  void follow(MaintenanceSource source) {
    MaintenanceSource previous;
    synchronized (this) {
      previous = followed;
      followed = source;
    }
    if (source != null && previous != source) {
      source.addListener(state -> {
        if (followed == source) {
          maintenance(state);
        }
      });
    }
    maintenance(source == null ? null : source.state());
  }

  private void maintenance(MaintenanceState state) {
    boolean now = state != null && state.inMaintenance();
    if (now != inMaintenance) {
      accountAll(false); // the time so far with the state it had
      inMaintenance = now;
    }
  }

  // ---- writing

  void minute(HistoryRollup row) {
    add(row);
  }

  void transition(HistoryTransition row) {
    add(row);
  }

  private void add(Object row) {
    if (store == null) {
      return;
    }
    synchronized (bufferLock) {
      buffer.addLast(row);
      while (buffer.size() > bufferSize) {
        buffer.removeFirst();
        dropped++;
      }
    }
  }

  private void accountAll(boolean finishMinutes) {
    for (CachedCheck entry : checks.get()) {
      entry.accountHistory(clock.millis(), finishMinutes);
    }
  }

  /** Accounts every check up to now (finished minutes join the buffer), then appends the buffer in one batch. */
  Future<Void> flush() {
    synchronized (bufferLock) {
      if (closed || store == null) {
        return Future.succeededFuture();
      }
    }
    accountAll(false);
    return write();
  }

  private Future<Void> write() {
    List<HistoryTransition> transitions = new ArrayList<>();
    List<HistoryRollup> rollups = new ArrayList<>();
    List<Object> batch;
    synchronized (bufferLock) {
      if (flushing || buffer.isEmpty()) {
        return Future.succeededFuture();
      }
      flushing = true;
      batch = new ArrayList<>(buffer);
      buffer.clear();
    }
    for (Object row : batch) {
      if (row instanceof HistoryRollup rollup) {
        rollups.add(rollup);
      } else {
        transitions.add((HistoryTransition) row);
      }
    }
    Future<Void> appended;
    try {
      appended = store.append(transitions, rollups);
    } catch (RuntimeException e) {
      appended = Future.failedFuture(e);
    }
    return appended.transform(ar -> {
      synchronized (bufferLock) {
        flushing = false;
        if (ar.succeeded()) {
          written += batch.size();
          lastWrite = clock.instant();
          fault = null;
        } else {
          fault = message(ar.cause());
          // Back to the front, older than what came meanwhile; the oldest go first beyond the bound.
          for (int i = batch.size() - 1; i >= 0; i--) {
            buffer.addFirst(batch.get(i));
          }
          while (buffer.size() > bufferSize) {
            buffer.removeFirst();
            dropped++;
          }
        }
      }
      if (ar.failed()) {
        faults.log(Level.WARNING, () -> "History store: write of " + batch.size() + " rows failed (" + message(ar.cause())
          + "); " + recording().buffered() + " rows held, " + recording().dropped() + " dropped so far");
      }
      return ar.succeeded() ? Future.succeededFuture() : Future.failedFuture(ar.cause());
    });
  }

  private static String message(Throwable cause) {
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  HistoryRecording recording() {
    synchronized (bufferLock) {
      long rows;
      synchronized (loadLock) {
        rows = loadedRows;
      }
      return new HistoryRecording(instance, loaded.future().isComplete(), rows, fault, lastWrite, written,
        buffer.size(), dropped);
    }
  }

  /**
   * Accounts the checks up to now, hands over their unfinished minutes and writes what is held (once: a failure is
   * logged, the rows lost). The store is its owner's to close.
   */
  Future<Void> close(Collection<CachedCheck> all) {
    synchronized (bufferLock) {
      if (closed) {
        return Future.succeededFuture();
      }
      closed = true;
    }
    if (store == null) {
      return Future.succeededFuture();
    }
    vertx.cancelTimer(timer);
    for (CachedCheck entry : all) {
      entry.accountHistory(clock.millis(), true);
    }
    Promise<Void> done = Promise.promise();
    waitAndWrite(done, 50);
    return done.future();
  }

  /** Waits for a write in flight (up to {@code tries} times 100 ms), then writes the rest. */
  private void waitAndWrite(Promise<Void> done, int tries) {
    boolean busy;
    synchronized (bufferLock) {
      busy = flushing;
    }
    if (busy && tries > 0) {
      vertx.setTimer(100, id -> waitAndWrite(done, tries - 1));
      return;
    }
    write().onComplete(ar -> done.complete());
  }
}
