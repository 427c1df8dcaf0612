package dev.vitals.health.checks.impl;

import dev.vitals.health.ProcedureResult;
import dev.vitals.health.checks.EventBusCheck;
import dev.vitals.health.checks.EventBusCheckOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

import java.util.Locale;

/** One request-reply on the event bus per run. */
public final class EventBusCheckImpl implements EventBusCheck {

  private final Vertx vertx;
  private final String address;
  private final String message;
  private final DeliveryOptions delivery;

  /**
   * @param vertx   the Vert.x instance
   * @param options the address and body (a copy the check keeps)
   * @param timeout how long the reply may take, in ms
   */
  public EventBusCheckImpl(Vertx vertx, EventBusCheckOptions options, long timeout) {
    this.vertx = vertx;
    this.address = options.getAddress();
    this.message = options.getMessage();
    this.delivery = new DeliveryOptions().setSendTimeout(timeout);
  }

  @Override
  public Future<ProcedureResult> run() {
    long start = System.nanoTime();
    return vertx.eventBus().request(address, message, delivery)
      .map(reply -> {
        double latencyMs = (System.nanoTime() - start) / 1e6;
        return ProcedureResult.pass(String.format(Locale.ROOT, "reply from %s in %.1f ms", address, latencyMs))
          .withData(new JsonObject().put("address", address).put("latencyMs", latencyMs));
      })
      .otherwise(failure -> ProcedureResult.fail("request to " + address + ": " + ProcedureResult.describe(failure)));
  }
}
