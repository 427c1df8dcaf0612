package dev.vitals.health.checks;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.Check;
import dev.vitals.health.checks.impl.EventBusCheckImpl;
import io.vertx.core.Vertx;

/**
 * Sends a request to an event-bus address: {@code pass} with the output {@code reply from <address> in 0.3 ms}
 * when a consumer replies within the timeout (locally or across a cluster); {@code fail} when none is registered
 * ({@code request to <address>: No handlers for address <address>}), when the consumer fails the message (its
 * failure code and message), or at the timeout. Data: {@code {"address", "latencyMs"}}.
 */
public interface EventBusCheck extends Check {

  /**
   * @param vertx   the Vert.x instance whose event bus to use
   * @param check   the options the check is registered with: their {@code timeout} (ms) is the check's one deadline, how long the
   *                reply may take
   * @param options the address and the body
   * @return the check
   */
  static EventBusCheck create(Vertx vertx, CheckOptions check, EventBusCheckOptions options) {
    return new EventBusCheckImpl(vertx, new EventBusCheckOptions(options), check.getTimeout());
  }
}
