package dev.vitals.health.alerts.channels;

import dev.vitals.health.JsonForm;
import dev.vitals.health.Scrubber;
import dev.vitals.health.alerts.channels.impl.Valid;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

/**
 * A Slack channel ({@code "type": "slack"}): each notification is POSTed to an incoming webhook
 * (https://api.slack.com/messaging/webhooks) as {@code {"text": <summary>, "blocks": [<Block Kit section>, <context>]}}. JSON form:
 * <pre>{@code
 * {"url": "https://hooks.slack.com/services/T000/B000/XXXX"}   // required, a secret
 * }</pre>
 */
@DataObject
@JsonGen(publicConverter = false)
public class SlackOptions {

  private static final JsonForm FORM = JsonForm.of("")
    .string("url").secret().required().constrain("pattern", "^[Hh][Tt][Tt][Pp][Ss]?://")
    .expecting("an absolute http:// or https:// URL")
    .describe("the incoming webhook's URL, a secret (it holds the credential): never shown, masked in errors");

  private String url;

  /** Options without a URL, to set. */
  public SlackOptions() {
  }

  /**
   * @param json the JSON form
   * @throws IllegalArgumentException naming the field when a key is unknown, {@code url} is missing or invalid
   */
  public SlackOptions(JsonObject json) {
    SlackOptionsConverter.fromJson(FORM.read(json), this);
    if (url == null) {
      throw new IllegalArgumentException("url: required field missing");
    }
  }

  /** @return the JSON Schema (draft 2020-12) of the JSON form; see {@link JsonForm#schema} */
  public static JsonObject schema() {
    return FORM.schema(new SlackOptions().toJson());
  }

  /** @return the JSON form, the URL included (see {@link #toString()} for a form safe to log) */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    SlackOptionsConverter.toJson(this, json);
    return json;
  }

  /** @return the JSON form with the URL masked */
  @Override
  public String toString() {
    return toJson().put("url", url == null ? null : Scrubber.MASK).encode();
  }

  /** @return the incoming webhook's URL */
  public String getUrl() {
    return url;
  }

  /**
   * @param url the incoming webhook's URL, absolute http:// or https://
   * @return this
   * @throws IllegalArgumentException {@code url: expected an absolute http:// or https:// URL, got '********'}
   */
  public SlackOptions setUrl(String url) {
    this.url = Valid.httpUrl("url", url, true);
    return this;
  }
}
