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

  /** The JSON form, read before the generated converter. */
  private static final JsonForm FORM = JsonForm.of("")
    .bool("enabled", "vertx")
    .string("path");

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
