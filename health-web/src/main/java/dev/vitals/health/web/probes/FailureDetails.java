package dev.vitals.health.web.probes;

/**
 * Who sees the output and data of failing checks on a path with {@link Detail#FULL} detail. JSON names:
 * {@code everyone}, {@code authenticated}.
 */
public enum FailureDetails {
  /** Every caller. */
  EVERYONE,
  /** Callers with the admin token only; others see the failing checks' names and statuses. */
  AUTHENTICATED
}
