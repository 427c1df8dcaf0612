package dev.vitals.samples.examples;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Instant;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A section of the environment dump of the application's own, computed when {@code /environment} is asked for:
 * {@code {"greetings": 12, "since": "2026-12-06T11:40:00Z"}}. A section runs on the event loop, within the dump's
 * {@code sectionTimeout}; its values are scrubbed like every section's (a key named like a secret shows
 * {@code ********}). {@link EmbeddingExample} adds it.
 */
public final class TrafficSection implements Supplier<Future<JsonObject>> {

  private final LongSupplier greetings;
  private final Instant since;

  /**
   * @param greetings the greetings served so far
   * @param clock     when counting started, read now
   */
  public TrafficSection(LongSupplier greetings, Clock clock) {
    this.greetings = greetings;
    this.since = clock.instant();
  }

  @Override
  public Future<JsonObject> get() {
    return Future.succeededFuture(new JsonObject().put("greetings", greetings.getAsLong()).put("since", since.toString()));
  }
}
