package dev.vitals.health;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;

import java.time.Clock;
import java.util.Objects;

/**
 * Publishes every {@link StatusChange} of a registry, and of a maintenance source, on the Vert.x event bus (to this
 * instance only, also when Vert.x is clustered) at
 * {@value #ADDRESS}, as the JSON of {@link StatusChange#toJson()}. The fleet hears of it through health-fleet.
 *
 * <pre>{@code
 * StatusEvents.publish(vertx, registry, maintenance);
 * vertx.eventBus().<JsonObject>consumer(StatusEvents.ADDRESS, msg -> log.info(msg.body().encode()));
 * }</pre>
 */
public final class StatusEvents {

  /** The event-bus address changes are published at. */
  public static final String ADDRESS = "vitals.status.change";

  private StatusEvents() {
  }

  /**
   * @param vertx       whose event bus to publish on
   * @param registry    the checks whose changes to publish
   * @param maintenance the maintenance source whose changes to publish, or {@code null}
   */
  public static void publish(Vertx vertx, CheckRegistry registry, MaintenanceSource maintenance) {
    Objects.requireNonNull(vertx, "vertx");
    // Local only: on a clustered Vert.x, each instance's consumers hear their own instance's changes (the fleet's
    // view is health-fleet's, on addresses of its own).
    DeliveryOptions localOnly = new DeliveryOptions().setLocalOnly(true);
    listen(registry, maintenance, change -> vertx.eventBus().publish(ADDRESS, change.toJson(), localOnly));
  }

  /**
   * Hands every change of the registry's checks, its overall outcome and the maintenance state to one listener.
   *
   * @param registry    the checks
   * @param maintenance the maintenance source, or {@code null}
   * @param listener    called with each change, on the thread that observed it
   */
  public static void listen(CheckRegistry registry, MaintenanceSource maintenance, Handler<StatusChange> listener) {
    Objects.requireNonNull(listener, "listener");
    registry.addListener(listener);
    if (maintenance != null) {
      MaintenanceState[] last = {maintenance.state()};
      maintenance.addListener(state -> {
        MaintenanceState before;
        synchronized (last) {
          before = last[0];
          last[0] = state;
        }
        listener.handle(new StatusChange(StatusChange.Kind.MAINTENANCE, "maintenance", before.status().wireName(),
          state.status().wireName(), state.reason(), Clock.systemUTC().instant()));
      });
    }
  }
}
