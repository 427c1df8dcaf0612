package dev.vitals.health.impl;

import dev.vitals.health.CheckHistory;
import dev.vitals.health.CheckReport;
import dev.vitals.health.HealthStatus;
import dev.vitals.health.HistoryOptions;
import dev.vitals.health.HistoryRollup;
import dev.vitals.health.HistoryTransition;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The past of one check, bounded: the last runs, the transitions of the last 7 days (at most 1,000), the totals of
 * observed and available time, and the states flap detection weighs.
 */
final class HistoryRecorder {

  /** What a run means to notifications. */
  enum Flap {
    /** Not flapping: notify as usual. */
    NONE,
    /** Started flapping with this run: one start event instead of the change. */
    START,
    /** Still flapping: nothing to notify. */
    ONGOING,
    /** Stopped flapping with this run: one stop event. */
    STOP
  }

  // Nagios' weights: a change between the two oldest of 21 results weighs 0.75, between the two newest 1.25.
  private static final double LOW_WEIGHT = 0.75;
  private static final double HIGH_WEIGHT = 1.25;
  private static final int STATE_BITS = 2;
  private static final long STATE_MASK = (1L << STATE_BITS) - 1;
  private static final int WINDOW = HistoryOptions.FLAP_WINDOW;

  static {
    if (HealthStatus.values().length > 1 << STATE_BITS || WINDOW * STATE_BITS > Long.SIZE) {
      throw new AssertionError("the flap window does not fit in a long");
    }
  }

  private final HistoryOptions options;
  private final HistoryKeeper keeper;
  private final String name;
  private final AvailabilityLedger ledger;
  // Sized for one entry and grown as runs come (the default 16 slots each, times every check, was most of an idle
  // check's history).
  private final ArrayDeque<CheckHistory.Run> recent = new ArrayDeque<>(1);
  private final ArrayDeque<CheckHistory.Transition> transitions = new ArrayDeque<>(1);
  private HealthStatus status;
  private long since;
  /**
   * The last transition read back from the history store while this process had no result yet: its first run
   * continues it (no change, the same since) or changes from it.
   */
  private CheckHistory.Transition carried;
  private long observedMillis;
  private long availableMillis;
  private long accountedUntil;
  /**
   * The last {@link HistoryOptions#FLAP_WINDOW} statuses, newest in the lowest bits, {@link #STATE_BITS} bits each
   * (the ordinal): one long rather than an array per check.
   */
  private long states;
  private int stateCount;
  private boolean flapping;
  private double flapPercent;

  HistoryRecorder(HistoryOptions options, HistoryKeeper keeper, String name) {
    this.options = options;
    this.keeper = keeper;
    this.name = name;
    this.ledger = new AvailabilityLedger(keeper.instance(), name);
  }

  synchronized Flap record(CheckReport report) {
    long at = report.timestamp();
    account(at);
    String output = Outputs.cut(report.output(), HistoryOptions.MAX_OUTPUT_LENGTH);
    recent.addLast(new CheckHistory.Run(report.status(), Instant.ofEpochMilli(at),
      report.durationNanos() / 1_000_000, output));
    ledger.run(at, report.status(), report.durationNanos() / 1_000_000, keeper::minute);
    if (recent.size() > HistoryOptions.RECENT_RUNS) {
      recent.removeFirst();
    }
    if (status == null && carried != null) {
      status = carried.to(); // what the store says it was before this process: a change only if it differs
      since = carried.at().toEpochMilli();
      carried = null;
    }
    if (report.status() != status) {
      transitions.addLast(new CheckHistory.Transition(status, report.status(), Instant.ofEpochMilli(at), output));
      keeper.transition(new HistoryTransition(keeper.instance(), name, status, report.status(),
        Instant.ofEpochMilli(at), output));
      status = report.status();
      since = at;
    }
    prune(at);
    return flap(report.status());
  }

  private void account(long now) {
    if (status != null && now > accountedUntil) {
      ledger.account(accountedUntil, now, status, keeper.inMaintenance(), keeper::minute);
      observedMillis += now - accountedUntil;
      if (available(status)) {
        availableMillis += now - accountedUntil;
      }
    }
    accountedUntil = Math.max(accountedUntil, now);
  }

  private void prune(long now) {
    while (transitions.size() > HistoryOptions.MAX_TRANSITIONS
      || transitions.size() > 1 && transitions.peekFirst().at().toEpochMilli() < now - HistoryOptions.TRANSITIONS_KEPT) {
      transitions.removeFirst();
    }
  }

  private Flap flap(HealthStatus latest) {
    states = states << STATE_BITS | latest.ordinal();
    stateCount = Math.min(stateCount + 1, WINDOW);
    // Oldest first; positions before the first result count as that result (Nagios fills its history so).
    int offset = WINDOW - stateCount;
    double changes = 0;
    int previous = -1;
    for (int i = 0; i < stateCount; i++) {
      int state = (int) (states >>> (STATE_BITS * (stateCount - 1 - i)) & STATE_MASK);
      if (previous >= 0 && state != previous) {
        int x = offset + i; // 1..20: the change ending at position x of the full window
        changes += (x - 1) * (HIGH_WEIGHT - LOW_WEIGHT) / (WINDOW - 2) + LOW_WEIGHT;
      }
      previous = state;
    }
    flapPercent = changes * 100 / (WINDOW - 1);
    boolean was = flapping;
    if (!flapping && flapPercent >= options.getFlapHighThreshold()) {
      flapping = true;
    } else if (flapping && flapPercent < options.getFlapLowThreshold()) {
      flapping = false;
    }
    return was ? (flapping ? Flap.ONGOING : Flap.STOP) : (flapping ? Flap.START : Flap.NONE);
  }

