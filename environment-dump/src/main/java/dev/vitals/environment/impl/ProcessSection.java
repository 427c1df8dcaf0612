package dev.vitals.environment.impl;

import io.vertx.core.json.JsonObject;

import java.nio.file.Paths;
import java.util.TreeMap;

/** The {@code process} section, from {@link ProcessHandle}; no shell-outs. */
final class ProcessSection {

  private ProcessSection() {
  }

  static JsonObject collect() {
    ProcessHandle self = ProcessHandle.current();
    ProcessHandle.Info info = self.info();
    JsonObject environment = new JsonObject();
    new TreeMap<>(System.getenv()).forEach(environment::put);
    return new JsonObject()
      .put("pid", self.pid())
      .put("user", info.user().orElse(System.getProperty("user.name")))
      .put("workingDirectory", Paths.get("").toAbsolutePath().toString())
      .put("commandLine", info.commandLine().orElse(null))
      .put("startTime", info.startInstant().map(Object::toString).orElse(null))
      .put("environment", environment);
  }
}
