package dev.vitals.health.alerts;

import dev.vitals.health.test.MutableClock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

import static dev.vitals.health.test.Await.until;

/**
 * health-core's {@link MutableClock}, counting its reads: the alerting's timer reads the clock once per evaluation,
 * so a test can wait for evaluations to have happened before it asserts that nothing was sent.
 */
final class CountingClock extends Clock {

  private final MutableClock clock;
  private final AtomicLong reads = new AtomicLong();

  CountingClock(Instant start) {
    clock = new MutableClock(start);
  }

  /** @return the clock moved by {@link #advance}, without counting: the registry's */
  MutableClock base() {
    return clock;
  }

  void advance(Duration duration) {
    clock.advance(duration);
  }

  /** Waits until the clock was read {@code count} more times (as many evaluations at least, when nothing runs). */
  void awaitReads(int count) {
    long target = reads.get() + count;
    until(() -> reads.get() >= target, () -> "the clock read " + reads.get() + " times, expected " + target);
  }

  @Override
  public ZoneId getZone() {
    return clock.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    reads.incrementAndGet();
    return clock.instant();
  }
}
