package dev.vitals.status.consul.impl;

import dev.vitals.status.consul.ConsulClientOptions;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.lang.System.Logger.Level;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The loop of a Consul watch, shared by maintenance and the fleet: one blocking query in flight at a time, two
 * queries started at least {@link ConsulClientOptions#getMinInterval() minInterval} apart, an exponential,
 * jittered and capped backoff after a fault ({@link Backoff}) that starts over after a success, and a non-blocking
 * first read after a fault so that the watcher is fresh again as soon as Consul answers. A new error is logged once
 * at WARNING (not once per retry), the recovery once at INFO. Confined to one context.
 */
final class BlockingWatch {

  /** One read of the watch. */
  interface Round {
    /**
     * Reads with the given index, applies the answer and says what to send next.
     *
     * @param index the index to send, 0 for a non-blocking read
     * @return the index to send next ({@link BlockingIndex#next}); failed when the read failed
     */
    Future<Long> run(long index);
  }

  private final Vertx vertx;
  private final Context context;
  private final ConsulClientOptions options;
  private final System.Logger log;
  private final String subject;
  private final Round round;
  private final Consumer<String> failed;
  private final Supplier<String> recovered;
  private final Backoff backoff;

  private long index;
  private long timer = -1;
  private boolean closed;
  private String loggedError;

  /**
   * @param vertx     the Vert.x instance
   * @param context   the context the loop runs on
   * @param options   the backoff and the minimum interval
   * @param log       where errors and recoveries are logged
   * @param subject   what is watched and kept, for the log: {@code the last known maintenance state}
   * @param round     one read
   * @param failed    told each failure's message, on the context, before the retry is scheduled
   * @param recovered what to log after {@code Consul answers again; } once a read succeeds after a fault
   */
  BlockingWatch(Vertx vertx, Context context, ConsulClientOptions options, System.Logger log, String subject,
                Round round, Consumer<String> failed, Supplier<String> recovered) {
    this.vertx = vertx;
    this.context = context;
    this.options = options;
    this.log = log;
    this.subject = subject;
    this.round = round;
    this.failed = failed;
    this.recovered = recovered;
    this.backoff = new Backoff(options.getBackoffInitial(), options.getBackoffMax(),
      () -> ThreadLocalRandom.current().nextDouble());
  }

  /** Starts the loop on its context. */
  void start() {
    context.runOnContext(v -> watch());
  }

  /** Stops the loop: cancels the timer; the owner closes the client, which fails the read in flight. */
  void close() {
    closed = true;
    if (timer != -1) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  private void watch() {
    timer = -1;
    if (closed) {
      return;
    }
    long started = System.nanoTime();
    round.run(index).onComplete(ar -> {
      if (closed) {
        return;
      }
      if (ar.succeeded()) {
        index = ar.result();
        backoff.reset();
        if (loggedError != null) {
          log.log(Level.INFO, "Consul answers again; " + recovered.get());
          loggedError = null;
        }
        schedule(options.getMinInterval() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
      } else {
        Throwable cause = ar.cause();
        String error = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        if (!error.equals(loggedError)) {
          log.log(Level.WARNING, "Consul watch failing, retrying with backoff; serving " + subject + " as stale: "
            + error);
          loggedError = error;
        }
        failed.accept(error);
        // A blocking query would keep the watcher stale until the next change or the end of the wait, minutes
        // after Consul is back: the first read after a fault does not block.
        index = 0;
        schedule(backoff.next());
      }
    });
  }

  private void schedule(long delay) {
    if (delay < 1) {
      context.runOnContext(v -> watch());
    } else {
      timer = vertx.setTimer(delay, id -> watch());
    }
  }
}
