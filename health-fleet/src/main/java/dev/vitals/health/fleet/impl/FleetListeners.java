package dev.vitals.health.fleet.impl;

import dev.vitals.health.fleet.FleetView;
import io.vertx.core.Handler;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The listeners of a fleet source: each told of a new view, one's fault logged and kept from the others. */
public final class FleetListeners {

  private static final Logger LOG = Logger.getLogger(FleetListeners.class.getName());

  private final List<Handler<FleetView>> listeners = new CopyOnWriteArrayList<>();

  public void add(Handler<FleetView> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Tells every listener of the view, taken only when there is a listener. */
  public void tell(Supplier<FleetView> view) {
    if (listeners.isEmpty()) {
      return;
    }
    FleetView current = view.get();
    for (Handler<FleetView> listener : listeners) {
      try {
        listener.handle(current);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Fleet listener failed", e);
      }
    }
  }
}
