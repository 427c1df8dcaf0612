package dev.vitals.samples;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static dev.vitals.samples.Standalone.deploy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every invalid config fails the deployment with an IllegalArgumentException naming the field. */
@ExtendWith(VertxExtension.class)
class StandaloneConfigErrorsTest {

  private static final String HEAP = "{\"name\": \"heap\", \"type\": \"heap\"}";

  static Stream<Arguments> invalidConfigs() {
    return Stream.of(
      arguments("{\"checks\": [{\"name\": \"a\", \"type\": \"foo\"}]}",
        "/checks/0/type: expected one of passive, disk-space, dns, event-loop, eventbus, heap, http, jdbc, mysql, postgres, redis, tcp, tls, got 'foo'"),
      arguments("{\"checks\": [" + HEAP + ", {\"name\": \"b\", \"type\": \"heap\", \"dependsOn\": [\"db\"]}]}",
        "/checks/1/dependsOn: unknown check 'db'"),
      arguments("{\"checks\": [{\"name\": \"a\", \"type\": \"heap\", \"dependsOn\": [\"b\"]}, "
          + "{\"name\": \"b\", \"type\": \"heap\", \"dependsOn\": [\"a\"]}]}",
        "/checks/0/dependsOn: cycle 'a' -> 'b' -> 'a'"),
      arguments("{\"checks\": [{\"name\": \"db\", \"type\": \"postgres\", \"uri\": \"mysql://u:TOPSECRET@h/db\"}]}",
        "/checks/0/uri: expected postgres://user:password@host:port/database, got 'mysql://u:********@h/db'"),
      arguments("{\"checks\": [{\"name\": \"db\", \"type\": \"redis\", \"database\": -1}]}",
        "/checks/0/database: expected an integer >= 0, got -1"),
      arguments("{\"checks\": [" + HEAP + ", {\"name\": \"b\", \"type\": \"heap\", \"timeout\": \"abc\"}]}",
        "/checks/1/timeout: expected integer milliseconds, or a string such as \"500ms\", \"27s\", \"5m\", \"1h\"; at most 365 days, got 'abc'"),
      arguments("{\"checks\": [{\"name\": \"a\", \"type\": \"heap\", \"timeout\": 0}]}",
        "/checks/0/timeout: must be positive"),
      arguments("{\"checks\": [{\"name\": \"a\", \"type\": \"heap\", \"successTtl\": \"-1s\"}]}",
        "/checks/0/successTtl: expected integer milliseconds"),
      arguments("{\"checks\": [{\"name\": \"api\", \"type\": \"http\"}]}",
        "/checks/0/url: required key missing"),
      arguments("{\"checks\": [{\"name\": \"api\", \"type\": \"http\", \"url\": \"ftp://example.com/\"}]}",
        "/checks/0/url: expected an absolute http:// or https:// URL, got 'ftp://example.com/'"),
      arguments("{\"checks\": [{\"name\": \"api\", \"type\": \"http\", \"url\": \"http://a b\"}]}",
        "/checks/0/url: invalid URL 'http://a b'"),
      arguments("{\"checks\": [{\"name\": \"api\", \"type\": \"http\", \"url\": \"http://x/\", \"expectedStatus\": 999}]}",
        "/checks/0/expectedStatus: expected an integer from 100 to 599, got 999"),
      arguments("{\"checks\": [{\"type\": \"heap\"}]}",
        "/checks/0/name: required key missing"),
      arguments("{\"checks\": [{\"name\": \"\", \"type\": \"heap\"}]}",
        "/checks/0/name: expected a non-empty string, got ''"),
      arguments("{\"checks\": [{\"name\": \"db//primary\", \"type\": \"heap\"}]}",
        "/checks/0/name: 'db//primary' has an empty segment"),
      arguments("{\"checks\": [{\"name\": \"a\"}]}",
        "/checks/0/type: required key missing"),
      arguments("{\"checks\": [{\"name\": \"db\", \"type\": \"tcp\", \"port\": 5432}]}",
        "/checks/0/host: required key missing"),
      arguments("{\"checks\": [{\"name\": \"db\", \"type\": \"tcp\", \"host\": \"db\"}]}",
        "/checks/0/port: required key missing"),
      arguments("{\"checks\": [{\"name\": \"db\", \"type\": \"tcp\", \"host\": \"db\", \"port\": \"5432\"}]}",
        "/checks/0/port: expected an integer from 1 to 65535, got '5432'"),
      arguments("{\"checks\": [" + HEAP + ", {\"name\": \"db\", \"type\": \"heap\"}, {\"name\": \"db\", \"type\": \"heap\"}]}",
        "/checks/2/name: duplicate name 'db'"),
      arguments("{\"checks\": [{\"name\": \"db\", \"type\": \"heap\"}, {\"name\": \"db/primary\", \"type\": \"heap\"}]}",
        "/checks/1/name: 'db/primary' clashes with 'db'"),
      arguments("{\"checks\": [{\"name\": \"a\", \"type\": \"heap\", \"critical\": \"yes\"}]}",
        "/checks/0/critical: expected true or false, got 'yes'"),
      arguments("{\"checks\": [{\"name\": \"a\", \"type\": \"heap\", \"tags\": \"liveness\"}]}",
        "/checks/0/tags: expected an array of strings"),
      arguments("{\"checks\": [{\"name\": \"a\", \"type\": \"heap\", \"timout\": \"1s\"}]}",
        "/checks/0/timout: unknown key, expected one of name, type, timeout,"),
      arguments("{\"checks\": [{\"name\": \"a\", \"type\": \"heap\", \"url\": \"http://x/\"}]}",
        "/checks/0/url: unknown key"),
      arguments("{\"checks\": [{\"name\": \"a\", \"type\": \"heap\", \"maxUsed\": 1.5}]}",
        "/checks/0/maxUsed: expected a number greater than 0 and at most 1, got 1.5"),
      arguments("{\"checks\": [{\"name\": \"a\", \"type\": \"disk-space\", \"minFree\": \"5 apples\"}]}",
        "/checks/0/minFree: expected integer bytes, or a string such as \"500MB\""),
      arguments("{\"checks\": [{\"name\": \"a\", \"type\": \"disk-space\", \"minFree\": \"99999999TB\"}]}",
        "/checks/0/minFree: invalid size '99999999TB'"),
      arguments("{\"checks\": [{\"name\": \"a\", \"type\": \"event-loop\", \"maxDelay\": \"fast\"}]}",
        "/checks/0/maxDelay: expected integer milliseconds"),
      arguments("{\"checks\": [\"heap\"]}",
        "/checks/0: expected an object, got 'heap'"),
      arguments("{\"checks\": {\"name\": \"heap\"}}",
        "/checks: expected an array"),
      arguments("{\"chekcs\": []}",
        "/chekcs: unknown key, expected one of $schema, admin, alerts, application, checks, consul, environment, fleet, "
          + "grpc, health, heartbeat, history, http, metrics, notifications, reload, shutdown"),
      arguments("{\"checks\": [{\"name\": \"cron\", \"type\": \"passive\", \"period\": \"daily\"}]}",
        "/checks/0/period: expected integer milliseconds"),
      arguments("{\"checks\": [{\"name\": \"cron\", \"type\": \"passive\", \"failureThreshold\": 0}]}",
        "/checks/0/failureThreshold: expected an integer from 1 to 1000, got 0"),
      arguments("{\"alerts\": {\"evaluateEvery\": 0}}",
        "/alerts/evaluateEvery: expected a duration greater than 0 ms, got 0"),
      arguments("{\"heartbeat\": {\"path\": \"beats\"}}",
        "/heartbeat/path: expected a path like /health/heartbeat"),
      arguments("{\"metrics\": {\"path\": \"metrics\"}}",
        "/metrics/path: expected a path like /metrics"),
      arguments("{\"metrics\": {\"path\": \"/health/metrics\"}}",
        "/metrics/path: '/health/metrics' collides with the route /health"),
      arguments("{\"metrics\": {\"vertx\": \"yes\"}}",
        "/metrics/vertx: expected true or false, got 'yes'"),
      arguments("{\"notifications\": {\"webhooks\": [{\"template\": \"x\"}]}}",
        "/notifications/webhooks/0/url: required key missing"),
      arguments("{\"shutdown\": {\"drainDelay\": \"soon\"}}",
        "/shutdown/drainDelay: expected integer milliseconds"),
      arguments("{\"shutdown\": {\"grace\": \"1s\"}}",
        "/shutdown/grace: unknown key, expected one of drainDelay, graceTimeout"),
      arguments("{\"http\": {\"maxInFlight\": 0}}",
        "/http/maxInFlight: expected an integer from 1 to"),
      arguments("{\"grpc\": {\"maxWatches\": -1}}",
        "/grpc/maxWatches: expected an integer from 0 to"),
      arguments("{\"grpc\": {\"enabled\": \"yes\"}}",
        "/grpc/enabled: expected"),
      arguments("{\"grpc\": {\"port\": 9090}}",
        "/grpc/port: unknown key, expected one of enabled, maxWatches"),
      arguments("{\"admin\": {\"token\": 42}}",
        "/admin/token: expected a non-empty string, got '********'"),
      arguments("{\"application\": {\"name\": \"\"}}",
        "/application/name: expected a non-empty string"),
      arguments("{\"health\": {\"probes\": {\"ready\": {\"statusCodes\": {\"fail\": 99}}}}}",
        "/health/probes/ready/statusCodes/fail: expected an integer from 200 to 599, got 99"),
      arguments("{\"environment\": {\"includeJvm\": \"no\"}}",
        "/environment/includeJvm: expected true or false, got 'no'"),
      arguments("{\"environment\": {\"enabled\": \"no\"}}",
        "/environment/enabled: expected true or false, got 'no'"),
      arguments("{\"consul\": {\"wait\": \"soon\"}}",
        "/consul/wait: expected integer milliseconds"),
      arguments("{\"consul\": {}, \"checks\": [{\"name\": \"consul\", \"type\": \"heap\"}]}",
        "/checks/0/name: 'consul' is the Consul agent check's name"),
      arguments("{\"http\": {\"port\": \"abc\"}}",
        "/http/port: expected an integer from 0 to 65535, got 'abc'"),
      arguments("{\"http\": {\"port\": 70000}}",
        "/http/port: expected an integer from 0 to 65535, got 70000"),
      arguments("{\"http\": {\"host\": 127}}",
        "/http/host: expected a non-empty string, got 127"),
      arguments("{\"environment\": {\"includeProccess\": true}}",
        "/environment/includeProccess: unknown key, expected one of enabled, includeApplication, includeConfig, "
          + "includeJvm, includeOs, includeProcess, includeVertx, scrub, sectionTimeout"),
      arguments("{\"environment\": {\"scrub\": {\"secretPattern\": []}}}",
        "/environment/scrub/secretPattern: unknown key, expected one of allowedKeys, secretPatterns"),
      arguments("{\"application\": {\"nmae\": \"orders\"}}",
        "/application/nmae: unknown key, expected one of description, name, releaseId, serviceId, version"),
      arguments("{\"health\": {\"probes\": {\"ready\": {\"includes\": []}}}}",
        "/health/probes/ready/includes: unknown key"),
      arguments("{\"shutdown\": {\"drainDelay\": 9223372036854775807}}",
        "/shutdown/drainDelay: expected integer milliseconds, or a string such as \"500ms\", \"27s\", \"5m\", \"1h\"; "
          + "at most 365 days, got 9223372036854775807"),
      arguments("{\"shutdown\": {\"graceTimeout\": 1e300}}",
        "/shutdown/graceTimeout: expected integer milliseconds"),
      arguments("{\"checks\": [{\"name\": \"a\", \"type\": \"heap\", \"timeout\": \"9999999999999h\"}]}",
        "/checks/0/timeout: expected integer milliseconds"),
      arguments("{\"heartbeat\": {\"path\": \"/status\"}}",
        "/heartbeat/path: '/status' collides with the route /status"),
      arguments("{\"heartbeat\": {\"path\": \"/environment/beats\"}}",
        "/heartbeat/path: '/environment/beats' collides with the route /environment"),
      arguments("{\"notifications\": {\"webhooks\": [{\"url\": \"http://x/\", \"headers\": {\"X-A\": \"a\\r\\nB: c\"}}]}}",
        "/notifications/webhooks/0/headers/X-A: expected a header value without CR or LF"),
      arguments("{\"notifications\": {\"webhooks\": [{\"url\": \"http://x/\", \"headers\": {\"X-A\\nB\": \"c\"}}]}}",
        "/notifications/webhooks/0/headers/X-A%AB: unexpected key name, expected a header name"),
      arguments("{\"http\": {\"ssl\": true, \"keyPath\": \"/k.pem\"}}",
        "/http/certPath: required key missing"),
      arguments("{\"http\": {\"idleTimeout\": -1}}",
        "/http/idleTimeout: expected integer milliseconds"),
      arguments("{\"http\": {\"maxResets\": 0}}",
        "/http/maxResets: expected an integer from 1 to"),
      arguments("{\"http\": {\"maxConcurrentStreams\": 0}}",
        "/http/maxConcurrentStreams: expected an integer from 1 to"),
      arguments("{\"http\": {\"resetWindow\": \"500ms\"}}",
        "/http/resetWindow: expected at least 1s, got 500 ms"),
      arguments("{\"alerts\": {\"channels\": [{\"type\": \"webhook\", \"name\": \"ops\"}]}}",
        "/alerts/channels/0/url: required key missing"),
      arguments("{\"alerts\": {\"channels\": [{\"type\": \"webhook\", \"name\": \"ops\", \"url\": \"http://x/\"}],"
        + " \"rules\": [{\"name\": \"db\", \"channels\": [\"pager\"]}]}}",
        "/alerts/rules/0/channels: unknown channel 'pager', expected one of ops"),
      arguments("{\"alerts\": {\"channels\": [], \"evaluateEvery\": \"0ms\"}}",
        "/alerts/evaluateEvery: expected a duration > 0, got '0'"),
      arguments("{\"alerts\": {\"channels\": [], \"groupWait\": -5}}",
        "/alerts/groupWait: expected integer milliseconds"),
      arguments("{\"history\": {\"maxStreamsPerClient\": 0}}",
        "/history/maxStreamsPerClient: expected an integer from 1 to"),
      arguments("{\"http\": {\"host\": \"no-such-host.invalid\"}}",
        "/http/host: cannot resolve 'no-such-host.invalid'"),
      arguments("{\"http\": 8080}",
        "/http: expected an object, got 8080"),
      // The fleet: checked before anything is created, on a Vert.x that is not clustered too.
      arguments("{\"fleet\": {\"quorum\": \"0%\"}}",
        "/fleet/quorum: a percentage must be 1% to 100%, got 0%"),
      arguments("{\"fleet\": {\"quorum\": \"most\"}}",
        "/fleet/quorum: expected"),
      arguments("{\"fleet\": {\"publishPeriod\": 50}}",
        "/fleet/publishPeriod: must be at least 1000 ms, got 50 ms"),
      arguments("{\"fleet\": {\"source\": \"gossip\"}}",
        "/fleet/source: expected one of"),
      arguments("{\"fleet\": {}, \"alerts\": {\"channels\": [{\"type\": \"webhook\", \"name\": \"h\", \"url\": "
          + "\"http://127.0.0.1:9/\"}]}, \"health\": {\"probes\": {\"health\": {\"detail\": \"status\"}}}}",
        "/health/probes/health/detail: 'status' publishes no check's name to the fleet"),
      arguments("{\"fleet\": {\"cluster\": {\"members\": [\"127.0.0.1:5701-5703\"]}}}",
        "/fleet/cluster/members/0: expected"),
      arguments("{\"fleet\": {\"cluster\": {\"prot\": 5701}}}",
        "/fleet/cluster/prot: unknown key, expected one of certPath, configFile, host, keyPath, members, port, trustPath"),
      arguments("{\"fleet\": {}, \"checks\": [{\"name\": \"cluster\", \"type\": \"heap\"}]}",
        "/checks/0/name: 'cluster' is the cluster check's name when fleet.source is cluster"),
      arguments("{\"fleet\": {\"source\": \"consul\"}}",
        "/fleet/source: 'consul' needs a consul section (or CONSUL_HTTP_ADDR) with consul.service"),
      arguments("{\"fleet\": {\"source\": \"consul\"}, \"consul\": {}}",
        "/consul/service: required when fleet.source is consul"),
      arguments("{\"fleet\": {\"cluster\": {\"host\": \"localhost\"}}}",
        "/fleet/cluster/host: expected an IP address of this machine"),
      arguments("{\"fleet\": {\"cluster\": {\"host\": \"0.0.0.0\"}}}",
        "/fleet/cluster/host: expected an IP address of this machine"),
      arguments("{\"fleet\": {}, \"checks\": [{\"name\": \"fleet\", \"type\": \"heap\"}]}",
        "/checks/0/name: 'fleet' would be hidden by /health/fleet"),
      arguments("{\"fleet\": {}, \"health\": {\"probes\": {\"fleet\": {}}}}",
        "/health/probes/fleet: the probe would be hidden by /health/fleet"),
      arguments("{\"fleet\": {\"cluster\": {\"keyPath\": \"member-key.pem\"}}}",
        "/fleet/cluster/certPath: keyPath, certPath and trustPath go together; missing certPath, trustPath"),
      arguments("{\"fleet\": {\"cluster\": {\"configFile\": \"hazelcast.xml\"}}}",
        "/fleet/secret: required when cluster.configFile is set"),
      arguments("{\"fleet\": {\"secret\": \"too-short\"}}",
        "/fleet/secret: must be at least 16 bytes, got 9"),
      // a secret map's values (an alert webhook's headers) are masked like a secret field's value
      arguments("{\"alerts\": {\"channels\": [{\"type\": \"webhook\", \"name\": \"w\", \"url\": \"https://x.example/h\","
        + " \"headers\": {\"Authorization\": [\"HDRS3CRET\"]}}]}}",
        "/alerts/channels/0/headers/Authorization: expected a header value without CR or LF, got '********'"),
      arguments("{\"alerts\": {\"channels\": [{\"type\": \"webhook\", \"name\": \"w\", \"url\": \"https://x.example/h\","
        + " \"headers\": {\"X-Key\": \"HDRS3CRET\\r\\n\"}}]}}",
        "/alerts/channels/0/headers/X-Key: expected a header value without CR or LF, got '********'"),
      arguments("{\"fleet\": {}}",
        "/fleet/source: 'cluster' needs a clustered Vert.x; start the verticle with vitals-samples.jar's launcher"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("invalidConfigs")
  void failsTheDeploymentNamingTheField(String config, String message, Vertx vertx, VertxTestContext test) {
    deploy(vertx, new JsonObject(config)).onComplete(test.failing(failure -> test.verify(() -> {
      assertThat(failure).isInstanceOf(IllegalArgumentException.class);
      assertThat(failure.getMessage()).startsWith(message);
      test.completeNow();
    })));
  }

  @Test
  void aShortFleetSecretFromTheEnvironmentFailsInOneLineWithoutShowingIt(Vertx vertx, VertxTestContext test) {
    deploy(vertx, new JsonObject().put("fleet", new JsonObject()), Map.of("VITALS_FLEET_SECRET", "hunter2hunter2"))
      .onComplete(test.failing(failure -> test.verify(() -> {
        assertThat(failure).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("/fleet/secret: must be at least 16 bytes, got 14");
        test.completeNow();
      })));
  }

  /** A fleet listening beyond loopback needs the secret; VITALS_FLEET_SECRET gives it (the next error is then reached). */
  @Test
  void aFleetOnAnotherInterfaceNeedsTheSecret(Vertx vertx, VertxTestContext test) throws Exception {
    String address = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
      .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
      .filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
      .map(java.net.InetAddress::getHostAddress).findFirst().orElse(null);
    org.junit.jupiter.api.Assumptions.assumeTrue(address != null, "no non-loopback IPv4 interface");
    JsonObject config = new JsonObject().put("fleet", new JsonObject().put("cluster", new JsonObject().put("host", address)));
    deploy(vertx, config).compose(ok -> io.vertx.core.Future.failedFuture(new AssertionError("deployed")), unsecured -> {
      test.verify(() -> assertThat(unsecured).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("/fleet/secret: required when cluster.host (" + address + ") is not a loopback address"));
      return deploy(vertx, config, Map.of("VITALS_FLEET_SECRET", "0123456789abcdef"));
    }).onComplete(test.failing(secured -> test.verify(() -> {
      assertThat(secured).hasMessageStartingWith("/fleet/source: 'cluster' needs a clustered Vert.x");
      test.completeNow();
    })));
  }

  @Test
  void rejectsABadPortInTheEnvironment(Vertx vertx, VertxTestContext test) {
    deploy(vertx, new JsonObject(), Map.of("VITALS_HTTP_PORT", "eighty"))
      .onComplete(test.failing(failure -> test.verify(() -> {
        assertThat(failure).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("VITALS_HTTP_PORT: expected integer, got 'eighty'");
        test.completeNow();
      })));
  }

  @Test
  void rejectsAnEnvironmentVariableThatNamesNoKey(Vertx vertx, VertxTestContext test) {
    deploy(vertx, new JsonObject(), Map.of("VITALS_HTTP_PROT", "8080"))
      .onComplete(test.failing(failure -> test.verify(() -> {
        assertThat(failure).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("VITALS_HTTP_PROT: names no config key");
        test.completeNow();
      })));
  }

  @Test
  void validatesAValueFromTheEnvironmentAgainstTheSchema(Vertx vertx, VertxTestContext test) {
    deploy(vertx, new JsonObject(), Map.of("VITALS_HTTP_PORT", "70000"))
      .onComplete(test.failing(failure -> test.verify(() -> {
        assertThat(failure).hasMessage("/http/port: expected an integer from 0 to 65535, got 70000");
        test.completeNow();
      })));
  }
}
