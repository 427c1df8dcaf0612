#!/usr/bin/env bash
# Issue 23's hostile clients and dependencies against the standalone jar as shipped (-Xmx128m,
# -XX:+ExitOnOutOfMemoryError, its default config plus the checks an attack needs): 10,000 made-up methods and paths,
# hostile Redis/PostgreSQL/HTTP dependencies, a Redis going silent after a 2 GB bulk header, a rogue fleet member
# without the secret, HTTP/2 rapid reset, never-read event streams and dribbled request heads; /health/live probed
# during each attack and for 10 s after, live heap after a full GC before and after
# (dev.vitals.benchmarks.resilience.ResilienceScenario). About 6 minutes. Prints the Markdown section; benchmarks/run.sh
# runs the same after the issue-13 hostile step and puts the section in RESULTS.md.
#
#   benchmarks/resilience.sh
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
OUT="$HERE/target/resilience"

(cd "$ROOT" && mvn -B -q package -DskipTests -pl samples,benchmarks -am)
rm -rf "$OUT"
mkdir -p "$OUT"
java -cp "$HERE/target/vitals-benchmarks.jar" dev.vitals.benchmarks.resilience.ResilienceScenario \
  "$ROOT/samples/target/vitals-samples.jar" "$OUT" | tee "$OUT/resilience.md"
echo "wrote $OUT/resilience.md; the jars' logs are in $OUT" >&2
