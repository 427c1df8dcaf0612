package dev.vitals.health.impl;

import dev.vitals.health.HealthStatus;
import dev.vitals.health.HistoryRollup;
import dev.vitals.health.HistoryStore;

import java.time.Instant;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * One check's time, in compact sums: per minute for the last hour (61 slots) and per hour for the last 30 days
 * (721 slots), each slot observed / available / warn / maintenance ms, read back from the history store at start
 * and fed as the check's status holds; and the minute being built for the store (runs, statuses, latencies),
 * handed over once finished. Not thread-safe: its {@link HistoryRecorder} holds the lock.
 */
final class AvailabilityLedger {

  static final int HOUR_SLOTS = 30 * 24 + 1;
  static final int MINUTE_SLOTS = 61;
  /** The run durations a minute keeps for its percentiles; beyond, later runs replace earlier ones in turn. */
  static final int MAX_DURATIONS = 256;
  private static final int FIELDS = 5; // key (span index), observed, available, warn, maintenance

  private final String instance;
  private final String check;
  /** Per slot: the hour index (epoch ms / 1 h), then its four sums; allocated with the first time accounted. */
  private int[] hours;
  private int[] minutes;
  private long firstObserved = Long.MAX_VALUE;

  // The minute being built for the store.
  private long liveMinute = Long.MIN_VALUE;
  private int runs;
  private int passes;
  private int warns;
  private int fails;
  private long observed;
  private long available;
  private long warn;
  private long maintenance;
  private int[] durations;
  private int durationCount;
  /** A minute read back from the store that the live one may continue (written before a restart in it). */
  private HistoryRollup carried;

  AvailabilityLedger(String instance, String check) {
    this.instance = instance;
    this.check = check;
  }

  /**
   * Accounts {@code [from, to)} with {@code status} held, in maintenance or not; minutes finished on the way go to
   * {@code finished}.
   */
  void account(long from, long to, HealthStatus status, boolean inMaintenance, Consumer<HistoryRollup> finished) {
    if (to <= from || status == null) {
      return;
    }
    if (hours == null) {
      hours = new int[HOUR_SLOTS * FIELDS];
      minutes = new int[MINUTE_SLOTS * FIELDS];
    }
    firstObserved = Math.min(firstObserved, from);
    long at = from;
    while (at < to) {
      long minute = HistoryRollups.minuteOf(at);
      long end = Math.min(to, minute + HistoryStore.MINUTE_MS);
      int ms = (int) (end - at);
      moveTo(minute, finished);
      int avail = !inMaintenance && status != HealthStatus.FAIL ? ms : 0;
      int warned = !inMaintenance && status == HealthStatus.WARN ? ms : 0;
      int obs = inMaintenance ? 0 : ms;
      int maint = inMaintenance ? ms : 0;
      observed += obs;
      available += avail;
      warn += warned;
      maintenance += maint;
      add(minutes, MINUTE_SLOTS, minute / HistoryStore.MINUTE_MS, obs, avail, warned, maint);
      add(hours, HOUR_SLOTS, minute / HistoryStore.HOUR_MS, obs, avail, warned, maint);
      at = end;
    }
  }

  /** A run completed at {@code at} (time already accounted up to it). */
  void run(long at, HealthStatus status, long durationMs, Consumer<HistoryRollup> finished) {
    moveTo(HistoryRollups.minuteOf(at), finished);
    runs++;
    switch (status) {
      case PASS -> passes++;
      case WARN -> warns++;
      default -> fails++;
    }
    if (durations == null) {
      durations = new int[8];
    }
    int value = (int) Math.min(Integer.MAX_VALUE, Math.max(0, durationMs));
    if (durationCount < MAX_DURATIONS) {
      if (durationCount == durations.length) {
        durations = Arrays.copyOf(durations, Math.min(MAX_DURATIONS, durations.length * 2));
      }
      durations[durationCount++] = value;
    } else {
      durations[runs % MAX_DURATIONS] = value;
    }
  }

