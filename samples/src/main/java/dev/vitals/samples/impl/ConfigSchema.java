package dev.vitals.samples.impl;

import dev.vitals.health.ScrubOptions;
import dev.vitals.health.Scrubber;
import dev.vitals.health.checks.CheckType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON Schema (draft 2020-12) of the standalone config, assembled by {@link StandaloneSchema} with the check
 * types on the class path, checked with vertx-json-schema before anything else reads the config; with the built-in
 * types it is {@value #RESOURCE} at the root of the jar (and in {@code samples/src/main/resources}), for editors.
 * Its errors are one line: the JSON Pointer of the value and what was expected, such as
 * {@code /environment/includeProccess: unknown key, expected one of enabled, includeApplication, ...} or
 * {@code /shutdown/drainDelay: expected a duration (...), got 1.0E300}.
 */
public final class ConfigSchema {

  /** Where the schema is on the class path (the jar's root). */
  public static final String RESOURCE = "vitals-config.schema.json";

  /** Why the check types on the class path cannot join the schema (one fails, two share a name), or null. */
  private static final IllegalStateException TYPES_PROBLEM;
  private static final JsonObject SCHEMA;

  static {
    JsonObject schema;
    IllegalStateException problem = null;
    try {
      schema = StandaloneSchema.build(CheckType.available().values());
    } catch (RuntimeException e) { // a duplicate name, a failing provider, a fragment that is not an object schema
      problem = e instanceof IllegalStateException ? (IllegalStateException) e : new IllegalStateException(e.toString(), e);
      schema = StandaloneSchema.build(java.util.List.of());
    }
    SCHEMA = schema;
    TYPES_PROBLEM = problem;
  }

  /** Masks credentials in the values error messages quote, by the environment dump's rules. */
  private static final Scrubber SCRUBBER = new Scrubber(new ScrubOptions());
  /** Over a copy: the library annotates the schema it is given. */
  private static final Validator VALIDATOR = Validator.create(JsonSchema.of(SCHEMA.copy()), new JsonSchemaOptions()
    .setDraft(Draft.DRAFT202012).setBaseUri("https://vitals.dev/").setOutputFormat(OutputFormat.Basic));
  /** Messages of the library that only say that something below failed: never the one to show. */
  private static final List<String> SUMMARIES = List.of("does not match schema", "A subschema had errors",
    "Items did not match schema", "does not match every subschema", "does not match \"then\" schema",
    "Property name ");

  private ConfigSchema() {
  }

  /** @return a copy of the schema, with the fragment of every {@link CheckType} available */
  public static JsonObject schema() {
    return SCHEMA.copy();
  }

  /**
   * @param config a config
   * @throws IllegalArgumentException {@code "<JSON Pointer>: <what was expected>"}, one line, for the most
   *                                  specific violation when the config does not match the schema
   * @throws IllegalStateException    {@code "check types: ..."} when a check type on the class path cannot be used
   */
  public static void validate(JsonObject config) {
    if (TYPES_PROBLEM != null) {
      throw new IllegalStateException("check types: " + TYPES_PROBLEM.getMessage(), TYPES_PROBLEM);
    }
    OutputUnit result = VALIDATOR.validate(config);
    if (Boolean.TRUE.equals(result.getValid())) {
      return;
    }
    OutputUnit best = null;
    int bestDepth = -1;
    for (OutputUnit error : result.getErrors() == null ? List.<OutputUnit>of() : result.getErrors()) {
      if (SUMMARIES.stream().anyMatch(error.getError()::contains) || isKnownKey(error)) {
        continue;
      }
      int depth = pointer(error).split("/", -1).length;
      if (depth > bestDepth) {
        best = error;
        bestDepth = depth;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException("/: does not match " + RESOURCE);
    }
    throw new IllegalArgumentException(pointer(best) + ": " + describe(best, config));
  }

  /** The library also reports keys that {@code properties} accepted under {@code additionalProperties}. */
  private static boolean isKnownKey(OutputUnit error) {
    if (!error.getKeywordLocation().endsWith("/additionalProperties")) {
      return false;
    }
    JsonObject parent = at(parentOf(error.getKeywordLocation()));
    String pointer = error.getInstanceLocation();
    String key = unescape(pointer.substring(pointer.lastIndexOf('/') + 1));
    return parent == null || !(parent.getValue("additionalProperties") instanceof Boolean)
      || parent.getJsonObject("properties", new JsonObject()).containsKey(key);
  }

  private static String pointer(OutputUnit error) {
    String pointer = error.getInstanceLocation().replaceFirst("^#", "");
    if ("MISSING_VALUE".equals(String.valueOf(error.getErrorType())) && error.getError().contains("property \"")) {
      String error1 = error.getError();
      pointer += "/" + error1.substring(error1.indexOf('"') + 1, error1.lastIndexOf('"'));
    }
    return pointer.isEmpty() ? "/" : pointer;
  }

  private static String describe(OutputUnit error, JsonObject config) {
    String keyword = error.getKeywordLocation();
    String leaf = keyword.substring(keyword.lastIndexOf('/') + 1);
    Object value = valueAt(config, error.getInstanceLocation().replaceFirst("^#", ""));
    JsonObject parent = at(parentOf(keyword));
    // An error goes to stderr: never with a secret's value, nor the password of a URI (postgres://user:pw@...).
    String got = secret(keyword) ? "'" + Scrubber.MASK + "'"
      : value instanceof String ? "'" + SCRUBBER.scrub((String) value) + "'" : String.valueOf(value);
    switch (leaf) {
      case "additionalProperties":
        return "unknown key, expected one of "
          + String.join(", ", new TreeSet<>(parent.getJsonObject("properties", new JsonObject()).fieldNames()));
      case "enum":
        if (keyword.contains("/propertyNames/")) {
          return "unknown key, expected one of " + String.join(", ", enumOf(parent));
        }
        return "expected one of " + String.join(", ", enumOf(parent)) + ", got " + got;
      case "required":
        return "required key missing";
      default:
        if (keyword.contains("/propertyNames/")) {
          return "unexpected key name, expected " + (parent == null ? error.getError() : expectation(parent));
        }
        return "expected " + (parent == null ? error.getError() : expectation(parent)) + ", got " + got;
    }
  }

  /**
   * @return what a schema accepts, in words: its {@code x-expected} (see {@code JsonForm.expecting}), or its type
   * and bounds (a description says what a key is for, not what it takes)
   */
  private static String expectation(JsonObject schema) {
    if (schema.containsKey("x-expected")) {
      return schema.getString("x-expected");
    }
    if ("string".equals(schema.getValue("type")) && schema.getInteger("minLength", 0) > 0) {
      return "a non-empty string";
    }
    String ref = schema.getString("$ref", "");
    if ((ref.endsWith("/duration") || ref.endsWith("/size")) && (schema.containsKey("minimum")
      || schema.containsKey("exclusiveMinimum") || schema.containsKey("maximum"))) {
      String unit = ref.endsWith("/duration") ? " ms" : " bytes";
      StringBuilder bounds = new StringBuilder(ref.endsWith("/duration") ? "a duration" : "a size");
      if (schema.containsKey("exclusiveMinimum")) {
        bounds.append(" greater than ").append(schema.getValue("exclusiveMinimum")).append(unit);
      } else if (schema.containsKey("minimum")) {
        bounds.append(" of at least ").append(schema.getValue("minimum")).append(unit);
      }
      if (schema.containsKey("maximum")) {
        bounds.append(schema.containsKey("minimum") || schema.containsKey("exclusiveMinimum") ? " and" : "")
          .append(" at most ").append(schema.getValue("maximum")).append(unit);
      }
      return bounds.toString();
    }
    Object type = schema.getValue("type");
    if ("integer".equals(type) || "number".equals(type)) {
      String kind = "integer".equals(type) ? "an integer" : "a number";
      Object min = schema.getValue("minimum", schema.getValue("exclusiveMinimum"));
      Object max = schema.getValue("maximum");
      if (min != null && max != null) {
        return kind + (schema.containsKey("exclusiveMinimum") ? " greater than " + min + " and at most " + max
          : " from " + min + " to " + max);
      }
      return min != null ? kind + " >= " + min : kind;
    }
    if ("boolean".equals(type)) {
      return "true or false";
    }
    if ("array".equals(type)) {
      return "an array" + ("string".equals(schema.getJsonObject("items", new JsonObject()).getValue("type"))
        ? " of strings" : "");
    }
    if ("object".equals(type)) {
      return "an object";
    }
    if (schema.containsKey("enum")) {
      return "one of " + String.join(", ", enumOf(schema));
    }
    return schema.containsKey("pattern") ? "a string matching " + schema.getString("pattern") : "a string";
  }

  private static List<String> enumOf(JsonObject schema) {
    List<String> names = new ArrayList<>();
    schema.getJsonArray("enum", new JsonArray()).forEach(v -> names.add(String.valueOf(v)));
    return names;
  }

  /**
   * @param keywordLocation where an error was found
   * @return whether a schema holding it is a secret ({@code writeOnly}): the field itself, or a secret map or list
   * one of whose values it is (an alert webhook's {@code headers})
   */
  private static boolean secret(String keywordLocation) {
    for (String at = parentOf(keywordLocation); at.lastIndexOf('/') >= 0; at = parentOf(at)) {
      JsonObject schema = at(at);
      if (schema != null && Boolean.TRUE.equals(schema.getValue("writeOnly"))) {
        return true;
      }
    }
    return false;
  }

  private static String parentOf(String keywordLocation) {
    return keywordLocation.substring(0, keywordLocation.lastIndexOf('/'));
  }

  /**
   * @param keywordLocation a location such as {@code #/properties/checks/items/$ref/allOf/3/then}
   * @return the schema object there, following {@code $ref}s to {@code #/$defs/...}, or {@code null}
   */
  private static JsonObject at(String keywordLocation) {
    Object node = SCHEMA;
    for (String segment : keywordLocation.replaceFirst("^#/?", "").split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      if (segment.equals("$ref") && node instanceof JsonObject) {
        node = at(((JsonObject) node).getString("$ref"));
      } else if (node instanceof JsonObject) {
        node = ((JsonObject) node).getValue(unescape(segment));
      } else if (node instanceof JsonArray) {
        node = ((JsonArray) node).getValue(Integer.parseInt(segment));
      } else {
        return null;
      }
    }
    return node instanceof JsonObject ? (JsonObject) node : null;
  }

  /**
   * @param config  a config
   * @param pointer a JSON Pointer such as {@code /checks/0/name}
   * @return the value there, or {@code null}
   */
  static Object valueAt(JsonObject config, String pointer) {
    Object node = config;
    for (String segment : pointer.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      if (node instanceof JsonObject) {
        node = ((JsonObject) node).getValue(unescape(segment));
      } else if (node instanceof JsonArray && segment.chars().allMatch(Character::isDigit)) {
        int index = Integer.parseInt(segment);
        node = index < ((JsonArray) node).size() ? ((JsonArray) node).getValue(index) : null;
      } else {
        return null;
      }
    }
    return node;
  }

  private static String unescape(String segment) {
    return segment.replace("~1", "/").replace("~0", "~");
  }

  /**
   * The schema of one key, for reading strings (environment variables, system properties) as its type.
   *
   * @param path the key's path from the root, such as {@code [http, port]}; names are matched exactly
   * @return the key's schema with {@code $ref}s followed, or {@code null} when the schema has no such key
   */
  static JsonObject property(List<String> path) {
    JsonObject node = SCHEMA;
    for (String name : path) {
      JsonObject properties = node.getJsonObject("properties", new JsonObject());
      Object next = properties.getValue(name);
      if (next == null && node.getValue("additionalProperties") instanceof JsonObject) {
        next = node.getValue("additionalProperties");
      }
      if (!(next instanceof JsonObject)) {
        return null;
      }
      node = resolve((JsonObject) next);
    }
    return node;
  }

  /** @return the schema with its {@code $ref} followed */
  static JsonObject resolve(JsonObject schema) {
    return schema.containsKey("$ref") ? resolve(at(schema.getString("$ref"))) : schema;
  }

  /**
   * @return the JSON Pointers of the keys the schema marks {@code "writeOnly": true} (secrets), {@code *} standing
   * for any array index or map key: {@code /admin/token}, {@code /notifications/webhooks/*}{@code /headers/*}
   */
  static List<String> secretPointers() {
    List<String> pointers = new ArrayList<>();
    secrets("", SCHEMA, pointers);
    return pointers;
  }

  private static void secrets(String pointer, JsonObject schema, List<String> pointers) {
    JsonObject resolved = resolve(schema);
    if (Boolean.TRUE.equals(schema.getValue("writeOnly")) || Boolean.TRUE.equals(resolved.getValue("writeOnly"))) {
      pointers.add(resolved.getValue("additionalProperties") instanceof JsonObject ? pointer + "/*" : pointer);
      return;
    }
    resolved.getJsonObject("properties", new JsonObject())
      .forEach(e -> secrets(pointer + "/" + e.getKey(), (JsonObject) e.getValue(), pointers));
    if (resolved.getValue("items") instanceof JsonObject) {
      secrets(pointer + "/*", resolved.getJsonObject("items"), pointers);
    }
    if (resolved.getValue("additionalProperties") instanceof JsonObject) {
      secrets(pointer + "/*", resolved.getJsonObject("additionalProperties"), pointers);
    }
    if (resolved.getValue("allOf") instanceof JsonArray) {
      resolved.getJsonArray("allOf").forEach(rule -> {
        JsonObject then = ((JsonObject) rule).getJsonObject("then");
        if (then != null) {
          then.getJsonObject("properties", new JsonObject())
            .forEach(e -> secrets(pointer + "/" + e.getKey(), (JsonObject) e.getValue(), pointers));
        }
      });
    }
  }

  /** @return the names of the keys an object schema declares */
  static Set<String> names(JsonObject schema) {
    return schema.getJsonObject("properties", new JsonObject()).fieldNames();
  }
}
