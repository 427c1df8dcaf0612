package dev.vitals.health;

import io.vertx.core.Future;

/**
 * A non-blocking check procedure. It is called on a Vert.x thread and must not block it; use
 * {@link BlockingCheck} for JDBC, file system or legacy client calls.
 *
 * <p>Faults are results: if the procedure throws, returns {@code null}, returns a failed future, completes
 * with {@code null} or does not complete within the check's timeout, the registry records a failing
 * {@link CheckReport} whose output says why, and the other checks are unaffected.
 */
@FunctionalInterface
public interface Check {

  /**
   * Runs the procedure once.
   *
   * @return a future completed with what the procedure found
   */
  Future<ProcedureResult> run();
}
