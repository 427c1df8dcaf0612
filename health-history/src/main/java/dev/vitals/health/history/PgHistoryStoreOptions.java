package dev.vitals.health.history;

import dev.vitals.health.JsonForm;
import dev.vitals.health.ScrubOptions;
import dev.vitals.health.Scrubber;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.util.Set;

/**
 * Where a {@link PgHistoryStore} connects and how much of PostgreSQL it may take: the keys of
 * {@link HistoryStoreOptions} (its {@link HistoryStoreOptions#getPostgresql()}) with {@code "type": "postgresql"},
 * beside the retentions every store has there. Durations are in ms; in JSON they may also be strings such as
 * {@code "10s"}.
 *
 * <p>JSON form, every key optional, shown with its default:
 * <pre>
 * {
 *   "uri": null,                       // postgresql://user:password@host:port/database; the keys below override its parts
 *   "host": null, "port": 0,           // without uri: the client's defaults, localhost:5432
 *   "database": null, "user": null,    // without uri: the client's defaults, postgres
 *   "password": null,                  // a secret: masked in toString() and wherever the standalone shows its config
 *   "maxPoolSize": 4,                  // connections at most
 *   "maxWaitQueueSize": 32,            // operations waiting (for a connection, for the appends before them)
 *   "connectTimeout": "5s",            // to open a connection
 *   "queryTimeout": "10s",             // each operation, on the server (statement_timeout) and in the client
 *   "maxReadRows": 2000000             // most rows one read answers; more fails it
 * }
 * </pre>
 * A setter given an invalid value throws {@link IllegalArgumentException} naming the field,
 * {@code "<field>: expected <what>, got '<value>'"} (a password or a URI's password never in it).
 * {@link #toString()} masks the password, in {@code password} and inside {@code uri}.
 */
@DataObject
@JsonGen(publicConverter = false)
public class PgHistoryStoreOptions {

  /** Default most connections: 4 (one append at a time, reads beside it). */
  public static final int DEFAULT_MAX_POOL_SIZE = 4;
  /** Default most operations waiting, for a connection or for the appends called before them: 32. */
  public static final int DEFAULT_MAX_WAIT_QUEUE_SIZE = 32;
  /** Default time to open a connection, in ms: 5 s. */
  public static final long DEFAULT_CONNECT_TIMEOUT = 5_000;
  /** Default time an operation may take, in ms: 10 s. */
  public static final long DEFAULT_QUERY_TIMEOUT = 10_000;
  /**
   * Default most rows one read answers: 2,000,000, the 30 days of hourly sums of 2,700 checks (what a registry
   * reads back at start).
   */
  public static final int DEFAULT_MAX_READ_ROWS = 2_000_000;
  private static final Scrubber SCRUBBER = new Scrubber(new ScrubOptions());
  private static final String MASK = Scrubber.MASK;

  private String uri;
  private String host;
  private int port;
  private String database;
  private String user;
  private String password;
  private int maxPoolSize = DEFAULT_MAX_POOL_SIZE;
  private int maxWaitQueueSize = DEFAULT_MAX_WAIT_QUEUE_SIZE;
  private long connectTimeout = DEFAULT_CONNECT_TIMEOUT;
  private long queryTimeout = DEFAULT_QUERY_TIMEOUT;
  private int maxReadRows = DEFAULT_MAX_READ_ROWS;

  /** The JSON form, read before the generated converter, in the order of the config reference's rows. */
  private static final JsonForm FORM = JsonForm.of("")
    .string("uri").constrain("pattern", "^postgres(ql)?://").expecting("postgresql://user:password@host:port/database")
    .describe("the PostgreSQL server, postgresql://user:password@host:port/database; host, port, database, user and"
      + " password override its parts")
    .text("host").describe("the server's host name or address")
    .integer("port").range(1, 65535).describe("the server's port")
    .text("database").describe("the database holding the tables (`vitals_history_*`, created at start if missing)")
    .text("user").describe("the user to connect as; it creates the tables at start")
    .string("password").secret().describe("the user's password")
    .integer("maxPoolSize").range(1, 100).describe("connections to PostgreSQL at most")
    .integer("maxWaitQueueSize").range(1, 100_000)
    .describe("operations waiting (for a connection, for the writes before them) at most; beyond, one fails at once")
    .duration("connectTimeout").range(1, 600_000).describe("the longest a connection takes to open")
    .duration("queryTimeout").range(1, 3_600_000)
    .describe("the longest one operation takes (a write, a read, a prune step), on the server (statement_timeout)"
      + " and in the client")
    .integer("maxReadRows").range(1, 100_000_000).describe("most rows one read answers; a read of more fails");

