package dev.vitals.health.alerts.channels.impl;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.util.concurrent.TimeoutException;

/**
 * What the HTTP channels share: one {@link HttpClient} per channel, a POST whose answer must be 2xx, and errors that
 * name the channel and the status with the channel's secrets masked. An answer's body is read to its end but only
 * its first {@value #KEPT} bytes are kept; they are masked, then cut to {@value #SNIPPET} characters for the error
 * message (masked before cut, so that a secret the cut would split is masked whole). A body still coming after the
 * channel's {@code timeout} ends the request and closes its connection, so an endless answer holds no connection.
 */
abstract class HttpChannel implements AlertChannel {

  /** The most bytes of an error answer's body kept for the message. */
  static final int SNIPPET = 200;
  /** The most bytes of an error answer's body read into memory. */
  static final int KEPT = 4096;

  protected final Vertx vertx;
  protected final HttpClient client;
  protected final Secrets secrets;
  private final String type;
  private final String name;
  private final long timeout;

  HttpChannel(Vertx vertx, String type, String name, long timeout, Secrets secrets) {
    this.vertx = vertx;
    this.type = type;
    this.name = name;
    this.timeout = timeout;
    this.secrets = secrets;
    this.client = vertx.createHttpClient(new HttpClientOptions()
      .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout)).setKeepAlive(true));
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * @param url     where to POST
   * @param headers the request's headers, {@code Content-Type} included
   * @param body    the body
   * @return completed when the answer is 2xx; failed with a {@link ChannelException}
   * {@code "<type> channel '<name>': HTTP <status> <reason>: <body's start>"}, or the network error's message
   */
  protected Future<Void> post(String url, MultiMap headers, Buffer body) {
    Snippet snippet = new Snippet(KEPT);
    RequestOptions options;
    try {
      options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url).setHeaders(headers)
        .setConnectTimeout(timeout).setIdleTimeout(timeout).setFollowRedirects(false);
      if (!headers.contains("User-Agent")) {
        options.putHeader("User-Agent", "vitals-alerts");
      }
    } catch (RuntimeException e) {
      return Future.failedFuture(failure(e.getMessage()));
    }
    return client.request(options).compose(request -> {
      // The idle timeout ends a receiver that goes quiet; this deadline one that never ends its answer (a body
      // trickled for ever is never idle): the request is reset, which closes its connection.
      long deadline = vertx.setTimer(timeout, id -> request.reset(0, new TimeoutException("no answer within "
        + timeout + " ms")));
      return request.send(body).compose(response -> {
        response.handler(snippet::write);
        return response.end().map(response);
      }).andThen(done -> vertx.cancelTimer(deadline));
    }).transform(answer -> {
      if (answer.failed()) {
        Throwable cause = answer.cause();
        return Future.failedFuture(failure(cause.getMessage() == null ? cause.getClass().getSimpleName()
          : cause.getMessage()));
      }
      int status = answer.result().statusCode();
      if (status / 100 == 2) {
        return Future.succeededFuture();
      }
      String text = Texts.cut(secrets.mask(snippet.text()), SNIPPET);
      return Future.failedFuture(failure("HTTP " + status + " " + answer.result().statusMessage()
        + (text.isEmpty() ? "" : ": " + text)));
    });
  }

  /** @return {@code "<type> channel '<name>': <what>"}, the secrets masked */
  protected ChannelException failure(String what) {
    return new ChannelException(type + " channel '" + name + "': " + secrets.mask(what));
  }

  @Override
  public Future<Void> close() {
    return client.close();
  }
}
