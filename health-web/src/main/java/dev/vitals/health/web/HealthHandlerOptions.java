package dev.vitals.health.web;

import dev.vitals.health.HealthStatus;
import io.vertx.core.json.JsonObject;

import java.net.InetAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Options of a {@link HealthHandler}. JSON form:
 * {@code {"hostname": "web-1", "statusCodes": {"pass": 200, "warn": 200, "fail": 503}}}, every field optional.
 */
public class HealthHandlerOptions {

  /** Default code for {@code pass}: 200. */
  public static final int DEFAULT_PASS_CODE = 200;
  /** Default code for {@code warn}: 200 (a warning is still healthy). */
  public static final int DEFAULT_WARN_CODE = 200;
  /** Default code for {@code fail}: 503, as vertx-web's HealthCheckHandler (py-healthcheck used 500). */
  public static final int DEFAULT_FAIL_CODE = 503;

  private String hostname;
  private final Map<HealthStatus, Integer> statusCodes = new EnumMap<>(HealthStatus.class);

  /** Default options; the host name is this machine's. */
  public HealthHandlerOptions() {
    statusCodes.put(HealthStatus.PASS, DEFAULT_PASS_CODE);
    statusCodes.put(HealthStatus.WARN, DEFAULT_WARN_CODE);
    statusCodes.put(HealthStatus.FAIL, DEFAULT_FAIL_CODE);
  }

  /** @param other options to copy */
  public HealthHandlerOptions(HealthHandlerOptions other) {
    this.hostname = other.hostname;
    this.statusCodes.putAll(other.statusCodes);
  }

  /**
   * @param json the JSON form
   * @throws IllegalArgumentException naming the field ({@code statusCodes.fail: ...}) when a value is invalid
   */
  public HealthHandlerOptions(JsonObject json) {
    this();
    Object host = json.getValue("hostname");
    if (host != null) {
      if (!(host instanceof String)) {
        throw new IllegalArgumentException("hostname: expected a string, got '" + host + "'");
      }
      setHostname((String) host);
    }
    Object codes = json.getValue("statusCodes");
    if (codes != null) {
      if (!(codes instanceof JsonObject)) {
        throw new IllegalArgumentException("statusCodes: expected an object like {\"fail\": 503}, got '" + codes + "'");
      }
      for (Map.Entry<String, Object> e : (JsonObject) codes) {
        HealthStatus status;
        try {
          status = HealthStatus.fromWireName(e.getKey());
        } catch (IllegalArgumentException ex) {
          throw new IllegalArgumentException("statusCodes." + e.getKey() + ": " + ex.getMessage());
        }
        if (!(e.getValue() instanceof Integer)) {
          throw new IllegalArgumentException("statusCodes." + e.getKey() + ": expected an HTTP status code, got '"
            + e.getValue() + "'");
        }
        setStatusCode(status, (Integer) e.getValue(), "statusCodes." + e.getKey());
      }
    }
  }

  /** @return the JSON form */
  public JsonObject toJson() {
    JsonObject codes = new JsonObject();
    statusCodes.forEach((status, code) -> codes.put(status.wireName(), code));
    JsonObject json = new JsonObject().put("statusCodes", codes);
    if (hostname != null) {
      json.put("hostname", hostname);
    }
    return json;
  }

  /**
   * @return the host name shown in the body; when not set, this machine's name (resolved once, falling back to
   * the {@code HOSTNAME} environment variable, then {@code localhost})
   */
  public String getHostname() {
    if (hostname != null) {
      return hostname;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      String env = System.getenv("HOSTNAME");
      return env == null || env.isBlank() ? "localhost" : env;
    }
  }

  /**
   * @param hostname the host name shown in the body
   * @return this
   */
  public HealthHandlerOptions setHostname(String hostname) {
    this.hostname = Objects.requireNonNull(hostname, "hostname");
    return this;
  }

  /**
   * @param status an overall status
   * @return the HTTP code answered for it
   */
  public int getStatusCode(HealthStatus status) {
    return statusCodes.get(Objects.requireNonNull(status, "status"));
  }

  /**
   * @param status an overall status
   * @param code   the HTTP code to answer for it, 200 to 599
   * @return this
   * @throws IllegalArgumentException when the code is outside 200..599
   */
  public HealthHandlerOptions setStatusCode(HealthStatus status, int code) {
    return setStatusCode(status, code, "statusCodes." + status.wireName());
  }

  private HealthHandlerOptions setStatusCode(HealthStatus status, int code, String field) {
    if (code < 200 || code > 599) {
      throw new IllegalArgumentException(field + ": expected an HTTP status code from 200 to 599, got " + code);
    }
    statusCodes.put(Objects.requireNonNull(status, "status"), code);
    return this;
  }
}
