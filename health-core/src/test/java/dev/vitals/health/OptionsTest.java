package dev.vitals.health;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {

  @ParameterizedTest
  @CsvSource({"500ms,500", "27s,27000", "5m,300000", "1h,3600000", "0s,0", "' 2s ',2000"})
  void durationsReadTheConfigForms(String text, long millis) {
    assertThat(Durations.toMillis(text, "f")).isEqualTo(millis);
  }

  @Test
  void durationsAcceptIntegerMillisAndRejectTheRest() {
    assertThat(Durations.toMillis(1500, "f")).isEqualTo(1500);
    for (Object bad : new Object[]{"abc", "5", "5 days", "-1s", -3, 1.5, true, null, "99999999999999999999h"}) {
      assertThatThrownBy(() -> Durations.toMillis(bad, "checks[0].timeout"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("checks[0].timeout: invalid duration");
    }
  }

  @Test
  void checkOptionsRoundTripThroughJson() {
    CheckOptions options = new CheckOptions(new JsonObject()
      .put("name", "db/primary").put("timeout", "500ms").put("successTtl", "1m").put("failureTtl", 3000)
      .put("maxStale", "0s").put("refreshPeriod", "10s").put("critical", false)
      .put("tags", new JsonArray().add("readiness").add("db")));
    assertThat(options.getTimeout()).isEqualTo(500);
    assertThat(options.getSuccessTtl()).isEqualTo(60_000);
    assertThat(options.getFailureTtl()).isEqualTo(3_000);
    assertThat(options.getMaxStale()).isZero();
    assertThat(options.getRefreshPeriod()).isEqualTo(10_000);
    assertThat(options.isCritical()).isFalse();
    assertThat(options.getTags()).containsExactly("readiness", "db");
    assertThat(new CheckOptions(options.toJson()).toJson()).isEqualTo(options.toJson());
  }

  @Test
  void defaultsAreThoseOfPyHealthcheck() {
    CheckOptions options = new CheckOptions("x");
    assertThat(options.getSuccessTtl()).isEqualTo(27_000);
    assertThat(options.getFailureTtl()).isEqualTo(9_000);
    assertThat(options.getTimeout()).isEqualTo(2_000);
    assertThat(options.isCritical()).isTrue();
  }

  @Test
  void badJsonNamesTheField() {
    assertThatThrownBy(() -> new CheckOptions(new JsonObject().put("name", 3)))
      .hasMessageStartingWith("name:");
    assertThatThrownBy(() -> new CheckOptions(new JsonObject().put("name", "a").put("critical", "yes")))
      .hasMessageStartingWith("critical:");
    assertThatThrownBy(() -> new CheckOptions(new JsonObject().put("name", "a").put("tags", "db")))
      .hasMessageStartingWith("tags:");
    assertThatThrownBy(() -> new CheckOptions(new JsonObject().put("name", "a").put("timeout", "0ms")))
      .hasMessageStartingWith("timeout:");
    assertThatThrownBy(() -> new CheckOptions(new JsonObject().put("name", "a").put("failureTtl", "x")))
      .hasMessageStartingWith("failureTtl:");
  }
}
