package dev.vitals.health.web;

import dev.vitals.health.web.webhook.WebhookOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** WebhookOptions' schema, from which the standalone's {@code notifications.webhooks[]} entries are generated. */
class WebhookOptionsTest {

  @Test
  void schemaDescribesTheJsonForm() {
    assertThat(WebhookOptions.schema()).isEqualTo(new JsonObject("""
      {"type": "object", "properties": {
        "url": {"$ref": "#/$defs/text", "writeOnly": true,
          "description": "where status changes are POSTed, an http or https URL"},
        "headers": {"type": "object", "writeOnly": true,
          "additionalProperties": {"type": "string", "pattern": "^[^\\\\r\\\\n]*$", "x-expected": "a header value without CR or LF"},
          "propertyNames": {"pattern": "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$", "x-expected": "a header name (letters, digits and !#$%&'*+.^_`|~-)"},
          "description": "headers sent with every POST (names are HTTP tokens, values without CR or LF)"},
        "template": {"type": "string",
          "description": "the body template: POST `{\\"text\\": \\"<rendered>\\"}` instead of the change's JSON; placeholders `{kind}`, `{name}`, `{from}`, `{to}`, `{output}`, `{timestamp}`"},
        "retries": {"type": "integer", "minimum": 0, "maximum": 100, "default": 3,
          "description": "retries after the first try"},
        "retryDelay": {"$ref": "#/$defs/duration", "default": "1s",
          "description": "the delay before the first retry, doubled for each next one"},
        "timeout": {"$ref": "#/$defs/duration", "default": "5s",
          "description": "one POST's limit"},
        "minInterval": {"$ref": "#/$defs/duration", "default": "5m",
          "description": "the least time between two failure notices of one check (recoveries are always sent)"},
        "maxQueued": {"type": "integer", "minimum": 1, "maximum": 1000000, "default": 1000,
          "description": "changes held for a receiver that is behind, all checks together"}},
       "required": ["url"], "additionalProperties": false}
      """));
  }
}