  private void moveTo(long minute, Consumer<HistoryRollup> finished) {
    if (minute != liveMinute) {
      finish(finished);
      liveMinute = minute;
    }
  }

  /** Hands over the minute being built, if it holds anything (also when it is not over: at close). */
  void finish(Consumer<HistoryRollup> finished) {
    if (liveMinute != Long.MIN_VALUE && (runs > 0 || observed > 0 || maintenance > 0)) {
      int n = Math.min(durationCount, MAX_DURATIONS);
      int[] sorted = durations == null ? new int[0] : Arrays.copyOf(durations, n);
      Arrays.sort(sorted);
      long p50 = n == 0 ? 0 : sorted[rank(n, 50)];
      long p95 = n == 0 ? 0 : sorted[rank(n, 95)];
      long max = n == 0 ? 0 : sorted[n - 1];
      // Within bounds by construction; clamped all the same, so that no fault can escape into a run's completion.
      long obs = Math.min(observed, HistoryStore.MINUTE_MS);
      long maint = Math.min(maintenance, HistoryStore.MINUTE_MS - obs);
      long avail = Math.min(available, obs);
      HistoryRollup row = new HistoryRollup(instance, check, Instant.ofEpochMilli(liveMinute), HistoryStore.MINUTE_MS,
        runs, passes, warns, fails, avail, Math.min(warn, avail), obs, maint, p50, p95, max);
      if (carried != null && carried.start().toEpochMilli() == liveMinute) {
        row = merge(carried, row);
      }
      finished.accept(row);
    }
    if (carried != null && carried.start().toEpochMilli() <= liveMinute) {
      carried = null;
    }
    runs = passes = warns = fails = 0;
    observed = available = warn = maintenance = 0;
    durationCount = 0;
    liveMinute = Long.MIN_VALUE;
  }

  private static HistoryRollup merge(HistoryRollup before, HistoryRollup now) {
    long obs = Math.min(now.observedMs() + before.observedMs(), HistoryStore.MINUTE_MS - now.maintenanceMs());
    long maint = Math.min(now.maintenanceMs() + before.maintenanceMs(), HistoryStore.MINUTE_MS - obs);
    long avail = Math.min(now.availableMs() + before.availableMs(), obs);
    long warned = Math.min(now.warnMs() + before.warnMs(), avail);
    return new HistoryRollup(now.instance(), now.check(), now.start(), now.spanMs(), now.runs() + before.runs(),
      now.passes() + before.passes(), now.warns() + before.warns(), now.fails() + before.fails(), avail, warned, obs,
      maint, Math.max(now.p50Ms(), before.p50Ms()), Math.max(now.p95Ms(), before.p95Ms()),
      Math.max(now.maxMs(), before.maxMs()));
  }

  /** Keeps {@code row} (just handed over) to be continued by a live minute of the same start. */
  void carry(HistoryRollup row) {
    carried = row;
  }

  /** The nearest-rank percentile's index in {@code n} sorted values. */
  private static int rank(int n, int percent) {
    return Math.max(0, (int) Math.ceil(n * percent / 100.0) - 1);
  }

