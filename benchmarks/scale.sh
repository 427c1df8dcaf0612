# Issue 12's measurements, sourced by run.sh (uses its start_server, rounds, stop_server, shipped, fact, free_port,
# median, log, OUT, JAR, SAMPLES_JAR): the "scale" scenario, heap per registered check, and the first answer after
# JVM start of the standalone jar beside a bare Vert.x server, with and without an AppCDS archive.
#
# Knobs (environment): SCALE_SIZES (default "1 10 100 1000"), STARTUP_RUNS (default 5), HEAP_RUNS (default 3).
SCALE_SIZES=${SCALE_SIZES:-1 10 100 1000}
STARTUP_RUNS=${STARTUP_RUNS:-5}
HEAP_RUNS=${HEAP_RUNS:-3}

# Scenario 6: per size, the standalone jar with N checks beside a bare route (standalone-scale<N>, see shipped in
# run.sh), then a fresh ScaleServer (the library alone); bare and the other contender alternate as in scenarios 1
# and 2.
scale_scenarios() {
  local n
  for n in $SCALE_SIZES; do
    shipped "standalone-scale$n" "$n"
    start_server "scale$n" -cp "$JAR" dev.vitals.benchmarks.ScaleServer "$n" 0
    rounds "scale$n" "$DURATION" "$ROUNDS" bare:/bare:- vitals:/health:-
    stop_server
  done
}

# Scenario 7: HeapPerCheck, HEAP_RUNS fresh JVMs; the medians become facts.
heap_per_check() {
  local line registry=() served=() all=()
  log "heap per registered check, 1,000 checks, $HEAP_RUNS runs"
  for _ in $(seq 1 "$HEAP_RUNS"); do
    line=$(java -cp "$JAR" dev.vitals.benchmarks.HeapPerCheck 1000 2>>"$OUT/heap-per-check.log" | tail -1)
    echo "$line" >>"$OUT/heap-per-check.log"
    registry+=("$(sed -n 's/.*registry_bytes_per_check=\([0-9]*\).*/\1/p' <<<"$line")")
    served+=("$(sed -n 's/.*served_bytes_per_check=\([0-9]*\).*/\1/p' <<<"$line")")
    all+=("$(sed -n 's/.*all_formats_bytes_per_check=\([0-9]*\).*/\1/p' <<<"$line")")
  done
  fact heap_per_check_registry_bytes "$(printf '%s\n' "${registry[@]}" | median)"
  fact heap_per_check_served_bytes "$(printf '%s\n' "${served[@]}" | median)"
  fact heap_per_check_all_formats_bytes "$(printf '%s\n' "${all[@]}" | median)"
  fact heap_per_check_runs "${served[*]}"
}

# shellcheck source=first-answer.sh
source "$HERE/first-answer.sh"

# startup_run COMMAND...: wall and CPU ms (user + system) from JVM start to the first 200 on /health, "wall cpu".
startup_run() { first_200 "$OUT/startup.log" "$@" | cut -d' ' -f1-2; }

# The AppCDS archive of the standalone jar, as docs/running.md describes it: one run with -XX:ArchiveClassesAtExit that
# answers the main routes, stopped by SIGTERM (the archive is written at exit).
train_cds() {
  local port pid path
  port=$(free_port)
  rm -f "$OUT/vitals-samples.jsa"
  VITALS_HTTP_PORT=$port java -XX:ArchiveClassesAtExit="$OUT/vitals-samples.jsa" -jar "$SAMPLES_JAR" \
    >>"$OUT/cds-training.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do sleep 0.05; done
  for path in /health/live /health/ready /health/started /status "/health?format=vertx" "/health?format=health%2Bjson"; do
    curl -s -o /dev/null "http://127.0.0.1:$port$path"
  done
  kill -TERM "$pid"
  wait "$pid" || true
}

# Scenario 8: STARTUP_RUNS rounds of bare, standalone, standalone with AppCDS, interleaved.
startup_compare() {
  local round bare jar cds spread="" b=() j=() c=() bc=() jc=() cc=()
  log "first answer after JVM start: training the AppCDS archive, then $STARTUP_RUNS interleaved rounds"
  train_cds
  for round in $(seq 1 "$STARTUP_RUNS"); do
    read -r -a bare <<<"$(startup_run java -cp "$JAR" dev.vitals.benchmarks.BareStartup)"
    read -r -a jar <<<"$(startup_run java -jar "$SAMPLES_JAR")"
    read -r -a cds <<<"$(startup_run java -XX:SharedArchiveFile="$OUT/vitals-samples.jsa" -jar "$SAMPLES_JAR")"
    b+=("${bare[0]}"); bc+=("${bare[1]}"); j+=("${jar[0]}"); jc+=("${jar[1]}"); c+=("${cds[0]}"); cc+=("${cds[1]}")
    spread+="${spread:+; }bare ${bare[0]}/${bare[1]}, jar ${jar[0]}/${jar[1]}, AppCDS ${cds[0]}/${cds[1]}"
    log "  startup round $round (wall/cpu ms): bare ${bare[*]}, standalone ${jar[*]}, AppCDS ${cds[*]}"
  done
  fact startup_runs "$STARTUP_RUNS"
  fact startup_bare_ms "$(printf '%s\n' "${b[@]}" | median)"
  fact startup_ms "$(printf '%s\n' "${j[@]}" | median)"
  fact startup_cds_ms "$(printf '%s\n' "${c[@]}" | median)"
  fact startup_bare_cpu_ms "$(printf '%s\n' "${bc[@]}" | median)"
  fact startup_cpu_ms "$(printf '%s\n' "${jc[@]}" | median)"
  fact startup_cds_cpu_ms "$(printf '%s\n' "${cc[@]}" | median)"
  fact startup_spread "$spread"
}
