package dev.vitals.status.consul.impl;

import dev.vitals.health.fleet.FleetMember;
import dev.vitals.health.fleet.FleetOptions;
import dev.vitals.health.fleet.FleetView;
import dev.vitals.health.fleet.NodeStatus;
import dev.vitals.health.internal.Listeners;
import dev.vitals.status.consul.ConsulFleet;
import dev.vitals.status.consul.ConsulClientOptions;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The watch of a Consul service's instances; see {@link ConsulFleet}. What the last answer said is one immutable
 * {@link Known}, replaced on the watcher's context and read by {@link #view()} from any thread.
 */
public final class ConsulFleetImpl implements ConsulFleet {

  static final String SOURCE = "consul";
  /** How often a stale view is looked at for instances turning missing, in ms. */
  static final long TICK = 1_000;
  /** The answer body allowed per instance kept, in bytes: 16 KiB (a few checks with Consul's 4 KiB outputs). */
  static final long BODY_PER_NODE = 16L << 10;
  /** The least answer body allowed, in bytes: 1 MiB. */
  static final long MIN_BODY = 1L << 20;

  private static final System.Logger LOG = System.getLogger(ConsulFleet.class.getName());
  private static final Comparator<FleetMember> ORDER = Comparator.comparing((FleetMember m) -> !m.self())
    .thenComparing(m -> m.status().instance()).thenComparing(m -> m.status().node());

  /**
   * What is known.
   *
   * @param instances the instances of the last answer, by node and service id
   * @param selfNode  the local agent's node name, or {@code null}
   * @param answered  whether Consul answered at least once
   * @param faultAt   when the current fault was first seen, {@code null} while fresh
   * @param error     the current fault's message, or {@code null}
   */
  private record Known(List<NodeStatus> instances, String selfNode, boolean answered, Instant faultAt,
                       String error) {
    boolean stale() {
      return !answered || faultAt != null;
    }
  }

  private final Vertx vertx;
  private final Context context;
  private final ConsulClientOptions options;
  private final String service;
  private final int maxNodes;
  private final long missingAfter;
  private final Clock clock;
  private final AgentClient agent;
  private final BlockingWatch watch;
  private final Listeners<FleetView> listeners = new Listeners<>(ConsulFleet.class, "fleet views");
  private volatile Known known;

  private Future<String> selfNode;
  private boolean missing;
  private boolean overBound;
  private long tick = -1;
  private boolean closed;

  /**
   * Validates the options, then starts watching on the caller's context (or a new one).
   *
   * @param vertx   the Vert.x instance
   * @param options the agent and how to watch it, copied
   * @param service the service's name
   * @param fleet   the fleet's options
   * @param clock   the clock of {@code at}, {@code heard} and the time to missing
   * @throws IllegalArgumentException as {@link ConsulFleet#create}
   */
  public ConsulFleetImpl(Vertx vertx, ConsulClientOptions options, String service, FleetOptions fleet,
                         Clock clock) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.options = new ConsulClientOptions(Objects.requireNonNull(options, "options"));
    if (service == null || service.isBlank()) {
      throw new IllegalArgumentException("consul.service: must not be blank");
    }
    AgentClient.validate(this.options);
    this.service = service;
    this.maxNodes = fleet.getMaxNodes();
    this.missingAfter = 3 * fleet.getPublishPeriod();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.agent = new AgentClient(vertx, this.options, Math.max(MIN_BODY, maxNodes * BODY_PER_NODE));
    this.known = new Known(List.of(), this.options.getNodeName(), false, null, "no answer from Consul yet");
    this.context = vertx.getOrCreateContext();
    this.watch = new BlockingWatch(vertx, context, this.options, LOG,
      "the last known fleet view of service '" + service + "'", this::round, this::failed,
      () -> "service '" + service + "' has " + known.instances().size() + " instances");
    watch.start();
  }

  @Override
  public FleetView view() {
    Known current = known;
    Instant now = clock.instant();
    FleetMember.State state = isMissing(current, now) ? FleetMember.State.MISSING : FleetMember.State.UP;
    Instant heard = current.faultAt() != null ? current.faultAt() : now;
    List<FleetMember> members = new ArrayList<>(current.instances().size());
    for (NodeStatus status : current.instances()) {
      members.add(new FleetMember(status, heard, state, status.node().equals(current.selfNode())));
    }
    members.sort(ORDER);
    return new FleetView(SOURCE, members, now, current.stale(), current.error());
  }

  private boolean isMissing(Known current, Instant now) {
    return current.faultAt() != null && now.toEpochMilli() - current.faultAt().toEpochMilli() >= missingAfter;
  }

  @Override
  public ConsulFleet addListener(Handler<FleetView> listener) {
    listeners.add(listener);
    return this;
  }

  @Override
  public Future<Void> close() {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      if (!closed) {
        closed = true;
        watch.close();
        stopTick();
        agent.close();
      }
      done.complete();
    });
    return done.future();
  }

  // ---- the watch, on the context

  private Future<Long> round(long requested) {
    return self().compose(name -> agent.healthService(service, requested, options.getWait(), maxNodes, clock))
      .map(health -> {
        answered(health);
        return BlockingIndex.next(requested, health.index());
      });
  }

  /** The local node's name, asked until the agent answers; a failure only means no member is self. */
  private Future<String> self() {
    if (options.getNodeName() != null) {
      return Future.succeededFuture(options.getNodeName());
    }
    if (selfNode == null || selfNode.failed()) {
      selfNode = agent.nodeName();
    }
    return selfNode.otherwiseEmpty();
  }

  private void answered(ServiceHealth health) {
    Known before = known;
    String selfName = selfNode != null && selfNode.succeeded() ? selfNode.result() : before.selfNode();
    known = new Known(health.instances(), selfName, true, null, null);
    stopTick();
    missing = false;
    boolean over = health.listed() > maxNodes;
    if (over && !overBound) {
      LOG.log(Level.WARNING, "Consul lists " + health.listed() + " instances of service '" + service
        + "'; the fleet view keeps the first " + maxNodes + " (maxNodes) by node and service id");
    }
    overBound = over;
    if (before.stale() || !Objects.equals(selfName, before.selfNode()) || changed(before.instances(),
      health.instances())) {
      notifyListeners();
    }
  }

  private static boolean changed(List<NodeStatus> before, List<NodeStatus> after) {
    if (before.size() != after.size()) {
      return true;
    }
    for (int i = 0; i < before.size(); i++) {
      if (!before.get(i).sameAs(after.get(i))) {
        return true;
      }
    }
    return false;
  }

  private void failed(String error) {
    Known before = known;
    if (before.faultAt() != null && error.equals(before.error())) {
      return;
    }
    Instant faultAt = before.faultAt() != null ? before.faultAt() : clock.instant();
    known = new Known(before.instances(), before.selfNode(), before.answered(), faultAt, error);
    if (tick == -1) {
      tick = vertx.setPeriodic(TICK, id -> checkMissing());
    }
    notifyListeners();
  }

  private void checkMissing() {
    boolean now = isMissing(known, clock.instant());
    if (now != missing) {
      missing = now;
      notifyListeners();
    }
  }

  private void stopTick() {
    if (tick != -1) {
      vertx.cancelTimer(tick);
      tick = -1;
    }
  }

  private void notifyListeners() {
    if (!listeners.isEmpty()) { // a view is built only for someone to tell
      listeners.tell(view());
    }
  }
}
