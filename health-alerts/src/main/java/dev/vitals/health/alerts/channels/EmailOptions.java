package dev.vitals.health.alerts.channels;

import dev.vitals.health.JsonForm;
import dev.vitals.health.Scrubber;
import dev.vitals.health.alerts.channels.impl.Valid;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An e-mail channel ({@code "type": "email"}): one message per notification over SMTP (RFC 5321), subject
 * {@code [FIRING] db fails: Connection refused}, {@code [REMINDER] ...} or {@code [RESOLVED] db recovered}, a plain
 * text body with the alert's fields. JSON form:
 * <pre>{@code
 * {"host": "smtp.example.com",             // required
 *  "port": 587,                            // default 25
 *  "from": "vitals@example.com",           // required
 *  "to": ["ops@example.com"],              // required, at least one
 *  "username": "vitals", "password": "...",// optional: AUTH when a username is given
 *  "starttls": "required"}                 // disabled, optional (default) or required
 * }</pre>
 */
@DataObject
@JsonGen(publicConverter = false)
public class EmailOptions {

  /** Default SMTP port: 25. */
  public static final int DEFAULT_PORT = 25;

  private static final JsonForm FORM = JsonForm.of("")
    .text("host").required().describe("the SMTP server's host name or address")
    .integer("port").range(1, 65535).describe("the SMTP server's port")
    .text("from").required().describe("the sender's address")
    .strings("to").required().constrain("minItems", 1).expecting("a non-empty array of addresses")
    .describe("the recipients' addresses")
    .text("username").describe("the SMTP user, to authenticate (AUTH) as")
    .string("password").secret().describe("the SMTP user's password")
    .enumeration("starttls", StartTls.class)
    .describe("STARTTLS: `disabled`, `optional` (when the server offers it) or `required`");

  private String host;
  private int port = DEFAULT_PORT;
  private String from;
  private List<String> to = new ArrayList<>();
  private String username;
  private String password;
  private StartTls starttls = StartTls.OPTIONAL;

  /** Options without a server, to set. */
  public EmailOptions() {
  }

  /**
   * @param json the JSON form
   * @throws IllegalArgumentException naming the field when a key is unknown, {@code host}, {@code from} or
   *                                  {@code to} is missing, or a value is invalid
   */
  public EmailOptions(JsonObject json) {
    EmailOptionsConverter.fromJson(FORM.read(json), this);
    for (String field : new String[]{"host", "from"}) {
      if (!json.containsKey(field) || json.getValue(field) == null) {
        throw new IllegalArgumentException(field + ": required field missing");
      }
    }
    if (to.isEmpty()) {
      throw new IllegalArgumentException("to: required field missing");
    }
  }

  /** @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema} */
  public static JsonObject schema() {
    return FORM.schema(new EmailOptions().toJson());
  }

  /** @return the JSON form, the password included (see {@link #toString()} for a form safe to log) */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    EmailOptionsConverter.toJson(this, json);
    return FORM.write(json);
  }

  /** @return the JSON form with the password masked */
  @Override
  public String toString() {
    JsonObject json = toJson();
    if (password != null) {
      json.put("password", Scrubber.MASK);
    }
    return json.encode();
  }

  /** @return the SMTP server's host */
  public String getHost() {
    return host;
  }

  /**
   * @param host the SMTP server's host name or address
   * @return this
   * @throws IllegalArgumentException {@code host: expected a non-empty string, got ''}
   */
  public EmailOptions setHost(String host) {
    this.host = Valid.text("host", host, false);
    return this;
  }

  /** @return the SMTP server's port */
  public int getPort() {
    return port;
  }

  /**
   * @param port the SMTP server's port, from 1 to 65535
   * @return this
   * @throws IllegalArgumentException {@code port: expected from 1 to 65535, got '0'}
   */
  public EmailOptions setPort(int port) {
    this.port = (int) Valid.range("port", port, 1, 65535);
    return this;
  }

  /** @return the sender's address */
  public String getFrom() {
    return from;
  }

  /**
   * @param from the sender's address ({@code vitals@example.com} or {@code Vitals <vitals@example.com>})
   * @return this
   * @throws IllegalArgumentException {@code from: expected a non-empty string, got ''}
   */
  public EmailOptions setFrom(String from) {
    this.from = Valid.text("from", from, false);
    return this;
  }

  /** @return the recipients, unmodifiable */
  public List<String> getTo() {
    return List.copyOf(to);
  }

  /**
   * @param to the recipients' addresses, at least one
   * @return this
   * @throws IllegalArgumentException {@code to: expected a non-empty array of non-empty strings, got '[]'}
   */
  public EmailOptions setTo(List<String> to) {
    this.to = new ArrayList<>(Valid.texts("to", to));
    return this;
  }

  /** @return the SMTP user, or {@code null} to send without authenticating */
  public String getUsername() {
    return username;
  }

  /**
   * @param username the SMTP user to authenticate as
   * @return this
   * @throws IllegalArgumentException {@code username: expected a non-empty string, got ''}
   */
  public EmailOptions setUsername(String username) {
    this.username = Valid.text("username", username, false);
    return this;
  }

  /** @return the SMTP user's password, or {@code null} */
  public String getPassword() {
    return password;
  }

  /**
   * @param password the SMTP user's password
   * @return this
   */
  public EmailOptions setPassword(String password) {
    this.password = Objects.requireNonNull(password, "password");
    return this;
  }

  /** @return whether the connection is upgraded with STARTTLS */
  public StartTls getStarttls() {
    return starttls;
  }

  /**
   * @param starttls whether the connection is upgraded with STARTTLS
   * @return this
   */
  public EmailOptions setStarttls(StartTls starttls) {
    this.starttls = Objects.requireNonNull(starttls, "starttls");
    return this;
  }
}
