package dev.vitals.environment.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.RuntimeMXBean;
import java.util.TreeMap;

/** The {@code jvm} section, from the JDK's management beans. */
final class JvmSection {

  private JvmSection() {
  }

  static JsonObject collect() {
    RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    JsonArray gc = new JsonArray();
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      gc.add(new JsonObject().put("name", collector.getName()).put("count", collector.getCollectionCount())
        .put("timeMs", collector.getCollectionTime()));
    }
    JsonObject properties = new JsonObject();
    new TreeMap<>(System.getProperties()).forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
    return new JsonObject()
      .put("javaVersion", System.getProperty("java.version"))
      .put("vendor", System.getProperty("java.vendor"))
      .put("vmName", runtime.getVmName())
      .put("vmVersion", runtime.getVmVersion())
      .put("inputArguments", new JsonArray(runtime.getInputArguments()))
      .put("uptimeMs", runtime.getUptime())
      .put("memory", new JsonObject()
        .put("heap", usage(memory.getHeapMemoryUsage()))
        .put("nonHeap", usage(memory.getNonHeapMemoryUsage())))
      .put("gc", gc)
      .put("systemProperties", properties);
  }

  private static JsonObject usage(MemoryUsage usage) {
    return new JsonObject().put("init", usage.getInit()).put("used", usage.getUsed())
      .put("committed", usage.getCommitted()).put("max", usage.getMax());
  }
}
