/**
 * The channels alerts are delivered through: one entry of {@code alerts.channels} each
 * ({@link dev.vitals.health.alerts.channels.ChannelOptions}), a type per well-kept client or published API, each type's
 * keys in its options class ({@link dev.vitals.health.alerts.channels.AlertmanagerOptions},
 * {@link dev.vitals.health.alerts.channels.EmailOptions}, {@link dev.vitals.health.alerts.channels.ChatWebhookOptions},
 * {@link dev.vitals.health.alerts.channels.PagerDutyOptions},
 * {@link dev.vitals.health.alerts.channels.NtfyOptions}, {@link dev.vitals.health.alerts.channels.WebhookChannelOptions})
 * and the delivery keys every type shares in {@link dev.vitals.health.alerts.channels.DeliveryOptions}.
 * {@link dev.vitals.health.alerts.channels.AlertChannels} builds a {@link dev.vitals.health.alerts.NotificationSink} per
 * entry.
 */
package dev.vitals.health.alerts.channels;
