package dev.vitals.health.alerts.channels;

import dev.vitals.health.JsonForm;
import dev.vitals.health.Scrubber;
import dev.vitals.health.alerts.channels.impl.Valid;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

/**
 * A chat channel whose whole configuration is one secret webhook URL: {@code "type": "slack"}, each notification
 * POSTed to an incoming webhook (https://api.slack.com/messaging/webhooks) as {@code {"text": <summary>, "blocks":
 * [<Block Kit section>, <context>]}}, and {@code "type": "teams"}, POSTed to a Microsoft Teams Workflows webhook
 * ("Post to a channel when a webhook request is received") as a message with one Adaptive Card 1.4
 * (https://adaptivecards.io/schemas/adaptive-card.json). JSON form:
 * <pre>{@code
 * {"url": "https://hooks.slack.com/services/T000/B000/XXXX"}   // required, a secret
 * }</pre>
 */
@DataObject
@JsonGen(publicConverter = false)
public class ChatWebhookOptions {

  private static final JsonForm FORM = JsonForm.of("")
    .string("url").secret().required().constrain("pattern", "^[Hh][Tt][Tt][Pp][Ss]?://")
    .expecting("an absolute http:// or https:// URL")
    .describe("the webhook's URL (Slack: an incoming webhook; Teams: a Workflows webhook), a secret (it holds the"
      + " credential): never shown, masked in errors");

  private String url;

  /** Options without a URL, to set. */
  public ChatWebhookOptions() {
  }

  /**
   * @param json the JSON form
   * @throws IllegalArgumentException naming the field when a key is unknown, {@code url} is missing or invalid
   */
  public ChatWebhookOptions(JsonObject json) {
    ChatWebhookOptionsConverter.fromJson(FORM.read(json), this);
    if (url == null) {
      throw new IllegalArgumentException("url: required field missing");
    }
  }

  /** @return the JSON Schema (draft 2020-12) of the JSON form; see {@link JsonForm#schema} */
  public static JsonObject schema() {
    return FORM.schema(new ChatWebhookOptions().toJson());
  }

  /** @return the JSON form, the URL included (see {@link #toString()} for a form safe to log) */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    ChatWebhookOptionsConverter.toJson(this, json);
    return json;
  }

  /** @return the JSON form with the URL masked */
  @Override
  public String toString() {
    return toJson().put("url", url == null ? null : Scrubber.MASK).encode();
  }

  /** @return the webhook's URL */
  public String getUrl() {
    return url;
  }

  /**
   * @param url the webhook's URL, absolute http:// or https://
   * @return this
   * @throws IllegalArgumentException {@code url: expected an absolute http:// or https:// URL, got '********'}
   */
  public ChatWebhookOptions setUrl(String url) {
    this.url = Valid.httpUrl("url", url, true);
    return this;
  }
}
