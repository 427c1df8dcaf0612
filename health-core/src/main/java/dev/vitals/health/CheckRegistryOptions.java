package dev.vitals.health;

import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.annotations.GenIgnore;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.Objects;

/**
 * Options of a {@link CheckRegistry}. JSON form: {@code {"blockingPoolSize": 4, "history": {...}}} (see
 * {@link HistoryOptions}). The clock is not part
 * of the JSON form; it is there for tests of TTL behaviour.
 */
@DataObject
@JsonGen(publicConverter = false)
public class CheckRegistryOptions {

  /** Default number of worker threads for {@link BlockingCheck}s: 4. */
  public static final int DEFAULT_BLOCKING_POOL_SIZE = 4;
  /** Name of the worker pool blocking checks run on. */
  public static final String BLOCKING_POOL_NAME = "vitals-blocking-checks";

  private int blockingPoolSize = DEFAULT_BLOCKING_POOL_SIZE;
  private Clock clock = Clock.systemUTC();
  private HistoryOptions history = new HistoryOptions();
  private HistoryStore historyStore;

  /** The JSON form, read before the generated converter; it documents each key. */
  private static final JsonForm FORM = JsonForm.of("")
    .integer("blockingPoolSize").range(1, Integer.MAX_VALUE).describe("worker threads the blocking checks share")
    .object("history", HistoryOptions::new, HistoryOptions::schema)
    .describe("what is remembered of each check's past, and when a check flaps");

  /** Default options. */
  public CheckRegistryOptions() {
  }

  /** @param other options to copy */
  public CheckRegistryOptions(CheckRegistryOptions other) {
    this.blockingPoolSize = other.blockingPoolSize;
    this.clock = other.clock;
    this.history = new HistoryOptions(other.history);
    this.historyStore = other.historyStore;
  }

  /**
   * @param json the JSON form
   * @throws IllegalArgumentException naming the field when a key is unknown or a value is invalid
   */
  public CheckRegistryOptions(JsonObject json) {
    CheckRegistryOptionsConverter.fromJson(FORM.read(json), this);
  }

  /**
   * @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema}
   */
  public static JsonObject schema() {
    return FORM.schema(new CheckRegistryOptions().toJson());
  }

  /** @return the JSON form */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    CheckRegistryOptionsConverter.toJson(this, json);
    return json;
  }

  /** @return the number of worker threads blocking checks share */
  public int getBlockingPoolSize() {
    return blockingPoolSize;
  }

  /**
   * @param blockingPoolSize the number of worker threads, {@code > 0}
   * @return this
   * @throws IllegalArgumentException when not positive
   */
  public CheckRegistryOptions setBlockingPoolSize(int blockingPoolSize) {
    if (blockingPoolSize <= 0) {
      throw new IllegalArgumentException("blockingPoolSize: must be positive, got " + blockingPoolSize);
    }
    this.blockingPoolSize = blockingPoolSize;
    return this;
  }

  /** @return what is remembered of each check's past, and when a check flaps */
  public HistoryOptions getHistory() {
    return history;
  }

  /**
   * @param history what is remembered of each check's past, and when a check flaps
   * @return this
   */
  public CheckRegistryOptions setHistory(HistoryOptions history) {
    this.history = Objects.requireNonNull(history, "history");
    return this;
  }

  /** @return where the checks' past is written and read back at start, or {@code null} (the default) for nowhere */
  @GenIgnore
  public HistoryStore getHistoryStore() {
    return historyStore;
  }

  /**
   * @param historyStore where the registry appends its checks' transitions and minute rollups, and reads them back
   *                     when it starts (the caller closes it, after the registry): health-history's SQLite file, or
   *                     a {@link HistoryStore#memory()} kept by the application so that a registry created again in
   *                     the same process (a redeployed verticle) continues the windows; {@code null}, the default:
   *                     the registry keeps its windows in its own compact sums, in memory, and writes nothing
   * @return this
   */
  @GenIgnore
  public CheckRegistryOptions setHistoryStore(HistoryStore historyStore) {
    this.historyStore = historyStore;
    return this;
  }

  /** @return the clock that stamps results and decides expiry */
  @GenIgnore
  public Clock getClock() {
    return clock;
  }

  /**
   * @param clock the clock that stamps results and decides expiry (inject a fixed or mutable one in tests)
   * @return this
   */
  @GenIgnore
  public CheckRegistryOptions setClock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }
}
