#!/usr/bin/env bash
# Issue 17's measurements of the fleet, on loopback, with three standalone jars clustered over Hazelcast
# (fleet.source cluster, members on free loopback ports, the default publishPeriod of 5 s, quorum 3), A, B and C:
#   1. GET /health/fleet beside the kept GET /health on A under wrk (same connections and duration, alternating
#      rounds, medians; target: fleet >= 0.9 x /health), and a bare Vert.x route (BareStartup) as a yardstick;
#   2. the fleet's status messages per sender per minute with no change, once idle and once while wrk hammers A's
#      /health and /health/fleet: counted on the receiving side by a 4th cluster member (FleetListener) that
#      consumes vitals.fleet.status (expected: 12 a minute per sender at 5 s, whatever the request rate);
#   3. the time from a change to its view on another node: a failure (then a good report) of a passive check tagged
#      readiness on B, until A's /health/fleet shows B's ready flip (FleetPropagation), CHANGES times with REPEATS
#      reports of the same status after each (so that the check does not flap), then FLAPPING_CHANGES times with
#      none (the check flaps from its 5th change on).
# Installs wrk if missing, builds the jars if missing, writes benchmarks/FLEET-RESULTS.md. About 6 minutes.
#
#   benchmarks/fleet.sh
#
# Knobs (environment): DURATION (s per measured wrk run, default 5), ROUNDS (default 4), WARMUP (s per contender,
# default 5), CONNECTIONS (default 50), WINDOW (s of each message count, default 60), CHANGES (default 30),
# REPEATS (default 10), FLAPPING_CHANGES (default 10), BUILD (1: rebuild the jars).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
DURATION=${DURATION:-5}
ROUNDS=${ROUNDS:-4}
WARMUP=${WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-50}
WINDOW=${WINDOW:-60}
CHANGES=${CHANGES:-30}
REPEATS=${REPEATS:-10}
FLAPPING_CHANGES=${FLAPPING_CHANGES:-10}
COMMAND="benchmarks/fleet.sh"
for knob in DURATION ROUNDS WARMUP CONNECTIONS WINDOW CHANGES REPEATS FLAPPING_CHANGES; do
  if [[ -n "$(printenv "$knob" || true)" ]]; then COMMAND="$knob=${!knob} $COMMAND"; fi
done
SAMPLES_JAR="$ROOT/samples/target/vitals-samples.jar"
JAR="$HERE/target/vitals-benchmarks.jar"
OUT="$HERE/target/fleet"
TOKEN="fleet-bench-token"
PIDS=()

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
  sudo=""; if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  log "installing wrk from Debian's packages"
  $sudo apt-get install -y wrk >/dev/null || { $sudo apt-get update >/dev/null && $sudo apt-get install -y wrk >/dev/null; }
fi
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD)
DIRTY=$(git -C "$ROOT" status --porcelain | awk '{ print $2 }' | tr '\n' ' ' | sed 's/ *$//')
if [[ ! -f "$SAMPLES_JAR" || ! -f "$JAR" || "${BUILD:-0}" == 1 ]]; then
  log "building the jars (mvn -B -q package -DskipTests -pl samples,benchmarks -am)"
  (cd "$ROOT" && mvn -B -q package -DskipTests -pl samples,benchmarks -am)
fi
rm -rf "$OUT"
mkdir -p "$OUT"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# free_ports N: N loopback ports nobody listens on, from 18400 up.
free_ports() {
  local port found=0
  for port in $(seq 18400 18600); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; found=$((found + 1)); fi
    if [[ $found -eq $1 ]]; then return; fi
  done
  echo "not $1 free ports in 18400-18600" >&2
  exit 1
}
mapfile -t PORTS < <(free_ports 8)
HTTP=("${PORTS[0]}" "${PORTS[1]}" "${PORTS[2]}")
HAZELCAST=("${PORTS[3]}" "${PORTS[4]}" "${PORTS[5]}")
LISTENER_PORT=${PORTS[6]}
BARE_PORT=${PORTS[7]}
MEMBERS=$(printf '"127.0.0.1:%s",' "${HAZELCAST[@]}" | sed 's/,$//')
A=${HTTP[0]}
B=${HTTP[1]}
C=${HTTP[2]}

