package dev.vitals.health.impl;

import dev.vitals.health.Durations;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The JSON form of an options class, read before its generated converter. The converter vertx-codegen writes
 * skips a value of the wrong type and an unknown key without a word; this reads the form first, so that a bad
 * value fails naming its field, and turns the forms people write into the ones the converter takes: durations
 * ({@code "27s"}, {@code "500ms"}) into milliseconds, lower-case enum names ({@code "maintenance"}) into the
 * constants' names. Ranges are left to the setters, which the converter calls and which name their field too.
 *
 * <p>A {@code null} value is as if the key were absent. Every error is an {@link IllegalArgumentException}
 * {@code "<prefix><field>: <what was expected>, got '<value>'"}.
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
   * @param prefix what error messages put before a field's name, such as {@code "consul."}; empty for none
   * @return a form with no field yet, rejecting keys it does not know
   */
  public static JsonForm of(String prefix) {
    return new JsonForm(prefix);
  }

  /**
   * Lets keys the form does not know through, for objects another reader shares (a check entry holds both
   * {@code CheckOptions}' keys and its type's).
   *
   * @return this
   */
  public JsonForm open() {
    open = true;
    return this;
  }

  /** @param names string fields @return this */
  public JsonForm string(String... names) {
    return add(names, (value, field) -> expect(value instanceof String, value, field, "a string"));
  }

  /** @param names {@code true}/{@code false} fields @return this */
  public JsonForm bool(String... names) {
    return add(names, (value, field) -> expect(value instanceof Boolean, value, field, "true or false"));
  }

  /** @param names integer fields (within the range of an {@code int}) @return this */
  public JsonForm integer(String... names) {
    return add(names, JsonForm::integer);
  }

  /** @param names numbers, integral or not ({@code 99.9}) @return this */
  public JsonForm number(String... names) {
    return add(names, (value, field) -> expect(value instanceof Number, value, field, "a number"));
  }

  /** @param names durations: integer milliseconds or strings read by {@link Durations#toMillis} @return this */
  public JsonForm duration(String... names) {
    return add(names, Durations::toMillis);
  }

  /** @param names arrays of strings @return this */
  public JsonForm strings(String... names) {
    return add(names, (value, field) -> {
      expect(value instanceof JsonArray, value, field, "an array of strings");
      for (Object item : (JsonArray) value) {
        expect(item instanceof String, item, field, "an array of strings");
      }
      return value;
    });
  }

  /** @param names objects whose values are strings ({@code {"Authorization": "Bearer ..."}}) @return this */
  public JsonForm stringMap(String... names) {
    return add(names, (value, field) -> {
      expect(value instanceof JsonObject, value, field, "an object of strings");
      ((JsonObject) value).forEach(e -> expect(e.getValue() instanceof String, e.getValue(), field + "." + e.getKey(),
        "a string"));
      return value;
    });
  }

  /** @param names objects whose values are integers ({@code {"fail": 503}}) @return this */
  public JsonForm integerMap(String... names) {
    return add(names, (value, field) -> {
      expect(value instanceof JsonObject, value, field, "an object of integers");
      ((JsonObject) value).forEach(e -> integer(e.getValue(), field + "." + e.getKey()));
      return value;
    });
  }

  /**
   * @param name a field holding one of the constants of {@code type}, written as its lower-case name
   * @param type the enum
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
   * @param reader the nested class's JSON constructor, run here so that its errors are given the field's path
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
   * @param name   a field holding an object of nested options objects by name
   * @param reader the nested class's JSON constructor, run here so that its errors are given the entry's path
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
   * @param json the JSON form as written
   * @return a copy the generated converter reads: values checked, durations in ms, enum names as the constants'
   * @throws IllegalArgumentException naming the field when a key is unknown or a value has the wrong type or form
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
   * @param json what the generated converter wrote
   * @return the same object, its enum values written as lower-case names, as the JSON form has them
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
