package dev.vitals.health;

import dev.vitals.health.impl.CheckResultTree;
import io.vertx.ext.healthchecks.CheckResult;

import java.util.List;

/**
 * The results of a set of checks at one moment and their overall status. Immutable.
 *
 * <p>Overall status: {@code fail} if any critical check fails, else {@code warn}
 * if any check fails or warns, else {@code pass}; no checks at all is {@code pass}.
 */
public final class HealthReport {

  private final HealthStatus status;
  private final long timestamp;
  private final List<CheckReport> checks;

  /**
   * @param checks    the per-check results, in registration order
   * @param timestamp when the report was assembled, epoch ms
   */
  public HealthReport(List<CheckReport> checks, long timestamp) {
    this(List.copyOf(checks), timestamp, null);
  }

  private HealthReport(List<CheckReport> checks, long timestamp, HealthStatus status) {
    this.checks = checks;
    this.timestamp = timestamp;
    this.status = status != null ? status : overall(checks);
  }

  /** @return the same overall status and timestamp with no per-check results (to hide them) */
  public HealthReport withoutChecks() {
    return new HealthReport(List.of(), timestamp, status);
  }

  /**
   * @param checks per-check results to show instead (for example with output hidden)
   * @return a report with those results and this report's overall status and timestamp
   */
  public HealthReport withChecks(List<CheckReport> checks) {
    return new HealthReport(List.copyOf(checks), timestamp, status);
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
