package dev.vitals.samples.impl;

import dev.vitals.health.CheckRegistry;
import dev.vitals.health.PassiveChecks;
import dev.vitals.health.checks.CheckType;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks the standalone verticle runs, each with the config entry it came from: registered at start, and
 * added, removed or replaced when the config file changes (an entry that changed in any way is replaced).
 */
public final class RunningChecks {

  /** One running check: its entry in the config, and what unregisters it. */
  private record Running(JsonObject entry, CheckType.Registration registration) {
  }

  /** What {@link #update} did, by check name, for the log line. */
  public record Changes(List<String> removed, List<String> added) {

    /** @return whether anything was removed or added */
    public boolean any() {
      return !removed.isEmpty() || !added.isEmpty();
    }
  }

  private final Vertx vertx;
  private final Vertx dependencies;
  private final CheckRegistry registry;
  private final PassiveChecks passive;
  private final Map<String, Running> running = new LinkedHashMap<>();

  /**
   * @param vertx        the verticle's Vert.x
   * @param dependencies the dependency loop's Vert.x, where dependency checks run
   * @param registry     where checks are registered
   * @param passive      where passive checks are kept
   */
  public RunningChecks(Vertx vertx, Vertx dependencies, CheckRegistry registry, PassiveChecks passive) {
    this.vertx = vertx;
    this.dependencies = dependencies;
    this.registry = registry;
    this.passive = passive;
  }

  /**
   * Registers the config's checks that are not running, and unregisters those whose entry is gone or changed
   * (before registering anything, so a replaced check is registered anew).
   *
   * @param config the config wanted
   * @return what was removed and added
   */
  public Changes update(StandaloneConfig config) {
    Map<String, JsonObject> wanted = config.checkEntries();
    List<String> removed = new ArrayList<>();
    running.forEach((name, check) -> {
      if (!check.entry().equals(wanted.get(name))) {
        removed.add(name);
      }
    });
    removed.forEach(name -> {
      registry.unregister(name);
      running.remove(name).registration().close();
    });
    List<String> added = new ArrayList<>();
    for (CheckDefinition check : config.checks()) {
      String name = check.options().getName();
      if (!running.containsKey(name)) {
        running.put(name, new Running(wanted.get(name), check.register(vertx, dependencies, registry, passive)));
        added.add(name);
      }
    }
    return new Changes(removed, added);
  }

  /** @return a future completed once every running check's client is warmed up (see {@link CheckType.Registration}) */
  public Future<?> warmedUp() {
    return Future.all(running.values().stream().map(check -> check.registration().warmedUp()).toList());
  }

  /** @return the futures of closing every running check's registration; none runs after */
  public List<Future<Void>> close() {
    List<Future<Void>> closing = new ArrayList<>();
    running.values().forEach(check -> closing.add(check.registration().close()));
    running.clear();
    return closing;
  }
}
