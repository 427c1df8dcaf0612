package dev.vitals.health.checks;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckReport;
import dev.vitals.health.HealthStatus;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.test.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.net.NetSocket;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.vitals.health.checks.PostgresCheckTest.SLACK;
import static dev.vitals.health.checks.PostgresCheckTest.report;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the dependency checks hold their connections and their time against fake servers written here on loopback:
 * a PostgreSQL and an HTTP server that accept and never answer, an HTTP server with an endless body, a Redis that
 * answers at once; and on which threads the dependency loop calls back.
 */
@ExtendWith(VertxExtension.class)
class FakeDependencyTest {

  /** The first run's timeout, in ms: a fresh JVM's class loading on a 2-core machine takes longer. */
  private static final long FIRST_RUN_TIMEOUT = 250;

  /** A TCP server that counts its open connections and the most open at once. */
  private static final class Fake {
    final AtomicInteger open = new AtomicInteger();
    final AtomicInteger most = new AtomicInteger();
    int port;

    void opened() {
      most.accumulateAndGet(open.incrementAndGet(), Math::max);
    }
  }

  /** @param onConnect what it does with each connection it accepts, besides counting it */
  private static Fake fake(Vertx vertx, Consumer<NetSocket> onConnect) {
    Fake fake = new Fake();
    fake.port = Await.result(vertx.createNetServer().connectHandler(socket -> {
      fake.opened();
      socket.closeHandler(closed -> fake.open.decrementAndGet());
      onConnect.accept(socket);
    }).listen(0, "127.0.0.1")).actualPort();
    return fake;
  }

  /** Accepts, reads and never answers. */
  private static Fake silent(Vertx vertx) {
    return fake(vertx, socket -> socket.handler(ignored -> { }));
  }

