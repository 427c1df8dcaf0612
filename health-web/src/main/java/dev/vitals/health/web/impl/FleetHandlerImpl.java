package dev.vitals.health.web.impl;

import dev.vitals.health.fleet.FleetSource;
import dev.vitals.health.fleet.FleetView;
import dev.vitals.health.fleet.Quorum;
import dev.vitals.health.web.FailureDetails;
import dev.vitals.health.web.Detail;
import dev.vitals.health.web.FleetHandler;
import dev.vitals.health.web.ProbeOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

public final class FleetHandlerImpl implements FleetHandler {

  private static final long MAX_RENDER_AGE_NANOS = TimeUnit.MILLISECONDS.toNanos(MAX_RENDER_AGE_MS);

  /** One rendering of the view: the code and both bodies, made at {@code nanos}. */
  private record Rendered(int code, Buffer full, Buffer redacted, long nanos) {
  }

  private final FleetSource source;
  private final Quorum quorum;
  private ProbeOptions probe = new ProbeOptions();
  private Predicate<RoutingContext> authenticated = ctx -> ctx.user() != null;
  private volatile Rendered rendered;

  public FleetHandlerImpl(FleetSource source, Quorum quorum) {
    this.source = Objects.requireNonNull(source, "source");
    this.quorum = Objects.requireNonNull(quorum, "quorum");
    source.addListener(view -> rendered = null);
  }

  @Override
  public FleetHandler detail(ProbeOptions probe) {
    this.probe = new ProbeOptions(Objects.requireNonNull(probe, "probe"));
    rendered = null;
    return this;
  }

  @Override
  public FleetHandler authenticatedBy(Predicate<RoutingContext> authenticated) {
    this.authenticated = Objects.requireNonNull(authenticated, "authenticated");
    return this;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (ErrorResponse.rejectMethod(ctx, "GET, HEAD", HttpMethod.GET, HttpMethod.HEAD)) {
      return;
    }
    Rendered current = rendered;
    long now = System.nanoTime();
    if (current == null || now - current.nanos() > MAX_RENDER_AGE_NANOS) {
      current = render(source.view(), now);
      rendered = current;
    }
    boolean outputs = probe.getDetail() == Detail.FULL
      && (probe.getFailureDetails() == FailureDetails.EVERYONE || authenticated.test(ctx));
    ctx.response().setStatusCode(current.code())
      .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
      .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    Responses.end(ctx, outputs ? current.full() : current.redacted());
  }

  private Rendered render(FleetView view, long nanos) {
    JsonObject json = view.toJson(quorum);
    int code = json.getJsonObject("quorum").getBoolean("met") ? 200 : 503;
    Detail detail = probe.getDetail();
    Buffer full = detail == Detail.FULL ? json.toBuffer() : null;
    for (Object node : json.getJsonArray("nodes")) {
      JsonObject member = (JsonObject) node;
      if (detail == Detail.STATUS) {
        member.remove("failing");
        member.remove("probes");
      } else {
        member.getJsonArray("failing").forEach(check -> ((JsonObject) check).remove("output"));
      }
    }
    return new Rendered(code, full, json.toBuffer(), nanos);
  }
}
