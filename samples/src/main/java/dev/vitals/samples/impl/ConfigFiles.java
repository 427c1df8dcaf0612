package dev.vitals.samples.impl;

import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;

/**
 * The config file as a vertx-config store. The file is read as text (the {@code raw} format) and parsed here, so
 * that a file caught half-written or missing during a scan is one line in the log ({@link #unwrap(JsonObject, Path)}
 * fails) rather than the retriever's stack trace.
 */
public final class ConfigFiles {

  /** The key the file's text is stored under until {@link #unwrap(JsonObject, Path)}. */
  private static final String TEXT_KEY = "vitals.config.file";

  private ConfigFiles() {
  }

  /**
   * @param file a JSON config file
   * @return the store reading it
   */
  public static ConfigStoreOptions store(Path file) {
    // Optional: a file that cannot be read gives nothing (rather than the retriever's stack trace), which
    // unwrap() reports in one line.
    return new ConfigStoreOptions().setType("file").setFormat("raw").setOptional(true)
      .setConfig(new JsonObject().put("path", file.toString()).put("raw.key", TEXT_KEY).put("raw.type", "string"));
  }

  /**
   * @param retrieved what the retriever merged: the file's text, when the config comes from a file, and the keys
   *                  set by environment variables and system properties
   * @param file      the config file, or {@code null} when the config does not come from a file
   * @return the config: the file's object with those keys over it
   * @throws IllegalArgumentException {@code "config file <path>: ..."}, one line, when the file cannot be read or
   *                                  is not a JSON object
   */
  public static JsonObject unwrap(JsonObject retrieved, Path file) {
    if (file == null) {
      return retrieved;
    }
    if (!retrieved.containsKey(TEXT_KEY)) {
      throw new IllegalArgumentException("config file " + file + ": cannot be read");
    }
    JsonObject overrides = retrieved.copy();
    String text = (String) overrides.remove(TEXT_KEY);
    JsonObject config;
    try {
      config = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      throw new IllegalArgumentException("config file " + file + ": not a JSON object: "
        + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
    }
    return config.mergeIn(overrides, true);
  }
}
