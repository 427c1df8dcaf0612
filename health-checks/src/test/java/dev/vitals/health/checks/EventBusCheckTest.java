package dev.vitals.health.checks;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.HealthStatus;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.test.Await;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** The eventbus check: a consumer that replies passes; none, a failure or silence fails. */
@ExtendWith(VertxExtension.class)
class EventBusCheckTest {

  private static EventBusCheck check(Vertx vertx, String address) {
    return EventBusCheck.create(vertx, new CheckOptions("bus").setTimeout(200),
      new EventBusCheckOptions(new JsonObject().put("address", address).put("message", "ping")));
  }

  @Test
  void aReplyPasses(Vertx vertx) {
    MessageConsumer<String> consumer = vertx.eventBus().consumer("orders.ping", m -> m.reply("pong:" + m.body()));
    Await.result(consumer.completion());

    ProcedureResult result = Await.result(check(vertx, "orders.ping").run());
    assertThat(result.status()).isEqualTo(HealthStatus.PASS);
    assertThat(result.output()).startsWith("reply from orders.ping in ");
    assertThat(result.data().getString("address")).isEqualTo("orders.ping");
  }

  @Test
  void noConsumerAFailureOrSilenceFails(Vertx vertx) {
    assertThat(Await.result(check(vertx, "nobody.home").run()).output())
      .isEqualTo("request to nobody.home: No handlers for address nobody.home");

    Await.result(vertx.eventBus().consumer("broken", m -> m.fail(500, "database pool exhausted")).completion());
    ProcedureResult failed = Await.result(check(vertx, "broken").run());
    assertThat(failed.status()).isEqualTo(HealthStatus.FAIL);
    assertThat(failed.output()).isEqualTo("request to broken: database pool exhausted");

    Await.result(vertx.eventBus().consumer("silent", m -> { }).completion());
    ProcedureResult silent = Await.result(check(vertx, "silent").run());
    assertThat(silent.status()).isEqualTo(HealthStatus.FAIL);
    assertThat(silent.output()).startsWith("request to silent: Timed out after waiting 200(ms) for a reply");
  }
}
