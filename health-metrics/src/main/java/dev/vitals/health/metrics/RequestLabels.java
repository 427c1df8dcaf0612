package dev.vitals.health.metrics;

import io.micrometer.core.instrument.config.MeterFilter;

import java.util.List;
import java.util.Set;

/**
 * Bounds the labels that a client's request chooses in Vert.x's HTTP server metrics (vertx-micrometer-metrics,
 * meters named {@code vertx.http.server.*}): Vert.x accepts any token as a method and labels each request by it,
 * so that every new token would add series for good, without a token and without a route. With these filters
 * <ul>
 *   <li>{@code method} is one of RFC 9110's methods and PATCH (RFC 5789) as sent, anything else {@code OTHER};</li>
 *   <li>{@code method} keeps at most {@value #MAX_METHODS} values and {@code code} {@value #MAX_CODES} per meter
 *       name, and {@code path} and {@code route} (off by default in Vert.x, raw paths or route templates when
 *       turned on) {@value #MAX_PATHS}; a meter beyond that is not registered (Micrometer's
 *       {@code MeterFilter.maximumAllowableTags}).</li>
 * </ul>
 * Give them to the registry before Vert.x registers its meters, that is before the Vert.x instance is built:
 * <pre>{@code
 * PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
 * RequestLabels.filters().forEach(registry.config()::meterFilter);
 * Vertx vertx = Vertx.builder().with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
 *     .setEnabled(true).setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))))
 *   .withMetrics(new MicrometerMetricsFactory(registry)).build();
 * }</pre>
 */
public final class RequestLabels {

  /** The methods kept as sent: RFC 9110 section 9 and PATCH. */
  public static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS",
    "TRACE", "PATCH");
  /** The value of {@code method} for every other token. */
  public static final String OTHER = "OTHER";
  /** Distinct {@code method} values per meter name: the methods above and {@code OTHER}. */
  public static final int MAX_METHODS = 10;
  /** Distinct {@code code} values per meter name: HTTP status codes are 100 to 599, few of them used. */
  public static final int MAX_CODES = 64;
  /** Distinct {@code path} or {@code route} values per meter name, when Vert.x is told to label by them. */
  public static final int MAX_PATHS = 100;

  private static final String PREFIX = "vertx.http.server";

  private RequestLabels() {
  }

  /** @return the filters, in the order they are to be added */
  public static List<MeterFilter> filters() {
    return List.of(
      MeterFilter.replaceTagValues("method", method -> METHODS.contains(method) ? method : OTHER),
      MeterFilter.maximumAllowableTags(PREFIX, "method", MAX_METHODS, MeterFilter.deny()),
      MeterFilter.maximumAllowableTags(PREFIX, "code", MAX_CODES, MeterFilter.deny()),
      MeterFilter.maximumAllowableTags(PREFIX, "path", MAX_PATHS, MeterFilter.deny()),
      MeterFilter.maximumAllowableTags(PREFIX, "route", MAX_PATHS, MeterFilter.deny()));
  }
}
