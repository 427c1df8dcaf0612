package dev.vitals.health.impl;

import dev.vitals.health.BlockingCheck;
import dev.vitals.health.ProcedureResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs blocking checks on a worker pool of a fixed size without ever queueing them: a run that finds every
 * worker busy (held by checks that hang) fails at once with {@code "no worker free"} instead of waiting behind
 * them. A run still going at its timeout has its thread interrupted; the worker counts as busy until the
 * procedure really returns.
 */
final class BlockingRunner {

  /** The output of a run that found every worker busy. */
  static final String NO_WORKER_FREE = "no worker free";

  private final Vertx vertx;
  private final WorkerExecutor pool;
  private final int size;
  private final AtomicInteger busy = new AtomicInteger();

  BlockingRunner(Vertx vertx, WorkerExecutor pool, int size) {
    this.vertx = vertx;
    this.pool = pool;
    this.size = size;
  }

  Future<ProcedureResult> run(BlockingCheck check, long timeoutMs) {
    if (busy.incrementAndGet() > size) {
      busy.decrementAndGet();
      return Future.failedFuture(new IllegalStateException(NO_WORKER_FREE));
    }
    Run run = new Run();
    Future<ProcedureResult> result = pool.executeBlocking(() -> run.on(check), false);
    long timer = vertx.setTimer(timeoutMs, id -> run.interrupt());
    return result.onComplete(done -> vertx.cancelTimer(timer));
  }

  /** @return the workers held by runs that have not returned, hung ones included */
  int busy() {
    return busy.get();
  }

  /** One run: its thread while it runs, so that the timeout can interrupt it and nothing after it. */
  private final class Run {
    private Thread thread;
    private boolean interrupted;

    ProcedureResult on(BlockingCheck check) throws Exception {
      synchronized (this) {
        thread = Thread.currentThread();
        if (interrupted) {
          throw new InterruptedException("timed out before a worker took it");
        }
      }
      try {
        return check.run();
      } finally {
        synchronized (this) {
          thread = null;
        }
        Thread.interrupted(); // the pool's thread goes back clean
        busy.decrementAndGet();
      }
    }

    synchronized void interrupt() {
      interrupted = true;
      if (thread != null) {
        thread.interrupt();
      }
    }
  }
}
