package dev.vitals.health.fleet.impl;

import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Logs events that name a source (a sender, a peer address) at most once per source per {@code perKeyMs} and once
 * per {@code quietMs} in all, counting the others into the next line. It remembers only the sources logged within
 * {@code perKeyMs}, so it holds at most {@code perKeyMs / quietMs + 1} of them however many sources a flood makes
 * up, and a source is named again once its last line is {@code perKeyMs} old. Thread-safe.
 */
final class KeyedBurstLog {

  private final Logger log;
  private final Clock clock;
  private final long perKeyMs;
  private final long quietMs;
  /** Guarded by this: source → when it was last logged (ms, by the clock), oldest first. */
  private final LinkedHashMap<String, Long> logged = new LinkedHashMap<>();
  private long lastLine = Long.MIN_VALUE;
  private long unlogged;

  /**
   * @param log      where lines go (at WARNING)
   * @param clock    the clock the intervals are measured on
   * @param perKeyMs the least time between two lines about one source, in ms
   * @param quietMs  the least time between two lines, in ms
   */
  KeyedBurstLog(Logger log, Clock clock, long perKeyMs, long quietMs) {
    this.log = log;
    this.clock = clock;
    this.perKeyMs = perKeyMs;
    this.quietMs = quietMs;
  }

  /**
   * Counts one event of {@code key}; logs it when neither that source's last line nor the last line is too recent.
   *
   * @param key     the source
   * @param message the line, built only when it is logged
   */
  void log(String key, Supplier<String> message) {
    long now = clock.millis();
    long skipped;
    synchronized (this) {
      for (Iterator<Map.Entry<String, Long>> it = logged.entrySet().iterator(); it.hasNext(); ) {
        if (now - it.next().getValue() < perKeyMs) {
          break; // the rest were logged later
        }
        it.remove();
      }
      if (logged.containsKey(key) || (lastLine != Long.MIN_VALUE && now - lastLine < quietMs)) {
        unlogged++;
        return;
      }
      logged.put(key, now);
      lastLine = now;
      skipped = unlogged;
      unlogged = 0;
    }
    log.warning(() -> message.get()
      + (skipped == 0 ? "" : " (" + skipped + " more dropped since the previous line, not logged)"));
  }

  /** @return how many sources it remembers now */
  synchronized int remembered() {
    return logged.size();
  }
}
