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
  void eachBuiltInTypeSaysWhenItsChecksPass() {
    CheckType.available().values().forEach(type -> assertThat(type.description()).as(type.name()).isNotBlank());
    assertThat(CheckType.available().get("tcp").description()).isEqualTo("a connection opens");
  }

  /** A type's fragment is its options' form: a key's shape, range, pattern, default or secrecy changed shows here. */
  @Test
  void theFragmentsOfHttpAndRedisAreTheirOptionsForms() {
    assertThat(CheckType.available().get("http").schema()).isEqualTo(new JsonObject("""
      {"required": ["url"], "properties": {
        "url": {"type": "string", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://",
          "x-expected": "an absolute http:// or https:// URL", "description": "an absolute http:// or \
      https:// URL, requested with GET; user:password@ in it is sent as basic auth and masked in outputs"},
        "expectedStatus": {"type": "integer", "minimum": 100, "maximum": 599, "x-default": "any 2xx",
          "description": "the one status code that passes, instead of any 2xx"},
        "acceptedStatus": {"type": "array", "items": {"type": "integer", "minimum": 100, "maximum": 599}, "default": [],
          "description": "the status codes that pass, instead of expectedStatus or any 2xx"},
        "bodyContains": {"type": "string", "description": "text the body must contain"},
        "jsonPointer": {"type": "string", "pattern": "^(/.*)?$", "x-expected": "a JSON Pointer such as /status",
          "description": "a JSON Pointer such as /status into the body, whose value must be jsonValue"},
        "jsonValue": {"type": "string",
          "description": "the value expected at jsonPointer: a string value as it is, any other value as JSON"},
        "maxLatency": {"$ref": "#/$defs/duration", "default": 0,
          "description": "the latency above which a passing answer is warn; 0: never"},
        "followRedirects": {"type": "boolean", "default": false,
          "description": "whether redirects are followed, the last answer judged"},
        "trustAll": {"type": "boolean", "default": false,
          "description": "whether any server certificate is trusted, its name not verified"},
        "caPath": {"$ref": "#/$defs/text", "description": "a PEM file of CA certificates to trust instead of the JVM's"},
        "maxBodySize": {"$ref": "#/$defs/size", "default": "1MB",
          "description": "the most of a body bodyContains or jsonPointer reads; a longer body fails the run"}}}
      """));
    assertThat(CheckType.available().get("redis").schema()).isEqualTo(new JsonObject("""
      {"properties": {
        "uri": {"type": "string", "pattern": "^rediss?://", "x-expected": "redis://:password@host:port/database",
          "description": "the server's URI, \
      redis://:password@host:port/database; host, port, database, user and password override its parts"},
        "host": {"$ref": "#/$defs/text", "description": "the server's host name or address"},
        "port": {"type": "integer", "minimum": 1, "maximum": 65535, "description": "the server's port"},
        "database": {"type": "integer", "minimum": 0, "description": "the database number to select"},
        "user": {"$ref": "#/$defs/text", "description": "the user to connect as"},
        "password": {"type": "string", "writeOnly": true, "description": "the user's password"},
        "maxLatency": {"$ref": "#/$defs/duration", "default": 0,
          "description": "the latency above which a passing run is warn; 0: never"},
        "maxReplySize": {"$ref": "#/$defs/size", "default": "64KB",
          "description": "the most bytes of replies a run reads; a reply announcing more fails the run"}}}
      """));
  }

  @Test
  void parsingReadsTheEntryWithoutCreatingAnything() {
    CheckType tcp = CheckType.available().get("tcp");
    assertThat(tcp.parse(new JsonObject().put("name", "db").put("host", "db").put("port", 5432))).isNotNull();
    assertThatThrownBy(() -> tcp.parse(new JsonObject().put("host", "db").put("port", 0)))
      .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("port: ");
  }
}
