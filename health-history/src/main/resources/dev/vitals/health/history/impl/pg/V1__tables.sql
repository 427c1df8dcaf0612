-- PgHistoryStore's schema, version 1. Times are timestamptz, sums and latencies ms. Every instance writes its own
-- rows; a series is one instance's check, and the rollups name it by its id (4 bytes a row, not two names).

CREATE TABLE vitals_history_series (
  id          integer     GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  instance    text        NOT NULL,
  check_name  text        NOT NULL,
  first_write timestamptz NOT NULL DEFAULT now(),
  UNIQUE (instance, check_name)
);

CREATE TABLE vitals_history_transitions (
  instance    text        NOT NULL,
  check_name  text        NOT NULL,
  at          timestamptz NOT NULL,
  from_status text,
  to_status   text        NOT NULL,
  output      text        NOT NULL,
  PRIMARY KEY (instance, check_name, at, to_status)
);
CREATE INDEX vitals_history_transitions_at ON vitals_history_transitions (at);

-- One row per series and minute. The key leads with the minute: reads and pruning go by time, and one index is all
-- a table written every minute for every check should carry.
CREATE TABLE vitals_history_minutes (
  start          timestamptz NOT NULL,
  series_id      integer     NOT NULL,
  runs           integer     NOT NULL,
  passes         integer     NOT NULL,
  warns          integer     NOT NULL,
  fails          integer     NOT NULL,
  available_ms   integer     NOT NULL,
  warn_ms        integer     NOT NULL,
  observed_ms    integer     NOT NULL,
  maintenance_ms integer     NOT NULL,
  p50_ms         integer     NOT NULL,
  p95_ms         integer     NOT NULL,
  max_ms         integer     NOT NULL,
  PRIMARY KEY (start, series_id)
);

-- The sums of each hour's minutes, kept after the minutes are pruned: the long windows' rows.
CREATE TABLE vitals_history_hours (
  start          timestamptz NOT NULL,
  series_id      integer     NOT NULL,
  runs           integer     NOT NULL,
  passes         integer     NOT NULL,
  warns          integer     NOT NULL,
  fails          integer     NOT NULL,
  available_ms   integer     NOT NULL,
  warn_ms        integer     NOT NULL,
  observed_ms    integer     NOT NULL,
  maintenance_ms integer     NOT NULL,
  p50_ms         integer     NOT NULL,
  p95_ms         integer     NOT NULL,
  max_ms         integer     NOT NULL,
  PRIMARY KEY (series_id, start)
);
CREATE INDEX vitals_history_hours_start ON vitals_history_hours (start);
