package dev.vitals.health.web;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckRegistryOptions;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.test.MutableClock;
import dev.vitals.health.web.history.HistoryRoutes;
import dev.vitals.health.web.history.HistoryRoutesOptions;
import dev.vitals.health.web.probes.HealthHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}), driven by
 * Selenium on loopback: a check flips and the page shows it without a reload. Saves
 * {@code target/dashboard.png} (docs/history.md shows a copy, {@code docs/dashboard.png}).
 */
@ExtendWith(VertxExtension.class)
class DashboardBrowserTest {

  private static final MutableClock CLOCK = new MutableClock();
  private static final Map<String, ProcedureResult> NEXT = new ConcurrentHashMap<>();
  private static Vertx vertx;
  private static CheckRegistry registry;
  private static MaintenanceSource maintenance;
  private static TestServer http;
  private static ChromeDriver browser;
  private static Path profile;
  // Selenium looks for DevTools bindings of this Chromium's version, which the test does not use: no warning.
  private static final java.util.logging.Logger CDP = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

  static {
    CDP.setLevel(java.util.logging.Level.SEVERE);
  }

  /** @return the first of the paths that is an executable file; fails naming the Debian package otherwise */
  private static File executable(String debianPackage, String... candidates) {
    for (String candidate : candidates) {
      Path path = candidate.contains("/") ? Path.of(candidate) : Stream.of(System.getenv("PATH").split(File.pathSeparator))
        .map(dir -> Path.of(dir, candidate)).filter(Files::isExecutable).findFirst().orElse(null);
      if (path != null && Files.isExecutable(path)) {
        return path.toFile();
      }
    }
    throw new AssertionError(String.join(" or ", candidates) + " not found: install the Debian package "
      + debianPackage + " (apt-get install -y " + debianPackage + ")");
  }

  private static void register(String name, CheckOptions options) {
    registry.register(options.setSuccessTtl(0).setFailureTtl(0), () -> Future.succeededFuture(NEXT.get(name)));
  }

  private static void set(String name, ProcedureResult result) {
    NEXT.put(name, result);
    result(registry.report(name));
  }

  @BeforeAll
  static void start() throws IOException {
    File chromium = executable("chromium", "chromium", "/usr/bin/chromium");
    File driver = executable("chromium-driver", "chromedriver", "/usr/bin/chromedriver");
    vertx = Vertx.vertx();
    registry = CheckRegistry.create(vertx, new CheckRegistryOptions().setClock(CLOCK));
    maintenance = MaintenanceSource.local();
    NEXT.put("db/primary", ProcedureResult.pass("select 1: 2 ms"));
    NEXT.put("cache", ProcedureResult.pass("PONG"));
    NEXT.put("payments-api", ProcedureResult.pass("200 OK in 41 ms"));
    NEXT.put("disk", ProcedureResult.pass("41.2 GB free"));
    register("db/primary", new CheckOptions("db/primary").setSlo(99.9));
    register("cache", new CheckOptions("cache").setCritical(false));
    register("payments-api", new CheckOptions("payments-api").setSlo(99.0));
    register("disk", new CheckOptions("disk"));
    // A day of history on the injected clock: a 40 min outage of the database, a slow cache, a flapping API.
    NEXT.keySet().forEach(name -> set(name, NEXT.get(name)));
    CLOCK.advance(Duration.ofHours(6));
    set("db/primary", ProcedureResult.fail("connection refused: db-1:5432"));
    CLOCK.advance(Duration.ofMinutes(40));
    set("db/primary", ProcedureResult.pass("select 1: 3 ms"));
    CLOCK.advance(Duration.ofHours(8));
    set("cache", ProcedureResult.warn("PONG in 812 ms"));
    CLOCK.advance(Duration.ofHours(2));
    set("cache", ProcedureResult.pass("PONG"));
    CLOCK.advance(Duration.ofHours(7));
    for (int i = 0; i < 8; i++) {
      set("payments-api", i % 2 == 0 ? ProcedureResult.fail("503 Service Unavailable") : ProcedureResult.pass("200 OK"));
      CLOCK.advance(Duration.ofMinutes(3));
    }
    set("payments-api", ProcedureResult.pass("200 OK in 44 ms"));
    set("disk", ProcedureResult.pass("41.0 GB free"));

    Router router = Router.router(vertx);
    HistoryRoutes.create(vertx, registry, maintenance, new HistoryRoutesOptions()).mount(router, "/health");
    router.route("/health*").handler(HealthHandler.create(registry).maintenance(maintenance));
    http = new TestServer(vertx, router);

    profile = Files.createTempDirectory("vitals-chromium");
    ChromeOptions options = new ChromeOptions().setBinary(chromium).addArguments("--headless=new", "--no-sandbox",
      "--disable-gpu", "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
      "--disable-features=Translate,OptimizationHints,MediaRouter", "--window-size=1200,640");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver).usingAnyFreePort()
      .withLogOutput(java.io.OutputStream.nullOutputStream()).build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (http != null) {
      http.close();
      result(registry.close());
    }
    if (vertx != null) {
      result(vertx.close());
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  /** Reads in one command: the script may swap the table between two commands, leaving found elements stale. */
  private static String read(String script) {
    return String.valueOf(((JavascriptExecutor) browser).executeScript(script));
  }

  private static String attribute(String selector, String name) {
    return read("var e = document.querySelector(\"" + selector + "\"); return e && e.getAttribute('" + name + "');");
  }

  private static String text(String selector) {
    return read("var e = document.querySelector(\"" + selector + "\"); return e && e.textContent;");
  }

  private static String status(String check) {
    return "span.status[data-check='" + check + "']";
  }

  private static void waitUntil(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition);
  }

