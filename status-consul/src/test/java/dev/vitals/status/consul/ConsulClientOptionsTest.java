package dev.vitals.status.consul;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Defaults, the JSON form and its schema, the Consul CLI's environment variables, and errors that name the field. */
@ExtendWith(VertxExtension.class)
class ConsulClientOptionsTest {

  @Test
  void defaultsAreTheConsulClis() {
    assertThat(new ConsulClientOptions().toJson()).isEqualTo(new JsonObject()
      .put("address", "http://127.0.0.1:8500").put("ssl", false)
      .put("wait", 300_000L).put("requestTimeout", 10_000L)
      .put("backoffInitial", 1_000L).put("backoffMax", 60_000L).put("minInterval", 100L));
  }

  @Test
  void theJsonFormRoundTripsAndAcceptsDurationStrings() {
    JsonObject json = new JsonObject()
      .put("address", "https://consul.internal:8501").put("ssl", true)
      .put("caFile", "/etc/consul/ca.pem").put("clientCert", "/etc/consul/c.pem").put("clientKey", "/etc/consul/k.pem")
      .put("token", "t").put("tokenFile", "/run/token").put("datacenter", "dc2").put("nodeName", "web-1")
      .put("wait", "10m").put("requestTimeout", "30s").put("backoffInitial", "500ms")
      .put("backoffMax", 120_000).put("minInterval", "1s");
    ConsulClientOptions options = new ConsulClientOptions(json);
    assertThat(options.getWait()).isEqualTo(600_000);
    assertThat(options.getRequestTimeout()).isEqualTo(30_000);
    assertThat(options.getBackoffInitial()).isEqualTo(500);
    assertThat(options.getMinInterval()).isEqualTo(1_000);
    JsonObject expected = json.copy().put("wait", 600_000L).put("requestTimeout", 30_000L)
      .put("backoffInitial", 500L).put("backoffMax", 120_000L).put("minInterval", 1_000L);
    assertThat(options.toJson()).isEqualTo(expected);
    assertThat(new ConsulClientOptions(options).toJson()).isEqualTo(expected);
    assertThat(new ConsulClientOptions(options.toJson()).toJson()).isEqualTo(expected);
    assertThat(options.toString()).doesNotContain("\"t\"").contains("********");
  }

  @Test
  void badValuesFailNamingTheField() {
    assertJsonFails("wait", "soon", "consul.wait: invalid duration 'soon'");
    assertJsonFails("wait", "11m", "consul.wait: must be from 1 to 600000 ms (Consul's maximum), got 660000 ms");
    assertJsonFails("wait", 0, "consul.wait: must be from 1 to 600000 ms");
    assertJsonFails("requestTimeout", 0, "consul.requestTimeout: must be positive, got 0 ms");
    assertJsonFails("backoffInitial", -5, "consul.backoffInitial: invalid duration '-5'");
    assertJsonFails("backoffMax", "1x", "consul.backoffMax: invalid duration '1x'");
    assertJsonFails("minInterval", "fast", "consul.minInterval: invalid duration 'fast'");
    assertJsonFails("ssl", "yes", "consul.ssl: expected true or false, got 'yes'");
    assertJsonFails("token", 5, "consul.token: expected a non-empty string, got '5'");
    assertJsonFails("nodeName", " ", "consul.nodeName: expected a non-empty string, got ' '");
    assertJsonFails("address", "unix:///var/run/consul.sock", "consul.address: expected host:port, http://host:port "
      + "or https://host:port, got 'unix:///var/run/consul.sock'");
    assertJsonFails("address", "http://127.0.0.1:8500/v1", "consul.address: expected host:port");
    assertJsonFails("adress", "127.0.0.1:8500", "consul.adress: unknown field");
    assertJsonFails("serviceId", "web", "consul.serviceId: unknown field");
    assertThatThrownBy(() -> new ConsulClientOptions().setMinInterval(-1))
      .hasMessage("consul.minInterval: must not be negative, got -1 ms");
    assertThatThrownBy(() -> new ConsulClientOptions().setNodeName(" "))
      .hasMessage("consul.nodeName: must not be blank (leave it out instead)");
  }

  private static void assertJsonFails(String key, Object value, String message) {
    assertThatThrownBy(() -> new ConsulClientOptions(new JsonObject().put(key, value)))
      .isInstanceOf(IllegalArgumentException.class)
      .hasMessageStartingWith(message);
  }

  @Test
  void createRejectsInconsistentOptions(Vertx vertx) {
    assertThatThrownBy(() -> ConsulMaintenance.create(vertx,
      new ConsulClientOptions().setBackoffInitial(5_000).setBackoffMax(1_000)))
      .isInstanceOf(IllegalArgumentException.class)
      .hasMessage("consul.backoffMax: must not be below consul.backoffInitial (5000 ms), got 1000 ms");
    assertThatThrownBy(() -> ConsulMaintenance.create(vertx, new ConsulClientOptions().setClientCert("c.pem")))
      .hasMessage("consul.clientKey: needed with consul.clientCert");
  }

