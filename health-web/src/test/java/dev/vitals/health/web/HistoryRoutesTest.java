package dev.vitals.health.web;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckRegistryOptions;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.test.Await;
import dev.vitals.health.test.MutableClock;
import dev.vitals.health.web.guard.JsonErrorHandler;
import dev.vitals.health.web.history.HistoryRoutes;
import dev.vitals.health.web.history.HistoryRoutesOptions;
import dev.vitals.health.web.probes.FailureDetails;
import dev.vitals.health.web.probes.HealthHandler;
import dev.vitals.health.web.probes.ProbeOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/** /health/history, /health/events and /health/ui through a real server on port 0 and real clients. */
@ExtendWith(VertxExtension.class)
class HistoryRoutesTest {

  private final MutableClock clock = new MutableClock();
  private final AtomicReference<ProcedureResult> next = new AtomicReference<>(ProcedureResult.pass("select 1"));
  private final MaintenanceSource maintenance = MaintenanceSource.local();
  private Vertx vertx;
  private CheckRegistry registry;
  private HistoryRoutes routes;
  private HistoryRoutes restrictedRoutes;
  private TestServer http;
  private HttpClient raw;
  private final List<HttpClientResponse> open = new ArrayList<>();

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    registry = CheckRegistry.create(vertx, new CheckRegistryOptions().setClock(clock));
    registry.register(new CheckOptions("db").setSuccessTtl(0).setFailureTtl(0).setSlo(99.0),
      () -> Future.succeededFuture(next.get()));
    registry.register(new CheckOptions("cache").setCritical(false), () -> Future.succeededFuture(ProcedureResult.pass()));
    Router router = Router.router(vertx);
    routes = HistoryRoutes.create(vertx, registry, maintenance,
      new HistoryRoutesOptions().setMaxStreams(2).setKeepAlive(50).setEventBuffer(3));
    routes.mount(router, "/health");
    router.route("/health*").handler(HealthHandler.create(registry));
    Router ops = Router.router(vertx);
    ProbeOptions restricted = new ProbeOptions().setFailureDetails(FailureDetails.AUTHENTICATED);
    restrictedRoutes = HistoryRoutes.create(vertx, registry, null, new HistoryRoutesOptions()).detail(restricted)
      .authenticatedBy(ctx -> "yes".equals(ctx.request().getHeader("X-Authenticated")));
    restrictedRoutes.mount(ops, "/health");
    router.route("/ops/*").subRouter(ops);
    JsonErrorHandler.register(router);
    http = new TestServer(vertx, router);
    raw = vertx.createHttpClient();
  }

  @AfterEach
  void tearDown() {
    open.forEach(response -> response.request().connection().close());
    raw.close();
    http.close();
    result(registry.close());
  }

  private void flip(ProcedureResult result) {
    next.set(result);
    result(registry.report("db"));
  }

  @Test
  void historyGivesEachChecksPastAndHidesOutputsAsHealthDoes() {
    flip(ProcedureResult.pass("select 1"));
    clock.advance(Duration.ofMinutes(30));
    flip(ProcedureResult.fail("connection refused"));
    clock.advance(Duration.ofMinutes(30));

    HttpResponse<Buffer> summary = http.get("/health/history");
    assertThat(summary.statusCode()).isEqualTo(200);
    JsonObject dbSummary = summary.bodyAsJsonObject().getJsonObject("checks").getJsonObject("db");
    assertThat(dbSummary.fieldNames()).as("no list that grows with the past").doesNotContain("transitions", "recent");
    assertThat(dbSummary.getString("lastChange")).isEqualTo("2026-11-21T12:30:00Z");
    assertThat(dbSummary.getInteger("transitionCount")).isEqualTo(2);
    assertThat(dbSummary.getJsonObject("availability").getDouble("1h")).isEqualTo(0.5);
    assertThat(http.get("/health/history?detail=bogus").statusCode()).isEqualTo(400);

    HttpResponse<Buffer> all = http.get("/health/history?detail=full");
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.getHeader("Cache-Control")).isEqualTo("no-store");
    assertThat(all.getHeader("Content-Type")).isEqualTo("application/json");
    JsonObject db = all.bodyAsJsonObject().getJsonObject("checks").getJsonObject("db");
    assertThat(all.bodyAsJsonObject().getJsonObject("checks").fieldNames()).containsExactly("db", "cache");
    assertThat(db.getString("status")).isEqualTo("fail");
    assertThat(db.getString("since")).isEqualTo("2026-11-21T12:30:00Z");
    assertThat(db.getBoolean("flapping")).isFalse();
    assertThat(db.getJsonObject("availability").getDouble("1h")).isEqualTo(0.5);
    assertThat(db.getJsonObject("availability").getString("since")).isEqualTo("2026-11-21T12:00:00Z");
    assertThat(db.getDouble("slo")).isEqualTo(99.0);
    assertThat(db.getJsonObject("errorBudgetRemaining").getDouble("24h")).isCloseTo(-49.0, org.assertj.core.api.Assertions.within(1e-9));
    JsonArray transitions = db.getJsonArray("transitions");
    assertThat(transitions.getJsonObject(1)).isEqualTo(new JsonObject().put("from", "pass").put("to", "fail")
      .put("at", "2026-11-21T12:30:00Z").put("output", "connection refused"));
    assertThat(db.getJsonArray("recent").getJsonObject(1).getString("status")).isEqualTo("fail");
    assertThat(db.getJsonArray("recent").getJsonObject(1).getLong("durationMs")).isNotNull();

    assertThat(http.get("/health/history/db/").bodyAsJsonObject()).isEqualTo(db);
    HttpResponse<Buffer> unknown = http.get("/health/history/nope");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.bodyAsJsonObject()).isEqualTo(new JsonObject().put("error", "Check not found: nope").put("status", 404));
    assertThat(http.get("/health/db").statusCode()).as("/health itself still answers").isEqualTo(503);

    JsonObject hidden = http.get("/ops/health/history/db").bodyAsJsonObject();
    assertThat(hidden.getJsonArray("transitions").getJsonObject(1).containsKey("output")).isFalse();
    assertThat(hidden.getJsonArray("transitions").getJsonObject(0).getString("output")).isEqualTo("select 1");
    JsonObject shown = result(http.request(HttpMethod.GET, "/ops/health/history/db").putHeader("X-Authenticated", "yes")
      .send()).bodyAsJsonObject();
    assertThat(shown.getJsonArray("transitions").getJsonObject(1).getString("output")).isEqualTo("connection refused");
    assertThat(result(http.request(HttpMethod.POST, "/health/history").send()).statusCode()).isEqualTo(405);
  }

  /**
   * Opens a stream whose data is appended to {@code text}: the request made on an event loop, so that the handler is
   * set as the response arrives, before any of its data (from the test's thread, the response could arrive between the
   * request's future completing and the handler being set, and its first data be lost).
   */
  private HttpClientResponse stream(RequestOptions options, StringBuffer text) {
    io.vertx.core.Promise<HttpClientResponse> opened = io.vertx.core.Promise.promise();
    vertx.runOnContext(v -> raw.request(options).compose(request -> request.send())
      .map(arrived -> arrived.handler(buffer -> text.append(buffer.toString()))).onComplete(opened));
    return result(opened.future());
  }

  /** An open event stream: what arrived so far, as text. */
  private final class Stream {
    final StringBuffer text = new StringBuffer();
    final HttpClientResponse response;

    Stream(String lastEventId) {
      RequestOptions options = new RequestOptions().setHost("127.0.0.1").setPort(http.server.actualPort())
        .setURI("/health/events");
      if (lastEventId != null) {
        options.putHeader("Last-Event-ID", lastEventId);
      }
      response = stream(options, text);
      open.add(response);
    }

    void waitFor(String fragment) {
      Await.until(() -> text.toString().contains(fragment), () -> "'" + fragment + "' in " + text);
    }

    List<Long> ids() {
      List<Long> ids = new ArrayList<>();
      Matcher m = Pattern.compile("(?m)^id: (\\d+)$").matcher(text);
      while (m.find()) {
        ids.add(Long.parseLong(m.group(1)));
      }
      return ids;
    }
  }

  @Test
  void eventsStreamEveryChangeWithAnIdAndReplayWhatWasMissed() {
    flip(ProcedureResult.pass("select 1"));
    Stream first = new Stream(null);
    assertThat(first.response.statusCode()).isEqualTo(200);
    assertThat(first.response.getHeader("Content-Type")).isEqualTo("text/event-stream; charset=utf-8");
    assertThat(first.response.getHeader("Cache-Control")).isEqualTo("no-store");
    flip(ProcedureResult.fail("connection refused"));
    first.waitFor("\"kind\":\"overall\"");
    assertThat(first.text.toString()).contains("data: {\"kind\":\"check\",\"name\":\"db\",\"from\":\"pass\",\"to\":\"fail\","
      + "\"output\":\"connection refused\",\"timestamp\":\"2026-11-21T12:00:00Z\"}\n\n");
    first.waitFor(": keep-alive\n\n");
    List<Long> seen = first.ids();
    assertThat(seen).hasSize(2);
    first.response.request().connection().close();
    open.remove(first.response);

    flip(ProcedureResult.pass("select 1")); // missed: check and overall back to pass
    result(maintenance.enable("deploying"));
    Stream again = new Stream(Long.toString(seen.get(1)));
    again.waitFor("\"kind\":\"maintenance\"");
    assertThat(again.ids()).as("the three missed, in order").containsExactly(seen.get(1) + 1, seen.get(1) + 2, seen.get(1) + 3);
    assertThat(again.text.toString()).contains("\"to\":\"pass\"", "\"output\":\"deploying\"");

    // A page's first connection gives the page's newest event in the query (EventSource sends no header then).
    long newest = Long.parseLong(http.get("/health/ui").bodyAsString().replaceAll("(?s).*data-event-id=\"(\\d+)\".*", "$1"));
    assertThat(newest).isEqualTo(seen.get(1) + 3);
    flip(ProcedureResult.warn("slow")); // after the page, before its stream: replayed
    StringBuffer text = new StringBuffer();
    HttpClientResponse fromThePage = stream(new RequestOptions().setHost("127.0.0.1")
      .setPort(http.server.actualPort()).setURI("/health/events?lastEventId=" + newest), text);
    open.add(fromThePage);
    Await.until(() -> text.toString().contains("\"to\":\"warn\""), text::toString);
    assertThat(text.toString()).contains("id: " + (newest + 1) + "\n");
    fromThePage.request().connection().close();
    open.remove(fromThePage);

    Stream fromBeforeARestart = new Stream("999");
    fromBeforeARestart.waitFor("retry: 3000");
    result(maintenance.disable());
    fromBeforeARestart.waitFor("\"to\":\"ok\"");
    assertThat(fromBeforeARestart.ids()).as("an id never given is unknown: no replay, only the change after it")
      .containsExactly(seen.get(1) + 6); // after the warn's check and overall events
    Await.until(() -> routes.openStreams() == 2, () -> routes.openStreams() + " streams open");

    HttpResponse<Buffer> refused = http.get("/health/events");
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.bodyAsJsonObject()).isEqualTo(new JsonObject()
      .put("error", "too many event streams open (2)").put("status", 503));
    assertThat(refused.getHeader("Retry-After")).isNotNull();
    HttpResponse<Buffer> bad = result(http.request(HttpMethod.GET, "/health/events").putHeader("Last-Event-ID", "x").send());
    assertThat(bad.statusCode()).isEqualTo(400);

    again.response.request().connection().close();
    open.remove(again.response);
    Await.until(() -> routes.openStreams() == 1, () -> routes.openStreams() + " streams open");
    routes.close();
    Await.until(() -> routes.openStreams() == 0, () -> routes.openStreams() + " streams open after close()");
  }

  @Test
  void theDashboardIsCompleteHtmlWithoutExternalResources() {
    flip(ProcedureResult.fail("connection <refused>"));
    result(maintenance.enable("deploying"));
    HttpResponse<Buffer> page = http.get("/health/ui");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.getHeader("Content-Type")).isEqualTo("text/html; charset=utf-8");
    assertThat(page.getHeader("Content-Security-Policy")).isEqualTo("default-src 'self'");
    String html = page.bodyAsString();
    assertThat(html).contains("<title>fail · Vitals</title>", "<tr data-check=\"db\" data-status=\"fail\" data-critical=\"true\" tabindex=\"0\">",
      "✖ fail", "connection &lt;refused&gt;", "data-maintenance=\"on\"", ": deploying", "<svg class=\"timeline\"",
      "href=\"/health/ui/dashboard.css\"", "src=\"/health/ui/dashboard.js\"", "data-check=\"cache\" data-status=\"pass\"");
    assertThat(html).doesNotContain("http://", "https://", "style=", "<script>");
    assertThat(http.get("/health/ui/dashboard.js").getHeader("Content-Type")).isEqualTo("text/javascript; charset=utf-8");
    assertThat(http.get("/health/ui/dashboard.css").bodyAsString()).contains(".s-fail");
    assertThat(http.get("/health/ui/other").statusCode()).isEqualTo(404);

    String ops = http.get("/ops/health/ui").bodyAsString();
    assertThat(ops).as("under a sub-router the assets are found where it is mounted")
      .contains("src=\"/ops/health/ui/dashboard.js\"").doesNotContain("connection &lt;refused&gt;");
  }

  /** Warn counts as available and is shown apart: 30 min pass then 30 min warn is 100 % available, 50 % warn. */
  @Test
  void theDashboardShowsTheWarnShareApartFromAvailability() {
    flip(ProcedureResult.pass("valid for 90 days"));
    clock.advance(Duration.ofMinutes(30));
    flip(ProcedureResult.warn("expires in 5 days"));
    clock.advance(Duration.ofMinutes(30));
    String html = http.get("/health/ui").bodyAsString();
    assertThat(html).contains("data-warn-share=\"0.5", "50");
    assertThat(html.substring(html.indexOf("data-check=\"db\""))).contains("<span class=\"main\" data-window=\"24h\">100");
  }

  /** Active alerts and silences above the checks; outputs and silences only to whom failure details are shown. */
  @Test
  void theDashboardShowsAlertsAndSilencesAsFailureDetailsAllow() {
    io.vertx.core.json.JsonObject state = new io.vertx.core.json.JsonObject("""
      {"alerts": [{"check": "db", "status": "fail", "output": "connection <refused>", "since": "2026-12-06T12:00:00Z",
                   "blocks": ["orders"], "silenced": true}],
       "silences": [{"id": "s1", "checks": ["db"], "tags": ["batch"], "until": "2026-12-06T14:00:00Z",
                     "reason": "migrating <primary>", "createdBy": "alice"}]}""");
    routes.alerts(() -> state);
    restrictedRoutes.alerts(() -> state);

    String html = http.get("/health/ui").bodyAsString();
    assertThat(html).contains("1 active alert", "<li data-alert=\"db\" data-silenced=\"true\">", "; blocks orders",
      "<span class=\"mark\">silenced</span>", "connection &lt;refused&gt;", "1 silence", "<li data-silence=\"s1\">",
      "db, tag batch until", "migrating &lt;primary&gt; (alice)");
    assertThat(html.indexOf("data-alert")).as("above the checks").isLessThan(html.indexOf("data-check"));

    String ops = http.get("/ops/health/ui").bodyAsString();
    assertThat(ops).contains("<li data-alert=\"db\"").doesNotContain("connection &lt;refused&gt;", "<li data-silence",
      "migrating");
    String authenticated = result(http.client.get("/ops/health/ui").putHeader("X-Authenticated", "yes").send())
      .bodyAsString();
    assertThat(authenticated).contains("connection &lt;refused&gt;", "<li data-silence=\"s1\">");

    assertThat(http.get("/health/ui/parts?check=db").bodyAsString()).as("the script's parts have it too")
      .contains("<li data-alert=\"db\" data-silenced=\"true\">");
    routes.alerts(() -> new io.vertx.core.json.JsonObject().put("alerts", new io.vertx.core.json.JsonArray()));
    assertThat(http.get("/health/ui").bodyAsString()).as("nothing active: no panel").doesNotContain("class=\"alerts\"");
    assertThat(http.get("/health/ui/parts?check=db").bodyAsString())
      .as("an empty one, for the script to replace the panel the page shows").contains("<section class=\"alerts\" hidden>");
  }

  /** Badges over real HTTP: status and 24 h availability, colour by status, escaped names, 404 as JSON. */
  @Test
  void badgesShowStatusAndAvailabilityOfAKnownCheck(Vertx vertx) {
    HttpResponse<Buffer> badge = http.get("/health/badges/db.svg");
    assertThat(badge.statusCode()).isEqualTo(200);
    assertThat(badge.getHeader("Content-Type")).isEqualTo("image/svg+xml; charset=utf-8");
    assertThat(badge.getHeader("Cache-Control")).isEqualTo("max-age=30");
    assertThat(badge.getHeader("Content-Security-Policy")).isEqualTo("default-src 'none'");
    assertThat(badge.bodyAsString()).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
      .contains("aria-label=\"db: no data\"", "fill=\"#6e7781\" data-status=\"unknown\"", ">no data</text>");

    flip(ProcedureResult.pass("select 1"));
    clock.advance(Duration.ofHours(3));
    flip(ProcedureResult.fail("connection <refused>"));
    clock.advance(Duration.ofHours(1));
    flip(ProcedureResult.fail("connection <refused>"));
    String failing = http.get("/health/badges/db.svg").bodyAsString();
    assertThat(failing).contains("fill=\"#cf222e\" data-status=\"fail\"", ">fail · 75.00 %</text>", ">db</text>")
      .as("no output on a badge").doesNotContain("refused");
    flip(ProcedureResult.warn("slow"));
    assertThat(http.get("/health/badges/db.svg").bodyAsString()).contains("data-status=\"warn\"", ">warn · 75.00 %<");
    flip(ProcedureResult.pass("select 1"));
    assertThat(http.get("/health/badges/db.svg").bodyAsString()).contains("fill=\"#1a7f37\" data-status=\"pass\"");

    registry.register(new CheckOptions("x/<main> & \"b\"").setSuccessTtl(0), () -> Future.succeededFuture(ProcedureResult.pass()));
    result(registry.report("x/<main> & \"b\""));
    String escaped = http.get("/health/badges/x/%3Cmain%3E%20%26%20%22b%22.svg").bodyAsString();
    assertThat(escaped).contains(">x/&lt;main&gt; &amp; &quot;b&quot;</text>", "aria-label=\"x/&lt;main&gt; &amp; &quot;b&quot;: pass")
      .doesNotContain("<main>");

    HttpResponse<Buffer> unknown = http.get("/health/badges/nope.svg");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.getHeader("Content-Type")).startsWith("application/json");
    assertThat(unknown.bodyAsJsonObject().getString("error")).isEqualTo("Check not found: nope");
    assertThat(http.get("/health/badges/db.png").statusCode()).isEqualTo(404);
    assertThat(http.get("/health/badges/%3Cx%3E.svg").bodyAsJsonObject().getString("error"))
      .as("a name is data in JSON, never markup").isEqualTo("Check not found: <x>");
    assertThat(result(http.client.request(HttpMethod.POST, "/health/badges/db.svg").send()).statusCode()).isEqualTo(405);

    // detail: status shows no check at all: no badge either.
    Router hidden = Router.router(vertx);
    HistoryRoutes.create(vertx, registry, null, new HistoryRoutesOptions())
      .detail(new ProbeOptions().setDetail(dev.vitals.health.web.probes.Detail.STATUS)).mount(hidden, "/health");
    JsonErrorHandler.register(hidden);
    try (TestServer statusOnly = new TestServer(vertx, hidden)) {
      assertThat(statusOnly.get("/health/badges/db.svg").statusCode()).isEqualTo(404);
    }
  }

  /** What the script asks for: the rows of named checks, and the fleet panel only when its version changed. */
  @Test
  void theScriptsPartsAndFleetPanel() {
    flip(ProcedureResult.fail("connection <refused>"));
    String parts = http.get("/health/ui/parts?check=db&check=nope").bodyAsString();
    assertThat(parts).startsWith("<div id=\"parts\" data-outcome=\"fail\">").contains("<tr data-check=\"db\"",
      "connection &lt;refused&gt;", "data-count=\"fail\">1 failing").doesNotContain("<tr data-check=\"cache\"");
    StringBuilder many = new StringBuilder("/health/ui/parts?check=db");
    for (int i = 0; i < 100; i++) {
      many.append("&check=c").append(i);
    }
    assertThat(http.get(many.toString()).bodyAsJsonObject().getString("error"))
      .isEqualTo("check: expected at most 100 names, got 101");

    assertThat(http.get("/health/ui/fleet").statusCode()).as("no fleet view").isEqualTo(404);
    assertThat(http.get("/health/ui").bodyAsString()).doesNotContain("id=\"fleet\"");
    JsonObject fleet = new JsonObject().put("source", "cluster").put("stale", false).put("nodes", new JsonArray()
      .add(new JsonObject().put("node", "n1").put("instance", "10.0.0.7:8080").put("outcome", "fail").put("state", "up")
        .put("failing", new JsonArray().add(new JsonObject().put("name", "db").put("status", "fail")
          .put("output", "down <hard>"))).put("failingCount", 1)));
    AtomicReference<JsonObject> view = new AtomicReference<>(fleet);
    routes.fleet(view::get);
    HttpResponse<Buffer> panel = http.get("/health/ui/fleet");
    assertThat(panel.statusCode()).isEqualTo(200);
    Matcher version = Pattern.compile("data-version=\"([0-9a-f]+)\"").matcher(panel.bodyAsString());
    assertThat(version.find()).isTrue();
    assertThat(panel.bodyAsString()).contains("<a href=\"//10.0.0.7:8080/health/ui\">✖</a>", "down &lt;hard&gt;");
    assertThat(http.get("/health/ui").bodyAsString()).as("the page has it too").contains("data-version=\"" + version.group(1));
    assertThat(http.get("/health/ui/fleet?v=" + version.group(1)).statusCode()).as("unchanged").isEqualTo(204);
    fleet.getJsonArray("nodes").getJsonObject(0).put("ageMs", 4000);
    assertThat(http.get("/health/ui/fleet?v=" + version.group(1)).statusCode()).as("an age is no change").isEqualTo(204);
    fleet.getJsonArray("nodes").getJsonObject(0).put("outcome", "pass").put("failing", new JsonArray()).put("failingCount", 0);
    assertThat(http.get("/health/ui/fleet?v=" + version.group(1)).statusCode()).isEqualTo(200);
    assertThat(http.get("/ops/health/ui").bodyAsString()).as("fed to the other routes only").doesNotContain("id=\"fleet\"");
    fleet.getJsonArray("nodes").getJsonObject(0).put("outcome", "fail").put("failingCount", 1)
      .put("failing", new JsonArray().add(new JsonObject().put("name", "db").put("status", "fail").put("output", "down <hard>")));
    restrictedRoutes.fleet(view::get);
    assertThat(http.get("/ops/health/ui/fleet").bodyAsString()).as("failure outputs to authenticated callers only")
      .contains("title=\"db on 10.0.0.7:8080: fail\"").doesNotContain("hard");
    assertThat(result(http.client.get("/ops/health/ui/fleet").putHeader("X-Authenticated", "yes").send()).bodyAsString())
      .contains("title=\"db on 10.0.0.7:8080: fail: down &lt;hard&gt;\"", "<a href=\"//10.0.0.7:8080/ops/health/ui\">");
  }
}
