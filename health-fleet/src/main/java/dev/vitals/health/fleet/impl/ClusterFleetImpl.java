package dev.vitals.health.fleet.impl;

import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.MaintenanceState;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.fleet.ClusterFleet;
import dev.vitals.health.fleet.FleetMember;
import dev.vitals.health.fleet.FleetOptions;
import dev.vitals.health.fleet.FleetView;
import dev.vitals.health.fleet.LocalNode;
import dev.vitals.health.fleet.NodeStatus;
import dev.vitals.health.internal.Listeners;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusterManager;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/** The fleet over a clustered event bus; see {@link ClusterFleet}. */
public final class ClusterFleetImpl implements ClusterFleet {

  /** The least time between two status messages of one instance, in ms: changes within it are sent together. */
  static final long MIN_PUBLISH_INTERVAL = 200;
  /** How often the cluster manager's member list is read, in ms. */
  static final long MEMBERSHIP_PERIOD = 1_000;
  /** The least time between two log lines about dropped messages, in ms. */
  private static final long LOG_INTERVAL = 60_000;
  private static final int MAX_REASON = NodeStatus.MAX_TEXT;
  /** The least time between two log lines about rejected messages of one sender, and of any, in ms. */
  private static final long SENDER_LOG_INTERVAL = 60_000;
  private static final long REJECTED_LOG_INTERVAL = 10_000;

  private static final Logger LOG = Logger.getLogger(ClusterFleet.class.getName());
  private static final Comparator<FleetMember> ORDER = Comparator.comparing((FleetMember m) -> !m.self())
    .thenComparing(m -> m.status().instance()).thenComparing(m -> m.status().node());

  /** What was last heard of another instance; {@code left} is when the cluster manager stopped listing it. */
  private record Heard(NodeStatus status, Instant heard, Instant left) {
  }

  private final Vertx vertx;
  private final ClusterManager clusterManager;
  private final LocalNode local;
  private final MaintenanceSource maintenance;
  private final FleetOptions options;
  private final Clock clock;
  private final String nodeId;
  private final String statusAddress;
  private final Map<String, Heard> nodes = new ConcurrentHashMap<>();
  private final Listeners<FleetView> listeners = new Listeners<>(ClusterFleet.class, "fleet views");
  private final AtomicLong lastDropLog = new AtomicLong(Long.MIN_VALUE / 2);
  /** Signs and checks messages; {@code null} without a secret. */
  private final FleetSignature signature;
  private final AtomicLong rejected = new AtomicLong();
  private final KeyedBurstLog rejectedLog;
  private MessageConsumer<Object> statusConsumer;
  private MessageConsumer<Object> maintenanceConsumer;
  private long publishTimer = -1;
  private long membershipTimer = -1;
  /** Guarded by this: when the last status was sent (ms, by the clock) and whether one is scheduled. */
  private long lastPublished = Long.MIN_VALUE / 2;
  private boolean publishScheduled;
  private boolean forcePending;
  private NodeStatus lastSent;
  private Set<String> members = Set.of();
  private Map<String, FleetMember.State> lastStates = Map.of();
  private volatile boolean closed;

  public ClusterFleetImpl(Vertx vertx, ClusterManager clusterManager, LocalNode local, MaintenanceSource maintenance,
                          FleetOptions options, Clock clock) {
    this.vertx = vertx;
    this.clusterManager = clusterManager;
    this.local = local;
    this.maintenance = maintenance;
    this.options = new FleetOptions(options);
    this.clock = clock;
    this.nodeId = clusterManager.getNodeId();
    this.statusAddress = options.getAddress() + ".status";
    this.signature = options.getSecret() == null ? null : new FleetSignature(options.getSecret(), clock);
    this.rejectedLog = new KeyedBurstLog(LOG, clock, SENDER_LOG_INTERVAL, REJECTED_LOG_INTERVAL);
  }

  public Future<ClusterFleet> start() {
    statusConsumer = vertx.eventBus().consumer(statusAddress, this::heard);
    maintenanceConsumer = vertx.eventBus().consumer(maintenanceAddress(nodeId), this::switchMaintenance);
    local.onChange(v -> publishSoon(false));
    publishTimer = vertx.setPeriodic(options.getPublishPeriod(), id -> {
      publish(true);
      notifyIfStatesChanged();
    });
    membershipTimer = vertx.setPeriodic(MEMBERSHIP_PERIOD, id -> reconcile());
    members = new HashSet<>(clusterManager.getNodes());
    return Future.all(statusConsumer.completion(), maintenanceConsumer.completion())
      .<ClusterFleet>map(done -> {
        publish(true);
        return this;
      })
      .recover(failure -> close().transform(closed -> Future.failedFuture(failure)));
  }

