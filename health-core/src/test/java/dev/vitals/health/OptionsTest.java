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

  /** The schema the standalone's check entries are generated from: every key, its shape, range and default. */
  @Test
  void checkOptionsSchemaDescribesTheJsonForm() {
    assertThat(CheckOptions.schema()).isEqualTo(new JsonObject("""
      {"type": "object", "properties": {
        "name": {"type": "string", "minLength": 1,
          "description": "unique; `/` nests (`db/primary`)"},
        "timeout": {"$ref": "#/$defs/duration", "default": "2s",
          "description": "one run's limit; reported failed after it (procedures registered embedded the vertx-health-check way, `register(name, procedure)`, get its 1 s)"},
        "successTtl": {"$ref": "#/$defs/duration", "default": "27s",
          "description": "how long a passing (or warning) / failing result is reused; 0 disables caching"},
        "failureTtl": {"$ref": "#/$defs/duration", "default": "9s",
          "description": "how long a passing (or warning) / failing result is reused; 0 disables caching"},
        "maxStale": {"$ref": "#/$defs/duration", "default": "1m",
          "description": "after expiry, how long the old result is served (marked `stale`) while one refresh runs"},
        "refreshPeriod": {"$ref": "#/$defs/duration", "default": 0,
          "description": "refresh on a timer instead of on demand; 0: on demand"},
        "critical": {"type": "boolean", "default": true,
          "description": "a failing non-critical check makes the outcome of `/health`, the probes and its groups `warn` (still 200); asked by its own name (`/health/<name>`, gRPC) it answers `fail` (503, `NOT_SERVING`)"},
        "tags": {"$ref": "#/$defs/strings", "default": [],
          "description": "`liveness`, `readiness`, `startup`, or your own for `health.probes`"},
        "failureThreshold": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 1,
          "description": "consecutive failing runs before a passing check fails; passes before a failing one recovers"},
        "successThreshold": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 1,
          "description": "consecutive failing runs before a passing check fails; passes before a failing one recovers"},
        "dependsOn": {"$ref": "#/$defs/strings", "default": [],
          "description": "names of checks this one needs: while one of them fails, this one is not run and fails with `blocked by <name>: <its output>`; an unknown name or a cycle stops start-up"},
        "slo": {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 100,
          "description": "service level objective, percent of time available (`99.9`); `/health/history` then gives the error budget left per window"}},
       "required": ["name"]}
      """));
  }
}
