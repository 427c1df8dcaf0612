package dev.vitals.health.alerts;

import dev.vitals.health.CheckRegistry;
import dev.vitals.health.alerts.impl.AlertingImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alerting on a check registry: observes its runs ({@code CheckRegistry.addObserver}), judges them with the rules
 * of {@link AlertsOptions#effectiveRules()}, keeps the active alerts and hands their notifications to the sinks of
 * their rules' channels.
 *
 * <p>How a check's runs are judged, per rule matching it (a check matched by two rules has two alerts):
 * <ul>
 *   <li>runs are counted on what each run found ({@code CheckObserver.ran}'s {@code outcome}, before the check's
 *       own {@code failureThreshold} / {@code successThreshold} damping): {@code failuresBefore} consecutive
 *       failing runs ({@code fail}, or {@code warn} too for a rule {@code on: warn}) fire the alert,
 *       {@code successesBefore} consecutive other runs resolve it;</li>
 *   <li><b>root cause only</b>: a run blocked by a dependency (its data holds {@code blockedBy}, or a check of its
 *       {@code dependsOn} fails now) counts neither way and does not fire: the check is listed in its root's
 *       {@link Alert#blocks()} (the last check of the {@code blockedBy} chain) until a run of its own; when the root
 *       recovers, one resolved message lists what it blocked, and a check that then fails on its own fires on its
 *       own;</li>
 *   <li>a new alert's first message ({@link Notification.Kind#FIRING}) waits {@link AlertsOptions#getGroupWait()}
 *       (so that the checks it blocks are listed in it), then goes at the next evaluation; while it still fires a
 *       {@link Notification.Kind#REMINDER} goes every {@code repeatEvery}; its recovery
 *       ({@link Notification.Kind#RESOLVED}, if {@code sendResolved} and its firing message was sent) goes at
 *       once;</li>
 *   <li>a notification whose alert a silence or an open maintenance window matches is not handed to the sinks
 *       but counted ({@link #suppressed()}); the alert stays active, shown as silenced, and when the silence ends
 *       while it still fires and its firing message was never sent, that message goes then;</li>
 *   <li>an unregistered check's alerts resolve;</li>
 *   <li>every {@link AlertsOptions#getPollEvery()} the checks the rules match are asked for
 *       ({@code CheckRegistry.report}), so that a check no request and no refresh period runs is run and judged
 *       too; a fresh cached result is reused, so this adds at most one run per TTL;</li>
 *   <li>at most {@link AlertsOptions#getMaxActive()} alerts are active: beyond, a new one is dropped, counted
 *       ({@code overflow}) and logged once per burst, and tried again at the check's next failing run;</li>
 *   <li><b>once per fleet</b> ({@link AlertFleet}): the alert fires when the check fails on the rule's quorum
 *       ({@link AlertRuleOptions#getInstances()}) of the fleet's instances, this one counting when its own runs meet
 *       the rule, and resolves when it no longer does; it lists those instances ({@link Alert#instances()}, "db fails
 *       (on 3 of 5 instances)") and has no {@code instance} label; every instance judges, only the leader
 *       ({@link AlertFleet#leads()}) hands messages to the channels, and an instance that becomes leader sends the
 *       firing message of each alert active then. Without a fleet ({@link AlertFleet#alone()}) this instance is the
 *       only one, so every quorum is met by it, and alerts carry its name as their {@code instance} label.</li>
 * </ul>
 * Evaluation (reminders, groupWait, silences' ends, windows) runs on a Vert.x periodic timer every
 * {@link AlertsOptions#getEvaluateEvery()}, against the clock given. Faults (a sink that throws, a file that cannot
 * be written) are logged once per burst and never reach the registry's threads.
 */
public interface Alerting {

  /**
   * Creates the alerting and starts observing the registry: reads the silences file (see {@link Silences}), then
   * adds itself as an observer (told of the checks already registered) and starts its timer.
   *
   * @param vertx           whose timer and worker threads it uses
   * @param registry        the checks
   * @param options         the {@code alerts} section (copied)
   * @param sinks           the sink of each channel, by channel name, as {@code channels.AlertChannels} builds
   *                        them; the alerting does not close them
   * @param clock           the time: alerts' {@code since}, silences' and windows' ends, reminders
   * @param instanceName    this instance's name: the {@code instance} label and the only entry of
   *                        {@link Alert#instances()}
   * @param applicationName the {@code application} label, or {@code null} for none
   * @return the alerting, once the silences are read; failed with an {@link IllegalArgumentException} when a rule
   * names a channel with no sink ({@code "rules[0].channels: no sink for channel 'pager', expected one of am, ops"})
   * or a window has no cron expression or duration ({@code "windows[0].cron: required field missing"})
   */
  static Future<Alerting> create(Vertx vertx, CheckRegistry registry, AlertsOptions options,
                                 Map<String, NotificationSink> sinks, Clock clock, String instanceName,
                                 String applicationName) {
    return create(vertx, registry, options, sinks, clock, instanceName, applicationName, AlertFleet.alone());
  }

  /**
   * Creates the alerting of one instance of a fleet: as {@link #create(Vertx, CheckRegistry, AlertsOptions, Map,
   * Clock, String, String)}, with the fleet's quorum and leadership (see the class's description).
   *
   * @param vertx           whose timer and worker threads it uses
   * @param registry        the checks
   * @param options         the {@code alerts} section (copied)
   * @param sinks           the sink of each channel, by channel name
   * @param clock           the time
   * @param instanceName    this instance's name, as the fleet names it
   * @param applicationName the {@code application} label, or {@code null} for none
   * @param fleet           the fleet, asked at each run and each evaluation; {@link AlertFleet#alone()} for none
   * @return the alerting, once the silences are read; failed as the other {@code create}
   */
  static Future<Alerting> create(Vertx vertx, CheckRegistry registry, AlertsOptions options,
                                 Map<String, NotificationSink> sinks, Clock clock, String instanceName,
                                 String applicationName, AlertFleet fleet) {
    return AlertingImpl.create(vertx, registry, options, sinks, clock, instanceName, applicationName, fleet);
  }

  /** @return the active alerts, in the order they fired, each with what silences it now */
  List<ActiveAlert> active();

  /** @return how many alerts are active: {@code active().size()} without building them (a metric's gauge) */
  int activeCount();

  /** @return the silences: add, list, remove */
  Silences silences();

  /**
   * @return the notifications not handed to sinks, since creation: {@code silence} (held back by a silence),
   * {@code window} (by an open maintenance window), {@code overflow} (alerts dropped beyond {@code maxActive})
   */
  Map<String, Long> suppressed();

  /** @return every maintenance window as of now, in configuration order */
  List<WindowState> windows();

  /**
   * What {@code /status} should say of the maintenance windows now.
   *
   * @return the reason ({@link WindowState#reason()}) of the first open window with {@code statusMaintenance},
   * or empty when none is open
   */
  Optional<String> statusMaintenance();

  /**
   * @return the body of {@code GET /alerts}: {@code {"alerts": [<ActiveAlert's JSON>...], "silences": [<Silence's
   * JSON>...], "windows": [<WindowState's JSON>...], "channels": {"<name>": <the sink's status()>},
   * "suppressed": {"silence": 0, "window": 0, "overflow": 0}}}, and with a fleet {@code "fleet": {"instance":
   * "<this instance>", "leads": true, "leader": "<the leader's name, or null>", "instances": 3}}
   */
  JsonObject toJson();

  /**
   * Stops the timer and stops judging runs; active alerts are forgotten without a message. The sinks are left to
   * whoever made them.
   *
   * @return a future completed when done
   */
  Future<Void> close();
}
