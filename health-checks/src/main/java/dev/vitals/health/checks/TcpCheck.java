package dev.vitals.health.checks;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.checks.impl.TcpCheckImpl;
import io.vertx.core.Vertx;

/**
 * Connects to {@code host:port} and closes the connection at once: {@code pass} with the output
 * {@code connected to <host>:<port>} when the connection is accepted, {@code fail} with the connection error
 * otherwise. The client is warmed at creation ({@link #warmedUp()}), so that class loading is not counted against
 * the first run's timeout.
 */
public interface TcpCheck extends ResourceCheck {

  /**
   * @param vertx   the Vert.x instance to create the check's {@code NetClient} on
   *                (a {@link DependencyLoop}'s keeps its I/O off the application's event loops)
   * @param check   the options the check is registered with: their {@code timeout} (ms) is the check's one deadline, the connect
   *                timeout
   * @param options where to connect
   * @return the check; close it to close its client
   */
  static TcpCheck create(Vertx vertx, CheckOptions check, TcpCheckOptions options) {
    return new TcpCheckImpl(vertx, new TcpCheckOptions(options), check.getTimeout());
  }
}
