package dev.vitals.environment;

import dev.vitals.health.ApplicationOptions;
import dev.vitals.health.JsonForm;
import dev.vitals.health.ScrubOptions;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.annotations.GenIgnore;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;

import java.util.Objects;

/**
 * Options of an {@link EnvironmentDump}. JSON form (every field optional):
 * <pre>{@code
 * {"includeOs": true, "includeJvm": true, "includeProcess": true, "includeVertx": true,
 *  "includeApplication": true, "includeConfig": true, "sectionTimeout": "2s",
 *  "scrub": {"secretPatterns": ["session"], "allowedKeys": ["author"]}}
 * }</pre>
 * The config shown in the {@code config} section and the application's name and version are set in code
 * ({@link #setConfig}, {@link #setApplication}); the standalone verticle passes its own config.
 */
@DataObject
@JsonGen(publicConverter = false)
public class EnvironmentOptions {

  /** Default per-section timeout: 2000 ms. */
  public static final long DEFAULT_SECTION_TIMEOUT = 2_000;
  /** Default of every {@code include*} switch: the built-in section is shown. */
  public static final boolean DEFAULT_INCLUDE = true;

  private boolean includeOs = DEFAULT_INCLUDE;
  private boolean includeJvm = DEFAULT_INCLUDE;
  private boolean includeProcess = DEFAULT_INCLUDE;
  private boolean includeVertx = DEFAULT_INCLUDE;
  private boolean includeApplication = DEFAULT_INCLUDE;
  private boolean includeConfig = DEFAULT_INCLUDE;
  private long sectionTimeout = DEFAULT_SECTION_TIMEOUT;
  private ScrubOptions scrub = new ScrubOptions();
  private JsonObject config = new JsonObject();
  private ApplicationOptions application = new ApplicationOptions();
  private VertxOptions vertxOptions = new VertxOptions();

  /**
   * The JSON form, read before the generated converter; it documents each key. Config, application and Vert.x
   * options are set in code.
   */
  private static final JsonForm FORM = JsonForm.of("")
    .bool("includeOs", "includeJvm", "includeProcess", "includeVertx", "includeApplication", "includeConfig")
    .describe("the sections shown")
    .duration("sectionTimeout").describe("one section's limit")
    .object("scrub", ScrubOptions::new, ScrubOptions::schema).describe("what the sections shown treat as secret");

  /** Every built-in section on, default scrubbing. */
  public EnvironmentOptions() {
  }

  /** @param other options to copy */
  public EnvironmentOptions(EnvironmentOptions other) {
    includeOs = other.includeOs;
    includeJvm = other.includeJvm;
    includeProcess = other.includeProcess;
    includeVertx = other.includeVertx;
    includeApplication = other.includeApplication;
    includeConfig = other.includeConfig;
    sectionTimeout = other.sectionTimeout;
    scrub = new ScrubOptions(other.scrub);
    config = other.config.copy();
    application = new ApplicationOptions(other.application);
    vertxOptions = new VertxOptions(other.vertxOptions);
  }

  /**
   * @param json the JSON form
   * @throws IllegalArgumentException naming the field when a key is unknown or a value is invalid
   */
  public EnvironmentOptions(JsonObject json) {
    EnvironmentOptionsConverter.fromJson(FORM.read(json), this);
  }

  /**
   * @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema}
   */
  public static JsonObject schema() {
    return FORM.schema(new EnvironmentOptions().toJson());
  }

