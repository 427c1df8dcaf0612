package dev.vitals.health.web.heartbeat.impl;

import dev.vitals.health.HealthStatus;
import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Python log records as HTTPHandler stringifies them, and msg % args. */
class LogRecordReportTest {

  @ParameterizedTest(name = "{0} % {1} -> {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
    "backup done                | None                         | backup done",
    "backup done                | ()                           | backup done",
    "100%% done                 | ()                           | 100%% done",
    "Hello %s                   | ('world',)                   | Hello world",
    "%s of %d files, %.2f       | ('3', 12, 0.5)               | `%s of %d files, %.2f`",
    "%s of %d files             | ('3', 12)                    | 3 of 12 files",
    "%d%% done                  | (50,)                        | 50% done",
    "got %r                     | ('x\\'y',)                   | `got 'x\\'y'`",
    "value %s                   | (None,)                      | value None",
    "flag %s and %d             | (True, True)                 | flag True and 1",
    "rate %f                    | (0.25,)                      | rate 0.250000",
    "list %s                    | ([1, 2],)                    | list [1, 2]",
    "user %(name)s id %(id)d    | {'name': 'ada', 'id': 7}     | user ada id 7",
    "größe %s                   | ('\\u00fcber',)              | größe über",
    "emoji %s                   | ('\\U0001f600',)             | emoji 😀",
    "too few %s %s              | ('a',)                       | too few %s %s",
    "too many %s                | ('a', 'b')                   | too many %s",
    "object %s                  | (<Foo object at 0x7f>,)      | object %s",
    "trailing %                 | ('a',)                       | trailing %"})
  void formatsLikePythonWhenSafeElseShowsTheMessage(String msg, String args, String expected) {
    MultiMap fields = MultiMap.caseInsensitiveMultiMap().add("msg", msg).add("args", args).add("levelno", "40")
      .add("levelname", "ERROR");
    assertThat(LogRecordReport.of(fields).output()).isEqualTo(expected);
  }

  @Test
  void errorAndAboveFailLowerLevelsAreHeartbeats() {
    assertThat(LogRecordReport.of(record("50", "CRITICAL")).status()).isEqualTo(HealthStatus.FAIL);
    assertThat(LogRecordReport.of(record("40", "ERROR")).status()).isEqualTo(HealthStatus.FAIL);
    assertThat(LogRecordReport.of(record("30", "WARNING")).status()).isEqualTo(HealthStatus.PASS);
    assertThat(LogRecordReport.of(record("20", "INFO")).status()).isEqualTo(HealthStatus.PASS);
    MultiMap byName = MultiMap.caseInsensitiveMultiMap().add("msg", "x").add("levelname", "error");
    assertThat(LogRecordReport.of(byName).status()).isEqualTo(HealthStatus.FAIL);
  }

  @Test
  void keepsExcTextAndTheLoggerNoneIsLeftOut() {
    MultiMap fields = record("40", "ERROR").add("exc_text", "Traceback (most recent call last):\n  ...")
      .add("name", "nightly.backup").add("created", "1763726400.5").add("pathname", "None");
    LogRecordReport report = LogRecordReport.of(fields);
    assertThat(report.data().getString("exc_text")).startsWith("Traceback");
    assertThat(report.data().getString("logger")).isEqualTo("nightly.backup");
    assertThat(report.data().containsKey("pathname")).isFalse();
  }

  @Test
  void aBadLevelIsAnErrorNamingTheField() {
    assertThatThrownBy(() -> LogRecordReport.of(record("high", "ERROR"))).hasMessageStartingWith("levelno:");
    assertThatThrownBy(() -> LogRecordReport.of(MultiMap.caseInsensitiveMultiMap().add("levelname", "LOUD")))
      .hasMessageStartingWith("levelname:");
  }

  private static MultiMap record(String levelno, String levelname) {
    return MultiMap.caseInsensitiveMultiMap().add("msg", "m").add("args", "()").add("levelno", levelno)
      .add("levelname", levelname);
  }
}
