package dev.vitals.health.web.environment;

import dev.vitals.environment.EnvironmentDump;
import dev.vitals.health.web.environment.impl.EnvironmentHandlerImpl;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET|HEAD /environment}: the {@link EnvironmentDump} as one JSON object, one key per section, secrets
 * scrubbed; {@code Content-Type: application/json}, {@code Cache-Control: no-store}; 405 with {@code Allow} for
 * other methods.
 *
 * <p>The dump is sensitive even scrubbed: put an authentication handler in front of it unless the server only
 * listens on loopback:
 * <pre>{@code
 * router.route("/environment")
 *   .handler(AdminTokenHandler.create(token))   // or the application's own AuthenticationHandler
 *   .handler(EnvironmentHandler.create(dump));
 * }</pre>
 */
@SuppressWarnings("exports") // names types of a module health-web requires statically (an optional part)
public interface EnvironmentHandler extends Handler<RoutingContext> {

  /**
   * @param dump the sections to serve
   * @return a new handler
   */
  static EnvironmentHandler create(EnvironmentDump dump) {
    return new EnvironmentHandlerImpl(dump);
  }
}
