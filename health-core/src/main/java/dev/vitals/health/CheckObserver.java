package dev.vitals.health;

/**
 * Observes the checks of a {@link CheckRegistry} as they come, run and go: the hook a metrics binder (health-metrics'
 * Micrometer binder) or any other instrumentation follows, without the registry knowing of it. Every method has an
 * empty default, so an observer implements only what it needs.
 *
 * <p>{@link #registered} and {@link #unregistered} are called while the registry's registrations are locked, so
 * they arrive in the order registrations happen (and {@link CheckRegistry#addObserver} replays the checks already
 * registered in that same order); {@link #ran} is called on the thread that completed the run, after the result is
 * stored and outside any lock. None may block; an exception thrown by an observer is ignored.
 */
public interface CheckObserver {

  /**
   * A check was registered (or was already registered when the observer was added).
   *
   * @param options the check's options (a copy)
   */
  default void registered(CheckOptions options) {
  }

  /**
   * A run of a check completed and its result was stored.
   *
   * @param result  the result stored, as a request gets it from now on: its {@link CheckReport#status()} is the
   *                check's status after damping ({@code failureThreshold}, {@code successThreshold}), its
   *                {@link CheckReport#durationNanos()} how long the run took
   * @param outcome what the run itself found, before damping: {@code fail} for a timeout, a thrown exception, a
   *                failed future or a {@code null} result too
   */
  default void ran(CheckReport result, HealthStatus outcome) {
  }

  /**
   * A check was unregistered (once per check, also when its whole group was); no call about it follows unless
   * it is registered again.
   *
   * @param name the check's name
   */
  default void unregistered(String name) {
  }
}
