package dev.vitals.samples.impl;

import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;

/**
 * The config file as a vertx-config store. The file is read as text (the {@code raw} format) and parsed here, so
 * that a file caught half-written by a scan is one line in the log ({@link #unwrap(JsonObject)} fails) rather
 * than the retriever's stack trace.
 */
public final class ConfigFiles {

  /** The key the file's text is stored under until {@link #unwrap(JsonObject)}. */
  private static final String TEXT_KEY = "vitals.config.file";

  private ConfigFiles() {
  }

  /**
   * @param file a JSON config file
   * @return the store reading it
   */
  public static ConfigStoreOptions store(Path file) {
    return new ConfigStoreOptions().setType("file").setFormat("raw")
      .setConfig(new JsonObject().put("path", file.toString()).put("raw.key", TEXT_KEY).put("raw.type", "string"));
  }

  /**
   * @param retrieved what the retriever merged: the file's text, when the config comes from a file, and the keys
   *                  set by environment variables and system properties
   * @return the config: the file's object with those keys over it
   * @throws IllegalArgumentException {@code "config file: not a JSON object: ..."}, one line, when the file is not
   *                                  a JSON object
   */
  public static JsonObject unwrap(JsonObject retrieved) {
    if (!retrieved.containsKey(TEXT_KEY)) {
      return retrieved;
    }
    JsonObject overrides = retrieved.copy();
    String text = (String) overrides.remove(TEXT_KEY);
    JsonObject config;
    try {
      config = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      throw new IllegalArgumentException("config file: not a JSON object: "
        + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
    }
    return config.mergeIn(overrides, true);
  }
}
