package dev.vitals.health.fleet;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One instance as the fleet view holds it: its latest {@link NodeStatus}, when it was heard of (by this instance's
 * clock), and whether it is up, missing or left. Immutable.
 *
 * @param status its latest status
 * @param heard  when this instance last heard of it, by this instance's clock
 * @param state  up, missing or left
 * @param self   whether it is this very instance
 */
public record FleetMember(NodeStatus status, Instant heard, State state, boolean self) {

  /** Where an instance stands in the fleet. */
  public enum State {
    /** Heard of recently. */
    UP,
    /** Not heard of for too long (three publish periods over the event bus; stale Consul answers), maybe back. */
    MISSING,
    /** The fleet's engine says it is gone (the cluster manager no longer lists it). */
    LEFT;

    /** @return the lower-case wire name: {@code up}, {@code missing}, {@code left} */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Checks that nothing is null.
   *
   * @param status its latest status
   * @param heard  when this instance last heard of it, by this instance's clock
   * @param state  up, missing or left
   * @param self   whether it is this very instance
   */
  public FleetMember {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(heard, "heard");
    Objects.requireNonNull(state, "state");
  }

  /** @return whether it is up and its readiness probe passes */
  public boolean ready() {
    return state == State.UP && status.ready();
  }

  /**
   * @param now the time to measure the age against, by this instance's clock
   * @return {@code {"node", "application", "instance", "outcome", "ready", "maintenance", "reason", "failing":
   * [{"name", "status", "output"}], "failingCount", "probes": {name: status}, "ageMs", "state", "self", "at"}};
   * {@code ready} is false unless the member is up; {@code ageMs} is how long ago it was last heard of, in ms
   */
  public JsonObject toJson(Instant now) {
    JsonArray failing = new JsonArray();
    status.failing().forEach(check -> failing.add(check.toJson()));
    JsonObject probes = new JsonObject();
    status.probes().forEach((name, probe) -> probes.put(name, probe.wireName()));
    return new JsonObject().put("node", status.node()).put("application", status.application())
      .put("instance", status.instance()).put("outcome", status.outcome().wireName()).put("ready", ready())
      .put("maintenance", status.maintenance()).put("reason", status.reason()).put("failing", failing)
      .put("failingCount", status.failingCount()).put("probes", probes)
      .put("ageMs", Math.max(0, now.toEpochMilli() - heard.toEpochMilli())).put("state", state.wireName())
      .put("self", self).put("at", status.at().toString());
  }
}
