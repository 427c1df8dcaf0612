package dev.vitals.health.checks;

import dev.vitals.health.checks.impl.Limits;
import dev.vitals.health.checks.impl.Secrets;
import io.vertx.core.json.JsonObject;

/**
 * What the options of a check of a server with a client of its own ({@link SqlCheckOptions},
 * {@link RedisCheckOptions}) have in common: where the server is ({@code uri}, or {@code host}, {@code port},
 * {@code user}, {@code password}, which override the URI's) and when a run is slow ({@code maxLatency}). Each
 * subclass reads its URI's form and its {@code database} (a name, a number) itself. {@link #toString()} masks the
 * password, in {@code password} and inside {@code uri}.
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
