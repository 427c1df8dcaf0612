package dev.vitals.samples.impl;

import dev.vitals.health.CheckRegistry;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.PassiveChecks;
import dev.vitals.health.alerts.Alerting;
import dev.vitals.health.alerts.NotificationSink;
import dev.vitals.health.metrics.MetricsHandler;
import dev.vitals.health.metrics.RequestLabels;
import dev.vitals.health.metrics.VitalsMetrics;
import dev.vitals.health.metrics.VitalsMetricsOptions;
import dev.vitals.health.web.guard.JsonErrorHandler;
import dev.vitals.health.web.probes.HealthHandler;
import dev.vitals.health.web.webhook.WebhookNotifier;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The standalone verticle's metrics ({@code metrics} section): Vert.x's own, enabled by the launcher in its
 * {@code VertxOptions} through vertx-micrometer-metrics, and Vitals' meters bound to the same Prometheus registry,
 * served at {@code metrics.path}. With an {@code alerts} section, the alerts' meters too:
 * <table>
 *   <caption>The alerts' meters</caption>
 *   <tr><th>meter</th><th>type</th><th>unit</th><th>what</th></tr>
 *   <tr><td>{@code vitals_alerts_total{channel,outcome}}</td><td>counter</td><td>notifications</td>
 *       <td>per configured channel ({@code alerts.channels[].name}): {@code sent}, {@code failed} (given up after its
 *       retries, or not tried while the circuit is open), {@code dropped} (its queue was full, or the channel
 *       closed); read from each sink's {@code status()}, so channels × 3 series</td></tr>
 *   <tr><td>{@code vitals_alerts_suppressed_total{reason}}</td><td>counter</td><td>notifications</td>
 *       <td>not handed to any channel: {@code silence}, {@code window} (an open maintenance window),
 *       {@code overflow} (alerts dropped beyond {@code maxActive}); {@code Alerting.suppressed()}</td></tr>
 *   <tr><td>{@code vitals_alerts_active}</td><td>gauge</td><td>alerts</td><td>alerts active now, silenced ones
 *       included ({@code Alerting.activeCount()})</td></tr>
 * </table>
 * They are bound before alerting has started (the server listens once it runs) and read it on each scrape: 0
 * until then. And the history store's, read from {@code CheckRegistry.historyRecording()} on each scrape:
 * <table>
 *   <caption>The history store's meters</caption>
 *   <tr><th>meter</th><th>type</th><th>unit</th><th>what</th></tr>
 *   <tr><td>{@code vitals_history_rows_total{outcome}}</td><td>counter</td><td>rows</td>
 *       <td>minute rollups and transitions {@code written} to the store, or {@code dropped} beyond
 *       {@code history.bufferSize} while it failed</td></tr>
 *   <tr><td>{@code vitals_history_buffered_rows}</td><td>gauge</td><td>rows</td><td>held now, to be written at the
 *       next flush</td></tr>
 *   <tr><td>{@code vitals_history_store_failing}</td><td>gauge</td><td>0 or 1</td><td>1 while the store's last
 *       write (or the read at start) failed</td></tr>
 * </table>
 */
public final class StandaloneMetrics {

  /** The outcomes of {@code vitals_alerts_total}: the counters of a sink's {@code status()}. */
  private static final List<String> OUTCOMES = List.of("sent", "failed", "dropped");
  /** The reasons of {@code vitals_alerts_suppressed_total}: the keys of {@code Alerting.suppressed()}. */
  private static final List<String> REASONS = List.of("silence", "window", "overflow");

  private final VitalsMetrics binder;
  private final PrometheusMeterRegistry own;
  private final MeterRegistry registry;
  /**
   * The alerts' and the history store's meters; they also hold the sinks, the alerts and the registry strongly (a
   * FunctionCounter's reference is weak).
   */
  private final List<Meter> alertMeters;
  private final StandaloneAlerts alerts;

  private StandaloneMetrics(VitalsMetrics binder, PrometheusMeterRegistry own, MeterRegistry registry,
                            List<Meter> alertMeters, StandaloneAlerts alerts) {
    this.binder = binder;
    this.own = own;
    this.registry = registry;
    this.alertMeters = alertMeters;
    this.alerts = alerts;
  }

  /**
   * Starts building the Prometheus registry of Vert.x's own metrics on a thread of its own, when the config
   * (environment variables and system properties applied) leaves {@code metrics.enabled} and {@code metrics.vertx}
   * on: Micrometer and the Prometheus client load about 190 classes, which would otherwise be loaded one after the
   * other with the launcher's and Vert.x's. A config the verticle will refuse is read leniently here: the verticle
   * names its error.
   *
   * @param config the {@code -conf} JSON with the {@code VITALS_*} and {@code vitals.*} values over it
   *               ({@link ConfigOverrides#of})
   * @return the registry to come, or {@code null} when Vert.x's metrics are off
   */
  public static CompletableFuture<PrometheusMeterRegistry> vertxRegistry(JsonObject config) {
    Object section = config.getValue("metrics");
    JsonObject metrics = section instanceof JsonObject ? (JsonObject) section : new JsonObject();
    if (Boolean.FALSE.equals(metrics.getValue("enabled")) || Boolean.FALSE.equals(metrics.getValue("vertx"))) {
      return null;
    }
    // The registry vertx-micrometer-metrics would build itself for these options (PrometheusBackendRegistry), with
    // the request's own labels bounded before Vert.x registers a meter (a filter added later is not applied to it).
    return CompletableFuture.supplyAsync(() -> {
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      RequestLabels.filters().forEach(registry.config()::meterFilter);
      return registry;
    }, task -> {
      Thread thread = new Thread(task, "vitals-metrics-registry");
      thread.setDaemon(true);
      thread.start();
    });
  }

