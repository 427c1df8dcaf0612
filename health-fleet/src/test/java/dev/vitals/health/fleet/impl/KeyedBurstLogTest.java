package dev.vitals.health.fleet.impl;

import dev.vitals.health.test.LogCapture;
import dev.vitals.health.test.MutableClock;
import org.junit.jupiter.api.Test;

import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** Lines per source and in all, with a clock the test moves; what it remembers stays bounded. */
class KeyedBurstLogTest {

  private static final String LOGGER = KeyedBurstLogTest.class.getName();
  private final MutableClock clock = new MutableClock();
  private final KeyedBurstLog log = new KeyedBurstLog(Logger.getLogger(LOGGER), clock, 60_000, 10_000);

  @Test
  void oneLinePerSourceAMinuteAndOneEvery10sInAllRememberingOnlyTheRecentOnes() {
    try (LogCapture captured = LogCapture.of(LOGGER)) {
      for (int second = 0; second < 300; second++) { // five minutes of 1,000 made-up sources a second
        for (int i = 0; i < 1_000; i++) {
          String source = "made-up-" + second + "-" + i;
          log.log(source, () -> "from " + source);
        }
        assertThat(log.remembered()).isLessThanOrEqualTo(7);
        clock.advanceMillis(1_000);
      }
      assertThat(captured.messages()).hasSize(30);

      log.log("misconfigured", () -> "from misconfigured");
      clock.advanceMillis(10_000);
      log.log("misconfigured", () -> "from misconfigured");
      log.log("other", () -> "from other");
      clock.advanceMillis(60_000);
      log.log("misconfigured", () -> "from misconfigured");

      assertThat(captured.messages().subList(30, captured.messages().size())).containsExactly(
        "WARNING: from misconfigured (9999 more dropped since the previous line, not logged)",
        "WARNING: from other (1 more dropped since the previous line, not logged)",
        "WARNING: from misconfigured");
    }
  }
}
