package dev.vitals.health.alerts;

import dev.vitals.health.alerts.impl.AlertLeadershipImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Which instance of a fleet sends the alerts: the holder of a lease kept in a cluster-wide map of Vert.x's shared
 * data ({@code SharedData.getAsyncMap}, held by the cluster manager), taken and renewed by compare-and-set only.
 *
 * <ul>
 *   <li>An instance takes the lease when the map has none ({@code putIfAbsent}), or when the one there has not been
 *       renewed for {@code ttl} by this instance's own clock ({@code replaceIfPresent} of exactly the value it saw,
 *       so two instances cannot both take it); it tries every {@code renewEvery}.</li>
 *   <li>The holder renews every {@code renewEvery} by replacing its value with a new one ({@code replaceIfPresent}
 *       again); when that finds another value, it has lost the lease and stops leading at once. It also stops
 *       leading when its last renewal is older than {@code ttl - renewEvery} (a stalled process, a cluster it cannot
 *       reach), before any other instance may take over.</li>
 *   <li>{@link #close()} removes its lease, so another instance leads at its next attempt.</li>
 * </ul>
 * A holder killed is replaced within {@code ttl + renewEvery}; each leadership has its own lease, so two in one process
 * never lead together; after a network partition heals, the cluster keeps one lease and the other holder finds so at
 * its next renewal. No clock is compared across machines.
 *
 * <p>On a Vert.x that is not clustered the map is the process's own: the first leadership of a name leads. A member
 * that can join the cluster can take the lease (and so stop the fleet's alerts): the cluster's membership is the
 * trust, as for every shared map of Vert.x, unless the leadership is told who the instances are
 * ({@link #start(Vertx, String, String, long, long, java.util.function.Predicate)}); {@link #heldBy()} shows who
 * holds it.
 */
public interface AlertLeadership {

  /** The cluster-wide map holding the leases, by name: {@value}. */
  String MAP = "dev.vitals.alerts.leases";

  /**
   * Starts trying to lead.
   *
   * @param vertx      a clustered Vert.x (or a local one, which leads alone)
   * @param name       the lease's name: one per fleet (the application's name in it when several fleets share a
   *                   cluster)
   * @param holder     who this is, for people: shown by {@link #heldBy()} on every instance (an instance's name)
   * @param renewEvery how often the holder renews and the others try, in ms, above 0
   * @param ttl        how long a lease not renewed stands before another instance may take it, in ms, at least
   *                   {@code 3 × renewEvery}
   * @return the leadership, trying at once
   * @throws IllegalArgumentException when a duration is out of range ({@code "ttl: expected at least 3 × renewEvery
   *                                  (3000 ms), got 2000"})
   */
  static AlertLeadership start(Vertx vertx, String name, String holder, long renewEvery, long ttl) {
    return start(vertx, name, holder, renewEvery, ttl, any -> true);
  }

  /**
   * Starts trying to lead, taking at once a lease whose holder is not one of the fleet's instances: a process that
   * joined the cluster and holds the lease under a name no instance has (or under this instance's own name) cannot
   * stop the fleet's alerts, it is taken from it at the next attempt (and logged, once per burst).
   *
   * @param vertx      a clustered Vert.x
   * @param name       the lease's name
   * @param holder     this instance's name in the fleet
   * @param renewEvery how often the holder renews and the others try, in ms, above 0
   * @param ttl        how long a lease not renewed stands, in ms, at least {@code 3 × renewEvery}
   * @param instance   tells whether a name is that of another instance of the fleet, up now (asked at each attempt)
   * @return the leadership, trying at once
   * @throws IllegalArgumentException as {@link #start(Vertx, String, String, long, long)}
   */
  static AlertLeadership start(Vertx vertx, String name, String holder, long renewEvery, long ttl,
                               java.util.function.Predicate<String> instance) {
    return new AlertLeadershipImpl(vertx, name, holder, renewEvery, ttl, instance);
  }

  /** @return whether this instance holds the lease now (and renewed it within {@code ttl - renewEvery}) */
  boolean leads();

  /** @return the holder of the lease as this instance last read it, or {@code null} when none was seen */
  String heldBy();

  /**
   * Stops trying and removes this instance's lease if it holds it, so that another instance leads at its next attempt.
   *
   * @return a future completed once the lease is removed (or was not held); never failed
   */
  Future<Void> close();
}
