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
    // \\u0027, JSON's escape of an apostrophe: one in a text block trips the compiler plugin's source scanner (QDox).
    super("event-loop", EventLoopCheckOptions::new, """
      {"properties": {
        "maxDelay": {"$ref": "#/$defs/duration", "default": "200ms"},
        "startupGrace": {"$ref": "#/$defs/duration", "default": "10s", "description": "lateness within this time of the check\\u0027s creation is not judged"}
      }}
      """);
  }

  @Override
  Registration register(Vertx vertx, Vertx dependencies, CheckRegistry registry, CheckOptions check,
                        EventLoopCheckOptions options) {
    return Registration.of(registry, check, EventLoopCheck.create(vertx, options));
  }
}
