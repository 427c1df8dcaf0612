package dev.vitals.status.consul;

/**
 * Why a call to the Consul agent failed. Its message is what {@code /status} shows as {@code error} and what the
 * maintenance admin endpoint answers, one of:
 * <ul>
 *   <li>{@code Consul answered <code>: <body>} for a non-2xx answer, with Consul's plain-text body (at most 200
 *   characters), such as {@code Consul answered 403: Permission denied} or
 *   {@code Consul answered 404: No service registered with ID "web"};</li>
 *   <li>{@code Consul did not answer <METHOD> <path> within <n> ms} when the request timed out;</li>
 *   <li>{@code cannot reach Consul at <address>: <cause>} when the connection failed (refused, reset, TLS);</li>
 *   <li>{@code Consul answered malformed JSON for <path>: <detail>} or
 *   {@code Consul has no checks for node '<node>': is it registered?} (a {@code 200 []} answer) for answers
 *   that cannot be used;</li>
 *   <li>{@code consul.tokenFile: cannot read '<path>': <cause>} when the token file cannot be read;</li>
 *   <li>{@code closed} once the source is closed.</li>
 * </ul>
 * It carries no stack trace: these are expected, retried conditions, not programming errors.
 */
public class ConsulException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The HTTP status Consul answered with, or 0. */
  private final int statusCode;

  /**
   * @param message    the message, in one of the forms listed on this class
   * @param statusCode the HTTP status Consul answered with, or 0 when it did not answer
   */
  public ConsulException(String message, int statusCode) {
    super(message, null, false, false);
    this.statusCode = statusCode;
  }

  /** @return the HTTP status Consul answered with (200 for an unusable 2xx body), or 0 when it did not answer */
  public int statusCode() {
    return statusCode;
  }
}
