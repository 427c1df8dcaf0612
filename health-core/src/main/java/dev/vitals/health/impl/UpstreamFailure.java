package dev.vitals.health.impl;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * vertx-health-check's {@code io.vertx.ext.healthchecks.impl.ProcedureException}, the failure its
 * {@code CheckResult.getFailure()} gives for a procedure that threw or timed out. Its package is exported to
 * vertx-health-check's own tests only, so it is reached reflectively: on the class path it always is; on the
 * module path, where it cannot be (unless {@code --add-exports
 * io.vertx.healthcheck/io.vertx.ext.healthchecks.impl=dev.vitals.health} opens it to this module), callers fall back
 * to a status carrying the same JSON.
 */
public final class UpstreamFailure {

  private static final MethodHandle CONSTRUCTOR = constructor();

  private UpstreamFailure() {
  }

  private static MethodHandle constructor() {
    try {
      Class<?> type = Class.forName("io.vertx.ext.healthchecks.impl.ProcedureException");
      return MethodHandles.lookup().findConstructor(type, MethodType.methodType(void.class, String.class));
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null;
    }
  }

  /**
   * @param message the failure's message ({@code "Timeout"} for a timeout, as vertx-health-check)
   * @return a new {@code ProcedureException}, or {@code null} when it cannot be reached
   */
  public static Throwable procedureException(String message) {
    if (CONSTRUCTOR == null) {
      return null;
    }
    try {
      return (Throwable) CONSTRUCTOR.invoke(message);
    } catch (Throwable e) {
      return null;
    }
  }
}
