package dev.vitals.health.web.history.impl;

/**
 * A status badge as SVG, in the flat style READMEs and wikis show: the check's name on grey, its status word and 24 h
 * availability on the status's colour. Text is escaped for XML; widths are estimated from the characters (no font
 * metrics at hand), generously, so that text never overflows its box. No script, no external reference.
 */
final class Badge {

  private Badge() {
  }

  /** Verdana 11 px averages about 6.5 px a character; wide ones count more. */
  private static int width(String text) {
    double width = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      width += "mwMW%@".indexOf(c) >= 0 ? 10 : "il.,:;|!' ".indexOf(c) >= 0 ? 3.5 : Character.isUpperCase(c) ? 8 : 6.8;
    }
    return (int) Math.ceil(width) + 12;
  }

  /**
   * @param name   the check's name
   * @param status {@code pass}, {@code warn}, {@code fail} or {@code unknown}
   * @param value  the right-hand text, such as {@code pass · 99.95 %}
   * @return the SVG document
   */
  static String svg(String name, String status, String value) {
    String colour = switch (status) {
      case "pass" -> "#1a7f37";
      case "warn" -> "#9a6700";
      case "fail" -> "#cf222e";
      default -> "#6e7781";
    };
    String label = Dashboard.escape(name);
    String text = Dashboard.escape(value);
    int left = width(name);
    int right = width(value);
    int total = left + right;
    StringBuilder svg = new StringBuilder(900);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(total).append("\" height=\"20\" role=\"img\" ")
      .append("aria-label=\"").append(label).append(": ").append(text).append("\">")
      .append("<title>").append(label).append(": ").append(text).append("</title>")
      .append("<linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\".1\"/>")
      .append("<stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>")
      .append("<clipPath id=\"r\"><rect width=\"").append(total).append("\" height=\"20\" rx=\"3\" fill=\"#fff\"/></clipPath>")
      .append("<g clip-path=\"url(#r)\"><rect width=\"").append(left).append("\" height=\"20\" fill=\"#555\"/>")
      .append("<rect x=\"").append(left).append("\" width=\"").append(right).append("\" height=\"20\" fill=\"")
      .append(colour).append("\" data-status=\"").append(status).append("\"/>")
      .append("<rect width=\"").append(total).append("\" height=\"20\" fill=\"url(#s)\"/></g>")
      .append("<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" ")
      .append("font-size=\"11\">")
      .append("<text x=\"").append(left / 2.0).append("\" y=\"14\">").append(label).append("</text>")
      .append("<text x=\"").append(left + right / 2.0).append("\" y=\"14\">").append(text).append("</text></g></svg>");
    return svg.toString();
  }
}
