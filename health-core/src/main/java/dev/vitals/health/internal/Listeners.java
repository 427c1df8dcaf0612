package dev.vitals.health.internal;

import io.vertx.core.Handler;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;

/**
 * The listeners of one kind of event (status changes, maintenance states, fleet views), told with one fault policy:
 * a listener that throws is logged at {@code WARNING} with its stack trace, once per burst of faults (a line per
 * {@value #QUIET_MS} ms at most, counting the faults it did not log), and the other listeners are still told.
 * What threw never reaches the code that told, so a listener's fault cannot break a check's run, a switch of
 * maintenance or a watch loop.
 *
 * <p>Listeners are told in the order they were added, on the thread that calls {@link #tell}. Adding and telling
 * may happen on any threads at once; a listener added while an event is being told may or may not be told of it.
 *
 * @param <T> the event's type
 */
public final class Listeners<T> {

  /** The least time between two lines of the fault log, in ms. */
  public static final long QUIET_MS = 60_000;

  private final List<Handler<T>> handlers = new CopyOnWriteArrayList<>();
  private final BurstLog faults;
  private final String what;

  /**
   * @param owner the class whose logger logs the faults: the API type that takes the listeners
   *              ({@code CheckRegistry}, {@code MaintenanceSource}, ...)
   * @param what  what the listeners are told of, for the log line ({@code "status changes"})
   */
  public Listeners(Class<?> owner, String what) {
    this.faults = new BurstLog(Objects.requireNonNull(owner, "owner"), QUIET_MS);
    this.what = Objects.requireNonNull(what, "what");
  }

  /**
   * @param listener told of every event from now on
   * @throws NullPointerException when the listener is null
   */
  public void add(Handler<T> listener) {
    handlers.add(Objects.requireNonNull(listener, "listener"));
  }

  /** @return whether no listener was added, so that an event need not be built */
  public boolean isEmpty() {
    return handlers.isEmpty();
  }

  /**
   * Tells every listener of the event; one that throws a {@link RuntimeException} is logged, as the class says,
   * and the next is told.
   *
   * @param event the event, passed as it is (may be {@code null} for listeners of a mere signal)
   */
  public void tell(T event) {
    for (Handler<T> listener : handlers) {
      try {
        listener.handle(event);
      } catch (RuntimeException e) {
        faults.log(Level.WARNING, e, () -> "A listener of " + what + " failed (the others are still told): " + e);
      }
    }
  }
}
