-- wrk script of benchmarks/run.sh: after the run, one tab-separated line on stdout,
-- "SUMMARY <seconds> <requests> <req/s> <p50 us> <p99 us> <p99.9 us> <errors>",
-- where errors = non-2xx/3xx answers + connect, read, write and timeout errors.
done = function(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("SUMMARY\t%.3f\t%d\t%.1f\t%d\t%d\t%d\t%d\n",
    seconds, summary.requests, summary.requests / seconds,
    latency:percentile(50), latency:percentile(99), latency:percentile(99.9),
    e.status + e.connect + e.read + e.write + e.timeout))
end
