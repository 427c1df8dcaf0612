package dev.vitals.health.checks;

import dev.vitals.health.JsonForm;
import dev.vitals.health.checks.impl.Limits;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.pointer.JsonPointer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What an {@link HttpCheck} requests and accepts. JSON form:
 * <pre>{@code
 * {"url": "https://api.internal/health",
 *  "expectedStatus": 204,               // or "acceptedStatus": [200, 204, 401]; default: any 2xx
 *  "bodyContains": "UP",                // the body must contain it
 *  "jsonPointer": "/status", "jsonValue": "UP",  // the body's JSON value there (a string as is, else as JSON)
 *  "maxLatency": "500ms",               // above it the result is warn; 0 (default): never
 *  "followRedirects": false,            // the default: a 301 is a 301
 *  "trustAll": false, "caPath": "/etc/ssl/internal-ca.pem",  // TLS trust (default: the JVM's)
 *  "maxBodySize": "1MB"}                // the most of a body bodyContains or jsonPointer reads
 * }</pre>
 * Keys it does not know are left to the check's {@code CheckOptions}, whose {@code timeout} is the deadline of one
 * exchange.
 */
@DataObject
@JsonGen(publicConverter = false)
public class HttpCheckOptions {

  /** Default {@code maxBodySize}: 1 MB (1048576 bytes). */
  public static final long DEFAULT_MAX_BODY_SIZE = 1024 * 1024;

  private static final JsonForm FORM = JsonForm.of("").open()
    .string("url").required().constrain("pattern", "^[Hh][Tt][Tt][Pp][Ss]?://")
    .expecting("an absolute http:// or https:// URL")
    .describe("an absolute http:// or https:// URL, requested with GET; user:password@ in it is sent as basic auth "
      + "and masked in outputs")
    .integer("expectedStatus").range(100, 599).defaultShown("any 2xx")
    .describe("the one status code that passes, instead of any 2xx")
    .integers("acceptedStatus")
    .constrain("items", new JsonObject().put("type", "integer").put("minimum", 100).put("maximum", 599))
    .describe("the status codes that pass, instead of expectedStatus or any 2xx")
    .string("bodyContains").describe("text the body must contain")
    .string("jsonPointer").constrain("pattern", "^(/.*)?$").expecting("a JSON Pointer such as /status")
    .describe("a JSON Pointer such as /status into the body, whose value must be jsonValue")
    .string("jsonValue")
    .describe("the value expected at jsonPointer: a string value as it is, any other value as JSON")
    .duration("maxLatency").describe("the latency above which a passing answer is warn; 0: never")
    .bool("followRedirects").describe("whether redirects are followed, the last answer judged")
    .bool("trustAll").describe("whether any server certificate is trusted, its name not verified")
    .text("caPath").describe("a PEM file of CA certificates to trust instead of the JVM's")
    .size("maxBodySize")
    .describe("the most of a body bodyContains or jsonPointer reads; a longer body fails the run");

  private String url;
  private int expectedStatus;
  private List<Integer> acceptedStatus = new ArrayList<>();
  private String bodyContains;
  private String jsonPointer;
  private String jsonValue;
  private long maxLatency;
  private boolean followRedirects;
  private boolean trustAll;
  private String caPath;
  private long maxBodySize = DEFAULT_MAX_BODY_SIZE;

  /** Options without a URL, to set. */
  public HttpCheckOptions() {
  }

  /** @param other options to copy */
  public HttpCheckOptions(HttpCheckOptions other) {
    url = other.url;
    expectedStatus = other.expectedStatus;
    acceptedStatus = new ArrayList<>(other.acceptedStatus);
    bodyContains = other.bodyContains;
    jsonPointer = other.jsonPointer;
    jsonValue = other.jsonValue;
    maxLatency = other.maxLatency;
    followRedirects = other.followRedirects;
    trustAll = other.trustAll;
    caPath = other.caPath;
    maxBodySize = other.maxBodySize;
  }

  /**
   * @param json the JSON form
   * @throws IllegalArgumentException naming the field when a value is invalid or {@code url} is missing
   */
  public HttpCheckOptions(JsonObject json) {
    HttpCheckOptionsConverter.fromJson(FORM.read(json), this);
    validate();
  }

  /**
   * Checks what no single setter can: a URL is given, and {@code jsonPointer} and {@code jsonValue} come together.
   *
   * @throws IllegalArgumentException {@code url: required field missing}, or {@code jsonValue: required with
   *                                  jsonPointer} (and the other way round)
   */
  void validate() {
    if (url == null) {
      throw new IllegalArgumentException("url: required field missing");
    }
    if ((jsonPointer == null) != (jsonValue == null)) {
      throw new IllegalArgumentException((jsonPointer == null ? "jsonPointer" : "jsonValue")
        + ": required with " + (jsonPointer == null ? "jsonValue" : "jsonPointer"));
    }
  }

