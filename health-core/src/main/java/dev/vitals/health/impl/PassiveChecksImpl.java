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

  /** One passive check: its options and its last report. */
  private final class Entry {
    final String name;
    final PassiveOptions options;
    final long registered = clock.millis();
    volatile Report last;
    long deadlineTimer = -1;

    Entry(String name, PassiveOptions options) {
      this.name = name;
      this.options = options;
    }

    ProcedureResult judge() {
      long now = clock.millis();
      Report report = last;
      long since = report == null ? registered : report.at();
      if (report != null && !report.result().passed()) {
        return report.result();
      }
      if (now - since > options.getPeriod() + options.getGrace()) {
        return ProcedureResult.fail("no report for " + (now - since) / 1000 + " s");
      }
      return report == null ? ProcedureResult.pass("no report yet") : report.result();
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

  @Override
  public PassiveChecks add(CheckOptions given, PassiveOptions passive) {
    CheckOptions options = new CheckOptions(Objects.requireNonNull(given, "options")).setSuccessTtl(0).setFailureTtl(0)
      .setRefreshPeriod(0);
    Entry entry = new Entry(options.getName(), new PassiveOptions(Objects.requireNonNull(passive, "passive")));
    registry.register(options, () -> Future.succeededFuture(entry.judge()));
    entries.put(entry.name, entry);
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
