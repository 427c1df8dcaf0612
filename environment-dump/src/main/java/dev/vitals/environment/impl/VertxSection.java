package dev.vitals.environment.impl;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The {@code vertx} section. */
final class VertxSection {

  private VertxSection() {
  }

  static JsonObject collect(Vertx vertx, VertxOptions options) {
    return new JsonObject()
      .put("version", version())
      .put("eventLoopPoolSize", options.getEventLoopPoolSize())
      .put("workerPoolSize", options.getWorkerPoolSize())
      .put("clustered", vertx.isClustered())
      .put("nativeTransport", vertx.isNativeTransportEnabled());
  }

  /** vertx-core ships its version as a resource, which survives fat-jar packaging where its manifest does not. */
  private static String version() {
    try (InputStream in = Vertx.class.getClassLoader().getResourceAsStream("META-INF/vertx/vertx-version.txt")) {
      return in == null ? "unknown" : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
