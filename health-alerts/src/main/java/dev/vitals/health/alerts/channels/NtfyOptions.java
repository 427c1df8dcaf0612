package dev.vitals.health.alerts.channels;

import dev.vitals.health.JsonForm;
import dev.vitals.health.Scrubber;
import dev.vitals.health.alerts.channels.impl.Valid;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

/**
 * An ntfy channel ({@code "type": "ntfy"}): each notification is POSTed to a topic (https://docs.ntfy.sh/publish/),
 * the summary as the body, with the headers {@code Title} ({@code [FIRING] db}, {@code [RESOLVED] db}),
 * {@code Priority} and {@code Tags}. JSON form:
 * <pre>{@code
 * {"url": "https://ntfy.sh/vitals-alerts-x1y2",   // required, a secret (a topic's name is its password)
 *  "token": "tk_...",                             // optional, a secret: sent as Authorization: Bearer
 *  "priority": 4}                                 // 1 (min) to 5 (max) for firing and reminders; resolved: 3
 * }</pre>
 */
@DataObject
@JsonGen(publicConverter = false)
public class NtfyOptions {

  /** Default priority of firing alerts and reminders: 4 (high). */
  public static final int DEFAULT_PRIORITY = 4;

  private static final JsonForm FORM = JsonForm.of("")
    .string("url").secret().required().constrain("pattern", "^[Hh][Tt][Tt][Pp][Ss]?://")
    .expecting("an absolute http:// or https:// URL")
    .describe("the topic's URL, such as https://ntfy.sh/mytopic; a secret (the topic's name is its password)")
    .text("token").secret().describe("an access token, sent as `Authorization: Bearer <token>`")
    .integer("priority").range(1, 5)
    .describe("ntfy's priority of firing alerts and reminders, 1 (min) to 5 (max); resolutions go at 3");

  private String url;
  private String token;
  private int priority = DEFAULT_PRIORITY;

  /** Options without a topic, to set. */
  public NtfyOptions() {
  }

  /**
   * @param json the JSON form
   * @throws IllegalArgumentException naming the field when a key is unknown, {@code url} is missing or a value is
   *                                  invalid
   */
  public NtfyOptions(JsonObject json) {
    NtfyOptionsConverter.fromJson(FORM.read(json), this);
    if (url == null) {
      throw new IllegalArgumentException("url: required field missing");
    }
  }

  /** @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema} */
  public static JsonObject schema() {
    return FORM.schema(new NtfyOptions().toJson());
  }

  /** @return the JSON form, secrets included (see {@link #toString()} for a form safe to log) */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    NtfyOptionsConverter.toJson(this, json);
    return json;
  }

  /** @return the JSON form with the URL and token masked */
  @Override
  public String toString() {
    return toJson().put("url", url == null ? null : Scrubber.MASK).put("token", token == null ? null : Scrubber.MASK)
      .encode();
  }

  /** @return the topic's URL */
  public String getUrl() {
    return url;
  }

  /**
   * @param url the topic's URL, absolute http:// or https://
   * @return this
   * @throws IllegalArgumentException {@code url: expected an absolute http:// or https:// URL, got '********'}
   */
  public NtfyOptions setUrl(String url) {
    this.url = Valid.httpUrl("url", url, true);
    return this;
  }

  /** @return the access token, or {@code null} */
  public String getToken() {
    return token;
  }

  /**
   * @param token an access token, sent as {@code Authorization: Bearer <token>}
   * @return this
   * @throws IllegalArgumentException {@code token: expected a non-empty string, got '********'}
   */
  public NtfyOptions setToken(String token) {
    this.token = Valid.text("token", token, true);
    return this;
  }

  /** @return the priority of firing alerts and reminders, 1 to 5 */
  public int getPriority() {
    return priority;
  }

  /**
   * @param priority the priority of firing alerts and reminders, 1 (min) to 5 (max)
   * @return this
   * @throws IllegalArgumentException {@code priority: expected from 1 to 5, got '6'}
   */
  public NtfyOptions setPriority(int priority) {
    this.priority = (int) Valid.range("priority", priority, 1, 5);
    return this;
  }
}
