package dev.vitals.health.alerts.channels.impl;

import dev.vitals.health.alerts.Notification;
import dev.vitals.health.alerts.NotificationSink;
import dev.vitals.health.alerts.channels.DeliveryOptions;
import dev.vitals.health.internal.BurstLog;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A channel's delivery: a queue of at most {@code maxQueued} notifications (the one being delivered included;
 * {@code status().queued} counts both),
 * delivered one at a time in order; each tried up to {@code 1 + retries} times, the delay before retry {@code n}
 * ({@code n} from 1) drawn in [d/2, d] with {@code d = retryDelay × 2^(n-1)} (a Vert.x timer); every try through a
 * vertx-circuit-breaker {@link CircuitBreaker} that opens after {@code failuresToOpen} failed tries within a minute
 * and lets one try through after {@code resetTimeout} (half-open). While it is open a notification is not tried: it
 * fails at once, so a dead receiver costs no time and never holds back the checks or another channel (each channel
 * has its own sink). A failed or dropped notification is counted and logged at most once a minute per sink.
 */
public final class DeliverySink implements NotificationSink {

  /** How many deliveries {@code status().last} keeps. */
  static final int LAST = 10;
  /** The window in which failed tries are counted towards opening the circuit, in ms. */
  static final long FAILURES_WINDOW = 60_000;
  /** The longest retry delay, whatever {@code retryDelay} and the retry's rank, in ms. */
  static final long MAX_RETRY_DELAY = 3_600_000;

  private final Vertx vertx;
  private final AlertChannel channel;
  private final DeliveryOptions options;
  private final Clock clock;
  private final CircuitBreaker breaker;
  private final BurstLog failures = new BurstLog(DeliverySink.class, 60_000);
  private final BurstLog drops = new BurstLog(DeliverySink.class, 60_000);

  private final Deque<Notification> queue = new ArrayDeque<>();
  private final Deque<JsonObject> last = new ArrayDeque<>();
  private long retryTimer = -1;
  private boolean closed;
  private long sent;
  private long failed;
  private long dropped;
  private long retried;

  /**
   * @param vertx   for timers and the circuit breaker
   * @param channel the channel delivered to; closed with the sink
   * @param options the queue, retries and circuit
   * @param clock   the time shown in {@code status().last}
   */
  public DeliverySink(Vertx vertx, AlertChannel channel, DeliveryOptions options, Clock clock) {
    this.vertx = vertx;
    this.channel = channel;
    this.options = new DeliveryOptions(options);
    this.clock = clock;
    this.breaker = CircuitBreaker.create("vitals-alerts-" + channel.name(), vertx, new CircuitBreakerOptions()
      .setMaxFailures(options.getFailuresToOpen())
      .setResetTimeout(options.getResetTimeout())
      .setFailuresRollingWindow(FAILURES_WINDOW)
      .setTimeout(-1) // the sink's own deadline, below, which names the channel
      .setMaxRetries(0)
      .setNotificationAddress(null)); // no periodic event-bus messages
  }

  @Override
  public String name() {
    return channel.name();
  }

  @Override
  public boolean offer(Notification notification) {
    synchronized (this) {
      if (!closed && queue.size() < options.getMaxQueued()) {
        queue.add(notification);
        if (queue.size() == 1) {
          vertx.runOnContext(v -> attempt(notification, 0));
        }
        return true;
      }
      dropped++;
      record(notification, "dropped", closed ? "the channel is closed"
        : "the queue is full (maxQueued " + options.getMaxQueued() + ")", 0);
    }
    drops.log(() -> channel.type() + " channel '" + channel.name() + "': dropped a " + notification.kind().wireName()
      + " notification of " + notification.alert().check() + ": the queue is full (maxQueued "
      + options.getMaxQueued() + ")");
    return false;
  }

