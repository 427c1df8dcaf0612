package dev.vitals.health.alerts.channels.impl;

import dev.vitals.health.alerts.Notification;
import dev.vitals.health.alerts.channels.WebhookChannelOptions;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

/**
 * A generic webhook: {@code POST <url>} with the notification's JSON form, or the configured Mustache template
 * rendered over it ({@link Template}), with the configured headers and {@code Content-Type}.
 */
final class WebhookChannel extends HttpChannel {

  private final WebhookChannelOptions options;
  private final Template template;

  WebhookChannel(Vertx vertx, String name, long timeout, WebhookChannelOptions options) {
    super(vertx, "webhook", name, timeout, secrets(options));
    this.options = options;
    this.template = options.getTemplate() == null ? null
      : Template.compile("template", options.getTemplate(), options.getContentType());
  }

  private static Secrets secrets(WebhookChannelOptions options) {
    Secrets secrets = new Secrets().url(options.getUrl());
    options.getHeaders().values().forEach(secrets::add);
    return secrets;
  }

  @Override
  public Future<Void> send(Notification notification) {
    Buffer body;
    try {
      body = template == null ? notification.toJson().toBuffer()
        : Buffer.buffer(template.render(notification.toJson()), "UTF-8");
    } catch (RuntimeException e) {
      return Future.failedFuture(failure("the template failed: " + e.getMessage()));
    }
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Type", options.getContentType());
    options.getHeaders().forEach(headers::set);
    return post(options.getUrl(), headers, body);
  }
}
