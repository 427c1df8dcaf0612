package dev.vitals.health.checks.impl;

import dev.vitals.health.ScrubOptions;
import dev.vitals.health.Scrubber;
import io.vertx.core.json.JsonObject;


/** Masks passwords in what the client checks show: error messages, URIs, options written to logs. */
public final class Secrets {

  /** What a masked secret reads as. */
  public static final String MASK = Scrubber.MASK;

  /** health-core's scrubbing rules (the environment dump's): user information in URIs, secret query parameters and assignments. */
  private static final Scrubber SCRUBBER = new Scrubber(new ScrubOptions());

  private Secrets() {
  }

  /**
   * @param uri a URI, or {@code null}
   * @return the URI with the password of its user information (and secret query parameters) masked; {@code null}
   * for {@code null}
   */
  public static String maskUri(String uri) {
    return uri == null ? null : SCRUBBER.scrub(uri);
  }

  /**
   * @param text     a message, such as a client's error
   * @param password the password to mask wherever it appears, or {@code null}
   * @return the text with URI passwords and the password masked
   */
  public static String mask(String text, String password) {
    String masked = maskUri(text);
    return password == null || password.isEmpty() || masked == null ? masked : masked.replace(password, MASK);
  }

  /**
   * @param json an options class's JSON form
   * @return the same object with {@code password} masked and the password inside {@code uri} masked
   */
  public static JsonObject masked(JsonObject json) {
    if (json.getString("password") != null) {
      json.put("password", MASK);
    }
    if (json.getString("uri") != null) {
      json.put("uri", maskUri(json.getString("uri")));
    }
    return json;
  }
}
