package dev.vitals.samples.examples;

import dev.vitals.health.ProcedureResult;
import dev.vitals.health.checks.CheckType;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * A check type of one's own: {@code {"name": "deploy-done", "type": "marker-file", "path": "/var/run/app/ready"}}
 * passes while the file exists. To add it to the standalone jar's config, put the class in a jar of your own with
 * a file {@code META-INF/services/dev.vitals.health.checks.CheckType} naming it, and run
 * {@code java -cp vitals-samples.jar:your.jar dev.vitals.samples.Main -conf config.json}: the type, its keys (in the
 * JSON Schema the config is checked against) and its name in {@code --help} come with it. (This class is not named
 * in samples' own services file: it is an example, compiled and run by {@code MarkerFileTypeTest}.)
 */
public final class MarkerFileType implements CheckType {

  /** Public and without arguments, for {@link java.util.ServiceLoader}. */
  public MarkerFileType() {
  }

  @Override
  public String name() {
    return "marker-file";
  }

  /** Shown by the config reference and {@code --help}. */
  @Override
  public String description() {
    return "the file at path exists";
  }

  /** The entry's own keys, as JSON Schema; the common ones (name, timeout, tags, ...) are added by the config. */
  @Override
  public JsonObject schema() {
    return new JsonObject("""
      {"required": ["path"], "properties": {"path": {"$ref": "#/$defs/text"}}}
      """);
  }

  /** {@code Files.exists} is a file system call: run on a worker thread, never on an event loop. */
  @Override
  public boolean blocking() {
    return true;
  }

  /**
   * @throws IllegalArgumentException {@code path: required} or {@code path: not a path: <reason>}, which the config
   *                                  reports with the entry's JSON Pointer in front
   */
  @Override
  public Factory parse(JsonObject entry) {
    String value = entry.getString("path");
    if (value == null) {
      throw new IllegalArgumentException("path: required");
    }
    Path path;
    try {
      path = Path.of(value);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("path: not a path: " + e.getReason());
    }
    return (vertx, dependencies, registry, options) -> {
      registry.registerBlocking(options, () -> Files.exists(path)
        ? ProcedureResult.pass(path + " exists") : ProcedureResult.fail(path + " does not exist"));
      return Registration.NONE;
    };
  }
}