  /** @return the JSON form, the URL as given (credentials included) */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    HttpCheckOptionsConverter.toJson(this, json);
    return json;
  }

  /** @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema} */
  public static JsonObject schema() {
    JsonObject defaults = new HttpCheckOptions().toJson();
    defaults.remove("expectedStatus"); // 0, for any 2xx: not a status to write
    return FORM.schema(defaults);
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

  /** @return the status codes that pass, when set (they win over {@code expectedStatus}); unmodifiable */
  public List<Integer> getAcceptedStatus() {
    return Collections.unmodifiableList(acceptedStatus);
  }

  /**
   * @param acceptedStatus the status codes that pass (from 100 to 599), replacing {@code expectedStatus} and the
   *                       2xx default; empty for those
   * @return this
   * @throws IllegalArgumentException when a code is out of range
   */
  public HttpCheckOptions setAcceptedStatus(List<Integer> acceptedStatus) {
    for (Integer code : acceptedStatus) {
      if (code == null || code < 100 || code > 599) {
        throw new IllegalArgumentException("acceptedStatus: expected status codes from 100 to 599, got " + code);
      }
    }
    this.acceptedStatus = new ArrayList<>(acceptedStatus);
    return this;
  }

  /** @return the text the body must contain, or {@code null} */
  public String getBodyContains() {
    return bodyContains;
  }

  /**
   * @param bodyContains text the body (read as UTF-8, at most {@code maxBodySize}) must contain, or {@code null}
   * @return this
   */
  public HttpCheckOptions setBodyContains(String bodyContains) {
    this.bodyContains = bodyContains;
    return this;
  }

  /** @return the JSON Pointer (RFC 6901) into the body whose value is checked, or {@code null} */
  public String getJsonPointer() {
    return jsonPointer;
  }

  /**
   * @param jsonPointer a JSON Pointer (RFC 6901) into the body, such as {@code /status}; set {@code jsonValue} too
   * @return this
   * @throws IllegalArgumentException {@code jsonPointer: ...} when it is not a pointer
   */
  public HttpCheckOptions setJsonPointer(String jsonPointer) {
    try {
      JsonPointer.from(jsonPointer);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("jsonPointer: expected a JSON Pointer such as /status, got '" + jsonPointer
        + "'");
    }
    this.jsonPointer = jsonPointer;
    return this;
  }

  /** @return the value expected at {@code jsonPointer}, or {@code null} */
  public String getJsonValue() {
    return jsonValue;
  }

  /**
   * @param jsonValue the value expected at {@code jsonPointer}: a string value as it is ({@code UP}), any other
   *                  value as JSON ({@code true}, {@code 3}, {@code {"a":1}})
   * @return this
   */
  public HttpCheckOptions setJsonValue(String jsonValue) {
    this.jsonValue = jsonValue;
    return this;
  }

  /** @return the latency above which a passing answer is {@code warn}, in ms; 0: never */
  public long getMaxLatency() {
    return maxLatency;
  }

  /**
   * @param maxLatency the latency above which a passing answer is {@code warn}, in ms, {@code >= 0}; 0: never
   * @return this
   * @throws IllegalArgumentException when negative
   */
  public HttpCheckOptions setMaxLatency(long maxLatency) {
    this.maxLatency = Limits.nonNegative(maxLatency, "maxLatency");
    return this;
  }

  /** @return whether redirects are followed (default: not, a 301 is judged as a 301) */
  public boolean isFollowRedirects() {
    return followRedirects;
  }

  /**
   * @param followRedirects whether redirects are followed (up to Vert.x's limit of 16), the last answer judged
   * @return this
   */
  public HttpCheckOptions setFollowRedirects(boolean followRedirects) {
    this.followRedirects = followRedirects;
    return this;
  }

  /** @return whether any server certificate is trusted (and its name not verified) */
  public boolean isTrustAll() {
    return trustAll;
  }

  /**
   * @param trustAll {@code true} to trust any certificate and skip the name check (a {@code tls} check can still
   *                 watch its expiry)
   * @return this
   */
  public HttpCheckOptions setTrustAll(boolean trustAll) {
    this.trustAll = trustAll;
    return this;
  }

  /** @return a PEM file of CA certificates to trust instead of the JVM's, or {@code null} */
  public String getCaPath() {
    return caPath;
  }

  /**
   * @param caPath a PEM file of CA certificates to trust instead of the JVM's, or {@code null}
   * @return this
   */
  public HttpCheckOptions setCaPath(String caPath) {
    this.caPath = caPath;
    return this;
  }

  /** @return the most bytes of a body that {@code bodyContains} or {@code jsonPointer} reads, in bytes */
  public long getMaxBodySize() {
    return maxBodySize;
  }

  /**
   * @param maxBodySize the most bytes of a body that {@code bodyContains} or {@code jsonPointer} reads, in bytes,
   *                    from 1 to 2147483647; a longer body fails the run ({@code body longer than <n> bytes}) and
   *                    its connection is closed at once. Without those expectations the body is read and
   *                    discarded up to this size, then its connection is closed (the run has passed or failed on
   *                    its status). The JSON form also takes a size such as {@code "1MB"}
   * @return this
   * @throws IllegalArgumentException {@code maxBodySize: expected 1 to 2147483647 bytes, got <n>}
   */
  public HttpCheckOptions setMaxBodySize(long maxBodySize) {
    if (maxBodySize <= 0 || maxBodySize > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("maxBodySize: expected 1 to 2147483647 bytes, got " + maxBodySize);
    }
    this.maxBodySize = maxBodySize;
    return this;
  }
}
