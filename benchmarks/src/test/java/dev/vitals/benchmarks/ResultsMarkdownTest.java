package dev.vitals.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Medians, per-round ratios and verdicts from made-up measurements. */
class ResultsMarkdownTest {

  private static String run(String scenario, String contender, int round, double rps, long p99, String runs) {
    return String.join("\t", scenario, contender, Integer.toString(round), "10.0", Long.toString((long) (rps * 10)),
      Double.toString(rps), "500", Long.toString(p99), Long.toString(p99 * 2), "0", runs);
  }

  @Test
  void ratiosAreMediansOfPerRoundRatiosAndVerdictsFollowTheTargets() {
    List<String> runs = List.of(
      run("cheap", "bare", 1, 100_000, 1_000, "-"),
      run("cheap", "vitals", 1, 95_000, 1_500, "-"),
      run("cheap", "bare", 2, 50_000, 1_000, "-"),
      run("cheap", "vitals", 2, 40_000, 1_500, "-"),
      run("cheap", "bare", 3, 80_000, 1_000, "-"),
      run("cheap", "vitals", 3, 76_000, 1_500, "-"),
      run("expiry", "vitals", 1, 50_000, 1_000, "31"),
      run("expiry", "vertx", 1, 10_000, 1_000, "100000"),
      run("consul", "vitals", 1, 50_000, 1_000, "0"),
      run("consul", "lookup", 1, 5_000, 1_000, "50000"));
    ResultsMarkdown results = new ResultsMarkdown(runs, List.of("rounds\t3", "connections\t50"), List.of());

    // per-round ratios 0.95, 0.80, 0.95: median 0.95 (the median of the medians would be 80k / 80k = 1.0)
    assertThat(results.ratioValue("cheap", "vitals", 5)).isEqualTo(0.95);
    String md = results.render();
    assertThat(md).contains("| cheap | vitals | 76,000 | 0.50 | 1.50 | 3.00 | 0.95 | 1.50 | 0 |  |");
    assertThat(md).contains("Measured 0.95 × req/s, 1.50 × p99: **met**");
    assertThat(md).contains("= 11 runs per check").contains("Measured 31 runs of the busiest check");
    assertThat(md).contains("**missed**");
    assertThat(md).contains("Vitals: 0 requests to Consul").contains("Per-request lookup: 50,000 requests");
  }

  @Test
  void scaleHeapAndStartUpVerdictsFollowIssue12sTargets() {
    List<String> runs = List.of(
      run("scale10", "bare", 1, 100_000, 1_000, "-"),
      run("scale10", "vitals", 1, 95_000, 1_000, "-"),
      run("scale1000", "bare", 1, 1_000, 1_000, "-"),
      run("scale1000", "vitals", 1, 850, 1_000, "-"));
    List<String> facts = List.of("heap_per_check_served_bytes\t960", "heap_per_check_registry_bytes\t340",
      "heap_per_check_all_formats_bytes\t1290", "heap_per_check_runs\t960 970 950", "startup_runs\t5",
      "startup_bare_ms\t1000", "startup_ms\t1300", "startup_cds_ms\t1100", "startup_bare_cpu_ms\t2000",
      "startup_cpu_ms\t2600", "startup_cds_cpu_ms\t1700", "startup_spread\tbare 1000/2000");
    String md = new ResultsMarkdown(runs, facts, List.of()).render();
    assertThat(md).contains("Measured, checks: ratio: 10: 0.95 ×, 1000: 0.85 ×: **missed**");
    assertThat(md).contains("Measured 960 bytes").contains("**met**.");
    assertThat(md).contains("standalone 1300 ms (1.30 ×), standalone with its AppCDS archive 1100 ms (1.10 ×)")
      .contains("**missed** without the archive, **met** with it");
  }

  @Test
  void theStandaloneJarIsTheFirstRowOfEachSizeAndTheLibraryAloneTheSecond() {
    List<String> runs = List.of(
      run("standalone-cheap", "bare", 1, 100_000, 1_000, "-"),
      run("standalone-cheap", "standalone", 1, 60_000, 3_000, "-"),
      run("cheap", "bare", 1, 100_000, 1_000, "-"),
      run("cheap", "vitals", 1, 95_000, 1_500, "-"),
      run("standalone-scale1", "bare", 1, 100_000, 1_000, "-"),
      run("standalone-scale1", "standalone", 1, 92_000, 1_000, "-"),
      run("scale1", "bare", 1, 100_000, 1_000, "-"),
      run("scale1", "vitals", 1, 96_000, 1_000, "-"),
      run("standalone-scale1000", "bare", 1, 1_000, 1_000, "-"),
      run("standalone-scale1000", "standalone", 1, 500, 2_000, "-"),
      run("scale1000", "bare", 1, 1_000, 1_000, "-"),
      run("scale1000", "vitals", 1, 950, 1_000, "-"));
    List<String> facts = List.of("standalone-cheap_body_bytes\t7260", "standalone-scale1_body_bytes\t730");
    String md = new ResultsMarkdown(runs, facts, List.of()).render();

    assertThat(md).contains("""
      | 10 (scenario 1) | standalone jar | 60,000 | 100,000 | 0.60 | 3.00 | 3.00 | **missed** |
      | 10 (scenario 1) | library alone (`BenchmarkServer`) | 95,000 | 100,000 | 0.95 | 1.50 | 1.50 | **met** |
      | 1 | standalone jar | 92,000 | 100,000 | 0.92 | 1.00 | 1.00 | **met** |
      | 1 | library alone (`ScaleServer`) | 96,000 | 100,000 | 0.96 | 1.00 | 1.00 | **met** |
      | 1000 | standalone jar | 500 | 1,000 | 0.50 | 2.00 | 2.00 | **missed** |
      | 1000 | library alone (`ScaleServer`) | 950 | 1,000 | 0.95 | 1.00 | 1.00 | **met** |
      """);
    assertThat(md).contains("(bytes, by checks: 10 (scenario 1): 7260, 1: 730)");
    assertThat(md).contains("- **1 cheap checks, standalone jar as shipped**")
      .contains("Measured 0.60 × req/s, 3.00 × p99: **missed**");
    assertThat(md).contains("- **6 scale, standalone jar as shipped**")
      .contains("Measured, checks: ratio: 1: 0.92 ×, 1000: 0.50 ×: **missed**")
      .contains("Measured, checks: ratio: 1: 0.96 ×, 1000: 0.95 ×: **met**");
    assertThat(md.indexOf("standalone jar as shipped** (10")).isLessThan(md.indexOf("- **1 cheap checks** —"));
    assertThat(md.indexOf("- **6 scale, standalone")).isLessThan(md.indexOf("- **6 scale** ("));
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(ResultsMarkdown.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
  }
}
