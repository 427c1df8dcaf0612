package dev.vitals.samples;

import dev.vitals.environment.EnvironmentOptions;
import dev.vitals.health.ApplicationOptions;
import dev.vitals.health.CheckOptions;
import dev.vitals.health.PassiveOptions;
import dev.vitals.health.checks.CheckType;
import dev.vitals.health.fleet.HazelcastOptions;
import dev.vitals.health.grpc.GrpcHealthOptions;
import dev.vitals.health.metrics.VitalsMetricsOptions;
import dev.vitals.health.web.probes.HealthHandlerOptions;
import dev.vitals.health.web.webhook.WebhookOptions;
import dev.vitals.samples.impl.ConfigSchema;
import dev.vitals.samples.impl.ConsulSection;
import dev.vitals.samples.impl.FleetSection;
import dev.vitals.samples.impl.HistorySection;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The config reference (docs/configuration.md), the JSON Schema and the options classes name the same keys: a key
 * added to one and not the others fails here.
 */
class ConfigReferenceTest {

  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final JsonObject SCHEMA = ConfigSchema.schema();

  /** @return the rows of the config reference's table that follows the heading, first cell and second cell */
  private static List<String[]> table(String heading, String header) throws IOException {
    String readme = Files.readString(Path.of("..", "docs", "configuration.md"));
    String section = readme.substring(readme.indexOf(heading));
    String table = section.substring(section.indexOf(header));
    return table.lines().skip(2).takeWhile(line -> line.startsWith("|"))
      .map(line -> line.substring(1).split(" \\| ")).map(cells -> new String[]{cells[0].trim(), cells[1].trim()})
      .toList();
  }

  /** Keys in a cell: the first names its full path, the next ones are relative to its parent. */
  private static Set<String> keys(String cell) {
    Set<String> keys = new TreeSet<>();
    String parent = "";
    Matcher m = CODE.matcher(cell);
    while (m.find()) {
      String key = m.group(1);
      if (parent.isEmpty() && keys.isEmpty()) {
        int dot = key.lastIndexOf('.');
        parent = dot < 0 ? "" : key.substring(0, dot + 1);
        keys.add(key);
      } else {
        keys.add(parent + key);
      }
    }
    return keys;
  }

  private static Set<String> readmeKeys() throws IOException {
    Set<String> keys = new TreeSet<>();
    for (String[] row : table("# Configuration reference", "| key | default | meaning |")) {
      keys.addAll(keys(row[0]));
    }
    return keys;
  }

  /** Every key the schema declares, as README writes them: {@code checks[].name}, {@code health.probes.<name>.detail}. */
  private static void flatten(String path, JsonObject schema, Set<String> keys) {
    schema = resolve(schema);
    if (!path.isEmpty()) {
      keys.add(path);
    }
    String prefix = path.isEmpty() ? "" : path + ".";
    schema.getJsonObject("properties", new JsonObject()).forEach(e -> flatten(prefix + e.getKey(), (JsonObject) e.getValue(), keys));
    if (schema.getValue("items") instanceof JsonObject items) {
      flatten(path + "[]", items, keys);
      keys.remove(path + "[]");
    }
    if (schema.getValue("additionalProperties") instanceof JsonObject map
      && resolve(map).containsKey("properties")) {
      flatten(prefix + "<name>", map, keys);
      keys.remove(prefix + "<name>");
    }
  }

  private static JsonObject resolve(JsonObject schema) {
    String ref = schema.getString("$ref");
    return ref == null ? schema : resolve(SCHEMA.getJsonObject("$defs").getJsonObject(ref.substring("#/$defs/".length())));
  }

  private static Set<String> schemaKeys() {
    Set<String> keys = new TreeSet<>();
    flatten("", SCHEMA, keys);
    // Objects are documented by their keys; an object README names as a whole is a leaf there.
    keys.removeIf(key -> keys.stream().anyMatch(other -> other.startsWith(key + ".") || other.startsWith(key + "[]."))
      && !key.equals("checks"));
    return keys;
  }

  /** @return per check type, the fields beside the common ones, from the schema's if/then */
  private static Map<String, Set<String>> schemaTypeFields() {
    Map<String, Set<String>> fields = new LinkedHashMap<>();
    for (Object branch : SCHEMA.getJsonObject("$defs").getJsonObject("check").getJsonArray("allOf")) {
      JsonObject rule = (JsonObject) branch;
      String type = rule.getJsonObject("if").getJsonObject("properties").getJsonObject("type").getString("const");
      fields.put(type, new TreeSet<>(rule.getJsonObject("then").getJsonObject("properties").fieldNames()));
    }
    return fields;
  }

  /** Each built-in type's fragment is written once, in health-checks; the shipped file must hold it as it is there. */
  @Test
  void shippedSchemaHoldsTheFragmentOfEachBuiltInType() throws IOException {
    JsonObject shipped = new JsonObject(Files.readString(Path.of("src", "main", "resources", ConfigSchema.RESOURCE)));
    assertThat(ConfigSchema.withTypes(shipped, CheckType.available().values())).isEqualTo(shipped);
    Set<String> types = new TreeSet<>(CheckType.available().keySet());
    types.add("passive");
    assertThat(SCHEMA.getJsonObject("$defs").getJsonObject("check").getJsonObject("properties")
      .getJsonObject("type").getJsonArray("enum")).as("no other type on this class path")
      .containsExactlyInAnyOrderElementsOf(types);
  }

  @Test
  void readmeTableAndSchemaNameTheSameKeys() throws IOException {
    assertThat(readmeKeys()).containsExactlyInAnyOrderElementsOf(schemaKeys());
  }

