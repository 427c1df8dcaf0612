package dev.vitals.health.checks.impl;

import dev.vitals.health.ProcedureResult;
import dev.vitals.health.checks.HttpCheck;
import dev.vitals.health.checks.HttpCheckOptions;
import dev.vitals.health.internal.BoundedExchange;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.pointer.JsonPointer;
import io.vertx.core.net.PemTrustOptions;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One bounded GET per run on a client of its own, judged on its status line, and on its body when an expectation
 * needs it (read up to {@code maxBodySize} bytes, then the connection is closed).
 */
public final class HttpCheckImpl implements HttpCheck {

  private final Vertx vertx;
  private final HttpClientAgent http;
  private final String url;
  private final String shownUrl;
  private final String userInfo;
  private final int expectedStatus;
  private final List<Integer> acceptedStatus;
  private final String bodyContains;
  private final JsonPointer jsonPointer;
  private final String jsonValue;
  private final long maxLatency;
  private final boolean followRedirects;
  private final long timeout;
  private final long maxBodySize;
  private final Future<Void> warmedUp;

  /**
   * @param vertx   the Vert.x instance to create the client on
   * @param options what to request (a copy the check keeps)
   * @param timeout the deadline of one exchange, in ms
   */
  public HttpCheckImpl(Vertx vertx, HttpCheckOptions options, long timeout) {
    this.vertx = vertx;
    this.timeout = timeout;
    this.maxBodySize = options.getMaxBodySize();
    HttpClientOptions client = new HttpClientOptions()
      .setConnectTimeout((int) Math.min(timeout, Integer.MAX_VALUE))
      .setSslHandshakeTimeout(timeout)
      .setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS)
      .setTrustAll(options.isTrustAll())
      .setVerifyHost(!options.isTrustAll());
    if (options.getCaPath() != null) {
      client.setTrustOptions(new PemTrustOptions().addCertPath(options.getCaPath()));
    }
    this.http = vertx.createHttpClient(client);
    this.warmedUp = ClientWarmUp.of(vertx);
    URI uri = URI.create(options.getUrl());
    this.url = uri.toString();
    this.shownUrl = Secrets.maskUri(url);
    this.userInfo = uri.getUserInfo();
    this.expectedStatus = options.getExpectedStatus();
    this.acceptedStatus = options.getAcceptedStatus();
    this.bodyContains = options.getBodyContains();
    this.jsonPointer = options.getJsonPointer() == null ? null : JsonPointer.from(options.getJsonPointer());
    this.jsonValue = options.getJsonValue();
    this.maxLatency = options.getMaxLatency();
    this.followRedirects = options.isFollowRedirects();
  }

  /**
   * One GET, its timeout counted from the start, connecting included. Without a body expectation the body is
   * discarded up to {@code maxBodySize} bytes, then its connection closed; a run whose answer has not ended at the
   * timeout closes its connection, which frees its pool slot: a timed-out run never leaves a connection pinned.
   */
  @Override
  public Future<ProcedureResult> run() {
    return warmedUp.compose(warm -> exchange());
  }

  @Override
  public Future<Void> warmedUp() {
    return warmedUp;
  }

  private Future<ProcedureResult> exchange() {
    RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
      .setFollowRedirects(followRedirects);
    if (userInfo != null) {
      request.putHeader(HttpHeaders.AUTHORIZATION,
        "Basic " + Base64.getEncoder().encodeToString(
          (userInfo.indexOf(':') < 0 ? userInfo + ":" : userInfo).getBytes(StandardCharsets.UTF_8)));
    }
    long start = System.nanoTime();
    Future<ProcedureResult> judged = bodyContains == null && jsonPointer == null
      ? BoundedExchange.send(vertx, http, request, null, timeout, maxBodySize).map(status -> judge(status, null, start))
      : BoundedExchange.receive(vertx, http, request, timeout, maxBodySize)
        .map(answer -> judge(answer.status(), answer.body(), start));
    return judged.otherwise(this::failed);
  }

  private ProcedureResult failed(Throwable failure) {
    return ProcedureResult.fail("GET " + shownUrl + ": " + Secrets.maskUri(ProcedureResult.describe(failure)));
  }

  private ProcedureResult judge(int status, Buffer body, long start) {
    double latencyMs = (System.nanoTime() - start) / 1e6;
    JsonObject data = new JsonObject().put("url", shownUrl).put("statusCode", status).put("latencyMs", latencyMs);
    String line = "GET " + shownUrl + ": " + status;
    if (!statusPasses(status)) {
      String expected = !acceptedStatus.isEmpty() ? "one of " + acceptedStatus
        : expectedStatus == 0 ? "2xx" : Integer.toString(expectedStatus);
      return ProcedureResult.fail(line + ", expected " + expected).withData(data);
    }
    if (bodyContains != null && !body.toString(StandardCharsets.UTF_8).contains(bodyContains)) {
      return ProcedureResult.fail(line + ", body does not contain '" + bodyContains + "'").withData(data);
    }
    if (jsonPointer != null) {
      String found = jsonAt(body);
      if (!jsonValue.equals(found)) {
        return ProcedureResult.fail(line + ", " + jsonPointer.toString() + " is " + found + ", expected " + jsonValue)
          .withData(data);
      }
    }
    if (maxLatency > 0 && latencyMs > maxLatency) {
      return ProcedureResult.warn(String.format(Locale.ROOT, "%s in %.1f ms, above maxLatency %d ms", line, latencyMs,
        maxLatency)).withData(data);
    }
    return ProcedureResult.pass(line).withData(data);
  }

  private boolean statusPasses(int status) {
    if (!acceptedStatus.isEmpty()) {
      return acceptedStatus.contains(status);
    }
    return expectedStatus == 0 ? status >= 200 && status < 300 : status == expectedStatus;
  }

  /** @return the value at the pointer as text (a string as it is, anything else as JSON), or a description */
  private String jsonAt(Buffer body) {
    Object json;
    try {
      json = Json.decodeValue(body);
    } catch (RuntimeException e) {
      return "not found (the body is not JSON)";
    }
    Object value = jsonPointer.queryJson(json);
    if (value == null) {
      return "not found";
    }
    return value instanceof String ? (String) value : Json.encode(value);
  }

  @Override
  public Future<Void> close() {
    return http.close().otherwiseEmpty();
  }
}
