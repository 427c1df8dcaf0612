package dev.vitals.health.alerts;

import dev.vitals.health.alerts.impl.AlertLeadershipImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Which instance of a fleet sends the alerts: the one holding a cluster-wide lock of Vert.x's shared data
 * ({@code SharedData.getLockWithTimeout}), taken through the cluster manager, not an election of our own. The holder
 * keeps it until it closes the leadership or leaves the cluster; the others try to take it every
 * {@code retryEvery}, so a leader that was killed is replaced within the cluster manager's time to see it gone
 * (Hazelcast: well under a second for a process killed on the same machine, {@code hazelcast.max.no.heartbeat.seconds}
 * for a frozen one) plus {@code retryEvery} plus {@code attemptTimeout}.
 *
 * <p>On a Vert.x that is not clustered the lock is local: the first leadership of the process leads. A member that
 * can join the cluster can take the lock (and so stop the fleet's alerts): the cluster's membership is the trust, as
 * for every shared map of Vert.x.
 */
public interface AlertLeadership {

  /** The name of the lock, by default: {@value}. */
  String DEFAULT_LOCK = "dev.vitals.alerts.leader";

  /**
   * Starts trying to lead.
   *
   * @param vertx          a clustered Vert.x (or a local one, which leads alone)
   * @param lock           the lock's name: one per fleet (the application's name in it when several fleets share a
   *                       cluster)
   * @param retryEvery     how long a follower waits between attempts, in ms, above 0
   * @param attemptTimeout how long one attempt waits for the lock, in ms, above 0
   * @return the leadership, trying at once
   * @throws IllegalArgumentException when a duration is not above 0 ({@code "retryEvery: expected a duration above 0
   *                                  ms, got 0"})
   */
  static AlertLeadership start(Vertx vertx, String lock, long retryEvery, long attemptTimeout) {
    return new AlertLeadershipImpl(vertx, lock, retryEvery, attemptTimeout);
  }

  /** @return whether this instance holds the lock now */
  boolean leads();

  /**
   * Stops trying and releases the lock if held, so that another instance leads at its next attempt.
   *
   * @return a future completed when done; never failed
   */
  Future<Void> close();
}
