package dev.vitals.health.web.transport;

import dev.vitals.health.internal.ChannelTransport;
import dev.vitals.health.web.transport.impl.ResetBudget;
import dev.vitals.health.web.transport.impl.ResetCounter;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.transport.Transport;

/**
 * HTTP/2 rapid reset (CVE-2023-44487) counted per client IP address over all its connections: an address that
 * resets more than {@code maxResets} streams within {@code windowMs} has its HTTP/2 connections closed and new
 * connections refused when accepted for the window after its last counted reset; one log line per 10 s at most.
 * Vert.x's own limit ({@link HttpServerOptions#setHttp2RstFloodMaxRstFramePerWindow}) is per connection: a client
 * reconnecting before it (99 resets a connection) otherwise resets streams at will, keeping the event loops busy.
 * The frames are read as they pass, before Vert.x, without copying; HTTP/2 with prior knowledge and over TLS
 * (ALPN) is counted, an HTTP/1.1 connection upgraded to h2c is left to the per-connection limit.
 *
 * <p>A transport, as Vert.x 5 gives no per-frame hook: build the application's Vert.x with it.
 * <pre>{@code
 * Vertx vertx = Vertx.builder().withTransport(RapidResetLimits.transport(Transport.NIO, 100, 30_000)).build();
 * }</pre>
 * Clients behind one proxy or NAT share the address' budget.
 */
public final class RapidResetLimits {

  private RapidResetLimits() {
  }

  /**
   * @param base      the transport to be otherwise
   * @param maxResets stream resets one address may send within the window; positive
   * @param windowMs  the window, in ms; positive
   * @return a transport for {@code Vertx.builder().withTransport(...)}
   * @throws IllegalArgumentException {@code maxResets: must be positive, got <n>} (or {@code resetWindow})
   */
  public static Transport transport(Transport base, int maxResets, long windowMs) {
    if (maxResets < 1) {
      throw new IllegalArgumentException("maxResets: must be positive, got " + maxResets);
    }
    if (windowMs < 1) {
      throw new IllegalArgumentException("resetWindow: must be positive, got " + windowMs + " ms");
    }
    ResetBudget budget = new ResetBudget(maxResets, windowMs, System::nanoTime);
    return ChannelTransport.of(base, null, (connection, server) -> {
      if (!(server instanceof HttpServerOptions)) {
        return true;
      }
      if (!budget.admits(connection)) {
        return false;
      }
      connection.pipeline().addFirst(ResetCounter.NAME, new ResetCounter(budget));
      return true;
    });
  }
}
