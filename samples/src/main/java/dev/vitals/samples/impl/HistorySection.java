package dev.vitals.samples.impl;

import dev.vitals.health.CheckRegistry;
import dev.vitals.health.HistoryOptions;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.web.history.HistoryRoutes;
import dev.vitals.health.web.history.HistoryRoutesOptions;
import dev.vitals.health.web.probes.ProbeOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Set;
import java.util.function.Predicate;

/**
 * The config's {@code history} section: the registry's {@link HistoryOptions} ({@code enabled},
 * {@code flapHighThreshold}, {@code flapLowThreshold}) and the routes' {@link HistoryRoutesOptions}
 * ({@code maxStreams}, {@code maxStreamsPerClient}, {@code keepAlive}, {@code maxStreamAge}, {@code eventBuffer}) side by side, and the
 * routes mounted by the standalone verticle.
 */
public final class HistorySection {

  /** The registry's keys, as its options write them; the others are the routes'. */
  private static final Set<String> REGISTRY_KEYS = new HistoryOptions().toJson().fieldNames();

  private final HistoryOptions registry;
  private final HistoryRoutesOptions routes;

  /**
   * @param json the section
   * @throws IllegalArgumentException naming the field when a value is invalid
   */
  public HistorySection(JsonObject json) {
    JsonObject registryJson = new JsonObject();
    JsonObject routesJson = new JsonObject();
    json.forEach(e -> (REGISTRY_KEYS.contains(e.getKey()) ? registryJson : routesJson).put(e.getKey(), e.getValue()));
    registry = new HistoryOptions(registryJson);
    routes = new HistoryRoutesOptions(routesJson);
  }

  /** @return the section's JSON Schema: the registry's keys, then the routes' */
  public static JsonObject schema() {
    return StandaloneSchema.merged(HistoryOptions.schema(), HistoryRoutesOptions.schema());
  }

  /** @return what the registry remembers and when a check flaps */
  public HistoryOptions registryOptions() {
    return registry;
  }

  /** @return the event stream's bounds */
  public HistoryRoutesOptions routesOptions() {
    return routes;
  }

  /** @return the section's JSON form, every key */
  public JsonObject toJson() {
    return registry.toJson().mergeIn(routes.toJson());
  }

  /**
   * Mounts {@code /health/history}, {@code /health/events}, {@code /health/ui} and {@code /health/badges}: call
   * before the {@code /health*} route.
   *
   * @param authenticated who sees failure details where {@code failureDetails} is {@code authenticated}, or null
   * @return the routes, to close their streams when draining
   */
  public HistoryRoutes mount(Vertx vertx, Router router, CheckRegistry checks, MaintenanceSource maintenance,
                             ProbeOptions health, Predicate<RoutingContext> authenticated) {
    HistoryRoutes mounted = HistoryRoutes.create(vertx, checks, maintenance, routes).detail(health);
    if (authenticated != null) {
      mounted.authenticatedBy(authenticated);
    }
    mounted.mount(router, "/health");
    return mounted;
  }
}
