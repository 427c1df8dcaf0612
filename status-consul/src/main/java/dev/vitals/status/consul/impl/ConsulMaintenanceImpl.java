package dev.vitals.status.consul.impl;

import dev.vitals.health.Check;
import dev.vitals.health.MaintenanceState;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.ServiceStatus;
import dev.vitals.health.internal.Listeners;
import dev.vitals.status.consul.ConsulClientOptions;
import dev.vitals.status.consul.ConsulException;
import dev.vitals.status.consul.ConsulMaintenance;
import dev.vitals.status.consul.ConsulMaintenanceOptions;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The watch loop and the switches. Every field but {@link #state} and {@link #listeners} is confined to
 * {@link #context}; public methods hop onto it.
 */
public final class ConsulMaintenanceImpl implements ConsulMaintenance {

  static final String SOURCE = "consul";
  private static final System.Logger LOG = System.getLogger(ConsulMaintenance.class.getName());

  private final Context context;
  private final ConsulClientOptions client;
  private final ConsulMaintenanceOptions options;
  private final AgentClient agent;
  private final BlockingWatch watch;
  private final Listeners<MaintenanceState> listeners = new Listeners<>(ConsulMaintenance.class, "maintenance states");
  private volatile MaintenanceState state;

  private Future<String> node;
  private long appliedIndex;
  private long applied;
  private boolean closed;

  /**
   * Validates the options, then starts watching on the caller's context (or a new one).
   *
   * @param vertx   the Vert.x instance
   * @param client  the agent and how to watch it, copied
   * @param options what maintenance asks, copied
   * @throws IllegalArgumentException as {@link ConsulMaintenance}'s {@code create}
   */
  public ConsulMaintenanceImpl(Vertx vertx, ConsulClientOptions client, ConsulMaintenanceOptions options) {
    Objects.requireNonNull(vertx, "vertx");
    this.client = new ConsulClientOptions(Objects.requireNonNull(client, "client"));
    this.options = new ConsulMaintenanceOptions(Objects.requireNonNull(options, "options"));
    AgentClient.validate(this.client);
    this.agent = new AgentClient(vertx, this.client, AgentClient.DEFAULT_MAX_BODY);
    ServiceStatus policy = this.options.getUnknownPolicy();
    this.state = new MaintenanceState(policy,
      policy == ServiceStatus.MAINTENANCE ? "Consul has not answered yet" : null, Instant.now(), SOURCE, true,
      "no answer from Consul yet");
    this.context = vertx.getOrCreateContext();
    this.watch = new BlockingWatch(vertx, context, this.client, LOG, "the last known maintenance state",
      this::round, error -> state = state.asStale(error), () -> "maintenance state is " + state);
    watch.start();
  }

  @Override
  public MaintenanceState state() {
    return state;
  }

  @Override
  public Future<MaintenanceState> enable(String reason) {
    return onContext(() -> write(true, reason));
  }

  @Override
  public Future<MaintenanceState> disable() {
    return onContext(() -> write(false, null));
  }

  @Override
  public ConsulMaintenance addListener(Handler<MaintenanceState> listener) {
    listeners.add(listener);
    return this;
  }

  @Override
  public Check agentCheck() {
    return () -> onContext(() -> closed ? Future.failedFuture(new ConsulException("closed", 0)) : agent.leader())
      .map(leader -> leader.isEmpty()
        ? ProcedureResult.fail("Consul agent at " + agent.address() + " knows no leader")
        : ProcedureResult.pass("Consul leader " + leader).withData(new JsonObject().put("leader", leader)));
  }

  @Override
  public Future<Void> close() {
    return onContext(() -> {
      if (!closed) {
        closed = true;
        watch.close();
        agent.close();
      }
      return Future.succeededFuture();
    });
  }

  private Future<Long> round(long requested) {
    long seen = applied;
    return node().compose(name -> agent.healthNode(name, requested, client.getWait())).map(health -> {
      if (applied != seen && BlockingIndex.sanitize(health.index()) < appliedIndex) {
        return appliedIndex; // a switch's read, sent after this query, already applied something newer
      }
      apply(health);
      return BlockingIndex.next(requested, health.index());
    });
  }

  private void apply(NodeHealth health) {
    applied++;
    appliedIndex = BlockingIndex.sanitize(health.index());
    String check = health.maintenanceCheck(options.getServiceId());
    ServiceStatus status = check == null ? ServiceStatus.OK : ServiceStatus.MAINTENANCE;
    String reason = check == null ? null : health.notes(check);
    MaintenanceState current = state;
    MaintenanceState next = new MaintenanceState(status, reason, current.since(), SOURCE, false, null);
    if (!next.differsFrom(current)) {
      state = next;
      return;
    }
    state = new MaintenanceState(status, reason, Instant.now(), SOURCE, false, null);
    LOG.log(Level.INFO, "Maintenance state from Consul: " + state);
    listeners.tell(state);
  }

  private Future<String> node() {
    if (client.getNodeName() != null) {
      return Future.succeededFuture(client.getNodeName());
    }
    if (node == null || node.failed()) {
      node = agent.nodeName();
    }
    return node;
  }

  private Future<MaintenanceState> write(boolean enable, String reason) {
    if (closed) {
      return Future.failedFuture(new ConsulException("closed", 0));
    }
    String serviceId = options.getServiceId();
    String check = serviceId == null ? NodeHealth.NODE_CHECK : NodeHealth.SERVICE_CHECK_PREFIX + serviceId;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(client.getRequestTimeout());
    return agent.maintenance(serviceId, enable, reason)
      .compose(v -> node())
      .compose(name -> confirm(name, check, enable, 0, deadline));
  }

  /** The agent syncs its checks to the catalog asynchronously: read until the catalog lists the switch. */
  private Future<MaintenanceState> confirm(String name, String check, boolean present, long readIndex,
                                           long deadline) {
    long remaining = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    long seen = applied;
    return agent.healthNode(name, readIndex, remaining).compose(health -> {
      if (applied == seen || BlockingIndex.sanitize(health.index()) >= appliedIndex) {
        apply(health);
      }
      if (health.has(check) == present || System.nanoTime() - deadline >= 0) {
        return Future.succeededFuture(state);
      }
      return confirm(name, check, present, BlockingIndex.sanitize(health.index()), deadline);
    });
  }

  private <T> Future<T> onContext(Supplier<Future<T>> action) {
    Context caller = Vertx.currentContext();
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(ar -> {
      if (caller == null || caller == context) {
        promise.handle(ar);
      } else {
        caller.runOnContext(x -> promise.handle(ar));
      }
    }));
    return promise.future();
  }
}
