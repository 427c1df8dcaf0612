package dev.vitals.samples.impl;

import dev.vitals.health.CheckRegistry;
import dev.vitals.health.HistoryOptions;
import dev.vitals.health.HistoryStore;
import dev.vitals.health.JsonForm;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.history.HistoryStoreOptions;
import dev.vitals.health.history.HistoryStores;
import dev.vitals.health.web.history.HistoryRoutes;
import dev.vitals.health.web.history.HistoryRoutesOptions;
import dev.vitals.health.web.probes.ProbeOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.nio.file.Path;
import java.util.Set;
import java.util.logging.Logger;
import java.util.function.Predicate;

/**
 * The config's {@code history} section: the registry's {@link HistoryOptions} ({@code enabled},
 * {@code flapHighThreshold}, {@code flapLowThreshold}) and the routes' {@link HistoryRoutesOptions}
 * ({@code maxStreams}, {@code maxStreamsPerClient}, {@code keepAlive}, {@code maxStreamAge}, {@code eventBuffer}) side by side, the
 * history store ({@code store}: health-history's {@link HistoryStoreOptions}; by default a SQLite file
 * {@value #STORE_FILE} beside the config file, or in the working directory when the config is not a file), and the
 * routes mounted by the standalone verticle.
 */
public final class HistorySection {

  /** The history file's name beside the config file, when {@code store} names no path. */
  public static final String STORE_FILE = HistoryStoreOptions.DEFAULT_PATH;
  private static final Logger LOG = Logger.getLogger(HistorySection.class.getName());

  /** The section's own key: the store. */
  private static final JsonForm STORE = JsonForm.of("").object("store", HistoryStoreOptions::new,
      HistoryStoreOptions::schema)
    .defaultShown("a SQLite file `" + STORE_FILE + "` beside the config file (the working directory without one)")
    .describe("where availability is kept across restarts: `{\"type\": \"sqlite\", \"path\": ...}`,"
      + " `{\"type\": \"postgresql\", \"uri\": ...}` for one database shared by a fleet, or"
      + " `{\"type\": \"memory\"}` for nothing on disk");

  /** The registry's keys, as its options write them; the others are the routes'. */
  private static final Set<String> REGISTRY_KEYS = new HistoryOptions().setInstance("any").toJson().fieldNames();

  private final HistoryOptions registry;
  private final HistoryRoutesOptions routes;
  private final HistoryStoreOptions store;
  /** Whether {@code store.path} was given (else the file goes beside the config file). */
  private final boolean storePathGiven;

  /**
   * @param json the section
   * @throws IllegalArgumentException naming the field when a value is invalid
   */
  public HistorySection(JsonObject json) {
    JsonObject registryJson = new JsonObject();
    JsonObject routesJson = new JsonObject();
    json.forEach(e -> {
      if (!e.getKey().equals("store")) {
        (REGISTRY_KEYS.contains(e.getKey()) ? registryJson : routesJson).put(e.getKey(), e.getValue());
      }
    });
    registry = new HistoryOptions(registryJson);
    routes = new HistoryRoutesOptions(routesJson);
    Object given = json.getValue("store");
    STORE.read(given == null ? new JsonObject() : new JsonObject().put("store", given)); // names the field
    store = given == null ? new HistoryStoreOptions() : new HistoryStoreOptions((JsonObject) given);
    storePathGiven = given instanceof JsonObject object && object.containsKey("path");
  }

  /** @return the section's JSON Schema: the registry's keys, then the routes' */
  public static JsonObject schema() {
    return StandaloneSchema.merged(HistoryOptions.schema(), HistoryRoutesOptions.schema(),
      STORE.schema(new JsonObject()));
  }

  /** @return the history store's options as configured (the path not yet placed beside the config file) */
  public HistoryStoreOptions storeOptions() {
    return store;
  }

  /**
   * Opens the history store: without {@code store.path}, {@value #STORE_FILE} beside the config file (in the working
   * directory when the config is not a file). A file that cannot be opened (corrupt, unwritable, a newer schema)
   * is logged in one line and replaced by a memory store: checks and {@code /health} go on, availability is kept
   * for this run only.
   *
   * @param configFile the config file, or {@code null}
   * @return the store, never failed; {@code null} when {@code history.enabled} is false (no file is touched)
   */
  public Future<HistoryStore> openStore(Vertx vertx, Path configFile) {
    if (!registry.isEnabled()) {
      return Future.succeededFuture();
    }
    HistoryStoreOptions effective = new HistoryStoreOptions(store);
    if (!storePathGiven && configFile != null) {
      effective.setPath(configFile.toAbsolutePath().resolveSibling(STORE_FILE).toString());
    }
    return HistoryStores.open(vertx, effective).recover(failure -> {
      LOG.warning(() -> failure.getMessage() + "; availability is kept in memory until a restart");
      return Future.succeededFuture(HistoryStore.memory());
    });
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
    return registry.toJson().mergeIn(routes.toJson()).put("store", store.toJson());
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