  /**
   * The launcher's Vert.x: with Vert.x's own metrics in a Prometheus registry when there is one.
   *
   * @param options  the launcher's options
   * @param registry the registry of {@link #vertxRegistry}, or {@code null} for no Vert.x metrics
   * @return the builder of the launcher's Vert.x
   */
  public static VertxBuilder vertxBuilder(VertxOptions options, CompletableFuture<PrometheusMeterRegistry> registry) {
    VertxBuilder builder = Vertx.builder().with(options);
    if (registry != null) {
      options.setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true)));
      builder.withMetrics(new MicrometerMetricsFactory(registry.join()));
    }
    return builder;
  }

  /**
   * Binds Vitals' meters (the fleet's too, with a {@code fleet} section; the alerts', with an {@code alerts} one)
   * and mounts the scrape route ({@code GET}, {@code HEAD}; another method gets 405).
   *
   * @param alerts the {@code alerts} section at work, or {@code null} without one; its alerting may not have
   *               started yet: the meters read it on each scrape
   * @return what {@link #close()} releases, or {@code null} when {@code metrics.enabled} is false
   */
  public static StandaloneMetrics mount(Vertx vertx, Router router, VitalsMetricsOptions options, CheckRegistry registry,
                                        MaintenanceSource maintenance, PassiveChecks passive,
                                        List<WebhookNotifier> notifiers, HealthHandler health,
                                        StandaloneFleet fleet, StandaloneAlerts alerts) {
    if (!options.isEnabled()) {
      return null;
    }
    // Vert.x's registry when the launcher enabled its metrics; else one of our own.
    MeterRegistry shared = options.isVertx() && vertx.isMetricsEnabled() ? BackendRegistries.getDefaultNow() : null;
    PrometheusMeterRegistry own = shared instanceof PrometheusMeterRegistry ? null
      : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    PrometheusMeterRegistry prometheus = own != null ? own : (PrometheusMeterRegistry) shared;
    VitalsMetrics binder = VitalsMetrics.create(registry).maintenance(maintenance).passive(passive).probes(health);
    notifiers.forEach(binder::webhook);
    if (fleet != null) {
      binder.fleet(fleet.source(), fleet.quorum());
    }
    binder.bindTo(prometheus);
    List<Meter> alertMeters = new ArrayList<>(alerts == null ? List.of() : bindAlerts(prometheus, alerts));
    alertMeters.addAll(bindHistory(prometheus, registry));
    router.route(options.getPath()).handler(JsonErrorHandler.allowing(HttpMethod.GET, HttpMethod.HEAD));
    router.route(options.getPath()).handler(MetricsHandler.create(prometheus));
    return new StandaloneMetrics(binder, own, prometheus, alertMeters, alerts);
  }

  /** Registers the alerts' meters (see the class's table), which read the sinks and the alerting on each scrape. */
  private static List<Meter> bindAlerts(MeterRegistry registry, StandaloneAlerts alerts) {
    List<Meter> meters = new ArrayList<>();
    for (NotificationSink sink : alerts.sinks().values()) {
      for (String outcome : OUTCOMES) {
        meters.add(FunctionCounter.builder("vitals.alerts", sink, s -> s.status().getLong(outcome, 0L))
          .description("Notifications of an alert channel by outcome: sent, failed (retries spent or circuit open),"
            + " dropped (queue full or channel closed)")
          .tag("channel", sink.name()).tag("outcome", outcome).register(registry));
      }
    }
    for (String reason : REASONS) {
      meters.add(FunctionCounter.builder("vitals.alerts.suppressed", alerts, a -> {
          Alerting alerting = a.alerting();
          return alerting == null ? 0 : alerting.suppressed().getOrDefault(reason, 0L);
        })
        .description("Alert notifications not handed to any channel: held by a silence, by an open maintenance"
          + " window, or alerts dropped beyond maxActive (overflow)")
        .tag("reason", reason).register(registry));
    }
    meters.add(Gauge.builder("vitals.alerts.active", alerts, a -> {
        Alerting alerting = a.alerting();
        return alerting == null ? 0 : alerting.activeCount();
      })
      .description("Alerts active now, silenced ones included").strongReference(true).register(registry));
    return meters;
  }

  /** Registers the history store's meters (see the class's table). */
  private static List<Meter> bindHistory(MeterRegistry meters, CheckRegistry registry) {
    List<Meter> bound = new ArrayList<>();
    bound.add(FunctionCounter.builder("vitals.history.rows", registry, r -> r.historyRecording().written())
      .description("History rows (minute rollups, transitions) written to the store, or dropped while it failed")
      .tag("outcome", "written").register(meters));
    bound.add(FunctionCounter.builder("vitals.history.rows", registry, r -> r.historyRecording().dropped())
      .description("History rows (minute rollups, transitions) written to the store, or dropped while it failed")
      .tag("outcome", "dropped").register(meters));
    bound.add(Gauge.builder("vitals.history.buffered.rows", registry, r -> r.historyRecording().buffered())
      .description("History rows held for the store, written at the next flush").strongReference(true)
      .register(meters));
    bound.add(Gauge.builder("vitals.history.store.failing", registry,
        r -> r.historyRecording().fault() == null ? 0 : 1)
      .description("1 while the history store's last write (or its read at start) failed").strongReference(true)
      .register(meters));
    return bound;
  }

  /** Removes Vitals' meters (Vert.x's registry outlives the verticle), and closes a registry of our own. */
  public void close() {
    binder.close();
    alertMeters.forEach(registry::remove);
    if (own != null) {
      own.close();
    }
  }
}