  /**
   * Runs started faster than the timeout never hold more than one pool beyond the one being closed: a run that
   * starts while the previous one is still in progress fails at once instead of opening another pool.
   */
  @Test
  void overlappingRunsOfASqlCheckHoldAtMostTwoConnections(Vertx vertx) {
    Fake postgres = silent(vertx);
    PostgresCheck check = PostgresCheck.create(vertx, new CheckOptions("db").setTimeout(1_000), new SqlCheckOptions()
      .setUri("postgres://user:fake-pw@127.0.0.1:" + postgres.port + "/db"));
    Future<ProcedureResult> first = check.run();
    Await.until(() -> postgres.open.get() == 1, () -> "the first run never connected");

    List<Future<ProcedureResult>> overlapping = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      overlapping.add(check.run());
    }
    List<ProcedureResult> results = new ArrayList<>();
    for (Future<ProcedureResult> run : overlapping) {
      results.add(Await.result(run));
    }
    assertThat(postgres.most.get()).as("connections open at once").isLessThanOrEqualTo(2);
    for (ProcedureResult result : results) {
      assertThat(result.status()).isEqualTo(HealthStatus.FAIL);
      assertThat(result.output()).isEqualTo("SELECT 1 on 127.0.0.1:" + postgres.port
        + "/db: previous run still in progress");
    }
    assertThat(Await.result(first).status()).isEqualTo(HealthStatus.FAIL);
    // each next run opens a new pool while the timed-out one closes
    for (int i = 0; i < 2; i++) {
      Future<ProcedureResult> next = check.run();
      overlapping.add(check.run());
      assertThat(Await.result(next).status()).isEqualTo(HealthStatus.FAIL);
    }
    Await.result(Future.join(new ArrayList<>(overlapping)));
    assertThat(postgres.most.get()).as("connections open at once").isLessThanOrEqualTo(2);
    Await.result(check.close());
    Await.until(() -> postgres.open.get() == 0, () -> postgres.open + " connections left open after close");
  }

  /** The deadline counts from the run's start, connecting included: a TLS handshake never answered ends with it. */
  @Test
  void anHttpCheckAgainstAServerThatNeverAnswersEndsAtItsTimeout(Vertx vertx) {
    Fake server = silent(vertx);
    for (String scheme : new String[] {"http", "https"}) {
      HttpCheck check = HttpCheck.create(vertx, new CheckOptions("api").setTimeout(1_000), new HttpCheckOptions()
        .setUrl(scheme + "://127.0.0.1:" + server.port + "/health").setTrustAll(true));
      Await.result(check.warmedUp());
      CheckRegistry registry = CheckRegistry.create(vertx);
      registry.register(new CheckOptions("api").setSuccessTtl(0).setFailureTtl(0).setMaxStale(0)
        .setTimeout(SLACK), check);
      CheckReport failed = report(registry, "api");
      assertThat(failed.status()).isEqualTo(HealthStatus.FAIL);
      assertThat(failed.output()).as(scheme).endsWith("timed out after 1000 ms");
      assertThat(failed.durationNanos() / 1e6).as("%s response_time, ms", scheme).isLessThanOrEqualTo(1_500);
      // the connect attempt ends with the run too (closing the client while a TLS handshake is still under way
      // waits for it: Vert.x 5.0.10's HttpClient.close() then took longer than this test waits)
      Await.until(() -> server.open.get() == 0, () -> server.open + " " + scheme + " connections left open");
      Await.result(registry.close());
      Await.result(check.close());
    }
  }

  /** Without a body expectation the status is all a run needs: the body is read up to maxBodySize, no further. */
  @Test
  void anEndlessBodyWithoutExpectationsIsClosedAfterMaxBodySize(Vertx vertx) {
    AtomicInteger open = new AtomicInteger();
    AtomicLong written = new AtomicLong();
    AtomicLong writtenWhenClosed = new AtomicLong(-1);
    Buffer chunk = Buffer.buffer(new byte[8 * 1024]);
    HttpServer upstream = Await.result(vertx.createHttpServer()
      .connectionHandler(connection -> {
        open.incrementAndGet();
        connection.closeHandler(closed -> {
          writtenWhenClosed.set(written.get());
          open.decrementAndGet();
        });
      })
      .requestHandler(request -> {
        request.response().setChunked(true);
        long timer = vertx.setPeriodic(1, id -> {
          if (!request.response().writeQueueFull()) {
            request.response().write(chunk);
            written.addAndGet(chunk.length());
          }
        });
        request.response().closeHandler(closed -> vertx.cancelTimer(timer));
      })
      .listen(0, "127.0.0.1"));
    long maxBodySize = 64 * 1024;
    // a deadline far beyond how long the test waits for the close
    HttpCheck check = HttpCheck.create(vertx, new CheckOptions("api").setTimeout(3 * Await.LIMIT_MS),
      new HttpCheckOptions().setUrl("http://127.0.0.1:" + upstream.actualPort() + "/").setMaxBodySize(maxBodySize));
    ProcedureResult result = Await.result(check.run());
    assertThat(result.status()).as(result.toString()).isEqualTo(HealthStatus.PASS);
    Await.until(() -> open.get() == 0, () -> "the endless body's connection is still open after "
      + written + " bytes");
    assertThat(writtenWhenClosed.get()).as("bytes written when closed").isLessThan(16 * maxBodySize);
    Await.result(check.close());
  }

  /** The dependency loop's threads are named as such, so that a thread dump tells them from the application's. */
  @Test
  void aCheckOnTheDependencyLoopCallsBackOnANamedThread(Vertx vertx) {
    Fake redis = pong(vertx);
    DependencyLoop loop = DependencyLoop.create();
    try {
      TcpCheck check = TcpCheck.create(loop.vertx(), new CheckOptions("tcp"),
        new TcpCheckOptions().setHost("127.0.0.1").setPort(redis.port));
      AtomicReference<String> thread = new AtomicReference<>();
      ProcedureResult result = Await.result(check.run()
        .onComplete(done -> thread.set(Thread.currentThread().getName())));
      assertThat(result.status()).as(result.toString()).isEqualTo(HealthStatus.PASS);
      assertThat(thread.get()).startsWith("vitals-dependency-loop-");
      Await.result(check.close());
    } finally {
      Await.result(loop.close());
    }
  }

  /**
   * A fresh JVM loads the classes of its clients on their first use, which a redis check's first run must not count
   * against its timeout: its client is warmed at creation, as the http and tcp checks' are. The run happens in a
   * child JVM ({@link FirstRedisRun}), the only place where it is a first.
   */
  @Test
  void theFirstRunOfARedisCheckInAFreshJvmPassesAgainstAServerAnsweringAtOnce(Vertx vertx) throws Exception {
    Fake redis = pong(vertx);
    // the fake's own first answer is a first of this JVM: given here, so that the child's run is the only first
    RedisCheck warm = RedisCheck.create(vertx, new CheckOptions("cache").setTimeout(SLACK),
      new RedisCheckOptions().setHost("127.0.0.1").setPort(redis.port));
    assertThat(Await.result(warm.run()).status()).isEqualTo(HealthStatus.PASS);
    Await.result(warm.close());
    String classPath = Stream.of(System.getProperty("jdk.module.path"), System.getProperty("java.class.path"),
        Path.of("target", "test-classes").toAbsolutePath().toString())
      .filter(path -> path != null && !path.isEmpty()).collect(Collectors.joining(File.pathSeparator));
    Path log = Files.createTempFile("first-redis-run", ".log");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
      "-cp", classPath, FirstRedisRun.class.getName(), Integer.toString(redis.port), Long.toString(FIRST_RUN_TIMEOUT))
      .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    String output;
    try {
      assertThat(child.waitFor(Await.LIMIT_MS, TimeUnit.MILLISECONDS)).as("the child ended").isTrue();
      output = Files.readString(log, StandardCharsets.UTF_8).strip();
    } finally {
      child.destroyForcibly();
      Files.deleteIfExists(log);
    }
    assertThat(output).startsWith(HealthStatus.PASS + " PING 127.0.0.1:" + redis.port + ": PONG in ");
  }

  /** A Redis that answers {@code PING} and {@code INFO replication} at once. */
  static Fake pong(Vertx vertx) {
    String info = "# Replication\r\nrole:master\r\n";
    return fake(vertx, socket -> socket.handler(ignored -> socket.write("+PONG\r\n$" + info.length() + "\r\n"
      + info + "\r\n")));
  }
}
