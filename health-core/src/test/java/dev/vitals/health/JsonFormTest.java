package dev.vitals.health;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** JsonForm, as its Javadoc describes it to a module of checks of its own: shapes passed on, errors naming fields. */
class JsonFormTest {

  private static final JsonForm NESTED = JsonForm.of("").strings("tags");

  private static final JsonForm FORM = JsonForm.of("ping.")
    .string("host")
    .integer("port")
    .duration("interval")
    .enumeration("whenDown", ServiceStatus.class)
    .integerMap("codes")
    .object("inner", NESTED::read, () -> NESTED.schema(new JsonObject()))
    .objectMap("probes", NESTED::read, () -> NESTED.schema(new JsonObject()));

  @Test
  void readPassesShapesOnAsTheConverterTakesThem() {
    JsonObject read = FORM.read(new JsonObject()
      .put("host", "db").put("port", 5432).put("interval", "5s").put("whenDown", "maintenance")
      .put("codes", new JsonObject().put("fail", 503)).put("inner", new JsonObject()));

    assertThat(read).isEqualTo(new JsonObject()
      .put("host", "db").put("port", 5432).put("interval", 5000L).put("whenDown", "MAINTENANCE")
      .put("codes", new JsonObject().put("fail", 503)).put("inner", new JsonObject()));
  }

  @Test
  void nullIsAsIfAbsent() {
    assertThat(JsonForm.of("").integer("port").read(new JsonObject().putNull("port"))).isEqualTo(new JsonObject());
  }

  @Test
  void writeGivesEnumsTheirLowerCaseNames() {
    assertThat(FORM.write(new JsonObject().put("whenDown", "UNKNOWN").put("host", "DB")))
      .isEqualTo(new JsonObject().put("whenDown", "unknown").put("host", "DB"));
  }

  @Test
  void errorsNameTheField() {
    assertThatThrownBy(() -> FORM.read(new JsonObject().put("port", "5432")))
      .isInstanceOf(IllegalArgumentException.class).hasMessage("ping.port: expected an integer, got '5432'");
    assertThatThrownBy(() -> FORM.read(new JsonObject().put("whenDown", "down")))
      .hasMessage("ping.whenDown: expected ok, maintenance or unknown, got 'down'");
    assertThatThrownBy(() -> FORM.read(new JsonObject().put("codes", new JsonObject().put("fail", "503"))))
      .hasMessage("ping.codes.fail: expected an integer, got '503'");
    assertThatThrownBy(() -> FORM.read(new JsonObject().put("hots", "db")))
      .hasMessage("ping.hots: unknown field, expected one of host, port, interval, whenDown, codes, inner, probes");
    assertThatThrownBy(() -> FORM.read(new JsonObject().put("interval", "soon")))
      .hasMessageStartingWith("ping.interval: invalid duration 'soon'");
  }

  @Test
  void nestedErrorsGetTheirPath() {
    JsonObject badTags = new JsonObject().put("tags", new JsonArray().add(1));

    assertThatThrownBy(() -> FORM.read(new JsonObject().put("inner", badTags)))
      .hasMessage("ping.inner.tags: expected an array of strings, got '1'")
      .cause().hasMessage("tags: expected an array of strings, got '1'");
    assertThatThrownBy(() -> FORM.read(new JsonObject().put("probes", new JsonObject().put("ready", badTags))))
      .hasMessage("ping.probes.ready.tags: expected an array of strings, got '1'");
  }

  @Test
  void anOpenFormLetsUnknownKeysPassAndLeavesThemOut() {
    JsonForm open = JsonForm.of("").open().string("host");

    assertThat(open.read(new JsonObject().put("host", "db").put("type", "tcp")))
      .isEqualTo(new JsonObject().put("host", "db"));
  }

  @Test
  void textRefusesBlankStringsAndSizesAreReadAsBytes() {
    JsonForm form = JsonForm.of("").text("host").size("minFree").integers("codes");
    assertThatThrownBy(() -> form.read(new JsonObject().put("host", " ")))
      .hasMessage("host: expected a non-empty string, got ' '");
    assertThat(form.read(new JsonObject().put("minFree", "64KB").put("codes", new JsonArray().add(200))))
      .isEqualTo(new JsonObject().put("minFree", 65536L).put("codes", new JsonArray().add(200)));
    assertThatThrownBy(() -> form.read(new JsonObject().put("codes", new JsonArray().add("200"))))
      .hasMessage("codes: expected an array of integers, got '200'");
  }

  /** The schema says what the form reads, with the modifiers and the defaults given, the description last. */
  @Test
  void schemaDescribesTheForm() {
    JsonForm form = JsonForm.of("ping.")
      .text("host").required().describe("the host to ping")
      .integer("port", "backupPort").range(1, 65535).describe("its ports")
      .duration("interval", "timeout").describe("how often, how long")
      .size("maxReply")
      .string("token").secret().defaultShown("none")
      .enumeration("whenDown", ServiceStatus.class)
      .strings("tags")
      .object("inner", NESTED::read, () -> NESTED.schema(new JsonObject().put("tags", new JsonArray())));
    JsonObject schema = form.schema(new JsonObject().put("port", 80).put("interval", 300_000L).put("timeout", 0L)
      .put("maxReply", 65536L).put("whenDown", "unknown").put("tags", new JsonArray()).put("inner", new JsonObject()));

    assertThat(schema).isEqualTo(new JsonObject("""
      {"type": "object", "properties": {
        "host": {"$ref": "#/$defs/text", "description": "the host to ping"},
        "port": {"type": "integer", "minimum": 1, "maximum": 65535, "default": 80, "description": "its ports"},
        "backupPort": {"type": "integer", "minimum": 1, "maximum": 65535, "description": "its ports"},
        "interval": {"$ref": "#/$defs/duration", "default": "5m", "description": "how often, how long"},
        "timeout": {"$ref": "#/$defs/duration", "default": 0, "description": "how often, how long"},
        "maxReply": {"$ref": "#/$defs/size", "default": "64KB"},
        "token": {"type": "string", "writeOnly": true, "x-default": "none"},
        "whenDown": {"enum": ["ok", "maintenance", "unknown"], "default": "unknown"},
        "tags": {"$ref": "#/$defs/strings", "default": []},
        "inner": {"type": "object", "properties": {"tags": {"$ref": "#/$defs/strings", "default": []}},
                  "additionalProperties": false}},
       "required": ["host"], "additionalProperties": false}
      """));
    assertThat(schema.getJsonObject("properties").getJsonObject("port").fieldNames()).last().isEqualTo("description");
    assertThat(JsonForm.of("").open().bool("x").schema(new JsonObject()).containsKey("additionalProperties")).isFalse();
    assertThat(JsonForm.definitions().fieldNames()).containsExactly("text", "strings", "duration", "size");
    assertThatThrownBy(() -> JsonForm.of("").describe("nothing")).isInstanceOf(IllegalStateException.class);
  }
}
