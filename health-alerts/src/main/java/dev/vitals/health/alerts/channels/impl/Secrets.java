package dev.vitals.health.alerts.channels.impl;

import dev.vitals.health.ScrubOptions;
import dev.vitals.health.Scrubber;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Masks a channel's secrets in what it reports: each secret value (a webhook URL, its path and query, a routing key,
 * a token, a password, header values) wherever it appears, then health-core's {@link Scrubber} rules (user
 * information of URIs, secret parameters).
 */
public final class Secrets {

  private static final Scrubber SCRUBBER = new Scrubber(new ScrubOptions());
  /** Parts of a URL shorter than this are not masked alone (a path of "/" would mask every slash). */
  private static final int MIN_PART = 6;

  private final List<String> values = new ArrayList<>();

  /** @param secrets the channel's secret values; null ones are skipped */
  public Secrets(String... secrets) {
    for (String secret : secrets) {
      add(secret);
    }
  }

  /**
   * @param url a secret URL: the whole of it, and its path, query and user information alone
   * @return this
   */
  public Secrets url(String url) {
    if (url == null) {
      return this;
    }
    add(url);
    try {
      URI uri = new URI(url);
      for (String part : new String[]{uri.getRawPath(), uri.getRawQuery(), uri.getRawUserInfo(), uri.getPath()}) {
        if (part != null && part.length() >= MIN_PART) {
          add(part);
        }
      }
    } catch (Exception e) {
      // validated before: nothing more to mask
    }
    return this;
  }

  /**
   * @param secret a value to mask
   * @return this
   */
  public Secrets add(String secret) {
    if (secret != null && !secret.isEmpty()) {
      values.add(secret);
      values.sort(Comparator.comparingInt(String::length).reversed()); // the longest first: a URL before its path
    }
    return this;
  }

  /**
   * @param text any text, or {@code null}
   * @return the text with each secret replaced by {@value Scrubber#MASK}, then scrubbed; {@code ""} for null
   */
  public String mask(String text) {
    if (text == null) {
      return "";
    }
    String masked = text;
    for (String secret : values) {
      masked = masked.replace(secret, Scrubber.MASK);
    }
    return SCRUBBER.scrub(masked);
  }
}
