package dev.vitals.health.checks;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.checks.impl.CheckTypes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.SortedMap;

/**
 * A {@code type} of the standalone config's {@code checks} entries: its name, the JSON Schema of the entry's own keys,
 * and how an entry becomes a registered check. The built-in types (http, tcp, tls, dns, disk-space, heap,
 * event-loop, eventbus, postgres, mysql, redis, jdbc) are implementations of it; a jar on the class path adds a
 * type with a class implementing it (public, with a public no-argument constructor) named in its
 * {@code META-INF/services/dev.vitals.health.checks.CheckType} (and, in a named module,
 * {@code provides dev.vitals.health.checks.CheckType with ...}). {@link #available()} finds them through
 * {@link java.util.ServiceLoader}; the standalone verticle validates its config with a schema that includes each
 * type's {@link #schema()}, and lists the types in {@code --help}.
 *
 * <p>An entry is read in two steps, so that a config that fails half-way creates nothing: {@link #parse(JsonObject)}
 * reads and checks the entry's own keys; the {@link Factory} it returns creates and registers the check later,
 * once per start (or config change).
 */
public interface CheckType {

  /** @return the value of the entry's {@code "type"} key: lower case, such as {@code postgres}; never null */
  String name();

  /**
   * When a check of this type passes, as the config reference and {@code --help} show it: one clause, lower case, no
   * final period, such as {@code "a connection opens"}.
   *
   * @return the description; empty (the default) for none
   */
  default String description() {
    return "";
  }

  /**
   * The JSON Schema (draft 2020-12) of the entry's own keys, beside the keys every entry has ({@code name},
   * {@code type} and {@link CheckOptions}' keys, such as {@code timeout}): an object with {@code properties} and,
   * optionally, {@code required}. It may refer to the standalone schema's shared definitions:
   * {@code {"$ref": "#/$defs/duration"}} (ms, or {@code "500ms"}, {@code "27s"}), {@code #/$defs/size} (bytes, or
   * {@code "64KB"}), {@code #/$defs/text} (a non-empty string), {@code #/$defs/strings} (an array of strings). A key
   * marked {@code "writeOnly": true} is a secret: masked wherever the config is shown. Keys the schema does not
   * name are refused before {@link #parse(JsonObject)} sees the entry.
   *
   * @return a new copy of the fragment, such as {@code {"required": ["host"], "properties": {"host": {"$ref":
   * "#/$defs/text"}}}}
   */
  JsonObject schema();

  /**
   * @return whether the type's checks block (JDBC, file system): they are then registered with
   * {@link CheckRegistry#registerBlocking} and run on the registry's worker pool; {@code false} by default
   */
  default boolean blocking() {
    return false;
  }

  /**
   * Reads the entry's own keys; creates nothing.
   *
   * @param entry the whole entry, common keys included (left to {@link CheckOptions}); valid for {@link #schema()}
   * @return what creates and registers the check
   * @throws IllegalArgumentException {@code "<key>: <what was expected>"}, the key relative to the entry, when a value
   *                                  is invalid in a way the schema cannot say
   */
  Factory parse(JsonObject entry);

  /**
   * The check types on the class path and module path, found once with {@link java.util.ServiceLoader} (the loader of
   * this interface).
   *
   * @return the types by name, sorted; unmodifiable
   * @throws IllegalStateException when two types have the same name, a type has none, or one cannot be created
   */
  static SortedMap<String, CheckType> available() {
    return CheckTypes.available();
  }

  /** What creates and registers one parsed entry's check. */
  @FunctionalInterface
  interface Factory {

    /**
     * Creates what the check needs on the caller's context and registers the check in {@code registry} under
     * {@code options}.
     *
     * @param vertx        the application's Vert.x: timers and in-process probes (event loop, event bus)
     * @param dependencies the Vert.x to create dependency clients on (http, tcp, SQL, ...): a {@link DependencyLoop}'s,
     *                     apart from the event loops that serve liveness
     * @param registry     where the check is registered
     * @param options      the check's name, timeout (the check's one deadline, in ms), TTLs, criticality and tags
     * @return what releases the check's resources; close it once, after unregistering the check
     */
    Registration register(Vertx vertx, Vertx dependencies, CheckRegistry registry, CheckOptions options);
  }

  /** The resources a registered check holds until it is unregistered. */
  @FunctionalInterface
  interface Registration {

    /** A registration that holds nothing. */
    Registration NONE = Future::succeededFuture;

    /** @return a future completed when the resources are released; it does not fail */
    Future<Void> close();

    /**
     * @return a future completed once the check's client is warm (see {@link ResourceCheck#warmedUp()}); it does not
     * fail
     */
    default Future<Void> warmedUp() {
      return Future.succeededFuture();
    }

    /**
     * @param registry where to register {@code check}
     * @param options  the check's options
     * @param check    a check holding a client or a timer
     * @return the registration of {@code check}, registered: closing it closes the check
     */
    static Registration of(CheckRegistry registry, CheckOptions options, ResourceCheck check) {
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
  }
}
