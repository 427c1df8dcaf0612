package dev.vitals.health.checks.impl.types;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.checks.EventLoopCheck;
import dev.vitals.health.checks.EventLoopCheckOptions;
import io.vertx.core.Vertx;

/** {@code "type": "event-loop"}: {@link EventLoopCheck} of the application's event loops. */
public final class EventLoopType extends BuiltInType<EventLoopCheckOptions> {

  /** The type, for {@link java.util.ServiceLoader}. */
  public EventLoopType() {
    super("event-loop", "the largest lateness of the last 10 timers (one every 100 ms) ≤ maxDelay; lateness within "
      + "startupGrace of the start (class loading) is not judged, a loop blocked past it is; data: delayMs, "
      + "maxDelayMs, samples, lateSamples, startup, startupGraceMs, startupDelayMs",
      EventLoopCheckOptions::new, EventLoopCheckOptions::schema);
  }

  @Override
  Registration register(Vertx vertx, Vertx dependencies, CheckRegistry registry, CheckOptions check,
                        EventLoopCheckOptions options) {
    return Registration.of(registry, check, EventLoopCheck.create(vertx, options));
  }
}
