package dev.vitals.health;

import io.vertx.core.Vertx;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link Vertx} that delegates everything to a real one and records which one-shot timers were set, cancelled
 * and fired, so tests can tell whether a timer was left behind.
 */
public final class TimerRecordingVertx {

  public final Set<Long> set = ConcurrentHashMap.newKeySet();
  public final Set<Long> cancelled = ConcurrentHashMap.newKeySet();
  public final Set<Long> fired = ConcurrentHashMap.newKeySet();
  public final Vertx vertx;

  @SuppressWarnings("unchecked")
  public TimerRecordingVertx(Vertx real) {
    this.vertx = (Vertx) Proxy.newProxyInstance(Vertx.class.getClassLoader(), new Class<?>[]{Vertx.class},
      (proxy, method, args) -> {
        if (method.getName().equals("setTimer") && args.length == 2) {
          io.vertx.core.Handler<Long> handler = (io.vertx.core.Handler<Long>) args[1];
          long id = real.setTimer((Long) args[0], timerId -> {
            fired.add(timerId);
            handler.handle(timerId);
          });
          set.add(id);
          return id;
        }
        try {
          Object result = method.invoke(real, args);
          if (method.getName().equals("cancelTimer") && Boolean.TRUE.equals(result)) {
            cancelled.add((Long) args[0]);
          }
          return result;
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      });
  }

  /** Timers that were set and neither fired nor cancelled. */
  public Set<Long> pending() {
    Set<Long> pending = ConcurrentHashMap.newKeySet();
    pending.addAll(set);
    pending.removeAll(cancelled);
    pending.removeAll(fired);
    return pending;
  }
}
