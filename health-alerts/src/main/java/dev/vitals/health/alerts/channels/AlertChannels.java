package dev.vitals.health.alerts.channels;

import dev.vitals.health.alerts.NotificationSink;
import dev.vitals.health.alerts.channels.impl.AlertChannel;
import dev.vitals.health.alerts.channels.impl.ChannelTypes;
import dev.vitals.health.alerts.channels.impl.DeliverySink;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the channels of {@code alerts.channels}: one {@link NotificationSink} per entry, each with its own client
 * (a Vert.x {@code HttpClient} for the HTTP types, vertx-mail-client's {@code MailClient} for e-mail), its
 * own bounded queue, retries and circuit breaker ({@link DeliveryOptions}), so that one channel's faults never hold
 * back another.
 *
 * <p>What each type sends, as its provider publishes it:
 * <ul>
 *   <li>{@code alertmanager}: {@code POST <url>/api/v2/alerts}, {@code [{"labels", "annotations": {"summary",
 *   "output", "blocks"}, "startsAt", "endsAt" (resolved only), "generatorURL"}]}; firing alerts again every
 *   {@code resendInterval};</li>
 *   <li>{@code email}: subject {@code [FIRING] db fails} / {@code [RESOLVED] db recovered}, a plain-text body;</li>
 *   <li>{@code slack}: {@code {"text", "blocks": [section (mrkdwn), context]}};</li>
 *   <li>{@code teams}: {@code {"type": "message", "attachments": [an Adaptive Card 1.4]}};</li>
 *   <li>{@code pagerduty}: Events API v2, {@code {"routing_key", "event_action": "trigger" | "resolve",
 *   "dedup_key": "vitals:<application>:<check>", "payload" (trigger only)}};</li>
 *   <li>{@code ntfy}: the summary as the body, headers {@code Title}, {@code Priority}, {@code Tags};</li>
 *   <li>{@code webhook}: the notification's JSON form, or a Mustache template over it.</li>
 * </ul>
 * A delivery fails on a non-2xx answer, a network error or the {@code timeout}, with a message naming the channel
 * and the status ({@code "slack channel 'ops': HTTP 500 Internal Server Error: ..."}), never a secret: the
 * channel's URL (when secret), routing key, token, password and header values are masked.
 */
public final class AlertChannels {

  private AlertChannels() {
  }

  /**
   * @param vertx    the Vert.x instance the clients and timers run on
   * @param channels the entries, in config order
   * @return a sink per channel, by name, in config order
   * @throws IllegalArgumentException as {@link #create(Vertx, List, Clock)}
   */
  public static Map<String, NotificationSink> create(Vertx vertx, List<ChannelOptions> channels) {
    return create(vertx, channels, Clock.systemUTC());
  }

  /**
   * Validates every entry first, then builds the sinks (nothing is built when an entry is invalid).
   *
   * @param vertx    the Vert.x instance the clients and timers run on
   * @param channels the entries, in config order
   * @param clock    the time of the deliveries {@link NotificationSink#status()} shows
   * @return a sink per channel, by name, in config order
   * @throws IllegalArgumentException {@code channels[<i>].name: expected a name no other channel has, got 'ops'}
   *                                  for a duplicate name, {@code channels[<i>].type: expected one of ..., got
   *                                  'x'} for an unknown type
   */
  public static Map<String, NotificationSink> create(Vertx vertx, List<ChannelOptions> channels, Clock clock) {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(clock, "clock");
    Map<String, Integer> names = new HashMap<>();
    for (int i = 0; i < channels.size(); i++) {
      ChannelOptions channel = channels.get(i);
      if (ChannelTypes.get(channel.getType()) == null) { // a subclass could bring its own
        throw new IllegalArgumentException("channels[" + i + "].type: expected one of "
          + String.join(", ", ChannelTypes.names()) + ", got '" + channel.getType() + "'");
      }
      if (names.putIfAbsent(channel.getName(), i) != null) {
        throw new IllegalArgumentException("channels[" + i + "].name: expected a name no other channel has (channels["
          + names.get(channel.getName()) + "] has it), got '" + channel.getName() + "'");
      }
    }
    Map<String, NotificationSink> sinks = new LinkedHashMap<>();
    for (ChannelOptions channel : channels) {
      DeliveryOptions delivery = channel.getDelivery();
      AlertChannel client = ChannelTypes.get(channel.getType()).factory()
        .create(vertx, channel.getName(), delivery.getTimeout(), channel.typeOptions());
      sinks.put(channel.getName(), new DeliverySink(vertx, client, delivery, clock));
    }
    return sinks;
  }

  /** @return the channel types: alertmanager, email, slack, teams, pagerduty, ntfy, webhook */
  public static List<String> types() {
    return ChannelTypes.names();
  }

  /** @return the JSON Schema of one entry of {@code alerts.channels}: {@link ChannelOptions#schema()} */
  public static JsonObject schema() {
    return ChannelOptions.schema();
  }
}
