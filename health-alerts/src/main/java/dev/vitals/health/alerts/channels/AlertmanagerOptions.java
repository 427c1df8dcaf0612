package dev.vitals.health.alerts.channels;

import dev.vitals.health.JsonForm;
import dev.vitals.health.alerts.channels.impl.Valid;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

/**
 * A Prometheus Alertmanager channel ({@code "type": "alertmanager"}): alerts are POSTed to its API v2,
 * {@code POST <url>/api/v2/alerts}, as the Alertmanager documents for clients
 * (https://prometheus.io/docs/alerting/latest/clients/): firing alerts are sent again every {@code resendInterval}
 * until they resolve, since Alertmanager resolves an alert it has not heard of for its {@code resolve_timeout}.
 * JSON form:
 * <pre>{@code
 * {"url": "http://127.0.0.1:9093",                 // required: the Alertmanager; user:password@ is basic auth
 *  "resendInterval": "1m",                         // firing alerts are sent again so often
 *  "generatorUrl": "http://vitals.internal:8080/health"}   // optional: each alert's generatorURL
 * }</pre>
 */
@DataObject
@JsonGen(publicConverter = false)
public class AlertmanagerOptions {

  /** Default {@code resendInterval}: 60000 ms. */
  public static final long DEFAULT_RESEND_INTERVAL = 60_000;

  private static final JsonForm FORM = JsonForm.of("")
    .string("url").required().constrain("pattern", "^[Hh][Tt][Tt][Pp][Ss]?://")
    .expecting("an absolute http:// or https:// URL")
    .describe("the Alertmanager's base URL, such as http://127.0.0.1:9093 (alerts go to `<url>/api/v2/alerts`); "
      + "user:password@ in it is sent as basic auth and masked in errors")
    .duration("resendInterval").describe("firing alerts are POSTed again so often, until they resolve, as "
      + "Alertmanager expects of its clients")
    .string("generatorUrl").constrain("pattern", "^[Hh][Tt][Tt][Pp][Ss]?://")
    .expecting("an absolute http:// or https:// URL").describe("each alert's `generatorURL`, such as the dashboard");

  private String url;
  private long resendInterval = DEFAULT_RESEND_INTERVAL;
  private String generatorUrl;

  /** Options without a URL, to set. */
  public AlertmanagerOptions() {
  }

  /**
   * @param json the JSON form
   * @throws IllegalArgumentException naming the field when a key is unknown, {@code url} is missing or a value is
   *                                  invalid
   */
  public AlertmanagerOptions(JsonObject json) {
    AlertmanagerOptionsConverter.fromJson(FORM.read(json), this);
    if (url == null) {
      throw new IllegalArgumentException("url: required field missing");
    }
  }

  /** @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema} */
  public static JsonObject schema() {
    return FORM.schema(new AlertmanagerOptions().toJson());
  }

  /** @return the JSON form */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    AlertmanagerOptionsConverter.toJson(this, json);
    return json;
  }

  /** @return the Alertmanager's base URL */
  public String getUrl() {
    return url;
  }

  /**
   * @param url the Alertmanager's base URL, absolute http:// or https://; a path in it is kept before
   *            {@code /api/v2/alerts}
   * @return this
   * @throws IllegalArgumentException {@code url: expected an absolute http:// or https:// URL, got '...'}
   */
  public AlertmanagerOptions setUrl(String url) {
    this.url = Valid.httpUrl("url", url, false);
    return this;
  }

  /** @return how often firing alerts are sent again, in ms */
  public long getResendInterval() {
    return resendInterval;
  }

  /**
   * @param resendInterval how often firing alerts are sent again, in ms, at least 1000
   * @return this
   * @throws IllegalArgumentException {@code resendInterval: expected at least 1000, got '10'}
   */
  public AlertmanagerOptions setResendInterval(long resendInterval) {
    this.resendInterval = Valid.range("resendInterval", resendInterval, 1000, Long.MAX_VALUE);
    return this;
  }

  /** @return each alert's {@code generatorURL}, or {@code null} for none */
  public String getGeneratorUrl() {
    return generatorUrl;
  }

  /**
   * @param generatorUrl each alert's {@code generatorURL}, absolute http:// or https://
   * @return this
   * @throws IllegalArgumentException {@code generatorUrl: expected an absolute http:// or https:// URL, got '...'}
   */
  public AlertmanagerOptions setGeneratorUrl(String generatorUrl) {
    this.generatorUrl = Valid.httpUrl("generatorUrl", generatorUrl, false);
    return this;
  }
}
