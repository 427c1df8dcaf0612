package dev.vitals.health.metrics.impl;

import dev.vitals.health.metrics.MetricsHandler;
import dev.vitals.health.web.internal.Negotiation;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;

import java.util.List;
import java.util.Objects;

public final class MetricsHandlerImpl implements MetricsHandler {

  private final PrometheusMeterRegistry registry;
  private final Handler<RoutingContext> text;

  public MetricsHandlerImpl(PrometheusMeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.text = PrometheusScrapingHandler.create(registry);
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    if (prefersOpenMetrics(ctx)) {
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, OPENMETRICS).end(registry.scrape(OPENMETRICS));
    } else {
      text.handle(ctx);
    }
  }

  /** OpenMetrics only when asked for above the text format (a tie, {@code *}{@code /*}, gets the text format). */
  private static boolean prefersOpenMetrics(RoutingContext ctx) {
    if (ctx.request().getHeader(HttpHeaders.ACCEPT) == null) {
      return false;
    }
    List<MIMEHeader> accepted = ctx.parsedHeaders().accept();
    return Negotiation.quality(accepted, "application/openmetrics-text")
      > Negotiation.quality(accepted, "text/plain");
  }
}
