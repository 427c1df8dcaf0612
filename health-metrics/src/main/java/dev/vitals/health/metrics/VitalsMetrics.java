package dev.vitals.health.metrics;

import dev.vitals.health.fleet.FleetSource;
import dev.vitals.health.fleet.FleetView;
import dev.vitals.health.fleet.Quorum;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.PassiveChecks;
import dev.vitals.health.metrics.impl.VitalsMetricsImpl;
import dev.vitals.health.web.probes.HealthHandler;
import dev.vitals.health.web.webhook.WebhookNotifier;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.time.Clock;

/**
 * A Micrometer {@link MeterBinder} of Vitals' state: an application that has a {@link MeterRegistry} binds its
 * checks in one line.
 *
 * <pre>{@code
 * VitalsMetrics.create(registry).maintenance(maintenance).probes(healthHandler).bindTo(meterRegistry);
 * }</pre>
 *
 * <p>The meters, with their names in Prometheus form (Micrometer's names are the same with dots: a registry of
 * another backend names them its way). Statuses are {@code pass}, {@code warn}, {@code fail}; a check's meters
 * come and go with its registration, and a check name with {@code /} ({@code db/primary}) stays as it is in the
 * {@code check} label.
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>meter</th><th>type</th><th>unit</th><th>what</th></tr>
 *   <tr><td>{@code vitals_check_status{check,status}}</td><td>gauge</td><td>1 or 0</td>
 *       <td>1 for the check's current status, 0 for the two others; all 0 before its first result</td></tr>
 *   <tr><td>{@code vitals_check_duration_seconds{check}}</td><td>timer ({@code _count}, {@code _sum},
 *       {@code _max})</td><td>seconds</td><td>each run, timeouts and faults included</td></tr>
 *   <tr><td>{@code vitals_check_runs_total{check,status}}</td><td>counter</td><td>runs</td>
 *       <td>one per run, by what the run found before damping; a timeout or fault counts as {@code fail}</td></tr>
 *   <tr><td>{@code vitals_check_result_age_seconds{check}}</td><td>gauge</td><td>seconds</td>
 *       <td>age of the latest result, the one {@code /health} serves now (stale or not); NaN before the
 *       first</td></tr>
 *   <tr><td>{@code vitals_check_status_changes_total{check}}</td><td>counter</td><td>changes</td>
 *       <td>changes of the check's status (a first result that is not {@code pass} counts), counted from its runs:
 *       also while it flaps, when its {@link dev.vitals.health.StatusChange}s are replaced by {@code flapping}
 *       ones</td></tr>
 *   <tr><td>{@code vitals_check_observed_seconds_total{check}}</td><td>counter</td><td>seconds</td>
 *       <td>time the check has been observed since its first result ({@link CheckRegistry#history(String)}; 0 with
 *       history off)</td></tr>
 *   <tr><td>{@code vitals_check_available_seconds_total{check}}</td><td>counter</td><td>seconds</td>
 *       <td>the part of it the check was {@code pass} or {@code warn}: a 30-day availability is
 *       {@code increase(available[30d]) / increase(observed[30d])}</td></tr>
 *   <tr><td>{@code vitals_probe_status{probe,status}}</td><td>gauge</td><td>1 or 0</td>
 *       <td>per probe path ({@code health}, {@code live}, {@code ready}, {@code started}, configured ones):
 *       {@link HealthHandler#probeStatus(String)}; with {@link #probes(HealthHandler)}</td></tr>
 *   <tr><td>{@code vitals_maintenance}</td><td>gauge</td><td>1 or 0</td><td>1 in maintenance; with
 *       {@link #maintenance(MaintenanceSource)}</td></tr>
 *   <tr><td>{@code vitals_maintenance_stale}</td><td>gauge</td><td>1 or 0</td><td>1 while the source cannot be
 *       reached and its last known state is shown (Consul)</td></tr>
 *   <tr><td>{@code vitals_passive_last_report_age_seconds{check}}</td><td>gauge</td><td>seconds</td>
 *       <td>per passive check: since its last report, or since it was added when none came yet
 *       ({@link PassiveChecks#lastReport(String)}); with {@link #passive(PassiveChecks)}</td></tr>
 *   <tr><td>{@code vitals_webhook_deliveries_total{result}}</td><td>counter</td><td>changes or POSTs</td>
 *       <td>{@code delivered}, {@code retried}, {@code failed} (given up), {@code dropped} (superseded or over
 *       {@code maxQueued}), all webhooks together; with {@link #webhook(WebhookNotifier)}</td></tr>
 *   <tr><td>{@code vitals_fleet_instances{state}}</td><td>gauge</td><td>instances</td><td>instances of the fleet
 *       by state: {@code up}, {@code missing}, {@code left} ({@link FleetView#members()}); with
 *       {@link #fleet(FleetSource, Quorum)}</td></tr>
 *   <tr><td>{@code vitals_fleet_ready_instances}</td><td>gauge</td><td>instances</td><td>instances up and
 *       ready ({@link FleetView#ready()})</td></tr>
 *   <tr><td>{@code vitals_fleet_quorum_met}</td><td>gauge</td><td>1 or 0</td><td>1 while enough instances are
 *       ready ({@link FleetView#quorumMet(Quorum)}), what makes {@code /health/fleet} answer 200</td></tr>
 *   <tr><td>{@code vitals_fleet_stale}</td><td>gauge</td><td>1 or 0</td><td>1 while the fleet's source cannot
 *       be reached and its last view is shown (Consul)</td></tr>
 *   <tr><td>{@code vitals_fleet_rejected_messages_total}</td><td>counter</td><td>messages</td><td>messages of
 *       other instances dropped as unsigned, badly signed, stale or replayed
 *       ({@link FleetSource#rejectedMessages()}; 0 without a fleet secret)</td></tr>
 * </table>
 *
 * <p>A scrape never runs a check: the gauges read what the registry holds ({@link CheckRegistry#latest(String)}),
 * and the timer and counters move when runs complete ({@link dev.vitals.health.CheckObserver}). Configure the
 * sources before {@link #bindTo}; it may be bound to several registries.
 */