  /** One try of the notification at the head of the queue. */
  private void attempt(Notification notification, int retry) {
    synchronized (this) {
      retryTimer = -1;
      if (closed) {
        return;
      }
    }
    breaker.<Void>execute(() -> {
      try {
        return channel.send(notification).timeout(options.getTimeout(), TimeUnit.MILLISECONDS);
      } catch (RuntimeException e) {
        return Future.failedFuture(e);
      }
    }).onComplete(result -> {
      if (result.succeeded()) {
        done(notification, "sent", null, retry + 1);
        return;
      }
      Throwable cause = result.cause();
      String error = cause instanceof OpenCircuitException ? channel.type() + " channel '" + channel.name()
        + "': the circuit is open after " + options.getFailuresToOpen() + " failed tries; not tried"
        : cause instanceof TimeoutException ? channel.type() + " channel '" + channel.name() + "': no answer within "
        + options.getTimeout() + " ms"
        : cause instanceof ChannelException ? cause.getMessage()
        : channel.type() + " channel '" + channel.name() + "': " + cause.getClass().getSimpleName();
      if (cause instanceof OpenCircuitException || retry >= options.getRetries()) {
        done(notification, "failed", error, cause instanceof OpenCircuitException ? retry : retry + 1);
        return;
      }
      long step = Math.min(MAX_RETRY_DELAY, options.getRetryDelay() << Math.min(retry, 20));
      long delay = Math.max(1, ThreadLocalRandom.current().nextLong(step / 2, step + 1));
      synchronized (this) {
        if (closed) {
          return;
        }
        retried++;
        retryTimer = vertx.setTimer(delay, id -> attempt(notification, retry + 1));
      }
    });
  }

  /** Ends the delivery of the head of the queue, and starts the next one. */
  private void done(Notification notification, String outcome, String error, int tries) {
    Notification next;
    synchronized (this) {
      if ("sent".equals(outcome)) {
        sent++;
      } else {
        failed++;
      }
      record(notification, outcome, error, tries);
      queue.poll();
      next = closed ? null : queue.peek();
    }
    if (error != null) {
      failures.log(() -> "alert delivery failed: " + error + " (" + notification.kind().wireName() + " of "
        + notification.alert().check() + ", " + tries + " tries)");
    }
    if (next != null) {
      vertx.runOnContext(v -> attempt(next, 0));
    }
  }

  private void record(Notification notification, String outcome, String error, int tries) {
    last.addFirst(new JsonObject().put("kind", notification.kind().wireName()).put("check",
        notification.alert().check()).put("outcome", outcome).put("tries", tries)
      .put("at", clock.instant().toString()).put("error", error));
    while (last.size() > LAST) {
      last.removeLast();
    }
  }

  /**
   * @return {@code {"name", "type", "queued", "sent", "failed", "dropped", "retried", "circuit", "last"}}: as
   * {@link NotificationSink#status()} describes, plus {@code retried} (retries made) and each delivery's
   * {@code tries}
   */
  @Override
  public JsonObject status() {
    String circuit = circuit(breaker.state()); // outside this sink's lock: the breaker has its own
    synchronized (this) {
      return new JsonObject().put("name", channel.name()).put("type", channel.type())
        .put("queued", queue.size()).put("sent", sent).put("failed", failed).put("dropped", dropped)
        .put("retried", retried).put("circuit", circuit)
        .put("last", new JsonArray(new java.util.ArrayList<>(last)));
    }
  }

  private static String circuit(CircuitBreakerState state) {
    return switch (state) {
      case OPEN -> "open";
      case HALF_OPEN -> "half-open";
      case CLOSED -> "closed";
    };
  }

  @Override
  public Future<Void> close() {
    synchronized (this) {
      if (closed) {
        return Future.succeededFuture();
      }
      closed = true;
      // the notification being tried is counted when its try ends; one waiting for a retry is given up
      boolean trying = !queue.isEmpty() && retryTimer < 0;
      dropped += queue.size() - (trying ? 1 : 0);
      if (retryTimer >= 0) {
        vertx.cancelTimer(retryTimer);
      }
      queue.clear();
    }
    breaker.close();
    return channel.close();
  }
}
