package dev.vitals.health.web.impl;

import dev.vitals.health.web.VitalsRoutes;
import dev.vitals.health.web.guard.AdminTokenHandler;
import dev.vitals.health.web.guard.InFlightLimitHandler;
import dev.vitals.health.web.guard.JsonErrorHandler;
import dev.vitals.health.web.guard.RequestGuardHandler;
import dev.vitals.health.web.probes.HealthHandler;
import dev.vitals.health.web.probes.HealthHandlerOptions;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** The safe order of {@link VitalsRoutes}, as its Javadoc lists it. */
public final class VitalsRoutesImpl implements VitalsRoutes {

  private final HealthHandler health;
  private long requestTimeout = RequestGuardHandler.DEFAULT_REQUEST_TIMEOUT;
  private int maxInFlight = 1024;
  private AdminTokenHandler admin;
  private String heartbeatPath;
  private Handler<RoutingContext> heartbeats;
  private final List<Consumer<Router>> routes = new ArrayList<>();
  private Handler<RoutingContext> status;
  private Handler<RoutingContext> maintenance;
  private final Map<String, Handler<RoutingContext>> apis = new LinkedHashMap<>();
  private final Set<String> openReads = new java.util.HashSet<>();
  private Handler<RoutingContext> environment;
  private boolean loopbackOnly;
  private List<InFlightLimitHandler> budgets = List.of();

  /** @param health the health handler */
  public VitalsRoutesImpl(HealthHandler health) {
    this.health = health;
  }

  @Override
  public VitalsRoutes requestTimeout(long timeoutMs) {
    requestTimeout = timeoutMs;
    return this;
  }

  @Override
  public VitalsRoutes maxInFlight(int maxInFlight) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight: must be positive, got " + maxInFlight);
    }
    this.maxInFlight = maxInFlight;
    return this;
  }

  @Override
  public VitalsRoutes adminToken(AdminTokenHandler admin) {
    this.admin = admin;
    return this;
  }

  @Override
  public VitalsRoutes heartbeats(String path, Handler<RoutingContext> handler) {
    heartbeatPath = path;
    heartbeats = handler;
    return this;
  }

  @Override
  public VitalsRoutes routes(Consumer<Router> mount) {
    routes.add(mount);
    return this;
  }

  @Override
  public VitalsRoutes status(Handler<RoutingContext> handler) {
    status = handler;
    return this;
  }

  @Override
  public VitalsRoutes maintenance(Handler<RoutingContext> handler) {
    maintenance = handler;
    return this;
  }

  @Override
  public VitalsRoutes environment(Handler<RoutingContext> handler, boolean loopbackOnly) {
    environment = handler;
    this.loopbackOnly = loopbackOnly;
    return this;
  }

  @Override
  public VitalsRoutes api(String path, Handler<RoutingContext> handler, boolean openReads) {
    if (!path.startsWith("/") || path.endsWith("/") || path.contains("*")) {
      throw new IllegalArgumentException("path: expected a path such as /alerts (no trailing /, no *), got '" + path + "'");
    }
    apis.put(path, Objects.requireNonNull(handler, "handler"));
    if (openReads) {
      this.openReads.add(path);
    }
    return this;
  }

  @Override
  public Router mount(Router router) {
    if (!budgets.isEmpty()) {
      throw new IllegalStateException("the routes are mounted already");
    }
    router.route().handler(RequestGuardHandler.create(requestTimeout).closingWhen(health::isDraining));
    Set<String> probePaths = health.probes().stream()
      .map(name -> name.equals(HealthHandlerOptions.HEALTH) ? "/health" : "/health/" + name)
      .collect(Collectors.toSet());
    InFlightLimitHandler probes = InFlightLimitHandler.create(maxInFlight);
    InFlightLimitHandler others = InFlightLimitHandler.create(maxInFlight);
    budgets = List.of(probes, others);
    router.route().handler(ctx -> (isProbe(ctx, probePaths) ? probes : others).handle(ctx));
    if (heartbeats != null) {
      router.route(heartbeatPath + "/*").handler(heartbeats);
    }
    routes.forEach(mount -> mount.accept(router));
    router.route(HEALTH_ROUTE).handler(health);
    if (status != null) {
      router.route("/status").handler(status);
    }
    if (maintenance != null) {
      mountMaintenance(router);
    }
    apis.forEach((path, api) -> mountApi(router, path, api, openReads.contains(path)));
    if (environment != null) {
      mountEnvironment(router);
    }
    return JsonErrorHandler.register(router);
  }

  private void mountMaintenance(Router router) {
    router.route("/status/maintenance").handler(JsonErrorHandler.allowing(HttpMethod.PUT, HttpMethod.DELETE));
    router.route("/status/maintenance")
      .handler(admin != null ? admin : refuse("Maintenance switching is off: no admin token is configured"
      + " (admin.token or VITALS_ADMIN_TOKEN in the standalone)"));
    router.route("/status/maintenance")
      .handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES))
      .handler(maintenance)
      .failureHandler(ctx -> {
        if (!(ctx.failure() instanceof HttpClosedException)) {
          ctx.next(); // a client that went away mid-body needs no answer and no log line
        }
      });
  }

  /** Reads as they come; writes behind the token, then a bounded body (token before body, as maintenance). */
  private void mountApi(Router router, String path, Handler<RoutingContext> api, boolean readsOpen) {
    Handler<RoutingContext> guard = admin != null ? admin
      : refuse("Changes through " + path + " are off: no admin token is configured"
      + " (admin.token or VITALS_ADMIN_TOKEN in the standalone)");
    BodyHandler body = BodyHandler.create().setBodyLimit(MAX_BODY_BYTES);
    for (String route : List.of(path, path + "/*")) {
      router.route(route).handler(ctx -> {
        HttpMethod method = ctx.request().method();
        if (readsOpen && (method == HttpMethod.GET || method == HttpMethod.HEAD)) {
          api.handle(ctx);
        } else {
          guard.handle(ctx);
        }
      });
      router.route(route).handler(body).handler(api).failureHandler(ctx -> {
        if (!(ctx.failure() instanceof HttpClosedException)) {
          ctx.next();
        }
      });
    }
  }

  private void mountEnvironment(Router router) {
    router.route("/environment").handler(JsonErrorHandler.allowing(HttpMethod.GET, HttpMethod.HEAD));
    Handler<RoutingContext> guard = admin != null ? admin
      : refuse("The environment dump behind a proxy needs a token: no admin token is configured"
      + " (admin.token or VITALS_ADMIN_TOKEN in the standalone)");
    router.route("/environment").handler(ctx -> {
      if (loopbackOnly && !forwarded(ctx)) {
        ctx.next();
      } else {
        guard.handle(ctx);
      }
    });
    router.route("/environment").handler(environment);
  }

  @Override
  public int inFlight() {
    return budgets.stream().mapToInt(InFlightLimitHandler::inFlight).sum();
  }

  /** A path that cannot be decoded is no probe: the router answers it 400. */
  private static boolean isProbe(RoutingContext ctx, Set<String> probePaths) {
    try {
      return probePaths.contains(ctx.normalizedPath());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Whether a proxy says the request came from elsewhere. */
  private static boolean forwarded(RoutingContext ctx) {
    return ctx.request().headers().contains("Forwarded") || ctx.request().headers().contains("X-Forwarded-For");
  }

  private static Handler<RoutingContext> refuse(String message) {
    return ctx -> JsonErrorHandler.send(ctx, 403, message);
  }
}
