package dev.vitals.health;

import dev.vitals.health.impl.PassiveChecksImpl;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.NoSuchElementException;

/**
 * Passive checks: jobs that cannot be polled (a batch job, a cron task, a Python process logging through
 * {@code logging.handlers.HTTPHandler}) report in, and the check is healthy while reports keep arriving
 * (a push-based check, the counterpart of a polled one).
 *
 * <ul>
 *   <li>Before the first report, and while good reports ({@code pass} or {@code warn}) arrive within
 *       {@code period + grace} of each other, the check has the last report's status and output.</li>
 *   <li>With no report for {@code period + grace} it fails with output {@code no report for <n> s}.</li>
 *   <li>A {@code fail} report fails it at once with the report's output, until the next good report.</li>
 * </ul>
 *
 * The checks are registered in the {@link CheckRegistry} with TTLs of 0 (they cost nothing to run); a timer at
 * each deadline runs the check so that silence is noticed, and published as a {@link StatusChange}, even when
 * nobody polls {@code /health}.
 */
public interface PassiveChecks {

  /**
   * @param vertx    for the deadline timers
   * @param registry where the checks are registered
   * @param clock    the clock of reports and deadlines (inject one in tests)
   * @return a new set of passive checks
   */
  static PassiveChecks create(Vertx vertx, CheckRegistry registry, Clock clock) {
    return new PassiveChecksImpl(vertx, registry, clock);
  }

  /**
   * Registers a passive check.
   *
   * @param options its name, criticality, tags (TTLs are set to 0, timeout and refresh ignored)
   * @param passive its period, grace and token
   * @return this
   * @throws IllegalArgumentException as {@link CheckRegistry#register(CheckOptions, Check)}
   */
  PassiveChecks add(CheckOptions options, PassiveOptions passive);

  /**
   * Unregisters a passive check and cancels its deadline timer; nothing happens when there is no such check.
   *
   * @param name the passive check's name
   * @return this
   */
  PassiveChecks remove(String name);

  /**
   * @param name a check name
   * @return the passive options of that check, or {@code null} when it is not a passive check
   */
  PassiveOptions options(String name);

  /**
   * When the check last heard from its job, without judging anything: the time of the last report, or, before the
   * first one, the time the check was added (silence counts from then, as for its deadline).
   *
   * @param name a check name
   * @return that time, from the clock given to {@link #create}; {@code null} when it is not a passive check
   */
  java.time.Instant lastReport(String name);

  /**
   * Records a report.
   *
   * @param name   the passive check's name
   * @param status what the job reports
   * @param output its message, {@code null} meaning empty
   * @param data   details, such as an exception's text, or {@code null}
   * @throws NoSuchElementException {@code "Passive check not found: <name>"} when there is no such passive check
   */
  void report(String name, HealthStatus status, String output, JsonObject data);

  /** Cancels the deadline timers. */
  void close();
}
