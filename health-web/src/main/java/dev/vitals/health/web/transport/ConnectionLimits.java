package dev.vitals.health.web.transport;

import dev.vitals.health.internal.ChannelTransport;
import dev.vitals.health.web.transport.impl.ConnectionCounter;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.transport.Transport;

/**
 * Caps on the connections the HTTP servers of a Vert.x instance hold open: in all, and from one client IP address.
 * A connection beyond either is closed as soon as it is accepted, before Vert.x creates anything for it (no HTTP
 * answer: the caps are for floods, where answering is what costs); at most one log line per 10 s says so, with the
 * count refused since start. Without them a client that opens and drops connections faster than the server serves
 * them (no token needed, one address is enough) piles up accepted connections until the heap is gone.
 *
 * <p>Vert.x 5 has no such cap, and its connection handler comes too late (after the first request head, with HTTP/2
 * over cleartext on), so the caps are a transport: build the application's Vert.x with it.
 * <pre>{@code
 * Vertx vertx = Vertx.builder()
 *   .withTransport(ConnectionLimits.transport(Transport.NIO, 4096, 1024))
 *   .build();
 * }</pre>
 * Clients behind one proxy or NAT share the address' cap. Connections of servers other than HTTP (the clustered
 * event bus, TCP servers) are not counted. Composed with other such transports ({@link RapidResetLimits},
 * {@link RequestHeadTimeout}), it goes innermost ({@code RequestHeadTimeout.transport(RapidResetLimits.transport(
 * ConnectionLimits.transport(Transport.NIO, ...), ...), ...)}): the outer ones refuse first, and it counts only the
 * connections that are kept.
 */
public final class ConnectionLimits {

  /** Default cap on open HTTP connections in all: 4,096. */
  public static final int DEFAULT_MAX_CONNECTIONS = 4096;
  /** Default cap on open HTTP connections from one client IP address: 1,024. */
  public static final int DEFAULT_MAX_CONNECTIONS_PER_CLIENT = 1024;

  private ConnectionLimits() {
  }

  /**
   * @param base                    the transport to be otherwise ({@code Transport.NIO}, or another wrapper)
   * @param maxConnections          open HTTP connections at most, in all; positive
   * @param maxConnectionsPerClient open HTTP connections at most from one client IP address; positive
   * @return a transport for {@code Vertx.builder().withTransport(...)}
   * @throws IllegalArgumentException {@code maxConnections: must be positive, got <n>} (or
   *                                  {@code maxConnectionsPerClient})
   */
  public static Transport transport(Transport base, int maxConnections, int maxConnectionsPerClient) {
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections: must be positive, got " + maxConnections);
    }
    if (maxConnectionsPerClient < 1) {
      throw new IllegalArgumentException("maxConnectionsPerClient: must be positive, got " + maxConnectionsPerClient);
    }
    ConnectionCounter counter = new ConnectionCounter(maxConnections, maxConnectionsPerClient);
    return ChannelTransport.of(base, null,
      (connection, server) -> !(server instanceof HttpServerOptions) || counter.admit(connection));
  }
}
