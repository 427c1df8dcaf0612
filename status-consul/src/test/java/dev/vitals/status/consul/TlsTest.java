package dev.vitals.status.consul;

import dev.vitals.status.consul.test.ConsulDouble;
import dev.vitals.health.test.LogCapture;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static dev.vitals.health.test.Await.result;
import static dev.vitals.health.test.Await.until;
import static org.assertj.core.api.Assertions.assertThat;

/** An agent on https that verifies clients, configured the Consul CLI way (see src/test/resources/tls). */
@ExtendWith(VertxExtension.class)
class TlsTest {

  private ConsulDouble consul;
  private ConsulMaintenance source;

  @BeforeEach
  void setUp(Vertx vertx) {
    consul = result(ConsulDouble.start(vertx, "node-1", new HttpServerOptions()
      .setSsl(true)
      .setKeyCertOptions(new PemKeyCertOptions().setCertPath(tls("agent-cert.pem")).setKeyPath(tls("agent-key.pem")))
      .setTrustOptions(new PemTrustOptions().addCertPath(tls("client-cert.pem")))
      .setClientAuth(ClientAuth.REQUIRED)));
  }

  @AfterEach
  void tearDown() {
    if (source != null) {
      result(source.close());
    }
    result(consul.close());
  }

  private static String tls(String name) {
    try {
      return Path.of(TlsTest.class.getResource("/tls/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private ConsulClientOptions options(Map<String, String> env) {
    JsonObject timing = TestOptions.fast(consul).toJson();
    timing.remove("address");
    timing.remove("ssl");
    return new ConsulClientOptions(ConsulClientOptions.fromEnvironment(env).toJson().mergeIn(timing));
  }

  private Map<String, String> env(boolean withClientCert) {
    Map<String, String> env = new HashMap<>();
    env.put("CONSUL_HTTP_ADDR", "127.0.0.1:" + consul.port());
    env.put("CONSUL_HTTP_SSL", "true");
    env.put("CONSUL_CACERT", tls("agent-cert.pem"));
    if (withClientCert) {
      env.put("CONSUL_CLIENT_CERT", tls("client-cert.pem"));
      env.put("CONSUL_CLIENT_KEY", tls("client-key.pem"));
    }
    return env;
  }

  @Test
  void watchesAndSwitchesOverMutualTls(Vertx vertx) {
    source = ConsulMaintenance.create(vertx, options(env(true)));
    until(() -> !source.state().stale(), () -> "fresh: " + source.state());
    assertThat(result(source.enable("over tls")).reason()).isEqualTo("over tls");
  }

  @Test
  void anHttpsAddressNeedsNoSslSwitch(Vertx vertx) {
    Map<String, String> env = env(true);
    env.remove("CONSUL_HTTP_SSL");
    env.put("CONSUL_HTTP_ADDR", "https://127.0.0.1:" + consul.port());
    source = ConsulMaintenance.create(vertx, options(env));
    until(() -> !source.state().stale(), () -> "fresh: " + source.state());
  }

  @Test
  void withoutAClientCertificateTheAgentCannotBeReached(Vertx vertx) {
    // Vert.x logs the failed handshake of the client's connection besides failing the request.
    try (LogCapture log = LogCapture.of("io.vertx.core.net.impl.ConnectionBase")) {
      source = ConsulMaintenance.create(vertx, options(env(false)));
      until(() -> source.state().error().startsWith("cannot reach Consul at https://127.0.0.1:" + consul.port()),
        () -> "a TLS error: " + source.state());
      result(source.close());
      assertThat(log.messages()).allSatisfy(line -> assertThat(line).contains("SSLHandshakeException"));
    }
  }
}
