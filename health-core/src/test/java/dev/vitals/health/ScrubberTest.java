package dev.vitals.health;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.vitals.health.Scrubber.MASK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** What is masked and what is not, case by case, and that no planted secret survives serialization. */
class ScrubberTest {

  private final Scrubber scrubber = new Scrubber(new ScrubOptions()
    .addAllowedKey("author").addAllowedKey("keyboard.layout").addAllowedKey("MONKEY_COUNT")
    .addSecretPattern("session"));

  /** Secret-named keys, as env vars, system properties, config keys and nested JSON: the value is masked whole. */
  static Stream<Arguments> secretKeys() {
    return Stream.of(
      arguments("DB_PASSWORD", "hunter2"),
      arguments("aws_secret_access_key", "wJalrXUtnFEMI/K7MDENG"),
      arguments("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE"),
      arguments("GITHUB_TOKEN", "ghp_16C7e42F292c6912E7710c838347Ae178B4a"),
      arguments("apiKey", "sk-live-abc123"),
      arguments("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.x.y"),
      arguments("client-credentials", "id:secret-value-1"),
      arguments("private_key_pem", "-----BEGIN PRIVATE KEY-----MIIE"),
      arguments("x-api-key", "0123456789abcdef"),
      arguments("SPRING_DATASOURCE_PASSWORD", "spring-pw-9"),
      arguments("javax.net.ssl.keyStorePassword", "changeit-ks"),
      arguments("javax.net.ssl.trustStorePassword", "changeit-ts"),
      arguments("passwd", "pw-plain-1"),
      arguments("PASSPHRASE", "correct horse battery"),
      arguments("OAUTH_CLIENT_SECRET", "oauth-s3cret"),
      arguments("NPM_TOKEN", "npm_abcdef123456"),
      arguments("SLACK_WEBHOOK_SECRET", "xoxb-slack-1"),
      arguments("JWT_PRIVATE", "jwt-private-material"),
      arguments("vault.token", "s.vault-token-xyz"),
      arguments("ProxyAuthorization", "Basic dXNlcjpwYXNz"),
      arguments("SESSION_COOKIE", "session-value-added-pattern"),
      arguments("consul.acl.Token", "consul-acl-uuid"),
      arguments("GOOGLE_APPLICATION_CREDENTIALS", "/etc/gcp/key.json"),
      arguments("encryptionKey", "aes-key-bytes"),
      arguments("STRIPE_SECRET_KEY", "sk_test_4eC39HqLyjWDarjtT1zdp7dc"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("secretKeys")
  void secretKeysAreMaskedWherever(String key, String secret) {
    JsonObject input = new JsonObject()
      .put(key, secret)
      .put("nested", new JsonObject().put("deeper", new JsonObject().put(key, secret)))
      .put("list", new JsonArray().add(new JsonObject().put(key, secret)));
    JsonObject scrubbed = scrubber.scrub(input);
    assertThat(scrubbed.getString(key)).isEqualTo(MASK);
    assertThat(scrubbed.getJsonObject("nested").getJsonObject("deeper").getString(key)).isEqualTo(MASK);
    assertThat(scrubbed.getJsonArray("list").getJsonObject(0).getString(key)).isEqualTo(MASK);
    assertThat(scrubbed.encode()).doesNotContain(secret);
  }

  /** Secrets inside string values under harmless keys. */
  static Stream<Arguments> secretsInStrings() {
    return Stream.of(
      arguments("postgres://app:s3cr3t@db:5432/x", "s3cr3t", "postgres://app:" + MASK + "@db:5432/x"),
      arguments("redis://:pw-redis@cache:6379", "pw-redis", "redis://:" + MASK + "@cache:6379"),
      arguments("mongodb+srv://admin:m0ng0@cluster0.example.net/db", "m0ng0",
        "mongodb+srv://admin:" + MASK + "@cluster0.example.net/db"),
      arguments("amqp://guest:p@ss@rabbit:5672", "p@ss", "amqp://guest:" + MASK + "@rabbit:5672"),
      arguments("postgres://app:ab/cd@db/x", "ab/cd", "postgres://app:" + MASK + "@db/x"),
      arguments("https://ghp_tokenvalue123@github.com/org/repo.git", "ghp_tokenvalue123",
        "https://" + MASK + "@github.com/org/repo.git"),
      arguments("primary=mysql://root:rootpw@m1 replica=mysql://ro:ropw@m2", "ropw",
        "primary=mysql://root:" + MASK + "@m1 replica=mysql://ro:" + MASK + "@m2"),
      arguments("jdbc:postgresql://db/x?user=app&password=jdbc-pw&ssl=true", "jdbc-pw",
        "jdbc:postgresql://db/x?user=app&password=" + MASK + "&ssl=true"),
      arguments("https://api.example.com/v1?api_key=qk-123&q=x", "qk-123",
        "https://api.example.com/v1?api_key=" + MASK + "&q=x"),
      arguments("-Ddb.password=jvm-arg-pw", "jvm-arg-pw", "-Ddb.password=" + MASK),
      arguments("-Xmx512m -Djavax.net.ssl.keyStorePassword=ks-pw -Dfoo=bar", "ks-pw",
        "-Xmx512m -Djavax.net.ssl.keyStorePassword=" + MASK + " -Dfoo=bar"),
      arguments("java -jar app.jar --token=cli-token-1 --port 8080", "cli-token-1",
        "java -jar app.jar --token=" + MASK + " --port 8080"),
      arguments("java -jar app.jar --api-key cli-key-2 -v", "cli-key-2", "java -jar app.jar --api-key " + MASK + " -v"),
      arguments("DB_PASSWORD=inline-pw ./run.sh", "inline-pw", "DB_PASSWORD=" + MASK + " ./run.sh"),
      arguments("{\"db\":{\"password\":\"json-in-env\"},\"port\":1}", "json-in-env",
        "{\"db\":{\"password\":\"" + MASK + "\"},\"port\":1}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("secretsInStrings")
  void secretsInsideStringsAreMasked(String value, String secret, String expected) {
    JsonObject scrubbed = scrubber.scrub(new JsonObject().put("DATABASE_URL", value)
      .put("args", new JsonArray().add(value)));
    assertThat(scrubbed.getString("DATABASE_URL")).isEqualTo(expected);
    assertThat(scrubbed.getJsonArray("args").getString(0)).isEqualTo(expected);
    assertThat(scrubbed.encode()).doesNotContain(secret);
  }

  /** Look-alikes and harmless values that stay as they are. */
  static Stream<Arguments> keptAsIs() {
    return Stream.of(
      arguments("author", "Ada Lovelace"),
      arguments("keyboard.layout", "us"),
      arguments("MONKEY_COUNT", "12"),
      arguments("PATH", "/usr/local/bin:/usr/bin"),
      arguments("java.class.path", "app.jar"),
      arguments("HOME", "/home/app"),
      arguments("url", "https://example.com/@someone"),
      arguments("email", "ops@example.com"),
      arguments("JAVA_OPTS", "-Xmx512m -Dfile.encoding=UTF-8"),
      arguments("endpoint", "http://consul:8500/v1/health/node/web-1?index=12"),
      arguments("count", 42));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keptAsIs")
  void lookAlikesAndHarmlessValuesAreKept(String key, Object value) {
    assertThat(scrubber.scrub(new JsonObject().put(key, value)).getValue(key)).isEqualTo(value);
  }

  @Test
  void withoutTheAllowListALookAlikeIsMasked() {
    Scrubber strict = new Scrubber(new ScrubOptions());
    assertThat(strict.scrub(new JsonObject().put("author", "Ada")).getString("author")).isEqualTo(MASK);
    assertThat(strict.scrub(new JsonObject().put("SESSION_COOKIE", "x")).getString("SESSION_COOKIE")).isEqualTo("x");
  }

  @Test
  void objectsAndArraysUnderASecretKeyAreMaskedWhole() {
    JsonObject scrubbed = scrubber.scrub(new JsonObject()
      .put("credentials", new JsonObject().put("user", "u").put("hint", "h"))
      .put("tokens", new JsonArray().add("t1").add("t2")));
    assertThat(scrubbed.getString("credentials")).isEqualTo(MASK);
    assertThat(scrubbed.getString("tokens")).isEqualTo(MASK);
  }

  @Test
  void optionsFromJsonAddToTheDefaults() {
    ScrubOptions options = new ScrubOptions(new JsonObject()
      .put("secretPatterns", new JsonArray().add("cookie")).put("allowedKeys", new JsonArray().add("author")));
    Scrubber fromJson = new Scrubber(options);
    assertThat(fromJson.isSecretKey("CSRF_COOKIE")).isTrue();
    assertThat(fromJson.isSecretKey("DB_PASSWORD")).isTrue();
    assertThat(fromJson.isSecretKey("Author")).isFalse();
    assertThat(options.toJson().getJsonArray("secretPatterns")).containsExactly("cookie");
  }
}
