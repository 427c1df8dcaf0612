package dev.vitals.health.alerts;

import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.MaintenanceState;
import dev.vitals.health.ServiceStatus;
import dev.vitals.health.internal.Listeners;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link MaintenanceSource} that also reports maintenance while a maintenance window with
 * {@code statusMaintenance} is open ({@link Alerting#statusMaintenance()}): {@code /status} answers 503 and readiness
 * fails for the window, then both come back by themselves. Maintenance switched on in the underlying source wins
 * (its reason is shown); switching goes to the underlying source, so {@code DELETE /status/maintenance} during a
 * window ends what was switched on by hand, not the window. A window's state: {@code {"status": "maintenance",
 * "reason": "window nightly-backup open until 2026-12-06T03:00Z", "source": "window", ...}}.
 */
public final class WindowedMaintenance implements MaintenanceSource {

  /** The {@link MaintenanceState#source()} of a window's maintenance. */
  public static final String SOURCE = "window";

  private final Vertx vertx;
  private final MaintenanceSource source;
  private final Supplier<Optional<String>> window;
  private final Clock clock;
  private final Listeners<MaintenanceState> listeners = new Listeners<>(WindowedMaintenance.class,
    "maintenance listener");
  private final long timer;
  private volatile MaintenanceState windowState;

  private WindowedMaintenance(Vertx vertx, MaintenanceSource source, Supplier<Optional<String>> window, Clock clock,
                              long periodMs) {
    this.vertx = vertx;
    this.source = source;
    this.window = window;
    this.clock = clock;
    source.addListener(state -> listeners.tell(state()));
    timer = vertx.setPeriodic(periodMs, id -> look());
    look();
  }

  /**
   * @param vertx    whose timer looks at the windows
   * @param source   the maintenance switched by hand or kept in Consul
   * @param window   the reason of the open window that puts the instance in maintenance, or empty; typically
   *                 {@code alerting::statusMaintenance} (may be called before alerting started: give empty then)
   * @param clock    when a window's maintenance began, as seen here
   * @param periodMs how often the windows are looked at, in ms, {@code > 0} (the alerting's {@code evaluateEvery})
   * @return the source
   * @throws IllegalArgumentException when {@code periodMs} is not positive
   */
  public static WindowedMaintenance wrap(Vertx vertx, MaintenanceSource source, Supplier<Optional<String>> window,
                                         Clock clock, long periodMs) {
    if (periodMs <= 0) {
      throw new IllegalArgumentException("periodMs: expected > 0, got " + periodMs);
    }
    return new WindowedMaintenance(Objects.requireNonNull(vertx, "vertx"), Objects.requireNonNull(source, "source"),
      Objects.requireNonNull(window, "window"), Objects.requireNonNull(clock, "clock"), periodMs);
  }

  /** Notices a window opening or closing, or its reason changing, and tells the listeners. */
  private void look() {
    Optional<String> reason = window.get();
    MaintenanceState before = windowState;
    if (reason.isPresent() && (before == null || !before.reason().equals(reason.get()))) {
      windowState = new MaintenanceState(ServiceStatus.MAINTENANCE, reason.get(), clock.instant(), SOURCE, false,
        null);
    } else if (reason.isEmpty() && before != null) {
      windowState = null;
    } else {
      return;
    }
    if (!source.state().inMaintenance()) {
      listeners.tell(state());
    }
  }

  @Override
  public MaintenanceState state() {
    MaintenanceState underlying = source.state();
    MaintenanceState open = windowState;
    return underlying.inMaintenance() || open == null ? underlying : open;
  }

  @Override
  public Future<MaintenanceState> enable(String reason) {
    return source.enable(reason).map(switched -> state());
  }

  @Override
  public Future<MaintenanceState> disable() {
    return source.disable().map(switched -> state());
  }

  @Override
  public MaintenanceSource addListener(Handler<MaintenanceState> listener) {
    listeners.add(listener);
    return this;
  }

  @Override
  public Future<Void> close() {
    vertx.cancelTimer(timer);
    return source.close();
  }
}
