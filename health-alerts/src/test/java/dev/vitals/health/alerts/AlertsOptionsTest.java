package dev.vitals.health.alerts;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The alerts section's JSON forms: read, written back, refused naming the field, described by their schemas. */
class AlertsOptionsTest {

  @Test
  void aRuleReadsItsJsonForm() {
    AlertRuleOptions rule = new AlertRuleOptions(new JsonObject("""
      {"name": "databases", "checks": ["db/*"], "tags": ["readiness"], "critical": true, "on": "warn",
       "failuresBefore": 3, "successesBefore": 2, "repeatEvery": "1h", "sendResolved": false,
       "channels": ["ops"], "instances": "50%"}"""));
    assertThat(rule.getName()).isEqualTo("databases");
    assertThat(rule.getChecks()).containsExactly("db/*");
    assertThat(rule.getTags()).containsExactly("readiness");
    assertThat(rule.getCritical()).isTrue();
    assertThat(rule.getOn()).isEqualTo(AlertRuleOptions.On.WARN);
    assertThat(rule.getFailuresBefore()).isEqualTo(3);
    assertThat(rule.getSuccessesBefore()).isEqualTo(2);
    assertThat(rule.getRepeatEvery()).isEqualTo(3_600_000);
    assertThat(rule.isSendResolved()).isFalse();
    assertThat(rule.getChannels()).containsExactly("ops");
    assertThat(rule.getInstances()).isEqualTo("50%");
    assertThat(rule.quorum(5)).isEqualTo(3);
    assertThat(rule.quorum(1)).isEqualTo(1);
    assertThat(new AlertRuleOptions(rule.toJson()).toJson()).isEqualTo(rule.toJson());
    assertThat(rule.toJson().getString("on")).isEqualTo("warn");

    AlertRuleOptions count = new AlertRuleOptions(new JsonObject().put("name", "r").put("instances", 2));
    assertThat(count.toJson().getValue("instances")).isEqualTo(2);
    assertThat(count.quorum(5)).isEqualTo(2);
    assertThat(count.quorum(1)).isEqualTo(1); // without a fleet this instance meets any quorum
    AlertRuleOptions defaults = new AlertRuleOptions(new JsonObject().put("name", "r"));
    assertThat(defaults.getCritical()).isNull();
    assertThat(defaults.getOn()).isEqualTo(AlertRuleOptions.On.FAIL);
    assertThat(defaults.isSendResolved()).isTrue();
    assertThat(defaults.getInstances()).isEqualTo("1");
  }

  @Test
  void aRuleRefusesNamingTheField() {
    assertThatThrownBy(() -> new AlertRuleOptions(new JsonObject().put("name", "r").put("failuresBefore", 0)))
      .hasMessage("failuresBefore: expected an integer from 1 to 1000, got '0'");
    assertThatThrownBy(() -> new AlertRuleOptions(new JsonObject().put("name", "r").put("instances", "150%")))
      .hasMessage("instances: expected a count of instances (1 or more), or a percentage of them such as \"50%\","
        + " got '150%'");
    assertThatThrownBy(() -> new AlertRuleOptions(new JsonObject().put("name", "r").put("instances", 0)))
      .hasMessageStartingWith("instances: expected a count");
    assertThatThrownBy(() -> new AlertRuleOptions(new JsonObject().put("name", "r").put("on", "down")))
      .hasMessage("on: expected fail or warn, got 'down'");
    assertThatThrownBy(() -> new AlertRuleOptions(new JsonObject().put("checks", new JsonArray().add("db"))))
      .hasMessage("name: required field missing");
    assertThatThrownBy(() -> new AlertRuleOptions(new JsonObject().put("name", "r").put("repeat", "1h")))
      .hasMessageStartingWith("repeat: unknown field, expected one of name, checks, tags, critical, on,");
  }

