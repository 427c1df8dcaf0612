package dev.vitals.samples.impl;

import dev.vitals.health.checks.CheckType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a check type joins the schema: its name, its branch, its keys; and which names it cannot take. */
class ConfigSchemaTypesTest {

  private static CheckType type(String name) {
    return new CheckType() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public JsonObject schema() {
        return new JsonObject().put("required", new JsonArray().add("colour"))
          .put("properties", new JsonObject().put("colour", new JsonObject().put("$ref", "#/$defs/text")));
      }

      @Override
      public Factory parse(JsonObject entry) {
        return (vertx, dependencies, registry, options) -> Registration.NONE;
      }
    };
  }

  @Test
  void aNewTypeAddsItsNameItsBranchAndItsKeys() {
    JsonObject schema = StandaloneSchema.withTypes(ConfigSchema.schema(), List.of(type("paint")));
    JsonObject check = schema.getJsonObject("$defs").getJsonObject("check");
    List<Object> types = check.getJsonObject("properties").getJsonObject("type").getJsonArray("enum").stream().toList();
    assertThat(types).endsWith("paint").contains("http", "passive");
    JsonObject branch = check.getJsonArray("allOf").getJsonObject(check.getJsonArray("allOf").size() - 1);
    assertThat(ConfigSchema.valueAt(branch, "/if/properties/type/const")).isEqualTo("paint");
    assertThat(ConfigSchema.valueAt(branch, "/then/required/0")).isEqualTo("colour");
    assertThat(ConfigSchema.valueAt(branch, "/then/$ref")).isEqualTo("#/$defs/checkFields/paint");
    List<Object> keys = schema.getJsonObject("$defs").getJsonObject("checkFields").getJsonObject("paint")
      .getJsonObject("propertyNames").getJsonArray("enum").stream().toList();
    assertThat(keys).startsWith("name", "type", "timeout").endsWith("slo", "colour");
  }

  @Test
  void aTypeOfAKnownNameReplacesItsBranchInPlace() {
    JsonObject before = ConfigSchema.schema();
    JsonObject after = StandaloneSchema.withTypes(before, List.of(type("tcp")));
    JsonArray branches = after.getJsonObject("$defs").getJsonObject("check").getJsonArray("allOf");
    assertThat(branches.size())
      .isEqualTo(before.getJsonObject("$defs").getJsonObject("check").getJsonArray("allOf").size());
    assertThat(branches.stream().map(b -> ConfigSchema.valueAt((JsonObject) b, "/then/required/0")))
      .contains("colour");
  }

  @Test
  void passiveAndNamesThatAreNotLowerCaseWordsAreRefused() {
    for (String name : List.of("passive", "Paint", "paint/red", "")) {
      assertThatThrownBy(() -> StandaloneSchema.withTypes(ConfigSchema.schema(), List.of(type(name))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'" + name + "'");
    }
  }
}
