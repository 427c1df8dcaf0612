package dev.vitals.samples.impl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The secrets masked in the environment dump are the ones the schema declares writeOnly. */
class SecretFieldsTest {

  @Test
  void theSchemasWriteOnlyKeysAreTheSecrets() {
    assertThat(SecretFields.POINTERS).containsExactlyInAnyOrder("/admin/token", "/checks/*/token", "/checks/*/password",
      "/consul/token", "/fleet/secret", "/history/store/password",
      "/notifications/webhooks/*/url", "/notifications/webhooks/*/headers/*",
      // a channel's key is a secret in some type (url in slack, teams, ntfy and webhook): masked in every type
      "/alerts/channels/*/password", "/alerts/channels/*/url", "/alerts/channels/*/routingKey",
      "/alerts/channels/*/token", "/alerts/channels/*/headers/*");
  }

  @Test
  void theFleetSecretIsMaskedInTheConfigShown() {
    io.vertx.core.json.JsonObject config = new io.vertx.core.json.JsonObject()
      .put("fleet", new io.vertx.core.json.JsonObject().put("secret", "FLEET-SECRET-0123456789").put("quorum", 2));
    assertThat(SecretFields.mask(config).getJsonObject("fleet").getString("secret")).isEqualTo("********");
    assertThat(SecretFields.mask(config).getJsonObject("fleet").getInteger("quorum")).isEqualTo(2);
  }

  @Test
  void theHistoryStorePasswordIsMaskedInTheConfigShown() {
    io.vertx.core.json.JsonObject config = new io.vertx.core.json.JsonObject().put("history",
      new io.vertx.core.json.JsonObject().put("store", new io.vertx.core.json.JsonObject().put("type", "postgresql")
        .put("password", "PG-SECRET")));
    assertThat(SecretFields.mask(config).getJsonObject("history").getJsonObject("store").getString("password"))
      .isEqualTo("********");
  }
}
