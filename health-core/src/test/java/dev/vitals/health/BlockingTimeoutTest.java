package dev.vitals.health;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/** A hung blocking check is interrupted at its timeout, and its worker is counted until it really returns. */
@ExtendWith(VertxExtension.class)
class BlockingTimeoutTest {

  private CheckRegistry registry;
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void setUp(Vertx vertx) {
    registry = CheckRegistry.create(vertx, new CheckRegistryOptions().setBlockingPoolSize(1));
  }

  @AfterEach
  void tearDown() {
    release.countDown();
    result(registry.close());
  }

  private CheckReport run(String name) {
    return result(registry.report(name)).checks().get(0);
  }

  /** Runs the check until a worker was free for it (the thread that held it returns a moment later). */
  private String runOnceFree(Vertx vertx, String name) {
    String output = run(name).output();
    for (int i = 0; i < 500 && output.equals("no worker free"); i++) {
      result(vertx.timer(10));
      output = run(name).output();
    }
    return output;
  }

  private static CheckOptions uncached(String name) {
    return new CheckOptions(name).setTimeout(200).setSuccessTtl(0).setFailureTtl(0).setMaxStale(0);
  }

  @Test
  void aSleepingCheckIsInterruptedAtItsTimeoutAndFreesItsWorker(Vertx vertx) {
    AtomicInteger interrupted = new AtomicInteger();
    registry.registerBlocking(uncached("sleeper"), () -> {
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        interrupted.incrementAndGet();
        throw e;
      }
      return ProcedureResult.pass();
    });
    registry.registerBlocking(uncached("quick"), () -> ProcedureResult.pass("done"));
    for (int i = 0; i < 3; i++) {
      assertThat(run("sleeper").output()).isEqualTo("timed out after 200 ms");
      assertThat(runOnceFree(vertx, "quick")).as("the one worker is free again").isEqualTo("done");
    }
    assertThat(interrupted).hasValue(3);
  }

  @Test
  void aCheckThatIgnoresInterruptsHoldsItsWorkerAndOthersFailNoWorkerFree(Vertx vertx) {
    registry.registerBlocking(uncached("stuck"), () -> {
      while (true) {
        try {
          release.await();
          return ProcedureResult.pass("released");
        } catch (InterruptedException e) {
          // a badly written driver: swallows the interrupt and waits on
        }
      }
    });
    registry.registerBlocking(uncached("quick"), () -> ProcedureResult.pass("done"));
    assertThat(run("stuck").output()).isEqualTo("timed out after 200 ms");
    CheckReport starved = run("quick");
    assertThat(starved.passed()).isFalse();
    assertThat(starved.output()).isEqualTo("no worker free");
    assertThat(run("quick").output()).as("still held").isEqualTo("no worker free");
    release.countDown();
    assertThat(runOnceFree(vertx, "quick")).isEqualTo("done");
  }
}
