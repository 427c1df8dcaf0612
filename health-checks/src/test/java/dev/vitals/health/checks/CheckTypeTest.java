package dev.vitals.health.checks;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The built-in types, as {@link java.util.ServiceLoader} finds them on the module path. */
class CheckTypeTest {

  @Test
  void theBuiltInTypesAreFoundByName() {
    assertThat(CheckType.available().keySet()).containsExactly("disk-space", "dns", "event-loop", "eventbus", "heap",
      "http", "jdbc", "mysql", "postgres", "redis", "tcp", "tls");
    assertThat(CheckType.available().get("jdbc").blocking()).isTrue();
    assertThat(CheckType.available().get("disk-space").blocking()).isTrue();
    assertThat(CheckType.available().get("http").blocking()).isFalse();
  }

  @Test
  void eachSchemaFragmentNamesItsKeysAndIsACopy() {
    CheckType.available().values().forEach(type -> {
      JsonObject schema = type.schema();
      assertThat(schema.fieldNames()).as(type.name()).isSubsetOf("properties", "required");
      schema.getJsonObject("properties").clear();
      assertThat(type.schema().getJsonObject("properties")).as(type.name()).isNotEmpty();
    });
  }

  @Test
  void parsingReadsTheEntryWithoutCreatingAnything() {
    CheckType tcp = CheckType.available().get("tcp");
    assertThat(tcp.parse(new JsonObject().put("name", "db").put("host", "db").put("port", 5432))).isNotNull();
    assertThatThrownBy(() -> tcp.parse(new JsonObject().put("host", "db").put("port", 0)))
      .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("port: ");
  }
}
