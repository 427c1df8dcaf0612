package dev.vitals.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The part of {@code RESULTS.md} about issue 12's targets: the "scale" scenario (Vitals' {@code /health} over
 * 1, 10, 100 and 1,000 checks beside a bare route serving the same bytes, scenarios {@code scale<N>} in
 * {@code runs.tsv}), heap per registered check ({@link HeapPerCheck}) and the first answer after JVM start.
 *
 * <p>Facts read: {@code heap_per_check_registry_bytes}, {@code heap_per_check_served_bytes},
 * {@code heap_per_check_all_formats_bytes} (medians over runs), {@code heap_per_check_runs} (each run's served
 * figure, space-separated), {@code startup_bare_ms}, {@code startup_ms}, {@code startup_cds_ms} (medians of wall
 * time to the first 200, ms), {@code startup_bare_cpu_ms}, {@code startup_cpu_ms}, {@code startup_cds_cpu_ms} (the
 * same runs' CPU time, user + system, ms), {@code startup_runs} (how many of each), {@code startup_spread} (each
 * run's figures, for the reader).
 */
final class ScaleResults {

  /** Issue 12's targets. */
  static final double MIN_RPS_RATIO = 0.9;
  static final long MAX_BYTES_PER_CHECK = 2 * 1024;
  static final double MAX_STARTUP_RATIO = 1.15;

  private final ResultsMarkdown results;

  ScaleResults(ResultsMarkdown results) {
    this.results = results;
  }

  /** @return the verdicts of the scale scenario, heap per check and start-up, or {@code ""} when none was measured */
  String verdicts() {
    StringBuilder md = new StringBuilder();
    List<String> sizes = new ArrayList<>();
    boolean met = true;
    for (String n : List.of("1", "10", "100", "1000")) {
      if (results.has("scale" + n, "vitals") && results.has("scale" + n, "bare")) {
        double ratio = results.ratioValue("scale" + n, "vitals", ResultsMarkdown.RPS);
        sizes.add(String.format(Locale.ROOT, "%s: %.2f ×", n, ratio));
        met &= ratio >= MIN_RPS_RATIO;
      }
    }
    if (!sizes.isEmpty()) {
      md.append(String.format(Locale.ROOT, "- **6 scale** (`/health` over N checks beside a bare route serving the "
          + "same bytes) — target: Vitals ≥ %.1f × bare req/s at every size. Measured, checks: ratio: %s: **%s**.%n",
        MIN_RPS_RATIO, String.join(", ", sizes), met ? "met" : "missed"));
    }
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
