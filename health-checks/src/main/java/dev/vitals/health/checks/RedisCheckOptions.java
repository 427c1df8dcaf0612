package dev.vitals.health.checks;

import dev.vitals.health.JsonForm;
import dev.vitals.health.checks.impl.Secrets;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisOptions;

import java.net.URI;

/**
 * Where a {@link RedisCheck}'s own client connects, and when a run is slow. JSON form:
 * <pre>{@code
 * {"uri": "redis://:secret@cache.internal:6379/0",   // or the fields below, which override the URI's
 *  "host": "cache.internal", "port": 6379, "database": 0, "user": "monitor", "password": "secret",
 *  "maxLatency": "100ms",                            // above it the result is warn; 0 (default): never
 *  "maxReplySize": "64KB"}                           // the most bytes of replies a run reads
 * }</pre>
 * Keys it does not know are left to the check's {@code CheckOptions}, whose {@code timeout} is the longest a run of
 * the check's own connection takes. Without {@code uri} or a field, the check
 * connects to {@code redis://localhost:6379}. {@link #toString()} masks the password, in {@code password} and
 * inside {@code uri}.
 */
@DataObject
@JsonGen(publicConverter = false, inheritConverter = true)
public class RedisCheckOptions extends ServerCheckOptions<RedisCheckOptions> {

  /** Default server: {@code redis://localhost:6379}. */
  public static final String DEFAULT_URI = "redis://localhost:6379";

  /**
   * Default {@code maxReplySize}: 64 KB (65536 bytes), far above what {@code PING} and {@code INFO replication} need.
   */
  public static final long DEFAULT_MAX_REPLY_SIZE = 64 * 1024;

  private static final JsonForm FORM = form("^rediss?://", "redis://:password@host:port/database",
    form -> form.integer("database").constrain("minimum", 0).describe("the database number to select"))
    .size("maxReplySize")
    .describe("the most bytes of replies a run reads; a reply announcing more fails the run");

  private int database = -1;
  private long maxReplySize = DEFAULT_MAX_REPLY_SIZE;

  /** Default options: {@code PING} to {@code localhost:6379}. */
  public RedisCheckOptions() {
  }

  /** @param other options to copy */
  public RedisCheckOptions(RedisCheckOptions other) {
    super(other);
    database = other.database;
    maxReplySize = other.maxReplySize;
  }

  /**
   * @param json the JSON form
   * @throws IllegalArgumentException naming the field when a value is invalid (the message never holds a password)
   */
  public RedisCheckOptions(JsonObject json) {
    RedisCheckOptionsConverter.fromJson(FORM.read(json), this);
  }

  @Override
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    RedisCheckOptionsConverter.toJson(this, json);
    return json;
  }

  /** @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema} */
  public static JsonObject schema() {
    JsonObject defaults = new RedisCheckOptions().toJson();
    defaults.remove("port"); // 0, for the URI's or 6379: not a port to write
    defaults.remove("database"); // -1, for the URI's: not a database to write
    return FORM.schema(defaults);
  }

  private static String decode(String part) {
    return java.net.URLDecoder.decode(part, java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * @return the options of the check's own client: one connection, the endpoint from the URI with the fields set
   * here over it, with the client's own connect timeout (a {@link RedisCheck} of its own is given the check's, its
   * {@code CheckOptions} timeout)
   */
  public RedisOptions toRedisOptions() {
    URI base = URI.create(getUri() == null ? DEFAULT_URI : getUri());
    String scheme = base.getScheme();
    String info = base.getRawUserInfo();
    // Percent-decoded, as Vert.x's own RedisURI reads them: p%40ss is the password p@ss.
    String baseUser = info == null ? null : decode(info.contains(":") ? info.substring(0, info.indexOf(':')) : info);
    String basePassword = info == null || !info.contains(":") ? null : decode(info.substring(info.indexOf(':') + 1));
    String effectiveUser = getUser() != null ? getUser() : baseUser == null || baseUser.isEmpty() ? null : baseUser;
    String effectivePassword = getPassword() != null ? getPassword() : basePassword;
    String path = base.getPath() == null || base.getPath().length() <= 1 ? "" : base.getPath();
    String endpoint = scheme + "://" + (getHost() != null ? getHost() : base.getHost()) + ":"
      + (getPort() != 0 ? getPort() : base.getPort() > 0 ? base.getPort() : 6379)
      + (database >= 0 ? "/" + database : path);
    RedisOptions options = new RedisOptions().setConnectionString(endpoint)
      .setMaxPoolSize(1)
      .setMaxPoolWaiting(16);
    if (effectiveUser != null) {
      options.setUser(effectiveUser);
    }
    if (effectivePassword != null) {
      options.setPassword(effectivePassword);
    }
    return options;
  }

  /**
   * @param uri {@code redis://[[user]:password@]host[:port][/database]} or {@code rediss://...} (TLS)
   * @return this
   * @throws IllegalArgumentException {@code uri: ...} when it is not one (the password masked)
   */
  @Override
  public RedisCheckOptions setUri(String uri) {
    URI parsed;
    try {
      parsed = URI.create(uri);
    } catch (RuntimeException e) {
      parsed = null;
    }
    if (parsed == null || !("redis".equals(parsed.getScheme()) || "rediss".equals(parsed.getScheme()))
      || parsed.getHost() == null) {
      throw new IllegalArgumentException("uri: expected redis://:password@host:port/database, got '"
        + Secrets.maskUri(uri) + "'");
    }
    return super.setUri(uri);
  }

  /** @return the database number selected, or -1 for the URI's (0 by default) */
  public int getDatabase() {
    return database;
  }

  /**
   * @param database the database number to select, {@code >= 0}
   * @return this
   * @throws IllegalArgumentException when negative
   */
  public RedisCheckOptions setDatabase(int database) {
    if (database < 0) {
      throw new IllegalArgumentException("database: must not be negative, got " + database);
    }
    this.database = database;
    return this;
  }

  /** @return the most bytes of replies one run of the check's own connection reads, in bytes */
  public long getMaxReplySize() {
    return maxReplySize;
  }

  /**
   * @param maxReplySize the most bytes of replies one run of the check's own connection reads, in bytes,
   *                     {@code >= 1}; a run past it, or meeting a reply that announces more, fails and closes its
   *                     connection. The JSON form also takes a size such as {@code "64KB"}. On a {@link
   *                     DependencyLoop} (as in the standalone), the loop's reply budget (1 MB by default) bounds it too
   * @return this
   * @throws IllegalArgumentException {@code maxReplySize: must be positive, got <n> bytes}
   */
  public RedisCheckOptions setMaxReplySize(long maxReplySize) {
    if (maxReplySize <= 0) {
      throw new IllegalArgumentException("maxReplySize: must be positive, got " + maxReplySize + " bytes");
    }
    this.maxReplySize = maxReplySize;
    return this;
  }
}
