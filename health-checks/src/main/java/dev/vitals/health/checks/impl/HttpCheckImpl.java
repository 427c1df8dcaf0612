package dev.vitals.health.checks.impl;

import dev.vitals.health.ProcedureResult;
import dev.vitals.health.checks.HttpCheck;
import dev.vitals.health.checks.HttpCheckOptions;
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
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** One bounded GET per run on a client of its own, judged on its status line. */
public final class HttpCheckImpl implements HttpCheck {

  private final Vertx vertx;
  private final HttpClientAgent http;
  private final String url;
  private final String shownUrl;
  private final String userInfo;
  private final int expectedStatus;
  private final long timeout;

  /**
   * @param vertx   the Vert.x instance to create the client on
   * @param options what to request (a copy the check keeps)
   */
  public HttpCheckImpl(Vertx vertx, HttpCheckOptions options) {
    this.vertx = vertx;
    this.timeout = options.getTimeout();
    this.http = vertx.createHttpClient(new HttpClientOptions()
      .setConnectTimeout((int) Math.min(timeout, Integer.MAX_VALUE)));
    URI uri = URI.create(options.getUrl());
    this.url = uri.toString();
    this.shownUrl = Secrets.maskUri(url);
    this.userInfo = uri.getUserInfo();
    this.expectedStatus = options.getExpectedStatus();
  }

  /**
   * One GET, judged on its status line. The body is discarded; a run whose answer has not ended at the timeout
   * closes its connection, which frees its pool slot: a timed-out run never leaves a connection pinned.
   */
  @Override
  public Future<ProcedureResult> run() {
    RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
      .setFollowRedirects(false);
    if (userInfo != null) {
      request.putHeader(HttpHeaders.AUTHORIZATION,
        "Basic " + Base64.getEncoder().encodeToString(
          (userInfo.indexOf(':') < 0 ? userInfo + ":" : userInfo).getBytes(StandardCharsets.UTF_8)));
    }
    return BoundedExchange.send(vertx, http, request, null, timeout)
      .map(this::judge)
      .otherwise(this::failed);
  }

  private ProcedureResult failed(Throwable failure) {
    return ProcedureResult.fail("GET " + shownUrl + ": " + Secrets.maskUri(ProcedureResult.describe(failure)));
  }

  private ProcedureResult judge(int status) {
    boolean passed = expectedStatus == 0 ? status >= 200 && status < 300 : status == expectedStatus;
    String expected = expectedStatus == 0 ? "2xx" : Integer.toString(expectedStatus);
    ProcedureResult result = passed
      ? ProcedureResult.pass("GET " + shownUrl + ": " + status)
      : ProcedureResult.fail("GET " + shownUrl + ": " + status + ", expected " + expected);
    return result.withData(new JsonObject().put("url", shownUrl).put("statusCode", status));
  }

  @Override
  public Future<Void> close() {
    return http.close().otherwiseEmpty();
  }
}
