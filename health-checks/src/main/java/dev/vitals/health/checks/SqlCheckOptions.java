package dev.vitals.health.checks;

import dev.vitals.health.JsonForm;
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
 *  "maxLatency": "500ms"}                                    // above it the result is warn; 0 (default): never
 * }</pre>
 * Keys it does not know are left to the check's {@code CheckOptions}, whose {@code timeout} is the deadline of a
 * run of the check's own client. The URI is the client's own form
 * ({@code postgres://} or {@code postgresql://} for PostgreSQL, {@code mysql://} or {@code mariadb://} for
 * MySQL); without {@code uri} or a field, the client's defaults apply (PostgreSQL: {@code localhost:5432},
 * database, user and password {@code postgres}; MySQL: {@code localhost:3306}, user {@code root}).
 * {@link #toString()} masks the password, in {@code password} and inside {@code uri}.
 */
@DataObject
@JsonGen(publicConverter = false, inheritConverter = true)
public class SqlCheckOptions extends ServerCheckOptions<SqlCheckOptions> {

  /** Default {@code query}: {@code SELECT 1}. */
  public static final String DEFAULT_QUERY = "SELECT 1";

  private static final JsonForm FORM = form("^(postgres(ql)?|mysql|mariadb)://",
    "postgres://user:password@host:port/database or mysql://user:password@host:port/database",
    form -> form.text("database").describe("the database to connect to"))
    .text("query").describe("the query each run executes, a simple query without parameters; its rows are not read");

  private String database;
  private String query = DEFAULT_QUERY;

  /** Default options: {@code SELECT 1} on the client's default server. */
  public SqlCheckOptions() {
  }

  /** @param other options to copy */
  public SqlCheckOptions(SqlCheckOptions other) {
    super(other);
    database = other.database;
    query = other.query;
  }

  /**
   * @param json the JSON form
   * @throws IllegalArgumentException naming the field when a value is invalid (the message never holds a password)
   */
  public SqlCheckOptions(JsonObject json) {
    SqlCheckOptionsConverter.fromJson(FORM.read(json), this);
  }

  @Override
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    SqlCheckOptionsConverter.toJson(this, json);
    return json;
  }

  /**
   * @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema}. Its
   * {@code uri} takes either client's schemes; the {@code postgres} and {@code mysql} check types narrow it to one's
   */
  public static JsonObject schema() {
    JsonObject defaults = new SqlCheckOptions().toJson();
    defaults.remove("port"); // 0, for the URI's or the client's: not a port to write
    return FORM.schema(defaults);
  }

  /**
   * @param uri {@code postgres://user:password@host:port/database}, {@code mysql://...}: the client's own form, read
   *            when the check is created
   * @return this
   * @throws IllegalArgumentException {@code uri: ...} when it is not an absolute URI (the password masked)
   */
  @Override
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
    return super.setUri(uri);
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

}
