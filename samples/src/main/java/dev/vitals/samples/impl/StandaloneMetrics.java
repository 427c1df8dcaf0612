package dev.vitals.samples.impl;

import dev.vitals.health.CheckRegistry;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.PassiveChecks;
import dev.vitals.health.metrics.MetricsHandler;
import dev.vitals.health.metrics.RequestLabels;
import dev.vitals.health.metrics.VitalsMetrics;
import dev.vitals.health.metrics.VitalsMetricsOptions;
import dev.vitals.health.web.guard.JsonErrorHandler;
import dev.vitals.health.web.probes.HealthHandler;
import dev.vitals.health.web.webhook.WebhookNotifier;
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

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The standalone verticle's metrics ({@code metrics} section): Vert.x's own, enabled by the launcher in its
 * {@code VertxOptions} through vertx-micrometer-metrics, and Vitals' meters bound to the same Prometheus registry,
 * served at {@code metrics.path}.
 */
public final class StandaloneMetrics {

  private final VitalsMetrics binder;
  private final PrometheusMeterRegistry own;

  private StandaloneMetrics(VitalsMetrics binder, PrometheusMeterRegistry own) {
    this.binder = binder;
    this.own = own;
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
   * Binds Vitals' meters (the fleet's too, with a {@code fleet} section) and mounts the scrape route
   * ({@code GET}, {@code HEAD}; another method gets 405).
   *
   * @return what {@link #close()} releases, or {@code null} when {@code metrics.enabled} is false
   */
  public static StandaloneMetrics mount(Vertx vertx, Router router, VitalsMetricsOptions options, CheckRegistry registry,
                                        MaintenanceSource maintenance, PassiveChecks passive,
                                        List<WebhookNotifier> notifiers, HealthHandler health,
                                        StandaloneFleet fleet) {
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
    router.route(options.getPath()).handler(JsonErrorHandler.allowing(HttpMethod.GET, HttpMethod.HEAD));
    router.route(options.getPath()).handler(MetricsHandler.create(prometheus));
    return new StandaloneMetrics(binder, own);
  }

  /** Removes Vitals' meters (Vert.x's registry outlives the verticle), and closes a registry of our own. */
  public void close() {
    binder.close();
    if (own != null) {
      own.close();
    }
  }
}
