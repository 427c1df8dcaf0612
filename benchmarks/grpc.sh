#!/usr/bin/env bash
# Issue 18's measurements of grpc.health.v1.Health on the standalone jar's HTTP port, on loopback:
#   1. Check throughput over ONE HTTP/2 connection, next to cached GET /health over one HTTP/2 connection and
#      over one HTTP/1.1 connection, from the same server (h2load, STREAMS requests in flight on the connection);
#   2. what open Watch streams cost between changes: the server's CPU time per second while idle, with no stream
#      and with WATCHES streams open (read from /proc/<pid>/stat).
# Installs h2load (Debian's nghttp2-client) if missing, builds the jar if missing, writes benchmarks/GRPC-RESULTS.md.
#
#   benchmarks/grpc.sh
#
# Knobs (environment): DURATION (s per measured run, default 10), WARMUP (s per contender, default 15: shorter leaves the gRPC path half compiled), STREAMS (requests in flight
# on the one connection, default 10), WATCHES (open Watch streams, default 1000), IDLE (s of idle measured, default 10),
# PORT (default 18080), SETTLE (s of quiet after a GC before an idle measurement, default 10), BUILD (1: rebuild the jar).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-15}
STREAMS=${STREAMS:-10}
WATCHES=${WATCHES:-1000}
IDLE=${IDLE:-10}
PORT=${PORT:-18080}
JAR="$ROOT/samples/target/vitals-samples.jar"
OUT="$HERE/target/grpc"
SERVER_PID=""
WATCH_PID=""

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
cleanup() {
  for pid in "$WATCH_PID" "$SERVER_PID"; do
    if [[ -n "$pid" ]]; then kill "$pid" 2>/dev/null || true; fi
  done
}
trap cleanup EXIT

if ! command -v h2load >/dev/null; then
  sudo=""; if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  log "installing h2load (nghttp2-client) from Debian's packages"
  $sudo apt-get install -y nghttp2-client >/dev/null || { $sudo apt-get update >/dev/null && $sudo apt-get install -y nghttp2-client >/dev/null; }
fi
if [[ ! -f "$JAR" || "${BUILD:-0}" == 1 ]]; then
  log "building the jar"
  (cd "$ROOT" && mvn -B -q -pl samples -am package -DskipTests)
fi
mkdir -p "$OUT"

# A gRPC message: no compression, length 5, HealthCheckRequest{service: ""} is empty; Watch asks for "ready".
printf '\0\0\0\0\0' > "$OUT/check.bin"
printf '\0\0\0\0\7\n\5ready' > "$OUT/watch.bin"
GRPC=(-H 'content-type: application/grpc' -H 'te: trailers')
BASE="http://127.0.0.1:$PORT"

log "starting the standalone jar on port $PORT (no checks: what is measured is the protocol path)"
java -jar "$JAR" -conf "{\"http\": {\"port\": $PORT}, \"checks\": [], \"grpc\": {\"maxWatches\": $((WATCHES + 100))},
  \"environment\": {\"enabled\": false}, \"shutdown\": {\"drainDelay\": 0}}" > "$OUT/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do grep -q 'listening on' "$OUT/server.log" && break; sleep 0.2; done
grep -q 'listening on' "$OUT/server.log" || { cat "$OUT/server.log"; exit 1; }

rps() { sed -n 's/.*finished in .*, \([0-9.]*\) req\/s.*/\1/p' "$1"; }
ok() { sed -n 's/^status codes: \([0-9]*\) 2xx.*/\1/p' "$1"; }
run() { # name, then h2load's arguments
  local name=$1; shift
  h2load -D "$WARMUP" "$@" > /dev/null
  h2load -D "$DURATION" "$@" > "$OUT/$name.txt"
  log "$name: $(rps "$OUT/$name.txt") req/s"
}
run check -c 1 -m "$STREAMS" -d "$OUT/check.bin" "${GRPC[@]}" "$BASE/grpc.health.v1.Health/Check"
run health-h2 -c 1 -m "$STREAMS" "$BASE/health"
run health-h1 -c 1 -m 1 --h1 "$BASE/health"

