package dev.vitals.health.web.probes.impl;

import dev.vitals.health.CheckReport;
import dev.vitals.health.HealthReport;
import dev.vitals.health.MaintenanceState;
import dev.vitals.health.web.probes.HealthFormat;
import io.vertx.core.buffer.Buffer;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rendered bodies of one {@code HealthHandler}, each kept and sent again until a result it shows changes:
 * one entry per {@link Key}, that is per format, probe, check or group, and detail level. Keys are made only of
 * what is registered (probe names, check and group names after {@code CheckRegistry.normalizeName}, for names
 * the registry knows), never of the raw request path, so the entries are at most
 * {@code formats × (probes + registered names) × 2}; {@link #retainOnly} drops those of unregistered names.
 */
final class RenderCache {

  /**
   * What selects a body.
   *
   * @param format     the format
   * @param probe      the probe's name, or {@code health} for a check or group
   * @param check      the normalised check or group name, or {@code ""} for a whole probe
   * @param restricted whether failing checks' output and data are hidden from this caller
   */
  record Key(HealthFormat format, String probe, String check, boolean restricted) {
  }

  /**
   * A body and what it was made of.
   *
   * @param source      the registry's report it shows (before readiness state was added)
   * @param maintenance the maintenance state shown on a readiness probe, or {@code null} when not in maintenance
   * @param draining    whether the shutdown result was shown
   * @param code        the HTTP status code
   * @param body        the bytes sent; never changed
   */
  record Rendered(HealthReport source, MaintenanceState maintenance, boolean draining, int code, Buffer body) {

    /** @return whether this body shows the very same results as {@code report}, in the same readiness state */
    boolean shows(HealthReport report, MaintenanceState maintenance, boolean draining) {
      return sameReadiness(maintenance, draining) && sameResults(source.checks(), report.checks());
    }

    /** @return whether this body was made in the given readiness state (maintenance shown, draining) */
    boolean sameReadiness(MaintenanceState maintenance, boolean draining) {
      return this.draining == draining && (this.maintenance == maintenance || this.maintenance != null
        && maintenance != null && Objects.equals(this.maintenance.reason(), maintenance.reason())
        && this.maintenance.since().equals(maintenance.since()));
    }

    /** @return the same body, now vouched for by a newer report holding the same results */
    Rendered from(HealthReport newer) {
      return new Rendered(newer, maintenance, draining, code, body);
    }

    private static boolean sameResults(List<CheckReport> a, List<CheckReport> b) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i) != b.get(i)) {
          return false;
        }
      }
      return true;
    }
  }

  private final Map<Key, Rendered> entries = new ConcurrentHashMap<>();

  /** @return the body kept for the key, or {@code null} */
  Rendered get(Key key) {
    return entries.get(key);
  }

  /** Keeps a body; the caller checked that the key's selection is registered. */
  void put(Key key, Rendered rendered) {
    entries.put(key, rendered);
  }

  /** Forgets a body, for a name that is no longer registered. */
  void remove(Key key) {
    entries.remove(key);
  }

  /**
   * Drops the bodies of check and group names that are no longer registered.
   *
   * @param names every registered check name and group name, normalised
   */
  void retainOnly(Set<String> names) {
    entries.keySet().removeIf(key -> !key.check().isEmpty() && !names.contains(key.check()));
  }

  /** @return how many bodies are kept */
  int size() {
    return entries.size();
  }
}
