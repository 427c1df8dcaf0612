package dev.vitals.samples.examples;

import dev.vitals.health.HealthStatus;
import dev.vitals.health.ProcedureResult;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/** The example's own check and section, as their Javadoc describes them. */
class GreetingsCheckTest {

  @Test
  void passesUpToTheLimitThenWarnsWithTheCountAsData() {
    AtomicLong greetings = new AtomicLong(1000);
    GreetingsCheck check = new GreetingsCheck(greetings::get, 1000);

    ProcedureResult pass = result(check.run());
    assertThat(pass.status()).isEqualTo(HealthStatus.PASS);
    assertThat(pass.data()).isEqualTo(new JsonObject().put("greetings", 1000L).put("restAfter", 1000L));

    greetings.incrementAndGet();
    ProcedureResult warn = result(check.run());
    assertThat(warn.status()).isEqualTo(HealthStatus.WARN);
    assertThat(warn.output()).isEqualTo("1001 greetings served, time for a rest");
  }

  @Test
  void trafficSectionGivesTheCountSinceItsStart() {
    AtomicLong greetings = new AtomicLong();
    TrafficSection section = new TrafficSection(greetings::get,
      Clock.fixed(Instant.parse("2026-12-06T11:40:00Z"), ZoneOffset.UTC));
    greetings.set(12);

    assertThat(result(section.get()))
      .isEqualTo(new JsonObject().put("greetings", 12L).put("since", "2026-12-06T11:40:00Z"));
  }
}
