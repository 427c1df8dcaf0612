package dev.vitals.environment.impl;

import dev.vitals.environment.EnvironmentDump;
import dev.vitals.environment.EnvironmentOptions;
import dev.vitals.health.ApplicationOptions;
import dev.vitals.health.Scrubber;
import dev.vitals.health.internal.BoundedRun;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

public final class EnvironmentDumpImpl implements EnvironmentDump {

  private static final long CACHE_MS = EnvironmentDump.CACHE_MS;

  private final Vertx vertx;
  private final long sectionTimeout;
  private final Scrubber scrubber;
  private final Map<String, Supplier<Future<JsonObject>>> sections = new LinkedHashMap<>();
  // The dump being computed or computed last, shared by every request for CACHE_MS. Guarded by this.
  private Future<JsonObject> cached;
  private long cachedAt;

  public EnvironmentDumpImpl(Vertx vertx, EnvironmentOptions given) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    EnvironmentOptions options = new EnvironmentOptions(Objects.requireNonNull(given, "options"));
    this.sectionTimeout = options.getSectionTimeout();
    this.scrubber = new Scrubber(options.getScrub());
    if (options.isIncludeOs()) {
      addSection("os", blocking(OsSection::collect));
    }
    if (options.isIncludeJvm()) {
      addSection("jvm", blocking(JvmSection::collect));
    }
    if (options.isIncludeProcess()) {
      addSection("process", blocking(ProcessSection::collect));
    }
    if (options.isIncludeVertx()) {
      addSection("vertx", () -> Future.succeededFuture(VertxSection.collect(vertx, options.getVertxOptions())));
    }
    if (options.isIncludeApplication()) {
      addSection("application", blocking(() -> application(options.getApplication())));
    }
    if (options.isIncludeConfig()) {
      // The options are this dump's own copy and a dump is scrubbed into a new object: no second copy of the
      // config, which grows with the checks.
      JsonObject config = options.getConfig();
      addSection("config", () -> Future.succeededFuture(config));
    }
  }

  private static JsonObject application(ApplicationOptions given) {
    ApplicationOptions resolved = given.resolved();
    return new JsonObject().put("name", resolved.getName()).put("version", resolved.getVersion())
      .put("build", ApplicationOptions.buildInfo());
  }

  /** Built-in sections read files and look up host names: they run on a worker, never on an event loop. */
  private Supplier<Future<JsonObject>> blocking(Callable<JsonObject> section) {
    return () -> vertx.executeBlocking(section, false);
  }

  @Override
  public EnvironmentDump addSection(String name, JsonObject value) {
    JsonObject copy = Objects.requireNonNull(value, "value").copy();
    return addSection(name, () -> Future.succeededFuture(copy));
  }

  @Override
  public synchronized EnvironmentDump addSection(String name, Supplier<Future<JsonObject>> section) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(section, "section");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name: a section needs a name");
    }
    if (sections.containsKey(name)) {
      throw new IllegalArgumentException("name: a section named '" + name + "' already exists");
    }
    sections.put(name, section);
    cached = null;
    return this;
  }

  @Override
  public synchronized boolean removeSection(String name) {
    cached = null;
    return sections.remove(name) != null;
  }

  @Override
  public synchronized List<String> sectionNames() {
    return new ArrayList<>(sections.keySet());
  }

  @Override
  public Future<JsonObject> dump() {
    synchronized (this) {
      long now = System.nanoTime();
      if (cached == null || cached.isComplete() && now - cachedAt > TimeUnit.MILLISECONDS.toNanos(CACHE_MS)) {
        cached = compute();
        cachedAt = now;
      }
      return cached;
    }
  }

  private Future<JsonObject> compute() {
    List<Map.Entry<String, Supplier<Future<JsonObject>>>> snapshot;
    synchronized (this) {
      snapshot = new ArrayList<>(sections.entrySet());
    }
    List<Future<JsonObject>> results = new ArrayList<>(snapshot.size());
    for (Map.Entry<String, Supplier<Future<JsonObject>>> entry : snapshot) {
      results.add(BoundedRun.start(vertx, "section", sectionTimeout, entry.getValue())
        .recover(failure -> Future.succeededFuture(
          new JsonObject().put("error", BoundedRun.describe(failure)))));
    }
    return Future.join(results).compose(done -> vertx.executeBlocking(() -> {
      // Scrubbing runs regular expressions over every string of the dump: a worker's job, not an event loop's.
      JsonObject dump = new JsonObject();
      for (int i = 0; i < snapshot.size(); i++) {
        dump.put(snapshot.get(i).getKey(), results.get(i).result());
      }
      return scrubber.scrub(dump);
    }, false));
  }
}
