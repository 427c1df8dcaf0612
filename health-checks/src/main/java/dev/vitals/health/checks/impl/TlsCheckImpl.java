package dev.vitals.health.checks.impl;

import dev.vitals.health.ProcedureResult;
import dev.vitals.health.checks.TlsCheck;
import dev.vitals.health.checks.TlsCheckOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.ConnectOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;

import java.net.InetAddress;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One TLS handshake per run, trusting any chain, judged on the chain's dates and the server certificate's names. */
public final class TlsCheckImpl implements TlsCheck {

  private static final Pattern CN = Pattern.compile("(?:^|,\\s*)CN=([^,]+)");
  private static final int SAN_DNS = 2;
  private static final int SAN_IP = 7;

  private final NetClient client;
  private final String host;
  private final int port;
  private final String name;
  private final long warnBefore;
  private final Clock clock;

  /**
   * @param vertx   the Vert.x instance to create the client on
   * @param options where to connect (a copy the check keeps)
   * @param timeout the connect and handshake timeout, in ms
   * @param clock   the time certificates are judged at
   */
  public TlsCheckImpl(Vertx vertx, TlsCheckOptions options, long timeout, Clock clock) {
    this.client = vertx.createNetClient(new NetClientOptions()
      .setConnectTimeout((int) Math.min(timeout, Integer.MAX_VALUE)));
    this.host = options.getHost();
    this.port = options.getPort();
    this.name = options.getServerName() == null ? options.getHost() : options.getServerName();
    this.warnBefore = options.getWarnBefore();
    this.clock = clock;
  }

  @Override
  public Future<ProcedureResult> run() {
    ConnectOptions connect = new ConnectOptions().setHost(host).setPort(port).setSsl(true)
      .setSslOptions(new ClientSSLOptions().setTrustAll(true).setHostnameVerificationAlgorithm(""));
    if (!isAddress(name)) {
      connect.setSniServerName(name);
    }
    return client.connect(connect)
      .compose(socket -> {
        List<Certificate> chain;
        try {
          chain = socket.peerCertificates();
        } catch (Exception e) {
          return socket.close().transform(closed -> Future.failedFuture(e));
        }
        return socket.close().otherwiseEmpty().map(closed -> judge(chain));
      })
      .otherwise(failure -> ProcedureResult.fail("TLS to " + host + ":" + port + ": " + ProcedureResult.describe(failure)));
  }

  private ProcedureResult judge(List<Certificate> chain) {
    if (chain.isEmpty() || !(chain.get(0) instanceof X509Certificate)) {
      return ProcedureResult.fail("TLS to " + host + ":" + port + ": no X.509 certificate presented");
    }
    Instant now = clock.instant();
    X509Certificate first = (X509Certificate) chain.get(0);
    for (Certificate certificate : chain) {
      X509Certificate x509 = (X509Certificate) certificate;
      if (x509.getNotAfter().toInstant().isBefore(first.getNotAfter().toInstant())) {
        first = x509;
      }
    }
    X509Certificate server = (X509Certificate) chain.get(0);
    Instant notAfter = first.getNotAfter().toInstant();
    long daysLeft = Duration.between(now, notAfter).toDays();
    JsonObject data = new JsonObject()
      .put("subject", first.getSubjectX500Principal().getName())
      .put("issuer", first.getIssuerX500Principal().getName())
      .put("notBefore", first.getNotBefore().toInstant().toString())
      .put("notAfter", notAfter.toString())
      .put("daysLeft", daysLeft);
    String whose = "certificate of " + name;
    for (Certificate certificate : chain) {
      X509Certificate x509 = (X509Certificate) certificate;
      if (now.isBefore(x509.getNotBefore().toInstant())) {
        return ProcedureResult.fail(whose + " not valid before " + x509.getNotBefore().toInstant() + " ("
          + x509.getSubjectX500Principal().getName() + ")").withData(data);
      }
    }
    if (!now.isBefore(notAfter)) {
      return ProcedureResult.fail(whose + " expired at " + notAfter + " (" + first.getSubjectX500Principal().getName()
        + ")").withData(data);
    }
    List<String> names = names(server);
    if (!matches(names, name)) {
      return ProcedureResult.fail(whose + ": the certificate is for " + String.join(", ", names) + ", not " + name)
        .withData(data);
    }
    String summary = String.format(Locale.ROOT, "%s expires in %d days (%s)", whose, daysLeft, notAfter);
    return (Duration.between(now, notAfter).toMillis() <= warnBefore
      ? ProcedureResult.warn(summary + ", within warnBefore " + Duration.ofMillis(warnBefore).toDays() + " days")
      : ProcedureResult.pass(summary)).withData(data);
  }

  /** @return the server certificate's DNS and IP subject alternative names, or its CN when it has none */
  private static List<String> names(X509Certificate certificate) {
    List<String> names = new ArrayList<>();
    try {
      Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
      if (alternatives != null) {
        for (List<?> alternative : alternatives) {
          int type = (Integer) alternative.get(0);
          if (type == SAN_DNS || type == SAN_IP) {
            names.add(String.valueOf(alternative.get(1)));
          }
        }
      }
    } catch (CertificateParsingException e) {
      // an unreadable extension: judged by the CN below
    }
    if (names.isEmpty()) {
      Matcher cn = CN.matcher(certificate.getSubjectX500Principal().getName());
      if (cn.find()) {
        names.add(cn.group(1));
      }
    }
    return names;
  }

  /** RFC 6125: a name matches exactly (case-insensitively), or a {@code *.} wildcard matches one leftmost label. */
  private static boolean matches(List<String> names, String expected) {
    String wanted = expected.toLowerCase(Locale.ROOT);
    for (String candidate : names) {
      String name = candidate.toLowerCase(Locale.ROOT);
      if (name.equals(wanted) || isAddress(wanted) && isAddress(name) && sameAddress(name, wanted)) {
        return true;
      }
      if (name.startsWith("*.") && wanted.indexOf('.') > 0
        && wanted.substring(wanted.indexOf('.')).equals(name.substring(1))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAddress(String name) {
    return name.matches("[0-9.]+") || name.contains(":");
  }

  private static boolean sameAddress(String a, String b) {
    try {
      return InetAddress.getByName(a).equals(InetAddress.getByName(b));
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public Future<Void> close() {
    return client.close().otherwiseEmpty();
  }
}
