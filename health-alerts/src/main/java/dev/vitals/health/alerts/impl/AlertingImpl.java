package dev.vitals.health.alerts.impl;

import com.cronutils.model.time.ExecutionTime;
import dev.vitals.health.CheckObserver;
import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckReport;
import dev.vitals.health.HealthStatus;
import dev.vitals.health.alerts.ActiveAlert;
import dev.vitals.health.alerts.Alert;
import dev.vitals.health.alerts.AlertFleet;
import dev.vitals.health.alerts.AlertRuleOptions;
import dev.vitals.health.alerts.Alerting;
import dev.vitals.health.alerts.AlertsOptions;
import dev.vitals.health.alerts.MaintenanceWindowOptions;
import dev.vitals.health.alerts.Notification;
import dev.vitals.health.alerts.NotificationSink;
import dev.vitals.health.alerts.Silences;
import dev.vitals.health.alerts.WindowState;
import dev.vitals.health.internal.BurstLog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.regex.Pattern;

/** The engine behind {@link Alerting}: one lock guards every check's and alert's state. */
public final class AlertingImpl implements Alerting, CheckObserver {

  /** Longest output an alert carries. */
  static final int MAX_OUTPUT = 1024;

  /** A rule, compiled, with the sinks of its channels. */
  private record Rule(AlertRuleOptions options, List<Pattern> globs, List<NotificationSink> sinks) {
    boolean matches(CheckOptions check) {
      return Globs.anyMatches(globs, check.getName()) && Globs.anyTag(options.getTags(), check.getTags())
        && (options.getCritical() == null || options.getCritical() == check.isCritical());
    }

    boolean counts(HealthStatus outcome) {
      return outcome == HealthStatus.FAIL || options.getOn() == AlertRuleOptions.On.WARN && outcome == HealthStatus.WARN;
    }
  }

  /** A maintenance window, compiled. */
  private record Window(MaintenanceWindowOptions options, List<Pattern> globs, ExecutionTime execution, ZoneId zone) {
    boolean matches(String name, Set<String> tags) {
      return Globs.anyMatches(globs, name) && Globs.anyTag(options.getTags(), tags);
    }

    WindowState state(Instant now) {
      ZonedDateTime at = now.atZone(zone);
      // lastExecution is strictly before its argument: a second later includes an opening at this very minute
      Instant opened = execution.lastExecution(at.plusSeconds(1)).map(ZonedDateTime::toInstant).orElse(null);
      Instant closes = opened == null ? null : opened.plusMillis(options.getDuration());
      Instant next = execution.nextExecution(at).map(ZonedDateTime::toInstant).orElse(null);
      return new WindowState(options.getName(), closes != null && now.isBefore(closes), opened, closes, next,
        options.isStatusMaintenance());
    }
  }

  /** What is known of a registered check. */
  private static final class CheckState {
    CheckOptions options;
    /** The root cause its latest run was blocked by, or null when that run was its own. */
    String blockedBy;
    final List<Track> tracks = new ArrayList<>();

    CheckState(CheckOptions options) {
      this.options = options;
    }
  }

  /** One rule's judgement of one check: its counts, and its alert while one is active. */
  private static final class Track {
    final Rule rule;
    final String check;
    int failures;
    int passes;
    Instant streakStart;
    /** Whether this instance's own runs meet the rule now ({@code failuresBefore} reached, not yet resolved). */
    boolean local;
    HealthStatus status = HealthStatus.FAIL;
    String output;
    /** The other instances where the check fails now (the rule's statuses, damped), as of the last judgement. */
    List<AlertFleet.Failing> others = List.of();
    /** Each other instance's streak, by name: only instances seen failing, while they are up. */
    final Map<String, Streak> streaks = new java.util.HashMap<>();
    boolean firing;
    Instant firedAt;
    Instant since;
    boolean sent;
    Instant lastMessage;
    boolean heldCounted;

    Track(Rule rule, String check) {
      this.rule = rule;
      this.check = check;
    }
  }

  /** A resolved message a follower keeps for a failover: the leader that sent the firing one may be gone. */
  private record Owed(Notification notification, List<NotificationSink> sinks) {
  }

  /** How long a follower keeps a resolved message for a failover, in ms: 60 s. */
  static final long OWED_FOR_MS = 60_000;

