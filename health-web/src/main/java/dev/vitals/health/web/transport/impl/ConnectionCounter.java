package dev.vitals.health.web.transport.impl;

import io.netty.channel.Channel;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open connections of the HTTP servers of one Vert.x instance, in all and by client IP address: a connection
 * beyond either cap is refused when accepted, before Vert.x does anything for it. Each connection is counted from
 * its acceptance to its close; an address leaves the map with its last connection, so the map never holds more
 * addresses than connections are allowed.
 */
public final class ConnectionCounter {

  private static final Logger LOG = Logger.getLogger(ConnectionCounter.class.getName());
  /** At most one line about refused connections this often, in ns. */
  private static final long LOG_PERIOD_NANOS = 10_000_000_000L;

  private final int max;
  private final int maxPerClient;
  private final AtomicInteger open = new AtomicInteger();
  private final ConcurrentHashMap<InetAddress, AtomicInteger> byClient = new ConcurrentHashMap<>();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong lastLog = new AtomicLong(System.nanoTime() - LOG_PERIOD_NANOS);

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
    long count = refused.incrementAndGet();
    long now = System.nanoTime();
    long last = lastLog.get();
    if (now - last >= LOG_PERIOD_NANOS && lastLog.compareAndSet(last, now)) {
      LOG.log(Level.WARNING, () -> "Connection refused: " + why + " (" + count + " refused since start)");
    }
    return false;
  }

  private static InetAddress address(SocketAddress remote) {
    return remote instanceof InetSocketAddress ? ((InetSocketAddress) remote).getAddress() : null;
  }
}
