package dev.vitals.health.web.webhook.impl;

import dev.vitals.health.StatusChange;
import dev.vitals.health.internal.BoundedExchange;
import dev.vitals.health.internal.BurstLog;
import dev.vitals.health.web.webhook.WebhookNotifier;
import dev.vitals.health.web.webhook.WebhookOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

public final class WebhookNotifierImpl implements WebhookNotifier {

  private static final Logger LOG = Logger.getLogger(WebhookNotifier.class.getName());

  private final Vertx vertx;
  private final WebhookOptions options;
  private final HttpClientAgent client;
  private final String shownUrl;
  private final BurstLog dropLog = new BurstLog(WebhookNotifier.class, 60_000);
  // Per check (kind and name): the change being delivered and the latest one waiting. Guarded by this.
  private final Map<String, Slot> slots = new HashMap<>();
  private final Map<String, Long> lastFailureNotice = new HashMap<>();
  private int held;
  private long dropped;
  private final java.util.concurrent.atomic.LongAdder delivered = new java.util.concurrent.atomic.LongAdder();
  private final java.util.concurrent.atomic.LongAdder retried = new java.util.concurrent.atomic.LongAdder();
  private final java.util.concurrent.atomic.LongAdder failed = new java.util.concurrent.atomic.LongAdder();
  private boolean closed;

  /** What one check has in the notifier: the change being delivered, and the latest one waiting behind it. */
  private static final class Slot {
    StatusChange delivering;
    StatusChange waiting;
  }

  public WebhookNotifierImpl(Vertx vertx, WebhookOptions options) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.options = new WebhookOptions(Objects.requireNonNull(options, "options"));
    if (this.options.getUrl() == null) {
      throw new IllegalArgumentException("url: required field missing");
    }
    this.client = vertx.createHttpClient();
    this.shownUrl = origin(this.options.getUrl());
  }

  /** Chat webhooks carry their secret in the path: logs name the origin only. */
  private static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + "/…";
  }

  @Override
  public void notify(StatusChange change) {
    Objects.requireNonNull(change, "change");
    String key = change.kind().wireName() + ":" + change.name();
    boolean start = false;
    String drop = null;
    synchronized (this) {
      if (closed || suppressed(change)) {
        return;
      }
      Slot slot = slots.get(key);
      if (slot == null || slot.waiting == null && held >= options.getMaxQueued()) {
        if (held >= options.getMaxQueued()) {
          dropped++;
          drop = "maxQueued (" + options.getMaxQueued() + ") changes are waiting";
        } else {
          slot = new Slot();
          slot.delivering = change;
          slots.put(key, slot);
          held++;
          start = true;
        }
      } else if (slot.waiting == null) {
        slot.waiting = change;
        held++;
      } else {
        // The receiver is behind: it only needs the latest state, from what it heard last.
        StatusChange merged = new StatusChange(change.kind(), change.name(), slot.waiting.from(), change.to(),
          change.output(), change.timestamp());
        dropped++;
        if (Objects.equals(merged.from(), merged.to())) {
          slot.waiting = null; // flapped back: nothing to tell
          held--;
          dropped++;
        } else {
          slot.waiting = merged;
        }
      }
    }
    if (drop != null) {
      String reason = drop;
      dropLog.log(() -> "Webhook " + shownUrl + " dropped " + change.name() + " → " + change.to() + ": " + reason
        + " (" + dropped() + " dropped in all)");
    }
    if (start) {
      deliver(key);
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

  /** Delivers a check's change being delivered, then the one waiting behind it, in order. */
  private void deliver(String key) {
    StatusChange change;
    synchronized (this) {
      Slot slot = slots.get(key);
      change = closed || slot == null ? null : slot.delivering;
    }
    if (change == null) {
      return;
    }
    attempt(change, 0).onComplete(done -> {
      boolean more;
      synchronized (this) {
        Slot slot = slots.get(key);
        if (slot == null) {
          return;
        }
        held--;
        slot.delivering = slot.waiting;
        slot.waiting = null;
        more = slot.delivering != null;
        if (!more) {
          slots.remove(key);
        }
      }
      if (more) {
        deliver(key);
      }
    });
  }

  /** One POST, and the retries after it; completes (never fails) once delivered or given up. */
  private Future<Void> attempt(StatusChange change, int retry) {
    Promise<Void> done = Promise.promise();
    post(change).onComplete(ar -> {
      if (ar.succeeded() || isClosed()) {
        if (ar.succeeded()) {
          delivered.increment();
        }
        done.complete(); // closing drops what is in flight, without a word
      } else if (retry >= options.getRetries()) {
        LOG.log(Level.WARNING, () -> "Webhook " + shownUrl + " gave up on " + change.name() + " → " + change.to()
          + ": " + ar.cause().getMessage());
        failed.increment();
        done.complete();
      } else {
        retried.increment();
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
    RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(options.getUrl())
      .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
    options.getHeaders().forEach(request::putHeader);
    JsonObject body = options.getTemplate() == null ? change.toJson()
      : new JsonObject().put("text", render(options.getTemplate(), change));
    return BoundedExchange.send(vertx, client, request, body.toBuffer(), options.getTimeout())
      .compose(status -> status / 100 == 2 ? Future.succeededFuture() : Future.failedFuture("answered " + status));
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
  public synchronized int queued() {
    return held;
  }

  @Override
  public synchronized long dropped() {
    return dropped;
  }

  @Override
  public long delivered() {
    return delivered.sum();
  }

  @Override
  public long retried() {
    return retried.sum();
  }

  @Override
  public long failed() {
    return failed.sum();
  }

  @Override
  public Future<Void> close() {
    synchronized (this) {
      closed = true;
      slots.clear();
      held = 0;
    }
    return client.close();
  }
}
