package dev.vitals.health.fleet;

import dev.vitals.health.fleet.impl.FrameLimit;
import dev.vitals.health.internal.ChannelTransport;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.transport.Transport;

/**
 * A bound on the frames a clustered event bus accepts. Each frame of Vert.x's clustered event bus starts with its
 * length (4 bytes, big-endian), and Vert.x buffers whatever length a peer announces, on the event loops of the
 * application, before any of the message is read: any process that reaches the event bus port (any local user on
 * loopback, without event-bus TLS) could make an instance hold gigabytes. With this transport, a connection whose
 * frame announces more than the bound (or nothing) is closed as soon as the 4 bytes of its length have arrived,
 * and logged at most once a minute per peer address. The fleet's own messages are a few KB (a status at its limits,
 * signed, stays under 400 KB).
 * <pre>{@code
 * Vertx.builder()
 *   .withTransport(EventBusFrameLimit.transport(Transport.NIO, EventBusFrameLimit.DEFAULT_MAX_FRAME))
 *   .withClusterManager(clusterManager)
 *   .buildClustered();
 * }</pre>
 * It applies to every connection accepted by a TCP server of that Vert.x that is not an HTTP server and does not
 * read the PROXY protocol: build the instance with it only when its clustered event bus is its only such server
 * (as in the standalone). Over event-bus TLS it reads the decrypted frames. The base may itself be a wrapping
 * transport (such as the health-web request head deadline's): both apply.
 */
public final class EventBusFrameLimit {

  /** The default bound of one event bus frame: 1,048,576 bytes (1 MiB). */
  public static final int DEFAULT_MAX_FRAME = 1_048_576;

  private EventBusFrameLimit() {
  }

  /**
   * @param base     the transport to be otherwise ({@code Transport.NIO}, a native one, or a wrapping one)
   * @param maxFrame the most bytes one frame may announce; positive
   * @return a transport for {@code Vertx.builder().withTransport(...)}
   * @throws IllegalArgumentException {@code maxFrame: must be positive, got <n> bytes}
   */
  public static Transport transport(Transport base, int maxFrame) {
    if (maxFrame <= 0) {
      throw new IllegalArgumentException("maxFrame: must be positive, got " + maxFrame + " bytes");
    }
    return ChannelTransport.of(base, null, (channel, server) -> {
      if (!(server instanceof HttpServerOptions) && !server.isUseProxyProtocol()) {
        channel.pipeline().addFirst(FrameLimit.NAME, new FrameLimit(maxFrame, server.isSsl()));
      }
      return true; // refused later, at a frame's length, not at accept
    });
  }
}
