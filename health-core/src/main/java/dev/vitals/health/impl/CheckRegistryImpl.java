package dev.vitals.health.impl;

import dev.vitals.health.BlockingCheck;
import dev.vitals.health.Check;
import dev.vitals.health.CheckHistory;
import dev.vitals.health.CheckObserver;
import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckRegistryOptions;
import dev.vitals.health.CheckReport;
import dev.vitals.health.HealthReport;
import dev.vitals.health.HealthStatus;
import dev.vitals.health.HistoryOptions;
import dev.vitals.health.StatusChange;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.internal.Listeners;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.CheckResult;
import io.vertx.ext.healthchecks.Status;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

public final class CheckRegistryImpl implements CheckRegistry {

  private final Vertx vertx;
  private final Clock clock;
  private final int blockingPoolSize;
  private final HistoryOptions history;
  /** Null when history is off. */
  private final HistoryKeeper keeper;

  /** Versions come from one counter for every registry, so that no two registries hand out the same one. */
  private static final AtomicLong VERSIONS = new AtomicLong();

  private final Listeners<StatusChange> listeners = new Listeners<>(CheckRegistry.class, "status changes");
  private final List<CheckObserver> observers = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** Moves whenever a run stores a result or a check is registered or unregistered: see {@link #isCurrent}. */
  private volatile long version = VERSIONS.incrementAndGet();

  // Copy-on-write: requests read the snapshot without locking; registration is rare.
  private volatile Map<String, CachedCheck> checks = Map.of();
  private final NameTree tree = new NameTree();
  private WorkerExecutor blockingPool;
  private BlockingRunner blockingRunner;

  public CheckRegistryImpl(Vertx vertx, CheckRegistryOptions options) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(options, "options");
    this.clock = options.getClock();
    this.blockingPoolSize = options.getBlockingPoolSize();
    this.history = new HistoryOptions(options.getHistory());
    this.keeper = history.isEnabled() ? new HistoryKeeper(vertx, clock, history, options.getHistoryStore(),
      () -> checks.values(), name -> checks.get(name)) : null;
  }

  @Override
  public CheckRegistry register(CheckOptions options, Check check) {
    Objects.requireNonNull(check, "check");
    return add(options, check::run);
  }

  @Override
  public CheckRegistry registerBlocking(CheckOptions options, BlockingCheck check) {
    Objects.requireNonNull(check, "check");
    BlockingRunner runner = blockingRunner();
    long timeout = options.getTimeout();
    return add(options, () -> runner.run(check, timeout));
  }

  @Override
  public CheckRegistry register(String name, Handler<Promise<Status>> procedure) {
    return register(name, VERTX_DEFAULT_TIMEOUT, procedure);
  }

  @Override
  public CheckRegistry register(String name, long timeout, Handler<Promise<Status>> procedure) {
    Objects.requireNonNull(procedure, "procedure");
    CheckOptions options = new CheckOptions(name).setTimeout(timeout);
    return add(options, () -> {
      Promise<Status> promise = Promise.promise();
      procedure.handle(promise);
      return promise.future().compose(CheckRegistryImpl::fromStatus);
    });
  }

  /**
   * vertx-health-check semantics: completing with no status means UP; a status marked procedure-in-error is
   * kept whole for the vertx-health-check view.
   */
  private static Future<ProcedureResult> fromStatus(Status status) {
    if (status == null) {
      return Future.succeededFuture(ProcedureResult.pass());
    }
    if (status.isProcedureInError()) {
      return Future.failedFuture(new StatusInError(status));
    }
    JsonObject data = status.getData() == null || status.getData().isEmpty() ? null : status.getData();
    ProcedureResult result = status.isOk() ? ProcedureResult.pass() : ProcedureResult.fail("reported DOWN");
    return Future.succeededFuture(result.withData(data));
  }

