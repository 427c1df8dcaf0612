package dev.vitals.samples.examples;

import dev.vitals.health.Check;
import dev.vitals.health.ProcedureResult;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.function.LongSupplier;

/**
 * A check of the application's own: passes while the greeter has served at most {@code restAfter} greetings, warns
 * after (still available, but someone should look), with the count as data: {@code {"greetings": 12, "restAfter":
 * 1000}}. A {@link Check} runs on the event loop and must not block; a failing future or an exception is a failing
 * result, never an error of the endpoint. {@link EmbeddingExample} registers it.
 */
public final class GreetingsCheck implements Check {

  private final LongSupplier greetings;
  private final long restAfter;

  /**
   * @param greetings the greetings served so far
   * @param restAfter the count above which the check warns
   */
  public GreetingsCheck(LongSupplier greetings, long restAfter) {
    this.greetings = greetings;
    this.restAfter = restAfter;
  }

  @Override
  public Future<ProcedureResult> run() {
    long served = greetings.getAsLong();
    ProcedureResult result = served <= restAfter ? ProcedureResult.pass(served + " greetings served")
      : ProcedureResult.warn(served + " greetings served, time for a rest");
    return Future.succeededFuture(result.withData(new JsonObject().put("greetings", served).put("restAfter", restAfter)));
  }
}
