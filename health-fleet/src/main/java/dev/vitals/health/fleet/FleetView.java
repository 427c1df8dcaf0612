package dev.vitals.health.fleet;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Every instance of the fleet as one {@link FleetSource} sees them at one moment. Immutable.
 *
 * @param source  the source's name: {@code cluster} or {@code consul}
 * @param members the instances, self first, then by instance and node name
 * @param at      when the view was taken, by this instance's clock
 * @param stale   whether the source could not be reached lately and this is what it last knew
 * @param error   why it could not be reached, or {@code null}
 */
public record FleetView(String source, List<FleetMember> members, Instant at, boolean stale, String error) {

  /**
   * Copies the members; checks that nothing required is null.
   *
   * @param source  the source's name: {@code cluster} or {@code consul}
   * @param members the instances, self first, then by instance and node name
   * @param at      when the view was taken, by this instance's clock
   * @param stale   whether the source could not be reached lately and this is what it last knew
   * @param error   why it could not be reached, or {@code null}
   */
  public FleetView {
    Objects.requireNonNull(source, "source");
    members = List.copyOf(members);
    Objects.requireNonNull(at, "at");
  }

  /** @return how many instances are known: up or missing (those that left do not count) */
  public int total() {
    int total = 0;
    for (FleetMember member : members) {
      if (member.state() != FleetMember.State.LEFT) {
        total++;
      }
    }
    return total;
  }

  /** @return how many instances are up and ready */
  public int ready() {
    int ready = 0;
    for (FleetMember member : members) {
      if (member.ready()) {
        ready++;
      }
    }
    return ready;
  }

  /**
   * @param quorum how many ready instances the fleet needs
   * @return whether at least that many are ready
   */
  public boolean quorumMet(Quorum quorum) {
    return ready() >= quorum.min(total());
  }

  /**
   * The body of {@code GET /health/fleet}.
   *
   * @param quorum how many ready instances the fleet needs
   * @return {@code {"source", "total", "ready", "quorum": {"required", "min", "met"}, "stale", "error", "at",
   * "nodes": [member, ...]}}, each member as {@link FleetMember#toJson(Instant)} at {@link #at()}; {@code required}
   * is the configured quorum (a count or {@code "<n>%"}), {@code min} the count it means now; {@code error} only
   * when there is one
   */
  public JsonObject toJson(Quorum quorum) {
    JsonArray nodes = new JsonArray();
    members.forEach(member -> nodes.add(member.toJson(at)));
    int total = total();
    int ready = ready();
    int min = quorum.min(total);
    JsonObject json = new JsonObject().put("source", source).put("total", total).put("ready", ready)
      .put("quorum", new JsonObject().put("required", quorum.toJson()).put("min", min).put("met", ready >= min))
      .put("stale", stale);
    if (error != null) {
      json.put("error", error);
    }
    return json.put("at", at.toString()).put("nodes", nodes);
  }
}
