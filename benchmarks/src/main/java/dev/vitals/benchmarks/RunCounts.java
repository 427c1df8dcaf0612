package dev.vitals.benchmarks;

import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many times each check procedure actually ran, per contender: what scenario 3 compares. Thread-safe, as
 * procedures run on several event loops.
 */
public final class RunCounts {

  private final Map<String, Map<String, LongAdder>> runs = new ConcurrentHashMap<>();

  /**
   * Records one run.
   *
   * @param contender {@code vitals} or {@code vertx}
   * @param check     the check's name
   */
  public void ran(String contender, String check) {
    runs.computeIfAbsent(contender, k -> new ConcurrentHashMap<>())
      .computeIfAbsent(check, k -> new LongAdder())
      .increment();
  }

  /**
   * @param contender a contender's name
   * @param check     a check's name
   * @return the runs of that check so far; 0 when it never ran
   */
  public long count(String contender, String check) {
    LongAdder count = runs.getOrDefault(contender, Map.of()).get(check);
    return count == null ? 0 : count.sum();
  }

  /** @return {@code {"<contender>": {"<check>": runs, ...}, ...}} */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    runs.forEach((contender, checks) -> {
      JsonObject perCheck = new JsonObject();
      checks.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> perCheck.put(e.getKey(), e.getValue().sum()));
      json.put(contender, perCheck);
    });
    return json;
  }
}
