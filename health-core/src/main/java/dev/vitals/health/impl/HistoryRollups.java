package dev.vitals.health.impl;

import dev.vitals.health.HistoryRollup;
import dev.vitals.health.HistoryStore;

import java.time.Instant;

/** Arithmetic on rollups the stores share: a minute added to (or taken from) its hour's sums. */
public final class HistoryRollups {

  private HistoryRollups() {
  }

  /** @return the start of the hour that contains {@code at}, epoch ms */
  public static long hourOf(long at) {
    return Math.floorDiv(at, HistoryStore.HOUR_MS) * HistoryStore.HOUR_MS;
  }

  /** @return the start of the minute that contains {@code at}, epoch ms */
  public static long minuteOf(long at) {
    return Math.floorDiv(at, HistoryStore.MINUTE_MS) * HistoryStore.MINUTE_MS;
  }

  /**
   * @param hour   the hour's sums so far, or {@code null} for none
   * @param minute a minute of that hour
   * @param old    the minute's previous version, replaced by {@code minute}, or {@code null}
   * @return the hour's sums with the minute in (latency percentiles and maximum: the highest seen)
   */
  public static HistoryRollup addToHour(HistoryRollup hour, HistoryRollup minute, HistoryRollup old) {
    long start = hourOf(minute.start().toEpochMilli());
    int runs = minute.runs() - (old == null ? 0 : old.runs());
    int passes = minute.passes() - (old == null ? 0 : old.passes());
    int warns = minute.warns() - (old == null ? 0 : old.warns());
    int fails = minute.fails() - (old == null ? 0 : old.fails());
    long available = minute.availableMs() - (old == null ? 0 : old.availableMs());
    long warn = minute.warnMs() - (old == null ? 0 : old.warnMs());
    long observed = minute.observedMs() - (old == null ? 0 : old.observedMs());
    long maintenance = minute.maintenanceMs() - (old == null ? 0 : old.maintenanceMs());
    if (hour == null) {
      return new HistoryRollup(minute.instance(), minute.check(), Instant.ofEpochMilli(start), HistoryStore.HOUR_MS,
        runs, passes, warns, fails, available, warn, observed, maintenance, minute.p50Ms(), minute.p95Ms(),
        minute.maxMs());
    }
    return new HistoryRollup(hour.instance(), hour.check(), hour.start(), HistoryStore.HOUR_MS,
      hour.runs() + runs, hour.passes() + passes, hour.warns() + warns, hour.fails() + fails,
      hour.availableMs() + available, hour.warnMs() + warn, hour.observedMs() + observed,
      hour.maintenanceMs() + maintenance, Math.max(hour.p50Ms(), minute.p50Ms()),
      Math.max(hour.p95Ms(), minute.p95Ms()), Math.max(hour.maxMs(), minute.maxMs()));
  }
}
