package dev.vitals.health.web.transport.impl;

import dev.vitals.health.internal.BurstLog;
import io.netty.channel.Channel;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * HTTP/2 stream resets per client IP address, over all its connections: an address that resets more than {@code
 * maxResets} streams within a window has its HTTP/2 connections closed and every new connection refused when
 * accepted, until the window after the last reset counted ends. Netty's own limit is per connection, so a client
 * reconnecting just before it would otherwise reset streams at will. What is remembered is bounded: addresses with
 * an HTTP/2 connection open, and at most {@value #MAX_ADDRESSES} in all. Guarded by this object.
 */
public final class ResetBudget {

  /** Addresses remembered at most; beyond, those without a connection are forgotten first. */
  static final int MAX_ADDRESSES = 65_536;

  private final int maxResets;
  private final long windowNanos;
  private final LongSupplier nanoTime;
  private final Map<InetAddress, Client> clients = new HashMap<>();
  /** At most one line about floods per 10 s. */
  private final BurstLog floodLog = new BurstLog(ResetBudget.class, 10_000);
  private long floods;

  private static final class Client {
    final Set<Channel> connections = new HashSet<>();
    long windowStart;
    int resets;
    long blockedUntil;
    boolean blocked;
  }

  /**
   * @param maxResets stream resets one address may send within the window
   * @param windowMs  the window, in ms
   * @param nanoTime  the clock ({@code System::nanoTime})
   */
  public ResetBudget(int maxResets, long windowMs, LongSupplier nanoTime) {
    this.maxResets = maxResets;
    this.windowNanos = TimeUnit.MILLISECONDS.toNanos(windowMs);
    this.nanoTime = nanoTime;
  }

  /** @return whether a connection from this address may be accepted (no while the address is blocked) */
  public synchronized boolean admits(Channel connection) {
    Client client = clients.get(address(connection));
    return client == null || !client.blocked || client.blockedUntil - nanoTime.getAsLong() <= 0;
  }

  /** An HTTP/2 connection of the address: closed if the address gets blocked; forgotten when closed. */
  public synchronized void opened(Channel connection) {
    InetAddress address = address(connection);
    if (address == null) {
      return;
    }
    if (clients.size() >= MAX_ADDRESSES && !clients.containsKey(address)) {
      forgetIdle();
    }
    clients.computeIfAbsent(address, a -> new Client()).connections.add(connection);
    connection.closeFuture().addListener(closed -> closed(address, connection));
  }

  /** A RST_STREAM read on the connection: counted against its address. */
  public void reset(Channel connection) {
    InetAddress address = address(connection);
    List<Channel> cut;
    synchronized (this) {
      Client client = clients.get(address);
      if (client == null) {
        return;
      }
      long now = nanoTime.getAsLong();
      if (now - client.windowStart > windowNanos) {
        client.windowStart = now;
        client.resets = 0;
      }
      if (++client.resets <= maxResets) {
        return;
      }
      client.blocked = true;
      client.blockedUntil = now + windowNanos;
      floods++;
      cut = List.copyOf(client.connections);
    }
    floodLog.log(() -> "HTTP/2 reset flood from " + address.getHostAddress() + ": more than " + maxResets
      + " streams reset within " + TimeUnit.NANOSECONDS.toMillis(windowNanos) + " ms over its connections; they are"
      + " closed and new ones refused for as long (http.maxResets, http.resetWindow; " + floods() + " so far)");
    cut.forEach(Channel::close);
  }

  /** @return how many times an address was blocked, since start */
  public synchronized long floods() {
    return floods;
  }

  /** @return addresses remembered now */
  public synchronized int addresses() {
    return clients.size();
  }

  private synchronized void closed(InetAddress address, Channel connection) {
    Client client = clients.get(address);
    if (client != null && client.connections.remove(connection) && client.connections.isEmpty()
      && quiet(client, nanoTime.getAsLong())) {
      clients.remove(address);
    }
  }

  /** Whether nothing of the client needs remembering: no reset in the window, no block. */
  private boolean quiet(Client client, long now) {
    return now - client.windowStart > windowNanos && (!client.blocked || client.blockedUntil - now <= 0);
  }

  private void forgetIdle() {
    long now = nanoTime.getAsLong();
    clients.values().removeIf(client -> client.connections.isEmpty() && quiet(client, now));
    for (Iterator<Client> it = clients.values().iterator(); it.hasNext() && clients.size() >= MAX_ADDRESSES; ) {
      if (it.next().connections.isEmpty()) {
        it.remove();
      }
    }
  }

  private static InetAddress address(Channel connection) {
    return connection.remoteAddress() instanceof InetSocketAddress
      ? ((InetSocketAddress) connection.remoteAddress()).getAddress() : null;
  }
}
