package dev.vitals.health.alerts.channels.impl;

import dev.vitals.health.Scrubber;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * The checks the channels' setters share, each failing with {@code "<field>: expected <what>, got '<value>'"}; a
 * secret's value is shown as {@value Scrubber#MASK}.
 */
public final class Valid {

  private Valid() {
  }

  /**
   * @param field  the field's name
   * @param url    the value
   * @param secret whether the value is a secret, masked in the message
   * @return the URL
   * @throws IllegalArgumentException when it is not an absolute http:// or https:// URL with a host
   */
  public static String httpUrl(String field, String url, boolean secret) {
    boolean ok;
    try {
      URI uri = new URI(url);
      ok = ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
        && uri.getHost() != null;
    } catch (URISyntaxException | NullPointerException e) {
      ok = false;
    }
    if (!ok) {
      throw expected(field, "an absolute http:// or https:// URL", secret ? Scrubber.MASK : url);
    }
    return url;
  }

  /**
   * @return the value
   * @throws IllegalArgumentException when it is not within [min, max]
   */
  public static long range(String field, long value, long min, long max) {
    if (value < min || value > max) {
      throw expected(field, max == Long.MAX_VALUE ? "at least " + min : "from " + min + " to " + max, value);
    }
    return value;
  }

  /**
   * @return the value
   * @throws IllegalArgumentException when it is null or blank
   */
  public static String text(String field, String value, boolean secret) {
    if (value == null || value.isBlank()) {
      throw expected(field, "a non-empty string", secret && value != null ? Scrubber.MASK : value);
    }
    return value;
  }

  /**
   * @return the value
   * @throws IllegalArgumentException when it is null, empty or holds a blank string
   */
  public static List<String> texts(String field, List<String> value) {
    if (value == null || value.isEmpty() || value.stream().anyMatch(s -> s == null || s.isBlank())) {
      throw expected(field, "a non-empty array of non-empty strings", value);
    }
    return List.copyOf(value);
  }

  /** @return {@code "<field>: expected <what>, got '<value>'"} */
  public static IllegalArgumentException expected(String field, String what, Object value) {
    return new IllegalArgumentException(field + ": expected " + what + ", got '" + value + "'");
  }
}