  /** Another instance's statuses in a row, counted as runs by a rule's failuresBefore and successesBefore. */
  private static final class Streak {
    Instant published;
    int failures;
    int passes;
    boolean counted;
    AlertFleet.Failing last;
  }

  /** What holds an alert's messages back now. */
  private record Hold(List<String> silences, List<String> windows) {
    boolean any() {
      return !silences.isEmpty() || !windows.isEmpty();
    }
  }

  private final Vertx vertx;
  private final CheckRegistry registry;
  private final AlertsOptions options;
  private final Map<String, NotificationSink> sinks;
  private final Clock clock;
  private final String instanceName;
  private final String applicationName;
  private final AlertFleet fleet;
  /** The fleet as of the last evaluation; guarded by this. */
  private AlertFleet.View fleetView;
  private final List<Rule> rules = new ArrayList<>();
  private final List<Window> windows = new ArrayList<>();
  private final SilencesImpl silences;
  private final SilenceSync silenceSync;
  private final BurstLog overflowLog = new BurstLog(AlertingImpl.class, 60_000);
  private final BurstLog faultLog = new BurstLog(AlertingImpl.class, 60_000);

  // Guarded by this.
  private final Map<String, CheckState> checks = new LinkedHashMap<>();
  private final Set<Track> active = new LinkedHashSet<>();
  /** Resolved messages owed if this instance comes to lead, oldest first, at most maxActive. */
  private final java.util.ArrayDeque<Owed> owed = new java.util.ArrayDeque<>();
  private long heldBySilence;
  private long heldByWindow;
  private long overflow;
  private boolean closed;
  private long timer = -1;
  private long pollTimer = -1;
  /** Whether a poll's report is still being made: the next one waits for it rather than piling up. */
  private final java.util.concurrent.atomic.AtomicBoolean polling = new java.util.concurrent.atomic.AtomicBoolean();

  private AlertingImpl(Vertx vertx, CheckRegistry registry, AlertsOptions options, Map<String, NotificationSink> sinks,
                       Clock clock, String instanceName, String applicationName, AlertFleet fleet) {
    this.vertx = vertx;
    this.registry = registry;
    this.options = options;
    this.sinks = sinks;
    this.clock = clock;
    this.instanceName = instanceName;
    this.applicationName = applicationName;
    this.fleet = fleet;
    this.fleetView = fleet.view();
    List<AlertRuleOptions> effective = options.effectiveRules();
    for (int i = 0; i < effective.size(); i++) {
      AlertRuleOptions rule = effective.get(i);
      List<NotificationSink> ruleSinks = new ArrayList<>();
      if (rule.getChannels().isEmpty()) {
        ruleSinks.addAll(sinks.values());
      }
      for (String channel : rule.getChannels()) {
        NotificationSink sink = sinks.get(channel);
        if (sink == null) {
          throw new IllegalArgumentException("rules[" + i + "].channels: no sink for channel '" + channel
            + "', expected one of " + (sinks.isEmpty() ? "the channels (none given)" : String.join(", ", sinks.keySet())));
        }
        ruleSinks.add(sink);
      }
      rules.add(new Rule(new AlertRuleOptions(rule), Globs.compileAll(rule.getChecks()), List.copyOf(ruleSinks)));
    }
    List<MaintenanceWindowOptions> configured = options.getWindows();
    for (int i = 0; i < configured.size(); i++) {
      MaintenanceWindowOptions window = configured.get(i);
      if (window.getDuration() <= 0) {
        throw new IllegalArgumentException("windows[" + i + "].duration: required field missing");
      }
      try {
        windows.add(new Window(new MaintenanceWindowOptions(window), Globs.compileAll(window.getChecks()),
          ExecutionTime.forCron(Crons.parse(window.getCron())), ZoneId.of(window.getTimeZone())));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("windows[" + i + "]." + e.getMessage(), e);
      }
    }
    silences = new SilencesImpl(vertx, clock, options.getSilencesFile(), options.getMaxSilences());
    silenceSync = fleet.silencesMap() == null ? null : new SilenceSync(vertx, silences, clock, fleet.silencesMap());
  }

