package dev.vitals.health;

/**
 * A check procedure that may block (JDBC, file system, legacy clients). The registry runs it on its own
 * worker pool ({@link CheckRegistryOptions#getBlockingPoolSize()} threads), never on an event loop.
 *
 * <p>A blocking check that overruns its timeout is reported failed at the timeout and its thread is interrupted
 * (JDBC, {@code Thread.sleep}, NIO channels and {@code java.util.concurrent} waits give up on it); its late result
 * is ignored. Until the procedure really returns its worker stays busy: when every worker is held that way, a
 * run fails at once with the output {@code no worker free} rather than waiting behind them.
 */
@FunctionalInterface
public interface BlockingCheck {

  /**
   * Runs the procedure once, on a worker thread.
   *
   * @return what the procedure found; {@code null} is recorded as a failure
   * @throws Exception any exception is recorded as a failure whose output is its message
   */
  ProcedureResult run() throws Exception;
}
