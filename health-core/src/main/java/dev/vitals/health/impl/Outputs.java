package dev.vitals.health.impl;

/** Outputs cut to a bound, so that a check reporting 60 KB outputs cannot make what is kept of it that large. */
public final class Outputs {

  private Outputs() {
  }

  /**
   * @param output an output, {@code null} read as empty
   * @param max    the longest result, in characters (UTF-16 code units)
   * @return the output, or its first {@code max - 1} characters and an ellipsis ({@code …}), never half a character
   */
  public static String cut(String output, int max) {
    if (output == null) {
      return "";
    }
    if (output.length() <= max) {
      return output;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(output.charAt(end - 1))) {
      end--;
    }
    return output.substring(0, end) + "…";
  }
}
