package dev.vitals.health.history;

import dev.vitals.health.JsonForm;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.annotations.GenIgnore;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Which {@link dev.vitals.health.HistoryStore} to open ({@link HistoryStores#open}) and how long it keeps each kind
 * of row.
 *
 * <p>JSON form: {@code {"type": "sqlite", "path": "vitals-history.db", "transitionRetention": "2160h",
 * "minuteRetention": "168h", "hourRetention": "2160h", "pruneInterval": "1h"}} (90, 7 and 90 days);
 * {@code {"type": "memory"}} keeps nothing on disk; {@code {"type": "postgresql", "uri":
 * "postgresql://user:password@host:5432/database", ...}} shares one store in a fleet, the keys of
 * {@link PgHistoryStoreOptions} beside these ({@link #getPostgresql()}). Durations in ms or as {@code "2160h"},
 * {@code "30m"}.
 *
 * <p>Retention per kind: transitions (the raw status changes), minute rollups (a row per check per minute) and
 * hourly sums (a row per check per hour, what the 24 h, 7 d and 30 d windows are read from); each is pruned every
 * {@code pruneInterval} (and once when the store opens), rows older than their retention deleted.
 */
@DataObject
@JsonGen(publicConverter = false)
public class HistoryStoreOptions {

  /** The kinds of store. */
  public enum Type {
    /** {@link dev.vitals.health.HistoryStore#memory()}: nothing on disk, nothing across a restart. */
    MEMORY,
    /** {@link SqliteHistoryStore}: one SQLite file. */
    SQLITE,
    /** {@link PgHistoryStore}: PostgreSQL, shared by a fleet ({@link HistoryStoreOptions#getPostgresql()}). */
    POSTGRESQL
  }

  /** Default type: a SQLite file. */
  public static final Type DEFAULT_TYPE = Type.SQLITE;
  /** Default file name, resolved against the working directory (the standalone puts it beside its config file). */
  public static final String DEFAULT_PATH = "vitals-history.db";
  /** Default retention of transitions, in ms: 90 days. */
  public static final long DEFAULT_TRANSITION_RETENTION = 90 * 24 * 3_600_000L;
  /** Default retention of minute rollups, in ms: 7 days. */
  public static final long DEFAULT_MINUTE_RETENTION = 7 * 24 * 3_600_000L;
  /** Default retention of hourly sums, in ms: 90 days. */
  public static final long DEFAULT_HOUR_RETENTION = 90 * 24 * 3_600_000L;
  /** Default time between two prunings, in ms: 1 hour. */
  public static final long DEFAULT_PRUNE_INTERVAL = 3_600_000L;
  private static final long MAX_RETENTION = 10 * 366 * 24 * 3_600_000L;

  private Type type = DEFAULT_TYPE;
  private String path = DEFAULT_PATH;
  private long transitionRetention = DEFAULT_TRANSITION_RETENTION;
  private long minuteRetention = DEFAULT_MINUTE_RETENTION;
  private long hourRetention = DEFAULT_HOUR_RETENTION;
  private long pruneInterval = DEFAULT_PRUNE_INTERVAL;
  private Clock clock = Clock.systemUTC();
  private PgHistoryStoreOptions postgresql = new PgHistoryStoreOptions();

  /** The JSON form, read before the generated converter; it documents each key. */
  private static final JsonForm FORM = JsonForm.of("")
    .enumeration("type", Type.class)
    .describe("`sqlite`: a file that keeps availability across restarts; `memory`: nothing on disk; `postgresql`:"
      + " one database shared by a fleet (uri, ...)")
    .text("path").describe("the SQLite file (created with its directory's permissions; relative to the working"
      + " directory)")
    .duration("transitionRetention").range(60_000, MAX_RETENTION)
    .describe("how long status transitions are kept")
    .duration("minuteRetention").range(60_000, MAX_RETENTION)
    .describe("how long minute rollups are kept (a row per check per minute)")
    .duration("hourRetention").range(3_600_000, MAX_RETENTION)
    .describe("how long hourly sums are kept (a row per check per hour: the 24h, 7d and 30d windows)")
    .duration("pruneInterval").range(1_000, 24 * 3_600_000L)
    .describe("how often rows older than their retention are deleted");

  /** Default options: a SQLite file {@value #DEFAULT_PATH}. */
  public HistoryStoreOptions() {
  }

  /** @param other options to copy */
  public HistoryStoreOptions(HistoryStoreOptions other) {
    this.type = other.type;
    this.path = other.path;
    this.transitionRetention = other.transitionRetention;
    this.minuteRetention = other.minuteRetention;
    this.hourRetention = other.hourRetention;
    this.pruneInterval = other.pruneInterval;
    this.clock = other.clock;
    this.postgresql = new PgHistoryStoreOptions(other.postgresql);
  }

  /**
   * @param json the JSON form described on this class; the keys of {@link PgHistoryStoreOptions} are read by it
   * @throws IllegalArgumentException naming the field when a key is unknown or a value is invalid, or when a key of
   *                                  {@link PgHistoryStoreOptions} comes with another type than {@code postgresql}
   */
  public HistoryStoreOptions(JsonObject json) {
    JsonObject own = new JsonObject();
    JsonObject pg = new JsonObject();
    Set<String> pgKeys = PgHistoryStoreOptions.keys();
    json.forEach(e -> (pgKeys.contains(e.getKey()) ? pg : own).put(e.getKey(), e.getValue()));
    HistoryStoreOptionsConverter.fromJson(FORM.read(own), this);
    postgresql = new PgHistoryStoreOptions(pg);
    if (type != Type.POSTGRESQL && !pg.isEmpty()) {
      throw new IllegalArgumentException(pg.fieldNames().iterator().next() + ": only with type postgresql, got type '"
        + type.name().toLowerCase(Locale.ROOT) + "'");
    }
  }

  /**
   * @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults, the keys of
   * {@link PgHistoryStoreOptions} included; see {@link JsonForm#schema}
   */
  public static JsonObject schema() {
    JsonObject schema = FORM.schema(new HistoryStoreOptions().toJson());
    schema.getJsonObject("properties").mergeIn(PgHistoryStoreOptions.schema().getJsonObject("properties"));
    return schema;
  }

  /** @return the JSON form described on this class; with type {@code postgresql}, its keys too, password included */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    HistoryStoreOptionsConverter.toJson(this, json);
    if (type == Type.POSTGRESQL) {
      json.mergeIn(postgresql.toJson());
    }
    return FORM.write(json);
  }

  /** @return the kind of store */
  public Type getType() {
    return type;
  }

  /**
   * @param type the kind of store
   * @return this
   */
  public HistoryStoreOptions setType(Type type) {
    this.type = Objects.requireNonNull(type, "type");
    return this;
  }

  /** @return the SQLite file's path */
  public String getPath() {
    return path;
  }

  /**
   * @param path the SQLite file's path (its directory must exist)
   * @return this
   * @throws IllegalArgumentException when blank
   */
  public HistoryStoreOptions setPath(String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("path: expected a file path, got '" + path + "'");
    }
    this.path = path;
    return this;
  }

  /** @return how long transitions are kept, in ms */
  public long getTransitionRetention() {
    return transitionRetention;
  }

  /**
   * @param transitionRetention how long transitions are kept, in ms (1 minute to 10 years)
   * @return this
   * @throws IllegalArgumentException when outside that range
   */
  public HistoryStoreOptions setTransitionRetention(long transitionRetention) {
    this.transitionRetention = retention("transitionRetention", transitionRetention, 60_000);
    return this;
  }

  /** @return how long minute rollups are kept, in ms */
  public long getMinuteRetention() {
    return minuteRetention;
  }

  /**
   * @param minuteRetention how long minute rollups are kept, in ms (1 minute to 10 years)
   * @return this
   * @throws IllegalArgumentException when outside that range
   */
  public HistoryStoreOptions setMinuteRetention(long minuteRetention) {
    this.minuteRetention = retention("minuteRetention", minuteRetention, 60_000);
    return this;
  }

  /** @return how long hourly sums are kept, in ms */
  public long getHourRetention() {
    return hourRetention;
  }

  /**
   * @param hourRetention how long hourly sums are kept, in ms (1 hour to 10 years); below 30 days the {@code 30d}
   *                      window forgets the start of its month at a restart
   * @return this
   * @throws IllegalArgumentException when outside that range
   */
  public HistoryStoreOptions setHourRetention(long hourRetention) {
    this.hourRetention = retention("hourRetention", hourRetention, 3_600_000);
    return this;
  }

  /** @return how often rows older than their retention are deleted, in ms */
  public long getPruneInterval() {
    return pruneInterval;
  }

  /**
   * @param pruneInterval how often rows older than their retention are deleted, in ms (1 s to 1 day)
   * @return this
   * @throws IllegalArgumentException when outside that range
   */
  public HistoryStoreOptions setPruneInterval(long pruneInterval) {
    if (pruneInterval < 1_000 || pruneInterval > 24 * 3_600_000L) {
      throw new IllegalArgumentException("pruneInterval: expected 1 s to 1 day, got '" + pruneInterval + "'");
    }
    this.pruneInterval = pruneInterval;
    return this;
  }

  /** @return the clock pruning reads "now" from */
  @GenIgnore
  public Clock getClock() {
    return clock;
  }

  /**
   * @param clock the clock pruning reads "now" from (inject a mutable one in tests)
   * @return this
   */
  @GenIgnore
  public HistoryStoreOptions setClock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  private static long retention(String field, long value, long min) {
    if (value < min || value > MAX_RETENTION) {
      throw new IllegalArgumentException(field + ": expected " + (min == 60_000 ? "1 minute" : "1 hour")
        + " to 10 years, got '" + value + "'");
    }
    return value;
  }

  /** @return where and how a {@code postgresql} store connects (read with type {@code postgresql} only) */
  @GenIgnore
  public PgHistoryStoreOptions getPostgresql() {
    return postgresql;
  }

  /**
   * @param postgresql where and how a {@code postgresql} store connects
   * @return this
   */
  @GenIgnore
  public HistoryStoreOptions setPostgresql(PgHistoryStoreOptions postgresql) {
    this.postgresql = Objects.requireNonNull(postgresql, "postgresql");
    return this;
  }

  /** @return the JSON form, a PostgreSQL password masked */
  @Override
  public String toString() {
    JsonObject json = toJson();
    if (type == Type.POSTGRESQL) {
      json.mergeIn(new JsonObject(postgresql.toString()));
    }
    return json.encode();
  }
}
