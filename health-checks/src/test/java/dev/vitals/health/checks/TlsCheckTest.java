package dev.vitals.health.checks;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.HealthStatus;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.checks.test.TestCertificates;
import dev.vitals.health.test.Await;
import dev.vitals.health.test.MutableClock;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tls check against TLS servers holding certificates keytool makes at test time: one valid for 30 days judged
 * at several instants of a hand-moved clock (now, within 14 days of expiry, after it, before it begins), one
 * already expired, and a name that is not the certificate's.
 */
@ExtendWith(VertxExtension.class)
class TlsCheckTest {

  private static int serve(Vertx vertx, TestCertificates certificate) {
    NetServer server = vertx.createNetServer(new NetServerOptions().setSsl(true).setKeyCertOptions(
      new PemKeyCertOptions().setCertPath(certificate.certPath().toString())
        .setKeyPath(certificate.keyPath().toString())));
    return Await.result(server.connectHandler(socket -> { }).listen(0, "127.0.0.1")).actualPort();
  }

  private static ProcedureResult run(Vertx vertx, int port, String serverName, MutableClock clock) {
    TlsCheckOptions options = new TlsCheckOptions(new JsonObject().put("host", "127.0.0.1").put("port", port)
      .put("serverName", serverName).put("warnBefore", "336h"));
    CheckOptions tls = new CheckOptions("tls");
    TlsCheck check = clock == null ? TlsCheck.create(vertx, tls, options) : TlsCheck.create(vertx, tls, options, clock);
    try {
      return Await.result(check.run());
    } finally {
      Await.result(check.close());
    }
  }

  @Test
  void expiryAndValidityAreJudgedAtTheClocksTime(Vertx vertx, @TempDir Path dir) throws Exception {
    int port = serve(vertx, TestCertificates.create(dir, "api", "dns:localhost,dns:*.example.com", null, 30));
    MutableClock clock = new MutableClock(Instant.now());

    ProcedureResult valid = run(vertx, port, "localhost", clock);
    assertThat(valid.status()).as(valid.toString()).isEqualTo(HealthStatus.PASS);
    assertThat(valid.output()).startsWith("certificate of localhost expires in 29 days (");
    assertThat(valid.data().getString("subject")).isEqualTo("CN=api");
    assertThat(valid.data().getString("issuer")).isEqualTo("CN=api");
    assertThat(Instant.parse(valid.data().getString("notAfter"))).isAfter(clock.instant().plus(Duration.ofDays(29)));

    assertThat(run(vertx, port, "orders.example.com", clock).status()).as("wildcard").isEqualTo(HealthStatus.PASS);

    clock.advance(Duration.ofDays(27));
    ProcedureResult expiring = run(vertx, port, "localhost", clock);
    assertThat(expiring.status()).isEqualTo(HealthStatus.WARN);
    assertThat(expiring.output()).startsWith("certificate of localhost expires in 2 days (")
      .endsWith("within warnBefore 14 days");

    clock.advance(Duration.ofDays(4));
    ProcedureResult expired = run(vertx, port, "localhost", clock);
    assertThat(expired.status()).isEqualTo(HealthStatus.FAIL);
    assertThat(expired.output()).startsWith("certificate of localhost expired at ");

    clock.advance(Duration.ofDays(-33));
    ProcedureResult early = run(vertx, port, "localhost", clock);
    assertThat(early.status()).isEqualTo(HealthStatus.FAIL);
    assertThat(early.output()).startsWith("certificate of localhost not valid before ");
  }

  @Test
  void anExpiredCertificateOrAnotherNameFails(Vertx vertx, @TempDir Path dir) throws Exception {
    int expiredPort = serve(vertx, TestCertificates.create(dir, "old", "dns:localhost", "-10d", 2));
    ProcedureResult expired = run(vertx, expiredPort, "localhost", null);
    assertThat(expired.status()).isEqualTo(HealthStatus.FAIL);
    assertThat(expired.output()).startsWith("certificate of localhost expired at ").endsWith("(CN=old)");

    int soonPort = serve(vertx, TestCertificates.create(dir, "soon", "dns:localhost,ip:127.0.0.1", null, 3));
    assertThat(run(vertx, soonPort, "localhost", null).status()).isEqualTo(HealthStatus.WARN);
    assertThat(run(vertx, soonPort, "127.0.0.1", null).status()).as("an IP SAN").isEqualTo(HealthStatus.WARN);

    ProcedureResult otherName = run(vertx, soonPort, "api.example.org", null);
    assertThat(otherName.status()).isEqualTo(HealthStatus.FAIL);
    assertThat(otherName.output())
      .isEqualTo("certificate of api.example.org: the certificate is for localhost, 127.0.0.1, not api.example.org");
  }

  @Test
  void noTlsServerFails(Vertx vertx) {
    int plain = Await.result(vertx.createNetServer().connectHandler(socket -> socket.write("not TLS\r\n"))
      .listen(0, "127.0.0.1")).actualPort();
    ProcedureResult result = run(vertx, plain, "localhost", null);
    assertThat(result.status()).isEqualTo(HealthStatus.FAIL);
    assertThat(result.output()).startsWith("TLS to 127.0.0.1:" + plain + ": ");
  }
}
