/**
 * Outbound: the {@link dev.vitals.health.web.webhook.WebhookNotifier} POSTs each status change to a configured URL
 * (bounded queue, retries with backoff, one bounded exchange per delivery), configured by
 * {@link dev.vitals.health.web.webhook.WebhookOptions}. It serves no route and depends on no other part.
 */
package dev.vitals.health.web.webhook;
