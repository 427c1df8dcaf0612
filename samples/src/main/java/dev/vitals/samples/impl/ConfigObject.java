package dev.vitals.samples.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.function.Function;


/**
 * One JSON object of the standalone config, read field by field. Every error is an
 * {@link IllegalArgumentException} whose message starts with the field's full path ({@code checks[1].url}),
 * so that a bad config names what to fix.
 */
final class ConfigObject {

  private final JsonObject json;
  private final String path;

  /**
   * @param json the object
   * @param path where it sits in the config ({@code ""} for the root, {@code "checks[1]"} for an entry)
   */
  ConfigObject(JsonObject json, String path) {
    this.json = json;
    this.path = path;
  }

  /** @return the object as it is in the config */
  JsonObject json() {
    return json;
  }

  /** @return where the object sits in the config, such as {@code checks[1]} */
  String path() {
    return path;
  }

  /**
   * @param key a field of this object
   * @return the field's full path, as error messages show it ({@code checks[1].url})
   */
  String path(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** @return whether the field is present, even with a null value */
  boolean has(String key) {
    return json.containsKey(key);
  }

  /** @return the field's value, or {@code null} */
  Object value(String key) {
    return json.getValue(key);
  }

  /**
   * @param reader what reads the object, such as an options class's JSON constructor
   * @return what it read
   * @throws IllegalArgumentException the reader's, its field named by its full path ({@code checks[1].url: ...})
   */
  <T> T read(Function<JsonObject, T> reader) {
    try {
      return reader.apply(json);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + "." + e.getMessage(), e);
    }
  }

  /** @return an error {@code "<path>.<key>: <message>"}, to throw */
  IllegalArgumentException invalid(String key, String message) {
    return new IllegalArgumentException(path(key) + ": " + message);
  }

  /** @return the field's value, a non-empty string; {@code "<path>: required field missing"} when absent */
  String requiredString(String key) {
    if (!has(key)) {
      throw invalid(key, "required field missing");
    }
    return optionalString(key, null);
  }

  /** @return the field's value, a non-empty string, or {@code defaultValue} when absent */
  private String optionalString(String key, String defaultValue) {
    if (!has(key)) {
      return defaultValue;
    }
    Object value = value(key);
    if (!(value instanceof String) || ((String) value).isBlank()) {
      throw invalid(key, "expected a non-empty string, got '" + value + "'");
    }
    return (String) value;
  }

  /**
   * @param key a field of this object
   * @return the object at {@code key}, or an empty one when the field is absent
   */
  ConfigObject optionalObject(String key) {
    if (!has(key)) {
      return new ConfigObject(new JsonObject(), path(key));
    }
    Object value = value(key);
    if (!(value instanceof JsonObject)) {
      throw invalid(key, "expected an object, got '" + value + "'");
    }
    return new ConfigObject((JsonObject) value, path(key));
  }

  /**
   * @param key a field of this object
   * @return the array at {@code key}, or {@code null} when the field is absent
   */
  JsonArray optionalArray(String key) {
    if (!has(key)) {
      return null;
    }
    Object value = value(key);
    if (!(value instanceof JsonArray)) {
      throw invalid(key, "expected an array, got '" + value + "'");
    }
    return (JsonArray) value;
  }
}