  private String maintenanceAddress(String node) {
    return options.getAddress() + ".maintenance." + node;
  }

  /**
   * What a reply to the maintenance request with that nonce is signed for: a reply cannot be made up by another
   * member that received no request (it would need the secret), nor reused for another request.
   */
  private String replyAddress(String node, String nonce) {
    return maintenanceAddress(node) + "#reply:" + nonce;
  }

  @Override
  public String nodeId() {
    return nodeId;
  }

  @Override
  public long rejectedMessages() {
    return rejected.get();
  }

  /** @return the message as sent to {@code address}: signed when there is a secret */
  private JsonObject sealed(String address, JsonObject message) {
    return signature == null ? message : signature.sign(address, nodeId, message);
  }

  /**
   * @return the message received at {@code address} when it is signed with the secret (or there is none), else
   * {@code null} after counting it and logging it (at most once a minute per sender)
   */
  private Object opened(String address, Object body) {
    if (signature == null) {
      return body;
    }
    FleetSignature.Opened opened = signature.open(address, body);
    if (opened.rejection() == null) {
      return opened.payload();
    }
    rejected(opened.sender(), opened.rejection(), address);
    return null;
  }

  private void rejected(String sender, String why, String address) {
    rejected.incrementAndGet();
    String printable = sender.length() > NodeStatus.MAX_NAME ? sender.substring(0, NodeStatus.MAX_NAME) : sender;
    printable = printable.replaceAll("\\p{Cntrl}", "?");
    String named = printable;
    rejectedLog.log(printable, () -> "Fleet: dropped a message on " + address + " from '" + named + "': " + why
      + " (the fleet's secret signs every message; logged once a minute per sender, once per 10 s in all)");
  }

  // ---- publishing this instance's status

  /**
   * Sends the status now, or once {@link #MIN_PUBLISH_INTERVAL} after the last one: only when it differs from the
   * last one sent, unless {@code force} (a newcomer must hear it).
   */
  private void publishSoon(boolean force) {
    long wait; // -1: one is scheduled already
    synchronized (this) {
      if (closed) {
        return;
      }
      forcePending |= force;
      if (publishScheduled) {
        wait = -1;
      } else {
        wait = lastPublished + MIN_PUBLISH_INTERVAL - clock.millis();
        publishScheduled = wait > 0;
      }
    }
    if (wait == -1) {
      return; // a publish is scheduled: it sends what is current then
    }
    if (wait > 0) {
      vertx.setTimer(wait, id -> {
        synchronized (this) {
          publishScheduled = false;
        }
        publishPending();
      });
    } else {
      publishPending();
    }
  }

  private void publishPending() {
    boolean force;
    synchronized (this) {
      force = forcePending;
      forcePending = false;
    }
    publish(force);
  }

  /** Sends this instance's status when it changed since the last one sent, or always when {@code always}. */
  private void publish(boolean always) {
    NodeStatus status = local.status(nodeId);
    boolean changed;
    synchronized (this) {
      if (closed) {
        return;
      }
      changed = !status.sameAs(lastSent);
      if (!changed && !always) {
        return;
      }
      lastSent = status;
      lastPublished = clock.millis();
    }
    vertx.eventBus().publish(statusAddress, sealed(statusAddress, status.toJson()));
    if (changed) {
      notifyListeners(); // this instance's own entry changed
    }
  }

  // ---- hearing other instances

