package dev.vitals.health.checks.impl;

import dev.vitals.health.ProcedureResult;
import dev.vitals.health.checks.EventLoopCheckOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the event-loop check judges the samples of its probe, on an injected clock: the probe's timers are left out
 * and each sample is recorded with its due and fired moments.
 */
class EventLoopCheckImplTest {

  private static final long MS = 1_000_000;

  private final AtomicLong now = new AtomicLong(1_000 * MS);

  private EventLoopProbe probe(long startupGraceMs) {
    return new EventLoopProbe(null, now::get, startupGraceMs);
  }

  private static ProcedureResult judge(EventLoopProbe probe, long maxDelayMs, long startupGraceMs) {
    return result(new EventLoopCheckImpl(probe,
      new EventLoopCheckOptions().setMaxDelay(maxDelayMs).setStartupGrace(startupGraceMs)).run());
  }

  /** Records a sample due at {@code dueMs} after the probe's creation that fired {@code lateMs} late. */
  private void sample(EventLoopProbe probe, long dueMs, long lateMs) {
    long created = 1_000 * MS;
    now.set(created + (dueMs + lateMs) * MS);
    probe.record(created + dueMs * MS, now.get());
  }

  @Test
  void lateSamplesWithinTheStartupGraceAreNotJudged() {
    EventLoopProbe probe = probe(10_000);
    sample(probe, 100, 2_111);
    sample(probe, 2_311, 3);
    ProcedureResult result = judge(probe, 200, 10_000);
    assertThat(result.passed()).isTrue();
    assertThat(result.output())
      .isEqualTo("event loop delay: no sample judged yet; start-up (first 10000 ms, not judged) was 2111.0 ms late at most");
    JsonObject data = result.data();
    assertThat(data.getInteger("samples")).isZero();
    assertThat(data.getBoolean("startup")).isTrue();
    assertThat(data.getDouble("startupDelayMs")).isEqualTo(2_111.0);
    assertThat(data.containsKey("delayMs")).isFalse();
  }

  @Test
  void aSampleDueInTheGraceAndFiredAfterItCountsItsLatenessAfterTheGrace() {
    EventLoopProbe probe = probe(1_000);
    sample(probe, 900, 600);
    ProcedureResult result = judge(probe, 200, 1_000);
    assertThat(result.passed()).isFalse();
    assertThat(result.output()).startsWith("event loop delay 500.0 ms (largest of the last 1 samples)")
      .endsWith(", above maxDelay 200 ms");
    assertThat(result.data().getDouble("startupDelayMs")).isEqualTo(100.0);
    assertThat(result.data().getInteger("lateSamples")).isOne();
    assertThat(result.data().getBoolean("startup")).isFalse();
  }

  @Test
  void afterTheGraceTheLargestOfTheLastTenSamplesIsJudged() {
    EventLoopProbe probe = probe(0);
    sample(probe, 100, 250);
    for (int i = 1; i <= 10; i++) {
      sample(probe, 400 + i * 100, i);
    }
    ProcedureResult result = judge(probe, 200, 0);
    assertThat(result.passed()).isTrue();
    assertThat(result.output()).isEqualTo("event loop delay 10.0 ms (largest of the last 10 samples)");
    assertThat(result.data()).isEqualTo(new JsonObject().put("maxDelayMs", 200L).put("samples", 10)
      .put("lateSamples", 0).put("startup", false).put("startupGraceMs", 0L).put("delayMs", 10.0));
  }
}
