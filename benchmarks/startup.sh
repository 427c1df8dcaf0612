#!/usr/bin/env bash
# Start-up cost of the standalone jar (issue 22, item 5): JVM start to the first 200 on /health, polled every
# 10 ms, for a bare Vert.x server (BareStartup), the standalone jar with its defaults, and the standalone jar with
# metrics and gRPC off, and the standalone jar without its default event-loop check; ROUNDS interleaved rounds,
# medians of wall and CPU time, the load average before and after.
# Then one run of each with -Xlog:class+load: the classes loaded until the first 200, per package group.
# No AppCDS archive. Build first (mvn -B -q -DskipTests package); run from the repository root:
#
#   benchmarks/startup.sh
#
# Knobs (environment): ROUNDS (default 7; 0 counts the classes only); BEFORE_JAR, a standalone jar built from another commit, measured in the
# same rounds as "before" (defaults and metrics/gRPC off); OUT (default benchmarks/target/startup).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
ROUNDS=${ROUNDS:-7}
OUT=${OUT:-$HERE/target/startup}
BENCH_JAR="$HERE/target/vitals-benchmarks.jar"
JAR="$ROOT/samples/target/vitals-samples.jar"
BEFORE_JAR=${BEFORE_JAR:-}
OFF=(-Dvitals.metrics.enabled=false -Dvitals.grpc.enabled=false)
# The default checks without the event-loop one: how much of the wait is that check failing the first answers.
NO_EVENT_LOOP=(-conf '{"checks":[{"name":"disk-space","type":"disk-space","tags":["readiness"]},{"name":"heap","type":"heap","tags":["liveness"]}]}')
mkdir -p "$OUT"

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# shellcheck source=first-answer.sh
source "$HERE/first-answer.sh"

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# Contenders: name, then the command after "java".
names=(bare standalone standalone-off standalone-no-event-loop)
commands=("-cp $BENCH_JAR dev.vitals.benchmarks.BareStartup" "-jar $JAR" "${OFF[*]} -jar $JAR"
  "-jar $JAR ${NO_EVENT_LOOP[*]}")
if [[ -n $BEFORE_JAR ]]; then
  names+=(before before-off)
  commands+=("-jar $BEFORE_JAR" "${OFF[*]} -jar $BEFORE_JAR")
fi

echo "commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- . || echo ' (with uncommitted changes)'), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A wall cpu answer
for round in $(seq 1 "$ROUNDS"); do
  line="round $round:"
  for i in "${!names[@]}"; do
    # shellcheck disable=SC2086 # the command is split into words on purpose
    read -r w c f code <<<"$(first_200 "$OUT/${names[$i]}.log" java ${commands[$i]})"
    wall[${names[$i]}]+="$w "
    cpu[${names[$i]}]+="$c "
    answer[${names[$i]}]+="$f "
    line+=" ${names[$i]} ${w}/${c}"
    if [[ $code != 200 ]]; then line+=" (first answer ${f} ms: $code)"; fi
  done
  echo "$line"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
[[ $ROUNDS -gt 0 ]] && echo
[[ $ROUNDS -gt 0 ]] && echo "| contender | first 200, median wall ms | ÷ bare | median CPU ms to it | first answer (any code), median ms |"
[[ $ROUNDS -gt 0 ]] && echo "|---|---:|---:|---:|---:|"
bare=$(tr ' ' '\n' <<<"${wall[bare]:-}" | grep . | median || true)
for name in "${names[@]}"; do
  [[ $ROUNDS -gt 0 ]] || break
  w=$(tr ' ' '\n' <<<"${wall[$name]}" | grep . | median)
  c=$(tr ' ' '\n' <<<"${cpu[$name]}" | grep . | median)
  a=$(tr ' ' '\n' <<<"${answer[$name]}" | grep . | median)
  echo "| $name | $w | $(awk -v a="$w" -v b="$bare" 'BEGIN { printf "%.2f", a / b }') | $c | $a |"
done

# Classes loaded until the first 200, per group of packages, one run each (the gRPC server, built once the server
# listens, is loaded by then too whenever the first 200 comes a while after listening).
group() {
  awk '
    / source: / {
      c = $2
      if (c ~ /^dev\.vitals\./) g = "Vitals"
      else if (c ~ /^(io\.vertx\.launcher\.|picocli\.)/) g = "launcher + picocli"
      else if (c ~ /^io\.vertx\.config\./) g = "vertx-config"
      else if (c ~ /^io\.vertx\.json\.schema\./) g = "vertx-json-schema"
      else if (c ~ /^io\.vertx\.ext\.web\./) g = "vertx-web"
      else if (c ~ /^io\.vertx\.micrometer\./) g = "vertx-micrometer-metrics"
      else if (c ~ /^io\.vertx\.grpc\./) g = "vertx-grpc"
      else if (c ~ /^(io\.vertx\.spi\.cluster\.hazelcast\.|com\.hazelcast\.)/) g = "Hazelcast + its cluster manager"
      else if (c ~ /^io\.vertx\./) g = "vertx-core (and other Vert.x)"
      else if (c ~ /^io\.netty\./) g = "Netty"
      else if (c ~ /^(io\.micrometer\.|io\.prometheus\.)/) g = "Micrometer + Prometheus client"
      else if (c ~ /^(io\.grpc\.|com\.google\.protobuf\.)/) g = "gRPC + protobuf"
      else if (c ~ /^com\.fasterxml\./) g = "Jackson"
      else if (c ~ /^(java|javax|jdk|sun|com\.sun)\./) g = "JDK"
      else g = "other"
      n[g]++; total++
    }
    END { for (g in n) print g "\t" n[g]; print "total\t" total }' "$1"
}
echo
declare -A counts
for i in "${!names[@]}"; do
  # shellcheck disable=SC2086
  first_200 "$OUT/${names[$i]}.class-load.log" java -Xlog:class+load:file="$OUT/${names[$i]}.classes":uptime \
    ${commands[$i]} >/dev/null
  while IFS=$'\t' read -r g n; do counts["$g|${names[$i]}"]=$n; done < <(group "$OUT/${names[$i]}.classes")
done
printf '| classes loaded until the first 200 |'; printf ' %s |' "${names[@]}"; echo
printf '|---|'; printf -- '---:|%.0s' "${names[@]}"; echo
for g in "Vitals" "launcher + picocli" "vertx-config" "vertx-json-schema" "vertx-web" "vertx-micrometer-metrics" \
  "vertx-grpc" "vertx-core (and other Vert.x)" "Netty" "Micrometer + Prometheus client" "gRPC + protobuf" \
  "Hazelcast + its cluster manager" "Jackson" "JDK" "other" "total"; do
  printf '| %s |' "$g"
  for name in "${names[@]}"; do printf ' %s |' "${counts["$g|$name"]:-0}"; done
  echo
done
