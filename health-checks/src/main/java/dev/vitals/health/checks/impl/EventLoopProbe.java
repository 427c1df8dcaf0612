package dev.vitals.health.checks.impl;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Measures how late timers fire on the event loop of the context that starts it: every
 * {@value #INTERVAL_MS} ms a one-shot timer is set, and when it fires the time past its due moment is recorded.
 * A blocked or saturated event loop shows as lateness. One timer at a time, never a busy loop.
 *
 * <p>Lateness before the end of the start-up period is not judged: a fresh JVM's event loop is late while it
 * loads classes. A timer due within it and firing after it counts only its lateness after the end, so a loop
 * blocked from start-up on still shows.
 */
final class EventLoopProbe {

  /** Time between two samples, in ms. */
  static final long INTERVAL_MS = 100;
  /** Number of judged samples kept: about the last second. */
  static final int WINDOW = 10;

  /** What the probe saw: the judged lateness of the last samples and the lateness of start-up left out. */
  record Samples(long[] delaysNanos, boolean inStartup, long startupDelayNanos) {
  }

  private final Vertx vertx;
  private final LongSupplier nanoTime;
  private final long startupEndNanos;
  private final long[] delaysNanos = new long[WINDOW];
  private int next;
  private int filled;
  private long startupDelayNanos = -1;
  private long timer = -1;
  private long dueNanos;
  private boolean stopped;

  EventLoopProbe(Vertx vertx, LongSupplier nanoTime, long startupGraceMs) {
    this.vertx = vertx;
    this.nanoTime = nanoTime;
    this.startupEndNanos = nanoTime.getAsLong() + startupGraceMs * 1_000_000;
  }

  /**
   * @param vertx          the Vert.x instance; the probe runs on the caller's context, so call it from the verticle
   * @param startupGraceMs how long from now lateness is not judged, in ms
   * @return a running probe
   */
  static EventLoopProbe start(Vertx vertx, long startupGraceMs) {
    EventLoopProbe probe = new EventLoopProbe(vertx, System::nanoTime, startupGraceMs);
    probe.schedule();
    return probe;
  }

  private synchronized void schedule() {
    if (!stopped) {
      dueNanos = nanoTime.getAsLong() + INTERVAL_MS * 1_000_000;
      timer = vertx.setTimer(INTERVAL_MS, id -> fired());
    }
  }

  private synchronized void fired() {
    record(dueNanos, nanoTime.getAsLong());
    schedule();
  }

  /**
   * @param due   when the timer was due, {@link System#nanoTime()} ns
   * @param fired when it fired, same clock
   */
  synchronized void record(long due, long fired) {
    long lateness = Math.max(0, fired - due);
    if (fired - startupEndNanos <= 0) {
      startupDelayNanos = Math.max(startupDelayNanos, lateness);
      return;
    }
    if (due - startupEndNanos < 0) {
      startupDelayNanos = Math.max(startupDelayNanos, startupEndNanos - due);
      lateness = fired - startupEndNanos;
    }
    delaysNanos[next] = lateness;
    next = (next + 1) % WINDOW;
    filled = Math.min(filled + 1, WINDOW);
  }

  /** @return the judged samples (at most {@value #WINDOW}, in no order) and what start-up left out */
  synchronized Samples samples() {
    return new Samples(Arrays.copyOf(delaysNanos, filled), nanoTime.getAsLong() - startupEndNanos < 0,
      startupDelayNanos);
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
