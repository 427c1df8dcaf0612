package dev.vitals.status.consul.impl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CONSUL_HTTP_ADDR's forms, as the Consul CLI reads them. */
class AgentAddressTest {

  @Test
  void bareHostAndPortIsHttp() {
    AgentAddress address = AgentAddress.parse("10.0.0.5:8500", false, "f");
    assertThat(address.ssl()).isFalse();
    assertThat(address.host()).isEqualTo("10.0.0.5");
    assertThat(address.port()).isEqualTo(8500);
    assertThat(address).hasToString("http://10.0.0.5:8500");
  }

  @Test
  void theSchemeDecidesTls() {
    assertThat(AgentAddress.parse("http://consul:8500", false, "f").ssl()).isFalse();
    assertThat(AgentAddress.parse("https://consul:8501", false, "f").ssl()).isTrue();
    assertThat(AgentAddress.parse("HTTPS://consul:8501/", false, "f")).hasToString("https://consul:8501");
  }

  @Test
  void theSslSwitchForcesTls() {
    assertThat(AgentAddress.parse("consul:8501", true, "f")).hasToString("https://consul:8501");
    assertThat(AgentAddress.parse("http://consul:8501", true, "f").ssl()).isTrue();
  }

  @Test
  void withoutAPortTheSchemesDefaultAsTheCli() {
    assertThat(AgentAddress.parse("consul.internal", false, "f").port()).isEqualTo(80);
    assertThat(AgentAddress.parse("https://consul.internal", false, "f").port()).isEqualTo(443);
  }

  @Test
  void ipv6() {
    AgentAddress address = AgentAddress.parse("[::1]:8500", false, "f");
    assertThat(address.host()).isEqualTo("::1");
    assertThat(address).hasToString("http://[::1]:8500");
  }

  @Test
  void otherFormsFailNamingTheField() {
    for (String bad : new String[]{"unix:///tmp/consul.sock", "http://u:p@consul:8500", "consul:8500/v1",
      "consul:notaport", "http://consul:8500?x=1", ""}) {
      assertThatThrownBy(() -> AgentAddress.parse(bad, false, "CONSUL_HTTP_ADDR"))
        .as(bad).hasMessage("CONSUL_HTTP_ADDR: expected host:port, http://host:port or https://host:port, got '"
          + bad + "'");
    }
  }
}
