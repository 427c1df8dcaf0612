package dev.vitals.health;

import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link Scrubber} treats as secret. JSON form: {@code {"secretPatterns": ["session"], "allowedKeys":
 * ["author"]}}: patterns are added to {@link #DEFAULT_SECRET_PATTERNS}, never replace them.
 *
 * <p>A key is secret when it contains a pattern, case-insensitively, and is not an allowed key (compared whole
 * and case-insensitively).
 */
@DataObject
@JsonGen(publicConverter = false)
public class ScrubOptions {

  /**
   * The built-in patterns: py-healthcheck masks keys containing {@code key}, {@code token}, {@code pass}; Vitals
   * adds {@code secret}, {@code credential}, {@code auth} and {@code private}.
   */
  public static final List<String> DEFAULT_SECRET_PATTERNS =
    List.of("key", "token", "pass", "secret", "credential", "auth", "private");

  private final Set<String> secretPatterns = new LinkedHashSet<>();
  private final Set<String> allowedKeys = new LinkedHashSet<>();

  /** The JSON form, read before the generated converter; it documents each key. */
  private static final JsonForm FORM = JsonForm.of("").strings("secretPatterns", "allowedKeys")
    .describe("substrings that make a key secret, added to the built-in ones (`key`, `token`, `pass`, `secret`,"
      + " `credential`, `auth`, `private`); keys to spare, matched whole; both case-insensitive");

  /** The default patterns, no allowed keys. */
  public ScrubOptions() {
  }

  /** @param other options to copy */
  public ScrubOptions(ScrubOptions other) {
    secretPatterns.addAll(other.secretPatterns);
    allowedKeys.addAll(other.allowedKeys);
  }

  /**
   * @param json the JSON form
   * @throws IllegalArgumentException naming the field when a key is unknown or a value is not an array of
   *                                  non-blank strings
   */
  public ScrubOptions(JsonObject json) {
    ScrubOptionsConverter.fromJson(FORM.read(json), this);
  }

  /**
   * @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema}
   */
  public static JsonObject schema() {
    return FORM.schema(new ScrubOptions().toJson());
  }

  /** @return the JSON form: the patterns added to the defaults, and the allowed keys */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    ScrubOptionsConverter.toJson(this, json);
    return json;
  }

  /**
   * @param pattern a further substring that makes a key secret, such as {@code session} or {@code cookie}
   * @return this
   * @throws IllegalArgumentException when blank
   */
  public ScrubOptions addSecretPattern(String pattern) {
    secretPatterns.add(nonBlank(pattern, "secretPatterns"));
    return this;
  }

  /**
   * @param key a key that looks secret but is not ({@code author}, {@code keyboard.layout}), matched whole
   * @return this
   * @throws IllegalArgumentException when blank
   */
  public ScrubOptions addAllowedKey(String key) {
    allowedKeys.add(nonBlank(key, "allowedKeys"));
    return this;
  }

  private static String nonBlank(String value, String field) {
    if (Objects.requireNonNull(value, field).isBlank()) {
      throw new IllegalArgumentException(field + ": expected non-blank strings, got '" + value + "'");
    }
    return value.toLowerCase(Locale.ROOT);
  }

  /**
   * @return the patterns added to {@link #DEFAULT_SECRET_PATTERNS}, lower case, unmodifiable; the scrubber uses
   * both
   */
  public Set<String> getSecretPatterns() {
    return Collections.unmodifiableSet(secretPatterns);
  }

  /** @return the allowed keys, lower case, unmodifiable */
  public Set<String> getAllowedKeys() {
    return Collections.unmodifiableSet(allowedKeys);
  }
}
