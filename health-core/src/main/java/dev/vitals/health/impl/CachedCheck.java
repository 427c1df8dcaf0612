package dev.vitals.health.impl;

import dev.vitals.health.CheckHistory;
import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckReport;
import dev.vitals.health.HealthStatus;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.internal.BoundedRun;
import dev.vitals.health.internal.ProcedureFault;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.function.Supplier;

/**
 * One registered check and its cache entry: the latest result, the run in flight (at most one), and the
 * refresh timer of a periodic check.
 */
final class CachedCheck {

  private final CheckRegistryImpl registry;
  private final CheckOptions options;
  private final Supplier<Future<ProcedureResult>> procedure;
  /** Null when the registry keeps no history. */
  private final HistoryRecorder history;

  private CheckReport current;
  // The stale copy of current, made once: a new copy per request would defeat the caches keyed on results.
  private CheckReport staleCurrent;
  private Promise<CheckReport> inFlight;
  private int consecutiveFailures;
  private int consecutivePasses;
  private String lastFailureOutput = "";
  private long refreshTimer = -1;
  private boolean closed;

  /**
   * @param registry its Vert.x and clock; told of every result stored ({@link CheckRegistryImpl#stored()}) and,
   *                 outside any lock, of status changes ({@link CheckRegistryImpl#changed}: the previous result,
   *                 null for the first, and the new one, when the status changes or the first is not a pass)
   */
  CachedCheck(CheckRegistryImpl registry, CheckOptions options, Supplier<Future<ProcedureResult>> procedure) {
    this.registry = registry;
    this.options = options;
    this.procedure = procedure;
    this.history = registry.historyKeeper() == null ? null
      : new HistoryRecorder(registry.historyOptions(), registry.historyKeeper(), options.getName());
  }

  /** Accounts this check's time up to {@code now} for the history store; with {@code finishMinute}, its open minute. */
  void accountHistory(long now, boolean finishMinute) {
    if (history != null) {
      history.accountTo(now, finishMinute);
    }
  }

  /** Adds a rollup the history store read back (see {@link HistoryRecorder#load}). */
  void loadHistory(dev.vitals.health.HistoryRollup row, long currentHour) {
    if (history != null) {
      history.load(row, currentHour);
    }
  }

  /** Puts the transitions the history store read back before this process's (see {@link HistoryRecorder#loadTransitions}). */
  void loadTransitions(java.util.List<dev.vitals.health.HistoryTransition> stored, long now) {
    if (history != null) {
      history.loadTransitions(stored, now);
    }
  }

  /** @return this check's sums, its time accounted and its open minute handed over; null without history */
  AvailabilityLedger detachHistory(long now) {
    return history == null ? null : history.detach(now);
  }

  /** Adds the sums read back for this check's name before it was registered. */
  void mergeHistory(AvailabilityLedger read) {
    if (history != null) {
      history.merge(read);
    }
  }

  /** @return what is remembered of this check as of {@code now}, or null when the registry keeps no history */
  CheckHistory history(long now) {
    return history == null ? null : history.snapshot(name(), options.getSlo(), now);
  }

  /** @return the latest result, or null before the first run completed */
  synchronized CheckReport current() {
    return current;
  }

  /** @return whether {@code report} is the result this check holds now */
  synchronized boolean holds(CheckReport report) {
    return report == current || report == staleCurrent;
  }

  /**
   * @param served a result {@link #ready} or {@link #get} gave
   * @return until when, epoch ms, it stays what a request gets, unless a run stores another: its expiry when
   * fresh; when stale, the end of maxStale, or never for a periodic check (only its next run replaces it)
   */
  long freshUntil(CheckReport served) {
    if (!served.stale()) {
      return served.expires();
    }
    return options.getRefreshPeriod() > 0 ? Long.MAX_VALUE : served.expires() + options.getMaxStale();
  }

  CheckOptions options() {
    return options;
  }

  String name() {
    return options.getName();
  }

  /** Starts the refresh timer of a periodic check and its first run. */
  void startPeriodicRefresh() {
    if (options.getRefreshPeriod() > 0) {
      refresh();
      Vertx vertx = registry.vertx();
      long timer = vertx.setPeriodic(options.getRefreshPeriod(), id -> refresh());
      synchronized (this) {
        if (closed) {
          vertx.cancelTimer(timer);
        } else {
          refreshTimer = timer;
        }
      }
    }
  }

  /**
   * The result a request gets: the fresh cached one; else the expired one marked stale while a refresh runs
   * (within maxStale, or always for a periodic check); else the run in flight, started if there is none.
   */
  Future<CheckReport> get() {
    return get(registry.clock().millis());
  }

