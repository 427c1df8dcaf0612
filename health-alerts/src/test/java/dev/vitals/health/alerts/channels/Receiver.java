package dev.vitals.health.alerts.channels;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.vitals.health.test.Await.result;
import static dev.vitals.health.test.Await.until;

/**
 * A loopback HTTP server standing for a provider: it records each request and answers the statuses queued with
 * {@link #answer}, then {@code status}; with {@code silent}, it never answers.
 */
final class Receiver implements AutoCloseable {

  /** A request as received. */
  record Request(String method, String path, MultiMap headers, String body) {
    JsonObject json() {
      return new JsonObject(body);
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
  private volatile int status;
  private volatile String errorBody = "";
  private volatile boolean silent;

  Receiver(Vertx vertx, int status) {
    this.status = status;
    server = result(vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      requests.add(new Request(request.method().name(), request.uri(), MultiMap.caseInsensitiveMultiMap()
        .addAll(request.headers()), body.toString()));
      if (silent) {
        return;
      }
      Integer next = answers.poll();
      int code = next == null ? this.status : next;
      request.response().setStatusCode(code).end(code / 100 == 2 ? "" : errorBody);
    })).listen(0, "127.0.0.1"));
  }

  /** @return the base URL, {@code http://127.0.0.1:<port>} */
  String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  Receiver answer(int... statuses) {
    for (int code : statuses) {
      answers.add(code);
    }
    return this;
  }

  Receiver errorBody(String body) {
    errorBody = body;
    return this;
  }

  Receiver silent() {
    silent = true;
    return this;
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  /** @return the requests once there are at least {@code count} */
  List<Request> await(int count) {
    until(() -> requests.size() >= count, () -> "received " + requests);
    return requests();
  }

  @Override
  public void close() {
    result(server.close());
  }
}