  @Test
  void aWindowReadsItsJsonFormAndRefusesAnInvalidCron() {
    MaintenanceWindowOptions window = new MaintenanceWindowOptions(new JsonObject("""
      {"name": "backup", "cron": "0 2 * * 1-5", "duration": "30m", "timeZone": "Europe/Paris",
       "checks": ["db/*"], "tags": ["batch"], "statusMaintenance": true}"""));
    assertThat(window.getDuration()).isEqualTo(1_800_000);
    assertThat(window.getTimeZone()).isEqualTo("Europe/Paris");
    assertThat(window.isStatusMaintenance()).isTrue();
    assertThat(new MaintenanceWindowOptions(window.toJson()).toJson()).isEqualTo(window.toJson());

    assertThatThrownBy(() -> new MaintenanceWindowOptions(new JsonObject()
      .put("name", "w").put("cron", "0 2 * *").put("duration", "1m")))
      .isInstanceOf(IllegalArgumentException.class)
      .hasMessageStartingWith("cron: expected a Unix cron expression (5 fields: minute hour day-of-month month"
        + " day-of-week), got '0 2 * *': ")
      .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> new MaintenanceWindowOptions(new JsonObject()
      .put("name", "w").put("cron", "0 25 * * *").put("duration", "1m")))
      .hasMessageStartingWith("cron: expected a Unix cron expression");
    assertThatThrownBy(() -> new MaintenanceWindowOptions(new JsonObject()
      .put("name", "w").put("cron", "0 2 * * *").put("duration", "1m").put("timeZone", "Mars/Olympus")))
      .hasMessage("timeZone: expected an IANA time zone id such as \"Europe/Paris\", got 'Mars/Olympus'");
    assertThatThrownBy(() -> new MaintenanceWindowOptions(new JsonObject().put("name", "w").put("cron", "0 2 * * *")))
      .hasMessage("duration: required field missing");
  }

  @Test
  void theSectionReadsItsJsonFormWithTheDefaultRule() {
    AlertsOptions options = new AlertsOptions(new JsonObject("""
      {"channels": [{"type": "alertmanager", "name": "am", "url": "http://127.0.0.1:9093"}],
       "silencesFile": "silences.json", "maxSilences": 10, "maxActive": 20, "groupWait": "2s",
       "evaluateEvery": "500ms"}"""));
    assertThat(options.getChannels()).extracting(channel -> channel.getName()).containsExactly("am");
    assertThat(options.getRules()).isEmpty();
    assertThat(options.effectiveRules()).hasSize(1);
    AlertRuleOptions rule = options.effectiveRules().get(0);
    assertThat(rule.getName()).isEqualTo("default");
    assertThat(rule.getCritical()).isTrue();
    assertThat(rule.getChannels()).isEmpty();
    assertThat(options.getSilencesFile()).isEqualTo("silences.json");
    assertThat(options.getMaxSilences()).isEqualTo(10);
    assertThat(options.getMaxActive()).isEqualTo(20);
    assertThat(options.getGroupWait()).isEqualTo(2000);
    assertThat(options.getEvaluateEvery()).isEqualTo(500);
    assertThat(new AlertsOptions(options.toJson()).toJson()).isEqualTo(options.toJson());

    AlertsOptions defaults = new AlertsOptions(new JsonObject());
    assertThat(defaults.getMaxSilences()).isEqualTo(1000);
    assertThat(defaults.getMaxActive()).isEqualTo(10_000);
    assertThat(defaults.getSilencesFile()).isNull();
  }

  @Test
  void theSectionRefusesNamingTheEntryAndField() {
    assertThatThrownBy(() -> new AlertsOptions(new JsonObject("""
      {"rules": [{"name": "r", "failuresBefore": "3"}]}""")))
      .hasMessage("rules[0].failuresBefore: expected an integer, got '3'");
    assertThatThrownBy(() -> new AlertsOptions(new JsonObject("""
      {"channels": [{"type": "ntfy", "name": "phone", "url": "http://127.0.0.1:1/alerts"}], "rules": [{"name": "r", "channels": ["pager"]}]}""")))
      .hasMessage("rules[0].channels: unknown channel 'pager', expected one of phone");
    assertThatThrownBy(() -> new AlertsOptions(new JsonObject("""
      {"rules": [{"name": "r"}, {"name": "r"}]}""")))
      .hasMessage("rules[1].name: 'r' is already the name of rules[0]");
    assertThatThrownBy(() -> new AlertsOptions(new JsonObject("""
      {"windows": [{"name": "w", "cron": "every night", "duration": "1h"}]}""")))
      .hasMessageStartingWith("windows[0].cron: expected a Unix cron expression");
    assertThatThrownBy(() -> new AlertsOptions(new JsonObject().put("maxSilences", 0)))
      .hasMessage("maxSilences: expected an integer from 1 to 1000000, got '0'");
    assertThatThrownBy(() -> new AlertsOptions(new JsonObject().put("channels", new JsonArray().add(new JsonObject()))))
      .hasMessageStartingWith("channels[0].type: ");
  }

  @Test
  void theSchemasDescribeEveryKeyWithItsDefault() {
    JsonObject rule = AlertRuleOptions.schema().getJsonObject("properties");
    assertThat(rule.fieldNames()).containsExactlyInAnyOrder("name", "checks", "tags", "critical", "on",
      "failuresBefore", "successesBefore", "repeatEvery", "sendResolved", "channels", "instances");
    assertThat(rule.getJsonObject("failuresBefore").getInteger("default")).isEqualTo(1);
    assertThat(rule.getJsonObject("instances").getString("x-expected")).contains("50%");
    assertThat(AlertRuleOptions.schema().getJsonArray("required")).containsExactly("name");

    JsonObject window = MaintenanceWindowOptions.schema();
    assertThat(window.getJsonArray("required")).containsExactly("name", "cron", "duration");
    assertThat(window.getJsonObject("properties").getJsonObject("timeZone").getString("default")).isEqualTo("UTC");
    assertThat(window.getJsonObject("properties").getJsonObject("duration").containsKey("default")).isFalse();
    java.util.regex.Pattern instances = java.util.regex.Pattern.compile(
      rule.getJsonObject("instances").getString("pattern"));
    assertThat(List.of("1", "50%", "100%", "12")).allMatch(text -> instances.matcher(text).find());
    assertThat(List.of("0", "150%", "0%", "x")).noneMatch(text -> instances.matcher(text).find());

    JsonObject section = AlertsOptions.schema().getJsonObject("properties");
    assertThat(section.fieldNames()).containsExactlyInAnyOrder("channels", "rules", "windows", "silencesFile",
      "maxSilences", "maxActive", "groupWait", "evaluateEvery", "pollEvery");
    assertThat(section.getJsonObject("rules").getJsonObject("items").getJsonObject("properties").fieldNames())
      .contains("instances");
    assertThat(section.getJsonObject("maxSilences").getInteger("default")).isEqualTo(1000);
    assertThat(section.getJsonObject("silencesFile").getString("x-default")).isEqualTo("in memory only");
    for (String key : List.of("channels", "rules", "windows", "silencesFile", "maxSilences", "maxActive", "groupWait",
      "evaluateEvery", "pollEvery")) {
      assertThat(section.getJsonObject(key).getString("description")).as(key).isNotBlank();
    }
  }
}
