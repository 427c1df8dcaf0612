# first_200, sourced by startup.sh and scale.sh (which define free_port): JVM start to the first 200 on /health.

# first_200 LOG COMMAND...: "wall_ms cpu_ms first_ms first_code" from JVM start to the first 200 on /health, and
# to the first answer of any code (the event-loop check can fail the first ones: 503).
first_200() {
  local log=$1 port pid start end cpu code first=""
  shift
  port=$(free_port)
  start=$(date +%s%N)
  VITALS_HTTP_PORT=$port "$@" >>"$log" 2>&1 &
  pid=$!
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" || true)
    if [[ -z $first && $code != 000 ]]; then first="$(( ($(date +%s%N) - start) / 1000000 )) $code"; fi
    [[ $code == 200 ]] && break
    if ! kill -0 "$pid" 2>/dev/null; then echo "$* exited before answering (see $log)" >&2; exit 1; fi
    sleep 0.01
  done
  end=$(date +%s%N)
  cpu=$(awk -v t="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / t) }' "/proc/$pid/stat")
  kill -9 "$pid" 2>/dev/null || true # a graceful stop drains for 5 s; nothing to drain here
  wait "$pid" 2>/dev/null || true
  echo "$(((end - start) / 1000000)) $cpu $first"
}
