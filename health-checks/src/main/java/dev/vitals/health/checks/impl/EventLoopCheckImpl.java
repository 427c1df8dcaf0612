package dev.vitals.health.checks.impl;

import dev.vitals.health.ProcedureResult;
import dev.vitals.health.checks.EventLoopCheck;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.Locale;

/** Judges the delay an {@link EventLoopProbe} measures. */
public final class EventLoopCheckImpl implements EventLoopCheck {

  private final EventLoopProbe probe;
  private final long maxDelay;

  /**
   * @param vertx    the Vert.x instance; the probe starts on the caller's context
   * @param maxDelay the largest delay that passes, in ms
   */
  public EventLoopCheckImpl(Vertx vertx, long maxDelay) {
    this.probe = EventLoopProbe.start(vertx);
    this.maxDelay = maxDelay;
  }

  @Override
  public Future<ProcedureResult> run() {
    return Future.succeededFuture(judge(probe.recentDelayNanos()));
  }

  private ProcedureResult judge(long delayNanos) {
    if (delayNanos < 0) {
      return ProcedureResult.pass("event loop delay: no sample yet");
    }
    double delayMs = delayNanos / 1e6;
    String summary = String.format(Locale.ROOT, "event loop delay %.1f ms (largest of the last %d samples)", delayMs,
      EventLoopProbe.WINDOW);
    ProcedureResult result = delayMs <= maxDelay
      ? ProcedureResult.pass(summary)
      : ProcedureResult.fail(summary + ", above maxDelay " + maxDelay + " ms");
    return result.withData(new JsonObject().put("delayMs", delayMs).put("maxDelayMs", maxDelay));
  }

  @Override
  public Future<Void> close() {
    return probe.stop();
  }
}