cpu_ms() { # the server's user + system CPU time, ms
  awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) * 1000 / hz}' "/proc/$SERVER_PID/stat"
}
idle_cpu() { # CPU ms per s over IDLE seconds
  local before after
  before=$(cpu_ms); sleep "$IDLE"; after=$(cpu_ms)
  awk -v a="$after" -v b="$before" -v s="$IDLE" 'BEGIN {printf "%.2f", (a - b) / s}'
}
settle() { jcmd "$SERVER_PID" GC.run >/dev/null 2>&1 || true; sleep "${SETTLE:-10}"; }  # after the load: JIT and GC settle
settle
IDLE_NONE=$(idle_cpu)
log "idle, no Watch stream: $IDLE_NONE CPU ms/s"
CONNS=$(( (WATCHES + 99) / 100 ))  # Vert.x allows 100 concurrent streams per HTTP/2 connection by default
h2load -c "$CONNS" -m 100 -n "$WATCHES" -D $((IDLE + 30)) -d "$OUT/watch.bin" "${GRPC[@]}" \
  "$BASE/grpc.health.v1.Health/Watch" > "$OUT/watch.txt" 2>&1 &
WATCH_PID=$!
sleep 3
settle
IDLE_WATCHED=$(idle_cpu)
log "idle, $WATCHES Watch streams open: $IDLE_WATCHED CPU ms/s"
HEAP=$(jcmd "$SERVER_PID" GC.heap_info 2>/dev/null | sed -n 's/.*used \([0-9]*K\).*/\1/p' | head -1 || true)
CONNECTED=$(ss -Htn state established "( sport = :$PORT )" | wc -l)
kill "$WATCH_PID" 2>/dev/null || true; WATCH_PID=""
sleep 2
settle
IDLE_AFTER=$(idle_cpu)
log "idle, the Watch streams closed: $IDLE_AFTER CPU ms/s"

cat > "$HERE/GRPC-RESULTS.md" <<MD
# gRPC health: measurements

\`benchmarks/grpc.sh\` (DURATION=$DURATION WARMUP=$WARMUP STREAMS=$STREAMS WATCHES=$WATCHES IDLE=$IDLE), $(date -u +%Y-%m-%d),
commit $(git -C "$ROOT" rev-parse --short HEAD), $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)),
$(java -version 2>&1 | head -1). The standalone jar with no checks (the protocol path is what is measured), one
event loop per core, on loopback; h2load on the same machine. The machine may be shared with other builds: compare
rows of one run, not runs.

## Throughput over one connection

| what | connection | in flight | req/s | answers with HTTP 2xx (a gRPC error too) |
|---|---|---|---|---|
| \`grpc.health.v1.Health/Check\` (service "") | 1 × HTTP/2 (h2c) | $STREAMS | $(rps "$OUT/check.txt") | $(ok "$OUT/check.txt") |
| \`GET /health\` (kept body) | 1 × HTTP/2 (h2c) | $STREAMS | $(rps "$OUT/health-h2.txt") | $(ok "$OUT/health-h2.txt") |
| \`GET /health\` (kept body) | 1 × HTTP/1.1 | 1 | $(rps "$OUT/health-h1.txt") | $(ok "$OUT/health-h1.txt") |

## Watch streams between changes

| open Watch streams | server CPU while idle (ms per s) |
|---|---|
| 0, right after the load runs (JIT compilation may still run) | $IDLE_NONE |
| $WATCHES | $IDLE_WATCHED |
| 0, once they are closed | $IDLE_AFTER |

Heap used with the streams open, after a GC: ${HEAP:-not read}; HTTP/2 connections holding them: $CONNECTED.
MD
log "wrote benchmarks/GRPC-RESULTS.md"
