package dev.vitals.health.checks;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.test.Await;
import io.vertx.core.Vertx;

/**
 * The first run of a redis check in a fresh JVM, as a child process of {@link FakeDependencyTest}: prints the run's
 * output on one line, then exits.
 */
public final class FirstRedisRun {

  private FirstRedisRun() {
  }

  /**
   * @param args the fake server's port, the check's timeout in ms
   */
  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx();
    RedisCheck check = RedisCheck.create(vertx, new CheckOptions("cache").setTimeout(Long.parseLong(args[1])),
      new RedisCheckOptions().setHost("127.0.0.1").setPort(Integer.parseInt(args[0])));
    ProcedureResult first = Await.result(check.run());
    System.out.println(first.status() + " " + first.output());
    Await.result(check.close());
    Await.result(vertx.close());
  }
}
