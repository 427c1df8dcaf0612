package dev.vitals.health.test;

import io.vertx.core.Future;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one way every module's tests wait: block a test thread (never an event loop) until a future completes or a
 * condition holds. The limit is there so that a broken test fails instead of hanging; nothing asserts how fast
 * things happen.
 */
public final class Await {

  /** How long a test waits before it fails, in ms. */
  public static final long LIMIT_MS = 20_000;

  private Await() {
  }

  /** @return the future's result; fails the test when it fails or does not complete within the limit */
  public static <T> T result(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(LIMIT_MS, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("future did not succeed: " + e, e);
    }
  }

  /** @return the future's failure; fails the test when it succeeds or does not complete within the limit */
  public static Throwable failure(Future<?> future) {
    try {
      future.toCompletionStage().toCompletableFuture().get(LIMIT_MS, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError("future did not complete: " + e, e);
    }
    throw new AssertionError("future succeeded, expected a failure");
  }

  /** Polls the condition every few ms until it holds; fails the test with the description when it never does. */
  public static void until(BooleanSupplier condition, Supplier<String> description) {
    poll(condition::getAsBoolean, held -> held, held -> description.get());
  }

  /**
   * Takes a sample every few ms (an HTTP answer, a state) until one is accepted.
   *
   * @return the accepted sample; fails the test, describing the last sample, when none is accepted in time
   */
  public static <T> T poll(Supplier<T> sample, Predicate<? super T> accepted, Function<? super T, String> describe) {
    return poll(sample, accepted, describe, LIMIT_MS);
  }

  /**
   * As {@link #poll(Supplier, Predicate, Function)}, for what takes longer than {@link #LIMIT_MS} by nature (a
   * cluster forming, a JVM starting a clustered Vert.x).
   *
   * @param limitMs how long to wait at most, in ms
   * @return the accepted sample
   */
  public static <T> T poll(Supplier<T> sample, Predicate<? super T> accepted, Function<? super T, String> describe,
                           long limitMs) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limitMs);
    while (true) {
      T last = sample.get();
      if (accepted.test(last)) {
        return last;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("condition not reached within " + limitMs + " ms: " + describe.apply(last));
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
