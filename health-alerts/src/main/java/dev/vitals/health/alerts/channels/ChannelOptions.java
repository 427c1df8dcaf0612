package dev.vitals.health.alerts.channels;

import dev.vitals.health.JsonForm;
import dev.vitals.health.alerts.channels.impl.ChannelTypes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Objects;

/**
 * One channel of {@code alerts.channels}: {@code {"type": "alertmanager" | "email" | "slack" | "teams" | "pagerduty"
 * | "ntfy" | "webhook", "name": "ops", <the delivery keys>, <the type's keys>}}. The name is what rules'
 * {@code channels} refer to. The delivery keys ({@code timeout}, {@code maxQueued}, {@code retries},
 * {@code retryDelay}, {@code failuresToOpen}, {@code resetTimeout}) are {@link DeliveryOptions}'; the type's keys are
 * its options class's: {@link AlertmanagerOptions}, {@link EmailOptions}, {@link ChatWebhookOptions},
 * {@link PagerDutyOptions}, {@link NtfyOptions}, {@link WebhookChannelOptions}. For example:
 * <pre>{@code
 * {"type": "alertmanager", "name": "am", "url": "http://127.0.0.1:9093"}
 * {"type": "email", "name": "ops-mail", "host": "smtp.example.com", "port": 587, "starttls": "required",
 *  "from": "vitals@example.com", "to": ["ops@example.com"], "username": "vitals", "password": "...", "retries": 5}
 * }</pre>
 * The whole entry is validated when it is read, so an entry read through a {@link JsonForm}'s {@code objects}
 * fails as {@code channels[2].url: expected an absolute http:// or https:// URL, got '********'}.
 */
public class ChannelOptions {

  private final String type;
  private final String name;
  private final JsonObject entry;
  private final JsonObject settings;
  private final DeliveryOptions delivery;
  private final Object typeOptions;

  /**
   * @param json the entry
   * @throws IllegalArgumentException {@code type: ...} or {@code name: ...} when missing or not a non-empty string,
   *                                  {@code type: expected one of alertmanager, email, slack, teams, pagerduty, ntfy
   *                                  or webhook, got '...'}, or the message of the delivery or type's options
   *                                  naming the key ({@code url: required field missing})
   */
  public ChannelOptions(JsonObject json) {
    type = text(json, "type");
    name = text(json, "name");
    ChannelTypes.Type known = ChannelTypes.get(type);
    if (known == null) {
      throw new IllegalArgumentException("type: expected " + oneOf() + ", got '" + type + "'");
    }
    entry = json.copy();
    settings = json.copy();
    settings.remove("type");
    settings.remove("name");
    delivery = new DeliveryOptions(settings);
    DeliveryOptions.FORM.schema(new JsonObject()).getJsonObject("properties").fieldNames().forEach(settings::remove);
    typeOptions = read(known, settings);
  }

  /** Reads the type's keys; an unknown key's message lists every key the entry may have, not the type's only. */
  private static Object read(ChannelTypes.Type known, JsonObject settings) {
    try {
      return known.reader().apply(settings);
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      int unknown = message == null ? -1 : message.indexOf(": unknown field, expected one of ");
      if (unknown < 0) {
        throw e;
      }
      java.util.List<String> keys = new java.util.ArrayList<>(java.util.List.of("type", "name"));
      keys.addAll(DeliveryOptions.FORM.schema(new JsonObject()).getJsonObject("properties").fieldNames());
      keys.addAll(known.schema().get().getJsonObject("properties").fieldNames());
      throw new IllegalArgumentException(message.substring(0, unknown) + ": unknown field, expected one of "
        + String.join(", ", keys), e);
    }
  }

  private static String oneOf() {
    java.util.List<String> names = ChannelTypes.names();
    return "one of " + String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
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

  /** @return a copy of the type's own keys (the entry without {@code type}, {@code name} and the delivery keys) */
  public JsonObject getSettings() {
    return settings.copy();
  }

  /** @return a copy of the delivery options: the entry's delivery keys, the defaults for the others */
  public DeliveryOptions getDelivery() {
    return new DeliveryOptions(delivery);
  }

  /** @return the type's options as read from {@link #getSettings()}, such as an {@link EmailOptions} */
  Object typeOptions() {
    return typeOptions;
  }

  /** @return the JSON form: the entry as it was given (secrets included) */
  public JsonObject toJson() {
    return entry.copy();
  }

  /** @return {@code <type> channel '<name>'}: never the settings, which hold secrets */
  @Override
  public String toString() {
    return type + " channel '" + name + "'";
  }

  /**
   * @return the JSON Schema (draft 2020-12) of an entry: {@code type} (one of the types), {@code name} and the
   * delivery keys for every type, and, as {@code allOf} of {@code if}/{@code then} branches on {@code type}, each
   * type's keys (described, secrets {@code writeOnly}, required ones listed) and {@code propertyNames} naming every
   * key an entry of that type may have. Shared shapes are references to {@code #/$defs/<name>}: include
   * {@link JsonForm#definitions()} under {@code $defs} in the document that holds it
   */
  public static JsonObject schema() {
    JsonObject common = new JsonObject()
      .put("type", new JsonObject().put("enum", new JsonArray(ChannelTypes.names()))
        .put("description", "the channel's type, one of the types below"))
      .put("name", new JsonObject().put("$ref", "#/$defs/text")
        .put("description", "the channel's name, as rules' `channels` name it; unique"));
    DeliveryOptions.schema().getJsonObject("properties").forEach(e -> common.put(e.getKey(), e.getValue()));
    JsonArray branches = new JsonArray();
    for (String typeName : ChannelTypes.names()) {
      ChannelTypes.Type known = ChannelTypes.get(typeName);
      JsonObject fragment = known.schema().get();
      JsonArray keys = new JsonArray();
      common.fieldNames().forEach(keys::add);
      JsonObject properties = fragment.getJsonObject("properties", new JsonObject());
      properties.fieldNames().forEach(keys::add);
      JsonObject then = new JsonObject().put("description", known.description()).put("properties", properties);
      if (fragment.containsKey("required")) {
        then.put("required", fragment.getJsonArray("required"));
      }
      then.put("propertyNames", new JsonObject().put("enum", keys));
      branches.add(new JsonObject()
        .put("if", new JsonObject().put("properties", new JsonObject().put("type", new JsonObject()
          .put("const", typeName))).put("required", new JsonArray().add("type")))
        .put("then", then));
    }
    return new JsonObject().put("type", "object").put("properties", common)
      .put("required", new JsonArray().add("type").add("name")).put("allOf", branches)
      .put("description", "a channel alerts are delivered through: its type, name, delivery and the type's keys");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChannelOptions other && entry.equals(other.entry);
  }

  @Override
  public int hashCode() {
    return Objects.hash(entry);
  }
}
