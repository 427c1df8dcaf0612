package dev.vitals.health.checks;

import dev.vitals.health.JsonForm;
import dev.vitals.health.ByteSizes;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

import java.nio.file.InvalidPathException;
import java.nio.file.Paths;

/**
 * What a {@link DiskSpaceCheck} watches. JSON form: {@code {"path": "/var/lib/app", "minFree": "500MB"}};
 * {@code minFree} is bytes or a string with a unit, {@code B}, {@code KB}, {@code MB}, {@code GB} or {@code TB},
 * in powers of 1024. Keys it does not know are left to the check's {@code CheckOptions}.
 */
@DataObject
@JsonGen(publicConverter = false)
public class DiskSpaceCheckOptions {

  /** Default {@code minFree}: 100 MB (104857600 bytes), enough for logs and temporary files to keep flowing. */
  public static final long DEFAULT_MIN_FREE = 100L * 1024 * 1024;
  /** Default {@code path}: the working directory. */
  public static final String DEFAULT_PATH = ".";

  private static final JsonForm FORM = JsonForm.of("").open()
    .text("path").defaultShown("the working directory")
    .describe("a path on the file store to watch, relative to the working directory")
    .size("minFree").describe("the least usable space that passes");

  private String path = DEFAULT_PATH;
  private long minFree = DEFAULT_MIN_FREE;

  /** Default options: the working directory, 100 MB. */
  public DiskSpaceCheckOptions() {
  }

  /** @param other options to copy */
  public DiskSpaceCheckOptions(DiskSpaceCheckOptions other) {
    path = other.path;
    minFree = other.minFree;
  }

  /**
   * @param json the JSON form
   * @throws IllegalArgumentException naming the field when a value is invalid
   */
  public DiskSpaceCheckOptions(JsonObject json) {
    DiskSpaceCheckOptionsConverter.fromJson(FORM.read(json), this);
  }

  /** @return the JSON form, {@code minFree} in bytes */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    DiskSpaceCheckOptionsConverter.toJson(this, json);
    return json;
  }

  /** @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema} */
  public static JsonObject schema() {
    return FORM.schema(new DiskSpaceCheckOptions().toJson());
  }

  /** @return a path on the file store to watch, as given */
  public String getPath() {
    return path;
  }

  /**
   * @param path a path on the file store to watch (relative to the working directory)
   * @return this
   * @throws IllegalArgumentException {@code path: invalid path '<path>': <reason>}
   */
  public DiskSpaceCheckOptions setPath(String path) {
    try {
      Paths.get(path);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("path: invalid path '" + path + "': " + e.getReason());
    }
    this.path = path;
    return this;
  }

  /** @return the least usable space that passes, in bytes */
  public long getMinFree() {
    return minFree;
  }

  /**
   * @param minFree the least usable space that passes, in bytes, {@code >= 0}
   * @return this
   * @throws IllegalArgumentException when negative
   */
  public DiskSpaceCheckOptions setMinFree(long minFree) {
    this.minFree = ByteSizes.toBytes(minFree, "minFree");
    return this;
  }
}
