#!/usr/bin/env bash
# Issue 22's long soak: the standalone jar as shipped (-Xmx128m, the default checks and two that do I/O) under wrk's
# mix of /health, /health/live, /health/ready, /status, /metrics, /health/history and /health/ui, with 4 SSE streams
# (the most one client address may hold) and 4 gRPC Check loops beside it, in rounds of 30 s; after each round a
# full GC and the heap, threads and file descriptors read off the child (dev.vitals.benchmarks.soak.SoakMain).
# Prints the table, writes benchmarks/soak.png
# (heap after GC and req/s over time, drawn by JFreeChart); installs wrk if missing. benchmarks/run.sh runs the same
# as its last scenario and puts the table in RESULTS.md.
#
#   benchmarks/soak.sh            # 10 minutes
#   MINUTES=2 benchmarks/soak.sh
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
MINUTES=${MINUTES:-10}
OUT="$HERE/target/soak"

if ! command -v wrk >/dev/null; then
  apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
commit=$(git -C "$ROOT" log -1 --format=%h 2>/dev/null || echo unknown)
if [[ -n "$(git -C "$ROOT" status --porcelain 2>/dev/null)" ]]; then commit="$commit+uncommitted"; fi
(cd "$ROOT" && mvn -B -q package -DskipTests -pl samples,benchmarks -am)
rm -rf "$OUT"
java -cp "$HERE/target/vitals-benchmarks.jar" dev.vitals.benchmarks.soak.SoakMain \
  "$ROOT/samples/target/vitals-samples.jar" "$MINUTES" "$OUT" "$commit"
cp "$OUT/soak.png" "$HERE/soak.png"
echo "wrote benchmarks/soak.png; the table is above and in $OUT/soak.md (run.sh puts it in RESULTS.md)" >&2
