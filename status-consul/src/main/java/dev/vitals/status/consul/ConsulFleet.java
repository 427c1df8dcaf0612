package dev.vitals.status.consul;

import dev.vitals.health.fleet.FleetMember;
import dev.vitals.health.fleet.FleetOptions;
import dev.vitals.health.fleet.FleetSource;
import dev.vitals.health.fleet.FleetView;
import dev.vitals.health.fleet.NodeStatus;
import dev.vitals.status.consul.impl.ConsulFleetImpl;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;

import java.time.Clock;

/**
 * The fleet view of a Consul service: every instance Consul lists for it, with its checks, as
 * {@code GET /v1/health/service/<service>} answers (all instances, passing or not). Its
 * {@linkplain FleetView#source() source} is {@code consul}. Consul is the authority: an instance it stops listing
 * (deregistered, or its node reaped) is gone from the view at once; no instance is ever {@code left}.
 *
 * <p><b>Each instance.</b> An entry {@code {"Node": {"Node": "host-a", ...}, "Service": {"ID": "web-1",
 * "Service": "web", ...}, "Checks": [{"CheckID", "Name", "Status", "Notes", "Output", ...}]}} becomes a
 * {@link FleetMember} whose {@link NodeStatus} has: {@code node} the Consul node name ({@code Node.Node});
 * {@code instance} the service id ({@code Service.ID}, what {@code consul maint -service} takes; unique per node,
 * so node and instance together name an instance); {@code application} the service name; {@code outcome}
 * {@code fail} when any check is {@code critical} (or has a status Consul does not document), {@code warn} when
 * any is {@code warning}, else {@code pass}; {@code ready} when no check is critical (what Consul's
 * {@code ?passing} filter would keep, warnings included); {@code maintenance} when the instance has the
 * {@code _node_maintenance} or {@code _service_maintenance:<Service.ID>} check, its {@code Notes} being the
 * {@code reason} (the node's first); {@code failing} the checks that do not pass, critical first, as
 * {@code {"name": Name or CheckID, "status": "fail"|"warn", "output": Output or else Notes}}; {@code probes}
 * {@code {}} (Consul has none); {@code at} when this instance received the answer. {@code self} is true for the
 * instances on the local agent's node ({@link ConsulClientOptions#getNodeName()}, else the agent's
 * {@code Config.NodeName} from {@code GET /v1/agent/self}, asked with each read until it answers; without it no
 * member is self). Members are listed self first, then by service id and node.
 *
 * <p>{@link #create} says how the service is watched and bounded, {@link #view()} what an outage of Consul does.
 *
 * <p>The watch runs on the Vert.x context {@link #create} was called on (a new event-loop context when called
 * outside Vert.x); listeners are called there.
 */
public interface ConsulFleet extends FleetSource {

  /**
   * Creates the source and starts watching; returns without waiting for Consul.
   *
   * <p><b>Watching.</b> One blocking query at a time
   * ({@code ?index=<X-Consul-Index>&wait=<wait>}, {@link ConsulClientOptions#getWait()}, 5 min by default)
   * through the same client, rules and options as {@link ConsulMaintenance}: agent address, ACL token (or token
   * file), datacenter, TLS, request timeout, an index below 1 raised to 1, an index going backwards starting over
   * with a non-blocking read, two requests at least {@linkplain ConsulClientOptions#getMinInterval()
   * minInterval} apart, an exponential, jittered and capped backoff after a fault, and a non-blocking first read
   * after it. {@link #view()} only reads what the last answer said: no I/O, whatever the request rate.
   *
   * <p><b>Bounds.</b> At most {@link FleetOptions#getMaxNodes()} instances are kept, the first by node name and
   * service id (a WARNING says how many Consul listed, once each time the bound starts to bite); an answer body
   * larger than {@code maxNodes} × 16 KiB (at least 1 MiB; 16 MiB by default) fails the read with
   * {@code Consul answered more than <n> bytes for /v1/health/service/<service>}.
   *
   * @param vertx   the Vert.x instance
   * @param client  the agent and how to watch it (address, token, TLS, datacenter, node name, wait, timeouts,
   *                backoff; copied), as {@link ConsulMaintenance} takes it
   * @param service the Consul service name whose instances make the fleet (URL-encoded in the path)
   * @param fleet   the fleet options: {@code maxNodes} bounds the view, {@code publishPeriod} the time to missing
   * @return a started source
   * @throws IllegalArgumentException {@code consul.service: must not be blank}, or as {@link ConsulMaintenance}'s
   *                                  {@code create} ({@code consul.backoffMax: must not be below ...},
   *                                  {@code consul.clientKey: needed with consul.clientCert})
   */
  static ConsulFleet create(Vertx vertx, ConsulClientOptions client, String service, FleetOptions fleet) {
    return new ConsulFleetImpl(vertx, client, service, fleet, Clock.systemUTC());
  }

  /**
   * What the last answer of Consul said, at this instance's clock.
   *
   * <p><b>Outage.</b> Before the first answer the view is empty and stale, with error
   * {@code no answer from Consul yet}. When Consul refuses connections, does not answer in time, answers a non-2xx
   * status ({@code Consul answered 403: ACL not found} for a bad token) or malformed JSON, the view keeps the last
   * known instances, {@linkplain FleetView#stale() stale}, with the {@link ConsulException} message as its
   * {@linkplain FleetView#error() error} (never the token). Their {@linkplain FleetMember#heard() heard} time is when
   * the fault was first seen (while fresh it is the view's time: a held blocking query would have been answered on
   * any change), and they turn {@code missing} once the fault has lasted three
   * {@linkplain FleetOptions#getPublishPeriod() publish periods} (15 s by default), as a silent instance of the
   * cluster source does; a missing instance is not ready. The first answer after the fault makes the view fresh and
   * its members up again. Each new error is logged once at WARNING, the recovery once at INFO, through
   * {@link System.Logger} named after this interface.
   *
   * @return the view as the last answer gave it; no I/O
   */
  @Override
  FleetView view();

  /**
   * @param listener called on the watcher's context with the new view when an instance was added, changed or
   *                 gone, went missing, or the view turned stale or fresh or its error changed; an exception it
   *                 throws is logged (a line per burst of faults) and the other listeners are still told
   * @return this
   */
  @Override
  ConsulFleet addListener(Handler<FleetView> listener);
}
