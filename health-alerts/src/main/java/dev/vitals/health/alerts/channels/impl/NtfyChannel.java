package dev.vitals.health.alerts.channels.impl;

import dev.vitals.health.alerts.Notification;
import dev.vitals.health.alerts.channels.NtfyOptions;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * ntfy (https://docs.ntfy.sh/publish/): {@code POST <topic url>} with the notification's summary as a plain-text
 * body and the headers {@code Title} ({@code [FIRING] db fails}; RFC 2047-encoded when not ASCII, as ntfy reads it),
 * {@code Priority} (the configured one for firing and reminders, 3 when resolved), {@code Tags}
 * ({@code rotating_light}, {@code bell} or {@code white_check_mark}, which ntfy shows as emojis, then
 * {@code vitals}) and, with a token, {@code Authorization: Bearer <token>}.
 */
final class NtfyChannel extends HttpChannel {

  private final NtfyOptions options;

  NtfyChannel(Vertx vertx, String name, long timeout, NtfyOptions options) {
    super(vertx, "ntfy", name, timeout, new Secrets(options.getToken()).url(options.getUrl()));
    this.options = options;
  }

  @Override
  public Future<Void> send(Notification notification) {
    String tag = switch (notification.kind()) {
      case FIRING -> "rotating_light";
      case REMINDER -> "bell";
      case RESOLVED -> "white_check_mark";
    };
    MultiMap headers = MultiMap.caseInsensitiveMultiMap()
      .add("Content-Type", "text/plain; charset=utf-8")
      .add("Title", header(Texts.tag(notification) + " " + Texts.headline(notification)))
      .add("Priority", String.valueOf(notification.kind() == Notification.Kind.RESOLVED ? 3 : options.getPriority()))
      .add("Tags", tag + ",vitals");
    if (options.getToken() != null) {
      headers.add("Authorization", "Bearer " + options.getToken());
    }
    return post(options.getUrl(), headers, Buffer.buffer(notification.summary(), "UTF-8"));
  }

  /** @return the text as a header value: as it is when printable ASCII, else RFC 2047 base64 UTF-8 */
  static String header(String text) {
    if (text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      return text;
    }
    return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.replaceAll("[\\r\\n]", " ")
      .getBytes(StandardCharsets.UTF_8)) + "?=";
  }
}
