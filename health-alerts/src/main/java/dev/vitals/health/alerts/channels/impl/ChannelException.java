package dev.vitals.health.alerts.channels.impl;

/**
 * A delivery that failed: {@code "<type> channel '<name>': <what happened>"}, without a stack trace (it is a
 * result, logged at most once per burst) and with every secret of the channel masked.
 */
public final class ChannelException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** @param message the masked message */
  public ChannelException(String message) {
    super(message, null, false, false);
  }
}
