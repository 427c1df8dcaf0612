#!/usr/bin/env bash
# Issue 26's history on vs off at 1,000 checks, on the standalone jar as shipped (java -jar, -conf <file>, the port
# from VITALS_HTTP_PORT; the config of run.sh's scale scenario: CHECKS checks of type heap, nothing else), each config
# in a JVM of its own, with a bare route (BareStartup serving a constant copy of history on's /health) beside:
#   history-on:  the standalone's default history, a SQLite file vitals-history.db beside the config file;
#   history-off: the same config plus "history": {"enabled": false};
#   history-full: history on, its checks with successTtl 1s, and FILL s of /health before the latency rounds, so that
#                 each check holds the 100 runs its history keeps (history-on's checks run once per 27 s at most: a
#                 young process); measured on /health/history and /health/ui only.
# Rounds alternate the contenders (run.sh's rounds, wrk): GET /health with CONNECTIONS connections, then
# GET /health/history and GET /health/ui one request at a time (one connection: each answer's latency); then the live
# heap after a full GC (jcmd GC.class_histogram), the bodies' sizes, and the store file's size once history-on has
# stopped. Writes benchmarks/HISTORY-RESULTS.md (table and verdicts by dev.vitals.benchmarks.HistoryResults); raw
# figures and the servers' logs in benchmarks/target/history/. Installs wrk if missing; builds unless BUILD=0 (run.sh's
# HISTORY=1 step, after its own build). About 8 minutes.
#
#   benchmarks/history.sh
#
# Knobs (environment): CHECKS (default 1000), DURATION (s per measured run, default 10), ROUNDS (default 3), WARMUP
# (s per contender before measuring, default 5), CONNECTIONS (for /health, default 50), FILL (s of /health on
# history-full, default 130), BUILD (default 1).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
CHECKS=${CHECKS:-1000}
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-5}
FILL=${FILL:-130}
BUILD=${BUILD:-1}
# run.sh's helpers (log, build, code_state, machine, rounds, serve, stop_shipped, standalone_config, fact, free_port)
# and its trap, which stops the servers serve started.
# shellcheck source=run.sh
source "$HERE/run.sh"
OUT="$HERE/target/history"
COMMAND=$(command_line benchmarks/history.sh CHECKS DURATION ROUNDS WARMUP CONNECTIONS FILL BUILD)

# live_heap PID: bytes of the objects alive right after a full GC, as the soak reads them (jcmd GC.class_histogram).
live_heap() { jcmd "$1" GC.class_histogram | awk '$1 == "Total" { print $3 }'; }

# The answers whose latency counts, one request at a time; scenario health-history is GET /health/history.
LATENCY_SCENARIOS=(health-history health-ui)
one_at_a_time() {
  local CONNECTIONS=1 scenario
  for scenario in "${LATENCY_SCENARIOS[@]}"; do
    rounds "$scenario" "$DURATION" "$ROUNDS" "history-on:/${scenario/-//}:-:$1" \
      "history-full:/${scenario/-//}:-:$2" "history-off:/${scenario/-//}:-:$3"
  done
}

# recent_runs CONTENDER PORT: the runs a check holds in its recent list, on average, from CONTENDER's whole history
# (/health/history?detail=full: the answer measured, each check's summary, has no lists).
recent_runs() {
  fact "$1_recent_runs" "$(curl -sf "http://127.0.0.1:$2/health/history?detail=full" | grep -o '"durationMs"' | wc -l |
    awk -v n="$CHECKS" '{ printf "%.1f", $1 / n }')"
}

# body_bytes CONTENDER PORT SCENARIO: the scenario's answer, kept in OUT; its size, a fact.
body_bytes() {
  curl -sf "http://127.0.0.1:$2/${3/-//}" >"$OUT/$1-$3.body"
  fact "$1_$3_body_bytes" "$(wc -c <"$OUT/$1-$3.body" | tr -d ' ')"
}

