package dev.vitals.health.web.webhook;

import dev.vitals.health.JsonForm;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One webhook of a {@link WebhookNotifier}. JSON form:
 * <pre>{@code
 * {"url": "https://hooks.example.com/T0/B0/x",            // required, http or https
 *  "headers": {"Authorization": "Bearer ..."},            // added to every POST
 *  "template": "{name} is {to}: {output}",                // optional: POST {"text": "<rendered>"} instead
 *  "retries": 3, "retryDelay": "1s",                      // retries after the first try, doubling the delay
 *  "timeout": "5s",                                       // one POST's limit
 *  "minInterval": "5m",                                  // least time between two failure notices of one check
 *  "maxQueued": 1000}                                     // changes held for delivery, all checks together
 * }</pre>
 * Template placeholders: {@code {kind}}, {@code {name}}, {@code {from}}, {@code {to}}, {@code {output}},
 * {@code {timestamp}}; a missing {@code from} (a check's first result) reads {@code none}.
 */
@DataObject
@JsonGen(publicConverter = false)
public class WebhookOptions {

  /** Default retries after the first try: 3. */
  public static final int DEFAULT_RETRIES = 3;
  /** Default delay before the first retry, doubled for each next one: 1000 ms. */
  public static final long DEFAULT_RETRY_DELAY = 1_000;
  /** Default limit of one POST: 5000 ms. */
  public static final long DEFAULT_TIMEOUT = 5_000;
  /** Default least time between two failure notices of one check: 300000 ms (5 min). */
  public static final long DEFAULT_MIN_INTERVAL = 300_000;
  /** Default most changes held for delivery (being delivered or waiting), all checks together: 1000. */
  public static final int DEFAULT_MAX_QUEUED = 1000;

  private String url;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private String template;
  private int retries = DEFAULT_RETRIES;
  private long retryDelay = DEFAULT_RETRY_DELAY;
  private long timeout = DEFAULT_TIMEOUT;
  private long minInterval = DEFAULT_MIN_INTERVAL;
  private int maxQueued = DEFAULT_MAX_QUEUED;

  /** The JSON form, read before the generated converter; it documents each key. */
  private static final JsonForm FORM = JsonForm.of("")
    .text("url").secret().required().describe("where status changes are POSTed, an http or https URL")
    .stringMap("headers").secret()
    .constrain("propertyNames", new JsonObject().put("pattern", "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
      .put("x-expected", "a header name (letters, digits and !#$%&'*+.^_`|~-)"))
    .constrain("additionalProperties", new JsonObject().put("type", "string").put("pattern", "^[^\\r\\n]*$")
      .put("x-expected", "a header value without CR or LF"))
    .describe("headers sent with every POST (names are HTTP tokens, values without CR or LF)")
    .string("template").describe("the body template: POST `{\"text\": \"<rendered>\"}` instead of the change's JSON;"
      + " placeholders `{kind}`, `{name}`, `{from}`, `{to}`, `{output}`, `{timestamp}`")
    .integer("retries").range(0, 100).describe("retries after the first try")
    .duration("retryDelay").describe("the delay before the first retry, doubled for each next one")
    .duration("timeout").describe("one POST's limit")
    .duration("minInterval")
    .describe("the least time between two failure notices of one check (recoveries are always sent)")
    .integer("maxQueued").range(1, 1_000_000).describe("changes held for a receiver that is behind, all checks together");

  /** Options without a URL, to set. */
  public WebhookOptions() {
  }

  /** @param other options to copy */
  public WebhookOptions(WebhookOptions other) {
    url = other.url;
    headers.putAll(other.headers);
    template = other.template;
    retries = other.retries;
    retryDelay = other.retryDelay;
    timeout = other.timeout;
    minInterval = other.minInterval;
    maxQueued = other.maxQueued;
  }

  /**
   * @param json the JSON form
   * @throws IllegalArgumentException naming the field when a key is unknown, the URL is missing or a value is
   *                                  invalid
   */
  public WebhookOptions(JsonObject json) {
    WebhookOptionsConverter.fromJson(FORM.read(json), this);
    if (url == null) {
      throw new IllegalArgumentException("url: required field missing");
    }
  }

  /**
   * @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema}
   */
  public static JsonObject schema() {
    return FORM.schema(new WebhookOptions().toJson());
  }

  /** @return the JSON form, header values included (see {@link #toString()} for a form safe to log) */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    WebhookOptionsConverter.toJson(this, json);
    return json;
  }

  /** @return the JSON form with header values masked, to log */
  @Override
  public String toString() {
    JsonObject masked = new JsonObject();
    headers.keySet().forEach(name -> masked.put(name, "********"));
    return toJson().put("headers", masked).encode();
  }

  /** @return the URL POSTed to */
  public String getUrl() {
    return url;
  }

  /**
   * @param url an absolute http or https URL
   * @return this
   * @throws IllegalArgumentException {@code url: ...} when it is not one
   */
  public WebhookOptions setUrl(String url) {
    try {
      URI uri = URI.create(Objects.requireNonNull(url, "url"));
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new IllegalArgumentException("not http or https");
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("url: expected an http or https URL, got '" + url + "'");
    }
    this.url = url;
    return this;
  }

  /** @return the headers added to every POST, unmodifiable */
  public Map<String, String> getHeaders() {
    return Collections.unmodifiableMap(headers);
  }

  /**
   * @param name  a header name
   * @param value its value (a token, say)
   * @return this
   */
  public WebhookOptions addHeader(String name, String value) {
    headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return this;
  }

  /** @return the chat template, or {@code null} to POST the change's JSON */
  public String getTemplate() {
    return template;
  }

  /**
   * @param template a text with placeholders; the POST body becomes {@code {"text": "<rendered>"}}
   * @return this
   */
  public WebhookOptions setTemplate(String template) {
    this.template = Objects.requireNonNull(template, "template");
    return this;
  }

  /** @return retries after the first try */
  public int getRetries() {
    return retries;
  }

  /**
   * @param retries retries after the first try, 0 to 100
   * @return this
   */
  public WebhookOptions setRetries(int retries) {
    if (retries < 0 || retries > 100) {
      throw new IllegalArgumentException("retries: expected an integer from 0 to 100, got " + retries);
    }
    this.retries = retries;
    return this;
  }

  /** @return the delay before the first retry, in ms; doubled for each next one */
  public long getRetryDelay() {
    return retryDelay;
  }

  /**
   * @param retryDelay the delay before the first retry, in ms, {@code >= 0}
   * @return this
   */
  public WebhookOptions setRetryDelay(long retryDelay) {
    if (retryDelay < 0) {
      throw new IllegalArgumentException("retryDelay: must not be negative");
    }
    this.retryDelay = retryDelay;
    return this;
  }

  /** @return one POST's limit, in ms */
  public long getTimeout() {
    return timeout;
  }

  /**
   * @param timeout one POST's limit, in ms, {@code > 0}
   * @return this
   */
  public WebhookOptions setTimeout(long timeout) {
    if (timeout <= 0) {
      throw new IllegalArgumentException("timeout: must be positive");
    }
    this.timeout = timeout;
    return this;
  }

  /** @return the least time between two failure notices of one check, in ms */
  public long getMinInterval() {
    return minInterval;
  }

  /**
   * @param minInterval the least time between two failure notices of one check, in ms, {@code >= 0};
   *                    recoveries are always sent
   * @return this
   */
  public WebhookOptions setMinInterval(long minInterval) {
    if (minInterval < 0) {
      throw new IllegalArgumentException("minInterval: must not be negative");
    }
    this.minInterval = minInterval;
    return this;
  }

  /**
   * @return the most changes held for delivery, all checks together: per check at most the one being delivered
   * and the latest one waiting (a newer change supersedes the one waiting); beyond, new changes are dropped
   */
  public int getMaxQueued() {
    return maxQueued;
  }

  /**
   * @param maxQueued the most changes held for delivery, 1 to 1000000
   * @return this
   * @throws IllegalArgumentException {@code maxQueued: expected an integer from 1 to 1000000, got <n>}
   */
  public WebhookOptions setMaxQueued(int maxQueued) {
    if (maxQueued < 1 || maxQueued > 1_000_000) {
      throw new IllegalArgumentException("maxQueued: expected an integer from 1 to 1000000, got " + maxQueued);
    }
    this.maxQueued = maxQueued;
    return this;
  }
}