  /** As {@link #get()}, at a time the caller read once for all the checks of a report. */
  Future<CheckReport> get(long now) {
    CheckReport ready = ready(now);
    if (ready != null) {
      return Future.succeededFuture(ready);
    }
    Promise<CheckReport> toStart = null;
    Future<CheckReport> answer;
    synchronized (this) {
      CheckReport cached = current;
      if (cached != null && now < cached.expires()) {
        return Future.succeededFuture(cached); // a run completed since ready() looked
      }
      if (inFlight == null) {
        toStart = inFlight = Promise.promise();
      }
      answer = inFlight.future();
    }
    if (toStart != null) {
      run(toStart);
    }
    return answer;
  }

  /**
   * The result a request can have without waiting: the fresh one, or the expired one marked stale while a
   * refresh runs (within maxStale, or always for a periodic check), starting that refresh; else {@code null}.
   */
  CheckReport ready(long now) {
    Promise<CheckReport> toStart = null;
    CheckReport answer;
    synchronized (this) {
      CheckReport cached = current;
      if (cached != null && now < cached.expires()) {
        return cached;
      }
      boolean periodic = options.getRefreshPeriod() > 0;
      if (cached == null || !(periodic || servableStale(cached, now))) {
        return null;
      }
      if (!periodic && inFlight == null) {
        toStart = inFlight = Promise.promise();
      }
      if (staleCurrent == null) {
        staleCurrent = cached.withStale(true);
      }
      answer = staleCurrent;
    }
    if (toStart != null) {
      run(toStart);
    }
    return answer;
  }


  private boolean servableStale(CheckReport cached, long now) {
    return ttlOf(cached.passed()) > 0 && now < cached.expires() + options.getMaxStale();
  }

  private long ttlOf(boolean passed) {
    return passed ? options.getSuccessTtl() : options.getFailureTtl();
  }

  /** Starts a run unless one is in flight. */
  void refresh() {
    Promise<CheckReport> toStart;
    synchronized (this) {
      if (inFlight != null || closed) {
        return;
      }
      toStart = inFlight = Promise.promise();
    }
    run(toStart);
  }

  private void run(Promise<CheckReport> promise) {
    long started = System.nanoTime();
    BoundedRun.start(registry.vertx(), "check", options.getTimeout(), procedure).onComplete(ar -> {
      long duration = System.nanoTime() - started;
      long now = registry.clock().millis();
      ProcedureResult raw = ar.succeeded() ? ar.result() : ProcedureResult.fail(BoundedRun.describe(ar.cause()));
      boolean fault = ar.failed() && ar.cause() instanceof ProcedureFault;
      Throwable cause = ar.succeeded() ? null : fault ? ar.cause().getCause() : ar.cause();
      CheckReport previous;
      CheckReport report;
      boolean kept;
      synchronized (this) {
        previous = current;
        ProcedureResult shown = damped(raw, previous);
        boolean keepsCause = shown.passed() == raw.passed();
        report = new CheckReport(options, shown, keepsCause ? cause : null, keepsCause && fault, now,
          now + ttlOf(raw.passed()), duration);
        kept = !closed;
        if (kept) {
          current = report;
          staleCurrent = null;
        }
        inFlight = null;
      }
      registry.stored();
      if (kept) {
        registry.ran(report, raw.status());
      }
      HistoryRecorder.Flap flap = kept && history != null ? history.record(report) : HistoryRecorder.Flap.NONE;
      if (flap == HistoryRecorder.Flap.START || flap == HistoryRecorder.Flap.STOP) {
        registry.flapping(report, flap == HistoryRecorder.Flap.START, history.flapPercent());
      } else if (flap == HistoryRecorder.Flap.NONE
        && (previous == null ? report.status() != HealthStatus.PASS : previous.status() != report.status())) {
        registry.changed(previous, report);
      }
      promise.complete(report);
    });
  }

  /**
   * Flapping damping: a passing check fails only after failureThreshold consecutive failing runs, a failing one
   * recovers only after successThreshold passing runs; until then it keeps its status, its output saying so.
   * The TTL still follows the run itself, so a suspect check is run again sooner.
   */
  private ProcedureResult damped(ProcedureResult raw, CheckReport previous) {
    if (raw.passed()) {
      consecutivePasses++;
      consecutiveFailures = 0;
      if (previous != null && !previous.passed() && consecutivePasses < options.getSuccessThreshold()) {
        return ProcedureResult.of(HealthStatus.FAIL, lastFailureOutput + " (recovering: pass " + consecutivePasses
          + " of " + options.getSuccessThreshold() + ")", raw.data());
      }
    } else {
      consecutiveFailures++;
      consecutivePasses = 0;
      lastFailureOutput = raw.output();
      if (previous != null && previous.passed() && consecutiveFailures < options.getFailureThreshold()) {
        return ProcedureResult.of(previous.status(), raw.output() + " (failure " + consecutiveFailures + " of "
          + options.getFailureThreshold() + " before failing)", raw.data());
      }
    }
    return raw;
  }

  /** Stops the refresh timer; later results are not cached. */
  void close() {
    long timer;
    synchronized (this) {
      closed = true;
      timer = refreshTimer;
      refreshTimer = -1;
    }
    if (timer >= 0) {
      registry.vertx().cancelTimer(timer);
    }
  }
}
