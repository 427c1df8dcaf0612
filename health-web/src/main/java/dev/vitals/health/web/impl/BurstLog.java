package dev.vitals.health.web.impl;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs the first event of a burst at WARNING and counts the rest: a flood of rejected requests or dropped
 * notifications makes one line per {@code quietMs}, naming how many events the line before it stood for.
 */
final class BurstLog {

  private final Logger log;
  private final long quietMs;
  private long lastLogged = Long.MIN_VALUE;
  private long unlogged;
  private long total;

  BurstLog(Class<?> owner, long quietMs) {
    this.log = Logger.getLogger(owner.getName());
    this.quietMs = quietMs;
  }

  /** Counts one event; logs it when the previous line is older than {@code quietMs}. */
  void log(Supplier<String> message) {
    long now = System.currentTimeMillis();
    long skipped;
    synchronized (this) {
      total++;
      if (lastLogged != Long.MIN_VALUE && now - lastLogged < quietMs) {
        unlogged++;
        return;
      }
      lastLogged = now;
      skipped = unlogged;
      unlogged = 0;
    }
    log.log(Level.WARNING, () -> message.get()
      + (skipped == 0 ? "" : " (" + skipped + " more since the previous line, not logged)"));
  }

  /** @return every event counted, logged or not */
  synchronized long total() {
    return total;
  }
}
