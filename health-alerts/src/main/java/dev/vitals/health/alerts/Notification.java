package dev.vitals.health.alerts;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * What a channel delivers: an alert firing, a reminder that it still fires, or its resolution. Immutable. JSON form
 * (the context of a webhook channel's template, and the body of a webhook channel without one):
 * <pre>{@code
 * {"kind": "firing",                       // firing, reminder or resolved
 *  "summary": "db fails: Connection refused; blocks: invoices, orders",
 *  "alert": {...},                         // the alert, as Alert's JSON form
 *  "timestamp": "2026-12-06T12:00:05Z"}    // when the notification was made
 * }</pre>
 *
 * @param kind      what happened
 * @param alert     the alert it is about; for {@link Kind#RESOLVED}, the alert as it was when it last fired
 * @param timestamp when the notification was made
 */
public record Notification(Kind kind, Alert alert, Instant timestamp) {

  /** What happened to the alert. */
  public enum Kind {
    /** The alert began. */
    FIRING,
    /** The alert still fires, {@code repeatEvery} after its last message. */
    REMINDER,
    /** The alert ended: its check recovered (as its rule's {@code successesBefore} counts), or was removed. */
    RESOLVED;

    /** @return the JSON name: {@code firing}, {@code reminder}, {@code resolved} */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Checks the fields.
   *
   * @param kind what happened
   * @param alert the alert it is about; for {@link Kind#RESOLVED}, the alert as it was when it last fired
   * @param timestamp when the notification was made
   * @throws NullPointerException when a field is null
   */
  public Notification {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(alert, "alert");
    Objects.requireNonNull(timestamp, "timestamp");
  }

  /**
   * @return one line for humans: the alert's {@link Alert#summary()} for firing and reminders,
   * {@code "db recovered"} (and {@code "; it blocked invoices, orders"}) when resolved
   */
  public String summary() {
    if (kind != Kind.RESOLVED) {
      return alert.summary();
    }
    return alert.check() + " recovered" + (alert.blocks().isEmpty() ? ""
      : "; it blocked " + String.join(", ", alert.blocks()));
  }

  /** @return the JSON form described on this class */
  public JsonObject toJson() {
    return new JsonObject().put("kind", kind.wireName()).put("summary", summary()).put("alert", alert.toJson())
      .put("timestamp", timestamp.toString());
  }
}
