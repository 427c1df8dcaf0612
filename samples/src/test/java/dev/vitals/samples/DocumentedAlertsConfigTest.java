package dev.vitals.samples;

import dev.vitals.samples.impl.StandaloneConfig;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The alerting configs README.md and docs/alerts.md show are configs the standalone accepts: every {@code json} block
 * of theirs that starts with <code>{"alerts": {</code> (a config, not an answer) passes the config's schema and options, as {@code -conf} would read it.
 */
class DocumentedAlertsConfigTest {

  private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(\\{\"alerts\": \\{.*?)\\n```", Pattern.DOTALL);

  private static List<String> blocks(String file) throws IOException {
    String text = Files.readString(Path.of("..").resolve(file));
    List<String> blocks = new ArrayList<>();
    Matcher m = JSON_BLOCK.matcher(text);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  @Test
  void everyAlertsExampleIsAValidConfig() throws IOException {
    List<String> readme = blocks("README.md");
    assertThat(readme).as("README's example of every channel type").hasSize(1);
    for (String type : List.of("alertmanager", "email", "slack", "teams", "pagerduty", "ntfy", "webhook")) {
      assertThat(readme.get(0)).contains("\"type\": \"" + type + "\"");
    }
    List<String> all = new ArrayList<>(readme);
    all.addAll(blocks("docs/alerts.md"));
    assertThat(all).hasSizeGreaterThan(3);
    for (String block : all) {
      assertThatCode(() -> StandaloneConfig.parse(new JsonObject(block), Map.of("VITALS_ADMIN_TOKEN", "t0ken",
        "VITALS_FLEET_SECRET", "a-fleet-secret-of-32-characters!")))
        .as(block).doesNotThrowAnyException();
    }
  }
}
