package dev.vitals.health.web.history.impl;

import dev.vitals.health.MaintenanceState;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The stretches of maintenance this process has seen, for the dashboard's timelines: at most {@value #MAX} of them
 * (the oldest dropped first), each from the state's {@code since} to the {@code since} of the state that ended it.
 * Thread-safe.
 */
final class MaintenanceStretches {

  /** The most stretches kept. */
  static final int MAX = 256;

  private final Deque<Dashboard.Stretch> closed = new ArrayDeque<>();
  private Long open;

  /** @param state the maintenance state now (the same state twice changes nothing) */
  synchronized void changed(MaintenanceState state) {
    if (state == null) {
      return;
    }
    long at = state.since() == null ? System.currentTimeMillis() : state.since().toEpochMilli();
    if (state.inMaintenance()) {
      if (open == null) {
        open = at;
      }
    } else if (open != null) {
      if (closed.size() == MAX) {
        closed.removeFirst();
      }
      closed.addLast(new Dashboard.Stretch(open, Math.max(open, at)));
      open = null;
    }
  }

  /**
   * @param from    the start of the window, epoch ms
   * @param to      its end
   * @param current the state now, or null: in maintenance, a stretch from its {@code since} is open even if its
   *                change was not seen
   * @return the stretches that overlap the window, oldest first
   */
  synchronized List<Dashboard.Stretch> within(long from, long to, MaintenanceState current) {
    List<Dashboard.Stretch> within = new ArrayList<>();
    for (Dashboard.Stretch stretch : closed) {
      if (stretch.to() > from && stretch.from() < to) {
        within.add(stretch);
      }
    }
    Long start = open;
    if (current != null && current.inMaintenance()) {
      start = start != null ? start : current.since() == null ? to : current.since().toEpochMilli();
    } else if (current != null) {
      start = null;
    }
    if (start != null) {
      within.add(new Dashboard.Stretch(start, Long.MAX_VALUE));
    }
    return within;
  }
}
