package dev.vitals.environment.impl;

import io.vertx.core.json.JsonObject;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.net.InetAddress;

/** The {@code os} section; blocking (the host name lookup may hit DNS). */
final class OsSection {

  private OsSection() {
  }

  static JsonObject collect() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return new JsonObject()
      .put("name", os.getName())
      .put("version", os.getVersion())
      .put("arch", os.getArch())
      .put("availableProcessors", os.getAvailableProcessors())
      .put("systemLoadAverage", os.getSystemLoadAverage())
      .put("hostname", hostname());
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return System.getenv().getOrDefault("HOSTNAME", "unknown");
    }
  }
}
