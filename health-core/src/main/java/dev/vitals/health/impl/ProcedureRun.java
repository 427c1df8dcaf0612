package dev.vitals.health.impl;

import dev.vitals.health.ProcedureResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One bounded run of a procedure: every way a procedure can go wrong (throwing, returning or completing with
 * null, failing, never completing) ends as a failed future, and the timeout timer is cancelled as soon as the
 * procedure completes so that no timer outlives the run.
 */
final class ProcedureRun {

  private ProcedureRun() {
  }

  static Future<ProcedureResult> start(Vertx vertx, long timeoutMs, Supplier<Future<ProcedureResult>> procedure) {
    Promise<ProcedureResult> outcome = Promise.promise();
    long timer = vertx.setTimer(timeoutMs,
      id -> outcome.tryFail(new TimeoutException("timed out after " + timeoutMs + " ms")));
    Future<ProcedureResult> run;
    try {
      run = procedure.get();
      if (run == null) {
        run = Future.failedFuture(new IllegalStateException("check returned no future"));
      }
    } catch (Throwable t) {
      run = Future.failedFuture(t);
    }
    run.onComplete(ar -> {
      vertx.cancelTimer(timer);
      if (ar.failed()) {
        outcome.tryFail(ar.cause());
      } else if (ar.result() == null) {
        outcome.tryFail(new IllegalStateException("check completed with no result"));
      } else {
        outcome.tryComplete(ar.result());
      }
    });
    return outcome.future();
  }

  /** The output shown for a failure: the exception's message, or its type when it has none. */
  static String describe(Throwable failure) {
    String message = failure.getMessage();
    return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
  }
}
