package dev.vitals.health.internal;

/**
 * A run that went wrong in the procedure itself (it threw, or it timed out), as opposed to a procedure that
 * reported failure through its future. vertx-health-check tells the two apart (its {@code ProcedureException},
 * shown as {@code "procedure-execution-failure": true}), so the registry keeps the distinction for that view.
 */
public final class ProcedureFault extends Exception {

  private static final long serialVersionUID = 1L;

  ProcedureFault(Throwable cause) {
    super(cause.getMessage(), cause);
  }
}
