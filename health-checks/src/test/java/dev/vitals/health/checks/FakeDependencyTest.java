package dev.vitals.health.checks;

import dev.vitals.health.HealthStatus;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.test.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetSocket;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the dependency checks hold their connections and their time against fake servers written here on loopback.
 */
@ExtendWith(VertxExtension.class)
class FakeDependencyTest {

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
    PostgresCheck check = PostgresCheck.create(vertx, new SqlCheckOptions()
      .setUri("postgres://user:fake-pw@127.0.0.1:" + postgres.port + "/db").setTimeout(1_000));
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
}
