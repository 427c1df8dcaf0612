package dev.vitals.health.alerts;

import dev.vitals.health.HealthStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What alerting needs of a fleet of instances running the same checks, so that each alert is sent once per fleet
 * rather than once per instance: whether this instance is the one that sends ({@link #leads()}), how many instances
 * there are, and on which other instances a check fails now.
 *
 * <p>With a fleet, {@link Alerting} fires a rule's alert when the check fails on at least the rule's quorum of
 * instances ({@link AlertRuleOptions#quorum(int)} of {@link View#instances()}): this instance counts when its own
 * runs meet the rule ({@code failuresBefore}), another once {@link View#failing(String)} has listed it in
 * {@code failuresBefore} statuses of that instance in a row (and until it has not in {@code successesBefore}).
 * Every instance judges, only the leader hands notifications to the channels; an instance that becomes leader sends the firing message of each
 * alert active then (so after a failover the channels may see an alert's firing message twice; Alertmanager and
 * PagerDuty deduplicate it, by its labels and its {@code dedup_key}).
 *
 * <p>Implementations answer from memory, on any thread: {@link #leads()} at each message, {@link #view()} once per
 * evaluation.
 */
public interface AlertFleet {

  /**
   * An instance where a check fails or warns now, as that instance published it.
   *
   * @param instance the instance's name
   * @param status   {@link HealthStatus#FAIL} or {@link HealthStatus#WARN}
   * @param output   the check's output there, or {@code null} when the fleet does not carry it
   */
  record Failing(String instance, HealthStatus status, String output) {

    /**
     * Checks the fields.
     *
     * @param instance the instance's name
     * @param status   {@link HealthStatus#FAIL} or {@link HealthStatus#WARN}
     * @param output   the check's output there, or {@code null}
     * @throws NullPointerException when {@code instance} or {@code status} is null
     */
    public Failing {
      Objects.requireNonNull(instance, "instance");
      Objects.requireNonNull(status, "status");
    }
  }

  /**
   * The fleet as of one moment: read once per evaluation ({@link AlertsOptions#getEvaluateEvery()}) and used by
   * every judgement until the next, so that a large fleet view is built once a second, not once per check.
   *
   * @param instances the instances of the fleet that are up, this one included: at least 1
   * @param self      this instance's name as the fleet knows it (listed in alerts when its own runs fail), or
   *                  {@code null} to use the name given to {@link Alerting#create} (the fleet may name it only once
   *                  joined)
   * @param failing   by check name, the other instances (never this one) where it fails or warns, by their latest
   *                  status
   * @param published by name, when each other instance that is up made its latest status: a new time is a new
   *                  status, which {@code failuresBefore} and {@code successesBefore} count as a run of that instance
   */
  record View(int instances, String self, Map<String, List<Failing>> failing, Map<String, Instant> published) {

    /** This instance alone: no other, none failing. */
    public static final View ALONE = new View(1, null, Map.of(), Map.of());

    /**
     * Checks the count and copies the map.
     *
     * @param instances the instances up, this one included: at least 1
     * @param self      this instance's name in the fleet, or {@code null}
     * @param failing   by check name, the other instances where it fails or warns
     * @param published by name, when each other instance that is up made its latest status
     * @throws IllegalArgumentException when {@code instances} is below 1
     */
    public View {
      if (instances < 1) {
        throw new IllegalArgumentException("instances: expected 1 or more, got " + instances);
      }
      failing = Map.copyOf(failing);
      published = Map.copyOf(published);
    }

    /**
     * @param check a check's name
     * @return the other instances where it fails or warns; empty when none does or the fleet does not say
     */
    public List<Failing> failing(String check) {
      return failing.getOrDefault(check, List.of());
    }
  }

  /**
   * This instance alone: it leads, it is the only instance, no other fails. Alerts name it in their
   * {@code instance} label; with a fleet they do not (the leader may change), and list the failing instances instead.
   *
   * @return the fleet of one
   */
  static AlertFleet alone() {
    return AloneHolder.ALONE;
  }

  /** @return whether this instance sends the fleet's notifications now */
  boolean leads();

  /** @return the name of the instance that leads, as this instance last read it, or {@code null} when unknown */
  default String leader() {
    return null;
  }

  /** @return the fleet as of now, built from memory (no I/O) */
  View view();

  /**
   * @return the name of a cluster-wide map of Vert.x's shared data through which the fleet's instances share their
   * silences, or {@code null} (the default) to keep each instance's silences its own. With a map, a silence made or
   * removed through any instance's {@code /alerts/silences} holds on every instance within
   * {@value #SILENCES_SYNC_MS} ms (each keeps it in its own silences file too), so whichever instance leads honours
   * it. The map is as trusted as the cluster's membership: any member can add silences there (and end them with
   * tombstones). What an instance reads from it is bounded nevertheless: a value of more than 64 KiB is not parsed;
   * a silence is taken only when it meets the rules of a request to {@link Silences#add} (ending after now and at
   * most {@link Silences#MAX_AHEAD} ahead, non-empty {@code reason}, {@code createdBy}, {@code checks} and
   * {@code tags}, its JSON form at most 64 KiB) and while fewer than {@code maxSilences} are held; at most 2 ×
   * {@code maxSilences} entries are parsed per read (a larger map is logged once a minute and read on over the next
   * reads), off the event loop; a silence removed through an instance is not taken back from the map by that
   * instance, which puts its tombstone again while the map lacks it
   */
  default String silencesMap() {
    return null;
  }

  /** How often each instance reads the shared silences, in ms: {@value}. */
  long SILENCES_SYNC_MS = 2_000;

  /** Holds the fleet of one. */
  final class AloneHolder {
    private static final AlertFleet ALONE = new AlertFleet() {
      @Override
      public boolean leads() {
        return true;
      }

      @Override
      public View view() {
        return View.ALONE;
      }

      @Override
      public String toString() {
        return "AlertFleet.alone()";
      }
    };

    private AloneHolder() {
    }
  }
}
