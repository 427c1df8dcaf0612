package dev.vitals.health;

import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A check that counts its runs. By default each run completes at once with the next queued result (pass when
 * none is queued); in held mode each run stays pending until the test completes it.
 */
final class CountingCheck implements Check {

  private final AtomicInteger runs = new AtomicInteger();
  private final Deque<ProcedureResult> queued = new ArrayDeque<>();
  private final Deque<Promise<ProcedureResult>> pending = new ArrayDeque<>();
  private volatile boolean held;

  public int runs() {
    return runs.get();
  }

  public synchronized CountingCheck then(ProcedureResult result) {
    queued.add(result);
    return this;
  }

  public CountingCheck hold(boolean held) {
    this.held = held;
    return this;
  }

  /** Completes the oldest pending run. */
  public void complete(ProcedureResult result) {
    Promise<ProcedureResult> p;
    synchronized (this) {
      p = pending.poll();
    }
    if (p == null) {
      throw new AssertionError("no pending run");
    }
    p.complete(result);
  }

  @Override
  public Future<ProcedureResult> run() {
    int n = runs.incrementAndGet();
    if (held) {
      Promise<ProcedureResult> p = Promise.promise();
      synchronized (this) {
        pending.add(p);
      }
      return p.future();
    }
    ProcedureResult next;
    synchronized (this) {
      next = queued.poll();
    }
    return Future.succeededFuture(next != null ? next : ProcedureResult.pass("run " + n));
  }
}
