package dev.vitals.environment;

import dev.vitals.environment.impl.EnvironmentDumpImpl;
import dev.vitals.health.Scrubber;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.function.Supplier;

/**
 * A registry of named sections describing a running instance, the JVM counterpart of py-healthcheck's
 * {@code EnvironmentDump}: one JSON object, one member per section, secrets masked by {@link Scrubber}. Built-in
 * sections, each switched off by
 * {@link EnvironmentOptions}:
 * <ul>
 *   <li>{@code os}: {@code name}, {@code version}, {@code arch}, {@code availableProcessors},
 *   {@code systemLoadAverage} (1-minute average, -1 when unavailable), {@code hostname};</li>
 *   <li>{@code jvm}: {@code javaVersion}, {@code vendor}, {@code vmName}, {@code vmVersion},
 *   {@code inputArguments}, {@code uptimeMs}, {@code memory.heap} / {@code memory.nonHeap} ({@code init},
 *   {@code used}, {@code committed}, {@code max}, bytes), {@code gc[]} ({@code name}, {@code count},
 *   {@code timeMs}), {@code systemProperties};</li>
 *   <li>{@code process}: {@code pid}, {@code user}, {@code workingDirectory}, {@code commandLine},
 *   {@code startTime} (ISO 8601), {@code environment};</li>
 *   <li>{@code vertx}: {@code version}, {@code eventLoopPoolSize}, {@code workerPoolSize}, {@code clustered},
 *   {@code nativeTransport};</li>
 *   <li>{@code application}: {@code name}, {@code version}, {@code build} (the launched jar's manifest);</li>
 *   <li>{@code config}: the config it was given.</li>
 * </ul>
 * Every section, custom ones included, is scrubbed by {@link Scrubber} before it leaves {@link #dump()}.
 * Thread-safe.
 */
public interface EnvironmentDump {

  /**
   * @param vertx   the Vert.x instance to describe and whose timers and workers the dump uses
   * @param options which built-in sections to show, the config, the scrubbing
   * @return a new registry
   */
  static EnvironmentDump create(Vertx vertx, EnvironmentOptions options) {
    return new EnvironmentDumpImpl(vertx, options);
  }

  /**
   * @param vertx the Vert.x instance
   * @return a new registry with every built-in section
   */
  static EnvironmentDump create(Vertx vertx) {
    return create(vertx, new EnvironmentOptions());
  }

  /**
   * Adds a section with a fixed value.
   *
   * @param name  the section's key in the dump, not blank
   * @param value the value (copied now, scrubbed at each dump)
   * @return this
   * @throws IllegalArgumentException when the name is blank or already used
   */
  EnvironmentDump addSection(String name, JsonObject value);

  /**
   * Adds a section computed at each dump. It runs on the caller's thread and must not block; it may throw,
   * fail or time out, and the dump then shows {@code {"error": "<message>"}} in its place.
   *
   * @param name    the section's key in the dump, not blank
   * @param section computes the section's value
   * @return this
   * @throws IllegalArgumentException when the name is blank or already used
   */
  EnvironmentDump addSection(String name, Supplier<Future<JsonObject>> section);

  /**
   * @param name a section name, built-in ones included
   * @return whether a section was removed
   */
  boolean removeSection(String name);

  /** How long a computed dump is served again, in ms: 1000. */
  long CACHE_MS = 1_000;

  /** @return the section names, in the order of the dump */
  List<String> sectionNames();

  /**
   * Computes every section concurrently, each bounded by the section timeout, and scrubs them on a worker thread.
   * A dump is shared by every call made while it is computed and for {@value #CACHE_MS} ms after, so that a flood
   * of requests computes one dump per second, not one each.
   *
   * @return {@code {"<section>": {...}, ...}}; never failed: a section that throws, fails or times out shows as
   * {@code {"error": "<message>"}} (the message scrubbed too)
   */
  Future<JsonObject> dump();
}