history_main() {
  install_wrk
  local code on off full bare on_pid off_pid full_pid started contender port pid scenario table
  code=$(code_state)
  if [[ $BUILD == 1 ]]; then build; fi
  rm -rf "$OUT"
  mkdir -p "$OUT/history-on" "$OUT/history-off" "$OUT/history-full"
  : >"$OUT/runs.tsv"
  : >"$OUT/facts.tsv"
  fact checks "$CHECKS"
  fact connections "$CONNECTIONS"
  fact rounds "$ROUNDS"
  fact duration_s "$DURATION"
  # Each config in a directory of its own: the store goes beside the config file.
  standalone_config "$CHECKS" >"$OUT/history-on/vitals.json"
  standalone_config "$CHECKS" '"history": {"enabled": false}' >"$OUT/history-off/vitals.json"
  standalone_config "$CHECKS" | sed 's/"maxUsed": 1}/"maxUsed": 1, "successTtl": "1s"}/g' >"$OUT/history-full/vitals.json"

  on=$(free_port)
  started=$(date +%s)
  serve history-on "$on" -jar "$SAMPLES_JAR" -conf "$OUT/history-on/vitals.json"
  on_pid=${SHIPPED_PIDS[-1]}
  off=$(free_port)
  serve history-off "$off" -jar "$SAMPLES_JAR" -conf "$OUT/history-off/vitals.json"
  off_pid=${SHIPPED_PIDS[-1]}
  full=$(free_port)
  serve history-full "$full" -jar "$SAMPLES_JAR" -conf "$OUT/history-full/vitals.json"
  full_pid=${SHIPPED_PIDS[-1]}
  curl -sf "http://127.0.0.1:$on/health" >"$OUT/health-body.json"
  bare=$(free_port)
  serve bare "$bare" -cp "$JAR" dev.vitals.benchmarks.BareStartup "$OUT/health-body.json"

  rounds health "$DURATION" "$ROUNDS" "bare:/health:-:$bare" "history-on:/health:-:$on" "history-off:/health:-:$off"
  log "history-full: $FILL s of /health (one connection), so that its checks fill their recent runs"
  wrk -t1 -c1 -d"${FILL}s" "http://127.0.0.1:$full/health" >/dev/null
  one_at_a_time "$on" "$full" "$off"

  for contender in history-on:"$on":"$on_pid" history-full:"$full":"$full_pid" history-off:"$off":"$off_pid"; do
    IFS=: read -r contender port pid <<<"$contender"
    fact "heap_${contender}_bytes" "$(live_heap "$pid")"
    for scenario in "${LATENCY_SCENARIOS[@]}"; do body_bytes "$contender" "$port" "$scenario"; done
  done
  recent_runs history-on "$on"
  recent_runs history-full "$full"
  log "live heap after a full GC (bytes), recent runs per check: $(grep '^heap_\|_recent_runs' "$OUT/facts.tsv" | tr '\t\n' '= ')"
  stop_shipped
  fact store_seconds "$(($(date +%s) - started))"
  fact store_bytes "$(cat "$OUT/history-on"/vitals-history.db "$OUT/history-on"/vitals-history.db-wal 2>/dev/null | wc -c)"
  if compgen -G "$OUT/history-off/vitals-history.db*" >/dev/null; then log "history off wrote a store file"; exit 1; fi

  table=$(java -cp "$JAR" dev.vitals.benchmarks.HistoryResults "$OUT")
  {
    echo "# History on vs off at $CHECKS checks: the standalone jar as shipped"
    echo
    echo "Produced by \`$COMMAND\` (from the repository root). Code measured: $code. Raw figures:"
    echo "\`benchmarks/target/history/\`."
    echo
    echo "## Machine"
    echo
    machine
    echo "- Load average at the end of the run (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg). The load generator"
    echo "  shares the cores with the servers, and the machine may be shared with other builds: compare the columns"
    echo "  of one run, not runs."
    echo
    echo "## Set-up"
    echo
    echo "- \`history-on\`: \`java -jar samples/target/vitals-samples.jar -conf <dir>/vitals.json\` with"
    echo "  \`VITALS_HTTP_PORT\`, the config of \`run.sh\`'s scale scenario: $CHECKS checks of type \`heap\` with \`maxUsed\` 1"
    echo "  (always pass; cached with the default TTLs) and nothing else, so history is on with the standalone's"
    echo "  default store, a SQLite file \`vitals-history.db\` beside the config file, written every 15 s."
    echo "- \`history-off\`: the same config plus \`\"history\": {\"enabled\": false}\`, in a JVM of its own."
    echo "- \`history-full\`: history on as in history-on, its checks with \`\"successTtl\": \"1s\"\`, in a JVM of its"
    echo "  own; after the \`/health\` rounds, $FILL s of \`/health\` on it (wrk, one connection) so that each check holds"
    echo "  the 100 runs its history keeps, as every check of a process that has run long enough does (history-on's"
    echo "  checks run at most once per 27 s: it is a young process). Measured on \`/health/history\` and \`/health/ui\`."
    echo "- \`bare\`: \`BareStartup\` in a JVM of its own serving a constant copy of history-on's first \`/health\`"
    echo "  answer (same bytes and headers)."
    echo "- wrk, $WRK_THREADS thread, on 127.0.0.1: \`GET /health\` with $CONNECTIONS connections; \`GET /health/history\` and"
    echo "  \`GET /health/ui\` with one connection, one request at a time, so that wrk's percentiles are the latency of"
    echo "  each answer. Per path a warm-up of $WARMUP s per contender, then $ROUNDS rounds of $DURATION s, the contenders"
    echo "  alternating. The four run side by side from the start; the history of history-on grows during the run"
    echo "  (runs, minutes, its store)."
    echo "- After the runs: live objects after a full GC (\`jcmd <pid> GC.class_histogram\`), the size of each body;"
    echo "  then SIGTERM to all, and the size of history-on's store files (history-full's is not measured: its checks run"
    echo "  every second)."
    echo
    echo "## Results"
    echo
    echo "$table"
  } >"$HERE/HISTORY-RESULTS.md"
  echo "$table"
  log "wrote benchmarks/HISTORY-RESULTS.md"
}

history_main "$@"
