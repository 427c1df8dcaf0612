package dev.vitals.samples;

import dev.vitals.samples.impl.StandaloneAlerts;
import dev.vitals.health.test.RawConnection;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.vitals.health.test.Await.poll;
import static dev.vitals.health.test.Await.result;
import static dev.vitals.samples.Standalone.deploy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code alerts} section at work in the standalone verticle, through real HTTP: checks against a loopback server
 * whose answers the test switches, a webhook channel to a loopback receiver, the {@code /alerts} API behind the admin
 * token, silences kept beside the config file, a real Alertmanager, and the alerts' meters at {@code /metrics}.
 */
@ExtendWith(VertxExtension.class)
class StandaloneAlertsTest {

  private static final String TOKEN = "admin-s3cret";

  @TempDir
  Path dir;
  private Vertx vertx;
  private WebClient client;
  /** The checks' upstream: answers each path with the status the test sets (200 when none is set). */
  private HttpServer upstream;
  private final Map<String, Integer> answers = new ConcurrentHashMap<>();
  /** The webhook channel's receiver: every notification POSTed to it. */
  private HttpServer receiver;
  private final List<JsonObject> received = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    client = WebClient.create(vertx);
    upstream = result(vertx.createHttpServer().requestHandler(request -> request.response()
      .setStatusCode(answers.getOrDefault(request.path(), 200)).end("answered " + request.path()))
      .listen(0, "127.0.0.1"));
    Router hook = Router.router(vertx);
    hook.post("/hook").handler(BodyHandler.create()).handler(ctx -> {
      received.add(ctx.body().asJsonObject());
      ctx.response().setStatusCode(204).end();
    });
    receiver = result(vertx.createHttpServer().requestHandler(hook).listen(0, "127.0.0.1"));
  }

  /** Undeploys before the temporary directory goes (a verticle would write its silences file into it). */
  @AfterEach
  void stop() {
    vertx.deploymentIDs().forEach(id -> result(vertx.undeploy(id)));
  }

  /** An http check of {@code upstream}'s path, run every 100 ms whatever asks, its results never reused. */
  private JsonObject check(String name) {
    return new JsonObject().put("name", name).put("type", "http")
      .put("url", "http://127.0.0.1:" + upstream.actualPort() + "/" + name).put("timeout", "1s")
      .put("refreshPeriod", "100ms").put("successTtl", 0).put("failureTtl", 0).put("maxStale", 0);
  }

  private JsonObject webhook(String name) {
    return new JsonObject().put("type", "webhook").put("name", name)
      .put("url", "http://127.0.0.1:" + receiver.actualPort() + "/hook").put("retryDelay", "50ms");
  }

  /** The config: the checks, the admin token, and an alerts section with these channels and a short groupWait. */
  private static JsonObject config(String groupWait, JsonArray channels, JsonObject... checks) {
    return Standalone.config(checks)
      .put("application", new JsonObject().put("name", "shop").put("serviceId", "web-1"))
      .put("admin", new JsonObject().put("token", TOKEN))
      .put("alerts", new JsonObject().put("channels", channels).put("groupWait", groupWait)
        .put("evaluateEvery", "50ms"));
  }

  private HttpResponse<Buffer> get(int port, String path) {
    return result(client.get(port, "127.0.0.1", path).send());
  }

  private JsonObject alerts(int port) {
    HttpResponse<Buffer> answer = get(port, "/alerts");
    assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
    return answer.bodyAsJsonObject();
  }

  private static List<String> activeChecks(JsonObject alerts) {
    return alerts.getJsonArray("alerts").stream().map(a -> ((JsonObject) a).getString("check")).toList();
  }

  private List<JsonObject> notifications(String kind, String check) {
    return received.stream().filter(n -> kind.equals(n.getString("kind"))
      && check.equals(n.getJsonObject("alert").getString("check"))).toList();
  }

  private JsonObject awaitNotification(String kind, String check) {
    return poll(() -> notifications(kind, check), list -> !list.isEmpty(), list -> "received " + received).get(0);
  }

  /** @return the samples of the scrape named {@code name}, by their labels (each label set sorted by name) */
  private Map<Map<String, String>, Double> samples(int port, String name) {
    HttpResponse<Buffer> scrape = get(port, "/metrics");
    assertThat(scrape.statusCode()).isEqualTo(200);
    Map<Map<String, String>, Double> samples = new HashMap<>();
    Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(?:\\{(.*)})? (\\S+)$", Pattern.MULTILINE);
    Pattern label = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    Matcher m = line.matcher(scrape.bodyAsString());
    while (m.find()) {
      Map<String, String> labels = new java.util.TreeMap<>();
      Matcher l = label.matcher(m.group(1) == null ? "" : m.group(1));
      while (l.find()) {
        labels.put(l.group(1), l.group(2));
      }
      samples.put(labels, Double.parseDouble(m.group(2)));
    }
    return samples;
  }

  /**
   * A maintenance window open now (every minute, for two) with statusMaintenance: /status and readiness say
   * maintenance, the window's alerts are held back and counted, and GET /alerts shows the window open.
   */
  @Test
  void anOpenWindowWithStatusMaintenancePutsStatusInMaintenanceAndHoldsItsAlerts() {
    answers.put("/db", 503);
    JsonObject config = config("0ms", new JsonArray().add(webhook("hook")), check("db"));
    config.getJsonObject("alerts").put("windows", new JsonArray().add(new JsonObject().put("name", "nightly")
      .put("cron", "* * * * *").put("duration", "2m").put("checks", new JsonArray().add("db"))
      .put("statusMaintenance", true)));
    int port = result(deploy(vertx, config)).actualPort();

    HttpResponse<Buffer> status = poll(() -> get(port, "/status"), answer -> answer.statusCode() == 503,
      answer -> "/status " + answer.statusCode() + " " + answer.bodyAsString());
    assertThat(status.bodyAsJsonObject().getString("status")).isEqualTo("maintenance");
    assertThat(status.bodyAsJsonObject().getString("reason")).contains("nightly");
    assertThat(get(port, "/health/ready").statusCode()).as("readiness fails in maintenance").isEqualTo(503);
    JsonObject held = poll(() -> alerts(port), a -> a.getJsonObject("suppressed").getLong("window") > 0,
      a -> "alerts " + a.encode());
    assertThat(activeChecks(held)).containsExactly("db");
    assertThat(held.getJsonArray("windows").getJsonObject(0).getBoolean("open")).isTrue();
    assertThat(received).as("held back by the window").isEmpty();
  }

  @Test
  void aFailingCheckFiresAtTheWebhookIsListedAndResolvesWhenItRecovers() {
    answers.put("/db", 500);
    int dead = Standalone.closedPortUnchecked();
    JsonArray channels = new JsonArray().add(webhook("hook")).add(new JsonObject().put("type", "webhook")
      .put("name", "dead").put("url", "http://127.0.0.1:" + dead + "/hook").put("retries", 0));
    int port = result(deploy(vertx, config("100ms", channels, check("db")))).actualPort();

    JsonObject firing = awaitNotification("firing", "db");
    assertThat(firing.getString("summary")).startsWith("db fails: ").contains("500");
    assertThat(firing.getJsonObject("alert").getJsonObject("labels").getMap()).containsAllEntriesOf(Map.of(
      "check", "db", "instance", "web-1", "application", "shop", "severity", "critical"));
    // The sink counts the delivery once the receiver's answer is in, a moment after the receiver has the body.
    JsonObject listed = poll(() -> alerts(port), a -> a.getJsonObject("channels").getJsonObject("hook")
      .getLong("sent") == 1, JsonObject::encode);
    assertThat(activeChecks(listed)).containsExactly("db");
    assertThat(listed.getJsonArray("alerts").getJsonObject(0).getBoolean("sent")).isTrue();

    // The meters: one series per channel and outcome, the dead channel's failure counted apart.
    Map<Map<String, String>, Double> sent = poll(() -> samples(port, "vitals_alerts_total"),
      s -> s.getOrDefault(Map.of("channel", "dead", "outcome", "failed"), 0.0) == 1.0, s -> "series " + s);
    Set<String> series = new TreeSet<>();
    sent.keySet().forEach(labels -> series.add(labels.get("channel") + ":" + labels.get("outcome")));
    assertThat(series).containsExactly("dead:dropped", "dead:failed", "dead:sent", "hook:dropped", "hook:failed",
      "hook:sent");
    assertThat(sent).containsEntry(Map.of("channel", "hook", "outcome", "sent"), 1.0)
      .containsEntry(Map.of("channel", "hook", "outcome", "failed"), 0.0)
      .containsEntry(Map.of("channel", "dead", "outcome", "sent"), 0.0);
    assertThat(samples(port, "vitals_alerts_active")).containsExactly(Map.entry(Map.of(), 1.0));
    assertThat(samples(port, "vitals_alerts_suppressed_total")).containsExactlyInAnyOrderEntriesOf(Map.of(
      Map.of("reason", "silence"), 0.0, Map.of("reason", "window"), 0.0, Map.of("reason", "overflow"), 0.0));

    answers.put("/db", 200);
    JsonObject resolved = awaitNotification("resolved", "db");
    assertThat(resolved.getString("summary")).isEqualTo("db recovered");
    assertThat(activeChecks(alerts(port))).isEmpty();
    assertThat(samples(port, "vitals_alerts_active")).containsExactly(Map.entry(Map.of(), 0.0));
    poll(() -> samples(port, "vitals_alerts_total"), s -> s.get(Map.of("channel", "hook", "outcome", "sent")) == 2.0,
      s -> "series " + s);
    assertThat(notifications("firing", "db")).as("one firing message").hasSize(1);
  }

  @Test
  void onlyTheRootCauseFiresListingWhatItBlocks() {
    answers.put("/db", 503);
    // groupWait of several refresh periods: orders' blocked runs come in before db's firing message goes.
    int port = result(deploy(vertx, config("500ms", new JsonArray().add(webhook("hook")), check("db"),
      check("orders").put("dependsOn", new JsonArray().add("db"))))).actualPort();

    JsonObject firing = awaitNotification("firing", "db");
    assertThat(firing.getJsonObject("alert").getJsonArray("blocks").stream().toList()).containsExactly("orders");
    assertThat(firing.getString("summary")).endsWith("; blocks: orders");
    JsonObject listed = alerts(port);
    assertThat(activeChecks(listed)).as("orders ran, blocked, and does not alert").containsExactly("db");
    assertThat(get(port, "/health/ui").bodyAsString()).as("the dashboard shows it")
      .contains("<li data-alert=\"db\">", "; blocks orders");
    assertThat(received).extracting(n -> n.getJsonObject("alert").getString("check")).containsOnly("db");

    answers.put("/db", 200);
    JsonObject resolved = awaitNotification("resolved", "db");
    assertThat(resolved.getString("summary")).startsWith("db recovered");
    assertThat(received).extracting(n -> n.getJsonObject("alert").getString("check")).containsOnly("db");
  }

  /**
   * A check nobody asks for (no refreshPeriod, no probe request) is still judged: alerting asks for it every
   * pollEvery. With failureDetails authenticated, /alerts (which shows outputs) needs the token to be read too.
   */
  @Test
  void checksNobodyAsksForAlertTooAndReadsFollowFailureDetails() {
    answers.put("/db", 503);
    JsonObject db = check("db");
    db.remove("refreshPeriod");
    JsonObject config = config("0ms", new JsonArray().add(webhook("hook")), db);
    config.getJsonObject("alerts").put("pollEvery", "100ms");
    config.put("health", new JsonObject().put("probes", new JsonObject()
      .put("health", new JsonObject().put("failureDetails", "authenticated"))));
    int port = result(deploy(vertx, config)).actualPort();

    assertThat(awaitNotification("firing", "db").getJsonObject("alert").getString("check")).isEqualTo("db");
    assertThat(get(port, "/alerts").statusCode()).as("no token").isEqualTo(401);
    HttpResponse<Buffer> withToken = result(client.get(port, "127.0.0.1", "/alerts")
      .putHeader("Authorization", "Bearer " + TOKEN).send());
    assertThat(withToken.statusCode()).isEqualTo(200);
    assertThat(activeChecks(withToken.bodyAsJsonObject())).containsExactly("db");
  }

  private StandaloneVerticle deployFile(Path file) {
    StandaloneVerticle verticle = new StandaloneVerticle(Map.of(), Map.of(), file);
    result(vertx.deployVerticle(verticle, new DeploymentOptions()));
    return verticle;
  }

  private HttpResponse<Buffer> postSilence(int port, String token, Buffer body) {
    var request = client.post(port, "127.0.0.1", "/alerts/silences");
    if (token != null) {
      request.bearerTokenAuthentication(token);
    }
    return result(request.putHeader("Content-Type", "application/json").sendBuffer(body));
  }

  @Test
  void silencesAreMadeBehindTheTokenHoldTheFiringAndOutliveARestart() throws Exception {
    Path file = dir.resolve("vitals.json");
    Files.writeString(file, config("100ms", new JsonArray().add(webhook("hook")), check("db"))
      .put("shutdown", new JsonObject().put("drainDelay", 0)).encodePrettily());
    int port = deployFile(file).actualPort();
    Buffer silence = new JsonObject().put("checks", new JsonArray().add("db")).put("duration", "1h")
      .put("reason", "migrating the primary").put("createdBy", "alice").toBuffer();

    HttpResponse<Buffer> noToken = postSilence(port, null, silence);
    assertThat(noToken.statusCode()).isEqualTo(401);
    assertThat(noToken.bodyAsJsonObject().getInteger("status")).isEqualTo(401);
    try (RawConnection raw = RawConnection.open(vertx, port)) {
      String answer = raw.write("POST /alerts/silences HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + "Content-Length: 60000\r\n\r\n{\"checks\"").awaitClosed();
      assertThat(answer).as("no token: the body is never waited for").startsWith("HTTP/1.1 401")
        .containsIgnoringCase("connection: close");
    }
    assertThat(postSilence(port, "guess", silence).statusCode()).isEqualTo(403);
    HttpResponse<Buffer> malformed = postSilence(port, TOKEN, Buffer.buffer("{\"checks\": [\"db\""));
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.getHeader("Content-Type")).startsWith("application/json");
    assertThat(malformed.bodyAsJsonObject().getInteger("status")).isEqualTo(400);
    HttpResponse<Buffer> invalid = postSilence(port, TOKEN, new JsonObject().put("checks", new JsonArray().add("db"))
      .put("duration", "1h").put("createdBy", "alice").toBuffer());
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.bodyAsJsonObject().getString("error")).startsWith("reason:");
    assertThat(get(port, "/alerts/silences").bodyAsJsonArray()).as("nothing made so far").isEmpty();

    HttpResponse<Buffer> made = postSilence(port, TOKEN, silence);
    assertThat(made.statusCode()).as(made.bodyAsString()).isEqualTo(201);
    String id = made.bodyAsJsonObject().getString("id");
    assertThat(made.getHeader("Location")).isEqualTo("/alerts/silences/" + id);
    assertThat(get(port, made.getHeader("Location")).bodyAsJsonObject().getString("reason"))
      .isEqualTo("migrating the primary");
    assertThat(get(port, "/alerts/silences").bodyAsJsonArray().stream().map(s -> ((JsonObject) s).getString("id")))
      .containsExactly(id);
    Path kept = dir.resolve(StandaloneAlerts.SILENCES_FILE);
    assertThat(kept).exists();
    assertThat(Files.readString(kept)).contains(id);

    // The check fails: its alert is active, silenced, and its firing message is counted, not sent.
    answers.put("/db", 500);
    JsonObject held = poll(() -> alerts(port), a -> a.getJsonObject("suppressed").getLong("silence") >= 1,
      a -> a.encodePrettily());
    assertThat(activeChecks(held)).containsExactly("db");
    JsonObject alert = held.getJsonArray("alerts").getJsonObject(0);
    assertThat(alert.getBoolean("silenced")).isTrue();
    assertThat(alert.getBoolean("sent")).isFalse();
    assertThat(alert.getJsonObject("silencedBy").getJsonArray("silences").stream().toList()).containsExactly(id);
    assertThat(samples(port, "vitals_alerts_suppressed_total")).containsEntry(Map.of("reason", "silence"), 1.0);
    assertThat(received).as("nothing delivered while silenced").isEmpty();

    // A restart: the silence is read back from the file beside the config, and holds the new alert too.
    vertx.deploymentIDs().forEach(deployment -> result(vertx.undeploy(deployment)));
    int restarted = deployFile(file).actualPort();
    assertThat(get(restarted, "/alerts/silences").bodyAsJsonArray().stream().map(s -> ((JsonObject) s).getString("id")))
      .containsExactly(id);
    poll(() -> alerts(restarted), a -> a.getJsonObject("suppressed").getLong("silence") >= 1, JsonObject::encode);
    assertThat(received).isEmpty();

    assertThat(result(client.delete(restarted, "127.0.0.1", "/alerts/silences/" + id).send()).statusCode())
      .as("deleting needs the token").isEqualTo(401);
    HttpResponse<Buffer> removed = result(client.delete(restarted, "127.0.0.1", "/alerts/silences/" + id)
      .bearerTokenAuthentication(TOKEN).send());
    assertThat(removed.statusCode()).isEqualTo(200);
    assertThat(removed.bodyAsJsonObject().getString("removed")).isEqualTo(id);
    assertThat(result(client.delete(restarted, "127.0.0.1", "/alerts/silences/" + id).bearerTokenAuthentication(TOKEN)
      .send()).statusCode()).isEqualTo(404);
    assertThat(get(restarted, "/alerts/silences/" + id).statusCode()).isEqualTo(404);
    assertThat(get(restarted, "/alerts/silences").bodyAsJsonArray()).isEmpty();
    assertThat(Files.readString(kept)).doesNotContain(id);
    // The alert still fires and its firing message was never sent: it goes now.
    assertThat(awaitNotification("firing", "db").getString("summary")).startsWith("db fails");
  }

  @Test
  void aRealAlertmanagerShowsTheAlertUntilTheCheckRecovers() throws Exception {
    try (AlertmanagerServer alertmanager = AlertmanagerServer.start()) {
      answers.put("/db", 500);
      JsonArray channels = new JsonArray().add(new JsonObject().put("type", "alertmanager").put("name", "am")
        .put("url", alertmanager.url()));
      int port = result(deploy(vertx, config("100ms", channels, check("db")))).actualPort();

      JsonObject shown = poll(() -> dbAlert(alertmanager), a -> a != null, a -> "alerts: " + alertmanager.alerts()
        + "; /alerts: " + alerts(port).encode() + "; log: " + alertmanager.log());
      assertThat(shown.getJsonObject("labels").getMap()).containsAllEntriesOf(Map.of("alertname",
        "VitalsCheckFailing", "check", "db", "instance", "web-1", "severity", "critical", "application", "shop"));
      assertThat(shown.getJsonObject("status").getString("state")).isEqualTo("active");
      assertThat(shown.getJsonObject("annotations").getString("summary")).startsWith("db fails: ").contains("500");

      answers.put("/db", 200);
      poll(() -> dbAlert(alertmanager), a -> a == null, a -> "still listed: " + a);
      JsonObject am = alerts(port).getJsonObject("channels").getJsonObject("am");
      assertThat(am.getLong("sent")).as(am.encode()).isGreaterThanOrEqualTo(2);
      assertThat(am.getLong("failed")).as(am.encode()).isZero();
    }
  }

  /**
   * The done-criterion: the standalone with one channel line alerts a real SMTP server (Debian's
   * python3-aiosmtpd, its Mailbox handler writing a Maildir), through the default rule.
   */
  @Test
  void oneEmailChannelLineAlertsARealSmtpServer() throws Exception {
    String binary = "/usr/bin/aiosmtpd";
    assertThat(Path.of(binary)).as("install the Debian package python3-aiosmtpd").isExecutable();
    int smtpPort = Standalone.closedPort();
    Path maildir = dir.resolve("maildir");
    Path log = dir.resolve("aiosmtpd.log");
    Process smtp = new ProcessBuilder(binary, "-n", "-l", "127.0.0.1:" + smtpPort, "-c", "aiosmtpd.handlers.Mailbox",
      maildir.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      dev.vitals.health.test.Await.until(() -> {
        if (!smtp.isAlive()) {
          throw new AssertionError("aiosmtpd exited: " + read(log));
        }
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", smtpPort)) {
          return socket.isConnected();
        } catch (java.io.IOException e) {
          return false;
        }
      }, () -> "aiosmtpd never listened: " + read(log));
      answers.put("/db", 500);
      JsonObject config = Standalone.config(check("db"))
        .put("application", new JsonObject().put("name", "shop").put("serviceId", "web-1"))
        .put("alerts", new JsonObject().put("channels", new JsonArray().add(new JsonObject().put("type", "email")
          .put("name", "ops-mail").put("host", "127.0.0.1").put("port", smtpPort).put("from", "vitals@example.com")
          .put("to", new JsonArray().add("ops@example.com").add("dba@example.com")))));
      result(deploy(vertx, config));

      String fired = poll(() -> mails(maildir), m -> !m.isEmpty(), m -> "mails " + m + "; log " + read(log)).get(0);
      assertThat(header(fired, "Subject")).startsWith("[FIRING] db fails");
      assertThat(header(fired, "From")).isEqualTo("vitals@example.com");
      assertThat(header(fired, "To").split(",\\s*")).containsExactly("ops@example.com", "dba@example.com");
      assertThat(header(fired, "X-RcptTo").split(",\\s*")).containsExactly("ops@example.com", "dba@example.com");

      answers.put("/db", 200);
      List<String> mails = poll(() -> mails(maildir), m -> m.size() >= 2, m -> "mails " + m);
      assertThat(mails.stream().map(m -> header(m, "Subject")).filter(s -> s.startsWith("[RESOLVED] ")).toList())
        .containsExactly("[RESOLVED] db recovered");
      assertThat(mails).hasSize(2);
    } finally {
      smtp.destroy();
      if (!smtp.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        smtp.destroyForcibly().waitFor();
      }
    }
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  /** @return the messages delivered to the Maildir, by file name */
  private static List<String> mails(Path maildir) {
    Path delivered = maildir.resolve("new");
    if (!Files.isDirectory(delivered)) {
      return List.of();
    }
    try (java.util.stream.Stream<Path> files = Files.list(delivered)) {
      return files.sorted().map(StandaloneAlertsTest::read).toList();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String header(String message, String name) {
    return message.lines().filter(line -> line.startsWith(name + ": ")).findFirst()
      .map(line -> line.substring(name.length() + 2)).orElse(null);
  }

  /**
   * A silences file that is not a regular file (a FIFO nobody writes to, a link to {@code /dev/zero}), as a local
   * user who can write beside the config could leave: the server starts at once without silences (it used to wait
   * forever on the FIFO, or read {@code /dev/zero} until out of memory), and the next silence replaces it.
   */
  @Test
  void aSilencesFileThatIsNotARegularFileNeitherHangsNorExhaustsTheStart() throws Exception {
    Path file = dir.resolve("vitals.json");
    Files.writeString(file, config("100ms", new JsonArray().add(webhook("hook")), check("db"))
      .put("shutdown", new JsonObject().put("drainDelay", 0)).encodePrettily());
    Path kept = dir.resolve(StandaloneAlerts.SILENCES_FILE);
    assertThat(new ProcessBuilder("mkfifo", kept.toString()).start().waitFor()).isZero();
    try {
      StandaloneVerticle verticle = new StandaloneVerticle(Map.of(), Map.of(), file);
      long started = System.nanoTime();
      String deployed = vertx.deployVerticle(verticle, new DeploymentOptions()).toCompletionStage()
        .toCompletableFuture().get(5, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(deployed).isNotNull();
      assertThat((System.nanoTime() - started) / 1_000_000).as("ms to start").isLessThan(5_000);
      int port = verticle.actualPort();
      assertThat(get(port, "/alerts/silences").bodyAsJsonArray()).isEmpty();
      HttpResponse<Buffer> made = postSilence(port, TOKEN, new JsonObject().put("checks", new JsonArray().add("db"))
        .put("duration", "1h").put("reason", "r").put("createdBy", "alice").toBuffer());
      assertThat(made.statusCode()).as(made.bodyAsString()).isEqualTo(201);
      assertThat(Files.isRegularFile(kept, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isTrue();
      assertThat(Files.readString(kept)).contains(made.bodyAsJsonObject().getString("id"));
    } finally {
      unblock(kept);
    }

    vertx.deploymentIDs().forEach(id -> result(vertx.undeploy(id)));
    Files.delete(kept);
    Files.createSymbolicLink(kept, Path.of("/dev/zero"));
    StandaloneVerticle again = new StandaloneVerticle(Map.of(), Map.of(), file);
    vertx.deployVerticle(again, new DeploymentOptions()).toCompletionStage().toCompletableFuture()
      .get(5, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(get(again.actualPort(), "/alerts/silences").bodyAsJsonArray()).isEmpty();
  }

  /** Opens a FIFO for writing without blocking (a reader stuck on it, if any, then sees its end). */
  private static void unblock(Path fifo) {
    if (Files.exists(fifo) && !Files.isRegularFile(fifo)) {
      try {
        new ProcessBuilder("sh", "-c", "exec 3<>\"$0\"; exec 3>&-", fifo.toString()).start().waitFor();
      } catch (Exception e) {
        // best effort
      }
    }
  }

  /**
   * A local user who can write beside the config plants {@code vitals-silences.json.tmp} as a link to a file of the
   * server's user: writing the silences must not write through it (it used to: the victim file was replaced by the
   * silences, and the silences file became that link).
   */
  @Test
  void writingTheSilencesFollowsNoPlantedLink() throws Exception {
    Path file = dir.resolve("vitals.json");
    Files.writeString(file, config("100ms", new JsonArray().add(webhook("hook")), check("db"))
      .put("shutdown", new JsonObject().put("drainDelay", 0)).encodePrettily());
    Path victim = Files.createDirectories(dir.resolve("elsewhere")).resolve("victim.txt");
    Files.writeString(victim, "precious");
    Path kept = dir.resolve(StandaloneAlerts.SILENCES_FILE);
    Files.createSymbolicLink(kept.resolveSibling(kept.getFileName() + ".tmp"), victim);
    int port = deployFile(file).actualPort();

    HttpResponse<Buffer> made = postSilence(port, TOKEN, new JsonObject().put("checks", new JsonArray().add("db"))
      .put("duration", "1h").put("reason", "r").put("createdBy", "alice").toBuffer());
    assertThat(made.statusCode()).as(made.bodyAsString()).isEqualTo(201);
    assertThat(Files.readString(victim)).isEqualTo("precious");
    assertThat(Files.isSymbolicLink(kept)).isFalse();
    assertThat(Files.readString(kept)).contains(made.bodyAsJsonObject().getString("id"));
  }

  /**
   * A silences file larger than {@code maxSilences} × 256 KiB is not read into memory (a local user's file of any
   * size used to be read whole: a sparse 1.5 GB one ended in {@code OutOfMemoryError} at start); it is moved aside to
   * {@code .corrupt}, the server starts without silences.
   */
  @Test
  void aSilencesFileBeyondItsBoundIsNotRead() throws Exception {
    Path file = dir.resolve("vitals.json");
    JsonObject config = config("100ms", new JsonArray().add(webhook("hook")), check("db"))
      .put("shutdown", new JsonObject().put("drainDelay", 0));
    config.getJsonObject("alerts").put("maxSilences", 2);
    Files.writeString(file, config.encodePrettily());
    Path kept = dir.resolve(StandaloneAlerts.SILENCES_FILE);
    java.time.Instant now = java.time.Instant.now();
    JsonObject silence = new JsonObject().put("id", "planted").put("checks", new JsonArray().add("db"))
      .put("tags", new JsonArray()).put("until", now.plusSeconds(3600).toString()).put("reason", "r")
      .put("createdBy", "alice").put("createdAt", now.toString());
    Files.writeString(kept, new JsonObject().put("silences", new JsonArray().add(silence)).encode()
      + " ".repeat(2 * 256 * 1024));
    int port = deployFile(file).actualPort();
    assertThat(get(port, "/alerts/silences").bodyAsJsonArray()).isEmpty();
    assertThat(kept.resolveSibling(StandaloneAlerts.SILENCES_FILE + ".corrupt")).exists();
    assertThat(kept).doesNotExist();
  }

  private static JsonObject dbAlert(AlertmanagerServer alertmanager) {
    return alertmanager.alerts().stream().map(JsonObject.class::cast)
      .filter(a -> "db".equals(a.getJsonObject("labels").getString("check"))).findFirst().orElse(null);
  }
}
