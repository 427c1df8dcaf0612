package dev.vitals.health.internal;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;

import java.util.concurrent.TimeoutException;

/**
 * One HTTP exchange bounded as a whole, for clients that only need the status code (http checks, webhooks).
 * The client's own timeouts are idle timeouts: an upstream that keeps streaming a body never trips them and
 * pins the pooled connection. Here the body is discarded, and when the answer has not ended by the deadline the
 * connection is closed, which frees its pool slot.
 */
public final class BoundedExchange {

  private BoundedExchange() {
  }

  /**
   * @param vertx     for the deadline timer
   * @param client    the client
   * @param request   the request
   * @param body      the body to send, or {@code null}
   * @param timeoutMs the deadline of the whole exchange, in ms
   * @return the status code, as soon as the status line arrived; failed with what the client failed with, or with
   * a {@link TimeoutException} {@code "timed out after <n> ms"}
   */
  public static Future<Integer> send(Vertx vertx, HttpClient client, RequestOptions request, Buffer body,
                                     long timeoutMs) {
    Promise<Integer> status = Promise.promise();
    client.request(request).onComplete(created -> {
      if (created.failed()) {
        status.tryFail(created.cause());
        return;
      }
      HttpClientRequest sent = created.result();
      long timer = vertx.setTimer(timeoutMs, id -> {
        status.tryFail(new TimeoutException("timed out after " + timeoutMs + " ms"));
        sent.connection().close();
      });
      (body == null ? sent.send() : sent.send(body)).onComplete(answered -> {
        if (answered.failed()) {
          vertx.cancelTimer(timer);
          status.tryFail(answered.cause());
          return;
        }
        HttpClientResponse response = answered.result();
        response.exceptionHandler(ignored -> { }); // a close at the deadline, after the status was known
        response.handler(ignored -> { });
        response.endHandler(ended -> vertx.cancelTimer(timer));
        status.tryComplete(response.statusCode());
      });
    });
    return status.future();
  }
}
