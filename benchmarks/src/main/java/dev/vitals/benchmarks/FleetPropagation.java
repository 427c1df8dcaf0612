package dev.vitals.benchmarks;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * {@code fleet.sh}'s third figure: the time from a change on instance B to its view on instance A. CHANGES times,
 * alternately a failure and a good report, it posts to B's {@code /health/heartbeat/<check>} (the passive check is
 * tagged readiness, so B's {@code ready} flips) with the admin token, then polls A's {@code /health/fleet} (one
 * request at a time, 1 ms apart) until B's entry shows the new {@code ready}; between changes it waits 300 to
 * 1,300 ms (seeded: the same waits every run), so that changes land at every phase of the periodic publish. The time
 * runs from just before the POST is sent to the answer that shows the change, in ms.
 * <p>
 * With REPEATS above 0, B's check is kept from flapping (Nagios' detection over its last 21 results, 20 % of
 * state change by default: a check changing at every report flaps from its 5th change, and a flapping check's
 * changes are not notified): 21 good reports before the first change, and REPEATS reports of the same status after
 * each change has shown, as a heartbeat source that reports regularly sends them. With 0, every report is a change.
 * <p>
 * With the {@link FleetListener} log given, it also reads when that listener heard B's status with the new
 * {@code ready} on the event bus: the bus part of the same time.
 * <p>
 * Prints one line per change ({@code change=<i> ready=<bool> view_ms=<ms> bus_ms=<ms or ->}) and a last line:
 * {@code changes=<n> view_median_ms=.. view_p95_ms=.. view_max_ms=.. bus_median_ms=.. bus_p95_ms=.. bus_max_ms=..}
 * (nearest-rank percentiles).
 *
 * <pre>
 * java -cp benchmarks/target/vitals-benchmarks.jar dev.vitals.benchmarks.FleetPropagation \
 *   A_PORT B_PORT TOKEN CHECK CHANGES REPEATS [LISTENER_LOG]
 * </pre>
 */
public final class FleetPropagation {

  /** The most time one change may take to show, in ms: longer is reported as a failure of the run. */
  private static final long GIVE_UP_MS = 30_000;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final int a;
  private final int b;
  private final String token;
  private final String check;

  private FleetPropagation(int a, int b, String token, String check) {
    this.a = a;
    this.b = b;
    this.token = token;
    this.check = check;
  }

  /**
   * @param args A's and B's HTTP ports, the admin token, the passive check's name, how many changes, how many
   *             reports of the same status after each, optionally the listener's log
   * @throws Exception when a change does not show on A within 30 s, or a request fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 6) {
      System.err.println("usage: FleetPropagation A_PORT B_PORT TOKEN CHECK CHANGES REPEATS [LISTENER_LOG]");
      System.exit(2);
    }
    FleetPropagation run = new FleetPropagation(Integer.parseInt(args[0]), Integer.parseInt(args[1]), args[2],
      args[3]);
    int changes = Integer.parseInt(args[4]);
    int repeats = Integer.parseInt(args[5]);
    Path listenerLog = args.length > 6 ? Path.of(args[6]) : null;
    Random waits = new Random(17);
    List<Long> sent = new ArrayList<>();
    List<Long> view = new ArrayList<>();
    if (repeats > 0) {
      for (int i = 0; i < 21; i++) {
        run.report(true);
      }
    }
    for (int i = 0; i < changes; i++) {
      boolean ready = i % 2 == 1;
      sent.add(System.currentTimeMillis());
      view.add(run.change(ready));
      for (int r = 0; r < repeats; r++) {
        run.report(ready);
      }
      Thread.sleep(300 + waits.nextInt(1_000));
    }
    List<Long> bus = new ArrayList<>();
    if (listenerLog != null) {
      List<String[]> heard = Files.readAllLines(listenerLog).stream().map(line -> line.split("\t"))
        .filter(fields -> fields.length == 5 && fields[1].equals("127.0.0.1:" + run.b)).toList();
      for (int i = 0; i < changes; i++) {
        String ready = String.valueOf(i % 2 == 1);
        long from = sent.get(i);
        bus.add(heard.stream().filter(f -> f[2].equals(ready) && Long.parseLong(f[0]) >= from)
          .mapToLong(f -> Long.parseLong(f[0]) - from).findFirst().orElse(-1));
      }
    }
    for (int i = 0; i < changes; i++) {
      System.out.printf("change=%d ready=%b view_ms=%d bus_ms=%s%n", i + 1, i % 2 == 1, view.get(i),
        bus.isEmpty() || bus.get(i) < 0 ? "-" : bus.get(i));
    }
    List<Long> heardBus = bus.stream().filter(ms -> ms >= 0).toList();
    System.out.printf("changes=%d view_median_ms=%s view_p95_ms=%s view_max_ms=%s bus_median_ms=%s bus_p95_ms=%s"
        + " bus_max_ms=%s bus_heard=%d%n", changes, rank(view, 50), rank(view, 95), rank(view, 100),
      rank(heardBus, 50), rank(heardBus, 95), rank(heardBus, 100), heardBus.size());
  }

  /** Reports B's passive check failing ({@code ready} false) or good, then polls A; returns the ms it took. */
  private long change(boolean ready) throws IOException, InterruptedException {
    long start = System.nanoTime();
    report(ready);
    while (true) {
      HttpResponse<String> fleet = http.send(request(a, "/health/fleet").build(), HttpResponse.BodyHandlers.ofString());
      long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      if (Boolean.valueOf(ready).equals(readyOnA(new JsonObject(fleet.body())))) {
        return elapsed;
      }
      if (elapsed > GIVE_UP_MS) {
        throw new IllegalStateException("B's ready=" + ready + " not on A after " + elapsed + " ms: " + fleet.body());
      }
      Thread.sleep(1);
    }
  }

  /** Reports B's passive check good, or failing. */
  private void report(boolean good) throws IOException, InterruptedException {
    HttpRequest.Builder report = request(b, "/health/heartbeat/" + check).header("Authorization", "Bearer " + token);
    report = good ? report.POST(HttpRequest.BodyPublishers.noBody())
      : report.header("Content-Type", "application/json")
      .POST(HttpRequest.BodyPublishers.ofString("{\"status\": \"fail\", \"output\": \"fleet.sh\"}"));
    HttpResponse<String> answer = http.send(report.build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("heartbeat on B: " + answer.statusCode() + " " + answer.body());
    }
  }

  private Boolean readyOnA(JsonObject fleet) {
    for (Object node : fleet.getJsonArray("nodes")) {
      JsonObject entry = (JsonObject) node;
      if (entry.getString("instance").equals("127.0.0.1:" + b)) {
        return entry.getBoolean("ready");
      }
    }
    return null;
  }

  private HttpRequest.Builder request(int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
  }

  /** The nearest-rank percentile, or "-" for no values. */
  private static String rank(List<Long> values, int percentile) {
    if (values.isEmpty()) {
      return "-";
    }
    List<Long> sorted = values.stream().sorted().toList();
    int index = Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
    return String.valueOf(sorted.get(index));
  }
}
