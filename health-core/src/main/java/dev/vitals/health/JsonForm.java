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

/**
 * The JSON form of an options class, checked before the converter vertx-codegen generates for it reads it: the way
 * every Vitals options class reads its {@code JsonObject} constructor, and the way a check or section of your own
 * should, so that its config fails as Vitals' does. The generated converter skips a value of the wrong type and an
 * unknown key without a word; a form rejects both, naming the field, and turns the forms people write into the
 * ones the converter takes: durations ({@code "27s"}, {@code "500ms"}) into milliseconds, lower-case enum names
 * ({@code "maintenance"}) into the constants' names. Ranges are left to the setters, which the converter calls and
 * which name their field too.
 *
 * <pre>{@code
 * private static final JsonForm FORM = JsonForm.of("ping.")
 *   .string("host")
 *   .integer("port")
 *   .duration("interval")                      // 5000, "5s", "1m"
 *   .enumeration("whenDown", ServiceStatus.class); // "ok", "maintenance" or "unknown"
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
 * }</pre>
 *
 * <p>Shapes a field can be declared with, and what {@link #read} hands the converter for it:
 * <table>
 *   <caption>Field shapes</caption>
 *   <tr><th>method</th><th>accepted JSON</th><th>passed on as</th></tr>
 *   <tr><td>{@link #string}</td><td>a string</td><td>the same</td></tr>
 *   <tr><td>{@link #bool}</td><td>{@code true} or {@code false}</td><td>the same</td></tr>
 *   <tr><td>{@link #integer}</td><td>an integer within the range of an {@code int}</td><td>the same</td></tr>
 *   <tr><td>{@link #number}</td><td>any number ({@code 99.9})</td><td>the same</td></tr>
 *   <tr><td>{@link #duration}</td><td>integer milliseconds, or a string read by {@link Durations#toMillis}
 *       ({@code "500ms"}, {@code "27s"}, {@code "5m"}, {@code "1h"})</td><td>integer milliseconds</td></tr>
 *   <tr><td>{@link #strings}</td><td>an array of strings</td><td>the same</td></tr>
 *   <tr><td>{@link #stringMap}</td><td>an object whose values are strings</td><td>the same</td></tr>
 *   <tr><td>{@link #integerMap}</td><td>an object whose values are integers</td><td>the same</td></tr>
 *   <tr><td>{@link #enumeration}</td><td>a constant's name in lower case</td><td>the constant's name</td></tr>
 *   <tr><td>{@link #object}</td><td>an object, read by the nested class's JSON constructor</td><td>the same</td></tr>
 *   <tr><td>{@link #objectMap}</td><td>an object whose values are objects, each read so</td><td>the same</td></tr>
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
 *       {@code <what>} is {@code a string}, {@code true or false}, {@code an integer}, {@code a number},
 *       {@code an array of strings}, {@code an object of strings}, {@code an object of integers},
 *       {@code an object} or the enum's names ({@code ok, maintenance or unknown}); inside a map the field is
 *       {@code <field>.<key>}; a duration fails with {@link Durations#toMillis}' message;</li>
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

  private final String prefix;
  private final Map<String, Reader> fields = new LinkedHashMap<>();
  private final Set<String> enums = new HashSet<>();
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
   * for objects another reader shares (a check entry holds both {@code CheckOptions}' keys and its type's).
   *
   * @return this
   */
  public JsonForm open() {
    open = true;
    return this;
  }

  /**
   * @param names fields holding a string
   * @return this
   */
  public JsonForm string(String... names) {
    return add(names, (value, field) -> expect(value instanceof String, value, field, "a string"));
  }

  /**
   * @param names fields holding {@code true} or {@code false}
   * @return this
   */
  public JsonForm bool(String... names) {
    return add(names, (value, field) -> expect(value instanceof Boolean, value, field, "true or false"));
  }

  /**
   * @param names fields holding an integer within the range of an {@code int} ({@code 3}, not {@code 3.5})
   * @return this
   */
  public JsonForm integer(String... names) {
    return add(names, JsonForm::integer);
  }

  /**
   * @param names fields holding a number, integral or not ({@code 99.9})
   * @return this
   */
  public JsonForm number(String... names) {
    return add(names, (value, field) -> expect(value instanceof Number, value, field, "a number"));
  }

  /**
   * @param names fields holding a duration: integer milliseconds, or a string read by {@link Durations#toMillis}
   *              ({@code "500ms"}, {@code "27s"}, {@code "5m"}, {@code "1h"}); passed on as milliseconds
   * @return this
   */
  public JsonForm duration(String... names) {
    return add(names, Durations::toMillis);
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
    });
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
    });
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
    });
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
    });
  }

  /**
   * @param name   a field holding a nested options object
   * @param reader the nested class's JSON constructor ({@code HazelcastOptions::new}), run here so that its errors
   *               are given the field's path; the object itself is passed on unchanged, for the converter
   * @return this
   */
  public JsonForm object(String name, Function<JsonObject, ?> reader) {
    return add(new String[]{name}, (value, field) -> {
      expect(value instanceof JsonObject, value, field, "an object");
      nested(field, reader, (JsonObject) value);
      return value;
    });
  }

  /**
   * @param name   a field holding an object of nested options objects by name ({@code {"fail": {...}}})
   * @param reader the nested class's JSON constructor, run on each value here so that its errors are given the
   *               entry's path; the object itself is passed on unchanged, for the converter
   * @return this
   */
  public JsonForm objectMap(String name, Function<JsonObject, ?> reader) {
    return add(new String[]{name}, (value, field) -> {
      expect(value instanceof JsonObject, value, field, "an object");
      ((JsonObject) value).forEach(e -> {
        String entry = field + "." + e.getKey();
        expect(e.getValue() instanceof JsonObject, e.getValue(), entry, "an object");
        nested(entry, reader, (JsonObject) e.getValue());
      });
      return value;
    });
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
      Reader reader = fields.get(entry.getKey());
      if (reader == null) {
        if (!open) {
          throw new IllegalArgumentException(field + ": unknown field, expected one of "
            + String.join(", ", fields.keySet()));
        }
      } else if (entry.getValue() != null) {
        normalised.put(entry.getKey(), reader.read(entry.getValue(), field));
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

  private JsonForm add(String[] names, Reader reader) {
    for (String name : names) {
      fields.put(name, reader);
    }
    return this;
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
