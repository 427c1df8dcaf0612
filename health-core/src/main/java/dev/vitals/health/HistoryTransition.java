package dev.vitals.health;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Objects;

/**
 * A change of one check's status on one instance, as a {@link HistoryStore} keeps it.
 *
 * <p>JSON form ({@link #toJson()}): {@code {"instance": "vm-1", "check": "db", "from": "pass", "to": "fail",
 * "at": "2026-11-21T12:45:00Z", "output": "connection refused"}} ({@code from} is {@code null} for the first
 * result).
 *
 * @param instance the instance that recorded it
 * @param check    the check's name
 * @param from     the status before, {@code null} for the check's first result
 * @param to       the status after
 * @param at       when the run that changed it completed
 * @param output   that run's output, cut to {@value HistoryOptions#MAX_OUTPUT_LENGTH} characters
 */
public record HistoryTransition(String instance, String check, HealthStatus from, HealthStatus to, Instant at,
                                String output) {

  /**
   * @param instance the instance that recorded it
   * @param check    the check's name
   * @param from     the status before, {@code null} for the first result
   * @param to       the status after
   * @param at       when
   * @param output   the run's output; {@code null} is kept as an empty one
   * @throws NullPointerException when instance, check, to or at is null
   */
  public HistoryTransition {
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(at, "at");
    output = output == null ? "" : output;
  }

  /** @return the JSON form described on this record */
  public JsonObject toJson() {
    return new JsonObject().put("instance", instance).put("check", check)
      .put("from", from == null ? null : from.wireName()).put("to", to.wireName()).put("at", at.toString())
      .put("output", output);
  }
}
