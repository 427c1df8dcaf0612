package dev.vitals.health.alerts.channels;

import dev.vitals.health.JsonForm;
import dev.vitals.health.Scrubber;
import dev.vitals.health.alerts.channels.impl.Template;
import dev.vitals.health.alerts.channels.impl.Valid;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A webhook channel ({@code "type": "webhook"}): each notification is POSTed to a URL, as the
 * {@link dev.vitals.health.alerts.Notification}'s JSON form, or as a Mustache template (https://mustache.github.io/,
 * rendered by mustache.java) over that JSON form. JSON form:
 * <pre>{@code
 * {"url": "https://hooks.example.com/alerts",                // required, a secret
 *  "headers": {"Authorization": "Bearer ..."},               // optional, secrets: added to every POST
 *  "template": "{\"text\": \"{{summary}} since {{alert.since}}\"}",   // optional
 *  "contentType": "application/json"}                        // the default: the body's Content-Type
 * }</pre>
 * A template sees the notification's JSON form only: {@code {{kind}}}, {@code {{summary}}}, {@code {{timestamp}}},
 * {@code {{alert.check}}}, {@code {{alert.labels.instance}}}, {@code {{#alert.blocks}}{{.}} {{/alert.blocks}}}, ...
 * Nothing else is reachable: no method is called on any value, and partials ({@code {{> name}}}) are refused when
 * the template is read. {@code {{x}}} is escaped for the content type (as a JSON string's content for a JSON type,
 * as HTML for {@code text/html}, not at all otherwise); {@code {{{x}}}} is never escaped.
 */
@DataObject
@JsonGen(publicConverter = false)
public class WebhookChannelOptions {

  /** Default {@code contentType}: {@code application/json}. */
  public static final String DEFAULT_CONTENT_TYPE = "application/json";

  private static final JsonForm FORM = JsonForm.of("")
    .string("url").secret().required().constrain("pattern", "^[Hh][Tt][Tt][Pp][Ss]?://")
    .expecting("an absolute http:// or https:// URL").describe("where notifications are POSTed; a secret")
    .stringMap("headers").secret()
    .constrain("propertyNames", new JsonObject().put("pattern", "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
      .put("x-expected", "a header name (letters, digits and !#$%&'*+.^_`|~-)"))
    .constrain("additionalProperties", new JsonObject().put("type", "string").put("pattern", "^[^\\r\\n]*$")
      .put("x-expected", "a header value without CR or LF"))
    .describe("headers sent with every POST, secrets (names are HTTP tokens, values without CR or LF)")
    .string("template").describe("a Mustache template of the body over the notification's JSON form (`{{summary}}`, "
      + "`{{alert.check}}`, ...), `{{x}}` escaped for the content type; without one, the body is that JSON form")
    .text("contentType").describe("the body's Content-Type");

  private String url;
  private Map<String, String> headers = new LinkedHashMap<>();
  private String template;
  private String contentType = DEFAULT_CONTENT_TYPE;

  /** Options without a URL, to set. */
  public WebhookChannelOptions() {
  }

  /**
   * @param json the JSON form
   * @throws IllegalArgumentException naming the field when a key is unknown, {@code url} is missing or a value is
   *                                  invalid (a template that does not compile: {@code template: ...})
   */
  public WebhookChannelOptions(JsonObject json) {
    WebhookChannelOptionsConverter.fromJson(FORM.read(json), this);
    if (url == null) {
      throw new IllegalArgumentException("url: required field missing");
    }
  }

  /** @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema} */
  public static JsonObject schema() {
    return FORM.schema(new WebhookChannelOptions().toJson());
  }

  /** @return the JSON form, secrets included (see {@link #toString()} for a form safe to log) */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    WebhookChannelOptionsConverter.toJson(this, json);
    return json;
  }

  /** @return the JSON form with the URL and header values masked */
  @Override
  public String toString() {
    JsonObject masked = new JsonObject();
    headers.keySet().forEach(name -> masked.put(name, Scrubber.MASK));
    return toJson().put("url", url == null ? null : Scrubber.MASK).put("headers", masked).encode();
  }

  /** @return where notifications are POSTed */
  public String getUrl() {
    return url;
  }

  /**
   * @param url an absolute http:// or https:// URL
   * @return this
   * @throws IllegalArgumentException {@code url: expected an absolute http:// or https:// URL, got '********'}
   */
  public WebhookChannelOptions setUrl(String url) {
    this.url = Valid.httpUrl("url", url, true);
    return this;
  }

  /** @return the headers added to every POST, unmodifiable */
  public Map<String, String> getHeaders() {
    return java.util.Collections.unmodifiableMap(headers);
  }

  /**
   * @param headers headers added to every POST: names HTTP tokens, values without CR or LF
   * @return this
   * @throws IllegalArgumentException {@code headers.<name>: expected a header value without CR or LF, got '********'}
   *                                  or {@code headers: expected a header name ..., got '<name>'}
   */
  public WebhookChannelOptions setHeaders(Map<String, String> headers) {
    Map<String, String> copy = new LinkedHashMap<>();
    Objects.requireNonNull(headers, "headers").forEach((name, value) -> {
      if (name == null || !name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
        throw Valid.expected("headers", "a header name (letters, digits and !#$%&'*+.^_`|~-)", name);
      }
      if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
        throw Valid.expected("headers." + name, "a header value without CR or LF", Scrubber.MASK);
      }
      copy.put(name, value);
    });
    this.headers = copy;
    return this;
  }

  /** @return the Mustache template of the body, or {@code null} to POST the notification's JSON form */
  public String getTemplate() {
    return template;
  }

  /**
   * @param template a Mustache template over the notification's JSON form
   * @return this
   * @throws IllegalArgumentException {@code template: <why it does not compile>} (a partial, an unclosed section)
   */
  public WebhookChannelOptions setTemplate(String template) {
    Template.compile("template", Objects.requireNonNull(template, "template"), contentType);
    this.template = template;
    return this;
  }

  /** @return the body's Content-Type */
  public String getContentType() {
    return contentType;
  }

  /**
   * @param contentType the body's Content-Type, which also chooses how {@code {{x}}} is escaped
   * @return this
   * @throws IllegalArgumentException {@code contentType: expected a non-empty string without CR or LF, got ''}
   */
  public WebhookChannelOptions setContentType(String contentType) {
    if (contentType == null || contentType.isBlank() || contentType.indexOf('\r') >= 0
      || contentType.indexOf('\n') >= 0) {
      throw Valid.expected("contentType", "a non-empty string without CR or LF", contentType);
    }
    this.contentType = contentType;
    return this;
  }
}
