package dev.vitals.health.fleet.impl;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs and checks the fleet's messages with the shared secret (HMAC-SHA256). A signed message is
 * <pre>{@code
 * {"payload": "<the message's JSON, as text>", "sender": "<node id>", "ts": <epoch ms>, "nonce": "<base64, 16 bytes>",
 *  "sig": "<base64 HMAC-SHA256 of address, sender, ts, nonce and payload>"}
 * }</pre>
 * The signed bytes are each field in that order, length-prefixed: a 4-byte big-endian length then the field's UTF-8
 * bytes ({@code ts} as its 8 bytes), so that no two messages share them (a separator would let a sender name holding
 * it shift its tail into the next fields). {@code ts} must be an integer as sent: a fractional one is refused, not
 * rounded.
 * The payload travels as text so that the signed bytes are exactly the bytes checked (no JSON canonicalisation);
 * the address is signed so that a message cannot be replayed to another address (another node's maintenance).
 * A message is accepted once: its timestamp within {@link #WINDOW_MS} of this clock and its nonce not seen from
 * that sender within the window. Thread-safe.
 */
public final class FleetSignature {

  /** How far a message's timestamp may be from this instance's clock, either way, in ms: 30 000. */
  public static final long WINDOW_MS = 30_000;
  /** The most nonces remembered per sender within the window: more messages than that from one sender are dropped. */
  static final int MAX_NONCES = 4_096;
  /** The most senders whose nonces are remembered. */
  static final int MAX_SENDERS = 1_024;
  private static final String ALGORITHM = "HmacSHA256";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Why a message was not accepted, or {@code null} with its payload. */
  public record Opened(JsonObject payload, String sender, String rejection) {
  }

  private final SecretKeySpec key;
  private final Clock clock;
  /** sender → nonce → timestamp (ms), oldest first. */
  private final Map<String, LinkedHashMap<String, Long>> seen = new LinkedHashMap<>();

  /**
   * @param secret the shared secret, at least 16 bytes in UTF-8
   * @param clock  the clock timestamps are taken from and checked against
   */
  public FleetSignature(String secret, Clock clock) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    this.clock = clock;
  }

  /**
   * @param address where the message is sent
   * @param sender  this instance's node id
   * @param payload the message
   * @return the signed message
   */
  public JsonObject sign(String address, String sender, JsonObject payload) {
    byte[] nonceBytes = new byte[16];
    RANDOM.nextBytes(nonceBytes);
    String nonce = Base64.getEncoder().encodeToString(nonceBytes);
    long ts = clock.millis();
    String text = payload.encode();
    return new JsonObject().put("payload", text).put("sender", sender).put("ts", ts).put("nonce", nonce)
      .put("sig", Base64.getEncoder().encodeToString(mac(address, sender, ts, nonce, text)));
  }

  /**
   * @param address where the message arrived
   * @param body    the message's body as received
   * @return its payload and sender, or why it is dropped ({@code unsigned}, {@code badly signed}, {@code stale},
   * {@code replayed}, {@code too many messages}); the sender is the one claimed, {@code "?"} when none is
   */
  public Opened open(String address, Object body) {
    if (!(body instanceof JsonObject json) || !(json.getValue("sig") instanceof String sig)
      || !(json.getValue("payload") instanceof String text) || !(json.getValue("sender") instanceof String sender)
      || !(json.getValue("ts") instanceof Number number) || !(json.getValue("nonce") instanceof String nonce)) {
      String claimed = body instanceof JsonObject json && json.getValue("sender") instanceof String s ? s
        : body instanceof JsonObject json && json.getValue("node") instanceof String n ? n : "?";
      return new Opened(null, claimed, "unsigned");
    }
    if (!(number instanceof Long || number instanceof Integer)) {
      return new Opened(null, sender, "badly signed"); // 1.5 would be signed as 1; a BigInteger beyond a long
    }
    long ts = number.longValue();
    byte[] given;
    try {
      given = Base64.getDecoder().decode(sig);
    } catch (IllegalArgumentException e) {
      return new Opened(null, sender, "badly signed");
    }
    if (!MessageDigest.isEqual(given, mac(address, sender, ts, nonce, text))) {
      return new Opened(null, sender, "badly signed");
    }
    long now = clock.millis();
    if (Math.abs(now - ts) > WINDOW_MS) {
      return new Opened(null, sender, "stale");
    }
    String rejection = remember(sender, nonce, ts, now);
    if (rejection != null) {
      return new Opened(null, sender, rejection);
    }
    try {
      return new Opened(new JsonObject(text), sender, null);
    } catch (DecodeException | ClassCastException e) {
      return new Opened(null, sender, "badly signed");
    }
  }

  /** Records the nonce; only signed messages get here, so senders are those holding the secret. */
  private synchronized String remember(String sender, String nonce, long ts, long now) {
    LinkedHashMap<String, Long> nonces = seen.get(sender);
    if (nonces == null) {
      if (seen.size() >= MAX_SENDERS) {
        seen.values().removeIf(m -> {
          expire(m, now);
          return m.isEmpty();
        });
        if (seen.size() >= MAX_SENDERS) {
          return "too many messages";
        }
      }
      nonces = new LinkedHashMap<>();
      seen.put(sender, nonces);
    }
    if (nonces.containsKey(nonce)) {
      return "replayed";
    }
    if (nonces.size() >= MAX_NONCES) {
      expire(nonces, now);
      if (nonces.size() >= MAX_NONCES) {
        return "too many messages"; // fail closed: forgetting a nonce within the window would allow its replay
      }
    }
    nonces.put(nonce, ts);
    return null;
  }

  private static void expire(Map<String, Long> nonces, long now) {
    for (Iterator<Long> it = nonces.values().iterator(); it.hasNext(); ) {
      if (Math.abs(now - it.next()) > WINDOW_MS) {
        it.remove();
      }
    }
  }

  private static void field(Mac mac, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
    mac.update(bytes);
  }

  private byte[] mac(String address, String sender, long ts, String nonce, String payload) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      field(mac, address);
      field(mac, sender);
      mac.update(ByteBuffer.allocate(Integer.BYTES + Long.BYTES).putInt(Long.BYTES).putLong(ts).array());
      field(mac, nonce);
      field(mac, payload);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
