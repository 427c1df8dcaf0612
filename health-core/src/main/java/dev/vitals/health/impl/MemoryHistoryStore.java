package dev.vitals.health.impl;

import dev.vitals.health.HistoryOptions;
import dev.vitals.health.HistoryRollup;
import dev.vitals.health.HistoryStore;
import dev.vitals.health.HistoryTransition;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@link HistoryStore#memory()}: per instance and check, the minutes of the last 2 hours, the hours of the last 30
 * days and the last transitions, in the heap; bounded in series, each series bounded in time and count.
 */
public final class MemoryHistoryStore implements HistoryStore {

  /** The most instance and check pairs kept: 10,000 (rows of others are dropped and counted). */
  public static final int MAX_SERIES = 10_000;
  /** Minutes kept per series, counted back from its newest: 2 hours. */
  static final long MINUTES_KEPT = 2 * HOUR_MS;
  /** Hours kept per series, counted back from its newest: 30 days. */
  static final long HOURS_KEPT = 30 * 24 * HOUR_MS;

  private static final Comparator<HistoryRollup> ROLLUP_ORDER = Comparator.comparing(HistoryRollup::start)
    .thenComparing(HistoryRollup::instance).thenComparing(HistoryRollup::check);

  private static final class Series {
    final TreeMap<Long, HistoryRollup> minutes = new TreeMap<>();
    final TreeMap<Long, HistoryRollup> hours = new TreeMap<>();
    final ArrayDeque<HistoryTransition> transitions = new ArrayDeque<>();
  }

  private record Key(String instance, String check) {
  }

  private final Map<Key, Series> series = new HashMap<>();
  private long dropped;
  private boolean closed;

  /** @return the rows dropped because {@link #MAX_SERIES} series were already kept */
  public synchronized long dropped() {
    return dropped;
  }

  private Series series(String instance, String check) {
    Key key = new Key(instance, check);
    Series s = series.get(key);
    if (s == null && series.size() < MAX_SERIES) {
      s = new Series();
      series.put(key, s);
    }
    return s;
  }

  @Override
  public synchronized Future<Void> append(List<HistoryTransition> transitions, List<HistoryRollup> rollups) {
    if (closed) {
      return Future.failedFuture(new IllegalStateException("history store closed"));
    }
    for (HistoryRollup minute : rollups) {
      if (minute.spanMs() != MINUTE_MS) {
        return Future.failedFuture(new IllegalArgumentException("rollups: expected minutes (spanMs 60000), got '"
          + minute.spanMs() + "'"));
      }
    }
    for (HistoryTransition t : transitions) {
      Series s = series(t.instance(), t.check());
      if (s == null) {
        dropped++;
        continue;
      }
      s.transitions.addLast(t);
      if (s.transitions.size() > HistoryOptions.MAX_TRANSITIONS) {
        s.transitions.removeFirst();
      }
      long newest = s.transitions.stream().mapToLong(x -> x.at().toEpochMilli()).max().orElse(0);
      while (s.transitions.size() > 1 && s.transitions.peekFirst().at().toEpochMilli() < newest - HOURS_KEPT) {
        s.transitions.removeFirst();
      }
    }
    for (HistoryRollup minute : rollups) {
      Series s = series(minute.instance(), minute.check());
      if (s == null) {
        dropped++;
        continue;
      }
      long start = minute.start().toEpochMilli();
      HistoryRollup old = s.minutes.put(start, minute);
      long hour = HistoryRollups.hourOf(start);
      s.hours.put(hour, HistoryRollups.addToHour(s.hours.get(hour), minute, old));
      s.minutes.headMap(s.minutes.lastKey() - MINUTES_KEPT).clear();
      s.hours.headMap(s.hours.lastKey() - HOURS_KEPT).clear();
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<List<HistoryRollup>> rollups(String instance, String check, Instant from, Instant to) {
    return read(instance, check, from, to, s -> s.minutes);
  }

  @Override
  public Future<List<HistoryRollup>> hourlyRollups(String instance, String check, Instant from, Instant to) {
    return read(instance, check, from, to, s -> s.hours);
  }

  private synchronized Future<List<HistoryRollup>> read(String instance, String check, Instant from, Instant to,
                                                         Function<Series, TreeMap<Long, HistoryRollup>> kind) {
    if (closed) {
      return Future.failedFuture(new IllegalStateException("history store closed"));
    }
    List<HistoryRollup> rows = new ArrayList<>();
    long low = from.toEpochMilli();
    long high = to.toEpochMilli();
    series.forEach((key, s) -> {
      if (matches(key, instance, check) && low < high) {
        rows.addAll(kind.apply(s).subMap(low, true, high, false).values());
      }
    });
    rows.sort(ROLLUP_ORDER);
    return Future.succeededFuture(rows);
  }

  private static boolean matches(Key key, String instance, String check) {
    return (instance == null || instance.equals(key.instance())) && (check == null || check.equals(key.check()));
  }

  @Override
  public synchronized Future<List<HistoryTransition>> transitions(String instance, String check, Instant from,
                                                                  Instant to, int limit) {
    if (closed) {
      return Future.failedFuture(new IllegalStateException("history store closed"));
    }
    if (limit <= 0) {
      return Future.failedFuture(new IllegalArgumentException("limit: expected a positive number, got '" + limit + "'"));
    }
    List<HistoryTransition> rows = new ArrayList<>();
    series.forEach((key, s) -> {
      if (matches(key, instance, check)) {
        for (HistoryTransition t : s.transitions) {
          if (!t.at().isBefore(from) && t.at().isBefore(to)) {
            rows.add(t);
          }
        }
      }
    });
    rows.sort(Comparator.comparing(HistoryTransition::at).thenComparing(HistoryTransition::instance)
      .thenComparing(HistoryTransition::check));
    return Future.succeededFuture(List.copyOf(rows.subList(Math.max(0, rows.size() - limit), rows.size())));
  }

  @Override
  public synchronized Future<List<String>> instances() {
    if (closed) {
      return Future.failedFuture(new IllegalStateException("history store closed"));
    }
    TreeSet<String> names = new TreeSet<>();
    series.keySet().forEach(key -> names.add(key.instance()));
    return Future.succeededFuture(List.copyOf(names));
  }

  @Override
  public synchronized Future<Long> prune(Instant transitionsBefore, Instant minutesBefore, Instant hoursBefore) {
    if (closed) {
      return Future.failedFuture(new IllegalStateException("history store closed"));
    }
    Objects.requireNonNull(transitionsBefore, "transitionsBefore");
    long deleted = 0;
    for (Series s : series.values()) {
      while (!s.transitions.isEmpty() && s.transitions.peekFirst().at().isBefore(transitionsBefore)) {
        s.transitions.removeFirst();
        deleted++;
      }
      Map<Long, HistoryRollup> oldMinutes = s.minutes.headMap(minutesBefore.toEpochMilli());
      deleted += oldMinutes.size();
      oldMinutes.clear();
      Map<Long, HistoryRollup> oldHours = s.hours.headMap(hoursBefore.toEpochMilli());
      deleted += oldHours.size();
      oldHours.clear();
    }
    series.values().removeIf(s -> s.transitions.isEmpty() && s.minutes.isEmpty() && s.hours.isEmpty());
    return Future.succeededFuture(deleted);
  }

  @Override
  public synchronized Future<Void> close() {
    closed = true;
    series.clear();
    return Future.succeededFuture();
  }
}
