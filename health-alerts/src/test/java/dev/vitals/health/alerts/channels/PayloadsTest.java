package dev.vitals.health.alerts.channels;

import dev.vitals.health.alerts.NotificationSink;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.vitals.health.alerts.channels.Fixtures.channel;
import static dev.vitals.health.alerts.channels.Fixtures.firing;
import static dev.vitals.health.alerts.channels.Fixtures.resolved;
import static dev.vitals.health.test.Await.result;
import static dev.vitals.health.test.Await.until;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each HTTP channel POSTs, checked against its provider's published format, on a loopback receiver. */
@ExtendWith(VertxExtension.class)
class PayloadsTest {

  private final List<AutoCloseable> closing = new ArrayList<>();
  private final List<NotificationSink> sinks = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    for (NotificationSink sink : sinks) {
      result(sink.close());
    }
    for (AutoCloseable c : closing) {
      c.close();
    }
  }

  private Receiver receiver(Vertx vertx, int status) {
    Receiver receiver = new Receiver(vertx, status);
    closing.add(receiver);
    return receiver;
  }

  private NotificationSink sink(Vertx vertx, String type, JsonObject settings) {
    Map<String, NotificationSink> created = AlertChannels.create(vertx, List.of(channel(type, "ch", settings)));
    NotificationSink sink = created.get("ch");
    sinks.add(sink);
    return sink;
  }

  private static void sent(NotificationSink sink, int count) {
    until(() -> sink.status().getLong("sent") >= count, () -> "status " + sink.status());
  }

  @Test
  void slackPostsTextAndBlockKitSectionAndContext(Vertx vertx) {
    Receiver slack = receiver(vertx, 200);
    NotificationSink sink = sink(vertx, "slack", new JsonObject().put("url", slack.url() + "/services/T0/B0/x"));
    sink.offer(firing("db"));
    Receiver.Request request = slack.await(1).get(0);
    assertThat(request.path()).isEqualTo("/services/T0/B0/x");
    assertThat(request.headers().get("Content-Type")).isEqualTo("application/json");
    JsonObject body = request.json();
    assertThat(body.getString("text")).isEqualTo("[FIRING] db fails: Connection refused; blocks: invoices, orders");
    JsonArray blocks = body.getJsonArray("blocks");
    assertThat(blocks).hasSize(2);
    JsonObject section = blocks.getJsonObject(0);
    assertThat(section.getString("type")).isEqualTo("section");
    assertThat(section.getJsonObject("text").getString("type")).isEqualTo("mrkdwn");
    assertThat(section.getJsonObject("text").getString("text"))
      .isEqualTo("*[FIRING] db fails*\nConnection refused\nBlocks: invoices, orders");
    JsonObject context = blocks.getJsonObject(1);
    assertThat(context.getString("type")).isEqualTo("context");
    assertThat(context.getJsonArray("elements").getJsonObject(0).getString("type")).isEqualTo("mrkdwn");
    assertThat(context.getJsonArray("elements").getJsonObject(0).getString("text"))
      .isEqualTo("check `db` · instance web-1 · since 2026-12-06T12:00:00Z");
    sent(sink, 1);
  }

  @Test
  void teamsPostsAMessageWithAnAdaptiveCard(Vertx vertx) {
    Receiver teams = receiver(vertx, 202);
    NotificationSink sink = sink(vertx, "teams", new JsonObject().put("url", teams.url() + "/workflows/abc"));
    sink.offer(resolved("db"));
    JsonObject body = teams.await(1).get(0).json();
    assertThat(body.getString("type")).isEqualTo("message");
    JsonObject attachment = body.getJsonArray("attachments").getJsonObject(0);
    assertThat(attachment.getString("contentType")).isEqualTo("application/vnd.microsoft.card.adaptive");
    JsonObject card = attachment.getJsonObject("content");
    assertThat(card.getString("type")).isEqualTo("AdaptiveCard");
    assertThat(card.getString("$schema")).isEqualTo("http://adaptivecards.io/schemas/adaptive-card.json");
    assertThat(card.getString("version")).isEqualTo("1.4");
    JsonArray cardBody = card.getJsonArray("body");
    assertThat(cardBody.getJsonObject(0).getString("type")).isEqualTo("TextBlock");
    assertThat(cardBody.getJsonObject(0).getString("text")).isEqualTo("[RESOLVED] db recovered");
    assertThat(cardBody.getJsonObject(1).getString("text")).isEqualTo("db recovered; it blocked invoices, orders");
    assertThat(cardBody.getJsonObject(2).getString("type")).isEqualTo("FactSet");
    assertThat(cardBody.getJsonObject(2).getJsonArray("facts").getJsonObject(0))
      .isEqualTo(new JsonObject().put("title", "Check").put("value", "db"));
    sent(sink, 1);
  }

  @Test
  void pagerDutyTriggersThenResolvesWithOneDedupKey(Vertx vertx) {
    Receiver pagerDuty = receiver(vertx, 202);
    NotificationSink sink = sink(vertx, "pagerduty", new JsonObject().put("routingKey", "R0UTINGKEY0123456789")
      .put("url", pagerDuty.url() + "/v2/enqueue"));
    sink.offer(firing("db"));
    sink.offer(resolved("db"));
    List<Receiver.Request> requests = pagerDuty.await(2);
    assertThat(requests).extracting(Receiver.Request::path).containsExactly("/v2/enqueue", "/v2/enqueue");
    JsonObject trigger = requests.get(0).json();
    JsonObject resolve = requests.get(1).json();
    assertThat(trigger.getString("routing_key")).isEqualTo("R0UTINGKEY0123456789");
    assertThat(trigger.getString("event_action")).isEqualTo("trigger");
    assertThat(trigger.getString("dedup_key")).isEqualTo("vitals:orders:db");
    JsonObject payload = trigger.getJsonObject("payload");
    assertThat(payload.getString("summary")).isEqualTo("db fails: Connection refused; blocks: invoices, orders");
    assertThat(payload.getString("source")).isEqualTo("web-1");
    assertThat(payload.getString("severity")).isEqualTo("critical");
    assertThat(payload.getJsonObject("custom_details").getJsonObject("labels").getString("check")).isEqualTo("db");
    assertThat(resolve.getString("routing_key")).isEqualTo("R0UTINGKEY0123456789");
    assertThat(resolve.getString("event_action")).isEqualTo("resolve");
    assertThat(resolve.getString("dedup_key")).isEqualTo(trigger.getString("dedup_key"));
    assertThat(resolve.containsKey("payload")).isFalse();
    sent(sink, 2);
  }

  @Test
  void pagerDutyMapsAWarnToItsSeverity(Vertx vertx) {
    Receiver pagerDuty = receiver(vertx, 202);
    NotificationSink sink = sink(vertx, "pagerduty", new JsonObject().put("routingKey", "key")
      .put("url", pagerDuty.url()).put("severity", new JsonObject().put("fail", "error")));
    sink.offer(firing("db"));
    assertThat(pagerDuty.await(1).get(0).json().getJsonObject("payload").getString("severity")).isEqualTo("error");
  }

  @Test
  void ntfyPostsTheSummaryWithTitlePriorityTagsAndToken(Vertx vertx) {
    Receiver ntfy = receiver(vertx, 200);
    NotificationSink sink = sink(vertx, "ntfy", new JsonObject().put("url", ntfy.url() + "/vitals-alerts")
      .put("token", "tk_secret").put("priority", 5));
    sink.offer(firing("db"));
    sink.offer(resolved("db"));
    sink.offer(new dev.vitals.health.alerts.Notification(dev.vitals.health.alerts.Notification.Kind.REMINDER,
      Fixtures.alert("bäckerei"), Fixtures.SINCE.plusSeconds(600)));
    List<Receiver.Request> requests = ntfy.await(3);
    Receiver.Request first = requests.get(0);
    assertThat(first.path()).isEqualTo("/vitals-alerts");
    assertThat(first.body()).isEqualTo("db fails: Connection refused; blocks: invoices, orders");
    assertThat(first.headers().get("Title")).isEqualTo("[FIRING] db fails");
    assertThat(first.headers().get("Priority")).isEqualTo("5");
    assertThat(first.headers().get("Tags")).isEqualTo("rotating_light,vitals");
    assertThat(first.headers().get("Authorization")).isEqualTo("Bearer tk_secret");
    assertThat(requests.get(1).headers().get("Title")).isEqualTo("[RESOLVED] db recovered");
    assertThat(requests.get(1).headers().get("Priority")).isEqualTo("3");
    assertThat(requests.get(1).headers().get("Tags")).isEqualTo("white_check_mark,vitals");
    // not ASCII: RFC 2047, as ntfy reads it
    assertThat(requests.get(2).headers().get("Title")).isEqualTo("=?UTF-8?B?" + java.util.Base64.getEncoder()
      .encodeToString("[REMINDER] bäckerei fails".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "?=");
    assertThat(requests.get(2).headers().get("Priority")).isEqualTo("5");
    assertThat(requests.get(2).headers().get("Tags")).isEqualTo("bell,vitals");
  }

  @Test
  void webhookWithoutTemplatePostsTheNotificationsJsonForm(Vertx vertx) {
    Receiver hook = receiver(vertx, 204);
    NotificationSink sink = sink(vertx, "webhook", new JsonObject().put("url", hook.url() + "/hook")
      .put("headers", new JsonObject().put("X-Token", "abc")));
    sink.offer(firing("db"));
    Receiver.Request request = hook.await(1).get(0);
    assertThat(request.json()).isEqualTo(firing("db").toJson());
    assertThat(request.headers().get("X-Token")).isEqualTo("abc");
    assertThat(request.headers().get("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void webhookRendersItsMustacheTemplateEscapedForJson(Vertx vertx) {
    Receiver hook = receiver(vertx, 204);
    String template = "{\"text\": \"{{kind}}: {{summary}} ({{alert.labels.instance}}, blocks"
      + "{{#alert.blocks}} {{.}}{{/alert.blocks}})\"}";
    NotificationSink sink = sink(vertx, "webhook", new JsonObject().put("url", hook.url())
      .put("template", template));
    sink.offer(new dev.vitals.health.alerts.Notification(dev.vitals.health.alerts.Notification.Kind.FIRING,
      new dev.vitals.health.alerts.Alert("db", dev.vitals.health.HealthStatus.FAIL, "said \"no\"\n", true,
        Fixtures.SINCE, List.of("a", "b"), List.of("web-1"), 1, "default", Map.of("instance", "web-1")),
      Fixtures.SINCE));
    JsonObject body = hook.await(1).get(0).json(); // valid JSON: the quote and the newline were escaped
    assertThat(body.getString("text")).isEqualTo("firing: db fails: said \"no\"\n; blocks: a, b (web-1, blocks a b)");
  }

  @Test
  void aTemplateReachesNoMethodAndNoFile(Vertx vertx) {
    Receiver hook = receiver(vertx, 204);
    NotificationSink sink = sink(vertx, "webhook", new JsonObject().put("url", hook.url()).put("contentType",
      "text/plain").put("template", "[{{summary.length}}|{{alert.class}}|{{alert.getClass}}|{{kind.bytes}}"
      + "|{{#alert.class}}x{{/alert.class}}|{{alert.check.empty}}|{{alert.labels.class.name}}|{{alert.check}}]"));
    sink.offer(firing("db"));
    assertThat(hook.await(1).get(0).body()).isEqualTo("[|||||||db]");
    assertThatThrownBy(() -> channel("webhook", "x", new JsonObject().put("url", hook.url())
      .put("template", "{{> /etc/passwd}}")))
      .isInstanceOf(IllegalArgumentException.class)
      .hasMessageStartingWith("template: expected a Mustache template without partials");
  }
}
