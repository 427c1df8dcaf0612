package dev.vitals.health;

import dev.vitals.health.impl.CheckRegistryImpl;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * A registry of named checks whose results are cached per check: a passing result
 * is reused for its {@linkplain CheckOptions#getSuccessTtl() success TTL} (27 s by default), a failing one for
 * its {@linkplain CheckOptions#getFailureTtl() failure TTL} (9 s); concurrent requests share one run (single
 * flight); an expired result is served, marked stale, while one refresh runs behind it, up to
 * {@linkplain CheckOptions#getMaxStale() maxStale}; each run is bounded by a timeout (2 s by default); faults
 * become failing results.
 *
 * <p>It is a drop-in {@link HealthChecks}: vertx-web's {@code HealthCheckHandler.createWithHealthChecks(...)}
 * works on it unchanged, and procedures registered the vertx-health-check way are cached like any other.
 * {@link #report()} gives the richer per-check view health-web renders.
 *
 * <p>Names may be nested with {@code /} ({@code db/primary}); a group name ({@code db}) selects all checks
 * below it. A name is either a check or a group, never both.
 *
 * <p>Thread-safe: it may be shared by verticles on several event loops. Futures it returns complete on the
 * caller's Vert.x context when there is one.
 */
public interface CheckRegistry extends HealthChecks {

  /**
   * The timeout of a procedure registered the vertx-health-check way without one, in ms: 1000, vertx-health-check's
   * own default. {@link CheckOptions#DEFAULT_TIMEOUT} (2 s) is the default of the other ways.
   */
  long VERTX_DEFAULT_TIMEOUT = 1_000;

  /**
   * @param vertx the Vert.x instance whose timers and worker pool the registry uses
   * @return a registry with default options
   */
  static CheckRegistry create(Vertx vertx) {
    return create(vertx, new CheckRegistryOptions());
  }

  /**
   * @param vertx   the Vert.x instance whose timers and worker pool the registry uses
   * @param options the registry options (worker pool size, clock)
   * @return a new registry
   */
  static CheckRegistry create(Vertx vertx, CheckRegistryOptions options) {
    return new CheckRegistryImpl(vertx, options);
  }

  /**
   * The canonical form of a check or group name as a request may spell it: {@code "/db//primary/"},
   * {@code "db/ /primary"} and {@code "db/primary"} name the same check, as in vertx-health-check. Segments
   * between {@code /} that are empty or whitespace only are dropped; nothing else changes (no trimming, no case
   * folding, no %-decoding: a router decodes paths before).
   *
   * @param name a name, possibly with leading, trailing, doubled or blank segments
   * @return the name without them; {@code ""} when nothing is left
   */
  static String normalizeName(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    int start = 0;
    while (start <= name.length()) {
      int end = name.indexOf('/', start);
      if (end < 0) {
        end = name.length();
      }
      if (!blank(name, start, end)) {
        sb.append(sb.length() == 0 ? "" : "/").append(name, start, end);
      }
      start = end + 1;
    }
    return sb.toString();
  }

  private static boolean blank(String s, int start, int end) {
    for (int i = start; i < end; i++) {
      if (!Character.isWhitespace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Registers a non-blocking check.
   *
   * @param options the check's name, timeout, TTLs, criticality and tags (copied)
   * @param check   the procedure
   * @return this
   * @throws IllegalArgumentException when the name is missing, already registered, or clashes with a group
   *                                  (registering {@code db/primary} when {@code db} is a check, or the reverse);
   *                                  when a name in {@link CheckOptions#getDependsOn()} is not a registered check
   *                                  ({@code dependsOn: 'api' depends on 'db', which is not a registered check
   *                                  ...}) or would close a cycle ({@code dependsOn: 'a' -> 'b' -> 'a' is a
   *                                  cycle})
   */
  CheckRegistry register(CheckOptions options, Check check);

  /**
   * Registers a check whose procedure blocks; it runs on the registry's worker pool, never on an event loop.
   *
   * @param options the check's options (copied)
   * @param check   the blocking procedure
   * @return this
   * @throws IllegalArgumentException as {@link #register(CheckOptions, Check)}
   */
  CheckRegistry registerBlocking(CheckOptions options, BlockingCheck check);

  /**
   * Registers a vertx-health-check procedure with the default options of {@link CheckOptions}, except the
   * timeout: {@link #VERTX_DEFAULT_TIMEOUT} (1 s), as vertx-health-check. An OK {@code Status} passes, a KO one
   * fails, a failed promise fails with the failure's message as output; a {@code Status} with
   * {@code setProcedureInError(true)} fails and keeps {@code "error": true} in the vertx-health-check view.
   *
   * @throws IllegalArgumentException as {@link #register(CheckOptions, Check)}
   */
  @Override
  CheckRegistry register(String name, Handler<Promise<Status>> procedure);

  /**
   * As {@link #register(String, Handler)}, with a timeout.
   *
   * @param timeout the timeout of one run, in ms, {@code > 0}
   * @throws IllegalArgumentException when the timeout is not positive, and as {@link #register(CheckOptions, Check)}
   */
  @Override
  CheckRegistry register(String name, long timeout, Handler<Promise<Status>> procedure);

  /**
   * Removes a check, or every check of a group; stops its refresh timer. Unknown names are ignored; the groups
   * above the name stay, even when left empty, as in vertx-health-check.
   *
   * @param name a check or group name
   * @return this
   * @throws IllegalArgumentException {@code "The name must not be empty"} for {@code ""}, as vertx-health-check
   */
  @Override
  CheckRegistry unregister(String name);

  /**
   * Adds a listener of status changes: a check's status changing (or its first result not passing), and the
   * overall outcome of all checks with results changing. Called on the thread that completed the run, outside
   * any lock, in the order the changes happened for one check; it must not block. {@link StatusEvents}
   * publishes them on the event bus.
   *
   * @param listener the listener; an exception it throws is logged (a line per burst of faults) and the other
   *                 listeners are still told
   * @return this
   */
  CheckRegistry addListener(Handler<StatusChange> listener);

  /**
   * What is remembered of every check ({@link CheckHistory}: status since when, flapping, availability per window,
   * error budget, transitions, recent runs), as of now. Reads memory only; runs nothing.
   *
   * @return per check name, in registration order; empty when {@linkplain HistoryOptions#isEnabled() history} is
   * off
   */
  Map<String, CheckHistory> history();

  /**
   * @param name a check's name (spelt as {@link #normalizeName} allows); a group has no history of its own
   * @return what is remembered of that check as of now; {@code null} when no check has that name or history is off
   */
  CheckHistory history(String name);

  /**
   * Excludes time in maintenance from availability and error budgets: while {@code source} says maintenance, the
   * checks' time is counted as {@code maintenanceMs} ({@link HistoryRollup}) and in no window's availability.
   *
   * @param source the maintenance source whose state is followed (its listeners); {@code null} to stop following
   * @return this
   */
  CheckRegistry maintenance(MaintenanceSource source);

  /**
   * @return a future completed once the history store's rollups of the last 30 days were read back into the
   * checks' availability (or the read failed: {@link #historyRecording()} says so); it never fails. Completed at
   * once when history is off.
   */
  Future<Void> historyLoaded();

  /**
   * Accounts every check's time up to now and writes the finished minutes and transitions held to the history
   * store at once, instead of at the next {@linkplain HistoryOptions#getFlushInterval() flush}.
   *
   * @return a future completed once written; failed with the store's fault (the rows stay held, to be written at
   * the next flush); completed at once when history is off or a write is already in flight
   */
  Future<Void> flushHistory();

  /** @return how the writes to the history store go: held, dropped, the last fault; reads memory only */
  HistoryRecording historyRecording();

  /**
   * Adds an observer of registrations and runs ({@link CheckObserver}): it is told at once, in registration order,
   * of every check already registered, then of every check registered, run or unregistered from now on.
   *
   * @param observer the observer; an exception it throws is ignored
   * @return this
   */
  CheckRegistry addObserver(CheckObserver observer);

  /**
   * The latest result of one check as the cache holds it, without running, refreshing or waiting for anything:
   * what the endpoint serves now (marked stale or not), or the result an expired entry will be replaced by the next
   * run of. Cheap (a map lookup): made for metrics read on every scrape.
   *
   * @param name a check's name as registered ({@link CheckOptions#getName()}: not normalized here, to stay a map
   *             lookup)
   * @return its latest result, or {@code null} when it has none yet or no check has that name
   */
  CheckReport latest(String name);

  /**
   * The latest results of the checks a filter selects, as {@link #latest(String)}: nothing is run.
   *
   * @param filter selects checks by their options
   * @return the selected checks' latest results in registration order; checks without a result yet are left out
   */
  List<CheckReport> latest(Predicate<CheckOptions> filter);

  /** @return the options of every registered check, in registration order (copies) */
  List<CheckOptions> checks();

  /**
   * Results of every check, from the cache where fresh. The future never fails: faults are failing results.
   *
   * @return the report of all checks
   */
  Future<HealthReport> report();

  /**
   * Results of one check or of every check in a group. A check asked by its own name answers by its own status
   * ({@link HealthReport#ofOneCheck()}: {@code fail} when it fails, even when it is not critical); a group is an
   * aggregate and has the overall status of its checks ({@code warn} when only non-critical ones fail, even when
   * it holds nothing but non-critical checks).
   *
   * @param name a check name ({@code db/primary}) or a group name ({@code db}); {@code ""} or {@code "/"}
   *             means every check
   * @return the report; failed with a {@link NoSuchElementException} whose message is
   * {@code "Check not found: <name>"} when no check or group has that name, with an
   * {@link IllegalArgumentException} {@code "'<segment>' is not a composite"} when the name goes below a check
   * ({@code db/primary/x} with {@code db/primary} a check), as vertx-health-check; a group whose checks were all
   * unregistered stays, with no checks
   */
  Future<HealthReport> report(String name);

  /**
   * Results of the checks the filter selects (for example by tag, for the liveness and readiness probes).
   * Checks it leaves out are not run.
   *
   * @param filter selects checks by their options
   * @return the report of the selected checks (an empty report passes)
   */
  Future<HealthReport> report(Predicate<CheckOptions> filter);

  /**
   * Whether a report of the same checks made now would hold the very same results (the same {@link CheckReport}
   * instances) as {@code report}: no run stored a result and no check was registered or unregistered since it
   * was made ({@link HealthReport#version()}), and none of its results has since expired, turned stale or
   * outlived its {@linkplain CheckOptions#getMaxStale() maxStale} ({@link HealthReport#freshUntil()}). Constant
   * time: what a caller made of a report (health-web keeps the rendered body) can be reused while it is true.
   * It does not run or refresh anything: a refresh due at expiry starts with the next {@code report} call.
   *
   * @param report a report this registry made
   * @return whether it is still current; {@code false} for a report another registry or a caller made
   */
  boolean isCurrent(HealthReport report);

  /**
   * Stops every refresh timer and closes the worker pool of blocking checks. Observers are told every check is
   * unregistered. Runs in flight complete but their results are not cached.
   *
   * @return a future completed when done
   */
  Future<Void> close();
}
