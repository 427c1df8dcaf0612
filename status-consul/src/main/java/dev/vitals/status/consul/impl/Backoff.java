package dev.vitals.status.consul.impl;

import java.util.function.DoubleSupplier;

/**
 * Retry delays after consecutive faults: the step starts at the initial delay and doubles up to the cap; each delay
 * is drawn uniformly from [step/2, step] so that a fleet that lost Consul at the same moment does not come back in
 * lockstep. Not thread-safe: used on the watcher's context only.
 */
final class Backoff {

  private final long initial;
  private final long max;
  private final DoubleSupplier random;
  private long step;

  /**
   * @param initial the first step, in ms, {@code > 0}
   * @param max     the cap of the step, in ms, {@code >= initial}
   * @param random  a source of numbers in [0, 1)
   */
  Backoff(long initial, long max, DoubleSupplier random) {
    this.initial = initial;
    this.max = max;
    this.random = random;
    this.step = initial;
  }

  /** @return the delay before the next retry, in ms, {@code >= 1} */
  long next() {
    long current = step;
    step = current > max / 2 ? max : current * 2;
    long half = current / 2;
    return Math.max(1, half + (long) (random.getAsDouble() * (current - half)));
  }

  /** Starts over from the initial step, after a success. */
  void reset() {
    step = initial;
  }
}
