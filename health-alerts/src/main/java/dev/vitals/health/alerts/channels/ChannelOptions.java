package dev.vitals.health.alerts.channels;

import io.vertx.core.json.JsonObject;

import java.util.Objects;

/**
 * One channel of {@code alerts.channels}: {@code {"type": "alertmanager" | "email" | "slack" | "teams" | "pagerduty"
 * | "ntfy" | "webhook", "name": "ops", <the type's keys>}}. The name is what rules' {@code channels} refer to.
 */
public class ChannelOptions {

  private final String type;
  private final String name;
  private final JsonObject settings;

  /**
   * @param json the entry
   * @throws IllegalArgumentException {@code type: ...} or {@code name: ...} when missing or not a non-empty string
   */
  public ChannelOptions(JsonObject json) {
    type = text(json, "type");
    name = text(json, "name");
    settings = json.copy();
    settings.remove("type");
    settings.remove("name");
  }

  private static String text(JsonObject json, String key) {
    Object value = json.getValue(key);
    if (!(value instanceof String) || ((String) value).isBlank()) {
      throw new IllegalArgumentException(key + ": expected a non-empty string, got '" + value + "'");
    }
    return (String) value;
  }

  /** @return the channel's type */
  public String getType() {
    return type;
  }

  /** @return the channel's name */
  public String getName() {
    return name;
  }

  /** @return a copy of the type's own keys */
  public JsonObject getSettings() {
    return settings.copy();
  }

  /** @return the JSON form: the entry */
  public JsonObject toJson() {
    return settings.copy().put("type", type).put("name", name);
  }

  /** @return the JSON Schema of an entry, every type's keys */
  public static JsonObject schema() {
    return new JsonObject().put("type", "object").put("required", new io.vertx.core.json.JsonArray().add("type").add("name"));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChannelOptions other && toJson().equals(other.toJson());
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, name, settings);
  }
}
