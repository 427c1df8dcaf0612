package dev.vitals.health.checks.impl;

import dev.vitals.health.checks.DependencyLoop;
import dev.vitals.health.internal.ChannelTransport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.transport.Transport;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A Vert.x instance with one event loop and the smallest pools, owned by the dependency checks; its transport puts
 * a {@link ReplyBudget} first in every connection of a client other than HTTP, and names its event-loop threads
 * {@code vitals-dependency-loop-<n>}.
 */
public final class DependencyLoopImpl implements DependencyLoop {

  /** How the loop's event-loop threads are named ({@code vitals-dependency-loop-0}), apart from the application's. */
  static final String THREAD_PREFIX = "vitals-dependency-loop-";

  private final Vertx vertx;
  private final long maxReplySize;

  /**
   * Starts the instance on a thread of its own: from a Vert.x thread, Vert.x warns about a second instance.
   *
   * @param maxReplySize the reply budget, in bytes
   */
  public DependencyLoopImpl(long maxReplySize) {
    if (maxReplySize <= 0) {
      throw new IllegalArgumentException("maxReplySize: must be positive, got " + maxReplySize + " bytes");
    }
    this.maxReplySize = maxReplySize;
    Transport transport = ChannelTransport.of(Transport.NIO, (channel, client) -> {
      if (!(client instanceof HttpClientOptions)) {
        channel.pipeline().addFirst("vitals-reply-budget", new ReplyBudget(maxReplySize));
      }
    }, null, THREAD_PREFIX);
    AtomicReference<Vertx> started = new AtomicReference<>();
    Thread starter = new Thread(() -> started.set(Vertx.builder().with(new VertxOptions().setEventLoopPoolSize(1)
      .setWorkerPoolSize(1).setInternalBlockingPoolSize(1)).withTransport(transport).build()),
      "vitals-dependency-loop-start");
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
  public long maxReplySize() {
    return maxReplySize;
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
