package dev.vitals.health.alerts;

import dev.vitals.health.alerts.impl.Globs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A silence: while it lasts, the alerts of the checks it matches are not sent (they stay active, shown as silenced,
 * and their notifications are counted as suppressed); it ends by itself at {@code until}. Immutable. JSON form (as
 * {@code GET /alerts/silences} lists it, and as the silences file keeps it):
 * <pre>{@code
 * {"id": "0b9d1c9e-4b8e-4f2a-9d53-2f0f6a3c1e11",  // a random UUID
 *  "checks": ["db/*"],                  // name globs as rules' (* any run of characters, / included; ? one)
 *  "tags": ["batch"],                   // any of them; at least one of checks and tags is not empty
 *  "until": "2026-12-06T14:00:00Z",     // when it ends
 *  "reason": "migrating the primary",
 *  "createdBy": "alice",
 *  "createdAt": "2026-12-06T12:00:00Z"}
 * }</pre>
 * A silence with both {@code checks} and {@code tags} matches a check that one glob matches and that has one of
 * the tags.
 *
 * @param id        a random UUID
 * @param checks    check name globs; empty for any name
 * @param tags      tags a check needs one of; empty for any tags
 * @param until     when it ends
 * @param reason    why, for humans
 * @param createdBy who made it
 * @param createdAt when it was made
 */
public record Silence(String id, List<String> checks, List<String> tags, Instant until, String reason,
                      String createdBy, Instant createdAt) {

  /**
   * Checks the fields and copies the lists.
   *
   * @param id a random UUID
   * @param checks check name globs; empty for any name
   * @param tags tags a check needs one of; empty for any tags
   * @param until when it ends
   * @param reason why, for humans
   * @param createdBy who made it
   * @param createdAt when it was made
   * @throws NullPointerException     when a field is null
   * @throws IllegalArgumentException {@code checks: ...} when both {@code checks} and {@code tags} are empty
   */
  public Silence {
    Objects.requireNonNull(id, "id");
    checks = List.copyOf(checks);
    tags = List.copyOf(tags);
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(createdAt, "createdAt");
    if (checks.isEmpty() && tags.isEmpty()) {
      throw new IllegalArgumentException("checks: expected check name globs, tags or both, got neither");
    }
  }

  /**
   * @param name a check's name
   * @param tags the check's tags
   * @return whether the silence matches the check (whether or not it has ended)
   */
  public boolean matches(String name, Set<String> tags) {
    List<Pattern> globs = Globs.compileAll(checks);
    return Globs.anyMatches(globs, name) && Globs.anyTag(this.tags, tags);
  }

  /**
   * @param now the time
   * @return whether the silence still holds at {@code now} (it ends at {@code until}, excluded)
   */
  public boolean activeAt(Instant now) {
    return now.isBefore(until);
  }

  /** @return the JSON form described on this class */
  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("checks", new JsonArray(List.copyOf(checks)))
      .put("tags", new JsonArray(List.copyOf(tags))).put("until", until.toString()).put("reason", reason)
      .put("createdBy", createdBy).put("createdAt", createdAt.toString());
  }

  /**
   * @param json the JSON form described on this class, as {@link #toJson()} writes it
   * @return the silence
   * @throws IllegalArgumentException naming the field when one is missing or of the wrong form
   */
  public static Silence fromJson(JsonObject json) {
    try {
      return new Silence(text(json, "id"), strings(json, "checks"), strings(json, "tags"),
        instant(json, "until"), text(json, "reason"), text(json, "createdBy"), instant(json, "createdAt"));
    } catch (ClassCastException e) {
      throw new IllegalArgumentException("silence: " + e.getMessage(), e);
    }
  }

  private static String text(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (!(value instanceof String) || ((String) value).isBlank()) {
      throw new IllegalArgumentException(field + ": expected a non-empty string, got '" + value + "'");
    }
    return (String) value;
  }

  private static List<String> strings(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray) || ((JsonArray) value).stream().anyMatch(item -> !(item instanceof String))) {
      throw new IllegalArgumentException(field + ": expected an array of strings, got '" + value + "'");
    }
    return ((JsonArray) value).stream().map(String.class::cast).toList();
  }

  private static Instant instant(JsonObject json, String field) {
    String text = text(json, field);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + ": expected an ISO-8601 instant such as \"2026-12-06T14:00:00Z\","
        + " got '" + text + "'");
    }
  }
}
