package dev.vitals.health.web.impl;

import dev.vitals.health.StatusChange;
import dev.vitals.health.web.WebhookNotifier;
import dev.vitals.health.web.WebhookOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

public final class WebhookNotifierImpl implements WebhookNotifier {

  private static final Logger LOG = Logger.getLogger(WebhookNotifier.class.getName());

  private final Vertx vertx;
  private final WebhookOptions options;
  private final WebClient client;
  // Per check name: the changes waiting, and whether one is being delivered. Guarded by this.
  private final Map<String, Deque<StatusChange>> queues = new HashMap<>();
  private final Map<String, Long> lastFailureNotice = new HashMap<>();
  private boolean closed;

  public WebhookNotifierImpl(Vertx vertx, WebhookOptions options) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.options = new WebhookOptions(Objects.requireNonNull(options, "options"));
    if (this.options.getUrl() == null) {
      throw new IllegalArgumentException("url: required field missing");
    }
    this.client = WebClient.create(vertx);
  }

  @Override
  public void notify(StatusChange change) {
    Objects.requireNonNull(change, "change");
    boolean start;
    synchronized (this) {
      if (closed || suppressed(change)) {
        return;
      }
      Deque<StatusChange> queue = queues.computeIfAbsent(change.name(), k -> new ArrayDeque<>());
      queue.add(change);
      start = queue.size() == 1;
    }
    if (start) {
      deliver(change.name());
    }
  }

  /** A failure notice within minInterval of the previous one of the same check is dropped. */
  private boolean suppressed(StatusChange change) {
    if (!change.isFailure()) {
      return false;
    }
    long now = System.currentTimeMillis();
    Long last = lastFailureNotice.get(change.name());
    if (last != null && now - last < options.getMinInterval()) {
      return true;
    }
    lastFailureNotice.put(change.name(), now);
    return false;
  }

  /** Delivers the head of a check's queue, then the next one, in order. */
  private void deliver(String name) {
    StatusChange change;
    synchronized (this) {
      Deque<StatusChange> queue = queues.get(name);
      change = closed || queue == null ? null : queue.peek();
    }
    if (change == null) {
      return;
    }
    attempt(change, 0).onComplete(done -> {
      boolean more;
      synchronized (this) {
        Deque<StatusChange> queue = queues.get(name);
        if (queue == null) {
          return;
        }
        queue.poll();
        more = !queue.isEmpty();
        if (!more) {
          queues.remove(name);
        }
      }
      if (more) {
        deliver(name);
      }
    });
  }

  /** One POST, and the retries after it; completes (never fails) once delivered or given up. */
  private Future<Void> attempt(StatusChange change, int retry) {
    Promise<Void> done = Promise.promise();
    post(change).onComplete(ar -> {
      if (ar.succeeded()) {
        done.complete();
      } else if (retry >= options.getRetries() || isClosed()) {
        LOG.log(Level.WARNING, () -> "Webhook " + options.getUrl() + " gave up on " + change + ": "
          + ar.cause().getMessage());
        done.complete();
      } else {
        long delay = Math.max(1, options.getRetryDelay() << Math.min(retry, 16));
        vertx.setTimer(delay, id -> attempt(change, retry + 1).onComplete(done));
      }
    });
    return done.future();
  }

  private synchronized boolean isClosed() {
    return closed;
  }

  private Future<Void> post(StatusChange change) {
    HttpRequest<io.vertx.core.buffer.Buffer> request = client.postAbs(options.getUrl()).timeout(options.getTimeout());
    options.getHeaders().forEach(request::putHeader);
    JsonObject body = options.getTemplate() == null ? change.toJson()
      : new JsonObject().put("text", render(options.getTemplate(), change));
    return request.sendJsonObject(body).compose(response -> response.statusCode() / 100 == 2
      ? Future.succeededFuture()
      : Future.failedFuture("answered " + response.statusCode()));
  }

  static String render(String template, StatusChange change) {
    return template.replace("{kind}", change.kind().wireName())
      .replace("{name}", change.name())
      .replace("{from}", change.from() == null ? "none" : change.from())
      .replace("{to}", change.to())
      .replace("{output}", change.output())
      .replace("{timestamp}", change.timestamp().toString());
  }

  @Override
  public Future<Void> close() {
    synchronized (this) {
      closed = true;
      queues.clear();
    }
    client.close();
    return Future.succeededFuture();
  }
}
