package dev.vitals.health.metrics;

import dev.vitals.health.JsonForm;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

import java.util.Objects;

/**
 * Where and what the standalone verticle serves as metrics: its config's {@code metrics} section. JSON form (every
 * field optional):
 * <pre>{@code
 * {"enabled": true,       // serve the path at all, and bind Vitals' meters
 *  "path": "/metrics",    // the path of the Prometheus scrape
 *  "vertx": true}         // Vert.x's own metrics (HTTP server, event loops, pools) on the same path
 * }</pre>
 * {@code vertx} takes effect when Vert.x is created (the jar's launcher enables vertx-micrometer-metrics in its
 * {@code VertxOptions}); a Vert.x created without metrics leaves it without effect.
 */
@DataObject
@JsonGen(publicConverter = false)
public class VitalsMetricsOptions {

  /** Default of {@code enabled}: true. */
  public static final boolean DEFAULT_ENABLED = true;
  /** Default of {@code path}: {@code /metrics}. */
  public static final String DEFAULT_PATH = "/metrics";
  /** Default of {@code vertx}: true. */
  public static final boolean DEFAULT_VERTX = true;

  private boolean enabled = DEFAULT_ENABLED;
  private String path = DEFAULT_PATH;
  private boolean vertx = DEFAULT_VERTX;

  /** The JSON form, read before the generated converter; it documents each key. */
  private static final JsonForm FORM = JsonForm.of("")
    .bool("enabled").describe("serve the Prometheus scrape and bind Vitals' meters; `false`: 404")
    .string("path").constrain("pattern", "^/[^*\\s]*[^/*\\s]$").expecting("a path like /metrics (no trailing /, no *)")
    .describe("the scrape's path, a path like `/metrics` (no trailing /, no *); not `/health`, `/status`,"
      + " `/environment`, the heartbeat path or below them")
    .bool("vertx").describe("Vert.x's own metrics (HTTP server, event bus, pools) on the same path, through"
      + " vertx-micrometer-metrics in the launcher's `VertxOptions` (read at start only)");

  /** The defaults. */
  public VitalsMetricsOptions() {
  }

  /** @param other options to copy */
  public VitalsMetricsOptions(VitalsMetricsOptions other) {
    enabled = other.enabled;
    path = other.path;
    vertx = other.vertx;
  }

  /**
   * @param json the JSON form
   * @throws IllegalArgumentException naming the field when a key is unknown or a value is invalid
   */
  public VitalsMetricsOptions(JsonObject json) {
    VitalsMetricsOptionsConverter.fromJson(FORM.read(json), this);
  }

  /**
   * @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema}
   */
  public static JsonObject schema() {
    return FORM.schema(new VitalsMetricsOptions().toJson());
  }

  /** @return the JSON form */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    VitalsMetricsOptionsConverter.toJson(this, json);
    return json;
  }

  /** @return whether the metrics path is served and Vitals' meters bound */
  public boolean isEnabled() {
    return enabled;
  }

  /**
   * @param enabled whether the metrics path is served and Vitals' meters bound
   * @return this
   */
  public VitalsMetricsOptions setEnabled(boolean enabled) {
    this.enabled = enabled;
    return this;
  }

  /** @return the path of the Prometheus scrape */
  public String getPath() {
    return path;
  }

  /**
   * @param path the path of the Prometheus scrape: starts with {@code /}, no wildcard
   * @return this
   * @throws IllegalArgumentException {@code path: ...} otherwise
   */
  public VitalsMetricsOptions setPath(String path) {
    if (!Objects.requireNonNull(path, "path").startsWith("/") || path.contains("*") || path.contains(" ")) {
      throw new IllegalArgumentException("path: expected a path starting with '/', without '*' or spaces, got '"
        + path + "'");
    }
    this.path = path;
    return this;
  }

  /** @return whether Vert.x's own metrics are served on the same path */
  public boolean isVertx() {
    return vertx;
  }

  /**
   * @param vertx whether Vert.x's own metrics are served on the same path
   * @return this
   */
  public VitalsMetricsOptions setVertx(boolean vertx) {
    this.vertx = vertx;
    return this;
  }
}
