package dev.vitals.readme;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's embedding project, built from README's text. Each file of the project sits in README in a fenced code
 * block right after a line {@code <!-- embedding-project: <path> -->}; the test writes them under
 * {@code target/readme-project} and runs {@code mvn -B package} there, as a newcomer would after README's
 * {@code mvn -B install -DskipTests}. Instead of an install into the user's repository, this build's artifacts are
 * staged by maven-dependency-plugin (this module's pom) in {@code target/staged-repo}, the project's local
 * repository; everything else comes from the user's local repository, read as a file repository (offline, as the
 * outer build is), then Maven Central. A pom that no longer builds, code that no longer compiles against the API,
 * or a marker that lost its block fails here. It runs in the {@code integration-test} phase, after the staging:
 * {@code mvn -B -o verify -pl readme-it -am -Dtest=ReadmeEmbeddingProjectTest -Dsurefire.failIfNoSpecifiedTests=false}
 * runs it alone.
 */
class ReadmeEmbeddingProjectTest {

  private static final Path README = Path.of("..", "README.md");
  private static final Pattern MARKER = Pattern.compile("<!-- embedding-project: (\\S+) -->");
  private static final Path PROJECT = Path.of("target", "readme-project");

  /**
   * @param readme README's text
   * @return the project's files by relative path, in README's order
   * @throws IllegalStateException when a marker is not followed by a fenced block, names a path twice, or escapes
   *                               the project directory
   */
  static Map<String, String> projectFiles(String readme) {
    Map<String, String> files = new LinkedHashMap<>();
    List<String> lines = readme.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      Matcher marker = MARKER.matcher(lines.get(i).trim());
      if (!marker.matches()) {
        continue;
      }
      String path = marker.group(1);
      if (path.startsWith("/") || path.contains("..")) {
        throw new IllegalStateException("README line " + (i + 1) + ": " + path + " is not a path inside the project");
      }
      if (i + 1 >= lines.size() || !lines.get(i + 1).startsWith("```")) {
        throw new IllegalStateException("README line " + (i + 1) + ": the marker of " + path
          + " is not followed by a fenced code block");
      }
      StringBuilder text = new StringBuilder();
      int j = i + 2;
      for (; j < lines.size() && !lines.get(j).startsWith("```"); j++) {
        text.append(lines.get(j)).append('\n');
      }
      if (j == lines.size()) {
        throw new IllegalStateException("README line " + (i + 2) + ": the block of " + path + " never ends");
      }
      if (files.put(path, text.toString()) != null) {
        throw new IllegalStateException("README names " + path + " twice");
      }
      i = j;
    }
    return files;
  }

  @Test
  void readmeMarksAPomAndJavaCodeAndTheInstallStep() throws IOException {
    String readme = Files.readString(README);
    Map<String, String> files = projectFiles(readme);
    assertThat(files).containsKey("pom.xml");
    assertThat(files.keySet()).anyMatch(path -> path.startsWith("src/main/java/") && path.endsWith(".java"));
    assertThat(files.get("pom.xml")).contains("<artifactId>vitals-bom</artifactId>");
    // Until the artifacts are published, the project needs them in the user's repository first.
    assertThat(readme).contains("mvn -B install -DskipTests");
  }

  @Test
  void theProjectBuildsAsReadmeGivesIt() throws Exception {
    Map<String, String> files = projectFiles(Files.readString(README));
    assertThat(files).containsKey("pom.xml");
    deleteRecursively(PROJECT);
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = PROJECT.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue());
    }

    Path staged = Path.of(System.getProperty("readme.staged.repo", "target/staged-repo")).toAbsolutePath();
    assertThat(staged.resolve("dev/vitals/vitals-bom")).as("this build's artifacts, staged by the pom").isDirectory();
    Path userRepo = Path.of(System.getProperty("readme.user.repo",
      System.getProperty("user.home") + "/.m2/repository")).toAbsolutePath();
    Path settings = PROJECT.resolve("target/settings.xml");
    Files.createDirectories(settings.getParent());
    Files.writeString(settings, settings(userRepo));

    String mavenHome = System.getProperty("maven.home");
    List<String> command = new ArrayList<>(List.of(
      mavenHome == null || mavenHome.isEmpty() ? "mvn" : Path.of(mavenHome, "bin", "mvn").toString(),
      "-B", "-s", settings.toAbsolutePath().toString(), "-Dmaven.repo.local=" + staged));
    if ("offline=true".equals(System.getProperty("readme.offline"))) {
      // Offline as the outer build, yet the user's repository is a file:// one: let the resolver read it.
      command.addAll(List.of("-o", "-Daether.offline.protocols=file"));
    }
    command.add("package");
    Path log = PROJECT.resolve("target/build.log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile())
      .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process maven = builder.start();
    if (!maven.waitFor(5, TimeUnit.MINUTES)) {
      maven.destroyForcibly();
      throw new AssertionError("mvn package of README's project ran over 5 minutes; log: " + log.toAbsolutePath());
    }
    assertThat(maven.exitValue())
      .as("mvn package of README's embedding project (%s), log %s:%n%s", PROJECT.toAbsolutePath(),
        log.toAbsolutePath(), tail(log))
      .isZero();
  }

  /** Settings that add the user's local repository, read as a file repository, before Maven Central. */
  private static String settings(Path userRepo) {
    String repository = "<id>user-local-repository</id><url>" + userRepo.toUri() + "</url>"
      + "<releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>"
      + "<snapshots><enabled>false</enabled></snapshots>";
    return "<settings><profiles><profile><id>user-local-repository</id>"
      + "<repositories><repository>" + repository + "</repository></repositories>"
      + "<pluginRepositories><pluginRepository>" + repository + "</pluginRepository></pluginRepositories>"
      + "</profile></profiles>"
      + "<activeProfiles><activeProfile>user-local-repository</activeProfile></activeProfiles></settings>\n";
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
