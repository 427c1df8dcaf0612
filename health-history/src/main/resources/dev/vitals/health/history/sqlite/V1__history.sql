-- Vitals history store, schema version 1 (SQLite). Statements are separated by a line holding only "--;".
-- A series is one check of one instance: the rows name it by a small integer, not by two strings each.
CREATE TABLE series (
  id INTEGER PRIMARY KEY,
  instance TEXT NOT NULL,
  check_name TEXT NOT NULL,
  UNIQUE (instance, check_name)
)
--;
-- Status changes; at in epoch ms, statuses as their wire names (pass, warn, fail), from_status null for the first.
CREATE TABLE transitions (
  series_id INTEGER NOT NULL REFERENCES series (id),
  at INTEGER NOT NULL,
  from_status TEXT,
  to_status TEXT NOT NULL,
  output TEXT NOT NULL
)
--;
CREATE INDEX transitions_by_series ON transitions (series_id, at)
--;
CREATE INDEX transitions_by_time ON transitions (at)
--;
-- One row per series and minute (start in epoch ms, on the minute); ms sums and latencies as HistoryRollup says.
CREATE TABLE minutes (
  series_id INTEGER NOT NULL,
  start INTEGER NOT NULL,
  runs INTEGER NOT NULL,
  passes INTEGER NOT NULL,
  warns INTEGER NOT NULL,
  fails INTEGER NOT NULL,
  available_ms INTEGER NOT NULL,
  warn_ms INTEGER NOT NULL,
  observed_ms INTEGER NOT NULL,
  maintenance_ms INTEGER NOT NULL,
  p50_ms INTEGER NOT NULL,
  p95_ms INTEGER NOT NULL,
  max_ms INTEGER NOT NULL,
  PRIMARY KEY (series_id, start)
) WITHOUT ROWID
--;
-- The sums of each hour's minutes, kept up by the triggers below, kept longer than the minutes themselves.
CREATE TABLE hours (
  series_id INTEGER NOT NULL,
  start INTEGER NOT NULL,
  runs INTEGER NOT NULL,
  passes INTEGER NOT NULL,
  warns INTEGER NOT NULL,
  fails INTEGER NOT NULL,
  available_ms INTEGER NOT NULL,
  warn_ms INTEGER NOT NULL,
  observed_ms INTEGER NOT NULL,
  maintenance_ms INTEGER NOT NULL,
  p50_ms INTEGER NOT NULL,
  p95_ms INTEGER NOT NULL,
  max_ms INTEGER NOT NULL,
  PRIMARY KEY (series_id, start)
) WITHOUT ROWID
--;
CREATE TRIGGER minute_added AFTER INSERT ON minutes BEGIN
  INSERT INTO hours (series_id, start, runs, passes, warns, fails, available_ms, warn_ms, observed_ms,
                     maintenance_ms, p50_ms, p95_ms, max_ms)
  VALUES (NEW.series_id, NEW.start - NEW.start % 3600000, NEW.runs, NEW.passes, NEW.warns, NEW.fails,
          NEW.available_ms, NEW.warn_ms, NEW.observed_ms, NEW.maintenance_ms, NEW.p50_ms, NEW.p95_ms, NEW.max_ms)
  ON CONFLICT (series_id, start) DO UPDATE SET
    runs = runs + excluded.runs, passes = passes + excluded.passes, warns = warns + excluded.warns,
    fails = fails + excluded.fails, available_ms = available_ms + excluded.available_ms,
    warn_ms = warn_ms + excluded.warn_ms, observed_ms = observed_ms + excluded.observed_ms,
    maintenance_ms = maintenance_ms + excluded.maintenance_ms, p50_ms = max(p50_ms, excluded.p50_ms),
    p95_ms = max(p95_ms, excluded.p95_ms), max_ms = max(max_ms, excluded.max_ms);
END
--;
CREATE TRIGGER minute_replaced AFTER UPDATE ON minutes BEGIN
  UPDATE hours SET
    runs = runs + NEW.runs - OLD.runs, passes = passes + NEW.passes - OLD.passes,
    warns = warns + NEW.warns - OLD.warns, fails = fails + NEW.fails - OLD.fails,
    available_ms = available_ms + NEW.available_ms - OLD.available_ms,
    warn_ms = warn_ms + NEW.warn_ms - OLD.warn_ms, observed_ms = observed_ms + NEW.observed_ms - OLD.observed_ms,
    maintenance_ms = maintenance_ms + NEW.maintenance_ms - OLD.maintenance_ms,
    p50_ms = max(p50_ms, NEW.p50_ms), p95_ms = max(p95_ms, NEW.p95_ms), max_ms = max(max_ms, NEW.max_ms)
  WHERE series_id = NEW.series_id AND start = NEW.start - NEW.start % 3600000;
END
