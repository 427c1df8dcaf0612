package dev.vitals.health.history;

import dev.vitals.health.HistoryRollup;
import dev.vitals.health.HistoryStore;
import dev.vitals.health.checks.test.PostgresServer;
import dev.vitals.health.test.Await;
import dev.vitals.health.test.MutableClock;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link PgHistoryStore} costs: the disk per check after 30 days with the default retentions (7 days of
 * minutes, 30 days of hourly sums kept of the 90), the bytes a minute and an hour take (for other retentions), and
 * the time of one flush of 1,000 checks' minutes. The figures are printed (docs/history.md quotes them) and bounded,
 * so that a schema change that multiplies them fails.
 */
class PgHistoryStoreDiskTest {

  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static final int CHECKS = 5;
  private static final int DAYS = 30;

  private static PostgresServer server;
  private static Vertx vertx;

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.start();
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopServer() throws Exception {
    Await.result(vertx.close());
    server.close();
  }

  private static HistoryRollup minute(String check, Instant start, int i) {
    boolean up = i % 97 != 0;
    return new HistoryRollup("vm-1.example.internal", check, start, HistoryStore.MINUTE_MS, 2, up ? 2 : 1, 0,
      up ? 0 : 1, up ? 60_000 : 30_000, 0, 60_000, 0, 3 + i % 5, 9 + i % 7, 12 + i % 11);
  }

  @Test
  void thirtyDaysOfACheckTakeLessThanTwoMegabytesAndAThousandChecksFlushInLessThanASecond() {
    MutableClock clock = new MutableClock(T0);
    PgHistoryStore store = PgHistoryStore.create(vertx, new HistoryStoreOptions().setClock(clock)
      .setPostgresql(new PgHistoryStoreOptions().setUri(server.uri(PostgresServer.PASSWORD)).setQueryTimeout(60_000)));
    try {
      for (int day = 0; day < DAYS; day++) {
        for (int c = 0; c < CHECKS; c++) {
          List<HistoryRollup> rows = new ArrayList<>(1440);
          for (int m = 0; m < 1440; m++) {
            rows.add(minute("db/primary-" + c, T0.plus(Duration.ofMinutes(day * 1440L + m)), m));
          }
          Await.result(store.append(List.of(), rows));
        }
      }
      clock.advance(Duration.ofDays(DAYS));
      Await.result(store.pruneExpired());
      Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(1))
        .connectingTo(PgConnectOptions.fromUri(server.uri(PostgresServer.PASSWORD))).using(vertx).build();
      Await.result(pool.query("VACUUM FULL ANALYZE").execute());
      // the series (a row per check, its two names) counted with the minutes
      long minutes = Await.result(pool.query("SELECT pg_total_relation_size('vitals_history_minutes')"
        + " + pg_total_relation_size('vitals_history_series')").execute()).iterator().next().getLong(0);
      var counts = Await.result(pool.query("SELECT (SELECT count(*) FROM vitals_history_minutes),"
        + " (SELECT count(*) FROM vitals_history_hours)").execute()).iterator().next();
      long hours = Await.result(pool.query("SELECT pg_total_relation_size('vitals_history_hours')").execute())
        .iterator().next().getLong(0);
      Await.result(pool.close());
      assertThat(counts.getLong(0)).isEqualTo(CHECKS * 7 * 1440L);
      assertThat(counts.getLong(1)).isEqualTo(CHECKS * DAYS * 24L);
      long perCheck = (minutes + hours) / CHECKS;
      System.out.printf(Locale.ROOT, "PgHistoryStore disk per check after %d days (7 days of minutes, %d days of"
          + " hours): %d bytes (minutes %d B/row, hours %d B/row)%n", DAYS, DAYS, perCheck,
        minutes / counts.getLong(0), hours / counts.getLong(1));
      assertThat(perCheck).isLessThan(2_000_000);

      // one flush of 1,000 checks' minutes, five times (the median)
      long[] ms = new long[5];
      for (int run = 0; run < ms.length; run++) {
        Instant start = T0.plus(Duration.ofDays(DAYS)).plus(Duration.ofMinutes(run));
        List<HistoryRollup> rows = new ArrayList<>(1000);
        for (int c = 0; c < 1000; c++) {
          rows.add(minute("check-" + c, start, c));
        }
        long began = System.nanoTime();
        Await.result(store.append(List.of(), rows));
        ms[run] = (System.nanoTime() - began) / 1_000_000;
      }
      Arrays.sort(ms);
      System.out.printf(Locale.ROOT, "PgHistoryStore append of 1,000 minutes: median %d ms (%s)%n", ms[2],
        Arrays.toString(ms));
      assertThat(ms[2]).isLessThan(1_000);
    } finally {
      Await.result(store.close());
    }
  }
}
