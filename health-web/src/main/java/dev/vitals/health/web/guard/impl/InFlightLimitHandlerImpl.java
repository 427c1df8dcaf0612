package dev.vitals.health.web.guard.impl;

import dev.vitals.health.web.guard.InFlightLimitHandler;
import dev.vitals.health.web.internal.ErrorResponse;
import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.atomic.AtomicInteger;

public final class InFlightLimitHandlerImpl implements InFlightLimitHandler {

  private final int max;
  private final String retryAfter;
  private final AtomicInteger inFlight = new AtomicInteger();

  public InFlightLimitHandlerImpl(int max, int retryAfterSeconds) {
    if (max <= 0) {
      throw new IllegalArgumentException("maxInFlight: must be positive, got " + max);
    }
    this.max = max;
    this.retryAfter = Integer.toString(retryAfterSeconds);
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (inFlight.incrementAndGet() > max) {
      inFlight.decrementAndGet();
      ctx.response().putHeader("Retry-After", retryAfter);
      ErrorResponse.send(ctx, 503, "Too many requests in flight (limit " + max + "), retry later");
      return;
    }
    ctx.addEndHandler(done -> inFlight.decrementAndGet());
    ctx.next();
  }

  @Override
  public int inFlight() {
    return inFlight.get();
  }
}
