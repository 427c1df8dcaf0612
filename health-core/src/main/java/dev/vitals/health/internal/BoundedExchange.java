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
import java.util.concurrent.atomic.AtomicReference;

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
   * The status code only: the body is read and discarded until it ends or the deadline comes, however long it is.
   *
   * @param vertx     for the deadline timer
   * @param client    the client
   * @param request   the request
   * @param body      the body to send, or {@code null}
   * @param timeoutMs the deadline of the whole exchange, in ms, counted from this call (connecting included)
   * @return the status code, as soon as the status line arrived; failed with what the client failed with, or with
   * a {@link TimeoutException} {@code "timed out after <n> ms"}
   */
  public static Future<Integer> send(Vertx vertx, HttpClient client, RequestOptions request, Buffer body,
                                     long timeoutMs) {
    return send(vertx, client, request, body, timeoutMs, Long.MAX_VALUE);
  }

  /**
   * The status code only: once it is known the body is read and discarded up to {@code maxBodyBytes}, then the
   * connection is closed, so an endless body costs that many bytes, not a read until the deadline.
   *
   * @param vertx        for the deadline timer
   * @param client       the client
   * @param request      the request
   * @param body         the body to send, or {@code null}
   * @param timeoutMs    the deadline of the whole exchange, in ms, counted from this call (connecting included)
   * @param maxBodyBytes the most body bytes read and discarded before the connection is closed
   * @return the status code, as soon as the status line arrived; failed with what the client failed with, or with
   * a {@link TimeoutException} {@code "timed out after <n> ms"}
   */
  public static Future<Integer> send(Vertx vertx, HttpClient client, RequestOptions request, Buffer body,
                                     long timeoutMs, long maxBodyBytes) {
    return exchange(vertx, client, request, body, timeoutMs, (response, status, ended) -> {
      long[] discarded = {0};
      response.exceptionHandler(ignored -> { }); // a close at the deadline or the bound, after the status was known
      response.handler(chunk -> {
        discarded[0] += chunk.length();
        if (discarded[0] > maxBodyBytes) {
          ended.run();
          response.request().connection().close();
        }
      });
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

  /**
   * The deadline counts from here: obtaining a connection (waiting for the pool, connecting, a TLS handshake) ends
   * with it too, and a connection that comes after it is closed at once.
   */
  private static <T> Future<T> exchange(Vertx vertx, HttpClient client, RequestOptions request, Buffer body,
                                        long timeoutMs, Reader<T> reader) {
    Promise<T> outcome = Promise.promise();
    AtomicReference<HttpClientRequest> opened = new AtomicReference<>();
    long timer = vertx.setTimer(timeoutMs, id -> {
      outcome.tryFail(new TimeoutException("timed out after " + timeoutMs + " ms"));
      close(opened.get());
    });
    client.request(new RequestOptions(request).setConnectTimeout(timeoutMs)).onComplete(created -> {
      if (created.failed()) {
        vertx.cancelTimer(timer);
        outcome.tryFail(created.cause());
        return;
      }
      HttpClientRequest sent = created.result();
      opened.set(sent);
      if (outcome.future().isComplete()) { // the deadline came while connecting
        close(sent);
        return;
      }
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

  private static void close(HttpClientRequest request) {
    if (request != null) {
      request.connection().close();
    }
  }
}
