package dev.vitals.health.alerts.channels.impl;

import dev.vitals.health.alerts.Alert;
import dev.vitals.health.alerts.Notification;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A Slack incoming webhook (https://api.slack.com/messaging/webhooks), Block Kit
 * (https://api.slack.com/reference/block-kit/blocks):
 * <pre>{@code
 * {"text": "[FIRING] db fails: Connection refused",                     // the notification's fallback text
 *  "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "*[FIRING] db fails*\nConnection refused..."}},
 *             {"type": "context", "elements": [{"type": "mrkdwn", "text": "check `db` · instance web-1 · since ..."}]}]}
 * }</pre>
 * Text is escaped as Slack asks ({@code &}, {@code <}, {@code >}) and cut to the block's 3000 characters.
 */
final class SlackChannel extends ChatChannel {

  SlackChannel(Vertx vertx, String name, long timeout, String url) {
    super(vertx, "slack", name, timeout, url);
  }

  @Override
  JsonObject message(Notification notification) {
    return payload(notification);
  }

  static JsonObject payload(Notification notification) {
    Alert alert = notification.alert();
    String text = Texts.tag(notification) + " " + notification.summary();
    StringBuilder section = new StringBuilder("*").append(escape(Texts.tag(notification) + " "
      + Texts.headline(notification))).append("*");
    if (notification.kind() != Notification.Kind.RESOLVED && alert.output() != null && !alert.output().isEmpty()) {
      section.append("\n").append(escape(alert.output()));
    }
    if (!alert.blocks().isEmpty()) {
      section.append("\n").append(notification.kind() == Notification.Kind.RESOLVED ? "It blocked: " : "Blocks: ")
        .append(escape(String.join(", ", alert.blocks())));
    }
    String context = "check `" + escape(alert.check()) + "` · instance " + escape(Texts.instance(alert))
      + " · since " + alert.since() + (notification.kind() == Notification.Kind.RESOLVED
      ? " · resolved " + notification.timestamp() : "");
    return new JsonObject().put("text", escape(Texts.cut(text, 3000))).put("blocks", new JsonArray()
      .add(new JsonObject().put("type", "section").put("text", new JsonObject().put("type", "mrkdwn")
        .put("text", Texts.cut(section.toString(), 3000))))
      .add(new JsonObject().put("type", "context").put("elements", new JsonArray()
        .add(new JsonObject().put("type", "mrkdwn").put("text", Texts.cut(context, 3000))))));
  }

  /** @return the text with Slack's control characters escaped */
  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
