package dev.vitals.benchmarks.resilience;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static dev.vitals.benchmarks.resilience.HostileDependencies.await;

/**
 * Issue 23, item 6's slow clients, on raw sockets from chosen loopback addresses: {@code /health/events} streams
 * whose client reads the status line and nothing more, and HTTP/1.1 request heads dribbled a byte at a time.
 */
final class SlowClients implements AutoCloseable {

  private static final String EVENTS = "GET /health/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n";
  private static final String DRIBBLED_HEAD = "GET /health/live HTTP/1.1\r\nHost: x\r\nX-Dribble: ";
  private static final int BATCH = 100;

  private final Vertx vertx = Vertx.vertx();
  private final List<NetSocket> held = new CopyOnWriteArrayList<>();
  private final List<Long> timers = new CopyOnWriteArrayList<>();

  /**
   * Never-read event streams.
   *
   * @param statuses   the status code each asked stream got, each with its count ({@code 0}: none)
   * @param closedSoFar streams the server has closed since
   */
  record Streams(Map<Integer, Integer> statuses, AtomicInteger closedSoFar) {
  }

  /**
   * Dribbled request heads.
   *
   * @param opened       connections opened
   * @param closed       connections the server closed
   * @param firstCloseMs ms from the first connection to the first close, -1 for none
   * @param answered     bytes the server answered on them
   */
  record Dribble(int opened, AtomicInteger closed, AtomicLong firstCloseMs, AtomicLong answered) {
  }

  /**
   * Opens {@code perAddress} streams from each address on 127.0.0.1:{@code port}; each reads its status line, then
   * pauses for good (its socket is no longer read: the kernel's buffers fill, then the server's queue).
   *
   * @return what the streams got, once every one got its status line or was closed
   */
  Streams neverReadEventStreams(int port, List<String> addresses, int perAddress) {
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    AtomicInteger closed = new AtomicInteger();
    List<Future<Void>> answered = new ArrayList<>();
    for (String address : addresses) {
      NetClient client = vertx.createNetClient(new NetClientOptions().setLocalAddress(address));
      for (int i = 0; i < perAddress; i++) {
        Promise<Void> status = Promise.promise();
        answered.add(status.future());
        client.connect(port, "127.0.0.1").onFailure(failure -> {
          statuses.merge(0, 1, Integer::sum);
          status.tryComplete();
        }).onSuccess(socket -> {
          held.add(socket);
          socket.closeHandler(v -> {
            closed.incrementAndGet();
            if (status.tryComplete()) {
              statuses.merge(0, 1, Integer::sum);
            }
          });
          socket.handler(first -> {
            socket.pause();
            String line = first.toString(StandardCharsets.US_ASCII);
            int code = line.startsWith("HTTP/1.1 ") && line.length() >= 12 ? Integer.parseInt(line.substring(9, 12)) : 0;
            if (status.tryComplete()) {
              statuses.merge(code, 1, Integer::sum);
            }
          });
          socket.write(EVENTS);
        });
      }
    }
    await(Future.join(answered));
    return new Streams(new TreeMap<>(statuses), closed);
  }

  /**
   * @return the status line another client, reading, gets for {@code /health/events} from 127.0.0.1 (or what went
   *         wrong); it closes at once
   */
  static String readingClientStatus(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write(EVENTS.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c >= 0 && c != '\r'; c = in.read()) {
        line.append((char) c);
      }
      return line.toString();
    } catch (IOException e) {
      return e.toString();
    }
  }

  /**
   * Opens {@code count} connections from {@code from} to 127.0.0.1:{@code port}, each sending a request head short of
   * its end, then one more byte of a header value on each every {@code periodMs}.
   *
   * @return the connections' fate so far, updated as it goes
   */
  Dribble dribble(int port, String from, int count, long periodMs) {
    NetClient client = vertx.createNetClient(new NetClientOptions().setLocalAddress(from));
    AtomicInteger closed = new AtomicInteger();
    AtomicLong firstClose = new AtomicLong(-1);
    AtomicLong answered = new AtomicLong();
    long started = System.nanoTime();
    List<NetSocket> dribbling = new ArrayList<>();
    for (int i = 0; i < count; i += BATCH) {
      List<Future<NetSocket>> batch = new ArrayList<>();
      for (int j = i; j < Math.min(i + BATCH, count); j++) {
        batch.add(client.connect(port, "127.0.0.1").onSuccess(socket -> {
          socket.handler(bytes -> answered.addAndGet(bytes.length()));
          socket.closeHandler(v -> {
            closed.incrementAndGet();
            firstClose.compareAndSet(-1, (System.nanoTime() - started) / 1_000_000);
          });
          socket.write(DRIBBLED_HEAD);
        }));
      }
      await(Future.join(batch));
      batch.stream().filter(Future::succeeded).forEach(connected -> dribbling.add(connected.result()));
    }
    held.addAll(dribbling);
    timers.add(vertx.setPeriodic(periodMs, id -> dribbling.forEach(socket -> socket.write("a"))));
    return new Dribble(dribbling.size(), closed, firstClose, answered);
  }

  /** Stops dribbling and closes every connection opened so far. */
  void closeAll() {
    timers.forEach(vertx::cancelTimer);
    timers.clear();
    List<Future<Void>> closing = new ArrayList<>();
    held.forEach(socket -> closing.add(socket.close()));
    held.clear();
    await(Future.join(closing));
  }

  @Override
  public void close() {
    await(vertx.close());
  }
}
