package dev.vitals.health.web.impl;

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
 * One HTTP exchange bounded as a whole, for clients that only need the status code (http checks, webhooks).
 * The client's own timeouts are idle timeouts: an upstream that keeps streaming a body never trips them and
 * pins the pooled connection. Here the body is discarded, and when the answer has not ended by the deadline (or
 * its body outgrew the bound) the connection is closed, which frees its pool slot.
 */
public final class BoundedExchange {

  private BoundedExchange() {
  }

  /**
   * As {@link #send(Vertx, HttpClient, RequestOptions, Buffer, long, long)}, reading the body until it ends or the
   * deadline comes, however long it is.
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
    return send(vertx, client, request, body, timeoutMs, Long.MAX_VALUE);
  }

  /**
   * The deadline counts from this call: obtaining a connection (waiting for the pool, connecting, a TLS handshake)
   * ends with it too. Once the status is known the body is read and discarded up to {@code maxBodyBytes}, then the
   * connection is closed: an endless body costs that many bytes, not a read until the deadline.
   *
   * @param vertx        for the deadline timer
   * @param client       the client
   * @param request      the request
   * @param body         the body to send, or {@code null}
   * @param timeoutMs    the deadline of the whole exchange, in ms
   * @param maxBodyBytes the most body bytes read and discarded before the connection is closed
   * @return the status code, as soon as the status line arrived; failed with what the client failed with, or with
   * a {@link TimeoutException} {@code "timed out after <n> ms"}
   */
  public static Future<Integer> send(Vertx vertx, HttpClient client, RequestOptions request, Buffer body,
                                     long timeoutMs, long maxBodyBytes) {
    Promise<Integer> status = Promise.promise();
    AtomicReference<HttpClientRequest> opened = new AtomicReference<>();
    long timer = vertx.setTimer(timeoutMs, id -> {
      status.tryFail(new TimeoutException("timed out after " + timeoutMs + " ms"));
      close(opened.get());
    });
    client.request(new RequestOptions(request).setConnectTimeout(timeoutMs)).onComplete(created -> {
      if (created.failed()) {
        vertx.cancelTimer(timer);
        status.tryFail(created.cause());
        return;
      }
      HttpClientRequest sent = created.result();
      opened.set(sent);
      if (status.future().isComplete()) { // the deadline came while connecting
        close(sent);
        return;
      }
      (body == null ? sent.send() : sent.send(body)).onComplete(answered -> {
        if (answered.failed()) {
          vertx.cancelTimer(timer);
          status.tryFail(answered.cause());
          return;
        }
        HttpClientResponse response = answered.result();
        long[] discarded = {0};
        response.exceptionHandler(ignored -> { }); // a close at the deadline or the bound, after the status was known
        response.handler(chunk -> {
          discarded[0] += chunk.length();
          if (discarded[0] > maxBodyBytes) {
            vertx.cancelTimer(timer);
            close(sent);
          }
        });
        response.endHandler(ended -> vertx.cancelTimer(timer));
        status.tryComplete(response.statusCode());
      });
    });
    return status.future();
  }

  private static void close(HttpClientRequest request) {
    if (request != null) {
      request.connection().close();
    }
  }
}
