package dev.vitals.health.checks;

import dev.vitals.health.checks.impl.EventLoopCheckImpl;
import io.vertx.core.Vertx;

/**
 * Passes while the recent delay of the creator's event loop (the largest lateness of its last 10 timers, one set
 * every 100 ms) is at most {@code maxDelay}. Lateness within {@code startupGrace} of the check's creation (default
 * 10 s) is not judged: a fresh JVM's event loop is late while it loads its classes, and a healthy process must
 * pass from its first answer. A timer due within the grace and firing after it counts its lateness after the
 * grace, so an event loop blocked past it fails. Passes before the first judged sample.
 *
 * <p>Output: {@code event loop delay 1.2 ms (largest of the last 10 samples)}, followed, once start-up lateness
 * was seen, by {@code ; start-up (first 10000 ms, not judged) was 2111.5 ms late at most}, and on failure by
 * {@code , above maxDelay 200 ms}. Data: {@code delayMs} (the largest judged lateness, ms; absent before the first
 * judged sample), {@code maxDelayMs}, {@code samples} (judged samples in the window, 0 to 10), {@code lateSamples}
 * (those above {@code maxDelay}), {@code startup} (whether the grace is still running), {@code startupGraceMs} and
 * {@code startupDelayMs} (the largest lateness left out as start-up, ms; absent when none was seen).
 */
public interface EventLoopCheck extends ResourceCheck {

  /**
   * Starts measuring at once, on the caller's context: call it from the verticle whose event loop to watch.
   *
   * @param vertx   the Vert.x instance to set the timers on
   * @param options the threshold and the start-up grace, which starts now
   * @return the check; close it to stop its timer
   */
  static EventLoopCheck create(Vertx vertx, EventLoopCheckOptions options) {
    return new EventLoopCheckImpl(vertx, options);
  }
}
