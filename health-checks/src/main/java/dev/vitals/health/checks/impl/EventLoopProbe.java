package dev.vitals.health.checks.impl;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Measures how late timers fire on the event loop of the context that starts it: every
 * {@value #INTERVAL_MS} ms a one-shot timer is set, and when it fires the time past its due moment is recorded.
 * A blocked or saturated event loop shows as lateness. The largest of the last {@value #WINDOW} samples is the
 * recent delay. One timer at a time, never a busy loop.
 */
final class EventLoopProbe {

  /** Time between two samples, in ms. */
  static final long INTERVAL_MS = 100;
  /** Number of samples the recent delay is the maximum of: about the last second. */
  static final int WINDOW = 10;

  private final Vertx vertx;
  private final long[] delaysNanos = new long[WINDOW];
  private int next;
  private int filled;
  private long timer = -1;
  private long dueNanos;
  private boolean stopped;

  private EventLoopProbe(Vertx vertx) {
    this.vertx = vertx;
  }

  /**
   * @param vertx the Vert.x instance; the probe runs on the caller's context, so call it from the verticle
   * @return a running probe
   */
  static EventLoopProbe start(Vertx vertx) {
    EventLoopProbe probe = new EventLoopProbe(vertx);
    probe.schedule();
    return probe;
  }

  private synchronized void schedule() {
    if (!stopped) {
      dueNanos = System.nanoTime() + INTERVAL_MS * 1_000_000;
      timer = vertx.setTimer(INTERVAL_MS, id -> fired());
    }
  }

  private synchronized void fired() {
    delaysNanos[next] = Math.max(0, System.nanoTime() - dueNanos);
    next = (next + 1) % WINDOW;
    filled = Math.min(filled + 1, WINDOW);
    schedule();
  }

  /** @return the largest delay of the recent samples in ns, or -1 when no timer has fired yet */
  synchronized long recentDelayNanos() {
    if (filled == 0) {
      return -1;
    }
    long max = 0;
    for (int i = 0; i < filled; i++) {
      max = Math.max(max, delaysNanos[i]);
    }
    return max;
  }

  /**
   * Cancels the pending timer; no timer is set after this.
   *
   * @return a completed future, for the check's close
   */
  synchronized Future<Void> stop() {
    stopped = true;
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }
}