# wait_for FILE PATTERN PID WHAT: until FILE has a line matching PATTERN (up to 2 minutes: Hazelcast on busy cores).
wait_for() {
  local _
  for _ in $(seq 1 1200); do
    if grep -q "$2" "$1"; then return; fi
    if ! kill -0 "$3" 2>/dev/null; then break; fi
    sleep 0.1
  done
  cat "$1" >&2
  echo "$4 did not start" >&2
  exit 1
}

# One after the other: members that start together may form clusters of their own, merged only minutes later.
NAMES=(A B C)
for i in 0 1 2; do
  name=${NAMES[$i]}
  java -jar "$SAMPLES_JAR" -conf "{\"http\": {\"host\": \"127.0.0.1\", \"port\": ${HTTP[$i]}},
    \"application\": {\"name\": \"orders\"}, \"admin\": {\"token\": \"$TOKEN\"},
    \"checks\": [{\"name\": \"job\", \"type\": \"passive\", \"period\": \"1h\", \"tags\": [\"readiness\"]}],
    \"environment\": {\"enabled\": false}, \"shutdown\": {\"drainDelay\": 0},
    \"fleet\": {\"source\": \"cluster\", \"quorum\": 3,
      \"cluster\": {\"host\": \"127.0.0.1\", \"port\": ${HAZELCAST[$i]}, \"members\": [$MEMBERS]}}}" \
    >"$OUT/node-$name.log" 2>&1 &
  PIDS+=($!)
  wait_for "$OUT/node-$name.log" 'Joined the fleet' "$!" "node $name"
  log "node $name: HTTP 127.0.0.1:${HTTP[$i]}, Hazelcast 127.0.0.1:${HAZELCAST[$i]}"
done
ready_on() { curl -s "http://127.0.0.1:$1/health/fleet" | jq -r '.ready // 0'; }
for port in "$A" "$B" "$C"; do
  for _ in $(seq 1 600); do [[ $(ready_on "$port") == 3 ]] && break; sleep 0.1; done
  [[ $(ready_on "$port") == 3 ]] || { curl -s "http://127.0.0.1:$port/health/fleet" >&2; echo "127.0.0.1:$port does not see 3 ready" >&2; exit 1; }
done
log "the three agree: 3 ready on each"

java -cp "$JAR" dev.vitals.benchmarks.FleetListener "$LISTENER_PORT" \
  $(printf '127.0.0.1:%s ' "${HAZELCAST[@]}" "$LISTENER_PORT") >"$OUT/listener.log" 2>"$OUT/listener.err" &
PIDS+=($!)
wait_for "$OUT/listener.log" '^listening' "$!" "the listener"
for port in "$A" "$B" "$C"; do
  for _ in $(seq 1 300); do grep -q "127.0.0.1:$port" "$OUT/listener.log" && break; sleep 0.1; done
done
log "the listener hears all three; letting the cluster settle for 5 s"
sleep 5

VITALS_HTTP_PORT=$BARE_PORT java -cp "$JAR" dev.vitals.benchmarks.BareStartup >"$OUT/bare.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 300); do curl -sf -o /dev/null "http://127.0.0.1:$BARE_PORT/health" && break; sleep 0.1; done
size_of() { curl -s -o /dev/null -w '%{size_download}' "http://127.0.0.1:$1$2"; }
HEALTH_BYTES=$(size_of "$A" /health)
FLEET_BYTES=$(size_of "$A" /health/fleet)
BARE_BYTES=$(size_of "$BARE_PORT" /health)

