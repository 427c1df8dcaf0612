package dev.vitals.samples;

import dev.vitals.environment.EnvironmentOptions;
import dev.vitals.health.ApplicationOptions;
import dev.vitals.health.CheckOptions;
import dev.vitals.health.checks.CheckType;
import dev.vitals.health.fleet.HazelcastOptions;
import dev.vitals.health.grpc.GrpcHealthOptions;
import dev.vitals.health.history.HistoryStoreOptions;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schema shipped in the jar ({@value ConfigSchema#RESOURCE}) and the tables of the config reference
 * (docs/configuration.md) are generated from the options classes' forms (see {@code StandaloneSchema}); this keeps
 * them current. After changing a form, regenerate both with
 * {@code mvn -B -o test -pl samples -am -Dtest=ConfigReferenceTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dvitals.writeReference=true} and commit them. It also checks that every options class writes the keys its schema
 * declares.
 */
class ConfigReferenceTest {

  /** Set to {@code true} to write the generated files instead of failing when they differ. */
  private static final boolean WRITE = Boolean.getBoolean("vitals.writeReference");
  private static final String REGENERATE = "out of date; regenerate with mvn -B -o test -pl samples -am "
    + "-Dtest=ConfigReferenceTest -Dsurefire.failIfNoSpecifiedTests=false -Dvitals.writeReference=true";
  private static final Path SHIPPED = Path.of("src", "main", "resources", ConfigSchema.RESOURCE);
  private static final Path REFERENCE = Path.of("..", "docs", "configuration.md");
  private static final JsonObject SCHEMA = ConfigSchema.schema();

  /** Compares a generated text with a file's, or writes it there when asked to. */
  private static void current(Path file, String expected, String actual) throws IOException {
    if (WRITE && !expected.equals(actual)) {
      Files.writeString(file, expected);
      return;
    }
    assertThat(actual).as(file + " " + REGENERATE).isEqualTo(expected);
  }

  @Test
  void shippedSchemaIsTheGeneratedOne() throws IOException {
    Set<String> types = new TreeSet<>(CheckType.available().keySet());
    types.add("passive");
    assertThat(SCHEMA.getJsonObject("$defs").getJsonObject("check").getJsonObject("properties")
      .getJsonObject("type").getJsonArray("enum")).as("no other type on this class path")
      .containsExactlyInAnyOrderElementsOf(types);
    current(SHIPPED, SCHEMA.encodePrettily() + "\n", Files.readString(SHIPPED));
  }

  @Test
  void referenceTablesAreTheGeneratedOnes() throws IOException {
    String document = Files.readString(REFERENCE);
    ReferenceTables tables = new ReferenceTables(SCHEMA);
    String generated = replace(replace(replace(document, "keys", tables.keys()), "types", tables.types()),
      "channels", tables.channels());
    current(REFERENCE, generated, document);
  }

  /** @return the document with the region between the markers of {@code name} replaced by {@code table} */
  private static String replace(String document, String name, String table) {
    String begin = "<!-- generated " + name + ": from the options classes' forms by ConfigReferenceTest -->\n";
    String end = "<!-- end of generated " + name + " -->";
    int from = document.indexOf(begin);
    int to = document.indexOf(end);
    assertThat(from).as("%s's markers", REFERENCE).isNotNegative().isLessThan(to);
    return document.substring(0, from + begin.length()) + table + document.substring(to);
  }

  private static JsonObject resolve(JsonObject schema) {
    String ref = schema.getString("$ref");
    return ref == null ? schema : resolve(SCHEMA.getJsonObject("$defs").getJsonObject(ref.substring("#/$defs/".length())));
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
      } else if (e.getKey().equals("uri")) {
        value = "postgresql://vitals:pw@127.0.0.1:5432/vitals"; // history.store's, whose keys are PostgreSQL's
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

  private static JsonObject at(String pointer) {
    JsonObject node = SCHEMA;
    for (String key : pointer.substring(1).split("/")) {
      node = node.getJsonObject(key);
    }
    return node;
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
    JsonObject probe = at("/properties/health/properties/probes/additionalProperties");
    sameKeys(probe, json -> new HealthHandlerOptions(new JsonObject().put("probes", new JsonObject().put("p", json)))
      .toJson().getJsonObject("probes").getJsonObject("p"), Set.of(), Set.of());
    sameKeys(at("/properties/notifications/properties/webhooks/items"), json -> new WebhookOptions(json).toJson(),
      Set.of(), Set.of());
    sameKeys(section("metrics"), json -> new VitalsMetricsOptions(json).toJson(), Set.of(), Set.of());
    // history.store's keys of every type at once: PostgreSQL's are read with its type only
    sameKeys(section("history"), json -> new HistorySection(json.put("store", json.getJsonObject("store")
      .put("type", "postgresql"))).toJson(), Set.of(), Set.of());
    sameKeys(at("/properties/history/properties/store"),
      json -> new HistoryStoreOptions(json.put("type", "postgresql")).toJson(), Set.of(), Set.of());
    sameKeys(section("fleet"), json -> new FleetSection(json).toJson(), Set.of(), Set.of());
    sameKeys(section("fleet").getJsonObject("properties").getJsonObject("cluster"),
      json -> new HazelcastOptions(json).toJson(), Set.of(), Set.of());
    // type picks the check's definition; CheckOptions holds the rest.
    sameKeys(SCHEMA.getJsonObject("$defs").getJsonObject("check"), json -> new CheckOptions(json).toJson(),
      Set.of("type"), Set.of());
  }

  /** An object of the config and what reads it: an options class's JSON constructor. */
  private record Reader(String path, JsonObject schema, Function<JsonObject, ?> read) {
  }

  private static List<Reader> readers() {
    List<Reader> readers = new java.util.ArrayList<>(sections());
    for (Object branch : SCHEMA.getJsonObject("$defs").getJsonObject("check").getJsonArray("allOf")) {
      String type = ((JsonObject) branch).getJsonObject("if").getJsonObject("properties").getJsonObject("type")
        .getString("const");
      JsonObject fields = ((JsonObject) branch).getJsonObject("then").copy();
      fields.remove("$ref"); // the entry's key list, checked elsewhere
      readers.add(new Reader("checks[" + type + "]", fields, type.equals("passive") ? dev.vitals.health.PassiveOptions::new
        : CheckType.available().get(type)::parse));
    }
    return readers;
  }

  private static List<Reader> sections() {
    return List.of(
      new Reader("application", section("application"), ApplicationOptions::new),
      new Reader("consul", section("consul"), json -> new ConsulSection(json, Map.of())),
      new Reader("grpc", section("grpc"), json -> { json.remove("enabled"); return new GrpcHealthOptions(json); }),
      new Reader("health.probes.<name>", at("/properties/health/properties/probes/additionalProperties"),
        json -> new HealthHandlerOptions(new JsonObject().put("probes", new JsonObject().put("p", json)))),
      new Reader("notifications.webhooks[]", at("/properties/notifications/properties/webhooks/items"),
        WebhookOptions::new),
      new Reader("history", section("history"), HistorySection::new),
      new Reader("history.store", at("/properties/history/properties/store"),
        json -> new HistoryStoreOptions(json.put("type", "postgresql"))),
      new Reader("alerts", section("alerts"), dev.vitals.health.alerts.AlertsOptions::new),
      new Reader("fleet", section("fleet"), FleetSection::new),
      new Reader("fleet.cluster", section("fleet").getJsonObject("properties").getJsonObject("cluster"),
        HazelcastOptions::new),
      new Reader("checks[]", SCHEMA.getJsonObject("$defs").getJsonObject("check"),
        json -> { json.remove("type"); return new CheckOptions(json); }));
  }

  /**
   * A range is written twice, in a key's form (the schema's) and in its setter (the Java API's): each integer key's
   * bounds are accepted by the options class, and one past them refused, so the two cannot drift apart.
   */
  /** @return a valid value of each required key of an object schema, the sample's */
  private static JsonObject required(JsonObject schema) {
    JsonObject sample = sample(schema);
    JsonObject required = new JsonObject();
    resolve(schema).getJsonArray("required", new JsonArray()).forEach(key -> required.put((String) key,
      sample.getValue((String) key)));
    return required;
  }

  @Test
  void schemaRangesAreTheSettersRanges() {
    List<String> drifts = new java.util.ArrayList<>();
    for (Reader reader : readers()) {
      JsonObject properties = reader.schema().getJsonObject("properties");
      properties.forEach(e -> {
        JsonObject key = resolve((JsonObject) e.getValue());
        if (!"integer".equals(key.getValue("type")) || !(key.getValue("minimum") instanceof Number min)
          || !(key.getValue("maximum") instanceof Number max)) {
          return;
        }
        String name = reader.path() + "." + e.getKey();
        for (long value = min.longValue() - 1; value <= max.longValue() + 1;
             value = value == min.longValue() ? max.longValue() : value + 1) {
          if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            continue; // the form refuses what is not an int
          }
          boolean valid = value >= min.longValue() && value <= max.longValue();
          JsonObject json = required(reader.schema()).put(e.getKey(), value);
          try {
            reader.read().apply(json);
            if (!valid) {
              drifts.add(name + " = " + value + " accepted, outside the schema's " + min + " to " + max);
            }
          } catch (IllegalArgumentException failure) {
            if (valid) {
              drifts.add(name + " = " + value + " refused (" + failure.getMessage() + "), inside the schema's range");
            }
          }
        }
      });
    }
    assertThat(drifts).isEmpty();
  }
}
