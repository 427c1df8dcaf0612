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
 * One HTTP exchange bounded as a whole, for clients that need the status code (http checks, webhooks) and at most
 * a bounded body (http checks with a body expectation). The client's own timeouts are idle timeouts: an upstream
 * that keeps streaming a body never trips them and pins the pooled connection. Here, when the answer has not
 * ended by the deadline, or its body grows past the limit, the connection is closed, which frees its pool slot.
 */
public final class BoundedExchange {

  /**
   * A complete answer.
   *
   * @param status its status code
   * @param body   its body, as received (empty when there was none)
   */
  public record Answer(int status, Buffer body) {
  }

  /** Reads one response into the outcome; {@code ended} cancels the deadline. */
  @FunctionalInterface
  private interface Reader<T> {
    void read(HttpClientResponse response, Promise<T> outcome, Runnable ended);
  }

  private BoundedExchange() {
  }

  /**
   * The status code only: the body is discarded.
   *
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
    return exchange(vertx, client, request, body, timeoutMs, (response, status, ended) -> {
      response.exceptionHandler(ignored -> { }); // a close at the deadline, after the status was known
      response.handler(ignored -> { });
      response.endHandler(end -> ended.run());
      status.tryComplete(response.statusCode());
    });
  }

  /**
   * The status code and the body, both within the deadline.
   *
   * @param vertx        for the deadline timer
   * @param client       the client
   * @param request      the request, sent without a body
   * @param timeoutMs    the deadline of the whole exchange, in ms
   * @param maxBodyBytes the longest body read, in bytes
   * @return the answer, once its body ended; failed with what the client or the response failed with, with a
   * {@link TimeoutException} {@code "timed out after <n> ms"}, or with an {@link IllegalStateException}
   * {@code "body longer than <n> bytes"} (the connection is then closed)
   */
  public static Future<Answer> receive(Vertx vertx, HttpClient client, RequestOptions request, long timeoutMs,
                                       long maxBodyBytes) {
    return exchange(vertx, client, request, null, timeoutMs, (response, answer, ended) -> {
      Buffer body = Buffer.buffer();
      response.exceptionHandler(answer::tryFail);
      response.handler(chunk -> {
        if ((long) body.length() + chunk.length() > maxBodyBytes) {
          ended.run();
          answer.tryFail(new IllegalStateException("body longer than " + maxBodyBytes + " bytes"));
          response.request().connection().close();
        } else {
          body.appendBuffer(chunk);
        }
      });
      response.endHandler(end -> {
        ended.run();
        answer.tryComplete(new Answer(response.statusCode(), body));
      });
    });
  }

  private static <T> Future<T> exchange(Vertx vertx, HttpClient client, RequestOptions request, Buffer body,
                                        long timeoutMs, Reader<T> reader) {
    Promise<T> outcome = Promise.promise();
    client.request(request).onComplete(created -> {
      if (created.failed()) {
        outcome.tryFail(created.cause());
        return;
      }
      HttpClientRequest sent = created.result();
      long timer = vertx.setTimer(timeoutMs, id -> {
        outcome.tryFail(new TimeoutException("timed out after " + timeoutMs + " ms"));
        sent.connection().close();
      });
      (body == null ? sent.send() : sent.send(body)).onComplete(answered -> {
        if (answered.failed()) {
          vertx.cancelTimer(timer);
          outcome.tryFail(answered.cause());
          return;
        }
        reader.read(answered.result(), outcome, () -> vertx.cancelTimer(timer));
      });
    });
    return outcome.future();
  }
}