now_ms() { date +%s%3N; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# count FROM TO: "<instance> <messages>" per sender heard by the listener within [FROM, TO) ms.
count() {
  awk -F'\t' -v from="$1" -v to="$2" 'NF == 5 && $1 >= from && $1 < to { n[$2]++ } END { for (s in n) print s, n[s] }' \
    "$OUT/listener.log" | sort
}

# 2a. No change, no request.
log "message count, idle: $WINDOW s"
IDLE_FROM=$(now_ms); sleep "$WINDOW"; IDLE_TO=$(now_ms)
count "$IDLE_FROM" "$IDLE_TO" >"$OUT/count-idle.txt"
log "  $(tr '\n' ';' <"$OUT/count-idle.txt")"

# 1. Throughput on A, alternating rounds.
: >"$OUT/runs.tsv"
wrk_run() { # name port path seconds: one line of runs.tsv
  local summary
  summary=$(wrk -t1 -c"$CONNECTIONS" -d"${4}s" --latency -s "$HERE/wrk-summary.lua" "http://127.0.0.1:$2$3" \
    | tee -a "$OUT/wrk-$1.log" | grep '^SUMMARY' | cut -f2-)
  printf '%s\t%s\n' "$1" "$summary" >>"$OUT/runs.tsv"
}
CONTENDERS=("health $A /health" "fleet $A /health/fleet" "bare $BARE_PORT /health")
log "throughput: warm-up $WARMUP s per contender, then $ROUNDS rounds of $DURATION s per contender, $CONNECTIONS connections"
for spec in "${CONTENDERS[@]}"; do
  read -r name port path <<<"$spec"
  wrk -t1 -c"$CONNECTIONS" -d"${WARMUP}s" "http://127.0.0.1:$port$path" >/dev/null
done
for round in $(seq 1 "$ROUNDS"); do
  for spec in "${CONTENDERS[@]}"; do
    read -r name port path <<<"$spec"
    wrk_run "$name" "$port" "$path" "$DURATION"
  done
  log "  round $round: $(tail -3 "$OUT/runs.tsv" | awk -F'\t' '{ printf "%s %s req/s  ", $1, $4 }')"
done
kill "${PIDS[-1]}" 2>/dev/null || true  # the bare server: not needed any more

# 2b. No change, A under load: /health and /health/fleet at once, half the connections each.
log "message count, A under load (/health and /health/fleet at once): $WINDOW s"
LOAD_FROM=$(now_ms)
wrk -t1 -c$((CONNECTIONS / 2)) -d"${WINDOW}s" -s "$HERE/wrk-summary.lua" "http://127.0.0.1:$A/health" >"$OUT/wrk-load-health.log" &
H_PID=$!
wrk -t1 -c$((CONNECTIONS / 2)) -d"${WINDOW}s" -s "$HERE/wrk-summary.lua" "http://127.0.0.1:$A/health/fleet" >"$OUT/wrk-load-fleet.log"
wait "$H_PID"
LOAD_TO=$(now_ms)
count "$LOAD_FROM" "$LOAD_TO" >"$OUT/count-load.txt"
log "  $(tr '\n' ';' <"$OUT/count-load.txt")"
summary_field() { grep '^SUMMARY' "$1" | cut -f"$2"; }
LOAD_RPS=$(awk -v h="$(summary_field "$OUT/wrk-load-health.log" 4)" -v f="$(summary_field "$OUT/wrk-load-fleet.log" 4)" \
  'BEGIN { printf "%.0f", h + f }')
LOAD_ERRORS=$(( $(summary_field "$OUT/wrk-load-health.log" 8) + $(summary_field "$OUT/wrk-load-fleet.log" 8) ))

# 3. From a change on B to A's view.
log "from a change on B to its view on A: $CHANGES changes"
CHANGES_FROM=$(now_ms)
java -cp "$JAR" dev.vitals.benchmarks.FleetPropagation "$A" "$B" "$TOKEN" job "$CHANGES" "$REPEATS" \
  "$OUT/listener.log" >"$OUT/propagation.txt"
PROPAGATION=$(tail -1 "$OUT/propagation.txt")
CHANGES_TO=$(now_ms)
FLAPPED=$(grep -c 'to flapping\|→ flapping' "$OUT/node-B.log" || true)
log "  $PROPAGATION"
log "the same with the check flapping: $FLAPPING_CHANGES changes, no report in between"
java -cp "$JAR" dev.vitals.benchmarks.FleetPropagation "$A" "$B" "$TOKEN" job "$FLAPPING_CHANGES" 0 \
  "$OUT/listener.log" >"$OUT/propagation-flapping.txt"
FLAPPING=$(tail -1 "$OUT/propagation-flapping.txt")
FLAPPING_LINE=$(grep -m1 '→ flapping' "$OUT/node-B.log" | sed 's/^[A-Z]*: //' || true)
CHANGES_S=$(awk -v a="$CHANGES_FROM" -v b="$CHANGES_TO" 'BEGIN { printf "%.1f", (b - a) / 1000 }')
B_MESSAGES=$(count "$CHANGES_FROM" "$CHANGES_TO" | awk -v i="127.0.0.1:$B" '$1 == i { print $2 }')
MESSAGE_BYTES=$(awk -F'\t' 'NF == 5 && $5 ~ /^[0-9]+$/ { print $5 }' "$OUT/listener.log" | median)
log "  $FLAPPING"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- the results file
rps_of() { awk -F'\t' -v n="$1" '$1 == n { print $4 }' "$OUT/runs.tsv"; }
col_of() { awk -F'\t' -v n="$1" -v c="$2" '$1 == n { print $c }' "$OUT/runs.tsv"; }
HEALTH=$(rps_of health | median)
FLEET=$(rps_of fleet | median)
BARE=$(rps_of bare | median)
RATIO=$(awk -v f="$FLEET" -v h="$HEALTH" 'BEGIN { printf "%.2f", f / h }')
ROUND_RATIOS=$(paste <(rps_of fleet) <(rps_of health) | awk '{ printf "%s%.2f", (NR > 1 ? ", " : ""), $1 / $2 }')
THROUGHPUT_VERDICT=$(awk -v r="$RATIO" 'BEGIN { print (r >= 0.9 ? "**met**" : "**not met**") }')
row() { # name what bytes
  local errors
  errors=$(col_of "$1" 8 | awk '{ s += $1 } END { print s + 0 }')
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$2" "$3" "$(rps_of "$1" | median)" \
    "$(rps_of "$1" | sort -n | tr '\n' ' ' | sed 's/ $//; s/ / · /g')" \
    "$(col_of "$1" 5 | median | awk '{ printf "%.2f", $1 / 1000 }')" \
    "$(col_of "$1" 6 | median | awk '{ printf "%.2f", $1 / 1000 }')" "$errors"
}
per_minute() { # file seconds: "| instance | messages | per minute |" rows
  awk -v s="$2" '{ printf "| %s | %d | %.1f |\n", $1, $2, $2 * 60 / s }' "$1"
}
IDLE_S=$(awk -v a="$IDLE_FROM" -v b="$IDLE_TO" 'BEGIN { printf "%.1f", (b - a) / 1000 }')
LOAD_S=$(awk -v a="$LOAD_FROM" -v b="$LOAD_TO" 'BEGIN { printf "%.1f", (b - a) / 1000 }')
# Verdict: every sender within one message of 12 a minute over the window, idle and loaded, and A's count the same.
rate_ok() { awk -v s="$2" 'BEGIN { ok = 1 } { e = 12 * s / 60; if ($2 < e - 1 || $2 > e + 1) ok = 0 } END { print (NR == 3 && ok) ? 1 : 0 }' "$1"; }
A_IDLE=$(awk -v i="127.0.0.1:$A" '$1 == i { print $2 }' "$OUT/count-idle.txt")
A_LOAD=$(awk -v i="127.0.0.1:$A" '$1 == i { print $2 }' "$OUT/count-load.txt")
if [[ $(rate_ok "$OUT/count-idle.txt" "$IDLE_S") == 1 && $(rate_ok "$OUT/count-load.txt" "$LOAD_S") == 1 ]]; then
  MESSAGES_VERDICT="**met**: every instance publishes 12 status messages a minute, idle or with A answering about $LOAD_RPS requests/s"
else
  MESSAGES_VERDICT="**not met**: a sender is more than one message off 12 a minute in a window (see the tables)"
fi
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" <<<"$PROPAGATION"; }
flapping_field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" <<<"$FLAPPING"; }
# Verdict: the issue sets no figure; "within a second", as the fleet's agreement is asked to be.
FLAPPING_LINE=${FLAPPING_LINE:-no flapping line in the log of B}
PERIODIC=$(awk -v s="$CHANGES_S" 'BEGIN { printf "%d", s / 5 }')
PER_CHANGE=$(awk -v m="${B_MESSAGES:-0}" -v p="$PERIODIC" -v c="$CHANGES" 'BEGIN { printf "%.1f", (m - p) / c }')
TWICE=""
if awk -v x="$PER_CHANGE" 'BEGIN { exit !(x >= 1.5) }'; then
  TWICE=" A change is sent twice, at once and 200 ms later with the same content: the check registry tells of the
check's change and then of the overall outcome's, and each is a change signal of the fleet."
fi
# From the 6th change on, the check flaps (22 to 25 % of state change over its last 21 results).
FLAPPING_LATE=$(awk '{ sub("change=", "", $1); sub("view_ms=", "", $3) } $1 + 0 >= 6 { print $3 }' \
  <(head -n -1 "$OUT/propagation-flapping.txt"))
LATE_MEDIAN=$(median <<<"$FLAPPING_LATE")
LATE_MIN=$(sort -n <<<"$FLAPPING_LATE" | head -1)
LATE_MAX=$(sort -n <<<"$FLAPPING_LATE" | tail -1)
if awk -v m="$LATE_MEDIAN" 'BEGIN { exit !(m > 1000) }'; then
  FLAPPING_SAYS=" **Yet here the fleet heard of the changes only with the next periodic status**, up to the publish
period (5 s) later: a regression."
else
  FLAPPING_SAYS=" So the changes show as fast as those of a check that does not flap."
fi
PROPAGATION_VERDICT=$(awk -v m="$(field view_max_ms)" 'BEGIN { print (m <= 1000 ? "every change showed within a second" : "**not every change showed within a second**") }')

cat >"$HERE/FLEET-RESULTS.md" <<MD
# Fleet health: measurements

\`$COMMAND\` on $(date -u '+%Y-%m-%d %H:%M UTC'), commit $COMMIT${DIRTY:+ (with uncommitted changes in: $DIRTY)}.

- Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), \`nproc\` = $(nproc); load average
  $LOAD_BEFORE before the run and $LOAD_AFTER after it (1, 5, 15 min). The machine is shared with other builds: compare
  rows of one run, not runs.
- $(java -version 2>&1 | head -1), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2).
- Three standalone jars (\`java -jar samples/target/vitals-samples.jar -conf ...\`), A, B and C, on 127.0.0.1, each
  with one passive check \`job\` tagged readiness, \`fleet\`: \`{"source": "cluster", "quorum": 3, "cluster": {"port":
  <free port>, "members": [the three]}}\` (Hazelcast TCP/IP join on loopback; the default publishPeriod, 5 s). Started
  one after the other; they agreed on 3 ready instances before anything was measured. wrk runs on the same machine.

## 1. \`/health/fleet\` beside \`/health\`, on A

wrk \`-t1 -c$CONNECTIONS\`, a $WARMUP s warm-up per contender, then $ROUNDS rounds of $DURATION s, the contenders alternating
within each round. The bare route is \`BareStartup\` (a vertx-web router answering a constant \`{"status":"UP"}\`) in a
JVM of its own: a yardstick of what this machine serves, not a contender. Figures that rise from round to round
are the JIT and the other load of the machine settling: the ratio of each round is the fairer reading.

| what | body (bytes) | median req/s | every round, lowest first (req/s) | median p50 (ms) | median p99 (ms) | errors |
|---|---|---|---|---|---|---|
$(row health '`GET /health` on A (kept body)' "$HEALTH_BYTES")
$(row fleet '`GET /health/fleet` on A (3 instances)' "$FLEET_BYTES")
$(row bare 'bare route (`BareStartup`)' "$BARE_BYTES")

\`/health/fleet\` ÷ \`/health\`: **$RATIO** of the medians (per round: $ROUND_RATIOS). Target ≥ 0.9: $THROUGHPUT_VERDICT.

## 2. Status messages per sender with no change

Counted on the receiving side, with no change to the product: a 4th member of the Hazelcast cluster
(\`FleetListener\`, publishing nothing, so in nobody's fleet view) consumes \`vitals.fleet.status\` and logs every
status it hears with its sender. Every instance receives the same messages from the two others.

Idle (no change, no request), $IDLE_S s:

| sender | messages | per minute |
|---|---|---|
$(per_minute "$OUT/count-idle.txt" "$IDLE_S")

A under load ($LOAD_S s of \`/health\` and \`/health/fleet\` at once on A, $((CONNECTIONS / 2)) connections each: $LOAD_RPS requests/s
in all, $LOAD_ERRORS errors), no change:

| sender | messages | per minute |
|---|---|---|
$(per_minute "$OUT/count-load.txt" "$LOAD_S")

A's count: ${A_IDLE:-0} idle, ${A_LOAD:-0} under load. Target (12 a minute per sender at 5 s, independent of the request
rate): $MESSAGES_VERDICT. So each instance receives 24 messages a minute from the two others; a status is $MESSAGE_BYTES bytes of JSON
(the median of those heard).

## 3. From a change on B to its view on A

$CHANGES changes (\`FleetPropagation\`), alternately a failure and a good report of B's \`job\` check
(\`POST /health/heartbeat/job\` with the admin token), each followed by polling A's \`/health/fleet\` every 1 ms until
B's \`ready\` flips, then $REPEATS more reports of the same status and a pause of 300 to 1,300 ms (seeded), so that
changes land at every phase of the 5 s publish. The repeated reports (and 21 good ones before the first change) keep
the check from flapping, as a heartbeat source that reports regularly would: B's log shows $FLAPPED flapping start(s)
during these changes. "Bus" is when the listener heard B's new status on the event bus, from the same start.

| | median (ms) | p95 (ms) | max (ms) |
|---|---|---|---|
| change on B → A's \`/health/fleet\` shows it | $(field view_median_ms) | $(field view_p95_ms) | $(field view_max_ms) |
| change on B → status heard on the bus ($(field bus_heard) of $CHANGES) | $(field bus_median_ms) | $(field bus_p95_ms) | $(field bus_max_ms) |

Verdict (the issue sets no figure; the fleet is to agree within a second): $PROPAGATION_VERDICT.

B sends a change at once unless it sent a status less than 200 ms before (then 200 ms after that one), and A's
\`/health/fleet\` drops its rendered body when its view changes: so the time is the event bus's and the poll's, with
up to 200 ms more for a change that follows another status closely. B published $B_MESSAGES status messages during
the $CHANGES_S s of the $CHANGES changes, about $PERIODIC of them periodic: $PER_CHANGE per change.$TWICE Every change:

\`\`\`
$(head -n -1 "$OUT/propagation.txt")
\`\`\`

### While the check flaps

$FLAPPING_CHANGES more changes with no report in between: the check flaps within a few changes
(\`$FLAPPING_LINE\`). While a check flaps, the registry does not notify its changes
(docs/history.md); the fleet looks at its status after every run of a check too, and
sends it when it differs from the last one sent.$FLAPPING_SAYS

| | median (ms) | p95 (ms) | max (ms) |
|---|---|---|---|
| change on B → A's \`/health/fleet\` shows it | $(flapping_field view_median_ms) | $(flapping_field view_p95_ms) | $(flapping_field view_max_ms) |
| change on B → status heard on the bus | $(flapping_field bus_median_ms) | $(flapping_field bus_p95_ms) | $(flapping_field bus_max_ms) |

From the 6th change on (the check flapping): A's view showed each change after $LATE_MIN to $LATE_MAX ms, median $LATE_MEDIAN ms.

\`\`\`
$(head -n -1 "$OUT/propagation-flapping.txt")
\`\`\`
MD
log "wrote benchmarks/FLEET-RESULTS.md"
