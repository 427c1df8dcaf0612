package dev.vitals.health;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in JSON, so that the environment dump shows what a person debugging an instance needs and no
 * secret. It masks too much rather than too little. Rules, applied at every depth of objects and arrays:
 *
 * <ol>
 *   <li><b>Keys.</b> The whole value of a secret key (see {@link ScrubOptions}: {@code DB_PASSWORD},
 *   {@code aws_secret_access_key}, {@code apiKey}, {@code Authorization}, ...) becomes {@value #MASK}, whatever
 *   its type, objects and arrays included.</li>
 *   <li><b>URIs.</b> In any string, the user information of a URI ({@code scheme://user:pw@host}) keeps the
 *   user and masks the password ({@code postgres://app:********@db:5432/x}, {@code redis://:********@cache}); a
 *   user information without a colon, often a token ({@code https://ghp_x@github.com}), is masked whole.</li>
 *   <li><b>Query parameters.</b> In any string, the value of a parameter with a secret name
 *   ({@code jdbc:postgresql://db/x?user=app&password=...}) is masked.</li>
 *   <li><b>Arguments.</b> In any string (JVM arguments, the command line, {@code JAVA_TOOL_OPTIONS}, ...), the
 *   value of {@code -Dname=value}, {@code --name=value}, {@code name=value} and {@code --name value} is masked when
 *   {@code name} is secret.</li>
 *   <li><b>Embedded JSON.</b> In any string ({@code SPRING_APPLICATION_JSON}, ...), the string value of a
 *   member {@code "name": "value"} with a secret name is masked.</li>
 * </ol>
 *
 * Not masked: a secret under a harmless key and in no form above (a bare token in {@code MY_SETTING=abc123}),
 * keys that are allowed, and keys themselves. Add patterns for your own names.
 */
public final class Scrubber {

  /** What a masked value reads as, as in py-healthcheck. */
  public static final String MASK = "********";

  private static final Pattern URI_USERINFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.\\-]*://)(\\S*)@");
  private static final Pattern QUERY_PARAM = Pattern.compile("([?&;])([^=&;#\\s]+)=([^&;#\\s]*)");
  private static final Pattern ASSIGNMENT = Pattern.compile("(^|\\s)(-D|--?)?([A-Za-z_][\\w.\\-]*)=(\\S*)");
  private static final Pattern QUOTED_MEMBER = Pattern.compile("\"([^\"]+)\"(\\s*:\\s*)\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern SPLIT_FLAG = Pattern.compile("(^|\\s)(--?)([A-Za-z_][\\w.\\-]*)(\\s+)(?!-)(\\S+)");

  private final String[] patterns;
  private final java.util.Set<String> allowed;

  /** @param options the patterns and allowed keys */
  public Scrubber(ScrubOptions options) {
    this.patterns = java.util.stream.Stream.concat(ScrubOptions.DEFAULT_SECRET_PATTERNS.stream(),
      options.getSecretPatterns().stream()).distinct().toArray(String[]::new);
    this.allowed = java.util.Set.copyOf(options.getAllowedKeys());
  }

  /**
   * @param key a JSON key, environment variable or property name
   * @return whether its value is masked whole
   */
  public boolean isSecretKey(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    if (allowed.contains(lower)) {
      return false;
    }
    for (String pattern : patterns) {
      if (lower.contains(pattern)) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param json an object; not modified
   * @return a scrubbed copy
   */
  public JsonObject scrub(JsonObject json) {
    JsonObject copy = new JsonObject();
    for (Map.Entry<String, Object> entry : json) {
      copy.put(entry.getKey(), isSecretKey(entry.getKey()) && entry.getValue() != null ? MASK : scrubValue(entry.getValue()));
    }
    return copy;
  }

  /**
   * @param array an array; not modified
   * @return a scrubbed copy
   */
  public JsonArray scrub(JsonArray array) {
    JsonArray copy = new JsonArray();
    for (Object value : array) {
      copy.add(scrubValue(value));
    }
    return copy;
  }

  private Object scrubValue(Object value) {
    if (value instanceof JsonObject) {
      return scrub((JsonObject) value);
    }
    if (value instanceof JsonArray) {
      return scrub((JsonArray) value);
    }
    if (value instanceof Map || value instanceof java.util.List) {
      return scrubValue(value instanceof Map ? new JsonObject(castMap(value)) : new JsonArray((java.util.List<?>) value));
    }
    if (value instanceof CharSequence) {
      return scrub(value.toString());
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object value) {
    return (Map<String, Object>) value;
  }

  /**
   * @param text any string
   * @return the string with the URI, query-parameter and argument rules applied
   */
  public String scrub(String text) {
    String result = maskUserInfo(text);
    result = replace(QUERY_PARAM, result, m -> isSecretKey(m.group(2)) ? m.group(1) + m.group(2) + "=" + MASK : m.group());
    result = replace(ASSIGNMENT, result, m -> isSecretKey(m.group(3))
      ? m.group(1) + nullToEmpty(m.group(2)) + m.group(3) + "=" + MASK : m.group());
    result = replace(QUOTED_MEMBER, result, m -> isSecretKey(m.group(1))
      ? "\"" + m.group(1) + "\"" + m.group(2) + "\"" + MASK + "\"" : m.group());
    result = replace(SPLIT_FLAG, result, m -> isSecretKey(m.group(3))
      ? m.group(1) + m.group(2) + m.group(3) + m.group(4) + MASK : m.group());
    return result;
  }

  private static String maskUserInfo(String text) {
    return replace(URI_USERINFO, text, m -> {
      String userInfo = m.group(2);
      int slash = userInfo.indexOf('/');
      String authority = slash < 0 ? userInfo : userInfo.substring(0, slash);
      int colon = authority.indexOf(':');
      if (colon >= 0) {
        return m.group(1) + userInfo.substring(0, colon) + ":" + MASK + "@";
      }
      if (slash < 0) {
        return m.group(1) + MASK + "@";
      }
      return m.group(); // a path holding '@' (https://host/@user), not user information
    });
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> replacement) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length());
    do {
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement.apply(m)));
    } while (m.find());
    m.appendTail(sb);
    return sb.toString();
  }
}
