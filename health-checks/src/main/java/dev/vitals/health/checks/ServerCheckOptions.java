package dev.vitals.health.checks;

import dev.vitals.health.JsonForm;
import dev.vitals.health.checks.impl.Limits;
import dev.vitals.health.checks.impl.Secrets;
import io.vertx.core.json.JsonObject;

import java.util.function.UnaryOperator;

/**
 * What the options of a check of a server with a client of its own ({@link SqlCheckOptions},
 * {@link RedisCheckOptions}) have in common: where the server is ({@code uri}, or {@code host}, {@code port},
 * {@code user}, {@code password}, which override the URI's) and when a run is slow ({@code maxLatency}), and the
 * declarations of those keys in a {@link JsonForm} ({@link #form}). Each subclass checks its URI's form and has its
 * own {@code database} (a name, a number). {@link #toString()} masks the password, in {@code password} and inside
 * {@code uri}.
 *
 * @param <T> the subclass, which the fluent setters return
 */
public abstract class ServerCheckOptions<T extends ServerCheckOptions<T>> {

  private String uri;
  private String host;
  private int port;
  private String user;
  private String password;
  private long maxLatency;

  /** Options without a server: the client's defaults. */
  protected ServerCheckOptions() {
  }

  /** @param other options to copy */
  protected ServerCheckOptions(ServerCheckOptions<T> other) {
    uri = other.uri;
    host = other.host;
    port = other.port;
    user = other.user;
    password = other.password;
    maxLatency = other.maxLatency;
  }

  /**
   * The form of the keys every server check has, described, for a subclass's form to go on with its own keys:
   * {@code uri}, {@code host}, {@code port}, the subclass's {@code database}, {@code user}, {@code password} (a
   * secret) and {@code maxLatency}. The form is open: keys it does not know are left to the check's
   * {@code CheckOptions}.
   *
   * @param uriPattern the schemes of the subclass's URI, as a regular expression: the {@code pattern} of {@code uri}
   *                   in the schema (the setter checks the URI itself)
   * @param uriForm    the URI's form, such as {@code redis://:password@host:port/database}, for its description
   * @param database   declares and describes {@code database} on the form it is given and returns that form: its
   *                   shape is the subclass's (a name, a number)
   * @return a new form, with no prefix
   */
  protected static JsonForm form(String uriPattern, String uriForm, UnaryOperator<JsonForm> database) {
    JsonForm form = JsonForm.of("").open()
      .string("uri").constrain("pattern", uriPattern).expecting(uriForm)
      .describe("the server's URI, " + uriForm + "; host, port, database, user and password override its parts")
      .text("host").describe("the server's host name or address")
      .integer("port").range(1, 65535).describe("the server's port");
    return database.apply(form)
      .text("user").describe("the user to connect as")
      .string("password").secret().describe("the user's password")
      .duration("maxLatency").describe("the latency above which a passing run is warn; 0: never");
  }

  @SuppressWarnings("unchecked")
  private T self() {
    return (T) this;
  }

  /** @return the JSON form, password included (see {@link #toString()} for a form safe to log) */
  public abstract JsonObject toJson();

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
   * @param uri the client's URI, such as {@code postgres://user:password@host:port/database}; a subclass checks its
   *            form
   * @return this
   */
  public T setUri(String uri) {
    this.uri = uri;
    return self();
  }

  /** @return the host, or {@code null} for the URI's or the client's default */
  public String getHost() {
    return host;
  }

  /**
   * @param host the server's host name or address
   * @return this
   */
  public T setHost(String host) {
    this.host = host;
    return self();
  }

  /** @return the port, or 0 for the URI's or the client's default (5432, 3306, 6379) */
  public int getPort() {
    return port;
  }

  /**
   * @param port from 1 to 65535
   * @return this
   * @throws IllegalArgumentException when out of range
   */
  public T setPort(int port) {
    this.port = Limits.port(port, "port");
    return self();
  }

  /** @return the user, or {@code null} for the URI's or the client's default */
  public String getUser() {
    return user;
  }

  /**
   * @param user the user to connect as (Redis 6+: the ACL user)
   * @return this
   */
  public T setUser(String user) {
    this.user = user;
    return self();
  }

  /** @return the password, or {@code null} for the URI's or the client's default */
  public String getPassword() {
    return password;
  }

  /**
   * @param password the user's password; never shown in outputs or logs
   * @return this
   */
  public T setPassword(String password) {
    this.password = password;
    return self();
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
  public T setMaxLatency(long maxLatency) {
    this.maxLatency = Limits.nonNegative(maxLatency, "maxLatency");
    return self();
  }
}
