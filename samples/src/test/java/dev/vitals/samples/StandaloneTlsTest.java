package dev.vitals.samples;

import dev.vitals.health.checks.test.TestCertificates;
import dev.vitals.health.test.Await;
import dev.vitals.health.test.LogCapture;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static dev.vitals.health.test.Await.result;
import static dev.vitals.health.test.Await.poll;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code http.ssl}: the endpoints over TLS with PEM files, client certificates, and a rotated certificate served. */
@ExtendWith(VertxExtension.class)
class StandaloneTlsTest {

  /** Stops watching the files before the temporary directory goes. */
  @AfterEach
  void undeploy(Vertx vertx) {
    vertx.deploymentIDs().forEach(id -> result(vertx.undeploy(id)));
  }

  private static JsonObject tls(TestCertificates server) {
    return new JsonObject().put("host", "127.0.0.1").put("port", 0).put("ssl", true)
      .put("certPath", server.certPath().toString()).put("keyPath", server.keyPath().toString());
  }

  private static int deploy(Vertx vertx, JsonObject http) {
    JsonObject config = Standalone.config().put("http", http)
      .put("reload", new JsonObject().put("scanPeriod", "20ms"))
      .put("shutdown", new JsonObject().put("drainDelay", 0));
    StandaloneVerticle verticle = new StandaloneVerticle(Map.of());
    result(vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(config)));
    return verticle.actualPort();
  }

  /** A client trusting only this certificate, checking the host name. */
  private static WebClient trusting(Vertx vertx, TestCertificates trusted) {
    return WebClient.create(vertx, new WebClientOptions().setSsl(true).setVerifyHost(true)
      .setTrustOptions(new PemTrustOptions().addCertPath(trusted.certPath().toString())));
  }

  private static Future<HttpResponse<Buffer>> health(WebClient client, int port) {
    return client.get(port, "localhost", "/health").send();
  }

  @Test
  void servesTlsAndTheNewCertificateOnceTheFilesChange(Vertx vertx, @TempDir Path dir) throws Exception {
    TestCertificates served = TestCertificates.create(dir, "served");
    TestCertificates first = TestCertificates.create(dir, "first");
    TestCertificates rotated = TestCertificates.create(dir, "rotated");
    first.copyTo(served);
    int port = deploy(vertx, tls(served));
    assertThat(result(health(trusting(vertx, first), port)).statusCode()).isEqualTo(200);
    assertThat(dev.vitals.health.test.Await.failure(health(trusting(vertx, rotated), port))).hasMessageContaining("SSL");

    rotated.copyTo(served);
    WebClient rotatedClient = trusting(vertx, rotated);
    assertThat(poll(() -> result(health(rotatedClient, port).otherwiseEmpty()), r -> r != null, r -> "still refused")
      .statusCode())
      .isEqualTo(200);
    assertThat(dev.vitals.health.test.Await.failure(health(trusting(vertx, first), port))).hasMessageContaining("SSL");
  }

  @Test
  void aClientCaRequiresAClientCertificateSignedByIt(Vertx vertx, @TempDir Path dir) throws Exception {
    TestCertificates server = TestCertificates.create(dir, "server");
    TestCertificates client = TestCertificates.create(dir, "client");
    TestCertificates stranger = TestCertificates.create(dir, "stranger");
    int port = deploy(vertx, tls(server).put("clientCaPath", client.certPath().toString()));

    WebClientOptions options = new WebClientOptions().setSsl(true)
      .setTrustOptions(new PemTrustOptions().addCertPath(server.certPath().toString()));
    // Vert.x logs each refused handshake (on either side) as SEVERE: held back, and only those.
    try (LogCapture refused = LogCapture.of("io.vertx.core.net.impl.ConnectionBase")) {
      assertThat(Await.failure(health(WebClient.create(vertx, options), port))).isNotNull();
      assertThat(Await.failure(health(WebClient.create(vertx, new WebClientOptions(options)
        .setKeyCertOptions(new PemKeyCertOptions().setCertPath(stranger.certPath().toString())
          .setKeyPath(stranger.keyPath().toString()))), port))).isNotNull();
      assertThat(refused.messages()).allMatch(line -> line.contains("SSLHandshakeException"));
    }
    assertThat(result(health(WebClient.create(vertx, new WebClientOptions(options)
      .setKeyCertOptions(new PemKeyCertOptions().setCertPath(client.certPath().toString())
        .setKeyPath(client.keyPath().toString()))), port)).statusCode()).isEqualTo(200);
  }

  @Test
  void unreadableFilesFailTheStartNamingTheKey(Vertx vertx, @TempDir Path dir) {
    JsonObject config = Standalone.config().put("http", new JsonObject().put("port", 0).put("ssl", true)
      .put("certPath", dir.resolve("missing.pem").toString()).put("keyPath", dir.resolve("missing-key.pem").toString()));
    Throwable failure = dev.vitals.health.test.Await.failure(vertx.deployVerticle(new StandaloneVerticle(Map.of()),
      new DeploymentOptions().setConfig(config)));
    assertThat(failure).isInstanceOf(IllegalArgumentException.class)
      .hasMessageStartingWith("/http/certPath: cannot read the TLS files");
  }
}
