package dev.vitals.health.impl;

import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.MaintenanceState;
import dev.vitals.health.ServiceStatus;
import dev.vitals.health.internal.Listeners;
import io.vertx.core.Future;
import io.vertx.core.Handler;

import java.time.Clock;

public final class LocalMaintenance implements MaintenanceSource {

  static final String SOURCE = "local";

  private final Clock clock;
  private final Listeners<MaintenanceState> listeners = new Listeners<>(MaintenanceSource.class, "maintenance states");
  private volatile MaintenanceState state;

  public LocalMaintenance(Clock clock) {
    this.clock = clock;
    this.state = MaintenanceState.ok(clock.instant(), SOURCE);
  }

  @Override
  public MaintenanceState state() {
    return state;
  }

  @Override
  public Future<MaintenanceState> enable(String reason) {
    return switchTo(new MaintenanceState(ServiceStatus.MAINTENANCE,
      reason == null || reason.isBlank() ? "Maintenance mode enabled" : reason, clock.instant(), SOURCE, false, null));
  }

  @Override
  public Future<MaintenanceState> disable() {
    return switchTo(MaintenanceState.ok(clock.instant(), SOURCE));
  }

  private Future<MaintenanceState> switchTo(MaintenanceState next) {
    MaintenanceState changed = null;
    synchronized (this) {
      if (next.differsFrom(state)) {
        state = next;
        changed = next;
      }
    }
    if (changed != null) {
      listeners.tell(changed);
    }
    return Future.succeededFuture(state);
  }

  @Override
  public MaintenanceSource addListener(Handler<MaintenanceState> listener) {
    listeners.add(listener);
    return this;
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }
}
