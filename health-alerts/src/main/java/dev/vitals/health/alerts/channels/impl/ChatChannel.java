package dev.vitals.health.alerts.channels.impl;

import dev.vitals.health.alerts.Notification;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/** A chat webhook (Slack, Teams): one secret URL, and one JSON message per notification, POSTed to it. */
abstract class ChatChannel extends HttpChannel {

  private final String url;

  /**
   * @param type    the channel's type
   * @param name    the channel's name
   * @param timeout one POST's limit, in ms
   * @param url     the webhook's URL, a secret: masked in errors
   */
  ChatChannel(Vertx vertx, String type, String name, long timeout, String url) {
    super(vertx, type, name, timeout, new Secrets().url(url));
    this.url = url;
  }

  @Override
  public Future<Void> send(Notification notification) {
    return post(url, MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json"),
      message(notification).toBuffer());
  }

  /** @return the provider's message for the notification */
  abstract JsonObject message(Notification notification);
}
