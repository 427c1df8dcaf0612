package dev.vitals.status.consul;

import dev.vitals.health.MaintenanceState;
import dev.vitals.health.ServiceStatus;
import dev.vitals.health.test.LogCapture;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.util.logging.Level;

import static dev.vitals.health.test.Await.result;
import static dev.vitals.health.test.Await.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each way Consul can fail leaves the last known state, marked stale with the error; the watch recovers by itself
 * once the fault is gone.
 */
class FaultsTest extends ConsulFixture {

  /** Watches with maintenance on, so that "last known state" is visibly not the default. */
  private void watchInMaintenance(Vertx vertx, ConsulClientOptions options) {
    operator.enableNode("drain");
    source = ConsulMaintenance.create(vertx, options);
    until(() -> source.state().inMaintenance() && !source.state().stale() && consul.held() == 1,
      () -> "watching: " + source.state());
  }

  private void assertStaleThenRecovers(String error, Runnable clear) {
    until(() -> source.state().stale(), () -> "stale: " + source.state());
    MaintenanceState stale = source.state();
    assertThat(stale.status()).isEqualTo(ServiceStatus.MAINTENANCE);
    assertThat(stale.reason()).isEqualTo("drain");
    assertThat(stale.error()).startsWith(error);
    clear.run();
    until(() -> !source.state().stale(), () -> "fresh again: " + source.state());
    assertThat(source.state().inMaintenance()).isTrue();
    assertThat(source.state().error()).isNull();
  }

  @Test
  void beforeAnyAnswerTheUnknownPolicyApplies(Vertx vertx) {
    result(consul.refuse());
    for (ServiceStatus policy : ServiceStatus.values()) {
      ConsulMaintenance unreachable = ConsulMaintenance.create(vertx, TestOptions.fast(consul),
        new ConsulMaintenanceOptions().setUnknownPolicy(policy));
      try {
        assertThat(unreachable.state().status()).isEqualTo(policy);
        assertThat(unreachable.state().stale()).isTrue();
        until(() -> unreachable.state().error().startsWith("cannot reach Consul at " + consul.address()),
          () -> "the connection error: " + unreachable.state());
        assertThat(unreachable.state().status()).isEqualTo(policy);
      } finally {
        result(unreachable.close());
      }
    }
    result(consul.accept());
  }

  @Test
  void refusedConnections(Vertx vertx) {
    watchInMaintenance(vertx, TestOptions.fast(consul));
    result(consul.refuse());
    assertStaleThenRecovers("cannot reach Consul at " + consul.address() + ": ", () -> result(consul.accept()));
  }

  @Test
  void aHangingAgentTimesOut(Vertx vertx) {
    watchInMaintenance(vertx, TestOptions.fast(consul).setWait(200).setRequestTimeout(300));
    consul.hang(true);
    consul.touch();
    assertStaleThenRecovers("Consul did not answer GET /v1/health/node/node-1 within 512 ms", () -> consul.hang(false));
  }

  @Test
  void serverErrors(Vertx vertx) {
    watchInMaintenance(vertx, TestOptions.fast(consul));
    consul.failWith(500);
    consul.touch();
    assertStaleThenRecovers("Consul answered 500: rpc error making call: unexpected EOF", consul::clearFaults);
  }

  @Test
  void aMissingOrBadToken(Vertx vertx) {
    watchInMaintenance(vertx, TestOptions.fast(consul));
    consul.requireToken("secret");
    consul.touch();
    assertStaleThenRecovers("Consul answered 403: Permission denied", consul::clearFaults);
  }

  @Test
  void malformedJson(Vertx vertx) {
    watchInMaintenance(vertx, TestOptions.fast(consul));
    consul.malformedJson(true);
    consul.touch();
    assertStaleThenRecovers("Consul answered malformed JSON for /v1/health/node/node-1: ", consul::clearFaults);
  }

  @Test
  void anUnknownNode(Vertx vertx) {
    source = ConsulMaintenance.create(vertx, TestOptions.fast(consul).setNodeName("ghost"));
    until(() -> source.state().error() != null && source.state().error().contains("ghost"),
      () -> "the unknown node error: " + source.state());
    assertThat(source.state().error()).isEqualTo("Consul has no checks for node 'ghost': is it registered?");
    assertThat(source.state().status()).isEqualTo(ServiceStatus.UNKNOWN);
    assertThat(source.state().stale()).isTrue();

    consul.registerNode("ghost");
    until(() -> !source.state().stale(), () -> "fresh: " + source.state());
    assertThat(source.state().status()).isEqualTo(ServiceStatus.OK);
  }

  @Test
  void errorsAreLoggedOncePerChangeNotOncePerRetry(Vertx vertx) {
    try (LogCapture log = LogCapture.of(ConsulMaintenance.class.getName())) {
      watchInMaintenance(vertx, TestOptions.fast(consul));
      log.clear();
      int before = consul.requests("health/node");
      consul.failWith(500);
      consul.touch();
      until(() -> consul.requests("health/node") >= before + 6, () -> "several retries");
      consul.clearFaults();
      until(() -> !source.state().stale(), () -> "fresh again");

      assertThat(log.records()).filteredOn(r -> r.getLevel() == Level.WARNING).singleElement()
        .satisfies(r -> assertThat(r.getMessage()).contains("Consul answered 500"));
      assertThat(log.records()).filteredOn(r -> r.getLevel() == Level.INFO).singleElement()
        .satisfies(r -> assertThat(r.getMessage()).contains("Consul answers again"));
    }
  }
}
