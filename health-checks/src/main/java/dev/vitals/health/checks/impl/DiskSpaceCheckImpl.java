package dev.vitals.health.checks.impl;

import dev.vitals.health.ByteSizes;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.checks.DiskSpaceCheck;
import dev.vitals.health.checks.DiskSpaceCheckOptions;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Reads the usable space of a file store. */
public final class DiskSpaceCheckImpl implements DiskSpaceCheck {

  private final Path path;
  private final long minFree;

  /** @param options the path and threshold (a copy the check keeps) */
  public DiskSpaceCheckImpl(DiskSpaceCheckOptions options) {
    this.path = Paths.get(options.getPath()).toAbsolutePath().normalize();
    this.minFree = options.getMinFree();
  }

  @Override
  public ProcedureResult run() {
    long free;
    long total;
    try {
      FileStore store = Files.getFileStore(path);
      free = store.getUsableSpace();
      total = store.getTotalSpace();
    } catch (IOException e) {
      return ProcedureResult.fail("cannot read the file store of " + path + ": " + e);
    }
    String summary = ByteSizes.format(free) + " free of " + ByteSizes.format(total) + " at " + path;
    ProcedureResult result = free >= minFree
      ? ProcedureResult.pass(summary)
      : ProcedureResult.fail(summary + ", below minFree " + ByteSizes.format(minFree));
    return result.withData(new JsonObject()
      .put("path", path.toString())
      .put("freeBytes", free)
      .put("totalBytes", total)
      .put("minFreeBytes", minFree));
  }
}
