package dev.vitals.health.web.internal;

import io.vertx.ext.web.MIMEHeader;

import java.util.List;
import java.util.function.Function;

/**
 * Chooses a format from an {@code Accept} header (RFC 9110 section 12.5.1): for each format the most specific
 * matching media range gives its quality; the format with the highest quality above 0 wins, the server's order
 * breaking ties. Parsing is vertx-web's. health-metrics negotiates the Prometheus formats with it.
 */
public final class Negotiation {

  private Negotiation() {
  }

  /**
   * @param accepted  the request's parsed {@code Accept} ranges; {@code null} or empty when it sent none
   * @param formats   the formats on offer, the server's preferred first; not empty
   * @param mediaType a format's media type, such as {@code application/json}
   * @param <F>       the type of a format ({@code HealthFormat} for {@code /health})
   * @return the chosen format (the first on offer when the request accepts anything), or {@code null} when none is
   * acceptable
   */
  public static <F> F choose(List<MIMEHeader> accepted, List<F> formats, Function<F, String> mediaType) {
    if (accepted == null || accepted.isEmpty()) {
      return formats.get(0);
    }
    F best = null;
    float bestQuality = 0;
    for (F format : formats) {
      float quality = quality(accepted, mediaType.apply(format));
      if (quality > bestQuality) {
        best = format;
        bestQuality = quality;
      }
    }
    return best;
  }

  /**
   * @param accepted  the request's parsed {@code Accept} ranges
   * @param mediaType a media type such as {@code text/plain}
   * @return the quality the most specific matching range gives it; 0 when none matches
   */
  public static float quality(List<MIMEHeader> accepted, String mediaType) {
    int slash = mediaType.indexOf('/');
    String type = mediaType.substring(0, slash);
    String subtype = mediaType.substring(slash + 1);
    int bestSpecificity = -1;
    float quality = 0;
    for (MIMEHeader range : accepted) {
      int specificity;
      if (range.component().equals("*")) {
        specificity = 0;
      } else if (!range.component().equalsIgnoreCase(type)) {
        continue;
      } else if (range.subComponent().equals("*")) {
        specificity = 1;
      } else if (range.subComponent().equalsIgnoreCase(subtype)) {
        specificity = 2;
      } else {
        continue;
      }
      if (specificity > bestSpecificity) {
        bestSpecificity = specificity;
        quality = range.weight();
      }
    }
    return quality;
  }
}
