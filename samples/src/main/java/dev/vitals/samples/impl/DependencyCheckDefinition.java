package dev.vitals.samples.impl;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.PassiveChecks;
import dev.vitals.health.checks.DiskSpaceCheck;
import dev.vitals.health.checks.DiskSpaceCheckOptions;
import dev.vitals.health.checks.DnsCheck;
import dev.vitals.health.checks.DnsCheckOptions;
import dev.vitals.health.checks.EventBusCheck;
import dev.vitals.health.checks.EventBusCheckOptions;
import dev.vitals.health.checks.EventLoopCheck;
import dev.vitals.health.checks.EventLoopCheckOptions;
import dev.vitals.health.checks.HeapCheck;
import dev.vitals.health.checks.HeapCheckOptions;
import dev.vitals.health.checks.HttpCheck;
import dev.vitals.health.checks.HttpCheckOptions;
import dev.vitals.health.checks.JdbcCheck;
import dev.vitals.health.checks.JdbcCheckOptions;
import dev.vitals.health.checks.MySQLCheck;
import dev.vitals.health.checks.PostgresCheck;
import dev.vitals.health.checks.RedisCheck;
import dev.vitals.health.checks.RedisCheckOptions;
import dev.vitals.health.checks.ResourceCheck;
import dev.vitals.health.checks.SqlCheckOptions;
import dev.vitals.health.checks.TcpCheck;
import dev.vitals.health.checks.TcpCheckOptions;
import dev.vitals.health.checks.TlsCheck;
import dev.vitals.health.checks.TlsCheckOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A check entry of a type health-checks provides: the wiring from the config's {@code type} to the module's
 * factory. The entry's own keys are read by the type's options class (which leaves the common keys to
 * {@link CheckOptions}; {@code timeout} is read by both), at parse time, so that an invalid value stops start-up
 * before anything is created. It also orders the config's checks by their {@code dependsOn}.
 */
final class DependencyCheckDefinition implements CheckDefinition {

  /** What registers a check of one type, from its parsed options. */
  @FunctionalInterface
  private interface Binder<T> {
    Registration register(Vertx vertx, Vertx dependencies, CheckRegistry registry, CheckOptions options, T typeOptions);
  }

  /** The types, by config name: how each reads its options and registers its check. */
  static final Map<String, BiFunction<ConfigObject, CheckOptions, CheckDefinition>> TYPES = Map.ofEntries(
    type("http", HttpCheckOptions::new, (vertx, dependencies, registry, options, http) ->
      resource(registry, options, HttpCheck.create(dependencies, http))),
    type("tcp", TcpCheckOptions::new, (vertx, dependencies, registry, options, tcp) ->
      resource(registry, options, TcpCheck.create(dependencies, tcp))),
    type("disk-space", DiskSpaceCheckOptions::new, (vertx, dependencies, registry, options, disk) -> {
      registry.registerBlocking(options, DiskSpaceCheck.create(disk));
      return Registration.NONE;
    }),
    type("heap", HeapCheckOptions::new, (vertx, dependencies, registry, options, heap) -> {
      registry.register(options, HeapCheck.create(heap));
      return Registration.NONE;
    }),
    type("event-loop", EventLoopCheckOptions::new, (vertx, dependencies, registry, options, loop) ->
      resource(registry, options, EventLoopCheck.create(vertx, loop))),
    type("tls", TlsCheckOptions::new, (vertx, dependencies, registry, options, tls) ->
      resource(registry, options, TlsCheck.create(dependencies, tls))),
    type("dns", DnsCheckOptions::new, (vertx, dependencies, registry, options, dns) ->
      resource(registry, options, DnsCheck.create(dependencies, dns))),
    type("eventbus", EventBusCheckOptions::new, (vertx, dependencies, registry, options, bus) -> {
      registry.register(options, EventBusCheck.create(vertx, bus));
      return Registration.NONE;
    }),
    type("jdbc", JdbcCheckOptions::new, (vertx, dependencies, registry, options, jdbc) -> {
      JdbcCheck check = JdbcCheck.create(jdbc);
      registry.registerBlocking(options, check);
      return () -> vertx.executeBlocking(() -> {
        check.close();
        return null;
      }).mapEmpty();
    }),
    type("postgres", SqlCheckOptions::new, (vertx, dependencies, registry, options, sql) ->
      resource(registry, options, PostgresCheck.create(dependencies, sql))),
    type("mysql", SqlCheckOptions::new, (vertx, dependencies, registry, options, sql) ->
      resource(registry, options, MySQLCheck.create(dependencies, sql))),
    type("redis", RedisCheckOptions::new, (vertx, dependencies, registry, options, redis) ->
      resource(registry, options, RedisCheck.create(dependencies, redis))));

