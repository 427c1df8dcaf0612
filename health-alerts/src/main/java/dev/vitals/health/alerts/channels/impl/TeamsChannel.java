package dev.vitals.health.alerts.channels.impl;

import dev.vitals.health.alerts.Alert;
import dev.vitals.health.alerts.Notification;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A Microsoft Teams Workflows webhook ("Post to a channel when a webhook request is received"): a message with one
 * Adaptive Card, version 1.4 (https://adaptivecards.io/schemas/adaptive-card.json, the version Teams renders):
 * <pre>{@code
 * {"type": "message",
 *  "attachments": [{"contentType": "application/vnd.microsoft.card.adaptive", "contentUrl": null,
 *    "content": {"$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "type": "AdaptiveCard",
 *                "version": "1.4",
 *                "body": [{"type": "TextBlock", "text": "[FIRING] db fails", "weight": "Bolder", ...},
 *                         {"type": "TextBlock", "text": "db fails: Connection refused", "wrap": true},
 *                         {"type": "FactSet", "facts": [{"title": "Check", "value": "db"}, ...]}]}}]}
 * }</pre>
 */
final class TeamsChannel extends ChatChannel {

  /** The Adaptive Card schema version sent. */
  static final String CARD_VERSION = "1.4";

  TeamsChannel(Vertx vertx, String name, long timeout, String url) {
    super(vertx, "teams", name, timeout, url);
  }

  @Override
  JsonObject message(Notification notification) {
    return payload(notification);
  }

  static JsonObject payload(Notification notification) {
    Alert alert = notification.alert();
    String color = switch (notification.kind()) {
      case FIRING -> "Attention";
      case REMINDER -> "Warning";
      case RESOLVED -> "Good";
    };
    JsonArray facts = new JsonArray()
      .add(fact("Check", alert.check()))
      .add(fact("Status", notification.kind() == Notification.Kind.RESOLVED ? "recovered" : Texts.status(alert)))
      .add(fact("Instance", Texts.instance(alert)))
      .add(fact("Since", alert.since().toString()));
    if (!alert.blocks().isEmpty()) {
      facts.add(fact("Blocks", String.join(", ", alert.blocks())));
    }
    if (notification.kind() == Notification.Kind.RESOLVED) {
      facts.add(fact("Resolved", notification.timestamp().toString()));
    }
    JsonObject card = new JsonObject()
      .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
      .put("type", "AdaptiveCard")
      .put("version", CARD_VERSION)
      .put("body", new JsonArray()
        .add(new JsonObject().put("type", "TextBlock").put("text", Texts.tag(notification) + " "
          + Texts.headline(notification)).put("weight", "Bolder").put("size", "Medium").put("color", color)
          .put("wrap", true))
        .add(new JsonObject().put("type", "TextBlock").put("text", notification.summary()).put("wrap", true))
        .add(new JsonObject().put("type", "FactSet").put("facts", facts)));
    return new JsonObject().put("type", "message").put("attachments", new JsonArray()
      .add(new JsonObject().put("contentType", "application/vnd.microsoft.card.adaptive").putNull("contentUrl")
        .put("content", card)));
  }

  private static JsonObject fact(String title, String value) {
    return new JsonObject().put("title", title).put("value", value);
  }
}
