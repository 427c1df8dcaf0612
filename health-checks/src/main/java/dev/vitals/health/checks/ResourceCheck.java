package dev.vitals.health.checks;

import dev.vitals.health.Check;
import io.vertx.core.Future;

/**
 * A check that holds resources (a client it created, a timer) until it is closed. Close it once, after
 * unregistering it; a check over the application's own client or pool closes nothing of it.
 */
public interface ResourceCheck extends Check {

  /**
   * Releases what the check created: its client (and the client's connection) or its timer.
   *
   * @return a future completed when they are released; it does not fail
   */
  Future<Void> close();

  /**
   * A check whose client loads its classes on first use warms it at creation, with one exchange on loopback (per
   * Vert.x instance, no traffic to the dependency), so that a fresh JVM's class loading is not counted against
   * the first run's {@code timeout}; a run that starts earlier waits for it (up to 5 s). Registering the check
   * and serving its result once this completes keeps the first answer honest.
   *
   * @return a future completed once the client is warm, or at once when there is nothing to warm; it does not fail
   */
  default Future<Void> warmedUp() {
    return Future.succeededFuture();
  }
}
