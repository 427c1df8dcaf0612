package dev.vitals.health;

/**
 * The status of one check or of a whole report, in the terms of the IETF draft
 * "Health Check Response Format for HTTP APIs" (draft-inadarei-api-health-check-06).
 *
 * <p>The overall status of a set of checks is {@link #FAIL} if any critical check fails, else {@link #WARN} if
 * any check fails or warns, else {@link #PASS}; an empty set passes.
 */
public enum HealthStatus {
  /** Healthy. */
  PASS,
  /** Healthy with a concern: still answered with a 2xx code. */
  WARN,
  /** Unhealthy. */
  FAIL;

  /**
   * @return the lower-case wire name: {@code pass}, {@code warn} or {@code fail}
   */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * @param name {@code pass}, {@code warn} or {@code fail}, any case
   * @return the status
   * @throws IllegalArgumentException naming the valid values when {@code name} is none of them
   */
  public static HealthStatus fromWireName(String name) {
    if (name != null) {
      for (HealthStatus s : values()) {
        if (s.wireName().equalsIgnoreCase(name)) {
          return s;
        }
      }
    }
    throw new IllegalArgumentException("Unknown health status '" + name + "', expected pass, warn or fail");
  }
}
