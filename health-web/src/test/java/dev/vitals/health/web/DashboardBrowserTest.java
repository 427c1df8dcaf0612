package dev.vitals.health.web;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckRegistryOptions;
import dev.vitals.health.HealthStatus;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.fleet.FleetMember;
import dev.vitals.health.fleet.FleetView;
import dev.vitals.health.fleet.NodeStatus;
import dev.vitals.health.fleet.Quorum;
import dev.vitals.health.test.MutableClock;
import dev.vitals.health.web.history.HistoryRoutes;
import dev.vitals.health.web.history.HistoryRoutesOptions;
import dev.vitals.health.web.probes.HealthHandler;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}), driven by
 * Selenium on loopback: order, "since", timeline colours, the 7 d toggle, non-critical and blocked-by marks, the
 * fleet view and its links to another real instance, keyboard focus, 360 px; a check flips and the page shows it
 * without a reload. Saves {@code target/dashboard.png} (docs/history.md shows a copy, {@code docs/dashboard.png}) and
 * {@code target/dashboard-360.png}.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

  private static final MutableClock CLOCK = new MutableClock();
  private static final Map<String, ProcedureResult> NEXT = new ConcurrentHashMap<>();
  private static final Map<String, Long> DELAY_MS = new ConcurrentHashMap<>();
  private static final AtomicReference<JsonObject> FLEET = new AtomicReference<>();
  private static Vertx vertx;
  private static CheckRegistry registry;
  private static MaintenanceSource maintenance;
  private static TestServer http;
  private static TestServer other;
  private static Browser chromium;
  private static ChromeDriver browser;
  private static Instant outageStart;
  private static Instant maintenanceStart;

  private static void register(CheckRegistry into, String name, CheckOptions options) {
    into.register(options.setSuccessTtl(0).setFailureTtl(0), () -> {
      long delay = DELAY_MS.getOrDefault(name, 0L);
      if (delay == 0) {
        return Future.succeededFuture(NEXT.get(name));
      }
      Promise<ProcedureResult> promise = Promise.promise();
      vertx.setTimer(delay, id -> promise.complete(NEXT.get(name)));
      return promise.future();
    });
  }

  private static void set(String name, ProcedureResult result) {
    NEXT.put(name, result);
    result(registry.report(name));
  }

  @BeforeAll
  static void start() throws IOException {
    chromium = Browser.start(1200, 900);
    browser = chromium.driver();
    vertx = Vertx.vertx();
    registry = CheckRegistry.create(vertx, new CheckRegistryOptions().setClock(CLOCK));
    maintenance = MaintenanceSource.local(CLOCK);
    NEXT.put("db/primary", ProcedureResult.pass("select 1: 2 ms"));
    NEXT.put("cache", ProcedureResult.pass("PONG"));
    NEXT.put("payments-api", ProcedureResult.pass("200 OK in 41 ms"));
    NEXT.put("disk", ProcedureResult.pass("41.2 GB free"));
    NEXT.put("orders", ProcedureResult.pass("orders table: 12 ms"));
    NEXT.put("queue", ProcedureResult.pass("depth 3"));
    register(registry, "db/primary", new CheckOptions("db/primary").setSlo(99.9));
    register(registry, "cache", new CheckOptions("cache").setCritical(false));
    register(registry, "payments-api", new CheckOptions("payments-api").setSlo(99.0));
    register(registry, "disk", new CheckOptions("disk"));
    register(registry, "orders", new CheckOptions("orders").addDependsOn("db/primary"));
    register(registry, "queue", new CheckOptions("queue"));
    Router router = Router.router(vertx); // first: it sees maintenance start and end, as in an application
    HistoryRoutes.create(vertx, registry, maintenance, new HistoryRoutesOptions()).fleet(FLEET::get)
      .mount(router, "/health");
    router.route("/health*").handler(HealthHandler.create(registry).maintenance(maintenance));
    http = new TestServer(vertx, router);
    // A day of history on the injected clock: a 40 min outage of the database, a slow cache, a flapping API, an
    // hour of maintenance; a check registered late (grey before it).
    for (String name : List.of("db/primary", "cache", "payments-api", "disk", "orders")) {
      set(name, NEXT.get(name));
    }
    CLOCK.advance(Duration.ofHours(6));
    outageStart = CLOCK.instant();
    set("db/primary", ProcedureResult.fail("connection refused: db-1:5432"));
    CLOCK.advance(Duration.ofMinutes(40));
    set("db/primary", ProcedureResult.pass("select 1: 3 ms"));
    CLOCK.advance(Duration.ofHours(4));
    maintenanceStart = CLOCK.instant();
    result(maintenance.enable("kernel upgrade"));
    CLOCK.advance(Duration.ofHours(1));
    result(maintenance.disable());
    CLOCK.advance(Duration.ofHours(3));
    set("cache", ProcedureResult.warn("PONG in 812 ms"));
    CLOCK.advance(Duration.ofHours(2));
    set("cache", ProcedureResult.pass("PONG"));
    CLOCK.advance(Duration.ofHours(1));
    set("queue", NEXT.get("queue"));
    CLOCK.advance(Duration.ofHours(6));
    for (int i = 0; i < 8; i++) {
      DELAY_MS.put("payments-api", 5L + 7 * i % 40);
      set("payments-api", i % 2 == 0 ? ProcedureResult.fail("503 Service Unavailable") : ProcedureResult.pass("200 OK"));
      CLOCK.advance(Duration.ofMinutes(3));
    }
    DELAY_MS.put("payments-api", 30L);
    set("payments-api", ProcedureResult.pass("200 OK in 44 ms"));
    set("disk", ProcedureResult.warn("4.1 GB free, under 5 GB"));
    CLOCK.advance(Duration.ofMinutes(20));
    set("db/primary", ProcedureResult.fail("connection refused: db-1:5432"));
    set("orders", NEXT.get("orders")); // blocked by db/primary now
    CLOCK.advance(Duration.ofMinutes(7));

    // Another instance, with a dashboard of its own, for the fleet view's links.
    CheckRegistry otherRegistry = CheckRegistry.create(vertx);
    NEXT.put("other:db/primary", ProcedureResult.fail("connection refused"));
    otherRegistry.register(new CheckOptions("db/primary"), () -> Future.succeededFuture(NEXT.get("other:db/primary")));
    Router otherRouter = Router.router(vertx);
    HistoryRoutes.create(vertx, otherRegistry, null, new HistoryRoutesOptions()).mount(otherRouter, "/health");
    other = new TestServer(vertx, otherRouter);

  }

  /** A fleet of three: this instance, the other one (its address known), one missing without an address. */
  static JsonObject fleet(Instant now, int otherPort) {
    NodeStatus self = new NodeStatus("node-a", "shop", "127.0.0.1:" + http.server.actualPort(), HealthStatus.FAIL,
      false, Map.of(), List.of(new NodeStatus.Failing("db/primary", HealthStatus.FAIL, "connection refused: db-1:5432"),
      new NodeStatus.Failing("disk", HealthStatus.WARN, "4.1 GB free")), false, null, now);
    NodeStatus b = new NodeStatus("node-b", "shop", "127.0.0.1:" + otherPort, HealthStatus.FAIL, false, Map.of(),
      List.of(new NodeStatus.Failing("db/primary", HealthStatus.FAIL, "connection <refused>")), false, null, now);
    NodeStatus c = new NodeStatus("node-c", "shop", "shop-7f9c", HealthStatus.PASS, true, Map.of(), List.of(), false,
      null, now.minusSeconds(40));
    return new FleetView("cluster", List.of(new FleetMember(self, now, FleetMember.State.UP, true),
      new FleetMember(b, now, FleetMember.State.UP, false), new FleetMember(c, now.minusSeconds(40),
        FleetMember.State.MISSING, false)), now, false, null).toJson(Quorum.count(2));
  }

  @BeforeEach
  void page() {
    FLEET.set(fleet(CLOCK.instant(), other.server.actualPort()));
    browser.manage().window().setSize(new Dimension(1200, 900));
  }

  @AfterAll
  static void stop() throws IOException {
    if (chromium != null) {
      chromium.close();
    }
    if (http != null) {
      http.close();
      other.close();
      result(registry.close());
    }
    if (vertx != null) {
      result(vertx.close());
    }
  }

  private String url() {
    return "http://127.0.0.1:" + http.server.actualPort() + "/health/ui";
  }

  /** Loads the page, and waits for the script's event stream to be open. */
  private void load(String url) {
    browser.get(url);
    chromium.read("window.vitalsSamePage = true; return 1;");
    chromium.waitUntil(d -> "on".equals(chromium.attribute("html", "data-live")));
  }

  private static List<Object> rowsInOrder() {
    return chromium.list("return Array.from(document.querySelectorAll('table.checks tbody tr'))"
      + ".map(function (r) { return r.getAttribute('data-check') + ':' + r.getAttribute('data-status'); });");
  }

  @Test
  void failingFirstThenWarnThenPassThenByName() {
    load(url());
    assertThat(rowsInOrder()).containsExactly("db/primary:fail", "orders:fail", "disk:warn", "cache:pass",
      "payments-api:pass", "queue:pass");
    assertThat(chromium.text("[data-count='fail']")).isEqualTo("2 failing");
    assertThat(chromium.text("[data-count='warn']")).isEqualTo("1 warning");
  }

  @Test
  void sinceLastChangeAndMarks() {
    load(url());
    Instant failing = registry.history("db/primary").since();
    assertThat(failing).isEqualTo(CLOCK.instant().minus(Duration.ofMinutes(7)));
    assertThat(chromium.attribute("tr[data-check='db/primary'] td.since time", "datetime")).isEqualTo(failing.toString());
    assertThat(chromium.text("tr[data-check='db/primary'] td.since time")).isEqualTo("7 min ago");
    assertThat(chromium.attribute("tr[data-check='cache'] td.changed time", "datetime"))
      .as("the last transition: back to pass, then warn... its last one")
      .isEqualTo(registry.history("cache").transitions().get(registry.history("cache").transitions().size() - 1)
        .at().toString());
    assertThat(chromium.text("tr[data-check='db/primary'] .availability .budget"))
      .as("47 min down in 24 h with an SLO of 99.9 %").isEqualTo("budget overspent");
    assertThat(chromium.attribute("tr[data-check='db/primary'] .availability .budget", "title")).isEqualTo("SLO 99.9 %");
    assertThat(chromium.text("tr[data-check='payments-api'] .availability .budget")).matches("budget \\d+ % left");
    assertThat(chromium.read("return document.querySelectorAll(\"tr[data-check='disk'] .budget\").length;"))
      .as("no SLO, no budget").isEqualTo("0");
    assertThat(chromium.text("tr[data-check='cache'] .mark.noncritical")).isEqualTo("non-critical");
    assertThat(chromium.read("return document.querySelectorAll('tr[data-check=\"db/primary\"] .noncritical').length;"))
      .isEqualTo("0");
    assertThat(chromium.attribute("tr[data-check='orders'] .mark.blocked", "data-blocked-by")).isEqualTo("db/primary");
    assertThat(chromium.text("tr[data-check='orders'] .mark.blocked")).isEqualTo("blocked by db/primary");
    assertThat(chromium.attribute("tr[data-check='payments-api'] [data-flapping]", "data-flapping")).isEqualTo("true");
    String label = chromium.attribute("tr[data-check='payments-api'] svg.sparkline", "aria-label");
    java.util.regex.Matcher runs = java.util.regex.Pattern.compile("latency of the last (\\d+) runs: last (\\d+) ms,"
      + " slowest (\\d+) ms").matcher(label);
    assertThat(runs.matches()).as(label).isTrue();
    assertThat(Integer.parseInt(runs.group(1))).isGreaterThanOrEqualTo(10);
    assertThat(Integer.parseInt(runs.group(3))).as("the slowest of the delayed runs").isGreaterThanOrEqualTo(30);
    assertThat(chromium.read("return document.querySelector(\"tr[data-check='payments-api'] svg.sparkline polyline\")"
      + ".getAttribute('points').split(' ').length;")).as("a point a run, 50 at most")
      .isEqualTo(String.valueOf(Math.min(50, Integer.parseInt(runs.group(1)))));
  }

  /** Status of the timeline's rects per stretch, and the colours they are painted in. */
  @Test
  void timelinesAreColouredByStatusMaintenanceAndNoData() {
    load(url());
    assertThat(chromium.list("return Array.from(document.querySelectorAll(\"tr[data-check='db/primary'] svg.timeline rect\"))"
      + ".map(function (r) { return r.getAttribute('class'); });"))
      .containsExactly("s-pass", "s-fail", "s-pass", "s-fail", "s-maintenance");
    assertThat(chromium.list("return Array.from(document.querySelectorAll(\"tr[data-check='queue'] svg.timeline rect\"))"
      + ".map(function (r) { return r.getAttribute('class'); });"))
      .as("registered late: no data before its first result").containsExactly("s-none", "s-pass", "s-maintenance");
    assertThat(chromium.list("return Array.from(document.querySelectorAll(\"tr[data-check='cache'] svg.timeline rect\"))"
      + ".map(function (r) { return r.getAttribute('class'); });"))
      .containsExactly("s-pass", "s-warn", "s-pass", "s-maintenance");
    assertThat(fill("s-pass")).isEqualTo("rgb(26, 127, 55)");
    assertThat(fill("s-warn")).isEqualTo("rgb(154, 103, 0)");
    assertThat(fill("s-fail")).isEqualTo("rgb(207, 34, 46)");
    assertThat(fill("s-maintenance")).isEqualTo("rgb(9, 105, 218)");
    assertThat(fill("s-none")).isEqualTo("rgb(140, 149, 159)");
    // The outage: 40 min of 24 h at 1000 units, at its place.
    double start = Duration.between(CLOCK.instant().minus(Duration.ofHours(24)), outageStart).toMillis() * 1000.0
      / Duration.ofHours(24).toMillis();
    assertThat(Double.parseDouble(chromium.attribute("tr[data-check='db/primary'] svg.timeline rect.s-fail", "x")))
      .isCloseTo(start, org.assertj.core.data.Offset.offset(0.01));
    assertThat(Double.parseDouble(chromium.attribute("tr[data-check='db/primary'] svg.timeline rect.s-fail", "width")))
      .isCloseTo(40 * 1000.0 / 1440, org.assertj.core.data.Offset.offset(0.01));
    double maintenanceX = Duration.between(CLOCK.instant().minus(Duration.ofHours(24)), maintenanceStart).toMillis()
      * 1000.0 / Duration.ofHours(24).toMillis();
    assertThat(Double.parseDouble(chromium.attribute("tr[data-check='disk'] svg.timeline rect.s-maintenance", "x")))
      .isCloseTo(maintenanceX, org.assertj.core.data.Offset.offset(0.01));
  }

  private static String fill(String status) {
    return chromium.read("var r = document.querySelector(\"svg.timeline rect." + status + "\");"
      + " return r && getComputedStyle(r).fill;");
  }

  @Test
  void theSevenDayToggleRedrawsInPlace() {
    load(url());
    double dayFail = width("db/primary", "s-fail");
    browser.findElement(By.cssSelector("a[data-window='7d']")).click();
    chromium.waitUntil(d -> "7d".equals(chromium.attribute("html", "data-window")));
    chromium.waitUntil(d -> chromium.read("return document.querySelector('.toggle strong').textContent;").equals("7 d"));
    assertThat(browser.getCurrentUrl()).endsWith("/health/ui?window=7d");
    assertThat(chromium.read("return window.vitalsSamePage === true;")).as("swapped, not reloaded").isEqualTo("true");
    assertThat(chromium.text("table.checks thead th:nth-child(7)")).isEqualTo("Last 7 d");
    // A day observed of seven: grey first, then the day's stretches at a seventh of their width.
    assertThat(chromium.attribute("tr[data-check='db/primary'] svg.timeline rect", "class")).isEqualTo("s-none");
    Instant first = registry.history("db/primary").transitions().get(0).at();
    assertThat(width("db/primary", "s-none")).isCloseTo(Duration.between(CLOCK.instant().minus(Duration.ofDays(7)),
      first).toMillis() * 1000.0 / Duration.ofDays(7).toMillis(), org.assertj.core.data.Offset.offset(0.01));
    assertThat(width("db/primary", "s-fail")).as("the 40 min outage").isCloseTo(dayFail / 7,
      org.assertj.core.data.Offset.offset(0.01));
    assertThat(chromium.attribute("tr[data-check='db/primary'] .availability .main", "data-window")).isEqualTo("7d");

    browser.findElement(By.cssSelector("a[data-window='24h']")).click();
    chromium.waitUntil(d -> "24h".equals(chromium.attribute("html", "data-window")));
    assertThat(chromium.text("table.checks thead th:nth-child(7)")).isEqualTo("Last 24 h");
    // Without the script the toggle is a plain link the server answers.
    assertThat(result(http.client.get("/health/ui?window=7d").send()).bodyAsString())
      .contains("data-window=\"7d\"", "<th scope=\"col\">Last 7 d</th>");
    assertThat(result(http.client.get("/health/ui?window=30y").send()).statusCode()).isEqualTo(400);
  }

  /** The widest rect of a status in a check's timeline (the first, for s-pass, which comes first). */
  private static double width(String check, String status) {
    return Double.parseDouble(chromium.read("return Math.max.apply(null, Array.from(document.querySelectorAll("
      + "\"tr[data-check='" + check + "'] svg.timeline rect." + status + "\")).map(function (r) {"
      + " return Number(r.getAttribute('width')); }));"));
  }

  @Test
  void theFleetViewShowsInstancesByChecksAndLinksToEach() {
    load(url());
    assertThat(chromium.text("#fleet-title")).isEqualTo("Fleet: 3 instances, 0 ready");
    assertThat(chromium.list("return Array.from(document.querySelectorAll('.fleet-matrix thead th.inst'))"
      + ".map(function (h) { return h.textContent + ':' + h.className; });")).containsExactly(
      "127.0.0.1:" + http.server.actualPort() + ":inst s-fail", "127.0.0.1:" + other.server.actualPort() + ":inst s-fail",
      "shop-7f9c:inst s-none");
    assertThat(cells("db/primary")).containsExactly("fail", "fail", "none");
    assertThat(cells("disk")).containsExactly("warn", "pass", "none");
    assertThat(cells("")).as("the overall row").containsExactly("fail", "fail", "none");
    assertThat(chromium.list("return Array.from(document.querySelectorAll('.fleet-matrix tbody tr'))"
      + ".map(function (r) { return r.getAttribute('data-fleet-check'); });"))
      .as("the most failing first; checks no instance names are listed apart").containsExactly("", "db/primary", "disk");
    assertThat(chromium.text("details.clear summary")).startsWith("4 checks no instance names");
    assertThat(chromium.attribute("tr[data-fleet-check='db/primary'] td[data-instance='1']", "title"))
      .isEqualTo("db/primary on 127.0.0.1:" + other.server.actualPort() + ": fail: connection <refused>");
    assertThat(chromium.attribute("tr[data-fleet-check='db/primary'] td[data-instance='2'] a", "href"))
      .as("no address: its detail on this page").isEqualTo("#instance-2");
    assertThat(chromium.text("#instance-2")).startsWith("shop-7f9c: missing");

    // One click on a cell to the other instance's own dashboard.
    browser.findElement(By.cssSelector("tr[data-fleet-check='db/primary'] td[data-instance='1'] a")).click();
    chromium.waitUntil(d -> d.getCurrentUrl().equals("http://127.0.0.1:" + other.server.actualPort() + "/health/ui"));
    chromium.waitUntil(d -> "fail".equals(chromium.attribute("tr[data-check='db/primary']", "data-status")));
    assertThat(browser.getTitle()).isEqualTo("fail · Vitals");
  }

  private static List<Object> cells(String check) {
    return chromium.list("return Array.from(document.querySelectorAll(\"tr[data-fleet-check='" + check + "'] td\"))"
      + ".map(function (c) { return c.getAttribute('data-status'); });");
  }

  @Test
  void theFleetPanelFollowsTheFleetWithoutAReload() {
    load(url());
    JsonObject recovered = fleet(CLOCK.instant(), other.server.actualPort());
    recovered.getJsonArray("nodes").getJsonObject(1).put("outcome", "pass").put("failing", new io.vertx.core.json.JsonArray())
      .put("failingCount", 0);
    FLEET.set(recovered);
    chromium.waitUntil(d -> List.of("fail", "pass", "none").equals(cells("db/primary")));
    assertThat(chromium.read("return window.vitalsSamePage === true;")).isEqualTo("true");
  }

  @Test
  void rowsAreReachedAndMovedBetweenWithTheKeyboard() {
    load(url());
    browser.findElement(By.tagName("body")).sendKeys(Keys.TAB); // the skip link comes first
    assertThat(chromium.read("return document.activeElement.textContent;")).isEqualTo("Skip to the checks");
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    for (int i = 0; i < 10 && !"TR".equals(chromium.read("return document.activeElement.tagName;")); i++) {
      new Actions(browser).sendKeys(Keys.TAB).perform();
    }
    assertThat(chromium.read("return document.activeElement.getAttribute('data-check');")).isEqualTo("db/primary");
    assertThat(chromium.read("var s = getComputedStyle(document.activeElement);"
      + " return s.outlineStyle + ' ' + s.outlineWidth;")).as("a visible focus").isEqualTo("solid 3px");
    new Actions(browser).sendKeys(Keys.ARROW_DOWN).perform();
    new Actions(browser).sendKeys(Keys.ARROW_DOWN).perform();
    assertThat(chromium.read("return document.activeElement.getAttribute('data-check');")).isEqualTo("disk");
    new Actions(browser).sendKeys(Keys.END).perform();
    assertThat(chromium.read("return document.activeElement.getAttribute('data-check');")).isEqualTo("queue");
    new Actions(browser).sendKeys(Keys.ARROW_UP).perform();
    assertThat(chromium.read("return document.activeElement.getAttribute('data-check');")).isEqualTo("payments-api");
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    chromium.waitUntil(d -> d.getCurrentUrl().endsWith("/health/history/payments-api"));
  }

  @Test
  void readableAt360PxWithoutHorizontalScrolling() throws IOException {
    browser.manage().window().setSize(new Dimension(360, 720));
    load(url());
    assertThat(chromium.read("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
      .as("no horizontal scrolling at 360 px").isEqualTo("0");
    assertThat(chromium.read("return document.documentElement.clientWidth <= 360;")).isEqualTo("true");
    for (String selector : List.of("span.status[data-check='cache']", "tr[data-check='db/primary'] svg.timeline",
      "tr[data-check='orders'] .mark.blocked", "#fleet-title")) {
      assertThat(chromium.read("var r = document.querySelector(\"" + selector + "\").getBoundingClientRect();"
        + " return r.right <= document.documentElement.clientWidth && r.width > 0;")).as(selector).isEqualTo("true");
    }
    Files.write(Path.of("target", "dashboard-360.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  /** Each test loads its own page; this one, last, changes a check and the clock. */
  @Test
  @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
  void aCheckThatFlipsShowsOnThePageWithoutAReload() throws IOException {
    load(url());
    assertThat(rowsInOrder().get(rowsInOrder().size() - 1)).isEqualTo("queue:pass");
    Instant flipped = CLOCK.instant();
    set("queue", ProcedureResult.fail("depth 90211 > 10000"));
    CLOCK.advance(Duration.ofMinutes(5)); // the page's rows rendered after it show 5 min of failure
    chromium.waitUntil(d -> "fail".equals(chromium.attribute("span.status[data-check='queue']", "data-status")));
    assertThat(rowsInOrder()).as("moved up among the failing, by name")
      .startsWith("db/primary:fail", "orders:fail", "queue:fail");
    assertThat(chromium.text("tr[data-check='queue'] .output .text")).isEqualTo("depth 90211 > 10000");
    assertThat(chromium.attribute("tr[data-check='queue'] td.since time", "datetime")).isEqualTo(flipped.toString());
    assertThat(chromium.text("[data-count='fail']")).isEqualTo("3 failing");
    // Then its row as the server renders it: the timeline ends in fail.
    chromium.waitUntil(d -> chromium.read("var r = document.querySelectorAll(\"tr[data-check='queue'] svg.timeline rect"
      + ":not(.s-maintenance)\"); return r[r.length - 1].getAttribute('class');").equals("s-fail"));
    assertThat(chromium.read("return window.vitalsSamePage === true;")).as("the page was not reloaded").isEqualTo("true");
    set("queue", ProcedureResult.pass("depth 3"));
    chromium.waitUntil(d -> "pass".equals(chromium.attribute("span.status[data-check='queue']", "data-status")));
    assertThat(rowsInOrder().get(rowsInOrder().size() - 1)).isEqualTo("queue:pass");

    result(maintenance.enable("rolling upgrade of db-1"));
    chromium.waitUntil(d -> "on".equals(chromium.attribute("[data-maintenance]", "data-maintenance")));
    try {
      Path shot = Path.of("target", "dashboard.png");
      Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
      assertThat(Files.size(shot)).isGreaterThan(10_000);
    } finally {
      result(maintenance.disable());
    }
  }
}