  private synchronized CheckRegistry add(CheckOptions given, Supplier<Future<ProcedureResult>> procedure) {
    Objects.requireNonNull(given, "options");
    CheckOptions options = new CheckOptions(given);
    String name = options.getName();
    if (name == null) {
      throw new IllegalArgumentException("name: a check needs a name");
    }
    for (String existing : checks.keySet()) {
      if (existing.equals(name)) {
        throw new IllegalArgumentException("name: a check named '" + name + "' is already registered");
      }
      if (existing.startsWith(name + "/")) {
        throw new IllegalArgumentException("name: '" + name + "' is a group (it holds '" + existing + "')");
      }
      if (name.startsWith(existing + "/")) {
        throw new IllegalArgumentException("name: '" + existing + "' is a check, it cannot hold '" + name + "'");
      }
    }
    requireDependencies(name, options.getDependsOn());
    Supplier<Future<ProcedureResult>> run = options.getDependsOn().isEmpty() ? procedure
      : () -> unlessBlocked(options.getDependsOn(), procedure);
    CachedCheck entry = new CachedCheck(this, options, run);
    Map<String, CachedCheck> next = new LinkedHashMap<>(checks);
    next.put(name, entry);
    checks = next;
    tree.add(name);
    stored();
    if (keeper != null) {
      keeper.registered(entry);
    }
    for (CheckObserver observer : observers) {
      observe(() -> observer.registered(new CheckOptions(options)));
    }
    entry.startPeriodicRefresh();
    return this;
  }

  /**
   * Every dependency is a registered check, and none leads back to {@code name} through the dependencies of the
   * checks registered (a check that was unregistered and registered again could close a cycle).
   */
  private void requireDependencies(String name, List<String> dependsOn) {
    for (String dependency : dependsOn) {
      if (dependency.equals(name)) {
        throw new IllegalArgumentException("dependsOn: '" + name + "' cannot depend on itself");
      }
      if (!checks.containsKey(dependency)) {
        throw new IllegalArgumentException("dependsOn: '" + name + "' depends on '" + dependency
          + "', which is not a registered check (register it first)");
      }
      List<String> path = pathTo(name, dependency, new ArrayList<>());
      if (path != null) {
        throw new IllegalArgumentException("dependsOn: '" + name + "' -> '" + String.join("' -> '", path)
          + "' is a cycle");
      }
    }
  }

  /** @return the dependency path from {@code from} to {@code target}, {@code from} first, or {@code null} */
  private List<String> pathTo(String target, String from, List<String> seen) {
    if (from.equals(target)) {
      return new ArrayList<>(List.of(from));
    }
    CachedCheck entry = checks.get(from);
    if (entry == null || seen.contains(from)) {
      return null;
    }
    seen.add(from);
    for (String next : entry.options().getDependsOn()) {
      List<String> path = pathTo(target, next, seen);
      if (path != null) {
        path.add(0, from);
        return path;
      }
    }
    return null;
  }

  /**
   * Gets the dependencies' results (cached, or run once for all who wait) and runs the procedure only when none of
   * them fails; else the result is the first failing dependency's, as {@code blocked by <name>: <output>}.
   */
  private Future<ProcedureResult> unlessBlocked(List<String> dependsOn, Supplier<Future<ProcedureResult>> procedure) {
    Map<String, CachedCheck> snapshot = checks;
    List<Future<CheckReport>> results = new ArrayList<>(dependsOn.size());
    for (String dependency : dependsOn) {
      CachedCheck entry = snapshot.get(dependency);
      results.add(entry == null ? Future.succeededFuture() : entry.get());
    }
    return Future.join(results).transform(joined -> {
      for (int i = 0; i < results.size(); i++) {
        String dependency = dependsOn.get(i);
        CheckReport report = results.get(i).succeeded() ? results.get(i).result() : null;
        if (report == null) {
          return Future.succeededFuture(ProcedureResult.fail("blocked by " + dependency + ": not registered")
            .withData(new JsonObject().put("blockedBy", new JsonArray().add(dependency))));
        }
        if (report.status() == HealthStatus.FAIL) {
          JsonArray chain = new JsonArray().add(dependency);
          JsonArray further = report.data() == null ? null : report.data().getJsonArray("blockedBy");
          if (further != null) {
            chain.addAll(further);
          }
          return Future.succeededFuture(ProcedureResult.fail("blocked by " + dependency + ": " + report.output())
            .withData(new JsonObject().put("blockedBy", chain)));
        }
      }
      return procedure.get();
    });
  }

