/**
 * Alerting on a check registry. {@link dev.vitals.health.alerts.Alerting} observes the registry's runs, judges them
 * with rules ({@link dev.vitals.health.alerts.AlertRuleOptions}), keeps the active {@link dev.vitals.health.alerts.Alert}s
 * (root causes only: a check blocked through {@code dependsOn} is listed by its root), applies silences and
 * maintenance windows, and hands each {@link dev.vitals.health.alerts.Notification} to the sinks of its rule's
 * channels ({@link dev.vitals.health.alerts.NotificationSink}, built by {@code channels.AlertChannels}).
 */
package dev.vitals.health.alerts;
