package dev.vitals.health.checks;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.JsonForm;
import dev.vitals.health.checks.impl.Limits;
import dev.vitals.health.checks.impl.Secrets;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

import java.net.URI;

/**
 * What a {@link PostgresCheck} or {@link MySQLCheck} runs and, for the check's own client, where it connects. JSON
 * form:
 * <pre>{@code
 * {"uri": "postgres://monitor:secret@db.internal:5432/app",  // or the fields below, which override the URI's
 *  "host": "db.internal", "port": 5432, "database": "app", "user": "monitor", "password": "secret",
 *  "query": "SELECT 1",                                      // the default
 *  "maxLatency": "500ms",                                    // above it the result is warn; 0 (default): never
 *  "timeout": "2s"}                                          // connect timeout of the check's own client
 * }</pre>
 * Keys it does not know are left to the check's {@code CheckOptions}. The URI is the client's own form
 * ({@code postgres://} or {@code postgresql://} for PostgreSQL, {@code mysql://} or {@code mariadb://} for
 * MySQL); without {@code uri} or a field, the client's defaults apply (PostgreSQL: {@code localhost:5432},
 * database, user and password {@code postgres}; MySQL: {@code localhost:3306}, user {@code root}).
 * {@link #toString()} masks the password, in {@code password} and inside {@code uri}.
 */
@DataObject
@JsonGen(publicConverter = false)
public class SqlCheckOptions {

  /** Default {@code query}: {@code SELECT 1}. */
  public static final String DEFAULT_QUERY = "SELECT 1";

  private static final JsonForm FORM = JsonForm.of("").open()
    .string("uri", "host", "database", "user", "password", "query")
    .integer("port")
    .duration("maxLatency", "timeout");

  private String uri;
  private String host;
  private int port;
  private String database;
  private String user;
  private String password;
  private String query = DEFAULT_QUERY;
  private long maxLatency;
  private long timeout = CheckOptions.DEFAULT_TIMEOUT;

  /** Default options: {@code SELECT 1} on the client's default server. */
  public SqlCheckOptions() {
  }

  /** @param other options to copy */
  public SqlCheckOptions(SqlCheckOptions other) {
    uri = other.uri;
    host = other.host;
    port = other.port;
    database = other.database;
    user = other.user;
    password = other.password;
    query = other.query;
    maxLatency = other.maxLatency;
    timeout = other.timeout;
  }

  /**
   * @param json the JSON form
   * @throws IllegalArgumentException naming the field when a value is invalid (the message never holds a password)
   */
  public SqlCheckOptions(JsonObject json) {
    SqlCheckOptionsConverter.fromJson(FORM.read(json), this);
  }

  /** @return the JSON form, password included (see {@link #toString()} for a form safe to log) */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    SqlCheckOptionsConverter.toJson(this, json);
    return json;
  }

  /** @return the JSON form with the password masked, in {@code password} and inside {@code uri} */
  @Override
  public String toString() {
    return Secrets.masked(toJson()).encode();
  }

  /** @return the connection URI, or {@code null} */
  public String getUri() {
    return uri;
  }

  /**
   * @param uri {@code postgres://user:password@host:port/database}, {@code mysql://...}: the client's own form, read
   *            when the check is created
   * @return this
   * @throws IllegalArgumentException {@code uri: ...} when it is not an absolute URI (the password masked)
   */
  public SqlCheckOptions setUri(String uri) {
    boolean absolute;
    try {
      absolute = URI.create(uri).getScheme() != null;
    } catch (RuntimeException e) {
      absolute = false;
    }
    if (!absolute) {
      throw new IllegalArgumentException("uri: expected scheme://user:password@host:port/database, got '"
        + Secrets.maskUri(uri) + "'");
    }
    this.uri = uri;
    return this;
  }

  /** @return the host, or {@code null} for the URI's or the client's default */
  public String getHost() {
    return host;
  }

  /**
   * @param host the server's host name or address
   * @return this
   */
  public SqlCheckOptions setHost(String host) {
    this.host = host;
    return this;
  }

  /** @return the port, or 0 for the URI's or the client's default (5432, 3306) */
  public int getPort() {
    return port;
  }

  /**
   * @param port from 1 to 65535
   * @return this
   * @throws IllegalArgumentException when out of range
   */
  public SqlCheckOptions setPort(int port) {
    this.port = Limits.port(port, "port");
    return this;
  }

  /** @return the database, or {@code null} for the URI's or the client's default */
  public String getDatabase() {
    return database;
  }

  /**
   * @param database the database to connect to
   * @return this
   */
  public SqlCheckOptions setDatabase(String database) {
    this.database = database;
    return this;
  }

  /** @return the user, or {@code null} for the URI's or the client's default */
  public String getUser() {
    return user;
  }

  /**
   * @param user the user to connect as
   * @return this
   */
  public SqlCheckOptions setUser(String user) {
    this.user = user;
    return this;
  }

  /** @return the password, or {@code null} for the URI's or the client's default */
  public String getPassword() {
    return password;
  }

  /**
   * @param password the user's password; never shown in outputs or logs
   * @return this
   */
  public SqlCheckOptions setPassword(String password) {
    this.password = password;
    return this;
  }

  /** @return the query each run executes */
  public String getQuery() {
    return query;
  }

  /**
   * @param query the query each run executes (a simple query, no parameters); its rows are not read
   * @return this
   * @throws IllegalArgumentException {@code query: ...} when blank
   */
  public SqlCheckOptions setQuery(String query) {
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("query: expected a non-empty string");
    }
    this.query = query;
    return this;
  }

  /** @return the latency above which a run is {@code warn}, in ms; 0: never */
  public long getMaxLatency() {
    return maxLatency;
  }

  /**
   * @param maxLatency the latency above which a run is {@code warn}, in ms, {@code >= 0}; 0: never
   * @return this
   * @throws IllegalArgumentException when negative
   */
  public SqlCheckOptions setMaxLatency(long maxLatency) {
    this.maxLatency = Limits.nonNegative(maxLatency, "maxLatency");
    return this;
  }

  /** @return the connect timeout of the check's own client, in ms; default 2000 */
  public long getTimeout() {
    return timeout;
  }

  /**
   * @param timeout the connect timeout of the check's own client, in ms, {@code > 0}; the standalone verticle gives
   *                it the check's timeout (the same key)
   * @return this
   * @throws IllegalArgumentException when not positive
   */
  public SqlCheckOptions setTimeout(long timeout) {
    this.timeout = Limits.positive(timeout, "timeout");
    return this;
  }
}
