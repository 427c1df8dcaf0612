package dev.vitals.health.alerts.channels;

import dev.vitals.health.JsonForm;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An entry of alerts.channels: read whole, errors naming the key and never a secret, and its schema. */
class ChannelOptionsTest {

  private static final JsonForm ALERTS = JsonForm.of("alerts.")
    .objects("channels", ChannelOptions::new, ChannelOptions::schema);

  private static void fails(JsonObject entry, String message) {
    assertThatThrownBy(() -> ALERTS.read(new JsonObject().put("channels", new JsonArray()
      .add(new JsonObject().put("type", "ntfy").put("name", "ok").put("url", "https://ntfy.sh/t")).add(entry))))
      .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void anEntryIsReadWholeAndItsErrorsNameTheKey() {
    fails(new JsonObject().put("type", "sms").put("name", "x"), "alerts.channels[1].type: expected one of "
      + "alertmanager, email, slack, teams, pagerduty, ntfy or webhook, got 'sms'");
    fails(new JsonObject().put("type", "slack"), "alerts.channels[1].name: expected a non-empty string, got 'null'");
    fails(new JsonObject().put("type", "slack").put("name", "s"), "alerts.channels[1].url: required field missing");
    fails(new JsonObject().put("type", "slack").put("name", "s").put("url", "hooks.slack.com/services/T/B/S3CR3T"),
      "alerts.channels[1].url: expected an absolute http:// or https:// URL, got '********'");
    fails(new JsonObject().put("type", "email").put("name", "m").put("host", "smtp").put("from", "a@b")
      .put("to", new JsonArray()), "alerts.channels[1].to: expected a non-empty array of non-empty strings, got '[]'");
    fails(new JsonObject().put("type", "email").put("name", "m").put("host", "smtp").put("from", "a@b")
      .put("to", new JsonArray().add("c@d")).put("starttls", "yes"),
      "alerts.channels[1].starttls: expected disabled, optional or required, got 'yes'");
    fails(new JsonObject().put("type", "pagerduty").put("name", "p").put("routingKey", "k")
      .put("severity", new JsonObject().put("fail", "high")),
      "alerts.channels[1].severity.fail: expected critical, error, warning or info, got 'high'");
    fails(new JsonObject().put("type", "ntfy").put("name", "n").put("url", "https://ntfy.sh/t").put("retries", 11),
      "alerts.channels[1].retries: expected from 0 to 10, got '11'");
    fails(new JsonObject().put("type", "ntfy").put("name", "n").put("url", "https://ntfy.sh/t").put("timeout", "5 min"),
      "alerts.channels[1].timeout: invalid duration '5 min', expected milliseconds or a string like \"500ms\", "
        + "\"27s\", \"5m\""); // health-core's Durations
    fails(new JsonObject().put("type", "teams").put("name", "t").put("url", "https://x.test/w").put("channel", "#ops"),
      "alerts.channels[1].channel: unknown field, expected one of type, name, timeout, maxQueued, retries, "
        + "retryDelay, failuresToOpen, resetTimeout, url");
    fails(new JsonObject().put("type", "webhook").put("name", "w").put("url", "https://x.test/w")
      .put("headers", new JsonObject().put("X-Key", "abc\r\nX-Evil: 1")),
      "alerts.channels[1].headers.X-Key: expected a header value without CR or LF, got '********'");
  }

  @Test
  void anEntrysTypeKeysAndDeliveryKeysAreKeptApart() {
    ChannelOptions entry = new ChannelOptions(new JsonObject().put("type", "email").put("name", "ops-mail")
      .put("host", "smtp.example.com").put("port", 587).put("from", "vitals@example.com")
      .put("to", new JsonArray().add("ops@example.com")).put("password", "pa55word").put("retries", 5)
      .put("retryDelay", "2s"));
    assertThat(entry.getType()).isEqualTo("email");
    assertThat(entry.getName()).isEqualTo("ops-mail");
    assertThat(entry.getSettings().fieldNames()).containsExactlyInAnyOrder("host", "port", "from", "to", "password");
    assertThat(entry.getDelivery().getRetries()).isEqualTo(5);
    assertThat(entry.getDelivery().getRetryDelay()).isEqualTo(2000);
    assertThat(entry.getDelivery().getTimeout()).isEqualTo(DeliveryOptions.DEFAULT_TIMEOUT);
    assertThat(entry.toJson().getString("password")).isEqualTo("pa55word");
    assertThat(entry.toString()).isEqualTo("email channel 'ops-mail'");
    assertThat(new EmailOptions(entry.getSettings()).toString()).doesNotContain("pa55word");
  }

  @Test
  void theSchemaDescribesEveryTypesKeys() {
    JsonObject schema = ChannelOptions.schema();
    assertThat(schema.getJsonArray("required")).containsExactly("type", "name");
    JsonObject common = schema.getJsonObject("properties");
    assertThat(strings(common.getJsonObject("type").getJsonArray("enum"))).isEqualTo(AlertChannels.types());
    assertThat(common.getJsonObject("retryDelay").getString("default")).isEqualTo("1s");
    assertThat(common.getJsonObject("timeout").getString("default")).isEqualTo("5s");
    assertThat(common.getJsonObject("maxQueued").getInteger("default")).isEqualTo(1000);
    JsonArray branches = schema.getJsonArray("allOf");
    assertThat(branches).hasSize(AlertChannels.types().size());
    for (int i = 0; i < branches.size(); i++) {
      JsonObject branch = branches.getJsonObject(i);
      String type = AlertChannels.types().get(i);
      assertThat(branch.getJsonObject("if").getJsonObject("properties").getJsonObject("type").getString("const"))
        .isEqualTo(type);
      JsonObject then = branch.getJsonObject("then");
      assertThat(then.getString("description")).isNotBlank();
      then.getJsonObject("properties").forEach(key -> assertThat(((JsonObject) key.getValue())
        .getString("description")).as(type + "." + key.getKey()).isNotBlank());
      assertThat(strings(then.getJsonObject("propertyNames").getJsonArray("enum")))
        .contains("type", "name", "retries", "maxQueued").containsAll(then.getJsonObject("properties").fieldNames());
    }
    JsonObject email = then(schema, "email");
    assertThat(email.getJsonArray("required")).containsExactly("host", "from", "to");
    assertThat(email.getJsonObject("properties").getJsonObject("password").getBoolean("writeOnly")).isTrue();
    assertThat(email.getJsonObject("properties").getJsonObject("starttls").getString("default")).isEqualTo("optional");
    assertThat(email.getJsonObject("properties").getJsonObject("port").getInteger("default")).isEqualTo(25);
    for (String type : List.of("slack", "teams", "webhook", "ntfy")) {
      assertThat(then(schema, type).getJsonObject("properties").getJsonObject("url").getBoolean("writeOnly"))
        .as(type).isTrue();
    }
    assertThat(then(schema, "pagerduty").getJsonObject("properties").getJsonObject("routingKey")
      .getBoolean("writeOnly")).isTrue();
    assertThat(then(schema, "pagerduty").getJsonObject("properties").getJsonObject("url").getString("default"))
      .isEqualTo("https://events.pagerduty.com/v2/enqueue");
    assertThat(then(schema, "alertmanager").getJsonObject("properties").getJsonObject("resendInterval")
      .getString("default")).isEqualTo("1m");
    assertThat(then(schema, "alertmanager").getJsonObject("properties").getJsonObject("url").containsKey("writeOnly"))
      .isFalse();
  }

  private static List<String> strings(JsonArray array) {
    return array.stream().map(String.class::cast).toList();
  }

  private static JsonObject then(JsonObject schema, String type) {
    return schema.getJsonArray("allOf").getJsonObject(AlertChannels.types().indexOf(type)).getJsonObject("then");
  }
}