  private void heard(Message<Object> message) {
    Object opened = opened(statusAddress, message.body());
    if (opened == null) {
      return;
    }
    if (!(opened instanceof JsonObject body)) {
      dropped("a status that is not a JSON object");
      return;
    }
    NodeStatus status;
    try {
      status = NodeStatus.fromJson(body);
    } catch (IllegalArgumentException e) {
      dropped("an invalid status (" + e.getMessage() + ")");
      return;
    }
    if (status.node().equals(nodeId)) {
      return; // our own, kept from memory
    }
    if (signature != null && !status.node().equals(((JsonObject) message.body()).getString("sender"))) {
      rejected(((JsonObject) message.body()).getString("sender"), "a status of another node (" + status.node() + ")",
        statusAddress);
      return;
    }
    Heard before = nodes.get(status.node());
    if (before != null && before.left() != null) {
      if (!members.contains(status.node())) {
        return; // a late message from an instance that left
      }
      before = null; // it left and came back (a merged cluster keeps its node ids): heard of anew
    }
    if (before == null && nodes.size() + 1 >= options.getMaxNodes()) { // this instance counts too
      dropped("a status from a new instance: the view holds " + options.getMaxNodes() + " (maxNodes)");
      return;
    }
    nodes.put(status.node(), new Heard(status, clock.instant(), null));
    if (before == null) {
      publishSoon(true); // a newcomer (its consumer is registered: it published) hears of this instance at once
      notifyListeners();
    } else if (!before.status().sameAs(status) || stateOf(before, clock.instant()) != FleetMember.State.UP) {
      notifyListeners();
    }
  }

  private void dropped(String what) {
    long now = clock.millis();
    long last = lastDropLog.get();
    if (now - last >= LOG_INTERVAL && lastDropLog.compareAndSet(last, now)) {
      LOG.warning(() -> "Fleet: dropped " + what + " on " + statusAddress + " (logged once a minute)");
    }
  }

  /** Marks instances the cluster manager no longer lists as left, forgets old ones, greets new members. */
  private void reconcile() {
    if (closed) {
      return;
    }
    Set<String> now = new HashSet<>(clusterManager.getNodes());
    Instant at = clock.instant();
    boolean changed = false;
    for (Map.Entry<String, Heard> entry : nodes.entrySet()) {
      Heard heard = entry.getValue();
      if (heard.left() == null && !now.contains(entry.getKey())) {
        nodes.put(entry.getKey(), new Heard(heard.status(), heard.heard(), at));
        changed = true;
      } else if (heard.left() != null && now.contains(entry.getKey())) {
        // Listed again (a split cluster merged back): missing until its next status, up then.
        nodes.put(entry.getKey(), new Heard(heard.status(), heard.heard(), null));
        changed = true;
      } else if (heard.left() != null && at.toEpochMilli() - heard.left().toEpochMilli() > 3 * options.getPublishPeriod()) {
        nodes.remove(entry.getKey());
        changed = true;
      }
    }
    boolean joined = !members.containsAll(now);
    members = now; // read by heard() on the same context
    if (joined) {
      publish(true); // a newcomer hears of this instance at once, not a publish period later
    }
    if (changed) {
      notifyListeners();
    } else {
      notifyIfStatesChanged();
    }
  }

  private FleetMember.State stateOf(Heard heard, Instant now) {
    if (heard.left() != null) {
      return FleetMember.State.LEFT;
    }
    return now.toEpochMilli() - heard.heard().toEpochMilli() > 3 * options.getPublishPeriod()
      ? FleetMember.State.MISSING : FleetMember.State.UP;
  }

  @Override
  public FleetView view() {
    Instant now = clock.instant();
    List<FleetMember> members = new ArrayList<>(nodes.size() + 1);
    members.add(new FleetMember(local.status(nodeId), now, FleetMember.State.UP, true));
    nodes.values().forEach(heard -> members.add(new FleetMember(heard.status(), heard.heard(), stateOf(heard, now),
      false)));
    members.sort(ORDER);
    return new FleetView("cluster", members, now, false, null);
  }

  private void notifyIfStatesChanged() {
    Instant now = clock.instant();
    Map<String, FleetMember.State> states = new HashMap<>();
    nodes.forEach((node, heard) -> states.put(node, stateOf(heard, now)));
    boolean changed;
    synchronized (this) {
      changed = !states.equals(lastStates);
      lastStates = states;
    }
    if (changed) {
      notifyListeners();
    }
  }

  private void notifyListeners() {
    if (!listeners.isEmpty()) { // a view is built only for someone to tell
      listeners.tell(view());
    }
  }

  @Override
  public ClusterFleet addListener(Handler<FleetView> listener) {
    listeners.add(listener);
    return this;
  }

  // ---- fleet maintenance

