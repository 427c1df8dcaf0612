package dev.vitals.health.web.webhook;

import dev.vitals.health.StatusChange;
import dev.vitals.health.web.webhook.impl.WebhookNotifierImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * POSTs {@link StatusChange}s as JSON to a webhook (or, with a template, as a chat message {@code {"text": ...}}),
 * with retries and exponential backoff. {@link #notify} only queues: a slow or failing webhook never delays the
 * caller or the health endpoint. Changes of one check are delivered in order, one at a time; different checks
 * do not wait for each other. A failure notice of a check is dropped when the previous one of that check was
 * sent less than {@code minInterval} ago; recoveries are always sent.
 *
 * <p>Memory is bounded whatever the receiver does: per check the notifier holds the change being delivered and
 * the latest one waiting; a newer change supersedes the one waiting (from what the receiver heard last to the
 * newest state; a flap back to that state cancels both). All checks together hold at most
 * {@link WebhookOptions#getMaxQueued()}; beyond, new changes are dropped. Outputs are cut to
 * {@link StatusChange#MAX_OUTPUT_LENGTH} characters. A POST is bounded as a whole by {@code timeout} (a receiver
 * streaming an endless answer has its connection closed). Drops are counted ({@link #dropped()}) and logged once
 * per burst; logs name the webhook's origin only, never its path (where chat webhooks keep their secret).
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

  /** @return the changes held now: being delivered or waiting, all checks together */
  int queued();

  /** @return the changes never delivered since creation: superseded by a later one of their check, or dropped
   * because {@code maxQueued} changes were held */
  long dropped();

  /** @return the changes delivered since creation: POSTs answered 2xx, at the first attempt or after retries */
  long delivered();

  /** @return the retries since creation: failed POSTs (an error, a timeout or a non-2xx answer) tried again */
  long retried();

  /** @return the changes given up on since creation: their last retry failed too (each is logged) */
  long failed();

  /**
   * Stops delivering (queued changes are dropped) and closes the client.
   *
   * @return a future completed when closed
   */
  Future<Void> close();
}
