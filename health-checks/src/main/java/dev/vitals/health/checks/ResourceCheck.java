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
}
