package dev.vitals.health.metrics.impl;

import dev.vitals.health.fleet.FleetMember;
import dev.vitals.health.fleet.FleetSource;
import dev.vitals.health.fleet.Quorum;
import dev.vitals.health.CheckObserver;
import dev.vitals.health.CheckHistory;
import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckReport;
import dev.vitals.health.HealthStatus;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.PassiveChecks;
import dev.vitals.health.metrics.VitalsMetrics;
import dev.vitals.health.web.probes.HealthHandler;
import dev.vitals.health.web.webhook.WebhookNotifier;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The binder. Registration events arrive in order under the registry's lock and are handled under this binder's;
 * runs and status changes read the meters of their check from a copy-on-write list, without locking.
 */
public final class VitalsMetricsImpl implements VitalsMetrics, CheckObserver {

  private static final String CHECK = "check";
  private static final String STATUS = "status";
  private static final Map<HealthStatus, Tag> STATUS_TAGS = new EnumMap<>(HealthStatus.class);

  static {
    for (HealthStatus status : HealthStatus.values()) {
      STATUS_TAGS.put(status, Tag.of(STATUS, status.wireName()));
    }
  }

  private final CheckRegistry registry;
  private final Clock clock;
  private MaintenanceSource maintenance;
  private PassiveChecks passive;
  private FleetSource fleet;
  private Quorum quorum;
  private HealthHandler probes;
  private final List<WebhookNotifier> webhooks = new CopyOnWriteArrayList<>();

  private final List<MeterRegistry> bound = new CopyOnWriteArrayList<>();
  /** The meters of every registered check, one entry per registry bound. Guarded by this for writes. */
  private volatile Map<String, List<CheckMeters>> checks = Map.of();
  /** The meters that are not a check's: maintenance, probes, webhooks. */
  private final List<Meter> shared = new CopyOnWriteArrayList<>();
  private boolean observing;
  private boolean closed;

  /** One check's meters in one registry. */
  private record CheckMeters(MeterRegistry registry, Timer duration, Map<HealthStatus, Counter> runs,
                             Counter changes, List<Meter> all) {
  }

  public VitalsMetricsImpl(CheckRegistry registry, Clock clock) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized VitalsMetrics maintenance(MaintenanceSource source) {
    unbound();
    this.maintenance = Objects.requireNonNull(source, "source");
    return this;
  }

  @Override
  public synchronized VitalsMetrics passive(PassiveChecks passive) {
    unbound();
    this.passive = Objects.requireNonNull(passive, "passive");
    return this;
  }

  @Override
  public synchronized VitalsMetrics probes(HealthHandler handler) {
    unbound();
    this.probes = Objects.requireNonNull(handler, "handler");
    return this;
  }

  @Override
  public synchronized VitalsMetrics webhook(WebhookNotifier notifier) {
    unbound();
    webhooks.add(Objects.requireNonNull(notifier, "notifier"));
    return this;
  }

  @Override
  public synchronized VitalsMetrics fleet(FleetSource source, Quorum quorum) {
    unbound();
    this.fleet = Objects.requireNonNull(source, "source");
    this.quorum = Objects.requireNonNull(quorum, "quorum");
    return this;
  }

  private void unbound() {
    if (!bound.isEmpty()) {
      throw new IllegalStateException("already bound: configure the sources before bindTo");
    }
  }

