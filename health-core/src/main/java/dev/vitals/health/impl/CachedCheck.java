package dev.vitals.health.impl;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckReport;
import dev.vitals.health.ProcedureResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * One registered check and its cache entry: the latest result, the run in flight (at most one), and the
 * refresh timer of a periodic check.
 */
final class CachedCheck {

  private final Vertx vertx;
  private final Clock clock;
  private final CheckOptions options;
  private final Supplier<Future<ProcedureResult>> procedure;

  private CheckReport current;
  private Promise<CheckReport> inFlight;
  private long refreshTimer = -1;
  private boolean closed;

  CachedCheck(Vertx vertx, Clock clock, CheckOptions options, Supplier<Future<ProcedureResult>> procedure) {
    this.vertx = vertx;
    this.clock = clock;
    this.options = options;
    this.procedure = procedure;
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
    long now = clock.millis();
    Promise<CheckReport> toStart = null;
    Future<CheckReport> answer;
    synchronized (this) {
      CheckReport cached = current;
      if (cached != null && now < cached.expires()) {
        return Future.succeededFuture(cached);
      }
      boolean periodic = options.getRefreshPeriod() > 0;
      if (cached != null && (periodic || servableStale(cached, now))) {
        if (!periodic && inFlight == null) {
          toStart = inFlight = Promise.promise();
        }
        answer = Future.succeededFuture(cached.withStale(true));
      } else {
        if (inFlight == null) {
          toStart = inFlight = Promise.promise();
        }
        answer = inFlight.future();
      }
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
    BoundedRun.start(vertx, "check", options.getTimeout(), procedure).onComplete(ar -> {
      long duration = System.nanoTime() - started;
      long now = clock.millis();
      CheckReport report;
      if (ar.succeeded()) {
        ProcedureResult result = ar.result();
        report = new CheckReport(options, result, null, false, now, now + ttlOf(result.passed()), duration);
      } else {
        ProcedureResult result = ProcedureResult.fail(BoundedRun.describe(ar.cause()));
        boolean fault = ar.cause() instanceof ProcedureFault;
        Throwable cause = fault ? ar.cause().getCause() : ar.cause();
        report = new CheckReport(options, result, cause, fault, now, now + ttlOf(false), duration);
      }
      synchronized (this) {
        if (!closed) {
          current = report;
        }
        inFlight = null;
      }
      promise.complete(report);
    });
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
      vertx.cancelTimer(timer);
    }
  }
}
