#!/usr/bin/env bash
# What history (issue 16) and the metrics binder (issue 15) add to a cached /health, each measured against itself
# switched off, in alternating rounds on loopback (wrk, one thread, 50 connections):
#   history: ScaleServer with 10 checks, history on vs `history-off`;
#   metrics: the standalone jar (its three default checks), `metrics.enabled` true with `metrics.vertx` false (only
#            Vitals' binder) vs `metrics.enabled` false.
# Prints one line per round and the median ratio per pair. Run after `mvn -B package -DskipTests`:
#
#   benchmarks/overhead.sh            # knobs: ROUNDS (default 5), DURATION (s, default 7), WARMUP (s, default 3)
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-7}
WARMUP=${WARMUP:-3}
BENCH_JAR="$HERE/target/vitals-benchmarks.jar"
SAMPLES_JAR="$ROOT/samples/target/vitals-samples.jar"
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[[ -f $BENCH_JAR && -f $SAMPLES_JAR ]] || { echo "build first: mvn -B package -DskipTests" >&2; exit 1; }

wait_for() { for _ in $(seq 1 300); do curl -sf -o /dev/null "http://127.0.0.1:$1/health" && return 0; sleep 0.1; done; return 1; }
rps() { wrk -t1 -c50 -d"$2s" -s "$HERE/wrk-summary.lua" "http://127.0.0.1:$1/health" | grep '^SUMMARY' | cut -f4; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# pair NAME ON_PORT OFF_PORT: alternating rounds, then the median of the per-round ratios on ÷ off.
pair() {
  local name=$1 on=$2 off=$3 a b ratios=()
  rps "$on" "$WARMUP" >/dev/null; rps "$off" "$WARMUP" >/dev/null
  for round in $(seq 1 "$ROUNDS"); do
    a=$(rps "$on" "$DURATION"); b=$(rps "$off" "$DURATION")
    ratios+=("$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.3f", a / b }')")
    echo "$name round $round: on $a req/s, off $b req/s, ratio ${ratios[-1]}"
  done
  echo "$name: median ratio on ÷ off $(printf '%s\n' "${ratios[@]}" | median) over $ROUNDS rounds"
}

java -cp "$BENCH_JAR" dev.vitals.benchmarks.ScaleServer 10 18101 >"$WORK/on.log" 2>&1 &
java -cp "$BENCH_JAR" dev.vitals.benchmarks.ScaleServer 10 18102 history-off >"$WORK/off.log" 2>&1 &
wait_for 18101 && wait_for 18102
pair history 18101 18102
kill $(jobs -p); wait 2>/dev/null || true

java -jar "$SAMPLES_JAR" -conf '{"http": {"port": 18103}, "metrics": {"vertx": false}}' >"$WORK/m-on.log" 2>&1 &
java -jar "$SAMPLES_JAR" -conf '{"http": {"port": 18104}, "metrics": {"enabled": false}}' >"$WORK/m-off.log" 2>&1 &
wait_for 18103 && wait_for 18104
pair metrics 18103 18104