  @Override
  public void bindTo(MeterRegistry meters) {
    Objects.requireNonNull(meters, "registry");
    boolean first;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("closed");
      }
      bound.add(meters);
      bindShared(meters);
      first = !observing;
      observing = true;
      if (!first) {
        for (CheckOptions check : registry.checks()) {
          add(check.getName(), meters);
        }
      }
    }
    if (first) {
      // Replays the checks registered so far (for this first registry), then follows registrations and runs.
      registry.addObserver(this);
    }
  }

  private void bindShared(MeterRegistry meters) {
    if (maintenance != null) {
      MaintenanceSource source = maintenance;
      shared.add(gauge(meters, "vitals.maintenance", "1 while in maintenance, else 0", null,
        () -> source.state().inMaintenance() ? 1 : 0));
      shared.add(gauge(meters, "vitals.maintenance.stale",
        "1 while the maintenance source cannot be reached and its last known state is shown, else 0", null,
        () -> source.state().stale() ? 1 : 0));
    }
    if (probes != null) {
      HealthHandler handler = probes;
      for (String probe : handler.probes()) {
        for (HealthStatus status : HealthStatus.values()) {
          shared.add(Gauge.builder("vitals.probe.status", () -> handler.probeStatus(probe) == status ? 1 : 0)
            .description("1 for the probe path's current status, 0 for the others")
            .tag("probe", probe).tag(STATUS, status.wireName()).strongReference(true).register(meters));
        }
      }
    }
    if (fleet != null) {
      FleetSource source = fleet;
      Quorum needed = quorum;
      for (FleetMember.State state : FleetMember.State.values()) {
        shared.add(Gauge.builder("vitals.fleet.instances",
            () -> source.view().members().stream().filter(m -> m.state() == state).count())
          .description("Instances of the fleet by state").tag("state", state.wireName()).strongReference(true)
          .register(meters));
      }
      shared.add(gauge(meters, "vitals.fleet.ready.instances", "Instances of the fleet up and ready", null,
        () -> source.view().ready()));
      shared.add(gauge(meters, "vitals.fleet.quorum.met", "1 while enough instances of the fleet are ready, else 0",
        null, () -> source.view().quorumMet(needed) ? 1 : 0));
      shared.add(gauge(meters, "vitals.fleet.stale",
        "1 while the fleet's source cannot be reached and its last view is shown, else 0", null,
        () -> source.view().stale() ? 1 : 0));
      shared.add(FunctionCounter.builder("vitals.fleet.rejected.messages", source, FleetSource::rejectedMessages)
        .description("Messages of other instances dropped as unsigned, badly signed, stale or replayed")
        .register(meters));
    }
    if (!webhooks.isEmpty()) {
      webhookCounter(meters, "delivered", WebhookNotifier::delivered);
      webhookCounter(meters, "retried", WebhookNotifier::retried);
      webhookCounter(meters, "failed", WebhookNotifier::failed);
      webhookCounter(meters, "dropped", WebhookNotifier::dropped);
    }
  }

  private void webhookCounter(MeterRegistry meters, String result, ToLongFunction<WebhookNotifier> count) {
    List<WebhookNotifier> notifiers = webhooks;
    ToDoubleFunction<List<WebhookNotifier>> sum = list -> list.stream().mapToLong(count).sum();
    shared.add(FunctionCounter.builder("vitals.webhook.deliveries", notifiers, sum)
      .description("Webhook deliveries by result, all webhooks together")
      .tag("result", result).register(meters));
  }

  private static Gauge gauge(MeterRegistry meters, String name, String description, String unit,
                             java.util.function.Supplier<Number> value) {
    return Gauge.builder(name, value).description(description).baseUnit(unit).strongReference(true)
      .register(meters);
  }

  @Override
  public synchronized void registered(CheckOptions options) {
    if (closed) {
      return;
    }
    for (MeterRegistry meters : bound) {
      add(options.getName(), meters);
    }
  }

  /** Each check's status as its runs left it, to count its changes. */
  private final Map<String, HealthStatus> statuses = new java.util.concurrent.ConcurrentHashMap<>();

  /** Registers one check's meters in one registry, unless they are. Called under this binder's lock. */
  private void add(String name, MeterRegistry meters) {
    CheckReport current = registry.latest(name);
    if (current != null) {
      statuses.putIfAbsent(name, current.status());
    }
    for (CheckMeters existing : checks.getOrDefault(name, List.of())) {
      if (existing.registry() == meters) {
        return; // a registration told while bindTo listed the checks
      }
    }
    // One Tags for the check and one per status, shared by the ids of its meters: a builder's tag(k, v) makes new
    // ones for every meter, and a check has a dozen meters.
    Tags checkTags = Tags.of(CHECK, name);
    Map<HealthStatus, Tags> statusTags = new EnumMap<>(HealthStatus.class);
    STATUS_TAGS.forEach((status, tag) -> statusTags.put(status, checkTags.and(tag)));
    List<Meter> all = new ArrayList<>();
    for (HealthStatus status : HealthStatus.values()) {
      all.add(Gauge.builder("vitals.check.status", () -> {
          CheckReport latest = registry.latest(name);
          return latest != null && latest.status() == status ? 1 : 0;
        })
        .description("1 for the check's current status, 0 for the others (all 0 before its first result)")
        .tags(statusTags.get(status)).strongReference(true).register(meters));
    }
    all.add(Gauge.builder("vitals.check.result.age", () -> age(registry.latest(name)))
      .description("Age of the check's latest result, the one /health serves now; NaN before the first")
      .baseUnit("seconds").tags(checkTags).strongReference(true).register(meters));
    Timer duration = Timer.builder("vitals.check.duration").description("Duration of each run of the check")
      .tags(checkTags).register(meters);
    all.add(duration);
    Map<HealthStatus, Counter> runs = new EnumMap<>(HealthStatus.class);
    for (HealthStatus status : HealthStatus.values()) {
      Counter counter = Counter.builder("vitals.check.runs")
        .description("Runs of the check by what the run found (a timeout or a fault is a fail)")
        .tags(statusTags.get(status)).register(meters);
      runs.put(status, counter);
      all.add(counter);
    }
    // Time-weighted availability for SLO windows longer than the registry's history: a ratio of two increase()s.
    all.add(FunctionCounter.builder("vitals.check.observed", registry, checks -> seconds(checks.history(name), false))
      .description("Time the check has been observed, since its first result (0 with history off)")
      .baseUnit("seconds").tags(checkTags).register(meters));
    all.add(FunctionCounter.builder("vitals.check.available", registry, checks -> seconds(checks.history(name), true))
      .description("Part of the observed time the check was pass or warn")
      .baseUnit("seconds").tags(checkTags).register(meters));
    Counter changes = Counter.builder("vitals.check.status.changes").description("Changes of the check's status")
      .tags(checkTags).register(meters);
    all.add(changes);
    PassiveChecks reports = passive;
    if (reports != null && reports.lastReport(name) != null) {
      all.add(Gauge.builder("vitals.passive.last.report.age", () -> {
          Instant last = reports.lastReport(name);
          return last == null ? Double.NaN : Math.max(0, clock.millis() - last.toEpochMilli()) / 1000.0;
        })
        .description("Time since the passive check's last report (or since it was added, before the first)")
        .baseUnit("seconds").tags(checkTags).strongReference(true).register(meters));
    }
    Map<String, List<CheckMeters>> next = new LinkedHashMap<>(checks);
    List<CheckMeters> perRegistry = new ArrayList<>(next.getOrDefault(name, List.of()));
    perRegistry.add(new CheckMeters(meters, duration, runs, changes, all));
    next.put(name, List.copyOf(perRegistry));
    checks = next;
  }

  private static double seconds(CheckHistory history, boolean available) {
    return history == null ? 0 : (available ? history.availableMillis() : history.observedMillis()) / 1000.0;
  }

  private double age(CheckReport latest) {
    return latest == null ? Double.NaN : Math.max(0, clock.millis() - latest.timestamp()) / 1000.0;
  }

  @Override
  public void ran(CheckReport result, HealthStatus outcome) {
    // Changes are counted from the runs, not from the notifications, which a flapping check's are not.
    HealthStatus before = statuses.put(result.name(), result.status());
    boolean changed = before == null ? result.status() != HealthStatus.PASS : before != result.status();
    for (CheckMeters meters : checks.getOrDefault(result.name(), List.of())) {
      meters.duration().record(result.durationNanos(), TimeUnit.NANOSECONDS);
      meters.runs().get(outcome).increment();
      if (changed) {
        meters.changes().increment();
      }
    }
  }

  @Override
  public synchronized void unregistered(String name) {
    statuses.remove(name);
    Map<String, List<CheckMeters>> next = new LinkedHashMap<>(checks);
    List<CheckMeters> removed = next.remove(name);
    checks = next;
    if (removed != null) {
      removed.forEach(meters -> meters.all().forEach(meters.registry()::remove));
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    for (String name : List.copyOf(checks.keySet())) {
      unregistered(name);
    }
    for (Meter meter : shared) {
      bound.forEach(meters -> meters.remove(meter));
    }
    shared.clear();
    bound.clear();
  }
}