public interface VitalsMetrics extends MeterBinder {

  /**
   * @param registry the checks
   * @return a binder whose ages are measured with the system clock
   */
  static VitalsMetrics create(CheckRegistry registry) {
    return create(registry, Clock.systemUTC());
  }

  /**
   * @param registry the checks
   * @param clock    the clock ages are measured with: the registry's ({@code CheckRegistryOptions.setClock}) and the
   *                 passive checks' own
   * @return a new binder
   */
  static VitalsMetrics create(CheckRegistry registry, Clock clock) {
    return new VitalsMetricsImpl(registry, clock);
  }

  /**
   * @param source the maintenance source whose state {@code vitals_maintenance} and {@code vitals_maintenance_stale}
   *               show
   * @return this
   * @throws IllegalStateException when already bound
   */
  VitalsMetrics maintenance(MaintenanceSource source);

  /**
   * @param passive the passive checks whose report age {@code vitals_passive_last_report_age_seconds} shows (they
   *                must be registered in this binder's registry)
   * @return this
   * @throws IllegalStateException when already bound
   */
  VitalsMetrics passive(PassiveChecks passive);

  /**
   * @param handler the health handler whose probe paths {@code vitals_probe_status} shows
   * @return this
   * @throws IllegalStateException when already bound
   */
  VitalsMetrics probes(HealthHandler handler);

  /**
   * @param notifier a webhook notifier whose deliveries {@code vitals_webhook_deliveries_total} counts (summed
   *                 with the others added)
   * @return this
   * @throws IllegalStateException when already bound
   */
  VitalsMetrics webhook(WebhookNotifier notifier);

  /**
   * @param source the fleet whose view {@code vitals_fleet_*} show, read on each scrape ({@link FleetSource#view()},
   *               memory only)
   * @param quorum the quorum {@code vitals_fleet_quorum_met} is measured against
   * @return this
   * @throws IllegalStateException when already bound
   */
  VitalsMetrics fleet(FleetSource source, Quorum quorum);

  /**
   * Registers the meters in the registry, and from now on a check's meters when it is registered (removed when it
   * is unregistered).
   *
   * @param registry the meter registry
   */
  @Override
  void bindTo(MeterRegistry registry);

  /** Removes every meter this binder registered, from every registry it was bound to, and registers no more. */
  void close();
}
