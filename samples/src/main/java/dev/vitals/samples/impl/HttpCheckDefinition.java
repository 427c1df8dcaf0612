package dev.vitals.samples.impl;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.PassiveChecks;
import dev.vitals.health.ProcedureResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.codec.BodyCodec;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * {@code "type": "http"}: {@code GET url} passes on any 2xx answer, or on exactly {@code expectedStatus} when
 * it is given. Redirects are not followed (a 301 is a 301). The check's timeout bounds the request. User info
 * in the URL ({@code http://user:password@host/}) is sent as basic authentication and masked in outputs.
 */
final class HttpCheckDefinition implements CheckDefinition {


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

  /** Outputs are shown to anyone who can read /health: never show the credentials of a URL. */
  private static String withoutCredentials(URI uri) {
    String full = uri.toString();
    String userInfo = uri.getRawUserInfo();
    if (userInfo == null) {
      return full;
    }
    // The first occurrence is the authority's: it comes before the path.
    int at = full.indexOf(userInfo + "@");
    return full.substring(0, at) + "********" + full.substring(at + userInfo.length());
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
    WebClient client = WebClient.wrap(http);
    registry.register(options, () -> run(client));
    return http::close;
  }

  private Future<ProcedureResult> run(WebClient client) {
    HttpRequest<Void> request = client.getAbs(url)
      .followRedirects(false)
      .timeout(options.getTimeout())
      .as(BodyCodec.none());
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      request.basicAuthentication(colon < 0 ? userInfo : userInfo.substring(0, colon),
        colon < 0 ? "" : userInfo.substring(colon + 1));
    }
    return request.send()
      .map(response -> judge(response.statusCode()))
      .otherwise(failure -> ProcedureResult.fail("GET " + shownUrl + ": " + ProcedureResult.describe(failure)));
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
