package dev.vitals.environment;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
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
public class ScrubOptions {

  /**
   * The built-in patterns: py-healthcheck masks keys containing {@code key}, {@code token}, {@code pass}; Vitals
   * adds {@code secret}, {@code credential}, {@code auth} and {@code private}.
   */
  public static final List<String> DEFAULT_SECRET_PATTERNS =
    List.of("key", "token", "pass", "secret", "credential", "auth", "private");

  private final Set<String> secretPatterns = new LinkedHashSet<>(DEFAULT_SECRET_PATTERNS);
  private final Set<String> allowedKeys = new LinkedHashSet<>();

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
   * @throws IllegalArgumentException naming the field when a value is not an array of non-blank strings
   */
  public ScrubOptions(JsonObject json) {
    strings(json, "secretPatterns").forEach(this::addSecretPattern);
    strings(json, "allowedKeys").forEach(this::addAllowedKey);
  }

  private static List<String> strings(JsonObject json, String field) {
    Object value = json.getValue(field);
    List<String> list = new ArrayList<>();
    if (value == null) {
      return list;
    }
    if (!(value instanceof JsonArray)) {
      throw new IllegalArgumentException(field + ": expected an array of strings, got '" + value + "'");
    }
    for (Object item : (JsonArray) value) {
      if (!(item instanceof String) || ((String) item).isBlank()) {
        throw new IllegalArgumentException(field + ": expected non-blank strings, got '" + item + "'");
      }
      list.add((String) item);
    }
    return list;
  }

  /** @return the JSON form: the patterns added to the defaults, and the allowed keys */
  public JsonObject toJson() {
    List<String> added = new ArrayList<>(secretPatterns);
    added.removeAll(DEFAULT_SECRET_PATTERNS);
    return new JsonObject().put("secretPatterns", new JsonArray(added))
      .put("allowedKeys", new JsonArray(new ArrayList<>(allowedKeys)));
  }

  /**
   * @param pattern a further substring that makes a key secret, such as {@code session} or {@code cookie}
   * @return this
   */
  public ScrubOptions addSecretPattern(String pattern) {
    secretPatterns.add(nonBlank(pattern, "secretPatterns").toLowerCase(Locale.ROOT));
    return this;
  }

  /**
   * @param key a key that looks secret but is not ({@code author}, {@code keyboard.layout}), matched whole
   * @return this
   */
  public ScrubOptions addAllowedKey(String key) {
    allowedKeys.add(nonBlank(key, "allowedKeys").toLowerCase(Locale.ROOT));
    return this;
  }

  private static String nonBlank(String value, String field) {
    if (Objects.requireNonNull(value, field).isBlank()) {
      throw new IllegalArgumentException(field + ": must not be blank");
    }
    return value;
  }

  /** @return every pattern in force, lower case, unmodifiable */
  public Set<String> getSecretPatterns() {
    return Collections.unmodifiableSet(secretPatterns);
  }

  /** @return the allowed keys, lower case, unmodifiable */
  public Set<String> getAllowedKeys() {
    return Collections.unmodifiableSet(allowedKeys);
  }
}
