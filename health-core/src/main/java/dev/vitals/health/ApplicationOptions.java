package dev.vitals.health;

import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

import java.io.File;
import java.io.IOException;
import java.util.Objects;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * What the application is: the {@code application} and {@code version} of {@code /status}, and the service
 * description of the other endpoints. JSON form (the standalone config's {@code application} object):
 * {@code {"name": "orders", "version": "1.4.2", "releaseId": "1.4.2-b77", "serviceId": "orders-eu-1",
 * "description": "Order service"}}; the last three fill the fields of the same names in the IETF health+json
 * format (draft-inadarei-api-health-check-06) and are omitted there when unset.
 *
 * <p>Unset values fall back, in {@link #resolved()}, to the manifest of the jar the JVM was started with
 * ({@code java -jar app.jar}: {@code Implementation-Title}, {@code Implementation-Version}), then to
 * {@value #UNKNOWN}.
 */
@DataObject
@JsonGen(publicConverter = false)
public class ApplicationOptions {

  /** What an unknown name or version reads as. */
  public static final String UNKNOWN = "unknown";

  private String name;
  private String version;
  private String releaseId;
  private String serviceId;
  private String description;

  /** The JSON form, read before the generated converter; it documents each key. */
  private static final JsonForm FORM = JsonForm.of("")
    .text("name", "version").defaultShown("the jar's manifest, then `unknown`")
    .describe("the application's name and version, shown by `/status`")
    .text("releaseId", "serviceId", "description")
    .describe("the health+json format's fields of the same names, left out when unset");

  /** Options with nothing set. */
  public ApplicationOptions() {
  }

  /** @param other options to copy */
  public ApplicationOptions(ApplicationOptions other) {
    this.name = other.name;
    this.version = other.version;
    this.releaseId = other.releaseId;
    this.serviceId = other.serviceId;
    this.description = other.description;
  }

  /**
   * @param json the JSON form
   * @throws IllegalArgumentException naming the field when a key is unknown or a value is not a non-empty string
   */
  public ApplicationOptions(JsonObject json) {
    ApplicationOptionsConverter.fromJson(FORM.read(json), this);
  }

  /**
   * @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema}
   */
  public static JsonObject schema() {
    return FORM.schema(new ApplicationOptions().toJson());
  }

  /** @return the JSON form of what is set */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    ApplicationOptionsConverter.toJson(this, json);
    return json;
  }

  /** @return the application name, or {@code null} when not set */
  public String getName() {
    return name;
  }

  /**
   * @param name the application name
   * @return this
   * @throws IllegalArgumentException when blank
   */
  public ApplicationOptions setName(String name) {
    this.name = nonEmpty(name, "name");
    return this;
  }

  /** @return the version, or {@code null} when not set */
  public String getVersion() {
    return version;
  }

  /**
   * @param version the version
   * @return this
   * @throws IllegalArgumentException when blank
   */
  public ApplicationOptions setVersion(String version) {
    this.version = nonEmpty(version, "version");
    return this;
  }

  /** @return the release id (health+json {@code releaseId}), or {@code null} */
  public String getReleaseId() {
    return releaseId;
  }

  /**
   * @param releaseId the release id
   * @return this
   * @throws IllegalArgumentException when blank
   */
  public ApplicationOptions setReleaseId(String releaseId) {
    this.releaseId = nonEmpty(releaseId, "releaseId");
    return this;
  }

  /** @return the service id (health+json {@code serviceId}), or {@code null} */
  public String getServiceId() {
    return serviceId;
  }

  /**
   * @param serviceId the service id
   * @return this
   * @throws IllegalArgumentException when blank
   */
  public ApplicationOptions setServiceId(String serviceId) {
    this.serviceId = nonEmpty(serviceId, "serviceId");
    return this;
  }

  /** @return the description (health+json {@code description}), or {@code null} */
  public String getDescription() {
    return description;
  }

  /**
   * @param description a human-friendly description of the service
   * @return this
   * @throws IllegalArgumentException when blank
   */
  public ApplicationOptions setDescription(String description) {
    this.description = nonEmpty(description, "description");
    return this;
  }

  private static String nonEmpty(String value, String field) {
    if (Objects.requireNonNull(value, field).isBlank()) {
      throw new IllegalArgumentException(field + ": expected a non-empty string, got '" + value + "'");
    }
    return value;
  }

  /**
   * @return a copy with every unset value filled from the launched jar's manifest, else {@value #UNKNOWN};
   * reads the jar file once (do not call it on an event loop per request)
   */
  public ApplicationOptions resolved() {
    ApplicationOptions copy = new ApplicationOptions(this);
    Attributes manifest = launchedJarManifest();
    if (copy.name == null) {
      copy.name = attribute(manifest, Attributes.Name.IMPLEMENTATION_TITLE);
    }
    if (copy.version == null) {
      copy.version = attribute(manifest, Attributes.Name.IMPLEMENTATION_VERSION);
    }
    return copy;
  }

  /**
   * @return the main attributes of the launched jar's manifest ({@code Implementation-Title},
   * {@code Implementation-Version}, {@code Build-Jdk-Spec}, {@code Created-By}, ...) as strings, except
   * {@code Class-Path}; empty when the JVM was not started with {@code java -jar}. Reads the jar file.
   */
  public static JsonObject buildInfo() {
    JsonObject info = new JsonObject();
    Attributes attributes = launchedJarManifest();
    if (attributes != null) {
      attributes.forEach((name, value) -> {
        if (!Attributes.Name.CLASS_PATH.equals(name)) {
          info.put(name.toString(), String.valueOf(value));
        }
      });
    }
    return info;
  }

  private static String attribute(Attributes attributes, Attributes.Name name) {
    String value = attributes == null ? null : attributes.getValue(name);
    return value == null || value.isBlank() ? UNKNOWN : value;
  }

  /** The main attributes of the jar given to {@code java -jar}, whose path is then the whole class path. */
  private static Attributes launchedJarManifest() {
    String classPath = System.getProperty("java.class.path", "");
    if (!classPath.endsWith(".jar") || classPath.contains(File.pathSeparator)) {
      return null;
    }
    try (JarFile jar = new JarFile(classPath)) {
      Manifest manifest = jar.getManifest();
      return manifest == null ? null : manifest.getMainAttributes();
    } catch (IOException | SecurityException e) {
      return null;
    }
  }
}
