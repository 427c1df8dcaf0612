#!/usr/bin/env bash
# Issue 5's side-by-side measurements: bare vertx-web route, vertx-web's HealthCheckHandler, Vitals; issue 22's
# /health of the standalone jar as shipped beside a bare route (shipped, below); issue 13's hostile clients
# against the standalone verticle (dev.vitals.benchmarks.HostileScenario); and issue 23's hostile clients and
# dependencies against the standalone jar as shipped (dev.vitals.benchmarks.resilience.ResilienceScenario, about
# 6 minutes; benchmarks/resilience.sh runs it alone).
# Installs wrk if missing, builds, runs every scenario on loopback, prints one table and writes
# benchmarks/RESULTS.md and benchmarks/soak.png. Takes about 36 minutes on 2 cores. Issue 12's scale, heap-per-check and start-up
# measurements are in scale.sh (knobs SCALE_SIZES, STARTUP_RUNS, HEAP_RUNS there).
#
#   benchmarks/run.sh
#
# Knobs (environment): DURATION (s per measured run of scenarios 1 and 2, default 7), ROUNDS (default 3),
# LONG (s per run of scenarios 3 and 4, default 30), WARMUP (s per contender before measuring, default 3),
# CONNECTIONS (default 50), WRK_THREADS (default 1), EVENT_LOOPS (server event loops, default 1),
# PROFILE (1: a JFR profile of /health after scenario 1, default 1), SOAK_MINUTES (issue 22's soak of the
# standalone jar, default 10; 0 leaves it out; benchmarks/soak.sh runs it alone), HISTORY (1: issue 26's history on vs
# off at 1,000 checks after the scale step, about 8 minutes, writing benchmarks/HISTORY-RESULTS.md; default 0, as
# benchmarks/history.sh runs it alone).
# Other scripts (history.sh) may source this file for its helpers: main runs only when this file is the script run.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
DURATION=${DURATION:-7}
ROUNDS=${ROUNDS:-3}
LONG=${LONG:-30}
WARMUP=${WARMUP:-3}
CONNECTIONS=${CONNECTIONS:-50}
WRK_THREADS=${WRK_THREADS:-1}
EVENT_LOOPS=${EVENT_LOOPS:-1}
PROFILE=${PROFILE:-1}
SOAK_MINUTES=${SOAK_MINUTES:-10}
# vertx-health-check arms a timer of the check timeout (2 s) per check per request and leaves it to fire:
# after a vertx run, wait them out so that they do not load the next contender's run.
SETTLE_AFTER_VERTX=2.5
HISTORY=${HISTORY:-0}

# command_line SCRIPT KNOB...: SCRIPT preceded by the knobs set in the environment, as the results files quote it.
command_line() {
  local command=$1 knob
  shift
  for knob in "$@"; do
    if [[ -n "$(printenv "$knob" || true)" ]]; then command="$knob=${!knob} $command"; fi
  done
  echo "$command"
}
COMMAND=$(command_line benchmarks/run.sh DURATION ROUNDS LONG WARMUP CONNECTIONS WRK_THREADS EVENT_LOOPS PROFILE \
  SOAK_MINUTES HISTORY SCALE_SIZES STARTUP_RUNS HEAP_RUNS)

OUT="$HERE/target/results"
# shellcheck source=scale.sh
source "$HERE/scale.sh"
JAR="$HERE/target/vitals-benchmarks.jar"
SAMPLES_JAR="$ROOT/samples/target/vitals-samples.jar"
JVM_OPTS=(-XX:FlightRecorderOptions:stackdepth=256)
STARTED=$(date +%s)
SERVER_PID=""
PORT=""
SHIPPED_PIDS=()

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

