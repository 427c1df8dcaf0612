package dev.vitals.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The part of {@code RESULTS.md} about issue 12's targets: the "scale" scenario (Vitals' {@code /health} over
 * 1, 10, 100 and 1,000 checks beside a bare route serving the same bytes, scenarios {@code scale<N>} in
 * {@code runs.tsv}), heap per registered check ({@link HeapPerCheck}) and the first answer after JVM start; and
 * about issue 22's: the same {@code /health} on the standalone jar as shipped (scenarios {@code standalone-cheap}
 * and {@code standalone-scale<N>}, contenders {@code bare} and {@code standalone}) as the first row of each size,
 * the library alone ({@code cheap} and {@code scale<N>}, contender {@code vitals}) as the second.
 *
 * <p>Facts read: {@code <scenario>_body_bytes} (the standalone's {@code /health} answer, bytes),
 * {@code heap_per_check_registry_bytes}, {@code heap_per_check_served_bytes},
 * {@code heap_per_check_all_formats_bytes} (medians over runs), {@code heap_per_check_runs} (each run's served
 * figure, space-separated), {@code startup_bare_ms}, {@code startup_ms}, {@code startup_cds_ms} (medians of wall
 * time to the first 200, ms), {@code startup_bare_cpu_ms}, {@code startup_cpu_ms}, {@code startup_cds_cpu_ms} (the
 * same runs' CPU time, user + system, ms), {@code startup_runs} (how many of each), {@code startup_spread} (each
 * run's figures, for the reader).
 */
final class ScaleResults {

  /** Issue 12's targets; the first also issue 22's, for the standalone jar. */
  static final double MIN_RPS_RATIO = 0.9;
  static final long MAX_BYTES_PER_CHECK = 2 * 1024;
  static final double MAX_STARTUP_RATIO = 1.15;

  private static final List<String> SIZES = List.of("1", "10", "100", "1000");

  private final ResultsMarkdown results;

  ScaleResults(ResultsMarkdown results) {
    this.results = results;
  }

  /**
   * @return the table of {@code /health} on the standalone jar (first row of each size) and on the library alone
   *     (second row), each beside its bare route, with a verdict per row; {@code ""} when neither was measured
   */
  String shipped() {
    StringBuilder rows = new StringBuilder();
    List<String> bytes = new ArrayList<>();
    for (String[] row : shippedRows()) {
      String checks = row[0];
      String scenario = row[1];
      String contender = row[2];
      if (results.has(scenario, contender) && results.has(scenario, "bare")) {
        double rps = results.median(scenario, contender, ResultsMarkdown.RPS);
        double bare = results.median(scenario, "bare", ResultsMarkdown.RPS);
        double ratio = results.ratioValue(scenario, contender, ResultsMarkdown.RPS);
        double p99 = results.median(scenario, contender, ResultsMarkdown.P99);
        double p99Ratio = results.ratioValue(scenario, contender, ResultsMarkdown.P99);
        rows.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f | %s | %.2f | **%s** |%n", checks, row[3],
          ResultsMarkdown.whole(rps), ResultsMarkdown.whole(bare), ratio, ResultsMarkdown.ms(p99), p99Ratio,
          ResultsMarkdown.verdict(ratio >= MIN_RPS_RATIO)));
        if (results.fact(scenario + "_body_bytes") != null) {
          bytes.add(checks + ": " + results.fact(scenario + "_body_bytes"));
        }
      }
    }
    if (rows.isEmpty()) {
      return "";
    }
    return String.format(Locale.ROOT, "%n## `/health` as shipped and as a library%n%n"
        + "| checks | server | req/s | its bare route, req/s | req/s ÷ bare | p99 ms | p99 ÷ bare | ≥ %.1f × bare |%n"
        + "|---|---|--:|--:|--:|--:|--:|---|%n%s%n"
        + "The standalone jar runs with its default config but for its checks (`heap`, always passing) and port, "
        + "beside `BareStartup` in a JVM of its own serving a constant copy of its `/health` answer (bytes, by "
        + "checks: %s); the library alone is `HealthHandler` on a plain router beside `/bare` in the same JVM "
        + "(`BenchmarkServer`, `ScaleServer`). Medians and ratios as in the table above.%n",
      MIN_RPS_RATIO, rows, bytes.isEmpty() ? "not recorded" : String.join(", ", bytes));
  }

  /** @return per row: checks, scenario, contender, server; the standalone jar first at each size */
  private static List<String[]> shippedRows() {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"10 (scenario 1)", "standalone-cheap", "standalone", "standalone jar"});
    rows.add(new String[] {"10 (scenario 1)", "cheap", "vitals", "library alone (`BenchmarkServer`)"});
    for (String n : SIZES) {
      rows.add(new String[] {n, "standalone-scale" + n, "standalone", "standalone jar"});
      rows.add(new String[] {n, "scale" + n, "vitals", "library alone (`ScaleServer`)"});
    }
    return rows;
  }

  /** @return the verdicts of the scale scenario, heap per check and start-up, or {@code ""} when none was measured */
  String verdicts() {
    StringBuilder md = new StringBuilder();
    md.append(scale("standalone-scale", "standalone", "6 scale, standalone jar as shipped", "`/health` over N `heap` "
      + "checks, its default handlers on, beside a bare route in a JVM of its own serving the same bytes",
      "the standalone"));
    md.append(scale("scale", "vitals", "6 scale", "`/health` over N checks beside a bare route serving the same bytes",
      "Vitals"));
    String served = results.fact("heap_per_check_served_bytes");
    if (served != null) {
      long bytes = Long.parseLong(served);
      md.append(String.format(Locale.ROOT, "- **7 heap per registered check** (%s) — target: ≤ %d bytes. Measured "
          + "%s bytes with the registry and one `/health` body kept (runs: %s); the registry alone %s bytes; with "
          + "the body of each of the three formats kept %s bytes: **%s**.%n", HeapPerCheck.class.getSimpleName(),
        MAX_BYTES_PER_CHECK, served, results.fact("heap_per_check_runs"),
        results.fact("heap_per_check_registry_bytes"), results.fact("heap_per_check_all_formats_bytes"),
        bytes <= MAX_BYTES_PER_CHECK ? "met" : "missed"));
    }
    String bare = results.fact("startup_bare_ms");
    if (bare != null) {
      md.append(String.format(Locale.ROOT, "- **8 first answer after JVM start** (medians of %s runs each, "
          + "interleaved) — target: the standalone jar ≤ %.2f × a bare Vert.x server (`%s`). Wall time: bare %s ms, "
          + "standalone %s ms (%s ×), standalone with its AppCDS archive %s ms (%s ×). CPU time (user + system, "
          + "all threads) to the same answer, steadier on a shared machine: bare %s ms, standalone %s ms (%s ×), "
          + "with AppCDS %s ms (%s ×): **%s** without the archive, **%s** with it. Each run, wall/CPU ms: %s.%n",
        results.fact("startup_runs"), MAX_STARTUP_RATIO, BareStartup.class.getSimpleName(), bare,
        results.fact("startup_ms"), ratio("startup_ms", "startup_bare_ms"), results.fact("startup_cds_ms"),
        ratio("startup_cds_ms", "startup_bare_ms"), results.fact("startup_bare_cpu_ms"),
        results.fact("startup_cpu_ms"), ratio("startup_cpu_ms", "startup_bare_cpu_ms"),
        results.fact("startup_cds_cpu_ms"), ratio("startup_cds_cpu_ms", "startup_bare_cpu_ms"),
        verdict("startup_ms", "startup_bare_ms"), verdict("startup_cds_ms", "startup_bare_ms"),
        results.fact("startup_spread")));
    }
    return md.toString();
  }

  /**
   * @return the verdict line of scenarios {@code <prefix><N>}, contender against bare: "- **name** (what) — target:
   *     who ≥ ..."; {@code ""} when none ran
   */
  private String scale(String prefix, String contender, String name, String what, String who) {
    List<String> sizes = new ArrayList<>();
    boolean met = true;
    for (String n : SIZES) {
      if (results.has(prefix + n, contender) && results.has(prefix + n, "bare")) {
        double ratio = results.ratioValue(prefix + n, contender, ResultsMarkdown.RPS);
        sizes.add(String.format(Locale.ROOT, "%s: %.2f ×", n, ratio));
        met &= ratio >= MIN_RPS_RATIO;
      }
    }
    if (sizes.isEmpty()) {
      return "";
    }
    return String.format(Locale.ROOT, "- **%s** (%s) — target: %s ≥ %.1f × bare req/s at every size. Measured, "
        + "checks: ratio: %s: **%s**.%n", name, what, who, MIN_RPS_RATIO, String.join(", ", sizes),
      ResultsMarkdown.verdict(met));
  }

  private String ratio(String fact, String base) {
    return String.format(Locale.ROOT, "%.2f", value(fact) / value(base));
  }

  private String verdict(String fact, String base) {
    return value(fact) / value(base) <= MAX_STARTUP_RATIO ? "met" : "missed";
  }

  private double value(String fact) {
    String text = results.fact(fact);
    return text == null ? Double.NaN : Double.parseDouble(text);
  }
}
