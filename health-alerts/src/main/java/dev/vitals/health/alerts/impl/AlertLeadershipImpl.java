package dev.vitals.health.alerts.impl;

import dev.vitals.health.alerts.AlertLeadership;
import dev.vitals.health.internal.BurstLog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;

import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@link AlertLeadership} over a lease in a shared map: the value is {@code <holder> <lease id> <sequence>}, a new one
 * at each renewal, so that the others see it change. One operation at a time, each bounded by {@code ttl}.
 */
public final class AlertLeadershipImpl implements AlertLeadership {

  private static final Logger LOG = Logger.getLogger(AlertLeadership.class.getName());

  private final Vertx vertx;
  private final String name;
  private final String holder;
  private final long renewEvery;
  private final long ttl;
  private final Predicate<String> instance;
  private final String lease = UUID.randomUUID().toString();
  private final BurstLog strangers = new BurstLog(AlertLeadershipImpl.class, 60_000);
  private final BurstLog faults = new BurstLog(AlertLeadershipImpl.class, 60_000);
  // Guarded by this.
  private AsyncMap<String, String> map;
  private long sequence;
  /** The value this instance wrote last while holding the lease, or null when it does not hold it. */
  private String held;
  private long renewedAt;
  /** Another holder's value as last read, and since when (nanoTime) it has not changed. */
  private String seen;
  private long seenSince;
  private boolean busy;
  private boolean closed;
  private final long timer;

  /**
   * @param vertx      a Vert.x, clustered or not
   * @param name       the lease's name
   * @param holder     who this is, for people
   * @param renewEvery ms between renewals and attempts
   * @param ttl        ms a lease not renewed stands
   * @param instance   whether a holder's name is another instance's
   */
  public AlertLeadershipImpl(Vertx vertx, String name, String holder, long renewEvery, long ttl,
                             Predicate<String> instance) {
    if (renewEvery <= 0) {
      throw new IllegalArgumentException("renewEvery: expected a duration above 0 ms, got " + renewEvery);
    }
    if (ttl < 3 * renewEvery) {
      throw new IllegalArgumentException("ttl: expected at least 3 × renewEvery (" + 3 * renewEvery + " ms), got "
        + ttl);
    }
    this.vertx = vertx;
    this.name = Objects.requireNonNull(name, "name");
    this.holder = Objects.requireNonNull(holder, "holder").replace(' ', '_');
    this.renewEvery = renewEvery;
    this.ttl = ttl;
    this.instance = Objects.requireNonNull(instance, "instance");
    this.timer = vertx.setPeriodic(1, renewEvery, id -> tick());
  }

  private Future<AsyncMap<String, String>> map() {
    synchronized (this) {
      if (map != null) {
        return Future.succeededFuture(map);
      }
    }
    return vertx.sharedData().<String, String>getAsyncMap(MAP).onSuccess(opened -> {
      synchronized (this) {
        map = opened;
      }
    });
  }

  private synchronized String next() {
    return holder + " " + lease + " " + ++sequence;
  }

  private void tick() {
    String mine;
    synchronized (this) {
      if (closed || busy) {
        return;
      }
      busy = true;
      mine = held;
    }
    map().compose(shared -> mine != null ? renew(shared, mine) : attempt(shared))
      .timeout(ttl, TimeUnit.MILLISECONDS)
      .onComplete(done -> {
        synchronized (this) {
          busy = false;
        }
        if (done.failed()) {
          faults.log(Level.WARNING, () -> "Alerts: the lease " + name + " could not be read or renewed: "
            + done.cause());
        }
      });
  }

  private Future<Void> renew(AsyncMap<String, String> shared, String mine) {
    String next = next();
    return shared.replaceIfPresent(name, mine, next).map(renewed -> {
      synchronized (this) {
        if (renewed && !closed) {
          held = next;
          renewedAt = System.nanoTime();
        } else if (!renewed) {
          held = null;
          LOG.warning(() -> "Alerts: this instance no longer leads the fleet's alerts (lease " + name
            + " taken by another)");
        }
      }
      return null;
    });
  }

  private Future<Void> attempt(AsyncMap<String, String> shared) {
    return shared.get(name).compose(current -> {
      long now = System.nanoTime();
      if (current == null) {
        String next = next();
        return shared.putIfAbsent(name, next).map(previous -> previous == null ? took(next) : saw(previous, now));
      }
      boolean expired;
      synchronized (this) {
        expired = current.equals(seen) && now - seenSince >= TimeUnit.MILLISECONDS.toNanos(ttl);
      }
      String by = holderOf(current);
      if (!expired && (by.equals(holder) || !instance.test(by))) {
        strangers.log(Level.WARNING, () -> "Alerts: the lease " + name + " is held by '" + cut(by) + "', "
          + (by.equals(holder) ? "this instance's name, by another" : "which is no instance of the fleet") + "; taking it");
        expired = true;
      }
      if (!expired) {
        saw(current, now);
        return Future.succeededFuture();
      }
      String next = next();
      return shared.replaceIfPresent(name, current, next).map(replaced -> replaced ? took(next) : null);
    });
  }

  private Void took(String value) {
    boolean release;
    synchronized (this) {
      release = closed;
      if (!closed) {
        held = value;
        renewedAt = System.nanoTime();
        seen = null;
      }
    }
    if (release) {
      map().compose(shared -> shared.removeIfPresent(name, value));
    } else {
      LOG.info(() -> "Alerts: this instance leads the fleet's alerts (lease " + name + ")");
    }
    return null;
  }

  private synchronized Void saw(String value, long now) {
    if (!value.equals(seen)) {
      seen = value;
      seenSince = now;
    }
    return null;
  }

  @Override
  public synchronized boolean leads() {
    return held != null && System.nanoTime() - renewedAt < TimeUnit.MILLISECONDS.toNanos(ttl - renewEvery);
  }

  @Override
  public synchronized String heldBy() {
    String value = held != null ? held : seen;
    return value == null ? null : holderOf(value);
  }

  private static String holderOf(String value) {
    int space = value.indexOf(' ');
    return space < 0 ? value : value.substring(0, space);
  }

  private static String cut(String text) {
    return text.length() <= 100 ? text : text.substring(0, 100) + "...";
  }

  @Override
  public Future<Void> close() {
    String mine;
    synchronized (this) {
      if (closed) {
        return Future.succeededFuture();
      }
      closed = true;
      vertx.cancelTimer(timer);
      mine = held;
      held = null;
    }
    if (mine == null) {
      return Future.succeededFuture();
    }
    return map().compose(shared -> shared.removeIfPresent(name, mine)).timeout(ttl, TimeUnit.MILLISECONDS)
      .<Void>mapEmpty().otherwiseEmpty();
  }
}
