package dev.vitals.health;

import io.vertx.core.json.JsonObject;

import java.util.Objects;

/**
 * What one run of a check procedure found: a {@link HealthStatus}, an {@code output} message for humans and
 * optional {@code data} for machines. Immutable.
 *
 * <p>The shape follows py-healthcheck, where a checker returns {@code (passed, output)}; {@code data} is the
 * equivalent of vertx-health-check's {@code Status} data.
 */
public final class ProcedureResult {

  private static final ProcedureResult PASS = new ProcedureResult(HealthStatus.PASS, "", null);

  private final HealthStatus status;
  private final String output;
  private final JsonObject data;

  private ProcedureResult(HealthStatus status, String output, JsonObject data) {
    this.status = Objects.requireNonNull(status, "status");
    this.output = output == null ? "" : output;
    this.data = data;
  }

  /** @return a passing result with an empty output */
  public static ProcedureResult pass() {
    return PASS;
  }

  /**
   * @param output a message for humans, {@code null} meaning empty
   * @return a passing result
   */
  public static ProcedureResult pass(String output) {
    return new ProcedureResult(HealthStatus.PASS, output, null);
  }

  /**
   * A result that passes with a concern (the overall status becomes {@code warn}, still a 2xx answer).
   *
   * @param output what the concern is, {@code null} meaning empty
   * @return a warning result
   */
  public static ProcedureResult warn(String output) {
    return new ProcedureResult(HealthStatus.WARN, output, null);
  }

  /**
   * @param output why the check failed, {@code null} meaning empty
   * @return a failing result
   */
  public static ProcedureResult fail(String output) {
    return new ProcedureResult(HealthStatus.FAIL, output, null);
  }

  /**
   * @param failure why the check failed (a connection error, say)
   * @return a failing result whose output is {@link #describe(Throwable)} of the failure
   */
  public static ProcedureResult fail(Throwable failure) {
    return fail(describe(failure));
  }

  /**
   * The output Vitals shows for an exception: its message, or its simple class name when it has none. Never a
   * stack trace.
   *
   * @param failure an exception
   * @return the text to show
   */
  public static String describe(Throwable failure) {
    String message = failure.getMessage();
    return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
  }

  /**
   * @param status the status, not null
   * @param output the message, {@code null} meaning empty
   * @param data machine-readable details, may be null
   * @return a result
   */
  public static ProcedureResult of(HealthStatus status, String output, JsonObject data) {
    return new ProcedureResult(status, output, data);
  }

  /**
   * @param data machine-readable details (copied into the health body as {@code data}), may be null
   * @return a copy of this result carrying {@code data}
   */
  public ProcedureResult withData(JsonObject data) {
    return new ProcedureResult(status, output, data);
  }

  /** @return the status, never null */
  public HealthStatus status() {
    return status;
  }

  /** @return {@code true} unless the status is {@link HealthStatus#FAIL} */
  public boolean passed() {
    return status != HealthStatus.FAIL;
  }

  /** @return the message for humans, never null (empty when none was given) */
  public String output() {
    return output;
  }

  /** @return the machine-readable details, or {@code null} */
  public JsonObject data() {
    return data;
  }

  @Override
  public String toString() {
    return status.wireName() + (output.isEmpty() ? "" : ": " + output);
  }
}
