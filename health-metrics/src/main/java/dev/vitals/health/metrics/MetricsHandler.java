package dev.vitals.health.metrics;

import dev.vitals.health.metrics.impl.MetricsHandlerImpl;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves a Prometheus registry's scrape, through vertx-micrometer-metrics' {@code PrometheusScrapingHandler}:
 *
 * <pre>{@code
 * router.get("/metrics").handler(MetricsHandler.create(prometheusRegistry));
 * }</pre>
 *
 * The format follows {@code Accept} (q-values and wildcards honoured, as for the health formats): a request that
 * prefers {@code application/openmetrics-text} (Prometheus' own scraper does) gets OpenMetrics 1.0.0
 * ({@value #OPENMETRICS}); any other the text format 0.0.4 ({@value #TEXT}). Both are written by Micrometer's
 * Prometheus registry; every answer carries {@code Cache-Control: no-store}. The handler answers whatever method
 * reaches it: mount it for GET (and HEAD).
 */
public interface MetricsHandler extends Handler<RoutingContext> {

  /** The {@code Content-Type} of the text format 0.0.4, the default. */
  String TEXT = "text/plain; version=0.0.4; charset=utf-8";
  /** The {@code Content-Type} of OpenMetrics. */
  String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

  /**
   * @param registry the Prometheus registry to scrape
   * @return a new handler
   */
  static MetricsHandler create(PrometheusMeterRegistry registry) {
    return new MetricsHandlerImpl(registry);
  }
}
