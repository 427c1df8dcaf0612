package dev.vitals.health.checks.impl;

import dev.vitals.health.checks.DependencyLoop;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.util.concurrent.atomic.AtomicReference;

/** A Vert.x instance with one event loop and the smallest pools, owned by the dependency checks. */
public final class DependencyLoopImpl implements DependencyLoop {

  private final Vertx vertx;

  /** Starts the instance on a thread of its own: from a Vert.x thread, Vert.x warns about a second instance. */
  public DependencyLoopImpl() {
    AtomicReference<Vertx> started = new AtomicReference<>();
    Thread starter = new Thread(() -> started.set(Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1)
      .setWorkerPoolSize(1).setInternalBlockingPoolSize(1))), "vitals-dependency-loop-start");
    starter.start();
    try {
      starter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the dependency loop", e);
    }
    if (started.get() == null) {
      throw new IllegalStateException("the dependency loop's Vert.x instance did not start");
    }
    this.vertx = started.get();
  }

  @Override
  public Vertx vertx() {
    return vertx;
  }

  @Override
  public Future<Void> close() {
    return vertx.close().otherwiseEmpty();
  }
}
