package dev.vitals.health.web.fleet.impl;

import dev.vitals.health.fleet.FleetSource;
import dev.vitals.health.fleet.FleetView;
import dev.vitals.health.fleet.Quorum;
import dev.vitals.health.web.fleet.FleetHandler;
import dev.vitals.health.web.internal.ErrorResponse;
import dev.vitals.health.web.internal.Responses;
import dev.vitals.health.web.probes.Detail;
import dev.vitals.health.web.probes.FailureDetails;
import dev.vitals.health.web.probes.ProbeOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

public final class FleetHandlerImpl implements FleetHandler {

  private static final long MAX_RENDER_AGE_NANOS = TimeUnit.MILLISECONDS.toNanos(MAX_RENDER_AGE_MS);
  /** The least time between two renderings, also after a change: a churning fleet costs at most 10 a second. */
  private static final long MIN_RENDER_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  /** One rendering of the view: the code and both bodies, made at {@code nanos} from the view of {@code version}. */
  private record Rendered(int code, Buffer full, Buffer redacted, long nanos, long version) {
  }

  private final FleetSource source;
  private final Quorum quorum;
  private ProbeOptions probe = new ProbeOptions();
  private Predicate<RoutingContext> authenticated = ctx -> ctx.user() != null;
  private final LongSupplier nanos;
  /** Counts the source's changes; a rendering of an older count is redone (at most every 100 ms). */
  private final AtomicLong version = new AtomicLong();
  private volatile Rendered rendered;

  public FleetHandlerImpl(FleetSource source, Quorum quorum) {
    this(source, quorum, System::nanoTime);
  }

  /** With a clock of nanoseconds of its own, for tests. */
  public FleetHandlerImpl(FleetSource source, Quorum quorum, LongSupplier nanos) {
    this.source = Objects.requireNonNull(source, "source");
    this.quorum = Objects.requireNonNull(quorum, "quorum");
    this.nanos = nanos;
    source.addListener(view -> version.incrementAndGet());
  }

  @Override
  public FleetHandler detail(ProbeOptions probe) {
    this.probe = new ProbeOptions(Objects.requireNonNull(probe, "probe"));
    version.incrementAndGet();
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
    long now = nanos.getAsLong();
    long changes = version.get();
    if (current == null || now - current.nanos() > MAX_RENDER_AGE_NANOS
      || (current.version() != changes && now - current.nanos() >= MIN_RENDER_INTERVAL_NANOS)) {
      // The count is read before the view: a change during the rendering leaves the count behind, so it is redone.
      current = render(source.view(), now, changes);
      rendered = current;
    }
    boolean outputs = probe.getDetail() == Detail.FULL
      && (probe.getFailureDetails() == FailureDetails.EVERYONE || authenticated.test(ctx));
    ctx.response().setStatusCode(current.code())
      .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
      .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    Responses.end(ctx, outputs ? current.full() : current.redacted());
  }

  private Rendered render(FleetView view, long nanos, long changes) {
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
    return new Rendered(code, full, json.toBuffer(), nanos, changes);
  }
}
