package dev.vitals.status.consul;

import dev.vitals.status.consul.test.ConsulDouble;
import dev.vitals.health.MaintenanceState;
import dev.vitals.health.ServiceStatus;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.vitals.health.test.Await.failure;
import static dev.vitals.health.test.Await.result;
import static dev.vitals.health.test.Await.until;
import static org.assertj.core.api.Assertions.assertThat;

/** Switching maintenance through the SPI reaches Consul, and completes with what Consul then reports. */
class WriteTest extends ConsulFixture {

  private JsonObject check(String checkId) {
    return operator.checks().stream().map(JsonObject.class::cast)
      .filter(c -> c.getString("CheckID").equals(checkId)).findFirst().orElse(null);
  }

  @Test
  void enableAndDisableReachConsul(Vertx vertx) {
    source = ConsulMaintenance.create(vertx, TestOptions.fast(consul));

    MaintenanceState enabled = result(source.enable("deploy 42"));
    assertThat(enabled.status()).isEqualTo(ServiceStatus.MAINTENANCE);
    assertThat(enabled.reason()).isEqualTo("deploy 42");
    assertThat(enabled.stale()).isFalse();
    assertThat(source.state().inMaintenance()).isTrue();
    assertThat(consul.requests("agent/maintenance")).isEqualTo(1);
    JsonObject check = check("_node_maintenance");
    assertThat(check).isNotNull();
    assertThat(check.getString("Notes")).isEqualTo("deploy 42");
    assertThat(check.getString("Name")).isEqualTo("Node Maintenance Mode");
    assertThat(check.getString("Status")).isEqualTo("critical");

    MaintenanceState disabled = result(source.disable());
    assertThat(disabled.status()).isEqualTo(ServiceStatus.OK);
    assertThat(disabled.reason()).isNull();
    assertThat(check("_node_maintenance")).isNull();
    assertThat(consul.requests("agent/maintenance")).isEqualTo(2);
  }

  @Test
  void withoutAReasonConsulWritesItsDefaultSentence(Vertx vertx) {
    source = ConsulMaintenance.create(vertx, TestOptions.fast(consul));
    assertThat(result(source.enable(null)).reason()).isEqualTo(ConsulDouble.NODE_DEFAULT_NOTES);
  }

  @Test
  void withAServiceIdTheServiceFormIsUsed(Vertx vertx) {
    consul.registerService("web", "web");
    source = ConsulMaintenance.create(vertx, TestOptions.fast(consul),
      new ConsulMaintenanceOptions().setServiceId("web"));

    MaintenanceState enabled = result(source.enable("web drained"));
    assertThat(enabled.reason()).isEqualTo("web drained");
    assertThat(consul.requests("agent/service/maintenance")).isEqualTo(1);
    assertThat(consul.requests("agent/maintenance")).isZero();
    JsonObject check = check("_service_maintenance:web");
    assertThat(check.getString("Name")).isEqualTo("Service Maintenance Mode");
    assertThat(check.getString("ServiceID")).isEqualTo("web");

    assertThat(result(source.disable()).status()).isEqualTo(ServiceStatus.OK);
    assertThat(check("_service_maintenance:web")).isNull();
  }

  @Test
  void disablingTheServiceLeavesNodeMaintenanceSetBySomeoneElse(Vertx vertx) {
    consul.registerService("web", "web");
    source = ConsulMaintenance.create(vertx, TestOptions.fast(consul),
      new ConsulMaintenanceOptions().setServiceId("web"));
    result(source.enable("web drained"));
    operator.enableNode("whole node");

    MaintenanceState after = result(source.disable());
    assertThat(after.status()).isEqualTo(ServiceStatus.MAINTENANCE);
    assertThat(after.reason()).isEqualTo("whole node");
  }

  @Test
  void anUnknownServiceFailsWithConsuls404(Vertx vertx) {
    source = ConsulMaintenance.create(vertx, TestOptions.fast(consul),
      new ConsulMaintenanceOptions().setServiceId("ghost"));
    Throwable error = failure(source.enable("x"));
    assertThat(error).isInstanceOf(ConsulException.class)
      .hasMessage("Consul answered 404: No service registered with ID \"ghost\"");
    assertThat(((ConsulException) error).statusCode()).isEqualTo(404);
  }

  @Test
  void aDeniedSwitchFailsWithConsuls403AndChangesNothing(Vertx vertx) {
    consul.requireToken("secret");
    source = ConsulMaintenance.create(vertx, TestOptions.fast(consul).setToken("stolen"));
    assertThat(failure(source.enable("x"))).hasMessage("Consul answered 403: ACL not found");
    consul.clearFaults();
    assertThat(check("_node_maintenance")).isNull();
  }

  @Test
  void theSwitchWaitsUntilTheAgentHasSyncedItToTheCatalog(Vertx vertx) {
    consul.syncDelay(100);
    source = ConsulMaintenance.create(vertx, TestOptions.fast(consul));
    assertThat(result(source.enable("synced")).reason()).isEqualTo("synced");
    assertThat(result(source.disable()).status()).isEqualTo(ServiceStatus.OK);
  }

  @Test
  void aWatchAnswerOlderThanTheSwitchDoesNotOverwriteIt(Vertx vertx) {
    List<MaintenanceState> changes = new CopyOnWriteArrayList<>();
    source = ConsulMaintenance.create(vertx, TestOptions.fast(consul).setNodeName("node-1"))
      .addListener(changes::add);
    until(() -> !source.state().stale() && consul.held() == 1, () -> "watching");
    consul.delayWatchAnswers(300);
    consul.touch();
    long olderIndex = consul.index();
    // the held query is now answered "ok at olderIndex", but that answer is still on the wire

    MaintenanceState enabled = result(source.enable("won the race"));
    assertThat(enabled.reason()).isEqualTo("won the race");
    long switchIndex = consul.index();
    assertThat(switchIndex).isGreaterThan(olderIndex);

    until(() -> consul.healthQueries().size() == 4, () -> "the late answer was handled: " + consul.healthQueries());
    assertThat(source.state().reason()).isEqualTo("won the race");
    assertThat(consul.healthQueries()).last().isEqualTo("index=" + switchIndex + "&wait=30s");
    assertThat(changes).extracting(MaintenanceState::status).containsExactly(ServiceStatus.OK,
      ServiceStatus.MAINTENANCE);
  }
}
