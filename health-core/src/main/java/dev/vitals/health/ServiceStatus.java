package dev.vitals.health;

/**
 * Whether the application is in service, as sprockets.handlers.status reports it on {@code /status}:
 * {@code ok} (HTTP 200), {@code maintenance} (503), or {@code unknown} (500) when the maintenance source has never
 * been reached and its policy says not to guess.
 */
public enum ServiceStatus {
  /** In service. */
  OK,
  /** Deliberately out of service: load balancers should drain it. */
  MAINTENANCE,
  /** Not known yet. */
  UNKNOWN;

  /** @return the lower-case wire name: {@code ok}, {@code maintenance}, {@code unknown} */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
