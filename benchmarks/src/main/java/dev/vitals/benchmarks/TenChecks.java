package dev.vitals.benchmarks;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.ProcedureResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;

/**
 * The same 10 check procedures, {@code check-01} to {@code check-10}, registered into each contender: a Vitals
 * {@link CheckRegistry} and a plain vertx-health-check {@link HealthChecks}. Each procedure passes after the
 * scenario's latency (at once, or after a Vert.x timer of 50 or 500 ms) and counts its runs in {@link RunCounts}.
 */
public final class TenChecks {

  /** Number of checks every contender serves. */
  public static final int COUNT = 10;
  /**
   * Timeout of one run given to both libraries, in ms: Vitals' default (vertx-health-check's own default,
   * 1000 ms, would fail the 500 ms checks under load and turn the comparison into one of error paths).
   */
  public static final long TIMEOUT_MS = CheckOptions.DEFAULT_TIMEOUT;

  private final Vertx vertx;
  private final Scenario scenario;
  private final RunCounts counts;

  /**
   * @param vertx    for the procedures' timers
   * @param scenario how long procedures take and Vitals' TTLs
   * @param counts   where runs are counted
   */
  public TenChecks(Vertx vertx, Scenario scenario, RunCounts counts) {
    this.vertx = vertx;
    this.scenario = scenario;
    this.counts = counts;
  }

  /** @return the name of check {@code i} (1-based): {@code check-01} ... {@code check-10} */
  public static String name(int i) {
    return String.format("check-%02d", i);
  }

  /**
   * Registers the 10 procedures with Vitals' default options, except the TTLs of {@link Scenario#EXPIRY}.
   *
   * @param registry the Vitals registry
   * @return the registry
   */
  public CheckRegistry registerInto(CheckRegistry registry) {
    for (int i = 1; i <= COUNT; i++) {
      String name = name(i);
      CheckOptions options = new CheckOptions(name);
      if (scenario.ttlMs() > 0) {
        options.setSuccessTtl(scenario.ttlMs()).setFailureTtl(scenario.ttlMs());
      }
      registry.register(options, () -> {
        counts.ran("vitals", name);
        return after(scenario.latencyMs());
      });
    }
    return registry;
  }

  /**
   * Registers the 10 procedures the vertx-health-check way, with the same timeout.
   *
   * @param checks the plain vertx-health-check instance
   * @return it
   */
  public HealthChecks registerInto(HealthChecks checks) {
    for (int i = 1; i <= COUNT; i++) {
      String name = name(i);
      checks.register(name, TIMEOUT_MS, promise -> {
        counts.ran("vertx", name);
        long latency = scenario.latencyMs();
        if (latency == 0) {
          promise.complete(Status.OK());
        } else {
          vertx.setTimer(latency, id -> promise.complete(Status.OK()));
        }
      });
    }
    return checks;
  }

  private Future<ProcedureResult> after(long latencyMs) {
    if (latencyMs == 0) {
      return Future.succeededFuture(ProcedureResult.pass());
    }
    Promise<ProcedureResult> promise = Promise.promise();
    vertx.setTimer(latencyMs, id -> promise.complete(ProcedureResult.pass()));
    return promise.future();
  }
}