  private synchronized BlockingRunner blockingRunner() {
    if (blockingPool == null) {
      blockingPool = vertx.createSharedWorkerExecutor(CheckRegistryOptions.BLOCKING_POOL_NAME, blockingPoolSize);
      blockingRunner = new BlockingRunner(vertx, blockingPool, blockingPoolSize);
    }
    return blockingRunner;
  }

  @Override
  public CheckRegistry addListener(Handler<StatusChange> listener) {
    listeners.add(listener);
    return this;
  }

  @Override
  public synchronized CheckRegistry addObserver(CheckObserver observer) {
    Objects.requireNonNull(observer, "observer");
    for (CachedCheck entry : checks.values()) {
      observe(() -> observer.registered(new CheckOptions(entry.options())));
    }
    observers.add(observer);
    return this;
  }

  /** A run stored its result: tell the observers, outside any lock. */
  void ran(CheckReport result, HealthStatus outcome) {
    for (CheckObserver observer : observers) {
      observe(() -> observer.ran(result, outcome));
    }
  }

  private void unregistered(String name) {
    for (CheckObserver observer : observers) {
      observe(() -> observer.unregistered(name));
    }
  }

  private static void observe(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      // An observer's fault must not break a registration or a run; it is the observer's to log.
    }
  }

  @Override
  public CheckReport latest(String name) {
    CachedCheck entry = checks.get(Objects.requireNonNull(name, "name"));
    return entry == null ? null : entry.current();
  }

  @Override
  public List<CheckReport> latest(Predicate<CheckOptions> filter) {
    Objects.requireNonNull(filter, "filter");
    List<CheckReport> latest = new ArrayList<>();
    for (CachedCheck entry : checks.values()) {
      CheckReport current = filter.test(entry.options()) ? entry.current() : null;
      if (current != null) {
        latest.add(current);
      }
    }
    return latest;
  }

  Vertx vertx() {
    return vertx;
  }

  Clock clock() {
    return clock;
  }

  HistoryOptions historyOptions() {
    return history;
  }

  /**
   * A check started or stopped flapping: one change of kind flapping stands for the changes of its status in
   * between (and of the overall outcome they cause).
   */
  void flapping(CheckReport report, boolean start, double percent) {
    String status = report.status().wireName();
    String output = String.format(java.util.Locale.ROOT, start
        ? "state changed in %.1f %% of the last %d results (flapping from %.1f %%)"
        : "state changed in %.1f %% of the last %d results (stable below %.1f %%)", percent,
      HistoryOptions.FLAP_WINDOW, start ? history.getFlapHighThreshold() : history.getFlapLowThreshold());
    listeners.tell(new StatusChange(StatusChange.Kind.FLAPPING, report.name(), start ? status : "flapping",
      start ? "flapping" : status, output, Instant.ofEpochMilli(report.timestamp())));
  }

  @Override
  public Map<String, CheckHistory> history() {
    long now = clock.millis();
    Map<String, CheckHistory> all = new LinkedHashMap<>();
    for (CachedCheck entry : checks.values()) {
      CheckHistory past = entry.history(now);
      if (past != null) {
        all.put(entry.name(), past);
      }
    }
    return all;
  }

  @Override
  public CheckHistory history(String name) {
    CachedCheck entry = checks.get(CheckRegistry.normalizeName(Objects.requireNonNull(name, "name")));
    return entry == null ? null : entry.history(clock.millis());
  }

  @Override
  public CheckRegistry maintenance(dev.vitals.health.MaintenanceSource source) {
    if (keeper != null) {
      keeper.follow(source);
    }
    return this;
  }

  @Override
  public Future<Void> historyLoaded() {
    return keeper == null ? Future.succeededFuture() : keeper.loaded();
  }

  @Override
  public dev.vitals.health.HistoryRecording historyRecording() {
    return keeper == null ? new dev.vitals.health.HistoryRecording(history.getInstance(), true, 0, null, null, 0, 0, 0)
      : keeper.recording();
  }

  HistoryKeeper historyKeeper() {
    return keeper;
  }

  @Override
  public Future<Void> flushHistory() {
    return keeper == null ? Future.succeededFuture() : keeper.flush();
  }

  /** A run stored a result, or the set of checks changed: reports made before are no longer current. */
  void stored() {
    version = VERSIONS.incrementAndGet();
  }

  /** A check's status changed: tell the listeners, then see whether the overall outcome changed with it. */
  void changed(CheckReport previous, CheckReport next) {
    Instant at = Instant.ofEpochMilli(next.timestamp());
    listeners.tell(new StatusChange(StatusChange.Kind.CHECK, next.name(),
      previous == null ? null : previous.status().wireName(), next.status().wireName(), next.output(), at));
    // The overall outcome before is the one with this check's previous result (or without it, if it had none).
    List<CheckReport> after = new ArrayList<>();
    List<CheckReport> before = new ArrayList<>();
    for (CachedCheck entry : checks.values()) {
      CheckReport report = entry.name().equals(next.name()) ? next : entry.current();
      if (report != null) {
        after.add(report);
      }
      CheckReport earlier = entry.name().equals(next.name()) ? previous : report;
      if (earlier != null) {
        before.add(earlier);
      }
    }
    HealthStatus was = HealthReport.overall(before);
    HealthStatus now = HealthReport.overall(after);
    if (now != was) {
      StringBuilder failing = new StringBuilder();
      for (CheckReport report : after) {
        if (report.status() != HealthStatus.PASS) {
          failing.append(failing.length() == 0 ? "" : ", ").append(report.name()).append(": ").append(report.output());
        }
      }
      listeners.tell(new StatusChange(StatusChange.Kind.OVERALL, "overall", was.wireName(), now.wireName(),
        failing.toString(), at));
    }
  }

  @Override
  public synchronized CheckRegistry unregister(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("The name must not be empty"); // vertx-health-check's message
    }
    String key = CheckRegistry.normalizeName(name);
    Map<String, CachedCheck> next = new LinkedHashMap<>(checks);
    List<String> removed = new ArrayList<>();
    next.values().removeIf(entry -> {
      boolean match = !key.isEmpty() && (entry.name().equals(key) || entry.name().startsWith(key + "/"));
      if (match) {
        entry.close();
        removed.add(entry.name());
      }
      return match;
    });
    if (keeper != null) {
      checks.values().stream().filter(entry -> removed.contains(entry.name())).forEach(keeper::unregistered);
    }
    checks = next;
    if (!key.isEmpty()) {
      tree.remove(key);
    }
    stored();
    removed.forEach(this::unregistered);
    return this;
  }

  @Override
  public List<CheckOptions> checks() {
    List<CheckOptions> list = new ArrayList<>();
    for (CachedCheck entry : checks.values()) {
      list.add(new CheckOptions(entry.options()));
    }
    return list;
  }

  @Override
  public boolean isCurrent(HealthReport report) {
    return report.version() == version && clock.millis() < report.freshUntil();
  }

  @Override
  public Future<HealthReport> report() {
    return collect(new ArrayList<>(checks.values()));
  }

  @Override
  public Future<HealthReport> report(String name) {
    String key = CheckRegistry.normalizeName(Objects.requireNonNull(name, "name"));
    if (key.isEmpty()) {
      return report();
    }
    CachedCheck exact = checks.get(key);
    if (exact != null) { // a check by its own name answers by its own status; criticality weighs in groups only
      return collect(List.of(exact)).map(HealthReport::ofOneCheck);
    }
    List<CachedCheck> selected = group(key);
    if (selected.isEmpty()) {
      switch (tree.kind(key)) {
        case GROUP: // emptied by unregistering: it stays, as in vertx-health-check
          return collect(selected);
        case BELOW_LEAF:
          return Future.failedFuture(new IllegalArgumentException(
            "'" + tree.segmentBelowLeaf(key) + "' is not a composite"));
        default:
          return Future.failedFuture(new NoSuchElementException("Check not found: " + name));
      }
    }
    return collect(selected);
  }

  @Override
  public Future<HealthReport> report(Predicate<CheckOptions> filter) {
    Objects.requireNonNull(filter, "filter");
    List<CachedCheck> selected = new ArrayList<>();
    for (CachedCheck entry : checks.values()) {
      if (filter.test(entry.options())) {
        selected.add(entry);
      }
    }
    return collect(selected);
  }

  private List<CachedCheck> group(String key) {
    List<CachedCheck> group = new ArrayList<>();
    String prefix = key + "/";
    for (CachedCheck entry : checks.values()) {
      if (entry.name().startsWith(prefix)) {
        group.add(entry);
      }
    }
    return group;
  }

  private Future<HealthReport> collect(List<CachedCheck> selected) {
    long seen = version; // read before the results: a result stored meanwhile makes the report not current
    long now = clock.millis();
    // The warm path: every result can be had from the cache at once, without a future per check.
    CheckReport[] ready = new CheckReport[selected.size()];
    long freshUntil = Long.MAX_VALUE;
    int i = 0;
    for (; i < ready.length; i++) {
      CachedCheck entry = selected.get(i);
      ready[i] = entry.ready(now);
      if (ready[i] == null) {
        break;
      }
      freshUntil = Math.min(freshUntil, entry.freshUntil(ready[i]));
    }
    if (i == ready.length) {
      return Future.succeededFuture(new HealthReport(java.util.Arrays.asList(ready), now, seen, freshUntil));
    }
    List<Future<CheckReport>> results = new ArrayList<>(selected.size());
    for (int j = 0; j < ready.length; j++) {
      results.add(j < i ? Future.succeededFuture(ready[j]) : selected.get(j).get(now));
    }
    Context caller = Vertx.currentContext();
    Promise<HealthReport> promise = Promise.promise();
    Future.join(results).onComplete(ar -> {
      HealthReport report = assemble(selected, results);
      if (caller == null || Vertx.currentContext() == caller) {
        promise.complete(report);
      } else {
        caller.runOnContext(v -> promise.complete(report));
      }
    });
    return promise.future();
  }

  /**
   * The report of runs a request waited for. It is current only if every result is still the one its check
   * holds once they are all in (a later run may have stored another meanwhile).
   */
  private HealthReport assemble(List<CachedCheck> selected, List<Future<CheckReport>> results) {
    long seen = version;
    List<CheckReport> reports = new ArrayList<>(results.size());
    long freshUntil = Long.MAX_VALUE;
    for (int i = 0; i < results.size(); i++) {
      CheckReport report = results.get(i).result();
      CachedCheck entry = selected.get(i);
      reports.add(report);
      freshUntil = Math.min(freshUntil, entry.holds(report) ? entry.freshUntil(report) : Long.MIN_VALUE);
    }
    return new HealthReport(reports, clock.millis(), seen, freshUntil);
  }

  @Override
  public CheckRegistry invoke(Handler<JsonObject> resultHandler) {
    checkStatus().onComplete(ar -> resultHandler.handle(ar.succeeded() ? ar.result().toJson() : null));
    return this;
  }

  @Override
  public Future<JsonObject> invoke(String name) {
    return checkStatus(name).map(CheckResult::toJson);
  }

  @Override
  public Future<CheckResult> checkStatus() {
    return report().map(report -> tree.toCheckResult(report.checks(), ""));
  }

  @Override
  public Future<CheckResult> checkStatus(String name) {
    String key = CheckRegistry.normalizeName(name == null ? "" : name);
    return report(key).map(report -> tree.toCheckResult(report.checks(), key));
  }

  @Override
  public Future<Void> close() {
    Map<String, CachedCheck> all;
    WorkerExecutor pool;
    synchronized (this) {
      all = checks;
      checks = Map.of();
      pool = blockingPool;
      blockingPool = null;
      stored();
      all.keySet().forEach(this::unregistered);
    }
    all.values().forEach(CachedCheck::close);
    Future<Void> history = keeper == null ? Future.succeededFuture() : keeper.close(all.values());
    Future<Void> closed = pool == null ? Future.succeededFuture() : pool.close();
    return Future.all(history, closed).mapEmpty();
  }
}
