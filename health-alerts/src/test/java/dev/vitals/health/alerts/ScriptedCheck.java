package dev.vitals.health.alerts;

import dev.vitals.health.Check;
import dev.vitals.health.ProcedureResult;
import io.vertx.core.Future;

import java.util.concurrent.atomic.AtomicReference;

/** A check whose result the test sets; passes until told otherwise. */
final class ScriptedCheck implements Check {

  private final AtomicReference<ProcedureResult> next = new AtomicReference<>(ProcedureResult.pass());

  ScriptedCheck fail(String output) {
    next.set(ProcedureResult.fail(output));
    return this;
  }

  ScriptedCheck warn(String output) {
    next.set(ProcedureResult.warn(output));
    return this;
  }

  ScriptedCheck pass() {
    next.set(ProcedureResult.pass());
    return this;
  }

  @Override
  public Future<ProcedureResult> run() {
    return Future.succeededFuture(next.get());
  }
}
