package dev.vitals.health;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What a {@link CheckRegistry} remembers of one check, as of the moment it was asked ({@link CheckRegistry#history()}).
 * Immutable.
 *
 * <p>Availability is time-weighted: per window ({@code 1h}, {@code 24h}, {@code 7d}, {@code 30d}), the share of the
 * time the check was {@code pass} or {@code warn}, not a count of runs; {@code warnShare} gives the {@code warn} part
 * apart (a certificate about to expire is not downtime). Time in maintenance ({@link CheckRegistry#maintenance}) is
 * left out of both, and of the error budget: {@code maintenanceMs} says how much per window. The sums come from
 * the history store's rollups read back at start (so they survive a restart: per minute for {@code 1h}, per hour
 * for the longer windows, whose oldest hour is weighed by the part of it in the window) plus the time since. Time
 * is observed from the check's first result: a window longer than that starts there, and
 * {@link #observedSince()} says when.
 * With an {@linkplain CheckOptions#getSlo() SLO}, the error budget left per window is
 * {@code 1 - (1 - availability) / (1 - slo / 100)}: 1 untouched, 0 spent, negative when overspent.
 *
 * <p>JSON form ({@link #toJson()}), lists oldest first, times ISO 8601:
 * <pre>{@code
 * {"status": "pass", "since": "2026-11-21T12:00:00Z", "flapping": false,
 *  "availability": {"1h": 1.0, "24h": 0.9993, "7d": 0.9993, "30d": 0.9993, "since": "2026-11-21T09:00:00Z"},
 *  "warnShare": {"1h": 0.0, "24h": 0.01, "7d": 0.01, "30d": 0.01},
 *  "maintenanceMs": {"1h": 0, "24h": 600000, "7d": 600000, "30d": 600000},
 *  "slo": 99.9, "errorBudgetRemaining": {"1h": 1.0, "24h": 0.3, "7d": 0.3, "30d": 0.3},
 *  "transitions": [{"from": "pass", "to": "fail", "at": "...", "output": "Connection refused"}],
 *  "recent": [{"status": "pass", "at": "...", "durationMs": 3, "output": "select 1"}]}
 * }</pre>
 * {@code availability.since} is there only while the check has been observed for less than the longest window;
 * {@code slo} and {@code errorBudgetRemaining} are {@code null} without an SLO; {@code status}, {@code since} and the
 * ratios are {@code null} before the first result.
 */
public final class CheckHistory {

  /** The availability windows, by the name the JSON form gives them, in ms: 1 h, 24 h, 7 d, 30 d. */
  public static final Map<String, Long> WINDOWS;

  static {
    Map<String, Long> windows = new LinkedHashMap<>();
    windows.put("1h", 3_600_000L);
    windows.put("24h", 24 * 3_600_000L);
    windows.put("7d", 7 * 24 * 3_600_000L);
    windows.put("30d", 30 * 24 * 3_600_000L);
    WINDOWS = Collections.unmodifiableMap(windows);
  }

  /**
   * One run of the check.
   *
   * @param status     the status the run gave the check
   * @param at         when it completed
   * @param durationMs how long it took, in ms
   * @param output     its output, cut to {@value HistoryOptions#MAX_OUTPUT_LENGTH} characters
   */
  public record Run(HealthStatus status, Instant at, long durationMs, String output) {
  }

  /**
   * A change of the check's status.
   *
   * @param from   the status before, {@code null} for the first result
   * @param to     the status after
   * @param at     when the run that changed it completed
   * @param output that run's output, cut to {@value HistoryOptions#MAX_OUTPUT_LENGTH} characters
   */
  public record Transition(HealthStatus from, HealthStatus to, Instant at, String output) {
  }

  private final String name;
  private final HealthStatus status;
  private final Instant since;
  private final boolean flapping;
  private final double flapPercent;
  private final Map<String, Double> availability;
  private final Instant observedSince;
  private final Double slo;
  private final List<Transition> transitions;
  private final List<Run> recent;
  private final long observedMillis;
  private final long availableMillis;
  private final Map<String, Double> warnShare;
  private final Map<String, Long> maintenanceMillis;

  /**
   * @param name            the check's name
   * @param status          its status now, {@code null} before its first result
   * @param since           since when it has had that status, {@code null} before its first result
   * @param flapping        whether it is flapping
   * @param flapPercent     the weighted percent of state change over the last results (0 to 100)
   * @param availability    per window name of {@link #WINDOWS}, the available share (0 to 1), {@code null}
   *                        before the first result
   * @param observedSince   when observation began, when later than the start of the longest window; else {@code null}
   * @param slo             the check's SLO in percent, or {@code null}
   * @param transitions     status transitions, oldest first
   * @param recent          the last runs, oldest first
   * @param observedMillis  the time observed since the first result, in ms (monotonic, for counters)
   * @param availableMillis the part of it the check was available, in ms
   */
  public CheckHistory(String name, HealthStatus status, Instant since, boolean flapping, double flapPercent,
                      Map<String, Double> availability, Instant observedSince, Double slo,
                      List<Transition> transitions, List<Run> recent, long observedMillis, long availableMillis) {
    this(name, status, since, flapping, flapPercent, availability, observedSince, slo, transitions, recent,
      observedMillis, availableMillis, Map.of(), Map.of());
  }

  /**
   * @param name              the check's name
   * @param status            its status now, {@code null} before its first result
   * @param since             since when it has had that status, {@code null} before its first result
   * @param flapping          whether it is flapping
   * @param flapPercent       the weighted percent of state change over the last results (0 to 100)
   * @param availability      per window name of {@link #WINDOWS}, the available share (0 to 1) of the time observed
   *                          outside maintenance, {@code null} before the first result
   * @param observedSince     when observation began, when later than the start of the longest window; else
   *                          {@code null}
   * @param slo               the check's SLO in percent, or {@code null}
   * @param transitions       status transitions, oldest first
   * @param recent            the last runs, oldest first
   * @param observedMillis    the time observed since the first result, in ms (monotonic, for counters)
   * @param availableMillis   the part of it the check was available, in ms
   * @param warnShare         per window name, the share (0 to 1) of the time observed outside maintenance the check
   *                          was {@code warn} (counted as available), {@code null} before the first result
   * @param maintenanceMillis per window name, the ms in maintenance, left out of availability and error budget
   */
  public CheckHistory(String name, HealthStatus status, Instant since, boolean flapping, double flapPercent,
                      Map<String, Double> availability, Instant observedSince, Double slo,
                      List<Transition> transitions, List<Run> recent, long observedMillis, long availableMillis,
                      Map<String, Double> warnShare, Map<String, Long> maintenanceMillis) {
    this.warnShare = Collections.unmodifiableMap(new LinkedHashMap<>(warnShare));
    this.maintenanceMillis = Collections.unmodifiableMap(new LinkedHashMap<>(maintenanceMillis));
    this.name = name;
    this.status = status;
    this.since = since;
    this.flapping = flapping;
    this.flapPercent = flapPercent;
    this.availability = Collections.unmodifiableMap(new LinkedHashMap<>(availability));
    this.observedSince = observedSince;
    this.slo = slo;
    this.transitions = List.copyOf(transitions);
    this.recent = List.copyOf(recent);
    this.observedMillis = observedMillis;
    this.availableMillis = availableMillis;
  }

  /** @return the check's name */
  public String name() {
    return name;
  }

  /** @return its status now, {@code null} before its first result */
  public HealthStatus status() {
    return status;
  }

  /** @return since when it has had that status, {@code null} before its first result */
  public Instant since() {
    return since;
  }

  /** @return whether it is flapping */
  public boolean flapping() {
    return flapping;
  }

  /** @return the weighted percent of state change over the last {@value HistoryOptions#FLAP_WINDOW} results */
  public double flapPercent() {
    return flapPercent;
  }

  /** @return per window ({@code 1h}, {@code 24h}, {@code 7d}, {@code 30d}) the available share, 0 to 1; values null before a result */
  public Map<String, Double> availability() {
    return availability;
  }

  /** @return when observation began, while that is within the longest window; else {@code null} */
  public Instant observedSince() {
    return observedSince;
  }

  /** @return the SLO in percent, or {@code null} */
  public Double slo() {
    return slo;
  }

  /**
   * @return per window, the error budget left: {@code 1 - (1 - availability) / (1 - slo / 100)}, negative when
   * overspent; empty without an SLO or before the first result
   */
  public Map<String, Double> errorBudgetRemaining() {
    Map<String, Double> budget = new LinkedHashMap<>();
    if (slo != null) {
      double allowed = 1 - slo / 100;
      availability.forEach((window, ratio) -> {
        if (ratio != null) {
          budget.put(window, 1 - (1 - ratio) / allowed);
        }
      });
    }
    return budget;
  }

  /** @return status transitions of the last 7 days, oldest first, at most {@value HistoryOptions#MAX_TRANSITIONS} */
  public List<Transition> transitions() {
    return transitions;
  }

  /** @return the last {@value HistoryOptions#RECENT_RUNS} runs at most, oldest first */
  public List<Run> recent() {
    return recent;
  }

  /** @return the time observed since the first result, in ms; never decreases */
  public long observedMillis() {
    return observedMillis;
  }

  /** @return the part of {@link #observedMillis()} the check was {@code pass} or {@code warn}, in ms */
  public long availableMillis() {
    return availableMillis;
  }

  /**
   * @return per window ({@code 1h}, {@code 24h}, {@code 7d}, {@code 30d}) the share of the time observed outside
   * maintenance the check was {@code warn}, 0 to 1 (part of its availability, shown apart); values null before a
   * result; empty when made by the constructor without it
   */
  public Map<String, Double> warnShare() {
    return warnShare;
  }

  /**
   * @return per window, the ms the registry was in maintenance ({@link CheckRegistry#maintenance}), left out of the
   * availability and the error budget; empty when made by the constructor without it
   */
  public Map<String, Long> maintenanceMillis() {
    return maintenanceMillis;
  }

  /** @return the JSON form described on this class, outputs included */
  public JsonObject toJson() {
    return toJson(status -> true);
  }

  /**
   * @param outputShown which statuses' outputs to show: a run's by its status, a transition's by the status it
   *                    went to (health-web hides them as {@code /health} does)
   * @return the JSON form described on this class, the other outputs left out
   */
  public JsonObject toJson(Predicate<HealthStatus> outputShown) {
    JsonArray changes = new JsonArray();
    for (Transition t : transitions) {
      JsonObject json = new JsonObject().put("from", wire(t.from())).put("to", wire(t.to())).put("at", t.at().toString());
      if (outputShown.test(t.to())) {
        json.put("output", t.output());
      }
      changes.add(json);
    }
    JsonArray runs = new JsonArray();
    for (Run run : recent) {
      JsonObject json = new JsonObject().put("status", wire(run.status())).put("at", run.at().toString())
        .put("durationMs", run.durationMs());
      if (outputShown.test(run.status())) {
        json.put("output", run.output());
      }
      runs.add(json);
    }
    return windows().put("transitions", changes).put("recent", runs);
  }

  /** The fields both forms share: status, since, flapping and the windows' figures. */
  private JsonObject windows() {
    JsonObject ratios = new JsonObject();
    availability.forEach(ratios::put);
    if (observedSince != null) {
      ratios.put("since", observedSince.toString());
    }
    JsonObject budget = new JsonObject();
    errorBudgetRemaining().forEach(budget::put);
    JsonObject warns = new JsonObject();
    warnShare.forEach(warns::put);
    JsonObject maintenance = new JsonObject();
    maintenanceMillis.forEach(maintenance::put);
    return new JsonObject().put("status", wire(status)).put("since", since == null ? null : since.toString())
      .put("flapping", flapping).put("availability", ratios).put("warnShare", warns)
      .put("maintenanceMs", maintenance).put("slo", slo)
      .put("errorBudgetRemaining", slo == null ? null : budget);
  }

  /**
   * The summary form, for a list of many checks: the JSON form without {@code transitions} and {@code recent} (the
   * lists that grow with a check's past), with {@code lastChange} (the last transition's time, ISO 8601, or
   * {@code null}) and {@code transitionCount} instead; no output at all.
   *
   * @return {@code {"status", "since", "flapping", "availability", "warnShare", "maintenanceMs", "slo",
   * "errorBudgetRemaining", "lastChange", "transitionCount"}}
   */
  public JsonObject toSummaryJson() {
    return windows().put("lastChange", transitions.isEmpty() ? null
      : transitions.get(transitions.size() - 1).at().toString()).put("transitionCount", transitions.size());
  }

  private static String wire(HealthStatus status) {
    return status == null ? null : status.wireName();
  }

  @Override
  public String toString() {
    return name + " " + toJson().encode();
  }
}