  /** See {@link Alerting#create}. */
  public static Future<Alerting> create(Vertx vertx, CheckRegistry registry, AlertsOptions options,
                                        Map<String, NotificationSink> sinks, Clock clock, String instanceName,
                                        String applicationName, AlertFleet fleet) {
    AlertingImpl alerting;
    try {
      alerting = new AlertingImpl(vertx, registry, new AlertsOptions(options), new LinkedHashMap<>(sinks), clock,
        java.util.Objects.requireNonNull(instanceName, "instanceName"), applicationName,
        java.util.Objects.requireNonNull(fleet, "fleet"));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return alerting.silences.load().map(v -> {
      registry.addObserver(alerting);
      synchronized (alerting) {
        if (!alerting.closed) {
          alerting.timer = vertx.setPeriodic(options.getEvaluateEvery(), id -> alerting.evaluate());
          if (options.getPollEvery() > 0) {
            alerting.pollTimer = vertx.setPeriodic(options.getPollEvery(), id -> alerting.poll());
          }
          if (alerting.silenceSync != null) {
            alerting.silenceSync.start(AlertFleet.SILENCES_SYNC_MS);
          }
        }
      }
      return alerting;
    });
  }

  // ---- CheckObserver ----

  @Override
  public synchronized void registered(CheckOptions check) {
    if (closed) {
      return;
    }
    CheckState state = checks.get(check.getName());
    if (state != null) {
      resolveAll(state, clock.instant());
    }
    state = new CheckState(new CheckOptions(check));
    for (Rule rule : rules) {
      if (rule.matches(check)) {
        state.tracks.add(new Track(rule, check.getName()));
      }
    }
    checks.put(check.getName(), state);
  }

  @Override
  public synchronized void unregistered(String name) {
    if (closed) {
      return;
    }
    CheckState state = checks.get(name);
    if (state != null) {
      resolveAll(state, clock.instant()); // while its tags and criticality are still known
      checks.remove(name);
    }
  }

  @Override
  public synchronized void ran(CheckReport result, HealthStatus outcome) {
    if (closed) {
      return;
    }
    try {
      CheckState state = checks.get(result.name());
      if (state == null) {
        return;
      }
      Instant now = clock.instant();
      state.blockedBy = rootCause(result, state.options);
      for (Track track : state.tracks) {
        if (state.blockedBy != null) {
          // Not its own run: counts neither way; an alert it fired on its own before stays as it is.
          track.failures = 0;
          track.passes = 0;
          continue;
        }
        if (track.rule.counts(outcome)) {
          track.passes = 0;
          if (track.failures == 0) {
            track.streakStart = Instant.ofEpochMilli(result.timestamp());
          }
          track.failures++;
          track.status = outcome;
          track.output = result.output();
          if (!track.local && track.failures >= track.rule.options().getFailuresBefore()) {
            track.local = true;
          }
        } else {
          track.failures = 0;
          track.passes++;
          if (track.local && track.passes >= track.rule.options().getSuccessesBefore()) {
            track.local = false;
          }
        }
        judge(track, state, now);
        evaluate(track, now);
      }
    } catch (RuntimeException e) {
      faultLog.log(Level.WARNING, e, () -> "alerts: judging a run of " + result.name() + " failed: " + e);
    }
  }

  /**
   * @return the root cause the run was blocked by: the last check of its data's {@code blockedBy} chain, else the
   * root of a {@code dependsOn} check failing now; {@code null} when the run was its own
   */
  private String rootCause(CheckReport result, CheckOptions check) {
    String root = lastBlockedBy(result);
    if (root != null) {
      return root;
    }
    for (String dependency : check.getDependsOn()) {
      CheckReport latest = registry.latest(dependency);
      if (latest != null && latest.status() == HealthStatus.FAIL) {
        String further = lastBlockedBy(latest);
        return further != null ? further : dependency;
      }
    }
    return null;
  }

  private static String lastBlockedBy(CheckReport result) {
    JsonArray chain = result.data() == null ? null : result.data().getJsonArray("blockedBy");
    if (chain == null || chain.isEmpty() || !(chain.getValue(chain.size() - 1) instanceof String)) {
      return null;
    }
    return chain.getString(chain.size() - 1);
  }

  // ---- the states of an alert ----

  /**
   * Fires or resolves the alert of one rule for one check: it fires when the check fails on the rule's quorum of the
   * fleet's instances (this one counting when its own runs meet the rule), and resolves when it no longer does.
   * Without a fleet, this instance is the whole fleet. A blocked check is left as it is: its root alerts.
   */
  private void judge(Track track, CheckState state, Instant now) {
    if (state.blockedBy != null) {
      return;
    }
    Map<String, AlertFleet.Failing> failingNow = new LinkedHashMap<>();
    for (AlertFleet.Failing failing : fleetView.failing(track.check)) {
      if (track.rule.counts(failing.status()) && !blockedOn(state.options, failing.instance())) {
        failingNow.merge(failing.instance(), failing, (a, b) -> a.status() == HealthStatus.FAIL ? a : b);
      }
    }
    List<AlertFleet.Failing> others = streaks(track, failingNow);
    track.others = others;
    int count = (track.local ? 1 : 0) + others.size();
    boolean met = count > 0 && count >= track.rule.options().quorum(Math.max(fleetView.instances(), count));
    if (met && !track.firing) {
      if (!track.local) { // fired by the others: their state (a failure before a warning), from now
        AlertFleet.Failing first = others.stream().filter(other -> other.status() == HealthStatus.FAIL).findFirst()
          .orElse(others.get(0));
        track.streakStart = now;
        track.status = first.status();
        track.output = first.output();
      }
      fire(track, now);
    } else if (!met && track.firing) {
      resolve(track, now);
    }
  }

  private void fire(Track track, Instant now) {
    if (active.size() >= options.getMaxActive()) {
      overflow++;
      overflowLog.log(() -> "alerts: " + active.size() + " alerts active (maxActive); the alert of " + track.check
        + " (rule " + track.rule.options().getName() + ") is dropped");
      return;
    }
    track.firing = true;
    track.firedAt = now;
    track.since = track.streakStart;
    track.sent = false;
    track.heldCounted = false;
    track.lastMessage = null;
    active.add(track);
  }

  /**
   * Counts each other instance's statuses as runs: an instance counts once {@code failuresBefore} of its statuses in
   * a row listed the check failing, and until {@code successesBefore} in a row did not; an instance no longer up is
   * forgotten.
   *
   * @return the instances that count, by name
   */
  private List<AlertFleet.Failing> streaks(Track track, Map<String, AlertFleet.Failing> failingNow) {
    AlertRuleOptions rule = track.rule.options();
    for (Map.Entry<String, AlertFleet.Failing> entry : failingNow.entrySet()) {
      track.streaks.computeIfAbsent(entry.getKey(), name -> new Streak());
    }
    List<AlertFleet.Failing> counted = new ArrayList<>();
    for (java.util.Iterator<Map.Entry<String, Streak>> it = track.streaks.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Streak> entry = it.next();
      Streak streak = entry.getValue();
      Instant published = fleetView.published().get(entry.getKey());
      AlertFleet.Failing failing = failingNow.get(entry.getKey());
      if (published == null && failing == null) {
        it.remove(); // gone from the fleet
        continue;
      }
      boolean fresh = published == null || !published.equals(streak.published);
      streak.published = published;
      if (failing != null) {
        streak.last = failing;
        if (fresh) {
          streak.passes = 0;
          streak.failures++;
        }
        streak.counted |= streak.failures >= rule.getFailuresBefore();
      } else if (fresh) {
        streak.failures = 0;
        streak.passes++;
        if (!streak.counted || streak.passes >= rule.getSuccessesBefore()) {
          it.remove();
          continue;
        }
      }
      if (streak.counted) {
        counted.add(streak.last);
      }
    }
    return counted;
  }

  /**
   * @return whether the check is blocked on another instance: one of its {@code dependsOn} fails there too (the
   * instances run the same checks), so there it is not a root cause
   */
  private boolean blockedOn(CheckOptions check, String instance) {
    for (String dependency : check.getDependsOn()) {
      for (AlertFleet.Failing failing : fleetView.failing(dependency)) {
        if (failing.instance().equals(instance) && failing.status() == HealthStatus.FAIL) {
          return true;
        }
      }
    }
    return false;
  }

  private void resolve(Track track, Instant now) {
    if (track.rule.options().isSendResolved()) {
      if (track.sent && fleet.leads()) {
        deliver(track, Notification.Kind.RESOLVED, now, hold(track, now));
      } else if (!fleet.leads() && !now.isBefore(track.firedAt.plusMillis(options.getGroupWait()))
        && !hold(track, now).any()) {
        // Another instance led while it fired and may have sent it: if this one leads soon (a failover), it says
        // the alert resolved, since the leader that sent it may not have.
        owed.addLast(new Owed(new Notification(Notification.Kind.RESOLVED, alert(track), now), track.rule.sinks()));
        if (owed.size() > options.getMaxActive()) {
          owed.removeFirst();
        }
      }
    }
    track.firing = false;
    active.remove(track);
  }

  /**
   * Sends the resolved messages owed once this instance leads, those that resolved within {@link #OWED_FOR_MS};
   * forgets older ones.
   */
  private void payOwed(Instant now) {
    boolean leads = fleet.leads();
    while (!owed.isEmpty()) {
      boolean due = owed.peekFirst().notification().timestamp().plusMillis(OWED_FOR_MS).isAfter(now);
      if (due && !leads) {
        return;
      }
      Owed one = owed.removeFirst();
      if (due) {
        for (NotificationSink sink : one.sinks()) {
          try {
            sink.offer(one.notification());
          } catch (RuntimeException e) {
            faultLog.log(Level.WARNING, e, () -> "alerts: channel " + sink.name() + " refused a notification: " + e);
          }
        }
      }
    }
  }

  private void resolveAll(CheckState state, Instant now) {
    for (Track track : state.tracks) {
      if (track.firing) {
        resolve(track, now);
      }
    }
  }

  /** Sends what is due of one alert: its firing message after groupWait, its reminders. */
  private void evaluate(Track track, Instant now) {
    if (!track.firing || !fleet.leads()) {
      return; // a follower judges but leaves the messages to the leader
    }
    if (!track.sent) {
      if (now.isBefore(track.firedAt.plusMillis(options.getGroupWait()))) {
        return;
      }
      Hold hold = hold(track, now);
      if (hold.any()) {
        if (!track.heldCounted) {
          count(hold);
          track.heldCounted = true;
        }
        return;
      }
      deliver(track, Notification.Kind.FIRING, now, hold);
      track.sent = true;
      track.lastMessage = now;
      return;
    }
    long repeat = track.rule.options().getRepeatEvery();
    if (repeat > 0 && !now.isBefore(track.lastMessage.plusMillis(repeat))) {
      deliver(track, Notification.Kind.REMINDER, now, hold(track, now));
      track.lastMessage = now;
    }
  }

  /** Hands a notification to the rule's sinks, or counts it when held back. */
  private void deliver(Track track, Notification.Kind kind, Instant now, Hold hold) {
    if (hold.any()) {
      count(hold);
      return;
    }
    Notification notification = new Notification(kind, alert(track), now);
    for (NotificationSink sink : track.rule.sinks()) {
      try {
        sink.offer(notification);
      } catch (RuntimeException e) {
        faultLog.log(Level.WARNING, e, () -> "alerts: channel " + sink.name() + " refused a notification: " + e);
      }
    }
  }

  private void count(Hold hold) {
    if (!hold.silences().isEmpty()) {
      heldBySilence++;
    } else {
      heldByWindow++;
    }
  }

  private Hold hold(Track track, Instant now) {
    CheckState state = checks.get(track.check);
    Set<String> tags = state == null ? Set.of() : state.options.getTags();
    List<String> bySilence = silences.matching(track.check, tags, now);
    List<String> byWindow = new ArrayList<>();
    for (Window window : windows) {
      if (window.matches(track.check, tags) && window.state(now).open()) {
        byWindow.add(window.options().getName());
      }
    }
    return new Hold(bySilence, byWindow);
  }

  private Alert alert(Track track) {
    CheckState state = checks.get(track.check);
    boolean critical = state == null || state.options.isCritical();
    Set<String> blocks = new TreeSet<>();
    checks.forEach((name, other) -> {
      if (track.check.equals(other.blockedBy) || other.options.getDependsOn().contains(track.check)
        && fleetView.failing(name).stream().anyMatch(failing -> blockedOn(other.options, failing.instance()))) {
        blocks.add(name);
      }
    });
    String output = track.output == null || track.output.length() <= MAX_OUTPUT ? track.output
      : track.output.substring(0, MAX_OUTPUT);
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("alertname", track.status == HealthStatus.WARN ? "VitalsCheckWarning" : "VitalsCheckFailing");
    labels.put("check", track.check);
    if (fleet == AlertFleet.alone()) {
      labels.put("instance", instanceName); // with a fleet, the alert is the fleet's: its leader may change
    }
    if (applicationName != null) {
      labels.put("application", applicationName);
    }
    labels.put("severity", critical ? "critical" : "warning");
    Set<String> instances = new TreeSet<>();
    if (track.local) {
      String self = fleetView.self();
      instances.add(self != null ? self : instanceName);
    }
    track.others.forEach(failing -> instances.add(failing.instance()));
    // (distinct names: an instance counts once)
    return new Alert(track.check, track.status, output, critical, track.since, List.copyOf(blocks),
      List.copyOf(instances), Math.max(fleetView.instances(), instances.size()), track.rule.options().getName(), labels);
  }

  // ---- the timer ----

  /** Forgets ended silences, then sends what is due of every active alert. */
  void evaluate() {
    try {
      Instant now = clock.instant();
      silences.expireAndPersist(now);
      AlertFleet.View view = fleet == AlertFleet.alone() ? AlertFleet.View.ALONE : fleet.view();
      synchronized (this) {
        if (closed) {
          return;
        }
        fleetView = view;
        if (fleet != AlertFleet.alone()) { // the other instances' states change without a run here
          for (CheckState state : checks.values()) {
            for (Track track : state.tracks) {
              judge(track, state, now);
            }
          }
        }
        for (Track track : List.copyOf(active)) {
          evaluate(track, now);
        }
        payOwed(now);
      }
    } catch (RuntimeException e) {
      faultLog.log(Level.WARNING, e, () -> "alerts: evaluation failed: " + e);
    }
  }

  // ---- the API ----

  @Override
  public synchronized int activeCount() {
    return active.size();
  }

  @Override
  public synchronized List<ActiveAlert> active() {
    Instant now = clock.instant();
    List<ActiveAlert> list = new ArrayList<>();
    for (Track track : active) {
      Hold hold = hold(track, now);
      list.add(new ActiveAlert(alert(track), track.sent, hold.silences(), hold.windows()));
    }
    return list;
  }

  @Override
  public Silences silences() {
    return silences;
  }

  @Override
  public synchronized Map<String, Long> suppressed() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("silence", heldBySilence);
    counts.put("window", heldByWindow);
    counts.put("overflow", overflow);
    return counts;
  }