  @Test
  void theEnvironmentIsReadAsTheConsulCliReadsIt() {
    assertThat(ConsulClientOptions.fromEnvironment(Map.of()).toJson())
      .isEqualTo(new ConsulClientOptions().toJson());

    ConsulClientOptions bare = ConsulClientOptions.fromEnvironment(Map.of("CONSUL_HTTP_ADDR", "10.1.2.3:8500"));
    assertThat(bare.getAddress()).isEqualTo("10.1.2.3:8500");
    assertThat(bare.isSsl()).isFalse();

    ConsulClientOptions all = ConsulClientOptions.fromEnvironment(Map.of(
      "CONSUL_HTTP_ADDR", "https://consul.internal:8501",
      "CONSUL_HTTP_TOKEN", "env-token",
      "CONSUL_HTTP_TOKEN_FILE", "/run/secrets/consul-token",
      "CONSUL_HTTP_SSL", "1",
      "CONSUL_CACERT", "/etc/consul/ca.pem",
      "CONSUL_CLIENT_CERT", "/etc/consul/client.pem",
      "CONSUL_CLIENT_KEY", "/etc/consul/client-key.pem"));
    assertThat(all.getAddress()).isEqualTo("https://consul.internal:8501");
    assertThat(all.getToken()).isEqualTo("env-token");
    assertThat(all.getTokenFile()).isEqualTo("/run/secrets/consul-token");
    assertThat(all.isSsl()).isTrue();
    assertThat(all.getCaFile()).isEqualTo("/etc/consul/ca.pem");
    assertThat(all.getClientCert()).isEqualTo("/etc/consul/client.pem");
    assertThat(all.getClientKey()).isEqualTo("/etc/consul/client-key.pem");

    assertThat(ConsulClientOptions.fromEnvironment(Map.of("CONSUL_HTTP_SSL", "FALSE")).isSsl()).isFalse();
    assertThat(ConsulClientOptions.fromEnvironment(Map.of("CONSUL_HTTP_TOKEN", " ")).getToken()).isNull();
  }

  @Test
  void badEnvironmentValuesFailNamingTheVariable() {
    assertThatThrownBy(() -> ConsulClientOptions.fromEnvironment(Map.of("CONSUL_HTTP_SSL", "yes")))
      .hasMessage("CONSUL_HTTP_SSL: expected true or false, got 'yes'");
    assertThatThrownBy(() -> ConsulClientOptions.fromEnvironment(Map.of("CONSUL_HTTP_ADDR", "unix:///consul.sock")))
      .hasMessageStartingWith("CONSUL_HTTP_ADDR: expected host:port");
  }

  /** The schema says what the setters check, the token is a secret, and keys of a reference row share a meaning. */
  @Test
  void theSchemaDescribesTheConnection() {
    JsonObject properties = ConsulClientOptions.schema().getJsonObject("properties");
    assertThat(properties.fieldNames()).containsExactly("address", "token", "tokenFile", "ssl", "caFile",
      "clientCert", "clientKey", "datacenter", "nodeName", "wait", "requestTimeout", "backoffInitial", "backoffMax",
      "minInterval");
    assertThat(properties.getJsonObject("address")).isEqualTo(new JsonObject().put("$ref", "#/$defs/text")
      .put("default", "http://127.0.0.1:8500")
      .put("description", "the agent; `CONSUL_HTTP_ADDR` (with or without scheme)"));
    assertThat(properties.getJsonObject("token").getBoolean("writeOnly")).isTrue();
    assertThat(properties.getJsonObject("tokenFile").containsKey("writeOnly")).isFalse();
    assertThat(properties.getJsonObject("tokenFile").getString("description"))
      .isEqualTo(properties.getJsonObject("token").getString("description"));
    for (String tls : new String[]{"caFile", "clientCert", "clientKey"}) {
      assertThat(properties.getJsonObject(tls).getString("description"))
        .isEqualTo(properties.getJsonObject("ssl").getString("description"));
    }
    assertThat(properties.getJsonObject("ssl").getBoolean("default")).isFalse();
    assertThat(properties.getJsonObject("datacenter").getString("x-default")).isEqualTo("the agent's");
    assertThat(properties.getJsonObject("nodeName").getString("x-default"))
      .isEqualTo("`/v1/agent/self` Config.NodeName");
    assertThat(properties.getJsonObject("wait")).isEqualTo(new JsonObject().put("$ref", "#/$defs/duration")
      .put("minimum", 1).put("maximum", 600_000L).put("default", "5m").put("description", "blocking query wait"));
    assertThat(properties.getJsonObject("backoffMax").getInteger("exclusiveMinimum")).isZero();
    assertThat(properties.getJsonObject("backoffMax").getString("default")).isEqualTo("1m");
    assertThat(properties.getJsonObject("minInterval").getString("default")).isEqualTo("100ms");
    assertThat(ConsulClientOptions.schema().getBoolean("additionalProperties")).isFalse();
  }
}
