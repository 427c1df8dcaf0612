package dev.vitals.benchmarks;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Summarises a JFR recording's {@code jdk.ExecutionSample} events as markdown: the top frames (self time) and the
 * share of samples under each Vitals method (inclusive time), which is what {@code run.sh} puts in
 * {@code RESULTS.md} to explain a missed target. JFR samples Java code only: time in system calls (socket writes,
 * epoll) does not show.
 *
 * <pre>
 * java -cp vitals-benchmarks.jar dev.vitals.benchmarks.ProfileSummary health.jfr [top frames, default 12]
 * </pre>
 */
public final class ProfileSummary {

  private static final String OURS = "dev.vitals.";
  /** Library methods worth seeing inclusively beside ours: JSON encoding and the response write. */
  private static final List<String> WATCHED = List.of("io.vertx.core.json.JsonObject.encode",
    "io.vertx.core.http.impl.Http1xServerResponse.end", "io.vertx.core.buffer.Buffer.buffer",
    "io.vertx.ext.web.impl.RouterImpl.handle");

  private ProfileSummary() {
  }

  /**
   * Prints the summary on stdout.
   *
   * @param args the recording, then optionally the number of top frames to list
   * @throws IOException when the recording cannot be read
   */
  public static void main(String[] args) throws IOException {
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 12;
    System.out.print(summarize(RecordingFile.readAllEvents(Path.of(args[0])), top));
  }

  static String summarize(List<RecordedEvent> events, int top) {
    Map<String, Integer> self = new LinkedHashMap<>();
    Map<String, Integer> inclusive = new LinkedHashMap<>();
    int samples = 0;
    for (RecordedEvent event : events) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      RecordedStackTrace stack = event.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) {
        continue;
      }
      samples++;
      List<RecordedFrame> frames = stack.getFrames();
      self.merge(name(frames.get(0)), 1, Integer::sum);
      Set<String> seen = new HashSet<>();
      for (RecordedFrame frame : frames) {
        String name = name(frame);
        if ((name.startsWith(OURS) || WATCHED.contains(name)) && seen.add(name)) {
          inclusive.merge(name, 1, Integer::sum);
        }
      }
    }
    StringBuilder md = new StringBuilder();
    md.append(String.format(Locale.ROOT, "%d execution samples (Java code only).%n%n", samples));
    md.append("| inclusive | method |\n|--:|---|\n");
    int total = samples;
    inclusive.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
      .filter(e -> e.getValue() * 100.0 / total >= 1.0)
      .forEach(e -> md.append(String.format(Locale.ROOT, "| %.1f %% | `%s` |%n", e.getValue() * 100.0 / total, e.getKey())));
    md.append("\n| self | top frame |\n|--:|---|\n");
    self.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
      .forEach(e -> md.append(String.format(Locale.ROOT, "| %.1f %% | `%s` |%n", e.getValue() * 100.0 / total, e.getKey())));
    return md.toString();
  }

  private static String name(RecordedFrame frame) {
    String type = frame.getMethod().getType().getName();
    int lambda = type.indexOf("$$Lambda");
    if (lambda >= 0) {
      type = type.substring(0, lambda) + "$$Lambda";
    }
    return type + "." + frame.getMethod().getName();
  }
}
