package dev.vitals.health.alerts.channels.impl;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.reflect.MapObjectHandler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A webhook channel's Mustache template (mustache.java), logic-less and confined: it reads maps and lists built from
 * a JSON object and nothing else. mustache.java's default object handler calls methods by name on any value
 * ({@code {{summary.length}}}, {@code {{alert.class.classLoader}}}); here {@link MapObjectHandler} only looks keys up
 * in maps, and the context holds only maps, lists, strings, numbers, booleans and nulls, so no method of any object
 * is reachable. Partials ({@code {{> name}}}) would read files or class-path resources: every name is refused, when
 * the template is compiled. {@code {{x}}} is escaped for the content type: as the content of a JSON string for a
 * JSON type, as HTML for {@code text/html}, not at all otherwise.
 */
public final class Template {

  private final Mustache mustache;

  private Template(Mustache mustache) {
    this.mustache = mustache;
  }

  /**
   * @param field       the field named in errors
   * @param text        the template
   * @param contentType the body's content type, which chooses the escaping of {@code {{x}}}
   * @return the compiled template
   * @throws IllegalArgumentException {@code "<field>: <why>"} when it does not compile (a partial, an unclosed
   *                                  section)
   */
  public static Template compile(String field, String text, String contentType) {
    Factory factory = new Factory(Escape.of(contentType));
    try {
      return new Template(factory.compile(new StringReader(text), field));
    } catch (MustacheException | UncheckedIOException e) {
      throw new IllegalArgumentException(field + ": expected a Mustache template without partials, got '" + text
        + "': " + e.getMessage(), e);
    }
  }

  /**
   * @param context the JSON object the template reads
   * @return the rendered text
   */
  public String render(JsonObject context) {
    StringWriter out = new StringWriter();
    mustache.execute(out, plain(context));
    return out.toString();
  }

  /** @return the value as maps, lists and scalars only: no object whose methods a template could reach */
  private static Object plain(Object value) {
    if (value instanceof JsonObject json) {
      Map<String, Object> map = new LinkedHashMap<>();
      json.forEach(e -> map.put(e.getKey(), plain(e.getValue())));
      return map;
    }
    if (value instanceof JsonArray array) {
      List<Object> list = new ArrayList<>();
      array.forEach(item -> list.add(plain(item)));
      return list;
    }
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    return String.valueOf(value);
  }

  /** How {@code {{x}}} is escaped. */
  private enum Escape {
    JSON, HTML, NONE;

    static Escape of(String contentType) {
      String type = contentType.toLowerCase(Locale.ROOT);
      return type.contains("json") ? JSON : type.contains("html") || type.contains("xml") ? HTML : NONE;
    }
  }

  /** A factory that resolves no partial, looks keys up in maps only and escapes for the content type. */
  private static final class Factory extends DefaultMustacheFactory {

    private final Escape escape;

    Factory(Escape escape) {
      super(name -> {
        throw new MustacheException("partials are not allowed: '" + name + "'");
      });
      this.escape = escape;
      setObjectHandler(new MapObjectHandler());
    }

    @Override
    public void encode(String value, Writer writer) {
      try {
        switch (escape) {
          case JSON -> {
            String quoted = io.vertx.core.json.Json.encode(value);
            writer.write(quoted, 1, quoted.length() - 2);
          }
          case HTML -> super.encode(value, writer);
          default -> writer.write(value);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