  /** Accounts the time up to {@code now}; with {@code finishMinute}, hands over the minute being built too. */
  synchronized void accountTo(long now, boolean finishMinute) {
    account(now);
    if (finishMinute) {
      ledger.finish(keeper::minute);
    }
  }

  /**
   * Puts the transitions the history store read back (this check's, oldest first, of this instance) before those of
   * this process, so that its timeline and since when it has its status go on across a restart: a first result of this
   * process with the status the store ends with is no change.
   *
   * @param stored the stored transitions
   * @param now    the time, for the bounds of what is kept
   */
  synchronized void loadTransitions(List<HistoryTransition> stored, long now) {
    long firstLive = transitions.isEmpty() ? Long.MAX_VALUE : transitions.peekFirst().at().toEpochMilli();
    List<CheckHistory.Transition> older = new ArrayList<>();
    for (HistoryTransition row : stored) {
      HealthStatus previous = older.isEmpty() ? null : older.get(older.size() - 1).to();
      // a restart wrote "from null" again: no change when it repeats the status before it
      if (row.at().toEpochMilli() < firstLive && row.to() != previous) {
        older.add(new CheckHistory.Transition(previous != null ? previous : row.from(), row.to(), row.at(),
          row.output()));
      }
    }
    if (older.isEmpty()) {
      return;
    }
    CheckHistory.Transition last = older.get(older.size() - 1);
    if (status == null) {
      carried = last;
    } else if (transitions.peekFirst().from() == null) {
      CheckHistory.Transition first = transitions.removeFirst();
      if (first.to() != last.to()) {
        transitions.addFirst(new CheckHistory.Transition(last.to(), first.to(), first.at(), first.output()));
      } else if (transitions.isEmpty()) {
        since = last.at().toEpochMilli(); // this process's first result went on with the stored status
      }
    }
    for (int i = older.size() - 1; i >= 0; i--) {
      transitions.addFirst(older.get(i));
    }
    prune(now);
  }

  /** Adds what the history store read back: an hourly sum before {@code currentHour}, or a minute of the last ones. */
  synchronized void load(HistoryRollup row, long currentHour) {
    ledger.load(row, row.start().toEpochMilli() >= currentHour);
  }

  /**
   * The check is unregistered: its time is accounted to {@code now} and its open minute handed over (and carried, so
   * that a successor within the same minute adds to it rather than replaces it).
   *
   * @return its sums
   */
  synchronized AvailabilityLedger detach(long now) {
    account(now);
    HistoryRollup[] open = new HistoryRollup[1];
    ledger.finish(row -> {
      keeper.minute(row);
      open[0] = row;
    });
    if (open[0] != null) {
      ledger.carry(open[0]);
    }
    return ledger;
  }

  /** Adds sums read back before this check was registered. */
  synchronized void merge(AvailabilityLedger read) {
    ledger.merge(read);
  }

  synchronized double flapPercent() {
    return flapPercent;
  }

  synchronized CheckHistory snapshot(String name, Double slo, long now) {
    prune(now);
    account(now);
    Map<String, Double> ratios = new LinkedHashMap<>();
    Map<String, Double> warnShare = new LinkedHashMap<>();
    Map<String, Long> maintenance = new LinkedHashMap<>();
    long longest = 0;
    for (Map.Entry<String, Long> window : CheckHistory.WINDOWS.entrySet()) {
      double[] sums = ledger.window(window.getValue(), now);
      double observed = sums[0];
      if (observed > 0) {
        ratios.put(window.getKey(), sums[1] / observed);
        warnShare.put(window.getKey(), sums[2] / observed);
      } else if (status != null) { // the first result is all there is: its status is the whole story
        ratios.put(window.getKey(), available(status) ? 1.0 : 0.0);
        warnShare.put(window.getKey(), status == HealthStatus.WARN ? 1.0 : 0.0);
      } else {
        ratios.put(window.getKey(), null);
        warnShare.put(window.getKey(), null);
      }
      maintenance.put(window.getKey(), Math.round(sums[3]));
      longest = Math.max(longest, window.getValue());
    }
    long first = ledger.firstObserved();
    Instant observedSince = first == Long.MAX_VALUE || first <= now - longest ? null : Instant.ofEpochMilli(first);
    return new CheckHistory(name, status, status == null ? null : Instant.ofEpochMilli(since), flapping, flapPercent,
      ratios, observedSince, slo, List.copyOf(transitions), List.copyOf(recent), observedMillis, availableMillis,
      warnShare, maintenance);
  }

  private static boolean available(HealthStatus status) {
    return status != HealthStatus.FAIL;
  }
}
