package dev.vitals.health.impl;

import io.vertx.ext.healthchecks.Status;

/**
 * A vertx-health-check procedure completed with a {@code Status} marked {@code setProcedureInError(true)}: the
 * check fails, and the vertx-health-check view shows that very status ({@code "error": true}).
 */
public final class StatusInError extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient Status status;

  StatusInError(Status status) {
    super("procedure in error" + (status.getData() == null || status.getData().isEmpty() ? ""
      : ": " + status.getData().encode()), null, false, false);
    this.status = status;
  }

  /** @return the status the procedure completed with */
  public Status status() {
    return status;
  }
}
