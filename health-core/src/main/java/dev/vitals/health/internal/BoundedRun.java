package dev.vitals.health.internal;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One bounded run of user code that answers with a future (a check procedure, an environment section): every
 * way it can go wrong (throwing, returning or completing with null, failing, never completing) ends as a failed
 * future, and the timeout timer is cancelled as soon as the code completes so that no timer outlives the run.
 */
public final class BoundedRun {

  private BoundedRun() {
  }

  /**
   * @param vertx     for the timeout timer
   * @param what      what the code is, for messages ({@code check}, {@code section})
   * @param timeoutMs the time allowed, in ms
   * @param code      the code to run
   * @param <T>       the type of its result
   * @return its result, completed on the caller's context even when the code's future completes on another
   * thread (a check whose client does its I/O on a Vert.x instance of its own); failed with a
   * {@link ProcedureFault} around a {@link TimeoutException} {@code "timed out after <n> ms"} or around what the
   * code threw, with an {@link IllegalStateException} {@code "<what> returned no future"} / {@code "<what> completed
   * with no result"}, or with what the code's future failed with
   */
  public static <T> Future<T> start(Vertx vertx, String what, long timeoutMs, Supplier<Future<T>> code) {
    Promise<T> outcome = Promise.promise();
    Context caller = Vertx.currentContext();
    long timer = vertx.setTimer(timeoutMs,
      id -> outcome.tryFail(new ProcedureFault(new TimeoutException("timed out after " + timeoutMs + " ms"))));
    Future<T> run;
    try {
      run = code.get();
      if (run == null) {
        run = Future.failedFuture(new IllegalStateException(what + " returned no future"));
      }
    } catch (Throwable t) {
      run = Future.failedFuture(new ProcedureFault(t));
    }
    run.onComplete(ar -> {
      if (caller != null && Vertx.currentContext() != caller) {
        caller.runOnContext(v -> settle(vertx, timer, what, ar, outcome));
      } else {
        settle(vertx, timer, what, ar, outcome);
      }
    });
    return outcome.future();
  }

  private static <T> void settle(Vertx vertx, long timer, String what, AsyncResult<T> ar, Promise<T> outcome) {
    vertx.cancelTimer(timer);
    if (ar.failed()) {
      outcome.tryFail(ar.cause());
    } else if (ar.result() == null) {
      outcome.tryFail(new IllegalStateException(what + " completed with no result"));
    } else {
      outcome.tryComplete(ar.result());
    }
  }

  /**
   * @param failure what a run failed with
   * @return the message shown for it: the exception's message (of the cause, for a {@link ProcedureFault}), or its
   * type when it has none
   */
  public static String describe(Throwable failure) {
    if (failure instanceof ProcedureFault) {
      failure = failure.getCause();
    }
    return dev.vitals.health.ProcedureResult.describe(failure);
  }
}
