package dev.vitals.health.alerts.impl;

import dev.vitals.health.alerts.AlertLeadership;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Lock;

import java.util.logging.Logger;

/** {@link AlertLeadership} over a shared-data lock: one attempt at a time, then a timer. */
public final class AlertLeadershipImpl implements AlertLeadership {

  private static final Logger LOG = Logger.getLogger(AlertLeadership.class.getName());

  private final Vertx vertx;
  private final String name;
  private final long retryEvery;
  private final long attemptTimeout;
  // Guarded by this.
  private Lock lock;
  private boolean closed;
  private long timer = -1;

  /**
   * @param vertx          a Vert.x, clustered or not
   * @param name           the lock's name
   * @param retryEvery     ms between a follower's attempts
   * @param attemptTimeout ms one attempt waits
   */
  public AlertLeadershipImpl(Vertx vertx, String name, long retryEvery, long attemptTimeout) {
    if (retryEvery <= 0) {
      throw new IllegalArgumentException("retryEvery: expected a duration above 0 ms, got " + retryEvery);
    }
    if (attemptTimeout <= 0) {
      throw new IllegalArgumentException("attemptTimeout: expected a duration above 0 ms, got " + attemptTimeout);
    }
    this.vertx = vertx;
    this.name = java.util.Objects.requireNonNull(name, "lock");
    this.retryEvery = retryEvery;
    this.attemptTimeout = attemptTimeout;
    attempt();
  }

  private void attempt() {
    synchronized (this) {
      timer = -1;
      if (closed) {
        return;
      }
    }
    vertx.sharedData().getLockWithTimeout(name, attemptTimeout).onComplete(taken -> {
      boolean release = false;
      synchronized (this) {
        if (taken.succeeded()) {
          if (closed) {
            release = true;
          } else {
            lock = taken.result();
            LOG.info(() -> "Alerts: this instance leads the fleet's alerts (lock " + name + ")");
          }
        } else if (!closed) {
          timer = vertx.setTimer(retryEvery, id -> attempt());
        }
      }
      if (release) {
        taken.result().release();
      }
    });
  }

  @Override
  public synchronized boolean leads() {
    return lock != null;
  }

  @Override
  public Future<Void> close() {
    Lock held;
    synchronized (this) {
      closed = true;
      if (timer != -1) {
        vertx.cancelTimer(timer);
        timer = -1;
      }
      held = lock;
      lock = null;
    }
    if (held != null) {
      held.release();
    }
    return Future.succeededFuture();
  }
}
