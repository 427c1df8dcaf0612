package dev.vitals.health;

import dev.vitals.health.impl.Outputs;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Objects;

/**
 * A change of a check's status, of the overall outcome, or of maintenance. Immutable.
 *
 * <p>JSON form, as published on the event bus ({@link StatusEvents#ADDRESS}) and sent to webhooks:
 * <pre>{@code
 * {"kind": "check" | "overall" | "maintenance" | "flapping",
 *  "name": "db/primary",            // the check (also of "flapping"); "overall" or "maintenance" for those kinds
 *  "from": "pass",                  // null for a check's first result (published only when it is not pass)
 *  "to": "fail",                    // pass/warn/fail, ok/maintenance, or "flapping" when a check starts to flap
 *  "output": "Connection refused",  // the check's output, the maintenance reason, or the failing checks
 *  "timestamp": "2026-11-21T12:00:00Z"}
 * }</pre>
 * An output longer than {@value #MAX_OUTPUT_LENGTH} characters is cut to that length, its last character an
 * ellipsis ({@code …}): a check reporting 60 KB outputs cannot make every queued change that large.
 */
public final class StatusChange {

  /** What changed. */
  public enum Kind {
    /** One check's status. */
    CHECK,
    /** The overall outcome of all checks. */
    OVERALL,
    /** The maintenance state. */
    MAINTENANCE,
    /**
     * A check starting to flap ({@code "from": "<its status>", "to": "flapping"}) or stopping
     * ({@code "from": "flapping", "to": "<its status>"}): it replaces the check's changes in between (see
     * {@link HistoryOptions}).
     */
    FLAPPING;

    /** @return the JSON name: {@code check}, {@code overall}, {@code maintenance} */
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The longest output a change carries, in characters (UTF-16 code units): 1024. */
  public static final int MAX_OUTPUT_LENGTH = 1024;

  private final Kind kind;
  private final String name;
  private final String from;
  private final String to;
  private final String output;
  private final Instant timestamp;

  /**
   * @param kind      what changed
   * @param name      the check's name, or {@code overall} / {@code maintenance}
   * @param from      the previous status (wire name), or {@code null} when there was none
   * @param to        the new status (wire name)
   * @param output    what explains it; {@code null} reads as empty, longer than {@value #MAX_OUTPUT_LENGTH}
   *                  characters is cut
   * @param timestamp when it was observed
   */
  public StatusChange(Kind kind, String name, String from, String to, String output, Instant timestamp) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.name = Objects.requireNonNull(name, "name");
    this.from = from;
    this.to = Objects.requireNonNull(to, "to");
    this.output = Outputs.cut(output, MAX_OUTPUT_LENGTH);
    this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
  }

  /**
   * @param json the JSON form
   * @return the change it describes
   */
  public static StatusChange fromJson(JsonObject json) {
    return new StatusChange(Kind.valueOf(json.getString("kind").toUpperCase(java.util.Locale.ROOT)),
      json.getString("name"), json.getString("from"), json.getString("to"), json.getString("output"),
      Instant.parse(json.getString("timestamp")));
  }

  /** @return the JSON form described on this class */
  public JsonObject toJson() {
    return new JsonObject().put("kind", kind.wireName()).put("name", name).put("from", from).put("to", to)
      .put("output", output).put("timestamp", timestamp.toString());
  }

  /** @return what changed */
  public Kind kind() {
    return kind;
  }

  /** @return the check's name, or {@code overall} / {@code maintenance} */
  public String name() {
    return name;
  }

  /** @return the previous status, or {@code null} */
  public String from() {
    return from;
  }

  /** @return the new status */
  public String to() {
    return to;
  }

  /** @return what explains the change */
  public String output() {
    return output;
  }

  /** @return when it was observed */
  public Instant timestamp() {
    return timestamp;
  }

  /** @return whether the new status is a failure ({@code fail} or {@code maintenance}) */
  public boolean isFailure() {
    return "fail".equals(to) || "maintenance".equals(to);
  }

  @Override
  public String toString() {
    return toJson().encode();
  }
}
