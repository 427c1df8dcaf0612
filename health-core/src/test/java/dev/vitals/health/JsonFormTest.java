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
    .object("inner", NESTED::read)
    .objectMap("probes", NESTED::read);

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
}
