package dev.vitals.health;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The JSON form of an options class, checked before the converter vertx-codegen generates for it reads it: the way
 * every Vitals options class reads its {@code JsonObject} constructor, and the way a check or section of your own
 * should, so that its config fails as Vitals' does. The generated converter skips a value of the wrong type and an
 * unknown key without a word; a form rejects both, naming the field, and turns the forms people write into the
 * ones the converter takes: durations ({@code "27s"}, {@code "500ms"}) into milliseconds, lower-case enum names
 * ({@code "maintenance"}) into the constants' names. Ranges are left to the setters, which the converter calls and
 * which name their field too.
 *
 * <p>A form is also where an option is documented, once: {@link #describe}, {@link #range}, {@link #secret} and
 * the other modifiers apply to the fields of the declaration before them, and {@link #schema(JsonObject)} turns the
 * form and the class's defaults into the JSON Schema (draft 2020-12) of the JSON form, from which the standalone
 * config's schema and its reference table (docs/configuration.md) are generated. By convention an options class
 * gives it as {@code public static JsonObject schema()}.
 *
 * <pre>{@code
 * private static final JsonForm FORM = JsonForm.of("ping.")
 *   .text("host").required().describe("the host to ping")
 *   .integer("port").range(1, 65535).describe("its port")
 *   .duration("interval").describe("how often")     // 5000, "5s", "1m"
 *   .enumeration("whenDown", ServiceStatus.class);  // "ok", "maintenance" or "unknown"
 *
 * public PingCheckOptions(JsonObject json) {
 *   PingCheckOptionsConverter.fromJson(FORM.read(json), this);
 * }
 *
 * public JsonObject toJson() {
 *   JsonObject json = new JsonObject();
 *   PingCheckOptionsConverter.toJson(this, json);
 *   return FORM.write(json);                   // "whenDown": "maintenance", not "MAINTENANCE"
 * }
 *
 * public static JsonObject schema() {         // {"type": "object", "properties": {"host": {...}, ...}}
 *   return FORM.schema(new PingCheckOptions().toJson());
 * }
 * }</pre>
 *
 * <p>Shapes a field can be declared with, and what {@link #read} hands the converter for it:
 * <table>
 *   <caption>Field shapes</caption>
 *   <tr><th>method</th><th>accepted JSON</th><th>passed on as</th></tr>
 *   <tr><td>{@link #string}</td><td>a string</td><td>the same</td></tr>
 *   <tr><td>{@link #text}</td><td>a string that is not blank</td><td>the same</td></tr>
 *   <tr><td>{@link #bool}</td><td>{@code true} or {@code false}</td><td>the same</td></tr>
 *   <tr><td>{@link #integer}</td><td>an integer within the range of an {@code int}</td><td>the same</td></tr>
 *   <tr><td>{@link #number}</td><td>any number ({@code 99.9})</td><td>the same</td></tr>
 *   <tr><td>{@link #duration}</td><td>integer milliseconds, or a string read by {@link Durations#toMillis}
 *       ({@code "500ms"}, {@code "27s"}, {@code "5m"}, {@code "1h"})</td><td>integer milliseconds</td></tr>
 *   <tr><td>{@link #size}</td><td>integer bytes, or a string read by {@link ByteSizes#toBytes}
 *       ({@code "64KB"}, {@code "500MB"})</td><td>integer bytes</td></tr>
 *   <tr><td>{@link #strings}</td><td>an array of strings</td><td>the same</td></tr>
 *   <tr><td>{@link #integers}</td><td>an array of integers</td><td>the same</td></tr>
 *   <tr><td>{@link #stringMap}</td><td>an object whose values are strings</td><td>the same</td></tr>
 *   <tr><td>{@link #integerMap}</td><td>an object whose values are integers</td><td>the same</td></tr>
 *   <tr><td>{@link #enumeration}</td><td>a constant's name in lower case</td><td>the constant's name</td></tr>
 *   <tr><td>{@link #object}</td><td>an object, read by the nested class's JSON constructor</td><td>the same</td></tr>
 *   <tr><td>{@link #objectMap}</td><td>an object whose values are objects, each read so</td><td>the same</td></tr>
 *   <tr><td>{@link #objects}</td><td>an array of objects, each read so</td><td>the same</td></tr>
 * </table>
 *
 * <p>A {@code null} value is as if the key were absent (the default stays). Build a form once, as a
 * {@code static final} field: {@link #read} and {@link #write} do not change it, so every instance and thread may
 * share it.
 *
 * <p>Errors: every one is an {@link IllegalArgumentException} whose message starts with the prefix and the
 * field's name:
 * <ul>
 *   <li>a value of the wrong type or form: {@code "<prefix><field>: expected <what>, got '<value>'"}, where
 *       {@code <what>} is {@code a string}, {@code a non-empty string}, {@code true or false}, {@code an integer}, {@code a number},
 *       {@code an array of strings}, {@code an array of integers}, {@code an object of strings}, {@code an object of integers},
 *       {@code an object} or the enum's names ({@code ok, maintenance or unknown}); inside a map the field is
 *       {@code <field>.<key>}; a duration fails with {@link Durations#toMillis}' message, a size with {@link ByteSizes#toBytes}';</li>
 *   <li>a key the form does not know, unless the form is {@linkplain #open() open}:
 *       {@code "<prefix><field>: unknown field, expected one of <the fields, comma-separated>"};</li>
 *   <li>an error of a nested object ({@link #object}, {@link #objectMap}) is the nested constructor's
 *       {@code IllegalArgumentException} message, after {@code "<prefix><field>."} (and {@code <key>.} in a
 *       map), the original as its cause: {@code "scrub.secretPatterns: expected an array of strings, got '1'"}
 *       for environment-dump's {@code scrub} object.</li>
 * </ul>
 */
public final class JsonForm {

  /** Reads one field's value: returns what the converter takes, or throws naming the field. */
  @FunctionalInterface
  private interface Reader {
    Object read(Object value, String field);
  }

  /** A declared field: how its value is read, and what the schema says of it. */
  private static final class Field {
    private final Reader reader;
    private final JsonObject schema;
    /** The value as a schema's {@code default} from the options' JSON form, or null for none shown. */
    private final UnaryOperator<Object> asDefault;
    /** The nested object's schema, for {@link #object} and {@link #objectMap}; null for the other shapes. */
    private final Supplier<JsonObject> nested;

    private Field(Reader reader, JsonObject schema, UnaryOperator<Object> asDefault, Supplier<JsonObject> nested) {
      this.reader = reader;
      this.schema = schema;
      this.asDefault = asDefault;
      this.nested = nested;
    }
  }

  /**
   * The shared definitions a form's schema refers to ({@code #/$defs/<name>}), as {@link #definitions()} gives
   * them.
   */
  private static final JsonObject DEFINITIONS = new JsonObject("""
    {"text": {"type": "string", "minLength": 1, "pattern": "\\\\S", "description": "a non-empty string",
              "x-expected": "a non-empty string"},
     "strings": {"type": "array", "items": {"type": "string"}, "description": "an array of strings",
                 "x-expected": "an array of strings"},
     "duration": {
       "description": "integer milliseconds, or a string such as \\"500ms\\", \\"27s\\", \\"5m\\", \\"1h\\"; at most 365 days",
       "x-expected": "integer milliseconds, or a string such as \\"500ms\\", \\"27s\\", \\"5m\\", \\"1h\\"; at most 365 days",
       "type": ["integer", "string"], "minimum": 0, "maximum": 31536000000,
       "pattern": "^\\\\s*\\\\d{1,9}\\\\s*(ms|s|m|h)\\\\s*$"},
     "size": {
       "description": "integer bytes, or a string such as \\"500MB\\", \\"10GB\\" (B, KB, MB, GB, TB in powers of 1024)",
       "x-expected": "integer bytes, or a string such as \\"500MB\\", \\"10GB\\" (B, KB, MB, GB, TB in powers of 1024)",
       "type": ["integer", "string"], "minimum": 0, "maximum": 9007199254740991,
       "pattern": "^\\\\s*\\\\d{1,15}\\\\s*(B|KB|MB|GB|TB)\\\\s*$"}}
    """);

  private final String prefix;
  private final Map<String, Field> fields = new LinkedHashMap<>();
  private final Set<String> enums = new HashSet<>();
  private final List<String> required = new ArrayList<>();
  /** The fields of the last declaration, which the modifiers ({@link #describe}, ...) apply to. */
  private List<String> last = List.of();
  private boolean open;

  private JsonForm(String prefix) {
    this.prefix = prefix;
  }

  /**
   * @param prefix what error messages put before a field's name, such as {@code "consul."} (the path of the
   *               options in the config that holds them); empty for none; not null
   * @return a form with no field yet, rejecting keys it does not know
   */
  public static JsonForm of(String prefix) {
    return new JsonForm(Objects.requireNonNull(prefix, "prefix"));
  }

  /**
   * Lets keys the form does not know pass without an error (and leaves them out of what {@link #read} returns),
   * for objects another reader shares (a check entry holds both {@code CheckOptions}' keys and its type's). Its
   * schema then does not refuse other keys either.
   *
   * @return this
   */
  public JsonForm open() {
    open = true;
    return this;
  }

  /**
   * @param names fields holding a string, empty or blank included ({@code "template"})
   * @return this
   */
  public JsonForm string(String... names) {
    return add(names, (value, field) -> expect(value instanceof String, value, field, "a string"),
      type("string"), UnaryOperator.identity());
  }

  /**
   * @param names fields holding a string with at least one character that is not white space ({@code "host"})
   * @return this
   */
  public JsonForm text(String... names) {
    return add(names, (value, field) -> expect(value instanceof String && !((String) value).isBlank(), value, field,
      "a non-empty string"), ref("text"), UnaryOperator.identity());
  }

  /**
   * @param names fields holding {@code true} or {@code false}
   * @return this
   */
  public JsonForm bool(String... names) {
    return add(names, (value, field) -> expect(value instanceof Boolean, value, field, "true or false"),
      type("boolean"), UnaryOperator.identity());
  }

  /**
   * @param names fields holding an integer within the range of an {@code int} ({@code 3}, not {@code 3.5})
   * @return this
   */
  public JsonForm integer(String... names) {
    return add(names, JsonForm::integer, type("integer"), UnaryOperator.identity());
  }

  /**
   * @param names fields holding a number, integral or not ({@code 99.9})
   * @return this
   */
  public JsonForm number(String... names) {
    return add(names, (value, field) -> expect(value instanceof Number, value, field, "a number"),
      type("number"), UnaryOperator.identity());
  }

  /**
   * @param names fields holding a duration: integer milliseconds, or a string read by {@link Durations#toMillis}
   *              ({@code "500ms"}, {@code "27s"}, {@code "5m"}, {@code "1h"}); passed on as milliseconds
   * @return this
   */
  public JsonForm duration(String... names) {
    return add(names, Durations::toMillis, ref("duration"), value -> ((Number) value).longValue() == 0 ? 0
      : Durations.toText(((Number) value).longValue()));
  }

  /**
   * @param names fields holding a byte size: integer bytes, or a string read by {@link ByteSizes#toBytes}
   *              ({@code "64KB"}, {@code "500MB"}); passed on as bytes
   * @return this
   */
  public JsonForm size(String... names) {
    return add(names, ByteSizes::toBytes, ref("size"), value -> ByteSizes.toText(((Number) value).longValue()));
  }

  /**
   * @param names fields holding an array of strings ({@code ["liveness", "readiness"]})
   * @return this
   */
  public JsonForm strings(String... names) {
    return add(names, (value, field) -> {
      expect(value instanceof JsonArray, value, field, "an array of strings");
      for (Object item : (JsonArray) value) {
        expect(item instanceof String, item, field, "an array of strings");
      }
      return value;
    }, ref("strings"), UnaryOperator.identity());
  }

  /**
   * @param names fields holding an array of integers, each within the range of an {@code int} ({@code [200, 204]})
   * @return this
   */
  public JsonForm integers(String... names) {
    return add(names, (value, field) -> {
      expect(value instanceof JsonArray, value, field, "an array of integers");
      for (Object item : (JsonArray) value) {
        expect(item instanceof Integer || item instanceof Long && (Long) item == ((Long) item).intValue(), item, field,
          "an array of integers");
      }
      return value;
    }, type("array").put("items", type("integer")), UnaryOperator.identity());
  }

  /**
   * @param names fields holding an object whose values are strings ({@code {"Authorization": "Bearer ..."}})
   * @return this
   */
  public JsonForm stringMap(String... names) {
    return add(names, (value, field) -> {
      expect(value instanceof JsonObject, value, field, "an object of strings");
      ((JsonObject) value).forEach(e -> expect(e.getValue() instanceof String, e.getValue(), field + "." + e.getKey(),
        "a string"));
      return value;
    }, type("object").put("additionalProperties", type("string")), UnaryOperator.identity());
  }

  /**
   * @param names fields holding an object whose values are integers ({@code {"fail": 503}})
   * @return this
   */
  public JsonForm integerMap(String... names) {
    return add(names, (value, field) -> {
      expect(value instanceof JsonObject, value, field, "an object of integers");
      ((JsonObject) value).forEach(e -> integer(e.getValue(), field + "." + e.getKey()));
      return value;
    }, type("object").put("additionalProperties", type("integer")), UnaryOperator.identity());
  }

  /**
   * @param name a field holding one of the constants of {@code type}, written as its lower-case name
   *             ({@code "maintenance"}); passed on as the constant's name ({@code "MAINTENANCE"}), and written
   *             back in lower case by {@link #write}
   * @param type the enum, with at least one constant
   * @param <E>  the enum's type
   * @return this
   */
  public <E extends Enum<E>> JsonForm enumeration(String name, Class<E> type) {
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      names.add(constant.name().toLowerCase(Locale.ROOT));
    }
    enums.add(name);
    String expected = String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    return add(new String[]{name}, (value, field) -> {
      expect(value instanceof String && names.contains(value), value, field, expected);
      return ((String) value).toUpperCase(Locale.ROOT);
    }, new JsonObject().put("enum", new JsonArray(new ArrayList<>(names))), UnaryOperator.identity());
  }

  /**
   * @param name   a field holding a nested options object
   * @param reader the nested class's JSON constructor ({@code HazelcastOptions::new}), run here so that its errors
   *               are given the field's path; the object itself is passed on unchanged, for the converter
   * @param schema the nested class's schema ({@code HazelcastOptions::schema}), asked for when this form's is
   * @return this
   */
  public JsonForm object(String name, Function<JsonObject, ?> reader, Supplier<JsonObject> schema) {
    Objects.requireNonNull(schema, "schema");
    return add(new String[]{name}, (value, field) -> {
      expect(value instanceof JsonObject, value, field, "an object");
      nested(field, reader, (JsonObject) value);
      return value;
    }, new JsonObject(), null, schema);
  }

  /**
   * @param name   a field holding an object of nested options objects by name ({@code {"fail": {...}}})
   * @param reader the nested class's JSON constructor, run on each value here so that its errors are given the
   *               entry's path; the object itself is passed on unchanged, for the converter
   * @param schema the nested class's schema, each value's, asked for when this form's is
   * @return this
   */
  public JsonForm objectMap(String name, Function<JsonObject, ?> reader, Supplier<JsonObject> schema) {
    Objects.requireNonNull(schema, "schema");
    return add(new String[]{name}, (value, field) -> {
      expect(value instanceof JsonObject, value, field, "an object");
      ((JsonObject) value).forEach(e -> {
        String entry = field + "." + e.getKey();
        expect(e.getValue() instanceof JsonObject, e.getValue(), entry, "an object");
        nested(entry, reader, (JsonObject) e.getValue());
      });
      return value;
    }, type("object"), null, () -> type("object").put("additionalProperties", schema.get()));
  }

  /**
   * @param name   a field holding an array of nested options objects ({@code [{"url": ...}, ...]})
   * @param reader the nested class's JSON constructor, run on each item here so that its errors are given the item's
   *               path ({@code <field>[<index>].}); the array itself is passed on unchanged
   * @param schema the nested class's schema, each item's, asked for when this form's is
   * @return this
   */
  public JsonForm objects(String name, Function<JsonObject, ?> reader, Supplier<JsonObject> schema) {
    Objects.requireNonNull(schema, "schema");
    return add(new String[]{name}, (value, field) -> {
      expect(value instanceof JsonArray, value, field, "an array of objects");
      JsonArray items = (JsonArray) value;
      for (int i = 0; i < items.size(); i++) {
        String item = field + "[" + i + "]";
        expect(items.getValue(i) instanceof JsonObject, items.getValue(i), item, "an object");
        nested(item, reader, items.getJsonObject(i));
      }
      return value;
    }, type("array"), null, () -> type("array").put("items", schema.get()));
  }

  /**
   * What the fields of the last declaration are for: their schema's {@code description}, and their meaning in the
   * config reference, where fields declared together and described so share a row. One clause or a few, lower
   * case, no final period: {@code "where to listen; port 0 picks a free one"}.
   *
   * @param meaning the description
   * @return this
   */
  public JsonForm describe(String meaning) {
    return modify(schema -> schema.put("description", Objects.requireNonNull(meaning, "meaning")));
  }

  /**
   * The fields of the last declaration take a value from {@code min} to {@code max}, both included: their schema's
   * {@code minimum} and {@code maximum}. The form does not check them ({@link #read} leaves ranges to the setters,
   * which hold the same range and name the field).
   *
   * @param min the least value, an integer or a decimal
   * @param max the greatest value
   * @return this
   */
  public JsonForm range(Number min, Number max) {
    return modify(schema -> schema.put("minimum", min).put("maximum", max));
  }

  /**
   * Adds a JSON Schema keyword to the fields of the last declaration, for what the shape and the other modifiers do
   * not say: {@code constrain("pattern", "^jdbc:")}, {@code constrain("exclusiveMinimum", 0)}. The form does not
   * check it (the setters do).
   *
   * @param keyword a JSON Schema (draft 2020-12) keyword
   * @param value   its value, a JSON value
   * @return this
   */
  public JsonForm constrain(String keyword, Object value) {
    return modify(schema -> schema.put(keyword, value));
  }

  /**
   * What a value of the fields of the last declaration must be, in words, where their schema constrains them beyond
   * their shape ({@code constrain("pattern", "^jdbc:")}): the schema's {@code x-expected}, which the standalone's
   * error messages show as {@code "<pointer>: expected <phrase>, got <value>"}, since a pattern says little to a
   * reader.
   *
   * @param phrase such as {@code "a JDBC URL (jdbc:...)"}
   * @return this
   */
  public JsonForm expecting(String phrase) {
    return modify(schema -> schema.put("x-expected", Objects.requireNonNull(phrase, "phrase")));
  }

  /**
   * The fields of the last declaration hold secrets (tokens, passwords, URLs with credentials): their schema marks
   * them {@code "writeOnly": true}, and the standalone verticle masks them wherever it shows its config.
   *
   * @return this
   */
  public JsonForm secret() {
    return modify(schema -> schema.put("writeOnly", true));
  }

  /**
   * The fields of the last declaration must be present: their schema's {@code required}. The form does not check it
   * (the constructor or the setters do, naming the field).
   *
   * @return this
   */
  public JsonForm required() {
    required.addAll(last);
    return this;
  }

  /**
   * How the config reference shows the default of the fields of the last declaration when it is not a value of the
   * options' JSON form ({@code "this machine's name"}, {@code "the jar's manifest"}): the schema's
   * {@code x-default}, beside its {@code default} if any.
   *
   * @param text the default in words
   * @return this
   */
  public JsonForm defaultShown(String text) {
    return modify(schema -> schema.put("x-default", Objects.requireNonNull(text, "text")));
  }

  /**
   * @param defaults the options' JSON form with its defaults ({@code new PingCheckOptions().toJson()}), or an empty
   *                 object for none
   * @return the JSON Schema (draft 2020-12) of the JSON form: {@code {"type": "object", "properties": {<field>:
   * <schema>, ...}, "required": [...], "additionalProperties": false}}, each field's schema from its shape, its
   * modifiers and its value in {@code defaults} as {@code default} (durations and sizes written as
   * {@link Durations#toText} and {@link ByteSizes#toText} do); {@code required} only when a field is, and no
   * {@code additionalProperties} when the form is {@linkplain #open() open}. Shared shapes are references to
   * {@code #/$defs/<name>}: include {@link #definitions()} in the document that holds it
   */
  public JsonObject schema(JsonObject defaults) {
    JsonObject properties = new JsonObject();
    fields.forEach((name, field) -> {
      JsonObject schema = field.nested == null ? new JsonObject() : field.nested.get();
      schema.mergeIn(field.schema.copy()); // a copy: a caller may change what it is given
      Object value = defaults.getValue(name);
      if (value != null && field.asDefault != null && !(value instanceof JsonObject)) {
        schema.put("default", field.asDefault.apply(value));
      }
      Object description = schema.remove("description");
      if (description != null) {
        schema.put("description", description); // last, where a reader of the schema looks for it
      }
      properties.put(name, schema);
    });
    JsonObject schema = type("object").put("properties", properties);
    if (!required.isEmpty()) {
      schema.put("required", new JsonArray(new ArrayList<>(required)));
    }
    if (!open) {
      schema.put("additionalProperties", false);
    }
    return schema;
  }

  /**
   * @return the definitions every form's schema may refer to, to put under {@code $defs} at the root of a schema
   * that includes forms' schemas: {@code text} (a non-empty string), {@code strings} (an array of strings),
   * {@code duration} and {@code size} (either form of each); a new object each call
   */
  public static JsonObject definitions() {
    return DEFINITIONS.copy();
  }

  /**
   * @param json the JSON form as written; not changed
   * @return a new object for the generated converter to read: values checked, {@code null} values left out,
   * durations in ms, enum names as the constants'; unknown keys of an {@linkplain #open() open} form left out
   * @throws IllegalArgumentException naming the field when a key is unknown or a value has the wrong type or form,
   *                                  as the class describes
   */
  public JsonObject read(JsonObject json) {
    JsonObject normalised = new JsonObject();
    for (Map.Entry<String, Object> entry : json) {
      String field = prefix + entry.getKey();
      Field known = fields.get(entry.getKey());
      if (known == null) {
        if (!open) {
          throw new IllegalArgumentException(field + ": unknown field, expected one of "
            + String.join(", ", fields.keySet()));
        }
      } else if (entry.getValue() != null) {
        normalised.put(entry.getKey(), known.reader.read(entry.getValue(), field));
      }
    }
    return normalised;
  }

  /**
   * @param json what the generated converter wrote; changed in place
   * @return the same object, its enum values written as lower-case names, as the JSON form has them (durations
   * stay integer milliseconds, which {@link #read} accepts)
   */
  public JsonObject write(JsonObject json) {
    for (Map.Entry<String, Object> entry : json) {
      if (entry.getValue() instanceof String && enums.contains(entry.getKey())) {
        entry.setValue(((String) entry.getValue()).toLowerCase(Locale.ROOT));
      }
    }
    return json;
  }

  private JsonForm add(String[] names, Reader reader, JsonObject schema, UnaryOperator<Object> asDefault) {
    return add(names, reader, schema, asDefault, null);
  }

  private JsonForm add(String[] names, Reader reader, JsonObject schema, UnaryOperator<Object> asDefault,
                       Supplier<JsonObject> nested) {
    for (String name : names) {
      fields.put(name, new Field(reader, schema.copy(), asDefault, nested));
    }
    last = List.of(names);
    return this;
  }

  /** Applies a change to the schema of each field of the last declaration. */
  private JsonForm modify(UnaryOperator<JsonObject> change) {
    if (last.isEmpty()) {
      throw new IllegalStateException("no field declared before the modifier");
    }
    for (String name : last) {
      change.apply(fields.get(name).schema);
    }
    return this;
  }

  private static JsonObject type(String type) {
    return new JsonObject().put("type", type);
  }

  private static JsonObject ref(String definition) {
    return new JsonObject().put("$ref", "#/$defs/" + definition);
  }

  private static Object integer(Object value, String field) {
    boolean integral = value instanceof Integer || value instanceof Long && (Long) value == ((Long) value).intValue();
    return expect(integral, value, field, "an integer");
  }

  private static Object expect(boolean ok, Object value, String field, String expected) {
    if (!ok) {
      throw new IllegalArgumentException(field + ": expected " + expected + ", got '" + value + "'");
    }
    return value;
  }

  private static void nested(String field, Function<JsonObject, ?> reader, JsonObject json) {
    try {
      reader.apply(json);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + "." + e.getMessage(), e);
    }
  }
}
