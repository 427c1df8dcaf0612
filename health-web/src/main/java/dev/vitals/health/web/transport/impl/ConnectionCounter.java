package dev.vitals.health.web.transport.impl;

import dev.vitals.health.internal.BurstLog;
import io.netty.channel.Channel;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open connections of the HTTP servers of one Vert.x instance, in all and by client IP address: a connection
 * beyond either cap is refused when accepted, before Vert.x does anything for it. Each connection is counted from
 * its acceptance to its close; an address leaves the map with its last connection, so the map never holds more
 * addresses than connections are allowed.
 */
public final class ConnectionCounter {


  private final int max;
  private final int maxPerClient;
  private final AtomicInteger open = new AtomicInteger();
  private final ConcurrentHashMap<InetAddress, AtomicInteger> byClient = new ConcurrentHashMap<>();
  /** At most one line about refused connections per 10 s, counting them all. */
  private final BurstLog refused = new BurstLog(ConnectionCounter.class, 10_000);

  /**
   * @param max          open connections at most, in all
   * @param maxPerClient open connections at most from one client IP address
   */
  public ConnectionCounter(int max, int maxPerClient) {
    this.max = max;
    this.maxPerClient = maxPerClient;
  }

  /**
   * Counts an accepted connection, until it closes, unless it is one too many.
   *
   * @param connection the accepted connection, not registered yet
   * @return whether to keep it
   */
  public boolean admit(Channel connection) {
    if (open.incrementAndGet() > max) {
      open.decrementAndGet();
      return refuse("maxConnections (" + max + ") reached");
    }
    InetAddress client = address(connection.remoteAddress());
    if (client != null) {
      AtomicInteger[] counted = new AtomicInteger[1];
      byClient.compute(client, (address, count) -> {
        AtomicInteger c = count == null ? new AtomicInteger() : count;
        counted[0] = c.incrementAndGet() > maxPerClient ? null : c;
        if (counted[0] == null) {
          c.decrementAndGet();
        }
        return c.get() == 0 ? null : c;
      });
      if (counted[0] == null) {
        open.decrementAndGet();
        return refuse("maxConnectionsPerClient (" + maxPerClient + ") reached for " + client.getHostAddress());
      }
    }
    connection.closeFuture().addListener(closed -> {
      open.decrementAndGet();
      if (client != null) {
        byClient.computeIfPresent(client, (address, count) -> count.decrementAndGet() == 0 ? null : count);
      }
    });
    return true;
  }

  /** @return the connections open now */
  public int open() {
    return open.get();
  }

  /** @return the client addresses with a connection open now */
  public int clients() {
    return byClient.size();
  }

  private boolean refuse(String why) {
    refused.log(() -> "Connection refused: " + why + " (" + refused.total() + " refused since start)");
    return false;
  }

  private static InetAddress address(SocketAddress remote) {
    return remote instanceof InetSocketAddress ? ((InetSocketAddress) remote).getAddress() : null;
  }
}