  @Override
  public List<WindowState> windows() {
    Instant now = clock.instant();
    return windows.stream().map(window -> window.state(now)).toList();
  }

  @Override
  public Optional<String> statusMaintenance() {
    return windows().stream().filter(state -> state.open() && state.statusMaintenance()).map(WindowState::reason)
      .findFirst();
  }

  @Override
  public JsonObject toJson() {
    JsonArray alerts = new JsonArray();
    active().forEach(alert -> alerts.add(alert.toJson()));
    JsonArray windowStates = new JsonArray();
    windows().forEach(state -> windowStates.add(state.toJson()));
    JsonObject channels = new JsonObject();
    sinks.forEach((name, sink) -> {
      try {
        channels.put(name, sink.status());
      } catch (RuntimeException e) {
        channels.put(name, new JsonObject().put("name", name).put("error", String.valueOf(e)));
      }
    });
    JsonObject json = new JsonObject().put("alerts", alerts).put("silences", silences.toJson())
      .put("windows", windowStates).put("channels", channels)
      .put("suppressed", new JsonObject(new LinkedHashMap<>(suppressed())));
    if (fleet != AlertFleet.alone()) {
      synchronized (this) {
        json.put("fleet", new JsonObject().put("instance", fleetView.self() != null ? fleetView.self() : instanceName)
          .put("leads", fleet.leads()).put("leader", fleet.leader()).put("instances", fleetView.instances()));
      }
    }
    return json;
  }

  /**
   * Asks for the results of the checks the rules match, so that a check nobody asks for runs too (its cached result
   * is reused while fresh); the runs come back through {@link #ran}. One poll at a time.
   */
  private void poll() {
    if (!polling.compareAndSet(false, true)) {
      return;
    }
    registry.report(check -> rules.stream().anyMatch(rule -> rule.matches(check)))
      .onComplete(done -> polling.set(false));
  }

  @Override
  public Future<Void> close() {
    synchronized (this) {
      closed = true;
      if (timer != -1) {
        vertx.cancelTimer(timer);
      }
      if (pollTimer != -1) {
        vertx.cancelTimer(pollTimer);
      }
      if (silenceSync != null) {
        silenceSync.close();
      }
      active.clear();
      checks.clear();
    }
    return Future.succeededFuture();
  }
}
