package dev.vitals.health.checks;

import dev.vitals.health.checks.impl.EventLoopCheckImpl;
import io.vertx.core.Vertx;

/**
 * Passes while the recent delay of the creator's event loop (the largest lateness of its last 10 timers, one set
 * every 100 ms) is at most {@code maxDelay}; passes before the first sample. Output: {@code event loop delay
 * 1.2 ms (largest of the last 10 samples)}; data: {@code {"delayMs", "maxDelayMs"}}.
 */
public interface EventLoopCheck extends ResourceCheck {

  /**
   * Starts measuring at once, on the caller's context: call it from the verticle whose event loop to watch.
   *
   * @param vertx   the Vert.x instance to set the timers on
   * @param options the threshold
   * @return the check; close it to stop its timer
   */
  static EventLoopCheck create(Vertx vertx, EventLoopCheckOptions options) {
    return new EventLoopCheckImpl(vertx, options.getMaxDelay());
  }
}
