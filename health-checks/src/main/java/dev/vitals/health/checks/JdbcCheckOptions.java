package dev.vitals.health.checks;

import dev.vitals.health.JsonForm;
import dev.vitals.health.checks.impl.Secrets;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

/**
 * Where a {@link JdbcCheck}'s own connection goes. JSON form:
 * {@code {"url": "jdbc:postgresql://db.internal:5432/app", "user": "monitor", "password": "secret"}}; keys it does
 * not know are left to the check's {@code CheckOptions}, whose {@code timeout} is how long validation may take. The
 * JDBC driver of the URL must be on the class or module path. {@link #toString()} masks the password.
 */
@DataObject
@JsonGen(publicConverter = false)
public class JdbcCheckOptions {

  private static final JsonForm FORM = JsonForm.of("").open()
    .string("url").required().constrain("pattern", "^jdbc:").expecting("a JDBC URL (jdbc:...)")
    .describe("a JDBC URL (jdbc:...), its driver on the class or module path")
    .text("user").describe("the user to connect as, over the URL's")
    .string("password").secret().describe("the user's password, over the URL's");

  private String url;
  private String user;
  private String password;

  /** Options without a URL, to set (a check over a {@code DataSource} needs none). */
  public JdbcCheckOptions() {
  }

  /** @param other options to copy */
  public JdbcCheckOptions(JdbcCheckOptions other) {
    url = other.url;
    user = other.user;
    password = other.password;
  }

  /**
   * @param json the JSON form
   * @throws IllegalArgumentException naming the field when a value is invalid
   */
  public JdbcCheckOptions(JsonObject json) {
    JdbcCheckOptionsConverter.fromJson(FORM.read(json), this);
  }

  /** @return the JSON form, password included (see {@link #toString()} for a form safe to log) */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    JdbcCheckOptionsConverter.toJson(this, json);
    return json;
  }

  /** @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema} */
  public static JsonObject schema() {
    return FORM.schema(new JdbcCheckOptions().toJson());
  }

  /** @return the JSON form with the password masked, in {@code password} and inside {@code url} */
  @Override
  public String toString() {
    JsonObject json = toJson();
    if (json.getString("url") != null) {
      json.put("uri", json.remove("url"));
    }
    JsonObject masked = Secrets.masked(json);
    if (masked.getString("uri") != null) {
      masked.put("url", masked.remove("uri"));
    }
    return masked.encode();
  }

  /** @return the JDBC URL, or {@code null} */
  public String getUrl() {
    return url;
  }

  /**
   * @param url a JDBC URL ({@code jdbc:<driver>:...})
   * @return this
   * @throws IllegalArgumentException {@code url: ...} when it does not start with {@code jdbc:}
   */
  public JdbcCheckOptions setUrl(String url) {
    if (url == null || !url.startsWith("jdbc:")) {
      throw new IllegalArgumentException("url: expected a JDBC URL (jdbc:...), got '" + Secrets.maskUri(url) + "'");
    }
    this.url = url;
    return this;
  }

  /** @return the user, or {@code null} for the URL's */
  public String getUser() {
    return user;
  }

  /**
   * @param user the user to connect as
   * @return this
   */
  public JdbcCheckOptions setUser(String user) {
    this.user = user;
    return this;
  }

  /** @return the password, or {@code null} for the URL's */
  public String getPassword() {
    return password;
  }

  /**
   * @param password the user's password; never shown in outputs or logs
   * @return this
   */
  public JdbcCheckOptions setPassword(String password) {
    this.password = password;
    return this;
  }

}
