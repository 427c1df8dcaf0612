package dev.vitals.health;

import dev.vitals.health.impl.CheckResultTree;
import io.vertx.ext.healthchecks.CheckResult;

import java.util.List;

/**
 * The results of a set of checks at one moment and their overall status. Immutable.
 *
 * <p>Overall status: {@code fail} if any critical check fails, else {@code warn}
 * if any check fails or warns, else {@code pass}; no checks at all is {@code pass}. Criticality weighs only in
 * such aggregates: the report of one check asked by its own name ({@link CheckRegistry#report(String)}, see
 * {@link #ofOneCheck()}) has that check's own status, {@code fail} for a failing non-critical check.
 */
public final class HealthReport {

  /** {@link #version()} of a report no registry vouches for: {@link CheckRegistry#isCurrent} is false for it. */
  public static final long NO_VERSION = -1;

  private final HealthStatus status;
  private final long timestamp;
  private final List<CheckReport> checks;
  private final long version;
  private final long freshUntil;

  /**
   * A report no registry vouches for ({@link #version()} is {@link #NO_VERSION}).
   *
   * @param checks    the per-check results, in registration order
   * @param timestamp when the report was assembled, epoch ms
   */
  public HealthReport(List<CheckReport> checks, long timestamp) {
    this(checks, timestamp, NO_VERSION, Long.MIN_VALUE);
  }

  /**
   * A report as a registry makes it, saying how long it stays current (see {@link CheckRegistry#isCurrent}).
   *
   * @param checks     the per-check results, in registration order
   * @param timestamp  when the report was assembled, epoch ms
   * @param version    the registry's version read before the results were, or {@link #NO_VERSION}
   * @param freshUntil until when, epoch ms of the registry's clock, each result stays exactly as it is unless a
   *                   run completes: the earliest expiry of a fresh result or end of a stale one's maxStale;
   *                   {@link Long#MAX_VALUE} when none changes with time alone
   */
  public HealthReport(List<CheckReport> checks, long timestamp, long version, long freshUntil) {
    this(List.copyOf(checks), timestamp, null, version, freshUntil);
  }

  private HealthReport(List<CheckReport> checks, long timestamp, HealthStatus status, long version,
                       long freshUntil) {
    this.checks = checks;
    this.timestamp = timestamp;
    this.status = status != null ? status : overall(checks);
    this.version = version;
    this.freshUntil = freshUntil;
  }

  /** @return the same overall status and timestamp with no per-check results (to hide them) */
  public HealthReport withoutChecks() {
    return new HealthReport(List.of(), timestamp, status, NO_VERSION, Long.MIN_VALUE);
  }

  /**
   * @param checks per-check results to show instead (for example with output hidden)
   * @return a report with those results and this report's overall status and timestamp
   */
  public HealthReport withChecks(List<CheckReport> checks) {
    return new HealthReport(List.copyOf(checks), timestamp, status, NO_VERSION, Long.MIN_VALUE);
  }

  /**
   * The answer to a question about one check by its own name: the same results, version and freshness, with the
   * check's own status ({@link CheckReport#status()}) instead of the overall one, whatever its criticality.
   *
   * @return a report of the one check with its own status
   * @throws IllegalStateException when this report does not hold exactly one check
   */
  public HealthReport ofOneCheck() {
    if (checks.size() != 1) {
      throw new IllegalStateException("a report of one check holds one result, not " + checks.size());
    }
    return new HealthReport(checks, timestamp, checks.get(0).status(), version, freshUntil);
  }

  /**
   * @param checks per-check results
   * @return the overall status of those results, by the rule on this class
   */
  public static HealthStatus overall(List<CheckReport> checks) {
    HealthStatus overall = HealthStatus.PASS;
    for (CheckReport c : checks) {
      if (c.status() == HealthStatus.FAIL && c.critical()) {
        return HealthStatus.FAIL;
      }
      if (c.status() != HealthStatus.PASS) {
        overall = HealthStatus.WARN;
      }
    }
    return overall;
  }

  /** @return the overall status */
  public HealthStatus status() {
    return status;
  }

  /** @return when the report was assembled, epoch ms */
  public long timestamp() {
    return timestamp;
  }

  /**
   * @return the time of the newest result, epoch ms, or {@link #timestamp()} when there is none: the time the
   * state this report shows was reached, the same for every report holding the same results
   */
  public long newestResult() {
    long newest = Long.MIN_VALUE;
    for (CheckReport check : checks) {
      newest = Math.max(newest, check.timestamp());
    }
    return checks.isEmpty() ? timestamp : newest;
  }

  /** @return the registry's version when the results were read, or {@link #NO_VERSION} */
  public long version() {
    return version;
  }

  /**
   * @return until when, epoch ms of the registry's clock, the results stay as they are unless a run completes;
   * {@link Long#MAX_VALUE} when none changes with time alone, {@link Long#MIN_VALUE} for a report no registry
   * vouches for
   */
  public long freshUntil() {
    return freshUntil;
  }

  /** @return the per-check results in registration order, unmodifiable */
  public List<CheckReport> checks() {
    return checks;
  }

  /**
   * The report in vertx-health-check's shape: a root {@code CheckResult} whose nested {@code checks} follow
   * the {@code /}-separated names, each leaf as {@link CheckReport#toCheckResult(String)} gives it.
   *
   * @param prefix the group the report was asked for ({@code db} for {@code db/primary}), or {@code ""} for
   *               the whole registry; names are taken relative to it
   * @return a new vertx-health-check result tree
   */
  public CheckResult toCheckResult(String prefix) {
    return CheckResultTree.build(checks, prefix);
  }
}
