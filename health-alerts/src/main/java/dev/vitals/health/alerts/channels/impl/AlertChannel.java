package dev.vitals.health.alerts.channels.impl;

import dev.vitals.health.alerts.Notification;
import io.vertx.core.Future;

/**
 * One channel's client: turns a notification into its provider's payload and delivers it once. Retries, the queue
 * and the circuit are {@link DeliverySink}'s.
 */
public interface AlertChannel {

  /** @return the channel's type, such as {@code slack} */
  String type();

  /** @return the channel's name */
  String name();

  /**
   * @param notification what to deliver
   * @return completed once the receiver accepted it; failed with {@link ChannelException}, whose message names the
   * channel and never holds a secret
   */
  Future<Void> send(Notification notification);

  /** @return completed once the channel's client and timers are closed */
  Future<Void> close();
}
