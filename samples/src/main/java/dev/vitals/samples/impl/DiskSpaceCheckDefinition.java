package dev.vitals.samples.impl;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.PassiveChecks;
import dev.vitals.health.ProcedureResult;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * {@code "type": "disk-space"}: passes while the file store holding {@code path} (default: the working
 * directory) has at least {@code minFree} bytes usable (default 100 MB); see {@link ByteSize} for the forms
 * of {@code minFree}. A blocking check: file stores are read on the registry's worker pool.
 */
final class DiskSpaceCheckDefinition implements CheckDefinition {

  /** Default {@code minFree}: 100 MB, enough for logs and temporary files to keep flowing. */
  static final long DEFAULT_MIN_FREE = 100L * 1024 * 1024;

  private final CheckOptions options;
  private final Path path;
  private final long minFree;

  private DiskSpaceCheckDefinition(CheckOptions options, Path path, long minFree) {
    this.options = options;
    this.path = path;
    this.minFree = minFree;
  }

  /**
   * @param entry   the entry, its common fields already validated
   * @param options the options read from the entry
   * @return the check the entry defines
   * @throws IllegalArgumentException naming the field by its path in the config when a value is invalid
   */
  static DiskSpaceCheckDefinition parse(ConfigObject entry, CheckOptions options) {
    String given = entry.optionalString("path", ".");
    Path path;
    try {
      path = Paths.get(given).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw entry.invalid("path", "invalid path '" + given + "': " + e.getReason());
    }
    long minFree = entry.has("minFree")
      ? ByteSize.toBytes(entry.value("minFree"), entry.path("minFree"))
      : DEFAULT_MIN_FREE;
    return new DiskSpaceCheckDefinition(options, path, minFree);
  }

  @Override
  public CheckOptions options() {
    return options;
  }

  @Override
  public String type() {
    return "disk-space";
  }

  @Override
  public Registration register(Vertx vertx, CheckRegistry registry, PassiveChecks passive) {
    registry.registerBlocking(options, this::run);
    return Registration.NONE;
  }

  private ProcedureResult run() {
    long free;
    long total;
    try {
      FileStore store = Files.getFileStore(path);
      free = store.getUsableSpace();
      total = store.getTotalSpace();
    } catch (IOException e) {
      return ProcedureResult.fail("cannot read the file store of " + path + ": " + e);
    }
    String summary = ByteSize.format(free) + " free of " + ByteSize.format(total) + " at " + path;
    ProcedureResult result = free >= minFree
      ? ProcedureResult.pass(summary)
      : ProcedureResult.fail(summary + ", below minFree " + ByteSize.format(minFree));
    return result.withData(new JsonObject()
      .put("path", path.toString())
      .put("freeBytes", free)
      .put("totalBytes", total)
      .put("minFreeBytes", minFree));
  }
}
