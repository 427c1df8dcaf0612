package dev.vitals.health.alerts.channels.impl;

import dev.vitals.health.alerts.channels.AlertmanagerOptions;
import dev.vitals.health.alerts.channels.EmailOptions;
import dev.vitals.health.alerts.channels.NtfyOptions;
import dev.vitals.health.alerts.channels.PagerDutyOptions;
import dev.vitals.health.alerts.channels.ChatWebhookOptions;
import dev.vitals.health.alerts.channels.WebhookChannelOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** The channel types: each one's options (read from an entry's own keys), schema, description and client. */
public final class ChannelTypes {

  /**
   * One type.
   *
   * @param name        the config's {@code type}
   * @param description what the type delivers to, for the schema
   * @param reader      its options' JSON constructor
   * @param schema      its options' schema
   * @param factory     its client, from its options
   */
  public record Type(String name, String description, Function<JsonObject, Object> reader,
                     Supplier<JsonObject> schema, Factory factory) {
  }

  /** Builds a channel's client. */
  @FunctionalInterface
  public interface Factory {
    /**
     * @param vertx   the Vert.x instance
     * @param name    the channel's name
     * @param timeout one delivery's limit, in ms
     * @param options the type's options, as its reader returned them
     * @return the client
     */
    AlertChannel create(Vertx vertx, String name, long timeout, Object options);
  }

  private static final Map<String, Type> TYPES = new LinkedHashMap<>();

  static {
    add(new Type("alertmanager", "a Prometheus Alertmanager, API v2: firing alerts are re-sent every "
      + "`resendInterval` until they resolve", AlertmanagerOptions::new, AlertmanagerOptions::schema,
      (vertx, name, timeout, o) -> new AlertmanagerChannel(vertx, name, timeout, (AlertmanagerOptions) o)));
    add(new Type("email", "e-mail over SMTP: subject `[FIRING] db fails`, a plain-text body",
      EmailOptions::new, EmailOptions::schema,
      (vertx, name, timeout, o) -> new EmailChannel(vertx, name, timeout, (EmailOptions) o)));
    add(new Type("slack", "a Slack incoming webhook, Block Kit", ChatWebhookOptions::new, ChatWebhookOptions::schema,
      (vertx, name, timeout, o) -> new SlackChannel(vertx, name, timeout, ((ChatWebhookOptions) o).getUrl())));
    add(new Type("teams", "a Microsoft Teams workflow webhook, an Adaptive Card 1.4", ChatWebhookOptions::new,
      ChatWebhookOptions::schema,
      (vertx, name, timeout, o) -> new TeamsChannel(vertx, name, timeout, ((ChatWebhookOptions) o).getUrl())));
    add(new Type("pagerduty", "PagerDuty Events API v2: trigger and resolve with a stable dedup_key",
      PagerDutyOptions::new, PagerDutyOptions::schema,
      (vertx, name, timeout, o) -> new PagerDutyChannel(vertx, name, timeout, (PagerDutyOptions) o)));
    add(new Type("ntfy", "an ntfy topic: the summary as the message, with Title, Priority and Tags",
      NtfyOptions::new, NtfyOptions::schema,
      (vertx, name, timeout, o) -> new NtfyChannel(vertx, name, timeout, (NtfyOptions) o)));
    add(new Type("webhook", "any URL: the notification's JSON form, or a Mustache template over it",
      WebhookChannelOptions::new, WebhookChannelOptions::schema,
      (vertx, name, timeout, o) -> new WebhookChannel(vertx, name, timeout, (WebhookChannelOptions) o)));
  }

  private ChannelTypes() {
  }

  private static void add(Type type) {
    TYPES.put(type.name(), type);
  }

  /** @return the types' names, in the order the schema lists them */
  public static List<String> names() {
    return List.copyOf(TYPES.keySet());
  }

  /** @return the type of that name, or {@code null} */
  public static Type get(String name) {
    return TYPES.get(name);
  }
}
