package dev.vitals.health.web.heartbeat.impl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code repr()} of the arguments of a Python log record ({@code ('world', 3)}, {@code None},
 * {@code {'user': 'ada'}}) as Python's {@code logging.handlers.HTTPHandler} sends it. Only literals: strings,
 * numbers, {@code None}, {@code True}, {@code False}, and tuples, lists and dicts of them; anything else (an
 * object's {@code <Foo at 0x...>} repr) makes {@link #parse} throw, and the message is then shown unformatted.
 * Containers nest at most {@value #MAX_DEPTH} deep: deeper input throws {@link TooDeep}, so that a crafted
 * {@code args} of thousands of {@code [} cannot overflow the stack.
 */
final class PythonLiteral {

  /** A parsed value and the exact text it came from (what {@code %r} shows). */
  record Value(Object value, String repr) {
  }

  /** The deepest nesting of tuples, lists and dicts accepted: 32 levels. */
  static final int MAX_DEPTH = 32;

  /** Thrown when containers nest deeper than {@link #MAX_DEPTH}: the request is refused, not shown unformatted. */
  static final class TooDeep extends IllegalArgumentException {
    TooDeep() {
      super("args: nested deeper than " + MAX_DEPTH + " levels");
    }
  }

  private final String text;
  private int pos;
  private int depth;

  private PythonLiteral(String text) {
    this.text = text;
  }

  /**
   * @param repr the repr text
   * @return the value: {@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code null}, a
   * {@code List<Value>} (tuple or list) or a {@code Map<String, Value>} (dict with string keys)
   * @throws TooDeep when containers nest deeper than {@link #MAX_DEPTH}
   * @throws IllegalArgumentException when the text is not such a literal
   */
  static Value parse(String repr) {
    PythonLiteral parser = new PythonLiteral(repr);
    Value value = parser.value();
    parser.skipSpaces();
    if (parser.pos != repr.length()) {
      throw new IllegalArgumentException("trailing text at " + parser.pos);
    }
    return value;
  }

  private Value value() {
    skipSpaces();
    int start = pos;
    Object value;
    char c = peek();
    if (c == '\'' || c == '"') {
      value = string();
    } else if (c == '(' || c == '[' || c == '{') {
      if (++depth > MAX_DEPTH) {
        throw new TooDeep();
      }
      value = c == '{' ? dict() : sequence(c == '(' ? ')' : ']');
      depth--;
    } else if (text.startsWith("None", pos)) {
      pos += 4;
      value = null;
    } else if (text.startsWith("True", pos)) {
      pos += 4;
      value = Boolean.TRUE;
    } else if (text.startsWith("False", pos)) {
      pos += 5;
      value = Boolean.FALSE;
    } else {
      value = number();
    }
    return new Value(value, text.substring(start, pos));
  }

  private char peek() {
    if (pos >= text.length()) {
      throw new IllegalArgumentException("unexpected end");
    }
    return text.charAt(pos);
  }

  private void skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private String string() {
    char quote = text.charAt(pos++);
    StringBuilder sb = new StringBuilder();
    while (true) {
      char c = peek();
      pos++;
      if (c == quote) {
        return sb.toString();
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = peek();
      pos++;
      switch (e) {
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case '\\', '\'', '"' -> sb.append(e);
        case 'x' -> sb.append((char) hex(2));
        case 'u' -> sb.append((char) hex(4));
        case 'U' -> sb.appendCodePoint(hex(8));
        default -> throw new IllegalArgumentException("unknown escape \\" + e);
      }
    }
  }

  private int hex(int digits) {
    if (pos + digits > text.length()) {
      throw new IllegalArgumentException("short escape");
    }
    int value = Integer.parseUnsignedInt(text.substring(pos, pos + digits), 16);
    pos += digits;
    return value;
  }

  private List<Value> sequence(char close) {
    pos++;
    List<Value> items = new ArrayList<>();
    skipSpaces();
    while (peek() != close) {
      items.add(value());
      skipSpaces();
      if (peek() == ',') {
        pos++;
        skipSpaces();
      } else if (peek() != close) {
        throw new IllegalArgumentException("expected , or " + close + " at " + pos);
      }
    }
    pos++;
    return items;
  }

  private Map<String, Value> dict() {
    pos++;
    Map<String, Value> entries = new LinkedHashMap<>();
    skipSpaces();
    while (peek() != '}') {
      Value key = value();
      if (!(key.value() instanceof String)) {
        throw new IllegalArgumentException("only string keys");
      }
      skipSpaces();
      if (peek() != ':') {
        throw new IllegalArgumentException("expected : at " + pos);
      }
      pos++;
      entries.put((String) key.value(), value());
      skipSpaces();
      if (peek() == ',') {
        pos++;
        skipSpaces();
      } else if (peek() != '}') {
        throw new IllegalArgumentException("expected , or } at " + pos);
      }
    }
    pos++;
    return entries;
  }

  private Object number() {
    int start = pos;
    while (pos < text.length() && "+-0123456789.eE_".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    String token = text.substring(start, pos).replace("_", "");
    if (token.isEmpty()) {
      throw new IllegalArgumentException("not a literal at " + start);
    }
    try {
      return token.contains(".") || token.contains("e") || token.contains("E")
        ? (Object) Double.parseDouble(token) : (Object) Long.parseLong(token);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number: " + token);
    }
  }
}
