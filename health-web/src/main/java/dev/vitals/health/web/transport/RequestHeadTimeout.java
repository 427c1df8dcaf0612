package dev.vitals.health.web.transport;

import dev.vitals.health.internal.ChannelTransport;
import dev.vitals.health.web.transport.impl.HeadDeadline;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.transport.Transport;

/**
 * A deadline for the head of each HTTP/1.x request (request line and headers, from its first byte to the empty line
 * that ends it), independent of the idle timeout: a client that dribbles a header byte every few seconds is never
 * idle and would otherwise hold its connection for as long as it likes (slowloris). A head not complete in time gets
 * {@code 408} with {@code {"error": "request head not complete within <n> ms", "status": 408}} and
 * {@code Connection: close}, and its connection is closed. As nginx's {@code client_header_timeout} and Go's
 * {@code ReadHeaderTimeout}.
 *
 * <p>Vert.x 5 has no such timeout and no public hook for a connection's first bytes when HTTP/2 over cleartext is
 * on (it hands a connection over only once a first head has been read), so the deadline is a transport: build the
 * application's Vert.x with it and every HTTP server of that instance has it.
 * <pre>{@code
 * Vertx vertx = Vertx.builder()
 *   .withTransport(RequestHeadTimeout.transport(Transport.NIO, 10_000))
 *   .build();
 * }</pre>
 * HTTP/2 connections (prior knowledge, ALPN or an upgrade) are left to HTTP/2's own limits; over TLS the deadline
 * reads the decrypted heads (the handshake has Vert.x's {@code sslHandshakeTimeout}). Connections of other servers
 * of the instance (the clustered event bus, TCP servers) are not touched. Between a complete head and the first byte
 * of its answer nothing is timed (a slow body is the request guard's, see
 * {@link dev.vitals.health.web.guard.RequestGuardHandler}).
 */
public final class RequestHeadTimeout {

  /** The default deadline of a request head: 10,000 ms. */
  public static final long DEFAULT_TIMEOUT = 10_000;

  private RequestHeadTimeout() {
  }

  /**
   * @param base      the transport to be otherwise ({@code Transport.NIO}, or a native one)
   * @param timeoutMs the deadline of a request head from its first byte, in ms; positive
   * @return a transport for {@code Vertx.builder().withTransport(...)}
   * @throws IllegalArgumentException {@code timeout: must be positive, got <n> ms}
   */
  public static Transport transport(Transport base, long timeoutMs) {
    if (timeoutMs <= 0) {
      throw new IllegalArgumentException("timeout: must be positive, got " + timeoutMs + " ms");
    }
    return ChannelTransport.of(base, null, (channel, server) -> {
      if (server instanceof HttpServerOptions) {
        channel.pipeline().addFirst(HeadDeadline.NAME, new HeadDeadline(timeoutMs));
      }
      return true;
    });
  }
}
