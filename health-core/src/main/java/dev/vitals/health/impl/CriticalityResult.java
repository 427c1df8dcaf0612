package dev.vitals.health.impl;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.CheckResult;

import java.util.List;

/**
 * vertx-health-check's result, aware of Vitals' non-critical checks, so that the vertx view agrees with Vitals'
 * outcome and status code: a non-critical check stays {@code DOWN} when it fails, with {@code "critical": false}
 * in its data, but does not make the groups above it, nor the top level, {@code DOWN}; asked for alone, it answers
 * by its own status ({@code DOWN}), as every other interface does. vertx-web's {@code HealthCheckHandler} asks
 * {@link #getUp()} for its status code, so there too a non-critical failure gives 200 for the whole registry or a
 * group, and 503 for the check asked by its own name.
 */
public final class CriticalityResult extends CheckResult {

  private final boolean critical;

  private CriticalityResult(boolean critical) {
    this.critical = critical;
  }

  /** @return the result of a non-critical check: the same status, failure and id, marked non-critical */
  public static CheckResult nonCritical(CheckResult result) {
    return new CriticalityResult(false).setId(result.getId()).setStatus(result.getStatus())
      .setFailure(result.getFailure()).setChecks(result.getChecks());
  }

  /** @return a group: {@code UP} unless a critical check below it is {@code DOWN} */
  public static CheckResult group(String id, List<CheckResult> checks) {
    return new CriticalityResult(true).setId(id).setChecks(checks);
  }

  @Override
  public Boolean getUp() {
    if (getStatus() != null || getFailure() != null || getChecks() == null) {
      return super.getUp();
    }
    for (CheckResult check : getChecks()) {
      boolean ignored = check instanceof CriticalityResult && !((CriticalityResult) check).critical;
      if (!ignored && !check.getUp()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public JsonObject getData() {
    JsonObject data = super.getData();
    if (critical) {
      return data;
    }
    return (data == null ? new JsonObject() : data.copy()).put("critical", false);
  }
}
