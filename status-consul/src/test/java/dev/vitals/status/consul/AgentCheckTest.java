package dev.vitals.status.consul;

import dev.vitals.status.consul.test.ConsulDouble;
import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.HealthReport;
import dev.vitals.health.HealthStatus;
import dev.vitals.health.ProcedureResult;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.vitals.health.test.Await.failure;
import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/** The {@code consul} health check: the agent answers and knows a leader. */
@ExtendWith(VertxExtension.class)
class AgentCheckTest {

  private ConsulDouble consul;
  private ConsulMaintenance source;

  @BeforeEach
  void setUp(Vertx vertx) {
    consul = result(ConsulDouble.start(vertx));
    source = ConsulMaintenance.create(vertx, TestOptions.fast(consul));
  }

  @AfterEach
  void tearDown() {
    result(source.close());
    result(consul.close());
  }

  @Test
  void passesWithTheLeader() {
    ProcedureResult result = result(source.agentCheck().run());
    assertThat(result.passed()).isTrue();
    assertThat(result.output()).isEqualTo("Consul leader " + ConsulDouble.LEADER);
    assertThat(result.data()).isEqualTo(new JsonObject().put("leader", ConsulDouble.LEADER));
  }

  @Test
  void failsWithoutALeader() {
    consul.noLeader(true);
    ProcedureResult result = result(source.agentCheck().run());
    assertThat(result.passed()).isFalse();
    assertThat(result.output()).isEqualTo("Consul agent at " + consul.address() + " knows no leader");
  }

  @Test
  void failsWhenTheAgentAnswersAnError() {
    consul.failWith(500);
    assertThat(failure(source.agentCheck().run())).hasMessage("Consul answered 500: rpc error making call: unexpected EOF");
  }

  @Test
  void registeredNonCriticalAnOutageOnlyWarns(Vertx vertx) {
    CheckRegistry registry = CheckRegistry.create(vertx)
      .register(new CheckOptions("consul").setCritical(false).setSuccessTtl(0), source.agentCheck());
    try {
      assertThat(result(registry.report()).status()).isEqualTo(HealthStatus.PASS);
      result(consul.refuse());
      HealthReport report = result(registry.report());
      assertThat(report.status()).isEqualTo(HealthStatus.WARN);
      assertThat(report.checks().get(0).output()).startsWith("cannot reach Consul at " + consul.address());
      result(consul.accept());
    } finally {
      result(registry.close());
    }
  }

  @Test
  void failsAfterClose() {
    result(source.close());
    assertThat(failure(source.agentCheck().run())).hasMessage("closed");
  }
}
