package dev.vitals.health.checks;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.HealthStatus;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.test.Await;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The dns check against a DNS server on loopback: resolved, expected, unknown, empty, silent. */
@ExtendWith(VertxExtension.class)
class DnsCheckTest {

  private DnsResponder server;

  @BeforeEach
  void startServer(Vertx vertx) {
    server = Await.result(DnsResponder.start(vertx, Map.of(
      "db.test", List.of("10.0.0.5", "10.0.0.6"),
      "v6.test", List.of("::1"),
      "empty.test", List.of())));
  }

  @AfterEach
  void stopServer() {
    Await.result(server.close());
  }

  private ProcedureResult resolve(Vertx vertx, JsonObject options) {
    DnsCheck check = DnsCheck.create(vertx, new CheckOptions("dns").setTimeout(500),
      new DnsCheckOptions(options.put("server", "127.0.0.1").put("serverPort", server.port())));
    try {
      return Await.result(check.run());
    } finally {
      Await.result(check.close());
    }
  }

  @Test
  void aNameThatResolvesPassesAndToTheExpectedAddressWhenOneIsGiven(Vertx vertx) {
    ProcedureResult resolved = resolve(vertx, new JsonObject().put("host", "db.test"));
    assertThat(resolved.status()).as(resolved.toString()).isEqualTo(HealthStatus.PASS);
    assertThat(resolved.output()).isEqualTo("db.test resolves to 10.0.0.5, 10.0.0.6");
    assertThat(resolved.data().getJsonArray("addresses")).containsExactly("10.0.0.5", "10.0.0.6");

    assertThat(resolve(vertx, new JsonObject().put("host", "db.test").put("expected", new JsonArray().add("10.0.0.6")))
      .status()).isEqualTo(HealthStatus.PASS);
    ProcedureResult moved = resolve(vertx, new JsonObject().put("host", "db.test")
      .put("expected", new JsonArray().add("10.0.0.9")));
    assertThat(moved.status()).isEqualTo(HealthStatus.FAIL);
    assertThat(moved.output()).isEqualTo("db.test resolves to 10.0.0.5, 10.0.0.6, expected one of 10.0.0.9");

    ProcedureResult v6 = resolve(vertx, new JsonObject().put("host", "v6.test").put("ipv6", true)
      .put("expected", new JsonArray().add("0:0:0:0:0:0:0:1")));
    assertThat(v6.status()).as(v6.toString()).isEqualTo(HealthStatus.PASS);
  }

  @Test
  void anUnknownNameNoRecordOrNoAnswerFails(Vertx vertx) {
    ProcedureResult unknown = resolve(vertx, new JsonObject().put("host", "nowhere.test"));
    assertThat(unknown.status()).isEqualTo(HealthStatus.FAIL);
    assertThat(unknown.output()).startsWith("A query for nowhere.test: ").contains("NXDOMAIN");

    ProcedureResult empty = resolve(vertx, new JsonObject().put("host", "empty.test"));
    assertThat(empty.status()).isEqualTo(HealthStatus.FAIL);
    assertThat(empty.output()).isEqualTo("empty.test has no A record");

    ProcedureResult silent = resolve(vertx, new JsonObject().put("host", DnsResponder.SILENT));
    assertThat(silent.status()).isEqualTo(HealthStatus.FAIL);
    assertThat(silent.output()).startsWith("A query for silent.test: ");
  }
}