  /** A parsed entry's registration, waiting for the instances to create its check on. */
  @FunctionalInterface
  private interface Registrar {
    Registration register(Vertx vertx, Vertx dependencies, CheckRegistry registry);
  }

  private final CheckOptions options;
  private final String type;
  private final Registrar registrar;

  private DependencyCheckDefinition(CheckOptions options, String type,
                                    Registrar registrar) {
    this.options = options;
    this.type = type;
    this.registrar = registrar;
  }

  private static <T> Map.Entry<String, BiFunction<ConfigObject, CheckOptions, CheckDefinition>> type(
    String type, Function<JsonObject, T> reader, Binder<T> binder) {
    return Map.entry(type, (entry, options) -> {
      T typeOptions;
      try {
        typeOptions = reader.apply(entry.json());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(entry.path() + "." + e.getMessage(), e);
      }
      return new DependencyCheckDefinition(options, type,
        (vertx, dependencies, registry) -> binder.register(vertx, dependencies, registry, options, typeOptions));
    });
  }

  /**
   * @param checks the config's checks, in config order
   * @return the same checks, each after those its {@code dependsOn} names (else in config order), so that they can be
   * registered one by one
   * @throws IllegalArgumentException {@code checks[<i>].dependsOn: ...} naming an unknown check or the cycle
   */
  static List<CheckDefinition> inDependencyOrder(List<CheckDefinition> checks) {
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < checks.size(); i++) {
      index.put(checks.get(i).options().getName(), i);
    }
    for (int i = 0; i < checks.size(); i++) {
      for (String dependency : checks.get(i).options().getDependsOn()) {
        if (!index.containsKey(dependency)) {
          throw new IllegalArgumentException("checks[" + i + "].dependsOn: unknown check '" + dependency + "'");
        }
      }
    }
    List<CheckDefinition> ordered = new ArrayList<>();
    Set<String> done = new HashSet<>();
    for (CheckDefinition check : checks) {
      visit(check, checks, index, done, new ArrayList<>(), ordered);
    }
    return List.copyOf(ordered);
  }

  private static void visit(CheckDefinition check, List<CheckDefinition> checks, Map<String, Integer> index,
                            Set<String> done, List<String> path, List<CheckDefinition> ordered) {
    String name = check.options().getName();
    if (done.contains(name)) {
      return;
    }
    if (path.contains(name)) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
      cycle.add(name);
      throw new IllegalArgumentException("checks[" + index.get(name) + "].dependsOn: cycle '"
        + String.join("' -> '", cycle) + "'");
    }
    path.add(name);
    for (String dependency : check.options().getDependsOn()) {
      visit(checks.get(index.get(dependency)), checks, index, done, path, ordered);
    }
    path.remove(path.size() - 1);
    done.add(name);
    ordered.add(check);
  }

  private static Registration resource(CheckRegistry registry, CheckOptions options, ResourceCheck check) {
    registry.register(options, check);
    return new Registration() {
      @Override
      public Future<Void> close() {
        return check.close();
      }

      @Override
      public Future<Void> warmedUp() {
        return check.warmedUp();
      }
    };
  }

  @Override
  public CheckOptions options() {
    return options;
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public Registration register(Vertx vertx, Vertx dependencies, CheckRegistry registry, PassiveChecks passive) {
    return registrar.register(vertx, dependencies, registry);
  }
}
