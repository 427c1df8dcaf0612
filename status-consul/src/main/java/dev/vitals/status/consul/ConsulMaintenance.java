package dev.vitals.status.consul;

import dev.vitals.health.Check;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.MaintenanceState;
import dev.vitals.status.consul.impl.ConsulMaintenanceImpl;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;

/**
 * Maintenance mode kept in a Consul agent, so that a fleet can be drained from one place: the node is in
 * maintenance while Consul lists the {@code _node_maintenance} check on it (registered by
 * {@code consul maint -enable} or {@code PUT /v1/agent/maintenance}), or, with a
 * {@linkplain ConsulMaintenanceOptions#setServiceId(String) service id}, the {@code _service_maintenance:<id>}
 * check; the reason is the check's {@code Notes}. Its {@linkplain MaintenanceState#source() source} is
 * {@code consul}.
 *
 * <p><b>Watching.</b> {@link #create} starts at once, and never waits for Consul: one blocking query on
 * {@code GET /v1/health/node/<node>} at a time ({@code ?index=<X-Consul-Index>&wait=5m}), whatever the request
 * rate on {@code /status}, since {@link #state()} only reads what the last answer said. The node is
 * {@linkplain ConsulClientOptions#setNodeName(String) configured} or else the agent's
 * {@code Config.NodeName} ({@code GET /v1/agent/self}). Consul's index rules apply: an index below 1 is raised to
 * 1, an index going backwards starts over with a non-blocking read, and two requests start at least
 * {@linkplain ConsulClientOptions#getMinInterval() minInterval} apart.
 *
 * <p><b>Faults.</b> When Consul refuses connections, does not answer in time, answers a non-2xx status (a 403
 * for a bad token), malformed JSON, or {@code []} (an unknown node), {@link #state()} keeps the last known state
 * marked {@linkplain MaintenanceState#stale() stale}, with the {@link ConsulException} message as its
 * {@linkplain MaintenanceState#error() error}; before any answer, it is the
 * {@linkplain ConsulMaintenanceOptions#setUnknownPolicy unknown policy}'s status, stale. The watch retries after
 * an exponential, jittered and capped backoff, and starts over from the initial delay after a success; the first
 * read after a fault does not block, so that the state is fresh again as soon as Consul answers. Each
 * status or reason change is logged once at INFO, each new error once at WARNING (not once per retry), through
 * {@link System.Logger} named after this interface.
 *
 * <p><b>Switching.</b> {@link #enable(String)} and {@link #disable()} call {@code PUT /v1/agent/maintenance} (or
 * {@code PUT /v1/agent/service/maintenance/<serviceId>}), then read the node's checks until Consul lists the change
 * (the agent syncs it to the catalog asynchronously), for at most about twice the
 * {@linkplain ConsulClientOptions#getRequestTimeout() request timeout}; the state they complete with is what
 * Consul then reports. An answer of the watch older than that read does not overwrite it.
 *
 * <p>Create one per process and share it: the bound of one query in flight is per instance.
 *
 * <p>Listeners and the watch run on the Vert.x context {@link #create} was called on (a new event-loop context
 * when called outside Vert.x); the futures returned complete on the caller's context when there is one.
 */
public interface ConsulMaintenance extends MaintenanceSource {

  /**
   * @param vertx the Vert.x instance
   * @return a started watcher of the local agent with the default options ({@code http://127.0.0.1:8500}, no token)
   */
  static ConsulMaintenance create(Vertx vertx) {
    return create(vertx, new ConsulClientOptions());
  }

  /**
   * @param vertx  the Vert.x instance
   * @param client the agent and how to watch it (copied)
   * @return a started watcher of the node's maintenance, with the default {@link ConsulMaintenanceOptions}
   * @throws IllegalArgumentException as {@link #create(Vertx, ConsulClientOptions, ConsulMaintenanceOptions)}
   */
  static ConsulMaintenance create(Vertx vertx, ConsulClientOptions client) {
    return create(vertx, client, new ConsulMaintenanceOptions());
  }

  /**
   * Creates the source and starts watching; returns without waiting for Consul.
   *
   * @param vertx   the Vert.x instance
   * @param client  the agent and how to watch it: address, token, TLS, datacenter, node name, wait, timeouts,
   *                backoff (copied)
   * @param options what maintenance asks: the service id and the unknown policy (copied)
   * @return a started watcher
   * @throws IllegalArgumentException {@code consul.backoffMax: must not be below consul.backoffInitial ...} or
   *                                  {@code consul.clientKey: needed with consul.clientCert} (or the reverse)
   */
  static ConsulMaintenance create(Vertx vertx, ConsulClientOptions client, ConsulMaintenanceOptions options) {
    return new ConsulMaintenanceImpl(vertx, client, options);
  }

  /**
   * @return the state the last answer of Consul gave, stale when the last call failed; no I/O
   */
  @Override
  MaintenanceState state();

  /**
   * Switches maintenance on in Consul, for the node, or for the configured service.
   *
   * @param reason why, stored as the check's {@code Notes}; {@code null} lets Consul write its default sentence
   *               ({@code Maintenance mode is enabled for this node, but no reason was provided. This is a default
   *               message.})
   * @return the state Consul reports after the switch; failed with a {@link ConsulException} when the agent refuses
   *         (such as {@code Consul answered 403: Permission denied} without {@code node:write}, or
   *         {@code Consul answered 404: No service registered with ID "<id>"}), cannot be reached, or the read
   *         after the switch fails; {@code closed} after {@link #close()}
   */
  @Override
  Future<MaintenanceState> enable(String reason);

  /**
   * Switches maintenance off in Consul, for the node, or for the configured service (node maintenance set by
   * someone else then still applies, and the state says so).
   *
   * @return the state Consul reports after the switch; failed as {@link #enable(String)}
   */
  @Override
  Future<MaintenanceState> disable();

  /**
   * @param listener called on the watcher's context with the new state each time the status or reason changes
   *                 (not when it merely becomes stale or fresh again); an exception it throws is logged (a line per
   *                 burst of faults) and the other listeners are still told
   * @return this
   */
  @Override
  ConsulMaintenance addListener(Handler<MaintenanceState> listener);

  /**
   * A check that the agent is reachable and knows a Raft leader: {@code GET /v1/status/leader} through the same
   * client as the watch (token, TLS, timeout). It passes with output {@code Consul leader <address>} and data
   * {@code {"leader": "10.0.0.1:8300"}}; it fails with {@code Consul agent at <address> knows no leader} when the
   * answer is {@code ""}, and with the {@link ConsulException} message otherwise. The registry's check timeout
   * (2000 ms by default) bounds a run before the request timeout does. Register it non-critical, so that
   * a Consul outage makes {@code /health} warn instead of failing the instance that serves from the last known
   * state:
   * <pre>{@code
   * registry.register(new CheckOptions("consul").setCritical(false), consul.agentCheck());
   * }</pre>
   *
   * @return the check; after {@link #close()} its runs fail with {@code closed}
   */
  Check agentCheck();

  /**
   * Stops the watch (cancelling its timer and its request in flight) and closes the HTTP client. {@link #state()}
   * keeps answering the last state. Idempotent.
   *
   * @return a future completed when done; it does not fail
   */
  @Override
  Future<Void> close();
}
