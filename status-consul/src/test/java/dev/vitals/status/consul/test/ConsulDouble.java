package dev.vitals.status.consul.test;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Consul agent's HTTP API as far as status-consul uses it (as Consul's API docs describe it), on port 0: agent
 * self, node and service maintenance with Consul's 400/404 bodies, health/node and health/service (with
 * {@code ?passing}) with real blocking semantics ({@code index}/{@code wait}, {@code X-Consul-Index}, up to wait/16
 * of jitter), the leader, ACL 403s, and fault injection. Service instances may be registered on any node of the
 * catalog; those on the agent's own node can be put in service maintenance through the agent API. It counts requests and requests in flight per endpoint. Thread-safe: tests flip its switches from
 * their own thread. Public, and shipped in status-consul's test jar, so that other modules' tests (the standalone
 * verticle's) run against the same double.
 */
public final class ConsulDouble {

  public static final String NODE_DEFAULT_NOTES =
    "Maintenance mode is enabled for this node, but no reason was provided. This is a default message.";
  public static final String SERVICE_DEFAULT_NOTES =
    "Maintenance mode is enabled for this service, but no reason was provided. This is a default message.";
  public static final String DATACENTER = "dc1";
  public static final String LEADER = "10.0.0.1:8300";

  private static final Pattern GO_DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
  private static final long MAX_WAIT = 600_000;

  private final Vertx vertx;
  private final HttpServerOptions serverOptions;
  private final Router router;
  private final String nodeName;
  private volatile HttpServer server;
  private volatile int port;

  private final Map<String, Map<String, JsonObject>> catalog = new LinkedHashMap<>();
  private final Map<String, String> services = new LinkedHashMap<>();
  /** Service instances by node, then by service id: Consul's {@code Service} objects. */
  private final Map<String, Map<String, JsonObject>> instances = new LinkedHashMap<>();
  private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();
  private long index = 10;

  private volatile String requiredToken;
  private volatile boolean hang;
  private volatile boolean malformedJson;
  private volatile boolean zeroIndex;
  private volatile boolean noLeader;
  private volatile int failStatus;
  private volatile long syncDelay;
  private volatile long watchAnswerDelay;

  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> maxInFlight = new ConcurrentHashMap<>();
  private final List<String> healthQueries = new ArrayList<>();
  private final List<String> serviceQueries = new ArrayList<>();

  private ConsulDouble(Vertx vertx, String nodeName, HttpServerOptions serverOptions) {
    this.vertx = vertx;
    this.nodeName = nodeName;
    this.serverOptions = serverOptions;
    this.router = Router.router(vertx);
    catalog.put(nodeName, newNode(nodeName));
    router.route().handler(this::admit);
    router.get("/v1/agent/self").handler(this::self);
    router.put("/v1/agent/maintenance").handler(this::nodeMaintenance);
    router.put("/v1/agent/service/maintenance/:id").handler(this::serviceMaintenance);
    router.get("/v1/health/node/:node").handler(this::healthNode);
    router.get("/v1/health/service/:service").handler(this::healthService);
    router.get("/v1/status/leader").handler(this::leader);
  }

  /** Starts a plain-HTTP agent of node {@code node-1}. */
  public static Future<ConsulDouble> start(Vertx vertx) {
    return start(vertx, "node-1", new HttpServerOptions());
  }

  /** Starts an agent of the given node with the given server options (TLS). */
  public static Future<ConsulDouble> start(Vertx vertx, String nodeName, HttpServerOptions serverOptions) {
    ConsulDouble consul = new ConsulDouble(vertx, nodeName, serverOptions);
    return consul.listen(0).map(consul);
  }

  private Future<Void> listen(int wanted) {
    return vertx.createHttpServer(serverOptions).requestHandler(router).listen(wanted, "127.0.0.1")
      .map(s -> {
        server = s;
        port = s.actualPort();
        return null;
      });
  }

  public String address() {
    return (serverOptions.isSsl() ? "https" : "http") + "://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public String nodeName() {
    return nodeName;
  }

  // ---- state an operator or the cluster changes ----

  public synchronized void registerService(String id, String name) {
    registerInstance(nodeName, id, name);
  }

  /**
   * Registers an instance of a service on a node (registering the node when new), with one passing check
   * {@code service:<id>} named {@code Service '<name>' check}, as {@code PUT /v1/catalog/register} does.
   */
  public synchronized void registerInstance(String node, String id, String name) {
    JsonObject service = new JsonObject().put("ID", id).put("Service", name).put("Tags", new JsonArray())
      .put("Address", "127.0.0.1").put("Port", 8080 + instances.values().stream().mapToInt(Map::size).sum())
      .put("Meta", new JsonObject()).put("CreateIndex", index + 1).put("ModifyIndex", index + 1);
    JsonObject check = check(node, "service:" + id, "Service '" + name + "' check", "passing", "", id, name, "");
    change(() -> {
      catalog.computeIfAbsent(node, this::newNode).put("service:" + id, check);
      instances.computeIfAbsent(node, n -> new LinkedHashMap<>()).put(id, service);
      if (node.equals(nodeName)) {
        services.put(id, name);
      }
    });
  }

  /**
   * Registers one more check on a node: of an instance ({@code serviceId} of one registered there) or of the node
   * itself ({@code serviceId} empty, which every instance on the node then lists).
   */
  public synchronized void registerCheck(String node, String serviceId, String checkId, String name, String status,
                                         String output) {
    String serviceName = serviceId.isEmpty() ? "" : instances.get(node).get(serviceId).getString("Service");
    JsonObject check = check(node, checkId, name, status, "", serviceId, serviceName, "").put("Output", output);
    change(() -> catalog.get(node).put(checkId, check));
  }

  /** Sets a check's status ({@code passing}, {@code warning}, {@code critical}) and output, as its agent would. */
  public synchronized void checkStatus(String node, String checkId, String status, String output) {
    JsonObject check = catalog.get(node).get(checkId);
    if (check == null) {
      throw new IllegalArgumentException("no check " + checkId + " on " + node);
    }
    change(() -> check.put("Status", status).put("Output", output).put("ModifyIndex", index + 1));
  }

  /** Node maintenance on any node, as that node's agent registers it ({@code consul maint -enable} there). */
  public synchronized void nodeMaintenance(String node, String reason) {
    change(() -> catalog.get(node).put("_node_maintenance", check(node, "_node_maintenance",
      "Node Maintenance Mode", "critical", reason == null ? NODE_DEFAULT_NOTES : reason, "", "", "maintenance")));
  }

  /** Removes an instance and its checks, as {@code PUT /v1/agent/service/deregister/<id>} on its agent does. */
  public synchronized void deregisterInstance(String node, String id) {
    change(() -> {
      instances.getOrDefault(node, new LinkedHashMap<>()).remove(id);
      catalog.get(node).values().removeIf(check -> id.equals(check.getString("ServiceID")));
      if (node.equals(nodeName)) {
        services.remove(id);
      }
    });
  }

  public synchronized void registerNode(String name) {
    change(() -> catalog.put(name, newNode(name)));
  }

  /** A change elsewhere on the node (a check flapping): the index moves, maintenance does not. */
  public synchronized void touch() {
    change(() -> { });
  }

  /** Consul's state reset to a lower index (a snapshot restore): blocked queries answer with it. */
  public synchronized void resetIndex(long lower) {
    index = lower;
    wakeAll();
  }

  public synchronized long index() {
    return index;
  }

  /** Delays the agent's anti-entropy sync of maintenance checks to the catalog by this many ms. */
  public void syncDelay(long ms) {
    syncDelay = ms;
  }

  /**
   * Delivers answers of blocking queries this many ms late, with the data and index of the moment they were
   * answered: the race of a watch answer still on the wire while a switch completes.
   */
  public void delayWatchAnswers(long ms) {
    watchAnswerDelay = ms;
  }

  public void requireToken(String token) {
    requiredToken = token;
  }

  // ---- faults ----

  /** Stops listening: connections are refused until {@link #accept()}; connections open are closed. */
  public Future<Void> refuse() {
    return server.close();
  }

  /** Listens again on the same port. */
  public Future<Void> accept() {
    return listen(port);
  }

  public void hang(boolean on) {
    hang = on;
  }

  public void failWith(int status) {
    failStatus = status;
  }

  public void malformedJson(boolean on) {
    malformedJson = on;
  }

  public void zeroIndex(boolean on) {
    zeroIndex = on;
  }

  public void noLeader(boolean on) {
    noLeader = on;
  }

  public void clearFaults() {
    hang = false;
    failStatus = 0;
    malformedJson = false;
    zeroIndex = false;
    noLeader = false;
    requiredToken = null;
  }

  // ---- what was asked ----

  /** @param endpoint {@code agent/self}, {@code agent/maintenance}, {@code agent/service/maintenance},
   *                  {@code health/node}, {@code health/service} or {@code status/leader} */
  public int requests(String endpoint) {
    return requests.computeIfAbsent(endpoint, k -> new AtomicInteger()).get();
  }

  public int inFlight(String endpoint) {
    return inFlight.computeIfAbsent(endpoint, k -> new AtomicInteger()).get();
  }

  public int maxInFlight(String endpoint) {
    return maxInFlight.computeIfAbsent(endpoint, k -> new AtomicInteger()).get();
  }

  /** Query strings of health/node requests, in order (such as {@code index=12&wait=1s}, or {@code ""}). */
  public synchronized List<String> healthQueries() {
    return new ArrayList<>(healthQueries);
  }

  /** Query strings of health/service requests, in order. */
  public synchronized List<String> serviceQueries() {
    return new ArrayList<>(serviceQueries);
  }

  /** Blocked health queries (node and service) held right now. */
  public int held() {
    return waiters.size();
  }

  public Future<Void> close() {
    return server.close();
  }

  // ---- handlers ----

  private void admit(RoutingContext ctx) {
    String endpoint = endpointOf(ctx.request().path());
    requests.computeIfAbsent(endpoint, k -> new AtomicInteger()).incrementAndGet();
    AtomicInteger current = inFlight.computeIfAbsent(endpoint, k -> new AtomicInteger());
    AtomicInteger max = maxInFlight.computeIfAbsent(endpoint, k -> new AtomicInteger());
    max.accumulateAndGet(current.incrementAndGet(), Math::max);
    AtomicBoolean done = new AtomicBoolean();
    Runnable finished = () -> {
      if (done.compareAndSet(false, true)) {
        current.decrementAndGet();
      }
    };
    ctx.response().endHandler(v -> finished.run());
    ctx.response().closeHandler(v -> {
      finished.run();
      for (Waiter waiter : waiters) {
        if (waiter.ctx == ctx && waiters.remove(waiter)) {
          vertx.cancelTimer(waiter.timer);
        }
      }
    });
    if (hang) {
      return;
    }
    if (failStatus != 0) {
      text(ctx, failStatus, "rpc error making call: unexpected EOF");
      return;
    }
    String token = requiredToken;
    if (token != null && !endpoint.equals("status/leader")) {
      String sent = ctx.request().getHeader("X-Consul-Token");
      String bearer = ctx.request().getHeader("Authorization");
      if (sent == null && bearer != null && bearer.startsWith("Bearer ")) {
        sent = bearer.substring("Bearer ".length());
      }
      if (sent == null) {
        text(ctx, 403, "Permission denied: anonymous token lacks permission on \"" + nodeName + "\"");
        return;
      }
      if (!sent.equals(token)) {
        text(ctx, 403, "ACL not found");
        return;
      }
    }
    ctx.next();
  }

  private void self(RoutingContext ctx) {
    json(ctx, new JsonObject()
      .put("Config", new JsonObject().put("Datacenter", DATACENTER).put("NodeName", nodeName)
        .put("NodeID", "40e4a748-2192-161a-0510-9bf59fe950b5").put("Server", false))
      .put("Member", new JsonObject().put("Name", nodeName).put("Addr", "127.0.0.1").put("Port", 8301)));
  }

  private void nodeMaintenance(RoutingContext ctx) {
    Boolean enable = enableParam(ctx);
    if (enable == null) {
      return;
    }
    String reason = ctx.request().getParam("reason");
    String notes = reason == null || reason.isEmpty() ? NODE_DEFAULT_NOTES : reason;
    switchCheck("_node_maintenance", enable,
      () -> check(nodeName, "_node_maintenance", "Node Maintenance Mode", "critical", notes, "", "", "maintenance"));
    ctx.response().end();
  }

  private void serviceMaintenance(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    String name;
    synchronized (this) {
      name = services.get(id);
    }
    if (name == null) {
      text(ctx, 404, "No service registered with ID \"" + id + "\"");
      return;
    }
    Boolean enable = enableParam(ctx);
    if (enable == null) {
      return;
    }
    String reason = ctx.request().getParam("reason");
    String notes = reason == null || reason.isEmpty() ? SERVICE_DEFAULT_NOTES : reason;
    switchCheck("_service_maintenance:" + id, enable,
      () -> check(nodeName, "_service_maintenance:" + id, "Service Maintenance Mode", "critical", notes, id, name,
        "maintenance"));
    ctx.response().end();
  }

  /** Consul's agent keeps an existing maintenance check (and its notes) when enabled again. */
  private void switchCheck(String checkId, boolean enable, java.util.function.Supplier<JsonObject> check) {
    Runnable sync = () -> {
      synchronized (this) {
        Map<String, JsonObject> checks = catalog.get(nodeName);
        if (enable && !checks.containsKey(checkId)) {
          change(() -> checks.put(checkId, check.get()));
        } else if (!enable && checks.containsKey(checkId)) {
          change(() -> checks.remove(checkId));
        }
      }
    };
    if (syncDelay > 0) {
      vertx.setTimer(syncDelay, id -> sync.run());
    } else {
      sync.run();
    }
  }

  private Boolean enableParam(RoutingContext ctx) {
    List<String> values = ctx.queryParam("enable");
    if (values.isEmpty()) {
      text(ctx, 400, "Missing value for enable");
      return null;
    }
    String raw = values.get(0);
    switch (raw) {
      case "1": case "t": case "T": case "TRUE": case "true": case "True":
        return true;
      case "0": case "f": case "F": case "FALSE": case "false": case "False":
        return false;
      default:
        text(ctx, 400, "Invalid value for enable: \"" + raw + "\"");
        return null;
    }
  }

  private void healthNode(RoutingContext ctx) {
    String node = ctx.pathParam("node");
    blocking(ctx, healthQueries, () -> answerHealth(ctx, node));
  }

  private void healthService(RoutingContext ctx) {
    String service = ctx.pathParam("service");
    boolean passing = ctx.request().params().contains("passing");
    blocking(ctx, serviceQueries, () -> answerService(ctx, service, passing));
  }

  /** Consul's blocking query: answers at once, or when the index moves past the one asked, or after the wait. */
  private void blocking(RoutingContext ctx, List<String> queries, Runnable answer) {
    String dc = ctx.request().getParam("dc");
    if (dc != null && !dc.equals(DATACENTER)) {
      text(ctx, 500, "No path to datacenter");
      return;
    }
    String query = ctx.request().query();
    long wanted;
    long wait;
    try {
      String raw = ctx.request().getParam("index");
      wanted = raw == null ? 0 : Long.parseLong(raw);
    } catch (NumberFormatException e) {
      text(ctx, 400, "Invalid index");
      return;
    }
    String rawWait = ctx.request().getParam("wait");
    wait = rawWait == null ? 300_000 : goDuration(rawWait);
    if (wait < 0) {
      text(ctx, 400, "Invalid wait time");
      return;
    }
    wait = Math.min(wait, MAX_WAIT);
    synchronized (this) {
      queries.add(query == null ? "" : query);
      if (wanted > 0 && wanted >= (zeroIndex ? 0 : index)) {
        Waiter waiter = new Waiter(ctx, answer);
        long jitter = wait / 16 > 0 ? ThreadLocalRandom.current().nextLong(wait / 16) : 0;
        waiter.timer = vertx.setTimer(Math.max(1, wait + jitter), id -> {
          if (waiters.remove(waiter)) {
            waiter.answer.run();
          }
        });
        waiters.add(waiter);
        return;
      }
    }
    answer.run();
  }

  private void answerHealth(RoutingContext ctx, String node) {
    String body;
    long answeredIndex;
    synchronized (this) {
      Map<String, JsonObject> checks = catalog.get(node);
      body = checks == null ? "[]" : new JsonArray(new ArrayList<>(checks.values())).encode();
      answeredIndex = zeroIndex ? 0 : index;
    }
    if (malformedJson) {
      body = "[{\"Node\": \"" + node + "\", \"CheckID\": ";
    }
    sendLate(ctx, body, answeredIndex);
  }

  /** Each instance of the service: its node, its Service object, its node's checks and its own. */
  private void answerService(RoutingContext ctx, String service, boolean passing) {
    JsonArray entries = new JsonArray();
    long answeredIndex;
    synchronized (this) {
      instances.forEach((node, byId) -> byId.values().forEach(instance -> {
        if (!instance.getString("Service").equals(service)) {
          return;
        }
        JsonArray checks = new JsonArray();
        catalog.get(node).values().forEach(check -> {
          String owner = check.getString("ServiceID");
          if (owner.isEmpty() || owner.equals(instance.getString("ID"))) {
            checks.add(check.copy());
          }
        });
        if (passing && checks.stream().anyMatch(c -> !"passing".equals(((JsonObject) c).getString("Status")))) {
          return;
        }
        entries.add(new JsonObject()
          .put("Node", new JsonObject().put("ID", "").put("Node", node).put("Address", "127.0.0.1")
            .put("Datacenter", DATACENTER).put("TaggedAddresses", new JsonObject()).put("Meta", new JsonObject()))
          .put("Service", instance.copy()).put("Checks", checks));
      }));
      answeredIndex = zeroIndex ? 0 : index;
    }
    String body = malformedJson ? "[{\"Node\": {\"Node\": " : entries.encode();
    sendLate(ctx, body, answeredIndex);
  }

  private void sendLate(RoutingContext ctx, String body, long answeredIndex) {
    long delay = watchAnswerDelay;
    if (delay > 0 && ctx.request().getParam("index") != null) {
      String late = body;
      vertx.setTimer(delay, id -> sendHealth(ctx, late, answeredIndex));
    } else {
      sendHealth(ctx, body, answeredIndex);
    }
  }

  private void sendHealth(RoutingContext ctx, String body, long answeredIndex) {
    ctx.response()
      .putHeader("Content-Type", "application/json")
      .putHeader("X-Consul-Index", Long.toString(answeredIndex))
      .putHeader("X-Consul-KnownLeader", Boolean.toString(!noLeader))
      .putHeader("X-Consul-LastContact", "0")
      .end(body);
  }

  private void leader(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/json").end(noLeader ? "\"\"" : "\"" + LEADER + "\"");
  }

  // ---- helpers ----

  /** Runs a catalog mutation under the lock, moves the index and answers every blocked query. */
  private synchronized void change(Runnable mutation) {
    mutation.run();
    index++;
    wakeAll();
  }

  private synchronized void wakeAll() {
    for (Waiter waiter : new ArrayList<>(waiters)) {
      if (waiters.remove(waiter)) {
        vertx.cancelTimer(waiter.timer);
        waiter.answer.run();
      }
    }
  }

  private Map<String, JsonObject> newNode(String name) {
    Map<String, JsonObject> checks = new LinkedHashMap<>();
    checks.put("serfHealth", check(name, "serfHealth", "Serf Health Status", "passing", "", "", "", ""));
    checks.get("serfHealth").put("Output", "Agent alive and reachable");
    return checks;
  }

  private JsonObject check(String node, String id, String name, String status, String notes, String serviceId,
                           String serviceName, String type) {
    return new JsonObject()
      .put("Node", node).put("CheckID", id).put("Name", name).put("Status", status).put("Notes", notes)
      .put("Output", "").put("ServiceID", serviceId).put("ServiceName", serviceName).put("ServiceTags", new JsonArray())
      .put("Type", type).put("Interval", "").put("Timeout", "").put("ExposedPort", 0)
      .put("Definition", new JsonObject()).put("CreateIndex", index + 1).put("ModifyIndex", index + 1);
  }

  private static String endpointOf(String path) {
    String[] known = {"agent/self", "agent/service/maintenance", "agent/maintenance", "health/node", "health/service",
      "status/leader"};
    for (String endpoint : known) {
      if (path.startsWith("/v1/" + endpoint)) {
        return endpoint;
      }
    }
    return path;
  }

  /** Go's time.ParseDuration for the units Consul clients send; -1 when invalid. */
  private static long goDuration(String text) {
    Matcher m = GO_DURATION.matcher(text);
    long total = 0;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        return -1;
      }
      long amount = Long.parseLong(m.group(1));
      switch (m.group(2)) {
        case "ms": total += amount; break;
        case "s": total += amount * 1000; break;
        case "m": total += amount * 60_000; break;
        default: total += amount * 3_600_000; break;
      }
      end = m.end();
    }
    return end == text.length() && end > 0 ? total : -1;
  }

  private static void text(RoutingContext ctx, int status, String body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8").end(body);
  }

  private static void json(RoutingContext ctx, JsonObject body) {
    ctx.response().putHeader("Content-Type", "application/json").end(body.encode());
  }

  private static final class Waiter {
    final RoutingContext ctx;
    final Runnable answer;
    long timer;

    Waiter(RoutingContext ctx, Runnable answer) {
      this.ctx = ctx;
      this.answer = answer;
    }
  }
}