  private void switchMaintenance(Message<Object> message) {
    Object opened = opened(maintenanceAddress(nodeId), message.body());
    if (opened == null) {
      message.fail(403, "not signed with the fleet's secret");
      return;
    }
    if (!(opened instanceof JsonObject body) || !(body.getValue("enable") instanceof Boolean enable)
      || (body.getValue("reason") != null && !(body.getValue("reason") instanceof String))) {
      message.fail(400, "expected {\"enable\": true|false, \"reason\": \"...\"}");
      return;
    }
    String reason = body.getString("reason");
    if (reason != null && reason.length() > MAX_REASON) {
      reason = reason.substring(0, MAX_REASON);
    }
    Future<MaintenanceState> switched = enable ? maintenance.enable(reason) : maintenance.disable();
    String replyAddress = signature == null ? null : replyAddress(nodeId, ((JsonObject) message.body()).getString("nonce"));
    switched.onComplete(ar -> {
      if (ar.succeeded()) {
        message.reply(replyAddress == null ? stateJson(ar.result()) : sealed(replyAddress, stateJson(ar.result())));
      } else {
        message.fail(500, ProcedureResult.describe(ar.cause()));
      }
    });
  }

  private static JsonObject stateJson(MaintenanceState state) {
    return new JsonObject().put("status", state.status().wireName()).put("reason", state.reason());
  }

  @Override
  public Future<JsonObject> enable(String reason) {
    return switchFleet(new JsonObject().put("enable", true).put("reason", reason), "maintenance", reason);
  }

  @Override
  public Future<JsonObject> disable() {
    return switchFleet(new JsonObject().put("enable", false), "ok", null);
  }

  /** Asks every member (this one directly) to switch, and lists each one's answer. */
  private Future<JsonObject> switchFleet(JsonObject request, String status, String reason) {
    // This fleet's members: this instance and those heard of on this address, not other Vert.x nodes of the cluster.
    List<String> targets = new ArrayList<>();
    targets.add(nodeId);
    nodes.forEach((node, heard) -> {
      if (heard.left() == null) {
        targets.add(node);
      }
    });
    DeliveryOptions delivery = new DeliveryOptions().setSendTimeout(options.getMaintenanceTimeout());
    List<Future<JsonObject>> answers = new ArrayList<>();
    for (String node : targets) {
      Future<JsonObject> answer = node.equals(nodeId)
        ? (request.getBoolean("enable") ? maintenance.enable(reason) : maintenance.disable()).map(ClusterFleetImpl::stateJson)
        : requestSwitch(node, request, delivery);
      answers.add(answer.map(json -> json.copy().put("node", node))
        .otherwise(failure -> new JsonObject().put("node", node).put("error", ProcedureResult.describe(failure))));
    }
    return Future.join(answers).transform(done -> {
      JsonArray nodesJson = new JsonArray();
      int reached = 0;
      for (Future<JsonObject> answer : answers) {
        JsonObject json = answer.result();
        Heard heard = nodes.get(json.getString("node"));
        json.put("instance", json.getString("node").equals(nodeId) ? local.status(nodeId).instance()
          : heard == null ? "" : heard.status().instance());
        if (!json.containsKey("error")) {
          reached++;
        }
        nodesJson.add(json);
      }
      return Future.succeededFuture(new JsonObject().put("scope", "fleet").put("status", status).put("reason", reason)
        .put("reached", reached).put("total", answers.size()).put("nodes", nodesJson));
    });
  }

  /** Asks another instance to switch; its answer must be signed for this request when there is a secret. */
  private Future<JsonObject> requestSwitch(String node, JsonObject request, DeliveryOptions delivery) {
    JsonObject sealed = sealed(maintenanceAddress(node), request);
    return vertx.eventBus().request(maintenanceAddress(node), sealed, delivery).map(reply -> {
      if (signature == null) {
        return (JsonObject) reply.body();
      }
      String address = replyAddress(node, sealed.getString("nonce"));
      if (!(opened(address, reply.body()) instanceof JsonObject answer)) {
        throw new IllegalStateException("the answer was not signed with the fleet's secret for this request");
      }
      return answer;
    });
  }

  @Override
  public Future<Void> close() {
    closed = true;
    vertx.cancelTimer(publishTimer);
    vertx.cancelTimer(membershipTimer);
    List<Future<Void>> done = new ArrayList<>();
    if (statusConsumer != null) {
      done.add(statusConsumer.unregister());
    }
    if (maintenanceConsumer != null) {
      done.add(maintenanceConsumer.unregister());
    }
    return Future.join(done).mapEmpty();
  }
}
