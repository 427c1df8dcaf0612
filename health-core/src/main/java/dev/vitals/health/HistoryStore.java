package dev.vitals.health;

import dev.vitals.health.impl.MemoryHistoryStore;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.List;

/**
 * Where a {@link CheckRegistry} keeps its checks' past beyond the process: status transitions and per-minute
 * {@linkplain HistoryRollup rollups}, per instance and check, so that availability and error budgets over
 * {@code 1h}, {@code 24h}, {@code 7d} and {@code 30d} survive a restart. The registry appends in batches on a timer
 * (never per request), and reads the rollups back once, when it starts ({@link CheckRegistryOptions#setHistoryStore}).
 *
 * <p>Without a store (the default of an embedding application) the registry keeps its windows in memory, in its own
 * compact sums, and writes nothing. {@link #memory()} keeps only what the windows need, in the heap: given to
 * registries created one after the other in a process (a redeployed verticle, tests), each continues the windows of
 * the one before; it keeps nothing across a restart of the process. health-history has the SQLite file store (the
 * standalone's default) and PostgreSQL, for a fleet sharing one store (each instance writes its own rows, any
 * instance reads them all).
 *
 * <p>Implementations do their I/O off the event loops (a blocking one on a worker), keep the order of the calls of
 * one caller, and never throw: a fault fails the returned future, with a message naming the store and the cause
 * (for a file, {@code "history store /path/vitals-history.db: <cause>"}). After {@link #close()} every method fails
 * with {@link IllegalStateException} {@code "history store closed"}. Times are UTC instants, durations in ms; a
 * range {@code from, to} takes the rows whose {@code start} (rollups) or {@code at} (transitions) is
 * {@code >= from} and {@code < to}, oldest first.
 */
public interface HistoryStore {

  /** The span of a minute rollup, in ms: 60,000. */
  long MINUTE_MS = 60_000L;
  /** The span of an hourly sum, in ms: 3,600,000. */
  long HOUR_MS = 3_600_000L;

  /**
   * @return an in-memory store, bounded: per instance and check, the minute rollups of the last 2 hours, the hourly
   * sums of the last 30 days and the last {@value HistoryOptions#MAX_TRANSITIONS} transitions of the last 30 days;
   * at most 10,000 instance and check pairs (rows of a pair
   * beyond it are dropped). Its futures complete at once, on the caller's thread.
   */
  static HistoryStore memory() {
    return new MemoryHistoryStore();
  }

  /**
   * Appends rows, in one transaction where the store has them: all of them are kept, or the future fails and
   * none is. Appending a rollup whose instance, check and start is already there replaces it (a retry after a
   * fault that left the outcome unknown writes the same rows again); the store also adds each minute to its hourly
   * sums ({@link #hourlyRollups}).
   *
   * @param transitions status changes, in any order; may be empty
   * @param rollups     minute rollups ({@code spanMs} {@value #MINUTE_MS}), in any order; may be empty
   * @return a future completed once the rows are durable (for a file store: committed); failed with the store's
   * fault, nothing kept
   */
  Future<Void> append(List<HistoryTransition> transitions, List<HistoryRollup> rollups);

  /**
   * @param instance the instance whose rows to read, or {@code null} for every instance
   * @param check    the check whose rows to read, or {@code null} for every check
   * @param from     the first minute start taken (inclusive)
   * @param to       the end (exclusive)
   * @return the minute rollups in that range, by start then instance then check; minutes pruned or never written
   * are missing (nothing was observed then, or the store no longer knows); failed with the store's fault
   */
  Future<List<HistoryRollup>> rollups(String instance, String check, Instant from, Instant to);

  /**
   * The long windows' read: one row per instance, check and hour ({@code spanMs} {@value #HOUR_MS}), the sums of its
   * minutes (latencies as {@link HistoryRollup} says), kept after the minutes themselves are pruned.
   *
   * @param instance the instance whose sums to read, or {@code null} for every instance
   * @param check    the check whose sums to read, or {@code null} for every check
   * @param from     the first hour start taken (inclusive; not on an hour, the hour that contains it is left out)
   * @param to       the end (exclusive)
   * @return the hourly sums in that range, by start then instance then check; failed with the store's fault
   */
  Future<List<HistoryRollup>> hourlyRollups(String instance, String check, Instant from, Instant to);

  /**
   * @param instance the instance whose transitions to read, or {@code null} for every instance
   * @param check    the check whose transitions to read, or {@code null} for every check
   * @param from     the first time taken (inclusive)
   * @param to       the end (exclusive)
   * @param limit    the most rows answered, {@code > 0}: the newest ones when there are more (still oldest first)
   * @return the transitions in that range, oldest first; failed with the store's fault, or with
   * {@link IllegalArgumentException} {@code "limit: expected a positive number, got '0'"}
   */
  Future<List<HistoryTransition>> transitions(String instance, String check, Instant from, Instant to, int limit);

  /**
   * @return the instances that have rows in the store, sorted by name; failed with the store's fault
   */
  Future<List<String>> instances();

  /**
   * Deletes, for every instance, the rows older than the retention of their kind. The registry does not call it: a
   * store prunes itself on a timer (for health-history's, {@code retention}) or its owner calls it.
   *
   * @param transitionsBefore transitions whose {@code at} is before it are deleted
   * @param minutesBefore     minute rollups whose start is before it are deleted
   * @param hoursBefore       hourly sums whose start is before it are deleted
   * @return the number of rows deleted; failed with the store's fault
   */
  Future<Long> prune(Instant transitionsBefore, Instant minutesBefore, Instant hoursBefore);

  /**
   * Releases the store (a file store closes its file once the writes before are done); later calls fail.
   *
   * @return a future completed once closed; closing twice is harmless
   */
  Future<Void> close();
}
