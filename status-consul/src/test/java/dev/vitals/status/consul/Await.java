package dev.vitals.status.consul;

import io.vertx.core.Future;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Blocks a test thread (never an event loop) until a future completes or a condition holds. The 10 s limits are
 * there so that a broken test fails instead of hanging; nothing asserts how fast things happen.
 */
final class Await {

  private static final long LIMIT_MS = 10_000;

  private Await() {
  }

  static <T> T result(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(LIMIT_MS, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("future did not succeed: " + e, e);
    }
  }

  static Throwable failure(Future<?> future) {
    try {
      future.toCompletionStage().toCompletableFuture().get(LIMIT_MS, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError("future did not complete: " + e, e);
    }
    throw new AssertionError("future succeeded, expected a failure");
  }

  /** Polls the condition every few ms until it holds. */
  static void until(BooleanSupplier condition, Supplier<String> description) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LIMIT_MS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("condition not reached within " + LIMIT_MS + " ms: " + description.get());
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
