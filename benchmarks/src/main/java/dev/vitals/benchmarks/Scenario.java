package dev.vitals.benchmarks;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The load scenarios of issue 5, each a way the 10 check procedures behave. The server takes one as its
 * first argument, by {@linkplain #id() id}.
 */
public enum Scenario {

  /** Scenario 1: every procedure completes at once; default TTLs (27 s / 9 s). */
  CHEAP("cheap", 0, 0),
  /** Scenario 2a: every procedure completes after a 50 ms timer; default TTLs. */
  SLOW_50("slow50", 50, 0),
  /** Scenario 2b: every procedure completes after a 500 ms timer; default TTLs. */
  SLOW_500("slow500", 500, 0),
  /** Scenario 3: procedures complete at once, Vitals' success and failure TTLs are 1000 ms. */
  EXPIRY("expiry", 0, 1_000),
  /** Scenario 4: cheap checks, plus {@code /status} over a Consul API double (watcher) and a per-request lookup. */
  CONSUL("consul", 0, 0);

  private final String id;
  private final long latencyMs;
  private final long ttlMs;

  Scenario(String id, long latencyMs, long ttlMs) {
    this.id = id;
    this.latencyMs = latencyMs;
    this.ttlMs = ttlMs;
  }

  /** @return the name on the command line and in the results ({@code cheap}, {@code slow50}, ...) */
  public String id() {
    return id;
  }

  /** @return how long one procedure run takes, in ms; 0 means it completes at once */
  public long latencyMs() {
    return latencyMs;
  }

  /** @return Vitals' success and failure TTL, in ms; 0 means Vitals' defaults (27 s and 9 s) */
  public long ttlMs() {
    return ttlMs;
  }

  /**
   * @param id a scenario id
   * @return the scenario
   * @throws IllegalArgumentException naming the valid ids when there is none with that id
   */
  public static Scenario of(String id) {
    for (Scenario scenario : values()) {
      if (scenario.id.equals(id)) {
        return scenario;
      }
    }
    throw new IllegalArgumentException("Unknown scenario '" + id + "', expected one of "
      + Arrays.stream(values()).map(Scenario::id).collect(Collectors.joining(", ")));
  }
}