cleanup() {
  if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; fi
  if [[ ${#SHIPPED_PIDS[@]} -gt 0 ]]; then kill "${SHIPPED_PIDS[@]}" 2>/dev/null || true; fi
}
trap cleanup EXIT

install_wrk() {
  if command -v wrk >/dev/null; then return; fi
  local sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  log "installing wrk from Debian's packages"
  $sudo apt-get install -y wrk >/dev/null || { $sudo apt-get update >/dev/null && $sudo apt-get install -y wrk >/dev/null; }
}

# What the build is made of: the commit, and the paths that differ from it (read before building).
code_state() {
  if ! git -C "$ROOT" rev-parse HEAD >/dev/null 2>&1; then
    echo "not a git checkout"
    return
  fi
  local dirty
  dirty=$(git -C "$ROOT" status --porcelain | awk '{ print $2 }' | tr '\n' ' ' | sed 's/ *$//')
  echo "commit $(git -C "$ROOT" log -1 --format='%h (%s)')${dirty:+, with uncommitted changes in: $dirty}"
}

build() {
  log "building (mvn -B -q package -DskipTests -pl samples,benchmarks -am)"
  (cd "$ROOT" && mvn -B -q package -DskipTests -pl samples,benchmarks -am)
}

# start_server SCENARIO [JAVA ARGS...]: starts the load server (BenchmarkServer, or the java arguments given),
# sets SERVER_PID and PORT.
start_server() {
  local scenario=$1 logfile="$OUT/server-$1.log"
  shift
  if [[ $# -eq 0 ]]; then set -- -jar "$JAR" "$scenario" 0 "$EVENT_LOOPS"; fi
  : >"$logfile"
  java "${JVM_OPTS[@]}" "$@" >"$logfile" 2>&1 &
  SERVER_PID=$!
  until_ready "$scenario" "$SERVER_PID" "$logfile" grep -q '^ready port=' "$logfile"
  PORT=$(sed -n 's/^ready port=\([0-9]*\).*/\1/p' "$logfile")
  log "server '$scenario' ready on port $PORT ($(grep '^ready' "$logfile"))"
}

# until_ready NAME PID LOGFILE COMMAND...: returns once COMMAND succeeds; when the server PID exits first or two
# minutes pass, prints its LOGFILE and exits.
until_ready() {
  local name=$1 pid=$2 logfile=$3
  shift 3
  for _ in $(seq 1 1200); do
    if "$@"; then return; fi
    if ! kill -0 "$pid" 2>/dev/null; then break; fi
    sleep 0.1
  done
  cat "$logfile" >&2
  echo "server '$name' did not start" >&2
  exit 1
}

stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

# counts NAME: the server's run counters (one number per check, or one number for a Consul double); "-" for none.
counts() {
  if [[ $1 == "-" ]]; then echo "-"; else curl -sf "http://127.0.0.1:$PORT/counts/$1"; fi
}

# most runs any one check had between two counts() answers; Consul counters are one number.
runs_between() {
  local before=$1 after=$2
  if [[ $before == "-" ]]; then echo "-"; return; fi
  paste <(tr ' ' '\n' <<<"$before") <(tr ' ' '\n' <<<"$after") | awk '{ d = $2 - $1; if (d > m) m = d } END { print m + 0 }'
}

# load SCENARIO CONTENDER PATH ROUND SECONDS COUNTER [PORT]: one wrk run (on PORT, default the load server's),
# one line of runs.tsv.
load() {
  local scenario=$1 contender=$2 path=$3 round=$4 seconds=$5 counter=$6 port=${7:-$PORT}
  local before after summary secs requests rps p50 p99 p999 errors
  before=$(counts "$counter")
  summary=$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${seconds}s" --latency -s "$HERE/wrk-summary.lua" \
    "http://127.0.0.1:$port$path" | tee -a "$OUT/wrk-$scenario.log" | grep '^SUMMARY' | cut -f2-)
  after=$(counts "$counter")
  # summary: seconds requests rps p50 p99 p99.9 errors (µs)
  read -r secs requests rps p50 p99 p999 errors <<<"$summary"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scenario" "$contender" "$round" "$secs" "$requests" \
    "$rps" "$p50" "$p99" "$p999" "$errors" "$(runs_between "$before" "$after")" >>"$OUT/runs.tsv"
  log "  $scenario round $round $contender: $rps req/s, p99 $((p99 / 1000)) ms, $errors errors"
  settle "$contender"
}

settle() { if [[ $1 == vertx ]]; then sleep "$SETTLE_AFTER_VERTX"; fi; }

warm_up() {
  local spec contender path port
  for spec in "$@"; do
    IFS=: read -r contender path _ port <<<"$spec"
    wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "http://127.0.0.1:${port:-$PORT}$path" >/dev/null
    settle "$contender"
  done
}

# rounds SCENARIO SECONDS ROUNDS CONTENDER:PATH:COUNTER[:PORT]...: warm-up, then rounds alternating the contenders
# (PORT: a server of its own; default the load server's).
rounds() {
  local scenario=$1 seconds=$2 count=$3 spec round contender path counter port
  shift 3
  log "scenario $scenario: warm-up ${WARMUP} s per contender, then $count round(s) of $seconds s per contender"
  warm_up "$@"
  for round in $(seq 1 "$count"); do
    for spec in "$@"; do
      IFS=: read -r contender path counter port <<<"$spec"
      load "$scenario" "$contender" "$path" "$round" "$seconds" "$counter" "$port"
    done
  done
}

# serve NAME PORT JAVA ARGS...: starts a JVM that takes its port from VITALS_HTTP_PORT (the standalone jar,
# BareStartup), with no JVM option but ARGS (as users start the jar), and waits for its first 200 on /health; its
# pid joins SHIPPED_PIDS.
serve() {
  local name=$1 port=$2 logfile="$OUT/server-$1.log" pid
  shift 2
  VITALS_HTTP_PORT=$port java "$@" >"$logfile" 2>&1 &
  pid=$!
  SHIPPED_PIDS+=("$pid")
  until_ready "$name" "$pid" "$logfile" curl -sf -o /dev/null "http://127.0.0.1:$port/health"
  log "server '$name' ready on port $port"
}

stop_shipped() {
  kill "${SHIPPED_PIDS[@]}" 2>/dev/null || true
  wait "${SHIPPED_PIDS[@]}" 2>/dev/null || true
  SHIPPED_PIDS=()
}

# standalone_config CHECKS [MEMBERS]: the standalone's config: CHECKS checks of type heap that always pass (maxUsed 1),
# check-0001 ...; nothing else but the JSON MEMBERS given (e.g. '"history": {"enabled": false}'), so every other
# section keeps its default (request guard, in-flight limit, metrics, history, gRPC).
standalone_config() {
  awk -v n="$1" -v members="${2:+$2, }" 'BEGIN {
    printf "{%s\"checks\": [", members
    for (i = 1; i <= n; i++) printf "%s{\"name\": \"check-%04d\", \"type\": \"heap\", \"maxUsed\": 1}", (i > 1 ? ", " : ""), i
    print "]}"
  }'
}

# shipped SCENARIO CHECKS: the standalone jar as users run it (java -jar, -conf of standalone_config, the port from
# VITALS_HTTP_PORT) beside BareStartup serving a constant copy of the standalone's first /health answer, each in a
# JVM of its own; rounds alternate bare and standalone as in the other scenarios.
shipped() {
  local scenario=$1 checks=$2 jar_port bare_port
  standalone_config "$checks" >"$OUT/$scenario.json"
  jar_port=$(free_port)
  serve "$scenario" "$jar_port" -jar "$SAMPLES_JAR" -conf "$OUT/$scenario.json"
  curl -sf "http://127.0.0.1:$jar_port/health" >"$OUT/$scenario-body.json"
  fact "${scenario}_body_bytes" "$(wc -c <"$OUT/$scenario-body.json" | tr -d ' ')"
  bare_port=$(free_port)
  serve "$scenario-bare" "$bare_port" -cp "$JAR" dev.vitals.benchmarks.BareStartup "$OUT/$scenario-body.json"
  rounds "$scenario" "$DURATION" "$ROUNDS" "bare:/health:-:$bare_port" "standalone:/health:-:$jar_port"
  stop_shipped
}

heap_after_gc() { curl -sf "http://127.0.0.1:$PORT/gc" | tr -d '[:space:]'; }

# Scenario 5, heap: per contender, a fresh cheap server; heap after a full GC idle, right after
# FOOTPRINT_LOAD s of load on that contender alone, and FOOTPRINT_SETTLE s later.
FOOTPRINT_LOAD=5
FOOTPRINT_SETTLE=3
footprint() {
  local spec contender path
  fact footprint_load_s "$FOOTPRINT_LOAD"
  fact footprint_settle_s "$FOOTPRINT_SETTLE"
  for spec in "$@"; do
    IFS=: read -r contender path _ <<<"$spec"
    start_server cheap
    fact "heap_idle_${contender}_bytes" "$(heap_after_gc)"
    wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${FOOTPRINT_LOAD}s" "http://127.0.0.1:$PORT$path" >/dev/null
    fact "heap_after_${contender}_bytes" "$(heap_after_gc)"
    sleep "$FOOTPRINT_SETTLE"
    fact "heap_settled_${contender}_bytes" "$(heap_after_gc)"
    log "footprint $contender: $(tail -3 "$OUT/facts.tsv" | cut -f2 | tr '\n' ' ')bytes"
    stop_server
  done
}

fact() { printf '%s\t%s\n' "$1" "$2" >>"$OUT/facts.tsv"; }

profile_health() {
  log "profiling /health for 10 s with JFR (after the measured rounds, not during them)"
  jcmd "$SERVER_PID" JFR.start name=vitals settings="$HERE/profile.jfc" filename="$OUT/health.jfr" >/dev/null
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d10s "http://127.0.0.1:$PORT/health" >/dev/null
  jcmd "$SERVER_PID" JFR.stop name=vitals >/dev/null
  java -cp "$JAR" dev.vitals.benchmarks.ProfileSummary "$OUT/health.jfr" >"$OUT/profile.md"
}

free_port() {
  local port
  for port in $(seq 18090 18190); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port in 18090-18190" >&2
  exit 1
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

machine() {
  local cpu ram
  cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
  ram=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1024 / 1024 }' /proc/meminfo)
  echo "- CPU: $cpu, \`nproc\` = $(nproc)"
  echo "- RAM: $ram"
  echo "- OS: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "- Java: $(java -version 2>&1 | head -2 | tr '\n' ' ' | sed 's/ *$//')"
  echo "- wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
}

main() {
  install_wrk
  local code
  code=$(code_state)
  build
  rm -rf "$OUT"
  mkdir -p "$OUT"
  : >"$OUT/runs.tsv"
  : >"$OUT/facts.tsv"
  fact connections "$CONNECTIONS"
  fact threads "$WRK_THREADS"
  fact rounds "$ROUNDS"

  log "JMH: CachedPathBenchmark (-f 1 -wi 2 -i 3 -w 1s -r 1s)"
  java -cp "$JAR" org.openjdk.jmh.Main CachedPathBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s \
    -rf csv -rff "$OUT/jmh.csv" >"$OUT/jmh.log" 2>&1

  local health=(bare:/bare:- vertx:/vertx-health:vertx vitals:/health:vitals)

  shipped standalone-cheap 10
  start_server cheap
  rounds cheap "$DURATION" "$ROUNDS" "${health[@]}"
  if [[ $PROFILE == 1 ]]; then profile_health; fi
  stop_server

  for scenario in slow50 slow500; do
    start_server "$scenario"
    rounds "$scenario" "$DURATION" "$ROUNDS" "${health[@]}"
    stop_server
  done

  start_server expiry
  rounds expiry "$LONG" 1 vertx:/vertx-health:vertx vitals:/health:vitals
  stop_server

  start_server consul
  rounds consul "$LONG" 1 vitals:/status:consul-vitals lookup:/status-lookup:consul-lookup
  stop_server

  footprint "${health[@]}"

  scale_scenarios
  heap_per_check
  startup_compare

  if [[ $HISTORY == 1 ]]; then
    log "history on vs off at 1,000 checks (issue 26): benchmarks/history.sh, about 8 min"
    BUILD=0 "$HERE/history.sh"
  fi

  log "hostile clients (issue 13): starvation, webhook queue, nesting, /environment flood"
  java -Xmx256m -cp "$JAR" dev.vitals.benchmarks.HostileScenario >"$OUT/hostile.md" 2>"$OUT/hostile.log"

  log "hostile clients and dependencies (issue 23): the standalone jar with -Xmx128m, about 6 min"
  java -cp "$JAR" dev.vitals.benchmarks.resilience.ResilienceScenario "$SAMPLES_JAR" "$OUT/resilience" \
    >"$OUT/resilience.md" 2>"$OUT/resilience.log"

  if ((SOAK_MINUTES > 0)); then
    log "soak (issue 22): the standalone jar with -Xmx128m under the HTTP mix, SSE and gRPC for $SOAK_MINUTES min"
    java -cp "$JAR" dev.vitals.benchmarks.soak.SoakMain "$SAMPLES_JAR" "$SOAK_MINUTES" "$OUT/soak" \
      "$(git -C "$ROOT" log -1 --format=%h 2>/dev/null || echo unknown)" >/dev/null 2>"$OUT/soak.log"
    cp "$OUT/soak/soak.png" "$HERE/soak.png"
  fi

  local table elapsed
  table=$(java -cp "$JAR" dev.vitals.benchmarks.ResultsMarkdown "$OUT")
  elapsed=$(($(date +%s) - STARTED))
  {
    echo "# Benchmarks: Vitals beside a bare route and vertx-web's HealthCheckHandler"
    echo
    echo "Produced by \`$COMMAND\` (from the repository root) in $((elapsed / 60)) min $((elapsed % 60)) s,"
    echo "including the build. Raw figures: \`benchmarks/target/results/\`."
    echo
    echo "Code measured: $code."
    echo
    echo "## Machine"
    echo
    machine
    echo
    echo "## Set-up"
    echo
    echo "- One server process (\`dev.vitals.benchmarks.BenchmarkServer\`, default JVM options) on 127.0.0.1, one port,"
    echo "  $EVENT_LOOPS event loop(s); the contenders over the same 10 checks: \`bare\` = \`/bare\`, a constant copy of"
    echo "  Vitals' answer (same bytes, same headers); \`vertx\` = \`/vertx-health\`, vertx-web's \`HealthCheckHandler\`"
    echo "  over a plain vertx-health-check \`HealthChecks\`; \`vitals\` = \`/health\`, \`HealthHandler\` over a"
    echo "  \`CheckRegistry\` with default options. Both libraries get a 2 s check timeout."
    echo "- Load: wrk $WRK_THREADS thread(s), $CONNECTIONS connections, \`--latency\`; p99.9 from a Lua \`done()\`."
    echo "  **The load generator and the server share the same $(nproc) cores**: absolute figures are low and noisy;"
    echo "  the ratios, taken within a round, are the figures that count. One wrk thread and one event loop give"
    echo "  each side about one core; with 2 wrk threads and 2 event loops, bare's own p99 swung between about"
    echo "  5 and 300 ms from one run to the next."
    echo "- Scenarios 1 and 2: warm-up $WARMUP s per contender, then $ROUNDS rounds of $DURATION s, contenders"
    echo "  alternating (bare, vertx, vitals, bare, ...). Scenarios 3 and 4: one run of $LONG s per contender."
    echo "  After each vertx run, ${SETTLE_AFTER_VERTX} s of rest: vertx-health-check leaves a 2 s timeout timer per"
    echo "  check per request armed, and they would otherwise fire during the next contender's run."
    echo "- Scenario 4: \`vitals\` = \`/status\`, \`StatusHandler\` over \`ConsulMaintenance\` watching a Consul API"
    echo "  double (status-consul's test jar) with blocking queries; \`lookup\` = \`/status-lookup\`, one"
    echo "  \`GET /v1/health/node/node-1\` per request on a second double, as sprockets' Consul example does."
    echo "- Scenario 6 (\`scale<N>\`): one \`ScaleServer\` per N in $SCALE_SIZES: N cheap passing checks, default"
    echo "  options; \`bare\` = \`/bare\`, a constant copy of its first \`/health\` answer, beside \`vitals\` = \`/health\`;"
    echo "  warm-up and rounds as scenarios 1 and 2. Scenario 7: \`HeapPerCheck\` (one JVM per run, $HEAP_RUNS runs):"
    echo "  heap after a full GC with 1 check, then with 1,000. Scenario 8: JVM start to the first 200 on \`/health\`,"
    echo "  $STARTUP_RUNS interleaved rounds of \`BareStartup\` (Vert.x and one vertx-web route), the standalone jar, and"
    echo "  the standalone jar with the AppCDS archive docs/running.md describes (trained once before the rounds)."
    echo "- Scenarios \`standalone-cheap\` and \`standalone-scale<N>\`, \`/health\` as users run it: the standalone jar,"
    echo "  \`java -jar samples/target/vitals-samples.jar -conf <file>\` with \`VITALS_HTTP_PORT\`, its config the default"
    echo "  but for \`checks\`: N checks of type \`heap\` with \`maxUsed\` 1 (always pass; a \`heap\` check reads the memory"
    echo "  MXBean, no I/O, and its result is cached with the default TTLs, 27 s / 9 s); N = 10 for \`standalone-cheap\`"
    echo "  (scenario 1's count), N in $SCALE_SIZES for \`standalone-scale<N>\`. Its default handlers are all on: request"
    echo "  guard, in-flight limit, Prometheus metrics (Vert.x's own included), history, gRPC, and the config file read"
    echo "  again every 2 s. \`bare\` = \`BareStartup\` in a JVM of its own serving a constant copy of the standalone's"
    echo "  first \`/health\` answer (same bytes, same \`Content-Type\` and \`Cache-Control\`); each serves on one event"
    echo "  loop. Warm-up and rounds as scenarios 1 and 2, bare and standalone alternating. The library alone"
    echo "  (\`BenchmarkServer\`'s \`vitals\`, \`ScaleServer\`) is the second row of each size. Scenario 2 has no standalone"
    echo "  counterpart: the standalone config has no check type of a chosen latency (its checks are real probes of"
    echo "  real dependencies), so slow checks are measured on \`BenchmarkServer\` only."
    echo
    echo "## Results"
    echo
    echo "$table"
    if [[ -f "$OUT/profile.md" ]]; then
      echo
      echo "## Profile of \`/health\` (scenario 1 server, JFR samples every 1 ms for 10 s, after the measured rounds)"
      echo
      cat "$OUT/profile.md"
    fi
    if [[ -f "$OUT/hostile.md" ]]; then
      echo
      cat "$OUT/hostile.md"
    fi
    if [[ -f "$OUT/resilience.md" ]]; then
      echo
      cat "$OUT/resilience.md"
    fi
    if ((SOAK_MINUTES > 0)); then
      echo
      echo "## Soak: the standalone jar as shipped under ordinary traffic for $SOAK_MINUTES minutes"
      echo
      echo "\`dev.vitals.benchmarks.soak.SoakMain\` (\`SoakTest\` in CI runs the same for 10 rounds of 6 s): the jar with"
      echo "\`-Xmx128m\`, its default config with the default checks and two that do I/O (TCP and HTTP to itself); wrk"
      echo "(2 threads, 32 connections) cycling through \`/health\`, \`/health/live\`, \`/health/ready\`, \`/status\`,"
      echo "\`/health/history\`, \`/health/ui\`, \`/metrics\` in rounds of 30 s, with 4 SSE streams (the most one client address may hold) on \`/health/events\`"
      echo "and 4 gRPC \`Check\` loops beside it; after each round a full GC (\`jcmd GC.class_histogram\`: live bytes),"
      echo "a thread dump and \`/proc\`'s file descriptors."
      echo
      cat "$OUT/soak/soak.md"
    fi
    if [[ -f "$HERE/ANALYSIS.md" ]]; then
      echo
      cat "$HERE/ANALYSIS.md"
    fi
  } >"$HERE/RESULTS.md"

  echo
  echo "$table"
  echo
  echo "Wrote benchmarks/RESULTS.md ($((elapsed / 60)) min $((elapsed % 60)) s)."
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then main "$@"; fi