  @Test
  void aCheckThatFlipsShowsOnThePageWithoutAReload() throws IOException {
    browser.get("http://127.0.0.1:" + http.server.actualPort() + "/health/ui");
    ((JavascriptExecutor) browser).executeScript("window.vitalsSamePage = true;");
    // The script's EventSource connected: on opening it fetched the page once and swapped the table in.
    waitUntil(d -> "1".equals(attribute("html", "data-updates")));
    assertThat(browser.getTitle()).isEqualTo("pass · Vitals");
    assertThat(attribute(status("db/primary"), "data-status")).isEqualTo("pass");
    assertThat(text(status("db/primary"))).isEqualTo("✔ pass");
    assertThat(attribute("tr[data-check='payments-api'] [data-flapping]", "data-flapping")).isEqualTo("true");
    assertThat(read("return document.querySelectorAll('tr[data-check] svg.timeline rect').length;"))
      .satisfies(count -> assertThat(Integer.parseInt(count)).isGreaterThan(4));

    set("db/primary", ProcedureResult.fail("connection refused: db-1:5432"));
    result(maintenance.enable("rolling upgrade of db-1"));
    waitUntil(d -> "fail".equals(attribute(status("db/primary"), "data-status")));
    waitUntil(d -> d.getTitle().equals("fail · Vitals"));
    waitUntil(d -> "on".equals(attribute("[data-maintenance]", "data-maintenance")));
    assertThat(text(status("db/primary"))).isEqualTo("✖ fail");
    assertThat(text("tr[data-check='db/primary'] .output")).isEqualTo("connection refused: db-1:5432");
    assertThat(read("return window.vitalsSamePage === true;")).as("the page was not reloaded").isEqualTo("true");
    Path shot = Path.of("target", "dashboard.png");
    Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    assertThat(Files.size(shot)).isGreaterThan(10_000);

    browser.manage().window().setSize(new Dimension(360, 720));
    assertThat(read("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
      .as("no horizontal scrolling at 360 px").isEqualTo("0");
    assertThat(read("var r = document.querySelector(\"" + status("cache") + "\").getBoundingClientRect();"
      + " return r.right <= 360 && r.width > 0;")).isEqualTo("true");
  }
}
