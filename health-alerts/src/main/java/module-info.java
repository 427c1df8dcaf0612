/**
 * Alerting on a check registry: rules that decide when a check's failure or recovery is worth a message, root cause
 * only (a check blocked through {@code dependsOn} does not alert; its root lists it), silences and recurring
 * maintenance windows, and channels that deliver the messages (Alertmanager, e-mail, Slack, Microsoft Teams,
 * PagerDuty, ntfy, webhooks), each with a bounded queue, retries and a circuit breaker.
 */
// mustache.java and cron-utils are automatic modules (named in their manifests); nothing else of ours is.
@SuppressWarnings("requires-automatic")
module dev.vitals.health.alerts {
  requires static io.vertx.codegen.api;
  requires static io.vertx.codegen.json;
  requires transitive dev.vitals.health;
  requires transitive io.vertx.web;
  requires io.vertx.web.client;
  requires io.vertx.web.common;
  requires io.vertx.mail.client;
  requires io.vertx.circuitbreaker;
  requires com.github.mustachejava;
  requires com.cronutils;

  exports dev.vitals.health.alerts;
  exports dev.vitals.health.alerts.channels;
}