  /**
   * Adds a row read back from the store: an hourly sum into the hours, a minute into the minutes (and into the
   * hours when {@code minuteInHours}: the minutes of an hour whose sum was not read); the latest minute may be
   * continued by the live one (a restart within it).
   */
  void load(HistoryRollup row, boolean minuteInHours) {
    if (hours == null) {
      hours = new int[HOUR_SLOTS * FIELDS];
      minutes = new int[MINUTE_SLOTS * FIELDS];
    }
    long start = row.start().toEpochMilli();
    int obs = (int) row.observedMs();
    int avail = (int) row.availableMs();
    int warned = (int) row.warnMs();
    int maint = (int) row.maintenanceMs();
    if (obs + maint > 0) {
      // Observation that began within the span began at its end at the latest: the span's time, counted back.
      firstObserved = Math.min(firstObserved, start + row.spanMs() - obs - maint);
    }
    if (row.spanMs() == HistoryStore.HOUR_MS) {
      add(hours, HOUR_SLOTS, start / HistoryStore.HOUR_MS, obs, avail, warned, maint);
      return;
    }
    add(minutes, MINUTE_SLOTS, start / HistoryStore.MINUTE_MS, obs, avail, warned, maint);
    if (minuteInHours) {
      add(hours, HOUR_SLOTS, start / HistoryStore.HOUR_MS, obs, avail, warned, maint);
    }
    if (carried == null || carried.start().isBefore(row.start())) {
      carried = row;
    }
  }

  /** Adds the sums of {@code other} (read back for a check not yet registered then) to these. */
  void merge(AvailabilityLedger other) {
    if (other.hours == null) {
      return;
    }
    if (hours == null) {
      hours = new int[HOUR_SLOTS * FIELDS];
      minutes = new int[MINUTE_SLOTS * FIELDS];
    }
    mergeRing(other.hours, hours, HOUR_SLOTS);
    mergeRing(other.minutes, minutes, MINUTE_SLOTS);
    firstObserved = Math.min(firstObserved, other.firstObserved);
    if (other.carried != null && (carried == null || carried.start().isBefore(other.carried.start()))) {
      carried = other.carried;
    }
  }

  private static void mergeRing(int[] from, int[] into, int slots) {
    for (int slot = 0; slot < slots; slot++) {
      int base = slot * FIELDS;
      if ((from[base + 1] | from[base + 2] | from[base + 3] | from[base + 4]) != 0) {
        add(into, slots, from[base], from[base + 1], from[base + 2], from[base + 3], from[base + 4]);
      }
    }
  }

  private static void add(int[] ring, int slots, long index, int obs, int avail, int warned, int maint) {
    int base = (int) Math.floorMod(index, (long) slots) * FIELDS;
    int key = (int) index;
    if (ring[base] != key) {
      if (ring[base] > key && (ring[base + 1] | ring[base + 4]) != 0) {
        return; // older than what the slot holds now
      }
      ring[base] = key;
      ring[base + 1] = ring[base + 2] = ring[base + 3] = ring[base + 4] = 0;
    }
    ring[base + 1] += obs;
    ring[base + 2] += avail;
    ring[base + 3] += warned;
    ring[base + 4] += maint;
  }

  /** @return when time was first observed (live or read back), or {@code Long.MAX_VALUE} */
  long firstObserved() {
    return firstObserved;
  }

  /**
   * @return over {@code [now - window, now)}: observed, available, warn and maintenance ms, from the minutes for an
   * hour or less, else from the hours (the oldest slot, partly in the window, weighed by that part)
   */
  double[] window(long window, long now) {
    double[] sums = new double[4];
    if (hours == null) {
      return sums;
    }
    long start = now - window;
    boolean byMinute = window <= HistoryStore.HOUR_MS;
    long span = byMinute ? HistoryStore.MINUTE_MS : HistoryStore.HOUR_MS;
    int[] ring = byMinute ? minutes : hours;
    int slots = byMinute ? MINUTE_SLOTS : HOUR_SLOTS;
    long first = Math.floorDiv(start, span);
    long last = Math.floorDiv(now, span);
    for (long index = Math.max(first, last - slots + 1); index <= last; index++) {
      int base = (int) Math.floorMod(index, (long) slots) * FIELDS;
      if (ring[base] != (int) index) {
        continue;
      }
      double weight = index == first ? (double) ((index + 1) * span - start) / span : 1.0;
      for (int f = 0; f < 4; f++) {
        sums[f] += ring[base + 1 + f] * weight;
      }
    }
    return sums;
  }
}
