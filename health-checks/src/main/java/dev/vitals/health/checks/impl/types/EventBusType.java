package dev.vitals.health.checks.impl.types;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.checks.EventBusCheck;
import dev.vitals.health.checks.EventBusCheckOptions;
import io.vertx.core.Vertx;

/** {@code "type": "eventbus"}: {@link EventBusCheck} on the application's event bus. */
public final class EventBusType extends BuiltInType<EventBusCheckOptions> {

  /** The type, for {@link java.util.ServiceLoader}. */
  public EventBusType() {
    super("eventbus", "a consumer at the address replies within the timeout",
      EventBusCheckOptions::new, EventBusCheckOptions::schema);
  }

  @Override
  Registration register(Vertx vertx, Vertx dependencies, CheckRegistry registry, CheckOptions check,
                        EventBusCheckOptions options) {
    registry.register(check, EventBusCheck.create(vertx, check, options));
    return Registration.NONE;
  }
}
