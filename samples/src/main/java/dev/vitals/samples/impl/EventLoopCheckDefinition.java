package dev.vitals.samples.impl;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.PassiveChecks;
import dev.vitals.health.Durations;
import dev.vitals.health.ProcedureResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.Locale;

/**
 * {@code "type": "event-loop"}: passes while the recent delay of the verticle's event loop, as an
 * {@link EventLoopProbe} measures it (the largest lateness of its last 10 timers, set every 100 ms), is at most
 * {@code maxDelay} (a duration, default 200 ms). It passes before the first sample.
 */
final class EventLoopCheckDefinition implements CheckDefinition {

  /** Default {@code maxDelay}: 200 ms, far above the lateness of a healthy event loop (under 10 ms). */
  static final long DEFAULT_MAX_DELAY = 200;

  private final CheckOptions options;
  private final long maxDelay;

  private EventLoopCheckDefinition(CheckOptions options, long maxDelay) {
    this.options = options;
    this.maxDelay = maxDelay;
  }

  /**
   * @param entry   the entry, its common fields already validated
   * @param options the options read from the entry
   * @return the check the entry defines
   * @throws IllegalArgumentException naming the field by its path in the config when a value is invalid
   */
  static EventLoopCheckDefinition parse(ConfigObject entry, CheckOptions options) {
    long maxDelay = entry.has("maxDelay")
      ? Durations.toMillis(entry.value("maxDelay"), entry.path("maxDelay"))
      : DEFAULT_MAX_DELAY;
    return new EventLoopCheckDefinition(options, maxDelay);
  }

  @Override
  public CheckOptions options() {
    return options;
  }

  @Override
  public String type() {
    return "event-loop";
  }

  @Override
  public Registration register(Vertx vertx, CheckRegistry registry, PassiveChecks passive) {
    EventLoopProbe probe = EventLoopProbe.start(vertx);
    registry.register(options, () -> Future.succeededFuture(judge(probe.recentDelayNanos())));
    return probe::stop;
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
}
