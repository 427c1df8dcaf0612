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
 * It has no metrics and its own DNS resolver (the system's), as a fresh {@code Vertx.vertx()} has. Its event-loop
 * thread is named {@code vitals-dependency-loop-0} (and its acceptor's {@code vitals-dependency-loop-acceptor-0}), so
 * that a thread dump tells it from the application's {@code vert.x-eventloop-thread-<n>}.
 *
 * <p><b>Reply budget.</b> Every TCP connection a client on the loop opens, except an HTTP client's, reads at most
 * {@link #maxReplySize()} bytes between two of its own writes: beyond, the rest is dropped, the request the client
 * waits for fails with {@code "reply longer than <n> bytes"} and the connection is closed. The PostgreSQL and MySQL
 * clients buffer a whole protocol message before parsing it, for whatever length the server announces (up to
 * 2 GB); with the budget, a server gone hostile costs the loop at most that many bytes per connection instead of
 * what it can send before the check's timeout. An HTTP client buffers nothing unbounded (the http check reads a
 * body only up to its {@code maxBodySize}); a Redis check bounds its replies itself too ({@code maxReplySize}), and
 * on the loop the smaller of its bound and the loop's applies.
 */
public interface DependencyLoop {

  /** Default {@link #maxReplySize()}: 1 MB (1,048,576 bytes), far above a health query's reply. */
  long DEFAULT_MAX_REPLY_SIZE = 1024 * 1024;

  /**
   * Starts the loop's Vert.x instance, on a short-lived thread of its own (so that Vert.x does not warn about an
   * instance created on another's thread); the caller waits for it, tens of ms, once.
   *
   * @return a running loop; close it when the checks on it are closed
   * @throws IllegalStateException when the instance cannot start or the caller is interrupted meanwhile
   */
  static DependencyLoop create() {
    return new DependencyLoopImpl(DEFAULT_MAX_REPLY_SIZE);
  }

  /**
   * As {@link #create()}, with another reply budget.
   *
   * @param maxReplySize the bytes a connection reads between two of its writes, at most; positive
   * @return a running loop
   * @throws IllegalArgumentException {@code maxReplySize: must be positive, got <n> bytes}
   * @throws IllegalStateException    when the instance cannot start or the caller is interrupted meanwhile
   */
  static DependencyLoop create(long maxReplySize) {
    return new DependencyLoopImpl(maxReplySize);
  }

  /** @return the reply budget: the bytes a connection reads between two of its writes, at most */
  long maxReplySize();

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
