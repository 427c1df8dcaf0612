package dev.vitals.health.fleet;

import dev.vitals.health.Check;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.fleet.impl.ClusterFleetImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusterManager;

import java.time.Clock;
import java.util.Objects;

/**
 * The fleet view over a clustered Vert.x event bus, with any cluster manager (Hazelcast is tested).
 *
 * <p>Each instance publishes its {@link NodeStatus} at {@code <address>.status} ({@link FleetOptions#getAddress()},
 * {@code vitals.fleet.status} by default) when it changed (at most once per 200 ms; a status equal to the last one
 * sent is not sent again) and every
 * {@linkplain FleetOptions#getPublishPeriod() publish period} (5 s), and at once when it hears of an instance it
 * did not know, so that a newcomer learns the fleet as soon as its own first status is out. Every instance keeps
 * the statuses it hears: the view is memory only. An instance not heard of for three publish periods is {@code missing}; one the cluster manager no longer lists
 * is {@code left} (checked every second), and is dropped from the view three publish periods later. With no
 * change, an instance sends {@code 60 000 / publishPeriod} messages a minute (12 by default), whatever the
 * request rate.
 *
 * <p>Membership comes from {@link ClusterManager#getNodes()}, read every second: the cluster manager has a single
 * node-listener slot, which Vert.x's clustered event bus occupies, so this never replaces it.
 *
 * <p>Fleet maintenance ({@link FleetMaintenance}) sends a request to {@code <address>.maintenance.<node>} of this
 * instance and of every instance heard of on this address and not left (other Vert.x nodes of the cluster are not
 * asked); each switches its own {@link MaintenanceSource}.
 *
 * <p><b>Authentication.</b> Neither the cluster manager's join nor the event bus authenticates a member. With a
 * {@linkplain FleetOptions#setSecret(String) fleet secret}, every status and maintenance request is sent signed
 * (HMAC-SHA256 over the message, its address, the sender's node id, a timestamp and a random nonce):
 * <pre>{@code
 * {"payload": "<the status or request JSON, as text>", "sender": "<node id>", "ts": <epoch ms>,
 *  "nonce": "<base64, 16 bytes>", "sig": "<base64>"}
 * }</pre>
 * and a message that is unsigned, badly signed, more than 30 s off this instance's clock, a replay (its nonce
 * already accepted from that sender within 30 s), or a status of a node other than its signer is dropped, counted
 * ({@link #rejectedMessages()}) and logged once per claimed sender; a dropped maintenance request is answered
 * with failure code 403. An instance's answer to a maintenance request is signed for that request (its nonce), so
 * an answer another member made up is not counted as reached: that instance is listed with an {@code error}. Without a secret, messages are neither signed nor checked: any cluster member may publish
 * statuses or switch maintenance, as any member may send any message.
 */
public interface ClusterFleet extends FleetSource, FleetMaintenance {

  /**
   * Joins the fleet of a clustered Vert.x.
   *
   * @param vertx       a clustered Vert.x ({@link Vertx#isClustered()})
   * @param local       what this instance reports
   * @param maintenance this instance's maintenance source, switched by fleet maintenance
   * @param options     the options
   * @return the fleet once its consumers are registered across the cluster (when they cannot be, the fleet is
   * closed and the future failed with the cause); failed with an
   * {@link IllegalStateException} {@code "the fleet's cluster source needs a clustered Vert.x"} when it is not
   */
  static Future<ClusterFleet> start(Vertx vertx, LocalNode local, MaintenanceSource maintenance,
                                    FleetOptions options) {
    ClusterManager clusterManager = vertx.isClustered() ? ((VertxInternal) vertx).clusterManager() : null;
    if (clusterManager == null) {
      return Future.failedFuture(new IllegalStateException("the fleet's cluster source needs a clustered Vert.x"));
    }
    return new ClusterFleetImpl(vertx, clusterManager, local, maintenance, options, Clock.systemUTC()).start();
  }

  /**
   * A non-critical check of the cluster: passes while the cluster manager is active and lists at least
   * {@code minMembers} members. Output {@code "3 members"}, or {@code "1 member, fewer than 2"}, or
   * {@code "the cluster manager is not active"}; data {@code {"members", "minMembers"}}.
   *
   * @param vertx      a clustered Vert.x
   * @param minMembers how many members it wants, {@code >= 1}
   * @return the check
   * @throws IllegalStateException when {@code vertx} is not clustered
   */
  static Check clusterCheck(Vertx vertx, int minMembers) {
    if (!vertx.isClustered()) {
      throw new IllegalStateException("the cluster check needs a clustered Vert.x");
    }
    ClusterManager clusterManager = Objects.requireNonNull(((VertxInternal) vertx).clusterManager(), "cluster manager");
    return () -> {
      if (!clusterManager.isActive()) {
        return Future.succeededFuture(ProcedureResult.fail("the cluster manager is not active"));
      }
      int members = clusterManager.getNodes().size();
      JsonObject data = new JsonObject().put("members", members).put("minMembers", minMembers);
      String counted = members + (members == 1 ? " member" : " members");
      return Future.succeededFuture(members >= minMembers
        ? ProcedureResult.of(dev.vitals.health.HealthStatus.PASS, counted, data)
        : ProcedureResult.of(dev.vitals.health.HealthStatus.FAIL, counted + ", fewer than " + minMembers, data));
    };
  }

  /** @return this instance's node id (the cluster manager's) */
  String nodeId();

  /**
   * @return how many messages this instance dropped since it started because they were unsigned, badly signed,
   * stale, replayed or signed by another node than the status's (always 0 without a secret)
   */
  @Override
  long rejectedMessages();
}
