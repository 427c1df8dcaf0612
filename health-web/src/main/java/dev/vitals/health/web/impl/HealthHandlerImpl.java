package dev.vitals.health.web.impl;

import dev.vitals.health.CheckRegistry;
import dev.vitals.health.HealthReport;
import dev.vitals.health.web.HealthHandler;
import dev.vitals.health.web.HealthHandlerOptions;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.util.NoSuchElementException;
import java.util.Objects;

public final class HealthHandlerImpl implements HealthHandler {

  private static final String ALLOW = "GET, HEAD";

  private final CheckRegistry registry;
  private final HealthHandlerOptions options;
  private final String hostname;

  public HealthHandlerImpl(CheckRegistry registry, HealthHandlerOptions options) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.options = new HealthHandlerOptions(Objects.requireNonNull(options, "options"));
    // Resolved once: looking up the local host name can block.
    this.hostname = this.options.getHostname();
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (ErrorResponse.rejectMethod(ctx, ALLOW, HttpMethod.GET, HttpMethod.HEAD)) {
      return;
    }
    String name = subPath(ctx);
    Future<HealthReport> report = name.isEmpty() ? registry.report() : registry.report(name);
    report.onComplete(ar -> {
      if (ar.succeeded()) {
        respond(ctx, ar.result());
      } else if (ar.cause() instanceof NoSuchElementException) {
        ErrorResponse.send(ctx, 404, ar.cause().getMessage());
      } else {
        ctx.fail(ar.cause());
      }
    });
  }

  /** What follows the mount point: the wildcard's match, without its leading slash. */
  private static String subPath(RoutingContext ctx) {
    String rest = ctx.pathParam("*");
    if (rest == null) {
      return "";
    }
    int start = 0;
    while (start < rest.length() && rest.charAt(start) == '/') {
      start++;
    }
    return rest.substring(start);
  }

  private void respond(RoutingContext ctx, HealthReport report) {
    int code = options.getStatusCode(report.status());
    boolean success = code >= 200 && code < 300;
    String body = VitalsFormat.toJson(report, hostname, success).encode();
    ctx.response()
      .setStatusCode(code)
      .putHeader(HttpHeaders.CONTENT_TYPE, VitalsFormat.MEDIA_TYPE)
      .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    Responses.end(ctx, body);
  }
}