  @Test
  void readmeCheckTypesAndSchemaNameTheSameFields() throws IOException {
    Map<String, Set<String>> readme = new LinkedHashMap<>();
    for (String[] row : table("Check types:", "| type | fields | passes when |")) {
      Set<String> fields = new TreeSet<>();
      Matcher m = CODE.matcher(row[1]);
      while (m.find()) {
        if (m.group(1).matches("[A-Za-z][A-Za-z0-9]*")) {
          fields.add(m.group(1));
        }
      }
      readme.put(row[0].replace("`", ""), fields);
    }
    assertThat(readme).isEqualTo(schemaTypeFields());
  }

  /** A valid value for each key of an object schema: its default, its first enum value, or one of its type. */
  private static JsonObject sample(JsonObject schema) {
    JsonObject sample = new JsonObject();
    resolve(schema).getJsonObject("properties", new JsonObject()).forEach(e -> {
      JsonObject property = (JsonObject) e.getValue();
      JsonObject resolved = resolve(property);
      Object type = resolved.getValue("type");
      Object value;
      if (property.containsKey("default")) {
        value = property.getValue("default");
      } else if (resolved.containsKey("enum")) {
        value = resolved.getJsonArray("enum").getValue(0);
      } else if (e.getKey().equals("url")) {
        value = "http://127.0.0.1/hook";
      } else if (e.getKey().equals("secret")) {
        value = "at least 16 bytes"; // the fleet's secret has a minimum length of its own
      } else if ("boolean".equals(type)) {
        value = true;
      } else if ("number".equals(type)) {
        value = 50.0;
      } else if ("integer".equals(type)) {
        value = resolved.getInteger("minimum", 1);
      } else if ("array".equals(type)) {
        value = new JsonArray();
      } else if ("object".equals(type)) {
        Object map = resolved.getValue("additionalProperties");
        value = resolved.containsKey("properties") ? sample(resolved)
          : map instanceof JsonObject && resolve((JsonObject) map).containsKey("properties")
          ? new JsonObject().put("p", sample((JsonObject) map))
          : new JsonObject().put("X-Team", "ops");
      } else {
        value = "x";
      }
      sample.put(e.getKey(), value);
    });
    return sample;
  }

  private static JsonObject section(String name) {
    return SCHEMA.getJsonObject("properties").getJsonObject(name);
  }

  private static void sameKeys(JsonObject schema, Function<JsonObject, JsonObject> options, Set<String> schemaOnly,
                               Set<String> optionsOnly) {
    JsonObject sample = sample(schema);
    Set<String> expected = new TreeSet<>(sample.fieldNames());
    expected.removeAll(schemaOnly);
    schemaOnly.forEach(sample::remove);
    Set<String> written = new TreeSet<>(options.apply(sample).fieldNames());
    written.removeAll(optionsOnly);
    assertThat(written).as("toJson() keys").containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void optionsClassesReadAndWriteTheSchemasKeys() {
    sameKeys(section("application"), json -> new ApplicationOptions(json).toJson(), Set.of(), Set.of());
    sameKeys(section("environment"), json -> new EnvironmentOptions(json).toJson(), Set.of("enabled"), Set.of());
    sameKeys(section("environment").getJsonObject("properties").getJsonObject("scrub"),
      json -> new EnvironmentOptions(new JsonObject().put("scrub", json)).toJson().getJsonObject("scrub"),
      Set.of(), Set.of());
    sameKeys(section("consul"), json -> new ConsulSection(json, Map.of()).toJson(), Set.of(), Set.of());
    sameKeys(section("grpc"), json -> new GrpcHealthOptions(json).toJson(), Set.of("enabled"), Set.of());
    // The application comes from the config's own application section.
    sameKeys(section("health"), json -> new HealthHandlerOptions(json).toJson(), Set.of(), Set.of("application"));
    JsonObject probe = SCHEMA.getJsonObject("$defs").getJsonObject("probe");
    sameKeys(probe, json -> new HealthHandlerOptions(new JsonObject().put("probes", new JsonObject().put("p", json)))
      .toJson().getJsonObject("probes").getJsonObject("p"), Set.of(), Set.of());
    sameKeys(SCHEMA.getJsonObject("$defs").getJsonObject("webhook"), json -> new WebhookOptions(json).toJson(),
      Set.of(), Set.of());
    sameKeys(section("metrics"), json -> new VitalsMetricsOptions(json).toJson(), Set.of(), Set.of());
    sameKeys(section("history"), json -> new HistorySection(json).toJson(), Set.of(), Set.of());
    sameKeys(section("fleet"), json -> new FleetSection(json).toJson(), Set.of(), Set.of());
    sameKeys(section("fleet").getJsonObject("properties").getJsonObject("cluster"),
      json -> new HazelcastOptions(json).toJson(), Set.of(), Set.of());
    // type picks the check's definition; CheckOptions holds the rest.
    sameKeys(SCHEMA.getJsonObject("$defs").getJsonObject("check"), json -> new CheckOptions(json).toJson(),
      Set.of("type"), Set.of());
    // A passive check's token is written out like every field (a data object's whole JSON form); where the config is
    // shown, SecretFields masks it as the schema's writeOnly key.
    JsonObject passive = schemaTypeFields().get("passive").stream().collect(JsonObject::new,
      (json, key) -> json.put(key, key.equals("token") ? "t" : "1s"), JsonObject::mergeIn);
    assertThat(new TreeSet<>(new PassiveOptions(passive).toJson().fieldNames()))
      .containsExactlyInAnyOrderElementsOf(new TreeSet<>(List.of("period", "grace", "token")));
  }
}