  /** @return the JSON form (without config, application and Vert.x options, which are set in code) */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    EnvironmentOptionsConverter.toJson(this, json);
    return json;
  }

  /** @return whether the {@code os} section is shown */
  public boolean isIncludeOs() {
    return includeOs;
  }

  /**
   * @param include whether the {@code os} section is shown
   * @return this
   */
  public EnvironmentOptions setIncludeOs(boolean include) {
    includeOs = include;
    return this;
  }

  /** @return whether the {@code jvm} section is shown */
  public boolean isIncludeJvm() {
    return includeJvm;
  }

  /**
   * @param include whether the {@code jvm} section is shown
   * @return this
   */
  public EnvironmentOptions setIncludeJvm(boolean include) {
    includeJvm = include;
    return this;
  }

  /** @return whether the {@code process} section is shown */
  public boolean isIncludeProcess() {
    return includeProcess;
  }

  /**
   * @param include whether the {@code process} section is shown
   * @return this
   */
  public EnvironmentOptions setIncludeProcess(boolean include) {
    includeProcess = include;
    return this;
  }

  /** @return whether the {@code vertx} section is shown */
  public boolean isIncludeVertx() {
    return includeVertx;
  }

  /**
   * @param include whether the {@code vertx} section is shown
   * @return this
   */
  public EnvironmentOptions setIncludeVertx(boolean include) {
    includeVertx = include;
    return this;
  }

  /** @return whether the {@code application} section is shown */
  public boolean isIncludeApplication() {
    return includeApplication;
  }

  /**
   * @param include whether the {@code application} section is shown
   * @return this
   */
  public EnvironmentOptions setIncludeApplication(boolean include) {
    includeApplication = include;
    return this;
  }

  /** @return whether the {@code config} section is shown */
  public boolean isIncludeConfig() {
    return includeConfig;
  }

  /**
   * @param include whether the {@code config} section is shown
   * @return this
   */
  public EnvironmentOptions setIncludeConfig(boolean include) {
    includeConfig = include;
    return this;
  }

  /** @return the time one section may take before it is shown as an error, in ms */
  public long getSectionTimeout() {
    return sectionTimeout;
  }

  /**
   * @param sectionTimeout the time one section may take, in ms, {@code > 0}
   * @return this
   * @throws IllegalArgumentException when not positive
   */
  public EnvironmentOptions setSectionTimeout(long sectionTimeout) {
    if (sectionTimeout <= 0) {
      throw new IllegalArgumentException("sectionTimeout: must be positive, got " + sectionTimeout + " ms");
    }
    this.sectionTimeout = sectionTimeout;
    return this;
  }

  /** @return what is scrubbed */
  public ScrubOptions getScrub() {
    return scrub;
  }

  /**
   * @param scrub what is scrubbed
   * @return this
   */
  public EnvironmentOptions setScrub(ScrubOptions scrub) {
    this.scrub = Objects.requireNonNull(scrub, "scrub");
    return this;
  }

  /** @return the config shown in the {@code config} section (scrubbed when shown) */
  @GenIgnore
  public JsonObject getConfig() {
    return config;
  }

  /**
   * @param config the config shown in the {@code config} section
   * @return this
   */
  @GenIgnore
  public EnvironmentOptions setConfig(JsonObject config) {
    this.config = Objects.requireNonNull(config, "config");
    return this;
  }

  /** @return the name and version shown in the {@code application} section */
  @GenIgnore
  public ApplicationOptions getApplication() {
    return application;
  }

  /**
   * @param application the name and version shown in the {@code application} section
   * @return this
   */
  @GenIgnore
  public EnvironmentOptions setApplication(ApplicationOptions application) {
    this.application = Objects.requireNonNull(application, "application");
    return this;
  }

  /**
   * @return the options Vert.x was created with, whose pool sizes the {@code vertx} section shows (Vert.x does
   * not expose them at run time); Vert.x's defaults unless set
   */
  @GenIgnore
  public VertxOptions getVertxOptions() {
    return vertxOptions;
  }

  /**
   * @param vertxOptions the options Vert.x was created with
   * @return this
   */
  @GenIgnore
  public EnvironmentOptions setVertxOptions(VertxOptions vertxOptions) {
    this.vertxOptions = Objects.requireNonNull(vertxOptions, "vertxOptions");
    return this;
  }
}
