package dev.vitals.samples;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tables of the config reference (docs/configuration.md), written from the config's JSON Schema: one row per
 * key, or per run of keys of one object that share a description (declared together in their form), and one row
 * per check type. {@link ConfigReferenceTest} keeps the document's tables equal to these.
 */
final class ReferenceTables {

  private final JsonObject schema;

  /** @param schema the standalone config's schema */
  ReferenceTables(JsonObject schema) {
    this.schema = schema;
  }

  /** One row: the keys (the first by its full path, the others by name), their defaults, their meaning. */
  private record Row(String parent, List<String> keys, List<String> defaults, String meaning) {

    String markdown() {
      StringBuilder cell = new StringBuilder("`" + parent + keys.get(0) + "`");
      keys.stream().skip(1).forEach(key -> cell.append(", `").append(key).append('`'));
      String shown = defaults.stream().distinct().count() == 1 ? defaults.get(0) : String.join(", ", defaults);
      return "| " + cell + " | " + shown + " | " + meaning + " |";
    }
  }

  /** @return the keys' table: a header, then a row per key or run of keys, in the schema's order */
  String keys() {
    List<Row> rows = new ArrayList<>();
    walk("", schema, rows);
    StringBuilder table = new StringBuilder("| key | default | meaning |\n|---|---|---|\n");
    rows.forEach(row -> table.append(row.markdown()).append('\n'));
    return table.toString();
  }

  /** @return the check types' table: a header, then a row per type with its keys and when it passes */
  String types() {
    return branches(schema.getJsonObject("$defs").getJsonObject("check"), "passes when");
  }

  /** @return the alert channel types' table: a header, then a row per type with its keys and what it sends to */
  String channels() {
    return branches(schema.getJsonObject("properties").getJsonObject("alerts").getJsonObject("properties")
      .getJsonObject("channels").getJsonObject("items"), "sends to");
  }

  /** A row per {@code allOf} branch of an object whose {@code type} picks the keys: type, its keys, its description. */
  private static String branches(JsonObject object, String meaning) {
    StringBuilder table = new StringBuilder("| type | keys (default) | " + meaning + " |\n|---|---|---|\n");
    for (Object branch : object.getJsonArray("allOf")) {
      JsonObject rule = (JsonObject) branch;
      String type = rule.getJsonObject("if").getJsonObject("properties").getJsonObject("type").getString("const");
      JsonObject then = rule.getJsonObject("then");
      List<Object> required = then.getJsonArray("required", new JsonArray()).stream().toList();
      List<String> keys = new ArrayList<>();
      then.getJsonObject("properties").forEach(e -> {
        JsonObject key = (JsonObject) e.getValue();
        String shown = required.contains(e.getKey()) ? "required" : key.containsKey("default")
          ? value(key.getValue("default")) : key.getString("x-default");
        keys.add("`" + e.getKey() + "`" + (shown == null ? "" : " (" + shown + ")"));
      });
      table.append("| `").append(type).append("` | ").append(String.join(", ", keys)).append(" | ")
        .append(then.getString("description", "")).append(" |\n");
    }
    return table.toString();
  }

  private void walk(String parent, JsonObject object, List<Row> rows) {
    JsonObject resolved = resolve(object);
    List<Object> required = resolved.getJsonArray("required", new JsonArray()).stream().toList();
    Row run = null;
    for (Map.Entry<String, Object> e : resolved.getJsonObject("properties", new JsonObject())) {
      JsonObject key = (JsonObject) e.getValue();
      JsonObject value = resolve(key);
      String path = parent + e.getKey();
      JsonObject items = value.getValue("items") instanceof JsonObject i ? resolve(i) : null;
      JsonObject map = value.getValue("additionalProperties") instanceof JsonObject m ? resolve(m) : null;
      boolean section = value.containsKey("properties");
      boolean list = items != null && items.containsKey("properties");
      boolean named = map != null && map.containsKey("properties");
      if (section || list || named) {
        run = null;
        if (list && key.containsKey("x-default")) { // a list documented as a whole too: the checks
          rows.add(new Row("", List.of(path), List.of(key.getString("x-default")), meaning(key, value)));
        }
        walk(path + (section ? "." : list ? "[]." : ".<name>."), section ? value : list ? items : map, rows);
        continue;
      }
      String shown = key.containsKey("x-default") ? key.getString("x-default")
        : key.containsKey("default") ? value(key.getValue("default"))
        : required.contains(e.getKey()) ? "required" : "none";
      String meaning = meaning(key, value);
      if (run != null && run.meaning().equals(meaning)) {
        run.keys().add(e.getKey());
        run.defaults().add(shown);
      } else {
        run = new Row(parent, new ArrayList<>(List.of(e.getKey())), new ArrayList<>(List.of(shown)), meaning);
        rows.add(run);
      }
    }
  }

  private static String meaning(JsonObject key, JsonObject resolved) {
    return Objects.requireNonNullElse(key.getString("description"),
      key.containsKey("$ref") ? "" : resolved.getString("description", ""));
  }

  /** @return a default as the table shows it: numbers and booleans as they are, the rest as code */
  private static String value(Object value) {
    if (value instanceof Number || value instanceof Boolean) {
      return String.valueOf(value);
    }
    return "`" + (value instanceof String ? value : value instanceof JsonArray a ? a.encode()
      : ((JsonObject) value).encode()) + "`";
  }

  private JsonObject resolve(JsonObject node) {
    String ref = node.getString("$ref");
    if (ref == null || !ref.startsWith("#/$defs/")) {
      return node;
    }
    JsonObject target = schema.getJsonObject("$defs").getJsonObject(ref.substring("#/$defs/".length()));
    // The check entry is documented by its common keys; its types have a table of their own.
    return target.containsKey("allOf") ? target.copy().put("allOf", new JsonArray()) : target;
  }

}
