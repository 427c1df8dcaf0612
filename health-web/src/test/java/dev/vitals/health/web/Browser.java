package dev.vitals.health.web;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
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
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven by Selenium, with a
 * profile of its own, deleted on close; and the reads the dashboard's tests share, each one script (the page's
 * script may swap elements between two commands, leaving found elements stale).
 */
record Browser(ChromeDriver driver, Path profile) implements AutoCloseable {

  // Selenium looks for DevTools bindings of this Chromium's version, which the tests do not use: no warning.
  private static final java.util.logging.Logger CDP = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

  static {
    CDP.setLevel(java.util.logging.Level.SEVERE);
  }

  /** @return the first of the paths that is an executable file; fails naming the Debian package otherwise */
  static File executable(String debianPackage, String... candidates) {
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

  static Browser start(int width, int height) throws IOException {
    File chromium = executable("chromium", "chromium", "/usr/bin/chromium");
    File driver = executable("chromium-driver", "chromedriver", "/usr/bin/chromedriver");
    Path profile = Files.createTempDirectory("vitals-chromium");
    ChromeOptions options = new ChromeOptions().setBinary(chromium).addArguments("--headless=new", "--no-sandbox",
      "--disable-gpu", "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
      "--disable-features=Translate,OptimizationHints,MediaRouter", "--window-size=" + width + "," + height);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver).usingAnyFreePort()
      .withLogOutput(java.io.OutputStream.nullOutputStream()).build();
    return new Browser(new ChromeDriver(service, options), profile);
  }

  String read(String script) {
    return String.valueOf(((JavascriptExecutor) driver).executeScript(script));
  }

  @SuppressWarnings("unchecked")
  List<Object> list(String script) {
    return (List<Object>) ((JavascriptExecutor) driver).executeScript(script);
  }

  String attribute(String selector, String name) {
    return read("var e = document.querySelector(\"" + selector + "\"); return e && e.getAttribute('" + name + "');");
  }

  String text(String selector) {
    return read("var e = document.querySelector(\"" + selector + "\"); return e && e.textContent;");
  }

  void waitUntil(Function<WebDriver, Boolean> condition) {
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition);
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }
}
