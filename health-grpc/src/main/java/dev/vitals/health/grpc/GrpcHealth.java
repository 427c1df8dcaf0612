package dev.vitals.health.grpc;

import dev.vitals.health.grpc.impl.GrpcHealthImpl;
import dev.vitals.health.web.probes.HealthHandler;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.grpc.common.ServiceName;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.Service;

/**
 * The standard gRPC health service, {@code grpc.health.v1.Health}, answering from a {@link HealthHandler}: the
 * same probes, checks, cache, maintenance and drain state as its HTTP paths, on the same HTTP server and port
 * (HTTP/2: cleartext with prior knowledge, or TLS with ALPN {@code h2}). Kubernetes {@code grpc:} probes, gRPC
 * load balancers and meshes ask it.
 *
 * <pre>{@code
 * HealthHandler health = HealthHandler.create(registry).maintenance(maintenance);
 * router.route("/health*").handler(health);
 * GrpcHealth.create(vertx, health).mount(router);             // or, beside your own gRPC services:
 * grpcServer.addService(GrpcHealth.create(vertx, health));
 * }</pre>
 *
 * <h2>Services</h2>
 * The {@code service} of a {@code HealthCheckRequest} names what the HTTP path {@code /health/<service>} names:
 * <ul>
 *   <li>{@code ""}: the overall {@code health} probe (every check);</li>
 *   <li>a probe name ({@code live}, {@code ready}, {@code started}, or one configured in the handler's options):
 *       that probe, so {@code ready} is {@code NOT_SERVING} in maintenance and while draining, exactly as
 *       {@code /health/ready}, and {@code started}, once serving, stays so;</li>
 *   <li>a check or group name ({@code db/primary}, {@code db}): that check or group. Probe names win.</li>
 * </ul>
 * Outcome {@code pass} or {@code warn} is {@code SERVING}, {@code fail} is {@code NOT_SERVING}, whatever HTTP
 * status codes the probe is configured with: the same answer as the HTTP path's. A check asked by its own name
 * answers by its own status, so a failing non-critical check is {@code NOT_SERVING}, as {@code /health/<name>} is
 * 503; criticality decides only the aggregates above it (the overall probe, the other probes, groups, even a
 * group of nothing but non-critical checks), which its failure leaves {@code SERVING} ({@code warn}, 200).
 *
 * <h2>Methods</h2>
 * <ul>
 *   <li>{@code Check}: the status now, read from the registry's cache as the HTTP paths read it ({@link
 *       HealthHandler#report(String)}: a call never runs a check of its own; a fresh result is reused, a stale one
 *       answered while one refresh runs behind it; only a check that never had a result is run, once for every
 *       caller). An unknown service is answered with gRPC status {@code NOT_FOUND}.</li>
 *   <li>{@code Watch}: the status now, then every change, as it happens: a check's status changing, maintenance
 *       starting or ending, draining starting ({@link HealthHandler#addChangeListener}). Nothing is polled: an
 *       open stream costs nothing between changes, and {@code Watch} never makes a check run again; a check is
 *       run when its results are asked for ({@code Check}, HTTP probes) or on its refresh timer
 *       ({@code refreshPeriod}). Only changes of the gRPC status are sent ({@code pass} to {@code warn} is none).
 *       An unknown service gets {@code SERVICE_UNKNOWN} and the stream stays open: it gets the check's status
 *       once the name is registered and a change is heard. A client reading too slowly gets the latest status
 *       when it catches up, not every step. At most {@link GrpcHealthOptions#getMaxWatches()} streams are open at
 *       once (more are answered {@code RESOURCE_EXHAUSTED}); {@link #close()} ends them with {@code UNAVAILABLE}.
 *   </li>
 * </ul>
 * {@code List} (added to the protocol later) is not served: a gRPC server answers it {@code UNIMPLEMENTED}.
 * Request and response messages are read and written in protobuf and in gRPC's JSON form, over HTTP/2 and
 * gRPC-Web.
 */
public interface GrpcHealth extends Service {

  /** The service's name: {@code grpc.health.v1.Health}. */
  ServiceName SERVICE_NAME = ServiceName.create("grpc.health.v1.Health");

  /**
   * @param vertx  the Vert.x instance of the HTTP server
   * @param health the handler whose probes, checks, maintenance and drain state it serves
   * @return a service with default options
   */
  static GrpcHealth create(Vertx vertx, HealthHandler health) {
    return create(vertx, health, new GrpcHealthOptions());
  }

  /**
   * @param vertx   the Vert.x instance of the HTTP server
   * @param health  the handler whose probes, checks, maintenance and drain state it serves
   * @param options the options (copied)
   * @return a new service
   */
  static GrpcHealth create(Vertx vertx, HealthHandler health, GrpcHealthOptions options) {
    return new GrpcHealthImpl(vertx, health, options);
  }

  /**
   * Mounts the service on a router: {@code POST /grpc.health.v1.Health/*} with a gRPC content type goes to a
   * {@link GrpcServer} of its own serving this service; other requests on that path are answered 415. Call it
   * before a catch-all route. The router's server must speak HTTP/2 ({@code HttpServerOptions}: cleartext is on
   * by default; with TLS, {@code setUseAlpn(true)}).
   *
   * @param router the application's router
   * @return this
   */
  GrpcHealth mount(Router router);

  /**
   * For an HTTP server without a router, or to keep gRPC requests out of the router's handlers: requests for
   * {@code /grpc.health.v1.Health/...} go to a {@link GrpcServer} of its own serving this service, every other
   * to {@code others}: {@code server.requestHandler(grpcHealth.requestHandler(router))}.
   *
   * @param others what serves every other request (a {@code Router}, for one)
   * @return the server's request handler
   */
  Handler<HttpServerRequest> requestHandler(Handler<HttpServerRequest> others);

  /** @return how many {@code Watch} streams are open now */
  int watches();

  /**
   * Ends every open {@code Watch} stream with {@code UNAVAILABLE} ({@code "server shutting down"}) and refuses
   * new ones the same way, so that {@code HttpServer.shutdown} need not wait for them; {@code Check} keeps
   * answering. Call it once readiness has been failing long enough (after the drain delay). Idempotent.
   *
   * @return a future completed when every stream was told
   */
  Future<Void> close();
}
