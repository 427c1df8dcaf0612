package dev.vitals.health.internal;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs the first event of a burst and counts the rest: a flood of rejected requests, dropped notifications or
 * changes of a flapping check makes one line per {@code quietMs}, naming how many events were not logged since.
 */
public final class BurstLog {

  private final Logger log;
  private final long quietMs;
  private long lastLogged = Long.MIN_VALUE;
  private long unlogged;
  private long total;

  /**
   * @param owner   the class whose logger is used
   * @param quietMs the least time between two lines, in ms
   */
  public BurstLog(Class<?> owner, long quietMs) {
    this.log = Logger.getLogger(owner.getName());
    this.quietMs = quietMs;
  }

  /**
   * Counts one event; logs it at {@code WARNING} when the previous line is older than {@code quietMs}.
   *
   * @param message the line, built only when it is logged
   */
  public void log(Supplier<String> message) {
    log(Level.WARNING, null, message);
  }

  /**
   * Counts one event; logs it at the level when the previous line is older than {@code quietMs}.
   *
   * @param level   the level of the line
   * @param message the line, built only when it is logged
   */
  public void log(Level level, Supplier<String> message) {
    log(level, null, message);
  }

  /**
   * Counts one event; logs it at the level, with the exception's stack trace, when the previous line is older than
   * {@code quietMs}.
   *
   * @param level   the level of the line
   * @param thrown  the exception behind the event, or {@code null}
   * @param message the line, built only when it is logged
   */
  public void log(Level level, Throwable thrown, Supplier<String> message) {
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
    log.log(level, thrown, () -> message.get()
      + (skipped == 0 ? "" : " (" + skipped + " more since the previous line, not logged)"));
  }

  /** @return every event counted, logged or not */
  public synchronized long total() {
    return total;
  }
}
