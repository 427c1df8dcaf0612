package dev.vitals.health.web;

import dev.vitals.health.StatusChange;
import dev.vitals.health.web.impl.WebhookNotifierImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * POSTs {@link StatusChange}s as JSON to a webhook (or, with a template, as a chat message {@code {"text": ...}}),
 * with retries and exponential backoff. {@link #notify} only queues: a slow or failing webhook never delays the
 * caller or the health endpoint. Changes of one check are delivered in order, one at a time; different checks
 * do not wait for each other. A failure notice of a check is dropped when the previous one of that check was
 * sent less than {@code minInterval} ago; recoveries are always sent.
 *
 * <pre>{@code
 * WebhookNotifier notifier = WebhookNotifier.create(vertx, new WebhookOptions().setUrl(url).setTemplate("{name} is {to}: {output}"));
 * StatusEvents.listen(registry, maintenance, notifier::notify);
 * }</pre>
 */
public interface WebhookNotifier {

  /**
   * @param vertx   for the client and the retry timers
   * @param options the webhook
   * @return a new notifier
   */
  static WebhookNotifier create(Vertx vertx, WebhookOptions options) {
    return new WebhookNotifierImpl(vertx, options);
  }

  /**
   * Queues a change for delivery; returns at once.
   *
   * @param change the change
   */
  void notify(StatusChange change);

  /**
   * Stops delivering (queued changes are dropped) and closes the client.
   *
   * @return a future completed when closed
   */
  Future<Void> close();
}
