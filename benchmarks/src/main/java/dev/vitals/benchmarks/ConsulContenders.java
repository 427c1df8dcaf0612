package dev.vitals.benchmarks;

import dev.vitals.health.ApplicationOptions;
import dev.vitals.health.MaintenanceState;
import dev.vitals.health.ServiceStatus;
import dev.vitals.health.web.status.StatusHandler;
import dev.vitals.status.consul.test.ConsulDouble;
import dev.vitals.status.consul.ConsulMaintenance;
import dev.vitals.status.consul.ConsulClientOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * Scenario 4's contenders for {@code /status}, each over a Consul API double of its own (status-consul's test jar)
 * so that the requests reaching Consul are counted per contender:
 * <ul>
 *   <li>{@code vitals} at {@code /status}: {@link StatusHandler} over {@link ConsulMaintenance}, which watches node
 *       {@code node-1} with blocking queries (default options: 5 min wait);</li>
 *   <li>{@code lookup} at {@code /status-lookup}: {@link LookupStatusHandler}, one Consul request per request.</li>
 * </ul>
 */
public final class ConsulContenders {

  private static final String NODE = "node-1";
  private static final ApplicationOptions APPLICATION = new ApplicationOptions().setName("bench").setVersion("1.0.0");
  private static final long READY_TIMEOUT_MS = 10_000;

  private final Vertx vertx;
  private final ConsulDouble watched;
  private final ConsulDouble lookedUp;
  private final ConsulMaintenance maintenance;
  private final StatusHandler status;
  private final LookupStatusHandler lookup;

  private ConsulContenders(Vertx vertx, ConsulDouble watched, ConsulDouble lookedUp) {
    this.vertx = vertx;
    this.watched = watched;
    this.lookedUp = lookedUp;
    this.maintenance = ConsulMaintenance.create(vertx, new ConsulClientOptions()
      .setAddress(watched.address()).setNodeName(NODE));
    this.status = StatusHandler.create(maintenance, APPLICATION);
    this.lookup = new LookupStatusHandler(vertx, lookedUp.address(), NODE, APPLICATION.getName(),
      APPLICATION.getVersion());
  }

  /**
   * Starts the two doubles and the watcher, and waits for the watcher's first answer, so that a measurement does
   * not start on the unknown state (500).
   *
   * @param vertx the Vert.x instance
   * @return the contenders; failed when a double cannot listen or the watcher has no fresh {@code ok} state
   * within 10 s
   */
  public static Future<ConsulContenders> start(Vertx vertx) {
    return ConsulDouble.start(vertx)
      .compose(watched -> ConsulDouble.start(vertx)
        .map(lookedUp -> new ConsulContenders(vertx, watched, lookedUp)))
      .compose(contenders -> contenders.watcherReady().map(contenders));
  }

  /**
   * Mounts {@code GET /status} and {@code GET /status-lookup}.
   *
   * @param router the router
   */
  public void mount(Router router) {
    router.get("/status").handler(status);
    router.get("/status-lookup").handler(lookup);
  }

  /** @return the requests Vitals' watcher sent to {@code /v1/health/node} so far */
  public int watcherRequests() {
    return watched.requests("health/node");
  }

  /** @return the requests the per-request lookup sent to {@code /v1/health/node} so far */
  public int lookupRequests() {
    return lookedUp.requests("health/node");
  }

  /**
   * Stops the watcher and the doubles.
   *
   * @return a future completed when done
   */
  public Future<Void> close() {
    return Future.join(maintenance.close(), watched.close(), lookedUp.close()).mapEmpty();
  }

  private Future<Void> watcherReady() {
    Promise<Void> ready = Promise.promise();
    long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
    vertx.setPeriodic(10, id -> {
      MaintenanceState state = maintenance.state();
      if (!state.stale() && state.status() == ServiceStatus.OK) {
        vertx.cancelTimer(id);
        ready.tryComplete();
      } else if (System.currentTimeMillis() > deadline) {
        vertx.cancelTimer(id);
        ready.tryFail("Consul watcher not ready after " + READY_TIMEOUT_MS + " ms: " + state);
      }
    });
    return ready.future();
  }
}
