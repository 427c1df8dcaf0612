package dev.vitals.health.grpc.impl;

import com.google.protobuf.Descriptors;
import dev.vitals.health.grpc.GrpcHealth;
import dev.vitals.health.grpc.GrpcHealthOptions;
import dev.vitals.health.grpc.impl.HealthProtocol.ServingStatus;
import dev.vitals.health.web.probes.HealthHandler;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.common.ServiceName;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.GrpcServerOptions;
import io.vertx.grpc.server.GrpcServerRequest;
import io.vertx.grpc.server.GrpcServerResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

public final class GrpcHealthImpl implements GrpcHealth {

  private static final Logger LOG = Logger.getLogger(GrpcHealth.class.getName());
  /** The path prefix of the service's methods. */
  private static final String PATH = "/" + SERVICE_NAME.fullyQualifiedName() + "/";
  /** The largest request message read, in bytes: a service name, not a payload. */
  private static final long MAX_MESSAGE_BYTES = 4096;

  private final Vertx vertx;
  private final HealthHandler health;
  private final int maxWatches;
  private final Set<Watch> watches = ConcurrentHashMap.newKeySet();
  private volatile GrpcServer server;
  private volatile boolean closed;

  public GrpcHealthImpl(Vertx vertx, HealthHandler health, GrpcHealthOptions options) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.health = Objects.requireNonNull(health, "health");
    this.maxWatches = new GrpcHealthOptions(Objects.requireNonNull(options, "options")).getMaxWatches();
    health.addChangeListener(v -> watches.forEach(Watch::changed));
  }

  @Override
  public ServiceName name() {
    return SERVICE_NAME;
  }

  @Override
  public Descriptors.ServiceDescriptor descriptor() {
    return HealthProtocol.SERVICE;
  }

  @Override
  public void bind(GrpcServer server) {
    server.callHandler(HealthProtocol.CHECK, this::check);
    server.callHandler(HealthProtocol.WATCH, this::watch);
  }

  /** The gRPC server of {@link #mount} and {@link #requestHandler}: this service alone. */
  private synchronized GrpcServer server() {
    if (server == null) {
      server = GrpcServer.server(vertx, new GrpcServerOptions().setMaxMessageSize(MAX_MESSAGE_BYTES)).addService(this);
    }
    return server;
  }

  @Override
  public GrpcHealth mount(Router router) {
    GrpcServer grpc = server();
    router.route(HttpMethod.POST, PATH + "*").handler(ctx -> grpc.handle(ctx.request()));
    return this;
  }

  @Override
  public Handler<HttpServerRequest> requestHandler(Handler<HttpServerRequest> others) {
    Objects.requireNonNull(others, "others");
    GrpcServer grpc = server();
    return request -> {
      if (request.path().startsWith(PATH)) {
        grpc.handle(request);
      } else {
        others.handle(request);
      }
    };
  }

  @Override
  public int watches() {
    return watches.size();
  }

  @Override
  public Future<Void> close() {
    closed = true;
    List<Future<Void>> ends = new ArrayList<>();
    for (Watch watch : watches) {
      Promise<Void> ended = Promise.promise();
      watch.context.runOnContext(v -> watch.end(GrpcStatus.UNAVAILABLE, "server shutting down").onComplete(ended));
      ends.add(ended.future());
    }
    return Future.join(ends).mapEmpty();
  }

  /**
   * The status of a service now, or null for an unknown one (a failed future only for a fault): the status of the
   * report the HTTP path answers with, so both give one answer (a probe's or a group's overall outcome, one
   * check's own status).
   */
  private Future<ServingStatus> status(String service) {
    return health.report(service).map(report -> ServingStatus.of(report.status()))
      .recover(failure -> failure instanceof NoSuchElementException || failure instanceof IllegalArgumentException
        ? Future.succeededFuture(null) : Future.failedFuture(failure));
  }

  private void check(GrpcServerRequest<String, ServingStatus> request) {
    request.handler(firstOnly(service -> status(service).onComplete(ar -> {
      GrpcServerResponse<String, ServingStatus> response = request.response();
      if (ar.failed()) {
        LOG.log(Level.WARNING, "gRPC health Check of '" + service + "' failed", ar.cause());
        endQuietly(() -> response.status(GrpcStatus.INTERNAL).statusMessage(String.valueOf(ar.cause().getMessage())).end());
      } else if (ar.result() == null) {
        endQuietly(() -> response.status(GrpcStatus.NOT_FOUND).statusMessage("unknown service: " + service).end());
      } else {
        endQuietly(() -> response.end(ar.result()));
      }
    })));
  }

  /** Check and Watch take one request message: a second one on the same call is ignored. */
  private static Handler<String> firstOnly(Handler<String> handler) {
    boolean[] taken = {false};
    return service -> {
      if (!taken[0]) {
        taken[0] = true;
        handler.handle(service);
      }
    };
  }

  /**
   * Ends a call whose client may have gone meanwhile (vertx-core may throw ending a reset stream).
   *
   * @return the end's future, or a succeeded one when the stream went away
   */
  private static Future<Void> endQuietly(java.util.function.Supplier<Future<Void>> end) {
    try {
      return end.get().recover(failure -> Future.succeededFuture());
    } catch (RuntimeException e) {
      return Future.succeededFuture();
    }
  }

  private void watch(GrpcServerRequest<String, ServingStatus> request) {
    request.handler(firstOnly(service -> {
      GrpcServerResponse<String, ServingStatus> response = request.response();
      if (closed) {
        response.status(GrpcStatus.UNAVAILABLE).statusMessage("server shutting down").end();
        return;
      }
      Watch watch = new Watch(service, response, vertx.getOrCreateContext());
      synchronized (watches) {
        if (watches.size() >= maxWatches) {
          response.status(GrpcStatus.RESOURCE_EXHAUSTED)
            .statusMessage("too many Watch streams: at most " + maxWatches).end();
          return;
        }
        watches.add(watch);
      }
      request.errorHandler(error -> watches.remove(watch)); // cancelled by the client
      request.exceptionHandler(failure -> watches.remove(watch));
      response.exceptionHandler(failure -> watches.remove(watch));
      watch.refresh();
    }));
  }

  /**
   * One open Watch stream. Everything of it runs on its request's context: a change heard on another thread is
   * handed over, so statuses are computed and written in order, and only a status unlike the last one sent goes
   * out. A response whose write queue is full gets the latest status once it drains.
   */
  private final class Watch {

    final String service;
    final GrpcServerResponse<String, ServingStatus> response;
    final Context context;
    /** The number of the latest refresh started: an older one completing later is ignored. */
    private long started;
    private ServingStatus latest;
    private ServingStatus sent;
    private boolean ended;

    Watch(String service, GrpcServerResponse<String, ServingStatus> response, Context context) {
      this.service = service;
      this.response = response;
      this.context = context;
    }

    void changed() {
      context.runOnContext(v -> refresh());
    }

    void refresh() {
      long number = ++started;
      status(service).onComplete(ar -> {
        if (number != started || ended) {
          return;
        }
        if (ar.failed()) {
          LOG.log(Level.WARNING, "gRPC health Watch of '" + service + "' failed", ar.cause());
          end(GrpcStatus.INTERNAL, String.valueOf(ar.cause().getMessage()));
          return;
        }
        latest = ar.result() == null ? ServingStatus.SERVICE_UNKNOWN : ar.result();
        send();
      });
    }

    private void send() {
      if (ended || latest == sent) {
        return;
      }
      if (response.writeQueueFull()) {
        response.drainHandler(v -> send());
        return;
      }
      sent = latest;
      response.write(latest).onFailure(failure -> watches.remove(this));
    }

    Future<Void> end(GrpcStatus status, String message) {
      watches.remove(this);
      if (ended) {
        return Future.succeededFuture();
      }
      ended = true;
      return endQuietly(() -> response.status(status).statusMessage(message).end());
    }
  }
}
