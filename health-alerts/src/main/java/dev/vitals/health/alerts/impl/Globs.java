package dev.vitals.health.alerts.impl;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The matcher rules, windows and silences share: check name globs ({@code *} any run of characters, {@code /}
 * included, so {@code db/*} matches every check of the group {@code db}; {@code ?} one character) and tags (any
 * of). An empty list of globs or of tags matches every check.
 */
public final class Globs {

  private Globs() {
  }

  /**
   * @param glob a name glob
   * @return the pattern matching the whole name
   */
  public static Pattern compile(String glob) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*' || c == '?') {
        if (!literal.isEmpty()) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (!literal.isEmpty()) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  /**
   * @param globs the globs, compiled; empty matches every name
   * @param name  a check's name
   * @return whether one glob matches the whole name
   */
  public static boolean anyMatches(List<Pattern> globs, String name) {
    if (globs.isEmpty()) {
      return true;
    }
    for (Pattern glob : globs) {
      if (glob.matcher(name).matches()) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param wanted the tags asked for; empty matches every check
   * @param tags   a check's tags
   * @return whether the check has one of them
   */
  public static boolean anyTag(Collection<String> wanted, Set<String> tags) {
    if (wanted.isEmpty()) {
      return true;
    }
    for (String tag : wanted) {
      if (tags.contains(tag)) {
        return true;
      }
    }
    return false;
  }

  /** @return the globs compiled, in order */
  public static List<Pattern> compileAll(Collection<String> globs) {
    return globs.stream().map(Globs::compile).toList();
  }
}
