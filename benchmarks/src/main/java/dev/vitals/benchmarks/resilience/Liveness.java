package dev.vitals.benchmarks.resilience;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Asks {@code GET /health/live} of the standalone every {@value #PERIOD_MS} ms after the last answer, each time over a
 * fresh connection from 127.0.0.1 ({@code Connection: close}), as a kubelet or a load balancer does, and keeps each
 * answer's status and latency until {@link #cut()}.
 */
final class Liveness implements AutoCloseable {

  /** Pause between an answer and the next probe, in ms. */
  static final long PERIOD_MS = 150;

  /** Connect and read timeout of one probe, in ms: a probe that gets no answer within it counts as no answer. */
  static final int TIMEOUT_MS = 2_000;

  private static final byte[] REQUEST = "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    .getBytes(StandardCharsets.US_ASCII);

  /**
   * One probe.
   *
   * @param status the answer's status code, 0 for none (refused, reset or timed out)
   * @param millis from connect to the end of the answer (or the failure), in ms
   */
  record Answer(int status, long millis) {
  }

  /** The answers between two cuts. */
  record Window(List<Answer> answers) {

    long ok() {
      return answers.stream().filter(a -> a.status() == 200).count();
    }

    long worstMillis() {
      return answers.stream().mapToLong(Answer::millis).max().orElse(0);
    }

    /** @return e.g. {@code 61/61, worst 12 ms}, with the other answers by status ({@code none} for no answer) */
    String summary() {
      Map<String, Integer> others = new TreeMap<>();
      answers.stream().filter(a -> a.status() != 200)
        .forEach(a -> others.merge(a.status() == 0 ? "none" : Integer.toString(a.status()), 1, Integer::sum));
      return String.format(Locale.ROOT, "%d/%d, worst %,d ms%s", ok(), answers.size(), worstMillis(),
        others.isEmpty() ? "" : " (" + others.toString().replaceAll("[{}]", "") + ")");
    }
  }

  private final int port;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "liveness-probe");
    thread.setDaemon(true);
    return thread;
  });
  private List<Answer> answers = new ArrayList<>();

  private Liveness(int port) {
    this.port = port;
    timer.scheduleWithFixedDelay(this::probe, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  /** @return a probe of the standalone on 127.0.0.1:{@code port}, asking from now on */
  static Liveness start(int port) {
    return new Liveness(port);
  }

  /** @return the answers since the start or the last cut; the probe goes on */
  synchronized Window cut() {
    Window window = new Window(answers);
    answers = new ArrayList<>();
    return window;
  }

  private synchronized void record(Answer answer) {
    answers.add(answer);
  }

  private void probe() {
    long started = System.nanoTime();
    int status = 0;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
      socket.setSoTimeout(TIMEOUT_MS);
      OutputStream out = socket.getOutputStream();
      out.write(REQUEST);
      out.flush();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      if (answer.startsWith("HTTP/1.1 ") && answer.length() >= 12) {
        status = Integer.parseInt(answer.substring(9, 12));
      }
    } catch (IOException | NumberFormatException noAnswer) {
      status = 0;
    }
    record(new Answer(status, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(TIMEOUT_MS * 2L, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
