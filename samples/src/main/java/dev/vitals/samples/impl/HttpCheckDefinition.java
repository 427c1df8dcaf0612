package dev.vitals.samples.impl;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.PassiveChecks;
import dev.vitals.health.ProcedureResult;
import dev.vitals.environment.ScrubOptions;
import dev.vitals.environment.Scrubber;
import dev.vitals.health.web.impl.BoundedExchange;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * {@code "type": "http"}: {@code GET url} passes on any 2xx answer, or on exactly {@code expectedStatus} when
 * it is given. Redirects are not followed (a 301 is a 301). The check's timeout bounds the request, body
 * included: at the timeout the request is reset and its connection closed. User info in the URL
 * ({@code http://user:password@host/}) is sent as basic authentication; it and query parameters with a secret
 * name ({@code ?api_key=...}) are masked in outputs and data, by the environment dump's {@link Scrubber} rules.
 */
final class HttpCheckDefinition implements CheckDefinition {

  /** The fields of this type's entries, beside those every check has. */
  static final Set<String> FIELDS = Set.of("url", "expectedStatus");

  private static final Scrubber SCRUBBER = new Scrubber(new ScrubOptions());

  private final CheckOptions options;
  private final String url;
  private final String shownUrl;
  private final String userInfo;
  private final int expectedStatus;

  private HttpCheckDefinition(CheckOptions options, URI uri, int expectedStatus) {
    this.options = options;
    this.url = uri.toString();
    this.shownUrl = withoutCredentials(uri);
    this.userInfo = uri.getUserInfo();
    this.expectedStatus = expectedStatus;
  }

  /**
   * @param entry   the entry, its common fields already validated
   * @param options the options read from the entry
   * @return the check the entry defines
   * @throws IllegalArgumentException naming the field by its path in the config when a value is invalid
   */
  static HttpCheckDefinition parse(ConfigObject entry, CheckOptions options) {
    String url = entry.requiredString("url");
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw entry.invalid("url", "invalid URL '" + url + "': " + e.getReason());
    }
    if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
      || uri.getHost() == null) {
      throw entry.invalid("url", "expected an absolute http:// or https:// URL, got '" + url + "'");
    }
    int expectedStatus = entry.optionalInt("expectedStatus", 100, 599, 0);
    return new HttpCheckDefinition(options, uri, expectedStatus);
  }

  /**
   * Outputs are shown to anyone who can read /health: never show the credentials of a URL, user information or
   * query parameters with a secret name ({@code ?api_key=}), by the environment dump's rules.
   */
  private static String withoutCredentials(URI uri) {
    return SCRUBBER.scrub(uri.toString());
  }

  @Override
  public CheckOptions options() {
    return options;
  }

  @Override
  public String type() {
    return "http";
  }

  @Override
  public Registration register(Vertx vertx, CheckRegistry registry, PassiveChecks passive) {
    HttpClientAgent http = vertx.createHttpClient(new HttpClientOptions()
      .setConnectTimeout((int) Math.min(options.getTimeout(), Integer.MAX_VALUE)));
    registry.register(options, () -> run(vertx, http));
    return http::close;
  }

  /**
   * One GET, judged on its status line. The body is discarded; a run whose answer has not ended at the check's
   * timeout (a hung or endlessly streaming upstream) closes its connection, which frees its pool slot: a
   * timed-out run never leaves a connection pinned.
   */
  private Future<ProcedureResult> run(Vertx vertx, HttpClientAgent http) {
    RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
      .setFollowRedirects(false);
    if (userInfo != null) {
      request.putHeader(HttpHeaders.AUTHORIZATION,
        "Basic " + Base64.getEncoder().encodeToString(
        (userInfo.indexOf(':') < 0 ? userInfo + ":" : userInfo).getBytes(StandardCharsets.UTF_8)));
    }
    return BoundedExchange.send(vertx, http, request, null, options.getTimeout())
      .map(this::judge)
      .otherwise(this::failed);
  }

  private ProcedureResult failed(Throwable failure) {
    return ProcedureResult.fail("GET " + shownUrl + ": " + SCRUBBER.scrub(ProcedureResult.describe(failure)));
  }

  private ProcedureResult judge(int status) {
    boolean passed = expectedStatus == 0 ? status >= 200 && status < 300 : status == expectedStatus;
    String expected = expectedStatus == 0 ? "2xx" : Integer.toString(expectedStatus);
    ProcedureResult result = passed
      ? ProcedureResult.pass("GET " + shownUrl + ": " + status)
      : ProcedureResult.fail("GET " + shownUrl + ": " + status + ", expected " + expected);
    return result.withData(new JsonObject().put("url", shownUrl).put("statusCode", status));
  }
}
