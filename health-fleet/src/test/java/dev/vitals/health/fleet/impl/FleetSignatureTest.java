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

  /** The MAC covers the timestamp as it travels: 1.5 ms is not 1 ms, so a fractional one is refused. */
  @Test
  void aFractionalTimestampIsBadlySigned() {
    JsonObject signed = signature.sign(ADDRESS, "node-b", request);
    long ts = signed.getLong("ts");

    assertThat(signature.open(ADDRESS, signed.copy().put("ts", ts + 0.5)).rejection()).isEqualTo("badly signed");
    assertThat(signature.open(ADDRESS, signed.copy().put("ts", (double) ts)).rejection()).isEqualTo("badly signed");
    assertThat(signature.open(ADDRESS, signed.copy().put("ts", java.math.BigInteger.valueOf(ts))).rejection())
      .isEqualTo("badly signed");
    assertThat(signature.open(ADDRESS, signed.copy()).rejection()).isNull();
  }

  /**
   * Fields joined with a separator would let a holder of the secret, signing as a sender whose name holds the
   * separator, produce a signature that also opens as another sender (the name's tail shifted into the next fields):
   * each field is length-prefixed, so no two messages share their signed bytes.
   */
  @Test
  void aSenderNameCannotBeShiftedIntoTheOtherFields() {
    long ts = clock.millis();
    JsonObject signed = signature.sign(ADDRESS, "node-b\n" + ts, request);
    JsonObject shifted = signed.copy().put("sender", "node-b").put("ts", ts)
      .put("nonce", ts + "\n" + signed.getString("nonce"));

    assertThat(signature.open(ADDRESS, shifted).rejection()).isEqualTo("badly signed");
    assertThat(signature.open(ADDRESS, signed.copy()).rejection()).isNull();
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
