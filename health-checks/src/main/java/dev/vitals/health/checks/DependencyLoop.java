package dev.vitals.health.checks;

import dev.vitals.health.checks.impl.DependencyLoopImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * The event loop that dependency checks do their I/O on, apart from the event loops that serve the application
 * (and {@code /health/live}) and that the event-loop check measures: a hostile or broken dependency (a reply
 * announced as 2 GB, an endless body) can then keep only this loop busy, never liveness.
 *
 * <p>It is a Vert.x instance of its own with one event loop, one worker thread and one internal blocking thread.
 * Vert.x 5 has no public way to run a context on an event loop group of one's choosing (contexts on other event
 * loops are created through {@code io.vertx.core.internal}, which Vitals does not use), and every context of an
 * instance, worker and virtual-thread ones included, shares its instance's event loops; a second instance is
 * the supported way to get loops of one's own. Pass {@link #vertx()} to the factories of the checks that talk to
 * dependencies ({@code HttpCheck.create(loop.vertx(), ...)}); register those checks in the application's registry
 * as usual: their results are delivered on the registry's context. Close the loop after closing those checks.
 * It has no metrics and its own DNS resolver (the system's), as a fresh {@code Vertx.vertx()} has.
 */
public interface DependencyLoop {

  /**
   * Starts the loop's Vert.x instance, on a short-lived thread of its own (so that Vert.x does not warn about an
   * instance created on another's thread); the caller waits for it, tens of ms, once.
   *
   * @return a running loop; close it when the checks on it are closed
   * @throws IllegalStateException when the instance cannot start or the caller is interrupted meanwhile
   */
  static DependencyLoop create() {
    return new DependencyLoopImpl();
  }

  /** @return the Vert.x instance to create dependency clients on; never {@code null} */
  Vertx vertx();

  /**
   * Closes the Vert.x instance and with it any connection still open on it. Call it from outside the loop
   * (not from a check's callback): closing an instance from its own thread can hang.
   *
   * @return a future completed when the instance is closed; it does not fail
   */
  Future<Void> close();
}
