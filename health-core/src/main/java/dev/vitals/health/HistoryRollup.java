package dev.vitals.health;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Objects;

/**
 * One check's sums over one span of time (a minute, or an hour in {@link HistoryStore#hourlyRollups}), as a
 * {@link HistoryStore} keeps them. Times in ms; a span is {@value HistoryStore#MINUTE_MS} ms (a minute) or
 * {@value HistoryStore#HOUR_MS} ms (an hour), aligned on the epoch (UTC).
 *
 * <p>Time is <em>observed</em> while the check has a status (from its first result on) and the registry is not in
 * maintenance; time in maintenance is counted apart ({@code maintenanceMs}) and is in none of the other sums, so
 * it spends no error budget. {@code availableMs} is the part of {@code observedMs} the check was {@code pass} or
 * {@code warn}; {@code warnMs} the part of it that was {@code warn}. Availability is
 * {@code availableMs / observedMs}.
 *
 * <p>Latencies are those of the runs completed in the span (their duration, in ms): for a minute, the median, the
 * 95th percentile and the maximum; for an hour, the highest minute's median and 95th percentile (an upper bound)
 * and the maximum. All three are 0 when {@code runs} is 0.
 *
 * <p>JSON form ({@link #toJson()}): {@code {"instance": "vm-1", "check": "db", "start": "2026-11-21T12:00:00Z",
 * "spanMs": 60000, "runs": 2, "passes": 1, "warns": 0, "fails": 1, "availableMs": 30000, "warnMs": 0,
 * "observedMs": 60000, "maintenanceMs": 0, "p50Ms": 3, "p95Ms": 9, "maxMs": 9}}.
 *
 * @param instance      the instance that recorded it (its {@linkplain HistoryOptions#getInstance() name})
 * @param check         the check's name
 * @param start         the span's start, aligned on its length
 * @param spanMs        the span's length in ms: {@value HistoryStore#MINUTE_MS} or {@value HistoryStore#HOUR_MS}
 * @param runs          runs completed in the span
 * @param passes        of them, those whose (damped) status was {@code pass}
 * @param warns         those whose status was {@code warn}
 * @param fails         those whose status was {@code fail}
 * @param availableMs   ms of {@code observedMs} the check was {@code pass} or {@code warn}
 * @param warnMs        ms of {@code availableMs} the check was {@code warn}
 * @param observedMs    ms the check had a status outside maintenance
 * @param maintenanceMs ms the check had a status while the registry was in maintenance (not in the other sums)
 * @param p50Ms         the median run duration in ms (see above for an hour)
 * @param p95Ms         the 95th percentile of run durations in ms (see above for an hour)
 * @param maxMs         the longest run in ms
 */
public record HistoryRollup(String instance, String check, Instant start, long spanMs, int runs, int passes,
                            int warns, int fails, long availableMs, long warnMs, long observedMs, long maintenanceMs,
                            long p50Ms, long p95Ms, long maxMs) {

  /**
   * Checks the sums are consistent.
   *
   * @param instance      the instance that recorded it
   * @param check         the check's name
   * @param start         the span's start
   * @param spanMs        the span's length in ms
   * @param runs          runs completed in the span
   * @param passes        runs that passed
   * @param warns         runs that warned
   * @param fails         runs that failed
   * @param availableMs   ms available
   * @param warnMs        ms in warn
   * @param observedMs    ms observed outside maintenance
   * @param maintenanceMs ms in maintenance
   * @param p50Ms         median run duration, ms
   * @param p95Ms         95th percentile of run durations, ms
   * @param maxMs         longest run, ms
   * @throws NullPointerException     when instance, check or start is null
   * @throws IllegalArgumentException naming the field when a sum is negative or larger than the span allows
   */
  public HistoryRollup {
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(start, "start");
    if (spanMs != HistoryStore.MINUTE_MS && spanMs != HistoryStore.HOUR_MS) {
      throw new IllegalArgumentException("spanMs: expected 60000 or 3600000, got '" + spanMs + "'");
    }
    if (runs < 0 || passes < 0 || warns < 0 || fails < 0 || passes + warns + fails > runs) {
      throw new IllegalArgumentException("runs: expected passes + warns + fails <= runs, all >= 0, got '" + runs
        + "' runs, " + passes + "/" + warns + "/" + fails);
    }
    if (observedMs < 0 || observedMs + maintenanceMs > spanMs || maintenanceMs < 0) {
      throw new IllegalArgumentException("observedMs: expected observedMs + maintenanceMs within 0.." + spanMs
        + ", got '" + observedMs + "' + " + maintenanceMs);
    }
    if (availableMs < 0 || availableMs > observedMs || warnMs < 0 || warnMs > availableMs) {
      throw new IllegalArgumentException("availableMs: expected 0 <= warnMs <= availableMs <= observedMs, got '"
        + availableMs + "' (warnMs " + warnMs + ", observedMs " + observedMs + ")");
    }
  }

  /** @return when the span ends (exclusive) */
  public Instant end() {
    return start.plusMillis(spanMs);
  }

  /** @return the JSON form described on this record */
  public JsonObject toJson() {
    return new JsonObject().put("instance", instance).put("check", check).put("start", start.toString())
      .put("spanMs", spanMs).put("runs", runs).put("passes", passes).put("warns", warns).put("fails", fails)
      .put("availableMs", availableMs).put("warnMs", warnMs).put("observedMs", observedMs)
      .put("maintenanceMs", maintenanceMs).put("p50Ms", p50Ms).put("p95Ms", p95Ms).put("maxMs", maxMs);
  }
}
