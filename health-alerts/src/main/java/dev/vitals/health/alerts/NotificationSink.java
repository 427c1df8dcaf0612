package dev.vitals.health.alerts;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Where notifications of one channel go: a bounded queue in front of the channel, delivered in order with retries
 * and a circuit breaker ({@code channels.AlertChannels} builds one per configured channel). {@link #offer} never
 * blocks and never fails: an undeliverable notification is logged once and counted, and never holds back the checks
 * or another channel.
 */
public interface NotificationSink {

  /** @return the channel's name, as rules name it */
  String name();

  /**
   * @param notification what to deliver
   * @return {@code false} when the queue is full and the notification was dropped (counted as {@code dropped})
   */
  boolean offer(Notification notification);

  /**
   * @return the channel's delivery state: {@code {"name": "ops-mail", "type": "email", "queued": 0,
   * "sent": 12, "failed": 1, "dropped": 0, "circuit": "closed", "last": [{"kind": "firing", "check": "db",
   * "outcome": "sent", "at": "2026-12-06T12:00:05Z", "error": null}, ...]}} ({@code last}: the latest deliveries,
   * newest first, at most 10; {@code circuit}: {@code closed}, {@code open} or {@code half-open})
   */
  JsonObject status();

  /** @return a future completed once the queue is given up and the channel's clients are closed */
  Future<Void> close();
}
