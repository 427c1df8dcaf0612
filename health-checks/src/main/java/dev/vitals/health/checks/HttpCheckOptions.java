package dev.vitals.health.checks;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.checks.impl.Limits;
import dev.vitals.health.impl.JsonForm;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * What an {@link HttpCheck} requests and accepts. JSON form: {@code {"url": "https://api.internal/ping",
 * "expectedStatus": 204, "timeout": "2s"}}; keys it does not know are left to the check's {@code CheckOptions}
 * (the standalone config's {@code timeout} is both).
 */
@DataObject
@JsonGen(publicConverter = false)
public class HttpCheckOptions {

  private static final JsonForm FORM = JsonForm.of("").open().string("url").integer("expectedStatus")
    .duration("timeout");

  private String url;
  private int expectedStatus;
  private long timeout = CheckOptions.DEFAULT_TIMEOUT;

  /** Options without a URL, to set. */
  public HttpCheckOptions() {
  }

  /** @param other options to copy */
  public HttpCheckOptions(HttpCheckOptions other) {
    url = other.url;
    expectedStatus = other.expectedStatus;
    timeout = other.timeout;
  }

  /**
   * @param json the JSON form
   * @throws IllegalArgumentException naming the field when a value is invalid or {@code url} is missing
   */
  public HttpCheckOptions(JsonObject json) {
    HttpCheckOptionsConverter.fromJson(FORM.read(json), this);
    if (url == null) {
      throw new IllegalArgumentException("url: required field missing");
    }
  }

  /** @return the JSON form, the URL as given (credentials included) */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    HttpCheckOptionsConverter.toJson(this, json);
    return json;
  }

  /** @return the URL requested with {@code GET} */
  public String getUrl() {
    return url;
  }

  /**
   * @param url an absolute {@code http://} or {@code https://} URL; user information in it
   *            ({@code http://user:password@host/}) is sent as basic authentication and never shown
   * @return this
   * @throws IllegalArgumentException {@code url: invalid URL '<url>': <reason>} or {@code url: expected an absolute
   *                                  http:// or https:// URL, got '<url>'}
   */
  public HttpCheckOptions setUrl(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("url: invalid URL '" + url + "': " + e.getReason());
    }
    if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
      || uri.getHost() == null) {
      throw new IllegalArgumentException("url: expected an absolute http:// or https:// URL, got '" + url + "'");
    }
    this.url = url;
    return this;
  }

  /** @return the one status code that passes, or 0 for any 2xx (the default) */
  public int getExpectedStatus() {
    return expectedStatus;
  }

  /**
   * @param expectedStatus the one status code that passes, from 100 to 599, or 0 for any 2xx
   * @return this
   * @throws IllegalArgumentException when out of range
   */
  public HttpCheckOptions setExpectedStatus(int expectedStatus) {
    if (expectedStatus != 0 && (expectedStatus < 100 || expectedStatus > 599)) {
      throw new IllegalArgumentException("expectedStatus: expected an integer from 100 to 599, got " + expectedStatus);
    }
    this.expectedStatus = expectedStatus;
    return this;
  }

  /** @return the deadline of one exchange (connect, request, status line, body), in ms; default 2000 */
  public long getTimeout() {
    return timeout;
  }

  /**
   * @param timeout the deadline of one exchange in ms, {@code > 0}; at the deadline the connection is closed, so a
   *                hung or endlessly streaming upstream never pins a pooled connection
   * @return this
   * @throws IllegalArgumentException when not positive
   */
  public HttpCheckOptions setTimeout(long timeout) {
    this.timeout = Limits.positive(timeout, "timeout");
    return this;
  }
}
