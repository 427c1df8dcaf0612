package dev.vitals.status.consul.impl;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A Consul agent's HTTP address as the Consul CLI reads {@code CONSUL_HTTP_ADDR}: {@code host:port},
 * {@code http://host:port} or {@code https://host:port}. Like the CLI, a missing port means the scheme's default
 * (80 or 443), not 8500.
 */
public final class AgentAddress {

  private final boolean ssl;
  private final String host;
  private final int port;

  private AgentAddress(boolean ssl, String host, int port) {
    this.ssl = ssl;
    this.host = host;
    this.port = port;
  }

  /**
   * @param address  the address as written in options or the environment
   * @param forceSsl {@code true} to use https whatever the scheme says ({@code CONSUL_HTTP_SSL=true})
   * @param field    the option or variable the address came from, named in errors
   * @return the parsed address
   * @throws IllegalArgumentException {@code "<field>: expected host:port, http://host:port or https://host:port,
   *                                  got '<address>'"}
   */
  public static AgentAddress parse(String address, boolean forceSsl, String field) {
    String text = address.trim();
    String withScheme = text.contains("://") ? text : "http://" + text;
    try {
      URI uri = new URI(withScheme);
      String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
      boolean bare = uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/");
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getUserInfo() == null
        && bare && uri.getQuery() == null && uri.getFragment() == null) {
        boolean ssl = forceSsl || scheme.equals("https");
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
          : uri.getHost();
        return new AgentAddress(ssl, host, uri.getPort() >= 0 ? uri.getPort() : ssl ? 443 : 80);
      }
    } catch (URISyntaxException e) {
      // reported below with the field's name
    }
    throw new IllegalArgumentException(field + ": expected host:port, http://host:port or https://host:port, got '"
      + address + "'");
  }

  /** @return whether the agent is spoken to over TLS */
  public boolean ssl() {
    return ssl;
  }

  /** @return the host name or IP address, IPv6 without brackets */
  public String host() {
    return host;
  }

  /** @return the TCP port */
  public int port() {
    return port;
  }

  @Override
  public String toString() {
    return (ssl ? "https://" : "http://") + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
