package dev.vitals.samples.impl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The secrets masked in the environment dump are the ones the schema declares writeOnly. */
class SecretFieldsTest {

  @Test
  void theSchemasWriteOnlyKeysAreTheSecrets() {
    assertThat(SecretFields.POINTERS).containsExactlyInAnyOrder("/admin/token", "/checks/*/token", "/checks/*/password",
      "/consul/token",
      "/notifications/webhooks/*/url", "/notifications/webhooks/*/headers/*");
  }
}
