package dev.vitals.health.web.status.impl;

import dev.vitals.health.ApplicationOptions;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.MaintenanceState;
import dev.vitals.health.web.internal.ErrorResponse;
import dev.vitals.health.web.status.StatusHandler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.util.Objects;

public final class StatusHandlerImpl implements StatusHandler {

  private final MaintenanceSource source;
  private final ApplicationOptions application;

  public StatusHandlerImpl(MaintenanceSource source, ApplicationOptions application) {
    this.source = Objects.requireNonNull(source, "source");
    this.application = Objects.requireNonNull(application, "application").resolved();
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (ErrorResponse.rejectMethod(ctx, "GET, HEAD", HttpMethod.GET, HttpMethod.HEAD)) {
      return;
    }
    MaintenanceState state = source.state();
    StatusBody.send(ctx, codeOf(state), state, application);
  }

  /** sprockets: ok 200, maintenance 503, anything else 500. */
  static int codeOf(MaintenanceState state) {
    switch (state.status()) {
      case OK:
        return 200;
      case MAINTENANCE:
        return 503;
      default:
        return 500;
    }
  }
}
