package dev.vitals.samples.impl;

import dev.vitals.health.Scrubber;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * The fields of the standalone config that hold secrets, declared once, by position rather than by name: a
 * Slack-style webhook URL keeps its secret in the path, and a webhook header may carry a token under a harmless
 * name, so name-based scrubbing cannot find them. Patterns are JSON Pointers (RFC 6901) where {@code *} matches
 * any array index or member name.
 */
final class SecretFields {

  /** Every secret field of the config: the keys its JSON Schema marks {@code "writeOnly": true}. */
  static final List<String> POINTERS = ConfigSchema.secretPointers().stream().distinct().toList();

  private SecretFields() {
  }

  /**
   * @param config a config
   * @return a copy with the value of every declared secret field replaced by {@link Scrubber#MASK}
   */
  static JsonObject mask(JsonObject config) {
    JsonObject copy = config.copy();
    for (String pointer : POINTERS) {
      mask(copy, pointer.substring(1).split("/"), 0);
    }
    return copy;
  }

  private static void mask(Object node, String[] segments, int at) {
    String segment = segments[at];
    boolean last = at == segments.length - 1;
    if (node instanceof JsonObject object) {
      for (String key : List.copyOf(object.fieldNames())) {
        if (segment.equals("*") || segment.equals(key)) {
          if (last) {
            object.put(key, Scrubber.MASK);
          } else {
            mask(object.getValue(key), segments, at + 1);
          }
        }
      }
    } else if (node instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        if (segment.equals("*") || segment.equals(Integer.toString(i))) {
          if (last) {
            array.set(i, Scrubber.MASK);
          } else {
            mask(array.getValue(i), segments, at + 1);
          }
        }
      }
    }
  }
}
