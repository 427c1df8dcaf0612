package dev.vitals.samples.impl;

import dev.vitals.health.grpc.GrpcHealth;
import dev.vitals.health.grpc.GrpcHealthOptions;
import dev.vitals.health.web.probes.HealthHandler;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * The standalone verticle's {@code grpc} section: {@code grpc.health.v1.Health} on the HTTP port, over HTTP/2
 * (cleartext with prior knowledge; with {@code http.ssl}, TLS with ALPN), unless {@code "enabled": false}.
 * gRPC requests go to the gRPC server before the router, so HTTP routes and their guards are as without it.
 */
public final class GrpcEndpoint {

  /** The gRPC service's path prefix, written out so that routing a request loads no gRPC class. */
  private static final String PATH = "/grpc.health.v1.Health/";

  private final boolean enabled;
  private final GrpcHealthOptions options;
  /** Built on a worker thread by {@link #start}; read by {@link #close()}. */
  private volatile GrpcHealth service;
  /** The handler of every request once the gRPC server is built ({@link GrpcHealth#requestHandler}). */
  private volatile Handler<HttpServerRequest> handler;
  private final Promise<Handler<HttpServerRequest>> built = Promise.promise();

  private GrpcEndpoint(boolean enabled, GrpcHealthOptions options) {
    this.enabled = enabled;
    this.options = options;
  }

  /**
   * @param config the standalone config, checked against the schema
   * @return its {@code grpc} section: {@code enabled} (default true) and {@link GrpcHealthOptions}' keys
   * @throws IllegalArgumentException {@code "grpc.<key>: ..."} for a value the options refuse
   */
  public static GrpcEndpoint of(JsonObject config) {
    JsonObject section = config.getJsonObject("grpc", new JsonObject()).copy();
    boolean enabled = !Boolean.FALSE.equals(section.remove("enabled"));
    try {
      return new GrpcEndpoint(enabled, new GrpcHealthOptions(section));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("grpc." + e.getMessage(), e);
    }
  }

  /** @return whether gRPC health is served */
  public boolean enabled() {
    return enabled;
  }

  /**
   * Lets TLS clients choose HTTP/2 by ALPN when gRPC is served (cleartext HTTP/2 is on by default).
   *
   * @param options the HTTP server's options
   * @param tls     whether the server serves TLS ({@code http.ssl})
   */
  public void configure(HttpServerOptions options, boolean tls) {
    if (enabled && tls) {
      options.setUseAlpn(true);
    }
  }

  /**
   * The server's request handler: gRPC health before the router when enabled, else the router. The gRPC server
   * itself is built by {@link #start} once the server listens: it loads about 320 classes of gRPC and protobuf
   * (over a second on a loaded 2-core machine) that the first {@code /health} does not need. A gRPC request that
   * arrives before it is built is paused until it is, then served as any other.
   *
   * @param router what serves every other request
   * @return the request handler
   */
  public Handler<HttpServerRequest> requestHandler(Handler<HttpServerRequest> router) {
    if (!enabled) {
      return router;
    }
    return request -> {
      Handler<HttpServerRequest> grpc = handler;
      if (grpc != null) {
        grpc.handle(request);
      } else if (!request.path().startsWith(PATH)) {
        router.handle(request);
      } else {
        request.pause();
        built.future().onComplete(done -> {
          if (done.succeeded()) {
            done.result().handle(request);
            request.resume();
          } else {
            request.response().setStatusCode(500).end();
          }
        });
      }
    };
  }

  /**
   * Builds the gRPC server on a worker thread (class loading there holds neither the event loop nor its
   * event-loop check); requests paused by {@link #requestHandler} are served when it is built. Does nothing when
   * disabled.
   *
   * @param vertx  the verticle's Vert.x
   * @param health the health handler whose probes and checks are served
   * @param router what serves every other request, as given to {@link #requestHandler}
   */
  public void start(Vertx vertx, HealthHandler health, Handler<HttpServerRequest> router) {
    if (!enabled) {
      return;
    }
    vertx.<Handler<HttpServerRequest>>executeBlocking(() -> {
      service = GrpcHealth.create(vertx, health, options);
      return service.requestHandler(router);
    }, false).onSuccess(grpc -> handler = grpc).onComplete(built);
  }

  /** @return the line of the start-up log listing the gRPC methods, or null when disabled */
  public String route() {
    return enabled ? "gRPC " + GrpcHealth.SERVICE_NAME.fullyQualifiedName() + "/Check, Watch (HTTP/2)" : null;
  }

  /** @return a future completed once the open Watch streams are ended (at once when disabled) */
  public Future<Void> close() {
    return service == null ? Future.succeededFuture() : service.close();
  }
}
