package dev.vitals.health.impl;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.HealthStatus;
import dev.vitals.health.PassiveChecks;
import dev.vitals.health.PassiveOptions;
import dev.vitals.health.ProcedureResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

public final class PassiveChecksImpl implements PassiveChecks {

  private final Vertx vertx;
  private final CheckRegistry registry;
  private final Clock clock;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  public PassiveChecksImpl(Vertx vertx, CheckRegistry registry, Clock clock) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A report and when it arrived, epoch ms. */
  private record Report(ProcedureResult result, long at) {
  }

  /** One passive check: its options, its last report and its damping. */
  private final class Entry {
    final String name;
    final PassiveOptions options;
    final long registered = clock.millis();
    volatile Report last;
    long deadlineTimer = -1;
    private final Damping damping;
    private Report judgedReport;
    private long judgedMissed;

    Entry(String name, PassiveOptions options, Damping damping) {
      this.name = name;
      this.options = options;
      this.damping = damping;
    }

    /**
     * The check's result now. failureThreshold and successThreshold count events, not reads: each report is
     * one, and so is each period + grace without a report; reading the check again adds none.
     */
    synchronized ProcedureResult judge() {
      long now = clock.millis();
      Report report = last;
      long since = report == null ? registered : report.at();
      long window = options.getPeriod() + options.getGrace();
      long missed = now - since > window ? (now - since - 1) / window : 0;
      ProcedureResult raw;
      if (report != null && !report.result().passed()) {
        raw = report.result();
      } else if (missed > 0) {
        raw = ProcedureResult.fail("no report for " + (now - since) / 1000 + " s");
      } else {
        raw = report == null ? ProcedureResult.pass("no report yet") : report.result();
      }
      boolean event = report != judgedReport || missed != judgedMissed;
      judgedReport = report;
      judgedMissed = missed;
      return event ? damping.next(raw) : damping.again(raw);
    }

    /** Runs the check at the next deadline, so that silence is noticed without anyone polling. */
    synchronized void armDeadline() {
      if (deadlineTimer >= 0) {
        vertx.cancelTimer(deadlineTimer);
      }
      deadlineTimer = vertx.setTimer(options.getPeriod() + options.getGrace() + 1, id -> registry.report(name));
    }

    synchronized void cancel() {
      if (deadlineTimer >= 0) {
        vertx.cancelTimer(deadlineTimer);
        deadlineTimer = -1;
      }
    }
  }

  /**
   * Flapping damping over events, as the registry's over runs: a passing check fails only after failureThreshold
   * consecutive failing events, a failing one recovers only after successThreshold passing ones.
   */
  private static final class Damping {
    private final int failureThreshold;
    private final int successThreshold;
    private ProcedureResult shown = ProcedureResult.pass("no report yet"); // a new check passes until told
    private boolean damped;
    private int passes;
    private int failures;
    private String lastFailureOutput = "";

    Damping(CheckOptions options) {
      this.failureThreshold = options.getFailureThreshold();
      this.successThreshold = options.getSuccessThreshold();
    }

    ProcedureResult next(ProcedureResult raw) {
      ProcedureResult previous = shown;
      damped = false;
      if (raw.passed()) {
        passes++;
        failures = 0;
        if (previous != null && !previous.passed() && passes < successThreshold) {
          damped = true;
          shown = ProcedureResult.of(HealthStatus.FAIL, lastFailureOutput + " (recovering: pass " + passes + " of "
            + successThreshold + ")", raw.data());
          return shown;
        }
      } else {
        failures++;
        passes = 0;
        lastFailureOutput = raw.output();
        if (previous != null && previous.passed() && failures < failureThreshold) {
          damped = true;
          shown = ProcedureResult.of(previous.status(), raw.output() + " (failure " + failures + " of "
            + failureThreshold + " before failing)", raw.data());
          return shown;
        }
      }
      shown = raw;
      return raw;
    }

    /** No new event: the same judgement, with the current output when it was not damped. */
    ProcedureResult again(ProcedureResult raw) {
      return damped ? shown : raw;
    }
  }

  @Override
  public PassiveChecks add(CheckOptions given, PassiveOptions passive) {
    CheckOptions asked = new CheckOptions(Objects.requireNonNull(given, "options"));
    // Every read runs the procedure (no caching), so the registry must not count reads: the entry damps events.
    CheckOptions options = new CheckOptions(asked).setSuccessTtl(0).setFailureTtl(0).setRefreshPeriod(0)
      .setFailureThreshold(1).setSuccessThreshold(1);
    Entry entry = new Entry(options.getName(), new PassiveOptions(Objects.requireNonNull(passive, "passive")),
      new Damping(asked));
    if (entry.name == null) {
      throw new IllegalArgumentException("name: a check needs a name");
    }
    // Known before it is registered, so that a registry observer told of the check finds it passive.
    if (entries.putIfAbsent(entry.name, entry) != null) {
      throw new IllegalArgumentException("name: a check named '" + entry.name + "' is already registered");
    }
    try {
      registry.register(options, () -> Future.succeededFuture(entry.judge()));
    } catch (RuntimeException e) {
      entries.remove(entry.name, entry);
      throw e;
    }
    entry.armDeadline();
    return this;
  }

  @Override
  public PassiveChecks remove(String name) {
    Entry entry = entries.remove(Objects.requireNonNull(name, "name"));
    if (entry != null) {
      entry.cancel();
      registry.unregister(name);
    }
    return this;
  }

  @Override
  public PassiveOptions options(String name) {
    Entry entry = entries.get(name);
    return entry == null ? null : new PassiveOptions(entry.options);
  }

  @Override
  public java.time.Instant lastReport(String name) {
    Entry entry = entries.get(Objects.requireNonNull(name, "name"));
    if (entry == null) {
      return null;
    }
    Report report = entry.last;
    return java.time.Instant.ofEpochMilli(report == null ? entry.registered : report.at());
  }

  @Override
  public void report(String name, HealthStatus status, String output, JsonObject data) {
    Entry entry = entries.get(Objects.requireNonNull(name, "name"));
    if (entry == null) {
      throw new NoSuchElementException("Passive check not found: " + name);
    }
    entry.last = new Report(ProcedureResult.of(Objects.requireNonNull(status, "status"), output, data), clock.millis());
    entry.armDeadline();
    // Run it now: a failure report is seen, and published, at once.
    registry.report(name);
  }

  @Override
  public void close() {
    entries.values().forEach(Entry::cancel);
  }
}
