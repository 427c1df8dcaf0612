-- wrk script of the soak (dev.vitals.benchmarks.soak.Wrk): cycles through the paths given after "--", each
-- connection of each thread in turn, then prints one tab-separated line on stdout:
-- "SOAK <seconds> <requests> <non-2xx/3xx> <connect errors> <read errors> <write errors> <timeouts>".
local requests = {}
local next_request = 1

init = function(args)
  for i, path in ipairs(args) do
    requests[i] = wrk.format("GET", path)
  end
end

request = function()
  local r = requests[next_request]
  next_request = next_request % #requests + 1
  return r
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("SOAK\t%.3f\t%d\t%d\t%d\t%d\t%d\t%d\n", summary.duration / 1e6, summary.requests,
    e.status, e.connect, e.read, e.write, e.timeout))
end
