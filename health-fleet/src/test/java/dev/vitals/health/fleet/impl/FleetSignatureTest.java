package dev.vitals.health.fleet.impl;

import dev.vitals.health.fleet.FleetOptions;
import dev.vitals.health.test.MutableClock;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signing and checking fleet messages, with a clock the test moves. */
class FleetSignatureTest {

  private static final String SECRET = "0123456789abcdef-fleet";
  private static final String ADDRESS = "vitals.fleet.maintenance.node-a";
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private final FleetSignature signature = new FleetSignature(SECRET, clock);
  private final JsonObject request = new JsonObject().put("enable", true).put("reason", "deploying");

  @Test
  void aSignedMessageOpensOnceAtItsAddress() {
    JsonObject signed = signature.sign(ADDRESS, "node-b", request);

    FleetSignature.Opened opened = signature.open(ADDRESS, signed.copy());
    assertThat(opened.rejection()).isNull();
    assertThat(opened.payload()).isEqualTo(request);
    assertThat(opened.sender()).isEqualTo("node-b");

    assertThat(signature.open(ADDRESS, signed.copy()).rejection()).isEqualTo("replayed");
  }

  @Test
  void unsignedTamperedMisaddressedForeignAndStaleMessagesAreRejected() {
    JsonObject signed = signature.sign(ADDRESS, "node-b", request);

    assertThat(signature.open(ADDRESS, request).rejection()).isEqualTo("unsigned");
    assertThat(signature.open(ADDRESS, "text").rejection()).isEqualTo("unsigned");
    assertThat(signature.open(ADDRESS, signed.copy().put("payload", request.copy().put("reason", "pwned").encode()))
      .rejection()).isEqualTo("badly signed");
    assertThat(signature.open(ADDRESS, signed.copy().put("sender", "node-c")).rejection()).isEqualTo("badly signed");
    assertThat(signature.open(ADDRESS, signed.copy().put("sig", "%%%")).rejection()).isEqualTo("badly signed");
    assertThat(signature.open("vitals.fleet.maintenance.node-c", signed.copy()).rejection()).isEqualTo("badly signed");
    assertThat(new FleetSignature("another secret, 16+ bytes", clock).open(ADDRESS, signed.copy()).rejection())
      .isEqualTo("badly signed");

    clock.advance(Duration.ofMillis(FleetSignature.WINDOW_MS + 1));
    assertThat(signature.open(ADDRESS, signed.copy()).rejection()).isEqualTo("stale");
  }

  @Test
  void aShortSecretIsRefusedNamingTheFieldNotTheValue() {
    assertThatThrownBy(() -> new FleetOptions().setSecret("short-secret"))
      .hasMessage("secret: must be at least 16 bytes, got 12");
    assertThatThrownBy(() -> new FleetOptions(new JsonObject().put("secret", "short-secret")))
      .hasMessageContaining("secret").hasMessageNotContaining("short-secret");
    assertThat(new FleetOptions().setSecret(SECRET).toString()).contains("\"secret\":\"********\"").doesNotContain(SECRET);
    assertThat(new FleetOptions(new FleetOptions().setSecret(SECRET).toJson()).getSecret()).isEqualTo(SECRET);
  }
}
