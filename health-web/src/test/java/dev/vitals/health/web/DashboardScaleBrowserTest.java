package dev.vitals.health.web;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckRegistryOptions;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.test.MutableClock;
import dev.vitals.health.web.history.HistoryRoutes;
import dev.vitals.health.web.history.HistoryRoutesOptions;
import dev.vitals.health.web.probes.HealthHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard at scale in a real headless Chromium: 1,000 checks with a day of history each, and a fleet of 20
 * instances. Asserts what the page shows; prints what it took (navigation timing and first contentful paint of
 * the page; per change, the script's work from the event to the row applied, and from the change on the server to
 * the row changed in the page; the swap of the server's rows, of the fleet panel, of the whole dashboard). The
 * figures are the machine's, not limits: docs/history.md quotes a run.
 */
class DashboardScaleBrowserTest {

  private static final int CHECKS = 1_000;
  private static final int INSTANCES = 20;
  private static final MutableClock CLOCK = new MutableClock();
  private static final Map<String, ProcedureResult> NEXT = new ConcurrentHashMap<>();
  private static final AtomicReference<JsonObject> FLEET = new AtomicReference<>();
  private static Vertx vertx;
  private static CheckRegistry registry;
  private static TestServer http;
  private static Browser chromium;

  private static String name(int i) {
    return String.format(Locale.ROOT, "svc-%02d/dep-%03d", i / 50, i % 50 + i / 50 * 50);
  }

  private static ProcedureResult status(int i, int hour) {
    if (i % 50 == 7) {
      return ProcedureResult.fail("connection refused: " + name(i));
    }
    if (i % 33 == 5 || (i % 10 == 3 && hour % 6 == 1)) {
      return ProcedureResult.warn("slow: 812 ms");
    }
    return ProcedureResult.pass("200 OK in " + (i % 40 + hour) + " ms");
  }

  private static void set(String name, ProcedureResult result) {
    NEXT.put(name, result);
    result(registry.report(name));
  }

  static JsonObject fleet(int variant) {
    JsonArray nodes = new JsonArray();
    for (int n = 0; n < INSTANCES; n++) {
      JsonArray failing = new JsonArray();
      for (int k = 0; k < 10; k++) {
        int check = (n * 37 + k * 101 + variant) % CHECKS;
        failing.add(new JsonObject().put("name", name(check)).put("status", k % 3 == 0 ? "warn" : "fail")
          .put("output", "refused by " + name(check) + " on node " + n));
      }
      nodes.add(new JsonObject().put("node", "node-" + n).put("application", "shop")
        .put("instance", "10.0.0." + (n + 10) + ":8080").put("outcome", "fail").put("ready", n % 4 != 0)
        .put("maintenance", n == 3).put("failing", failing).put("failingCount", failing.size())
        .put("ageMs", 1200).put("state", n == 19 ? "missing" : "up").put("self", n == 0)
        .put("at", CLOCK.instant().toString()));
    }
    return new JsonObject().put("source", "cluster").put("total", INSTANCES).put("ready", 15).put("stale", false)
      .put("at", CLOCK.instant().toString()).put("nodes", nodes);
  }

  @BeforeAll
  static void start() throws IOException {
    vertx = Vertx.vertx();
    registry = CheckRegistry.create(vertx, new CheckRegistryOptions().setClock(CLOCK));
    for (int i = 0; i < CHECKS; i++) {
      String name = name(i);
      NEXT.put(name, status(i, 0));
      registry.register(new CheckOptions(name).setSuccessTtl(0).setFailureTtl(0).setCritical(i % 9 != 4)
        .setSlo(i % 2 == 0 ? 99.9 : null), () -> Future.succeededFuture(NEXT.get(name)));
    }
    // A day of runs every 15 min (the 100 runs kept, nearly): transitions for a tenth of the checks every few hours.
    for (int quarter = 0; quarter < 96; quarter++) {
      for (int i = 0; i < CHECKS; i++) {
        set(name(i), status(i, quarter / 4));
      }
      CLOCK.advance(Duration.ofMinutes(15));
    }
    FLEET.set(fleet(0));
    Router router = Router.router(vertx);
    HistoryRoutes.create(vertx, registry, null, new HistoryRoutesOptions()).fleet(FLEET::get).mount(router, "/health");
    router.route("/health*").handler(HealthHandler.create(registry));
    http = new TestServer(vertx, router);
    chromium = Browser.start(1280, 900);
  }

  @AfterAll
  static void stop() throws IOException {
    if (chromium != null) {
      chromium.close();
    }
    if (http != null) {
      http.close();
      result(registry.close());
    }
    if (vertx != null) {
      result(vertx.close());
    }
  }

  private static double number(String script) {
    return Double.parseDouble(chromium.read(script));
  }

  private static double lastTiming(String kind, int after) {
    chromium.waitUntil(d -> count(kind) > after);
    return number("var t = window.vitalsTimings.filter(function (t) { return t.kind === '" + kind + "'; });"
      + " return t[t.length - 1].ms;");
  }

  private static int count(String kind) {
    return Integer.parseInt(chromium.read("return window.vitalsTimings.filter(function (t) { return t.kind === '"
      + kind + "'; }).length;"));
  }

  @Test
  void aThousandChecksByTwentyInstances() {
    String url = "http://127.0.0.1:" + http.server.actualPort() + "/health/ui";
    int bytes = http.get("/health/ui").body().length();
    List<Double> served = new ArrayList<>();
    for (int run = 0; run < 5; run++) {
      long start = System.nanoTime();
      http.get("/health/ui");
      served.add((System.nanoTime() - start) / 1e6);
    }
    List<Double> reports = new ArrayList<>();
    List<Double> histories = new ArrayList<>();
    for (int run = 0; run < 5; run++) {
      long start = System.nanoTime();
      result(registry.report());
      reports.add((System.nanoTime() - start) / 1e6);
      start = System.nanoTime();
      assertThat(registry.history()).hasSize(CHECKS);
      histories.add((System.nanoTime() - start) / 1e6);
    }
    List<String> loads = new ArrayList<>();
    for (int run = 0; run < 3; run++) {
      chromium.driver().get("about:blank");
      chromium.driver().get(url);
      chromium.waitUntil(d -> "on".equals(chromium.attribute("html", "data-live")));
      loads.add(chromium.read("var n = performance.getEntriesByType('navigation')[0];"
        + " var p = performance.getEntriesByName('first-contentful-paint')[0];"
        + " return 'response ' + Math.round(n.responseEnd) + ' ms, DOM ready ' + Math.round(n.domContentLoadedEventEnd)"
        + " + ' ms, load ' + Math.round(n.loadEventEnd) + ' ms, first contentful paint '"
        + " + (p ? Math.round(p.startTime) : '?') + ' ms';"));
    }
    assertThat(chromium.read("return document.querySelectorAll('table.checks tbody tr[data-check]').length;"))
      .isEqualTo(String.valueOf(CHECKS));
    assertThat(chromium.read("return document.querySelectorAll('.fleet-matrix thead th.inst').length;"))
      .isEqualTo(String.valueOf(INSTANCES));
    assertThat(chromium.attribute("table.checks tbody tr", "data-status")).as("failing first").isEqualTo("fail");

    // Changes, one at a time: from the server's change to the row changed in the page.
    List<Double> applied = new ArrayList<>();
    List<Double> endToEnd = new ArrayList<>();
    List<Double> rows = new ArrayList<>();
    for (int k = 0; k < 10; k++) {
      int i = 101 + k * 60; // none of the flapping ones, whose changes are not streamed while they flap
      String name = name(i);
      assertThat(chromium.attribute("tr[data-check='" + name + "']", "data-status")).isNotEqualTo("fail");
      int checks = count("check");
      int parts = count("parts");
      chromium.read("var row = document.querySelector(\"tr[data-check='" + name + "']\");"
        + " window.vitalsSeen = null; var t0 = performance.now(); window.vitalsT0 = t0;"
        + " new MutationObserver(function (m, o) { var r = document.querySelector(\"tr[data-check='" + name + "']\");"
        + " if (r && r.getAttribute('data-status') === 'fail') { window.vitalsSeen = performance.now() - t0; o.disconnect(); } })"
        + ".observe(document.querySelector('table.checks tbody'), {attributes: true, subtree: true, childList: true});"
        + " return 1;");
      set(name, ProcedureResult.fail("down: " + name));
      chromium.waitUntil(d -> !"null".equals(chromium.read("return window.vitalsSeen;")));
      endToEnd.add(number("return window.vitalsSeen;"));
      applied.add(lastTiming("check", checks));
      rows.add(lastTiming("parts", parts));
      assertThat(chromium.read("var r = document.querySelector(\"tr[data-check='" + name + "']\");"
        + " var p = r.previousElementSibling; return (!p || p.getAttribute('data-status') === 'fail')"
        + " && r.querySelector('.output .text').textContent;")).isEqualTo("down: " + name);
    }

    // The 7 d toggle: the whole dashboard read again and swapped in place.
    chromium.driver().findElement(org.openqa.selenium.By.cssSelector("a[data-window='7d']")).click();
    double pageSwap = lastTiming("page", 0);
    assertThat(chromium.attribute("html", "data-window")).isEqualTo("7d");

    int fleetSwaps = count("fleet");
    FLEET.set(fleet(1));
    double fleetSwap = lastTiming("fleet", fleetSwaps);
    assertThat(chromium.read("return document.querySelectorAll(\".fleet-matrix td[data-instance='0'] a\").length > 0;"))
      .isEqualTo("true");

    System.out.printf(Locale.ROOT, "Dashboard at %d checks × %d instances: page %d KB%n", CHECKS, INSTANCES, bytes / 1024);
    System.out.printf(Locale.ROOT, "  served (the checks run, their histories read, the page rendered and sent): %s ms%n",
      figures(served));
    System.out.printf(Locale.ROOT, "    of which the checks run (a report): %s ms; their histories read: %s ms%n",
      figures(reports), figures(histories));
    loads.forEach(load -> System.out.println("  load: " + load));
    System.out.printf(Locale.ROOT, "  change applied to its row, from the event: %s ms%n", figures(applied));
    System.out.printf(Locale.ROOT, "  change seen in the page, from the server's change: %s ms%n", figures(endToEnd));
    System.out.printf(Locale.ROOT, "  the row as the server renders it, swapped in: %s ms%n", figures(rows));
    System.out.printf(Locale.ROOT, "  fleet panel swapped: %.1f ms; whole dashboard swapped (the 7 d toggle): %.1f ms%n",
      fleetSwap, pageSwap);
  }

  private static String figures(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return String.format(Locale.ROOT, "median %.1f, max %.1f (of %d)", sorted.get(sorted.size() / 2),
      sorted.get(sorted.size() - 1), sorted.size());
  }
}
