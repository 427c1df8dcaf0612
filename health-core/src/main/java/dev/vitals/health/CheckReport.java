package dev.vitals.health;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.CheckResult;
import io.vertx.ext.healthchecks.Status;

import java.util.Objects;
import java.util.Set;

/**
 * The latest known result of one check, as the registry's cache holds it: what the procedure found, when,
 * for how long it is reused and how long it took. Immutable.
 *
 * <p>Times are epoch milliseconds from the registry's clock; {@link #durationNanos()} is measured with
 * {@link System#nanoTime()}. The HTTP formats in health-web convert them (py-healthcheck's body uses epoch
 * seconds and a response time in seconds).
 */
public final class CheckReport {

  private final String name;
  private final HealthStatus status;
  private final String output;
  private final JsonObject data;
  private final boolean critical;
  private final Set<String> tags;
  private final long timestamp;
  private final long expires;
  private final long durationNanos;
  private final boolean stale;
  private final Throwable cause;
  private final boolean procedureError;

  /**
   * @param options       the check's options (name, criticality, tags)
   * @param result        what the procedure found
   * @param cause         the exception behind a failure, or {@code null}; kept for the vertx-health-check view
   * @param procedureError whether the procedure itself threw or timed out (vertx-health-check's
   *                      {@code procedure-execution-failure}), rather than failing its future
   * @param timestamp     when the run completed, epoch ms
   * @param expires       until when the result is fresh, epoch ms
   * @param durationNanos how long the run took, ns
   */
  public CheckReport(CheckOptions options, ProcedureResult result, Throwable cause, boolean procedureError,
                     long timestamp, long expires, long durationNanos) {
    this(options.getName(), result.status(), result.output(), result.data(), options.isCritical(),
      Set.copyOf(options.getTags()), timestamp, expires, durationNanos, false, cause, procedureError);
  }

  /**
   * A result that did not come from a procedure run, such as the maintenance or shutdown state a readiness
   * probe adds: critical, no tags, fresh, no duration.
   *
   * @param name      the name shown
   * @param result    the status and output
   * @param timestamp when it was observed, epoch ms
   * @return a new report
   */
  public static CheckReport synthetic(String name, ProcedureResult result, long timestamp) {
    return new CheckReport(name, result.status(), result.output(), result.data(), true, Set.of(), timestamp,
      timestamp, 0, false, null, false);
  }

  private CheckReport(String name, HealthStatus status, String output, JsonObject data, boolean critical,
                      Set<String> tags, long timestamp, long expires, long durationNanos, boolean stale,
                      Throwable cause, boolean procedureError) {
    this.name = Objects.requireNonNull(name, "name");
    this.status = status;
    this.output = output;
    this.data = data;
    this.critical = critical;
    this.tags = tags;
    this.timestamp = timestamp;
    this.expires = expires;
    this.durationNanos = durationNanos;
    this.stale = stale;
    this.cause = cause;
    this.procedureError = procedureError;
  }

  /**
   * @param stale whether the result is served after its expiry
   * @return this report, or a copy with the flag changed
   */
  public CheckReport withStale(boolean stale) {
    if (stale == this.stale) {
      return this;
    }
    return new CheckReport(name, status, output, data, critical, tags, timestamp, expires, durationNanos, stale,
      cause, procedureError);
  }

  /**
   * @return a copy without output (empty) and data, for callers not allowed to see them; the status, timing and
   * tags stay
   */
  public CheckReport redacted() {
    return new CheckReport(name, status, "", null, critical, tags, timestamp, expires, durationNanos, stale, null,
      false);
  }

  /** @return the check's full name, such as {@code db/primary} */
  public String name() {
    return name;
  }

  /** @return the check's own status: {@code fail} for a failing check even when it is not critical */
  public HealthStatus status() {
    return status;
  }

  /** @return {@code true} unless the status is {@code fail} */
  public boolean passed() {
    return status != HealthStatus.FAIL;
  }

  /** @return the message for humans, never null */
  public String output() {
    return output;
  }

  /** @return machine-readable details from the procedure, or {@code null}; do not modify */
  public JsonObject data() {
    return data;
  }

  /** @return whether a failure of this check fails the overall status */
  public boolean critical() {
    return critical;
  }

  /** @return the check's tags, unmodifiable */
  public Set<String> tags() {
    return tags;
  }

  /** @return when the run completed, epoch ms */
  public long timestamp() {
    return timestamp;
  }

  /** @return until when the result is fresh, epoch ms; equal to {@link #timestamp()} when caching is off */
  public long expires() {
    return expires;
  }

  /** @return how long the run took, in nanoseconds */
  public long durationNanos() {
    return durationNanos;
  }

  /** @return whether this result is served after its expiry while a refresh runs behind it */
  public boolean stale() {
    return stale;
  }

  /** @return the exception behind a failure (thrown, failed future, timeout), or {@code null} */
  public Throwable cause() {
    return cause;
  }

  /**
   * The same result in vertx-health-check's terms, as its {@code DefaultProcedure} would give it: a procedure
   * that failed its future gives {@code CheckResult.from(id, cause)} ({@code "data": {"cause": message}}); one
   * that threw or timed out gives a vertx-health-check {@code ProcedureException} as failure, hence
   * {@code "data": {"cause": message or "Timeout", "procedure-execution-failure": true}}; one that completed
   * with a status marked procedure-in-error gives that status ({@code "error": true}); any other a {@code Status} that is up unless the status is {@code fail}, carrying {@link #data()}.
   *
   * @param id the id to give the result (vertx-health-check uses the last segment of a nested name)
   * @return a new vertx-health-check result
   */
  public CheckResult toCheckResult(String id) {
    if (cause instanceof dev.vitals.health.impl.StatusInError) {
      return CheckResult.from(id, ((dev.vitals.health.impl.StatusInError) cause).status());
    }
    if (procedureError) {
      String message = cause instanceof java.util.concurrent.TimeoutException ? "Timeout" : cause.getMessage();
      Throwable upstream = dev.vitals.health.impl.UpstreamFailure.procedureException(message);
      if (upstream != null) {
        return CheckResult.from(id, upstream);
      }
      return CheckResult.from(id, Status.KO(new JsonObject().put("cause", message)
        .put("procedure-execution-failure", true)));
    }
    if (cause != null) {
      return CheckResult.from(id, cause);
    }
    Status s = new Status().setOk(passed());
    if (data != null) {
      s.setData(data.copy());
    }
    return CheckResult.from(id, s);
  }

  @Override
  public String toString() {
    return name + " " + status.wireName() + (output.isEmpty() ? "" : " (" + output + ")") + (stale ? " stale" : "");
  }
}
