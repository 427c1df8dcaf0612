package dev.vitals.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The history on vs off table and verdicts from made-up measurements. */
class HistoryResultsTest {

  private static String run(String scenario, String contender, int round, double rps, long p50, long p99) {
    return String.join("\t", scenario, contender, Integer.toString(round), "10.0", Long.toString((long) (rps * 10)),
      Double.toString(rps), Long.toString(p50), Long.toString(p99), Long.toString(p99 * 2), "0", "-");
  }

  @Test
  void onIsComparedWithOffRoundByRoundAndHistoryOfYoungAndFullChecksWithFiftyMilliseconds() {
    List<String> runs = List.of(
      run("health", "bare", 1, 10_000, 1_000, 5_000),
      run("health", "history-on", 1, 9_000, 1_000, 6_000),
      run("health", "history-off", 1, 10_000, 1_000, 6_000),
      run("health", "bare", 2, 10_000, 1_000, 5_000),
      run("health", "history-on", 2, 4_000, 1_000, 6_000),
      run("health", "history-off", 2, 5_000, 1_000, 6_000),
      run("health-history", "history-on", 1, 20, 40_000, 70_000),
      run("health-history", "history-full", 1, 4, 250_000, 500_000),
      run("health-history", "history-off", 1, 1_000, 1_000, 2_000),
      run("health-ui", "history-on", 1, 5, 200_000, 300_000),
      run("health-ui", "history-off", 1, 10, 100_000, 150_000));
    List<String> facts = List.of("checks\t1000", "connections\t50", "rounds\t2", "duration_s\t10",
      "heap_history-on_bytes\t20971520", "heap_history-off_bytes\t10485760",
      "history-on_health-history_body_bytes\t2000000", "history-off_health-history_body_bytes\t13",
      "store_bytes\t500000", "store_seconds\t300", "history-on_recent_runs\t11.0",
      "history-full_recent_runs\t100.0", "history-full_health-history_body_bytes\t11000000");
    String md = new HistoryResults(new ResultsMarkdown(runs, facts, List.of())).render();

    // per-round ratios 0.90 and 0.80: median 0.85
    assertThat(md).contains("| 1,000 checks | history on (SQLite store) | history on, 100.0 runs a check |");
    assertThat(md).contains("| `GET /health` req/s (50 connections) | 6,500 | — | 7,500 | 0.85 | 10,000 |");
    assertThat(md).contains("| `GET /health/history` median ms (1 connection) | 40.00 | 250.00 | 1.00 | — | — |");
    assertThat(md).contains("| `GET /health/ui` median ms (1 connection) | 200.00 | — | 100.00 | 2.00 | — |");
    assertThat(md).contains("| `GET /health/history` answers timed | 200 | 40 | 10,000 | | |");
    assertThat(md).contains("| `GET /health/history` body, bytes (at the end) | 2,000,000 | 11,000,000 | 13 | | |");
    assertThat(md).contains("| live heap after a full GC (after the runs) | 20.0 MiB | not measured | 10.0 MiB | 2.00 | |");
    assertThat(md).contains("`history-on`, 11.0 runs a check in `recent` on average (it keeps 100), an answer of "
      + "2,000,000 bytes: median 40.00 ms, p99 70.00 ms (the median within). `history-full`, 100.0 runs")
      .contains("median 250.00 ms, p99 500.00 ms (both above). **missed**.");
    assertThat(md).contains("**0.85** (per round: 0.90, 0.80)").contains("spread from 5,000 to 10,000 req/s");
    assertThat(md).contains("after running 5.0 min: **500,000 bytes**, 500 bytes per check (100 bytes per check per "
      + "minute run");
  }
}
