package dev.vitals.health.checks.impl;

import dev.vitals.health.ProcedureResult;
import dev.vitals.health.checks.EventLoopCheck;
import dev.vitals.health.checks.EventLoopCheckOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.Locale;

/** Judges the delay an {@link EventLoopProbe} measures after start-up. */
public final class EventLoopCheckImpl implements EventLoopCheck {

  private final EventLoopProbe probe;
  private final long maxDelay;
  private final long startupGrace;

  /**
   * @param vertx   the Vert.x instance; the probe starts on the caller's context
   * @param options the threshold and the start-up grace
   */
  public EventLoopCheckImpl(Vertx vertx, EventLoopCheckOptions options) {
    this(EventLoopProbe.start(vertx, options.getStartupGrace()), options);
  }

  EventLoopCheckImpl(EventLoopProbe probe, EventLoopCheckOptions options) {
    this.probe = probe;
    this.maxDelay = options.getMaxDelay();
    this.startupGrace = options.getStartupGrace();
  }

  @Override
  public Future<ProcedureResult> run() {
    return Future.succeededFuture(judge(probe.samples()));
  }

  private ProcedureResult judge(EventLoopProbe.Samples samples) {
    long[] delays = samples.delaysNanos();
    JsonObject data = new JsonObject().put("maxDelayMs", maxDelay).put("samples", delays.length);
    long largest = -1;
    int late = 0;
    for (long delay : delays) {
      largest = Math.max(largest, delay);
      late += delay > maxDelay * 1_000_000 ? 1 : 0;
    }
    data.put("lateSamples", late).put("startup", samples.inStartup()).put("startupGraceMs", startupGrace);
    String startup = "";
    if (samples.startupDelayNanos() >= 0) {
      double startupMs = samples.startupDelayNanos() / 1e6;
      data.put("startupDelayMs", startupMs);
      startup = String.format(Locale.ROOT, "; start-up (first %d ms, not judged) was %.1f ms late at most",
        startupGrace, startupMs);
    }
    if (largest < 0) {
      return ProcedureResult.pass("event loop delay: no sample judged yet" + startup).withData(data);
    }
    double delayMs = largest / 1e6;
    data.put("delayMs", delayMs);
    String summary = String.format(Locale.ROOT, "event loop delay %.1f ms (largest of the last %d samples)", delayMs,
      delays.length);
    return (late == 0 ? ProcedureResult.pass(summary + startup)
      : ProcedureResult.fail(summary + startup + ", above maxDelay " + maxDelay + " ms")).withData(data);
  }

  @Override
  public Future<Void> close() {
    return probe.stop();
  }
}