  /** Options with the defaults: the client's default server ({@code postgres@localhost:5432/postgres}). */
  public PgHistoryStoreOptions() {
  }

  /** @param other options to copy */
  public PgHistoryStoreOptions(PgHistoryStoreOptions other) {
    this.uri = other.uri;
    this.host = other.host;
    this.port = other.port;
    this.database = other.database;
    this.user = other.user;
    this.password = other.password;
    this.maxPoolSize = other.maxPoolSize;
    this.maxWaitQueueSize = other.maxWaitQueueSize;
    this.connectTimeout = other.connectTimeout;
    this.queryTimeout = other.queryTimeout;
    this.maxReadRows = other.maxReadRows;
  }

  /**
   * @param json the JSON form described on this class; absent keys keep their defaults
   * @throws IllegalArgumentException naming the field when a key is unknown or a value is invalid (the message never
   *                                  holds a password)
   */
  public PgHistoryStoreOptions(JsonObject json) {
    PgHistoryStoreOptionsConverter.fromJson(FORM.read(json), this);
  }

  /**
   * @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema}
   */
  public static JsonObject schema() {
    return FORM.schema(new PgHistoryStoreOptions().toJson());
  }

  /**
   * @return the JSON form described on this class, password included (see {@link #toString()}); without
   * {@code port} while it is the URI's or the client's
   */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    PgHistoryStoreOptionsConverter.toJson(this, json);
    if (port == 0) {
      json.remove("port");
    }
    return FORM.write(json);
  }

  /** @return the JSON form with the password masked, in {@code password} and inside {@code uri} */
  @Override
  public String toString() {
    JsonObject json = toJson();
    if (json.getString("password") != null) {
      json.put("password", MASK);
    }
    if (json.getString("uri") != null) {
      json.put("uri", maskUri(json.getString("uri")));
    }
    return json.encode();
  }

  /**
   * @param uri a URI, or {@code null}
   * @return it with the password of its user information (and secret query parameters) masked
   */
  static String maskUri(String uri) {
    return uri == null ? null : SCRUBBER.scrub(uri);
  }

  /** @return the connection URI, or {@code null} */
  public String getUri() {
    return uri;
  }

  /**
   * @param uri {@code postgresql://user:password@host:port/database} (or {@code postgres://}), the client's own form,
   *            with its query parameters ({@code ?sslmode=require}); {@code null} for the client's defaults
   * @return this
   * @throws IllegalArgumentException {@code uri: expected postgresql://..., got '<uri, password masked>'} when it is
   *                                  not an absolute postgresql URI
   */
  public PgHistoryStoreOptions setUri(String uri) {
    if (uri != null) {
      String scheme;
      try {
        scheme = URI.create(uri).getScheme();
      } catch (RuntimeException e) {
        scheme = null;
      }
      if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
        throw new IllegalArgumentException("uri: expected postgresql://user:password@host:port/database, got '"
          + maskUri(uri) + "'");
      }
    }
    this.uri = uri;
    return this;
  }

  /** @return the host, or {@code null} for the URI's or the client's default */
  public String getHost() {
    return host;
  }

  /**
   * @param host the server's host name or address; overrides the URI's
   * @return this
   */
  public PgHistoryStoreOptions setHost(String host) {
    this.host = host;
    return this;
  }

  /** @return the port, or 0 for the URI's or the client's default (5432) */
  public int getPort() {
    return port;
  }

  /**
   * @param port from 1 to 65535; overrides the URI's
   * @return this
   * @throws IllegalArgumentException {@code port: expected 1 to 65535, got '<port>'}
   */
  public PgHistoryStoreOptions setPort(int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port: expected 1 to 65535, got '" + port + "'");
    }
    this.port = port;
    return this;
  }

  /** @return the database, or {@code null} for the URI's or the client's default */
  public String getDatabase() {
    return database;
  }

  /**
   * @param database the database holding the store's tables; overrides the URI's
   * @return this
   */
  public PgHistoryStoreOptions setDatabase(String database) {
    this.database = database;
    return this;
  }

  /** @return the user, or {@code null} for the URI's or the client's default */
  public String getUser() {
    return user;
  }

  /**
   * @param user the user to connect as, allowed to create tables in the database (the migrations at start);
   *             overrides the URI's
   * @return this
   */
  public PgHistoryStoreOptions setUser(String user) {
    this.user = user;
    return this;
  }

  /** @return the password, or {@code null} for the URI's or the client's default */
  public String getPassword() {
    return password;
  }

  /**
   * @param password the user's password; never shown in messages or logs; overrides the URI's
   * @return this
   */
  public PgHistoryStoreOptions setPassword(String password) {
    this.password = password;
    return this;
  }

  /** @return the most connections the store opens */
  public int getMaxPoolSize() {
    return maxPoolSize;
  }

  /**
   * @param maxPoolSize the most connections the store opens, 1 to 100 (appends use one at a time)
   * @return this
   * @throws IllegalArgumentException {@code maxPoolSize: expected 1 to 100, got '<n>'}
   */
  public PgHistoryStoreOptions setMaxPoolSize(int maxPoolSize) {
    if (maxPoolSize < 1 || maxPoolSize > 100) {
      throw new IllegalArgumentException("maxPoolSize: expected 1 to 100, got '" + maxPoolSize + "'");
    }
    this.maxPoolSize = maxPoolSize;
    return this;
  }

  /** @return the most operations waiting, for a connection or for the appends called before them */
  public int getMaxWaitQueueSize() {
    return maxWaitQueueSize;
  }

  /**
   * @param maxWaitQueueSize the most operations waiting, for a connection or for the appends called before them,
   *                         1 to 100,000: with {@code maxPoolSize} running, an operation beyond fails at once
   * @return this
   * @throws IllegalArgumentException {@code maxWaitQueueSize: expected 1 to 100000, got '<n>'}
   */
  public PgHistoryStoreOptions setMaxWaitQueueSize(int maxWaitQueueSize) {
    if (maxWaitQueueSize < 1 || maxWaitQueueSize > 100_000) {
      throw new IllegalArgumentException("maxWaitQueueSize: expected 1 to 100000, got '" + maxWaitQueueSize + "'");
    }
    this.maxWaitQueueSize = maxWaitQueueSize;
    return this;
  }

  /** @return the longest a connection takes to open, in ms */
  public long getConnectTimeout() {
    return connectTimeout;
  }

  /**
   * @param connectTimeout the longest a connection takes to open (TCP and authentication), in ms, 1 ms to 10 min
   * @return this
   * @throws IllegalArgumentException {@code connectTimeout: expected 1 ms to 10 min, got '<ms>'}
   */
  public PgHistoryStoreOptions setConnectTimeout(long connectTimeout) {
    if (connectTimeout < 1 || connectTimeout > 600_000) {
      throw new IllegalArgumentException("connectTimeout: expected 1 ms to 10 min, got '" + connectTimeout + "'");
    }
    this.connectTimeout = connectTimeout;
    return this;
  }

  /** @return the longest one operation takes, in ms */
  public long getQueryTimeout() {
    return queryTimeout;
  }

  /**
   * @param queryTimeout the longest one operation takes, in ms, 1 ms to 1 h: the server's {@code statement_timeout}
   *                     of the store's connections, and a deadline in the client counted from when the operation
   *                     asks for a connection (past it, the future fails and the connection is closed)
   * @return this
   * @throws IllegalArgumentException {@code queryTimeout: expected 1 ms to 1 h, got '<ms>'}
   */
  public PgHistoryStoreOptions setQueryTimeout(long queryTimeout) {
    if (queryTimeout < 1 || queryTimeout > 3_600_000) {
      throw new IllegalArgumentException("queryTimeout: expected 1 ms to 1 h, got '" + queryTimeout + "'");
    }
    this.queryTimeout = queryTimeout;
    return this;
  }

  /** @return the most rows one read answers */
  public int getMaxReadRows() {
    return maxReadRows;
  }

  /**
   * @param maxReadRows the most rows one read ({@code rollups}, {@code hourlyRollups}) answers, 1 to 100,000,000;
   *                    a read that would answer more fails, rather than hold them all in memory
   * @return this
   * @throws IllegalArgumentException {@code maxReadRows: expected 1 to 100000000, got '<n>'}
   */
  public PgHistoryStoreOptions setMaxReadRows(int maxReadRows) {
    if (maxReadRows < 1 || maxReadRows > 100_000_000) {
      throw new IllegalArgumentException("maxReadRows: expected 1 to 100000000, got '" + maxReadRows + "'");
    }
    this.maxReadRows = maxReadRows;
    return this;
  }

  /** @return the keys of the JSON form, which {@link HistoryStoreOptions} leaves to these options */
  static Set<String> keys() {
    return FORM.schema(new JsonObject()).getJsonObject("properties").fieldNames();
  }
}
