-- wrk script: POSTs JSON bodies (one per line of $BODIES) round-robin to $TARGET_PATH with an optional bearer
-- $TOKEN, counts responses by status across threads, and prints one JSON line of results at the end.
-- $PACE_MS, if set, makes each connection wait that long between requests (for the soak test's fixed rate).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  bodies = {}
  local file = assert(io.open(os.getenv("BODIES"), "r"))
  for line in file:lines() do
    if #line > 0 then table.insert(bodies, line) end
  end
  file:close()
  index = math.random(#bodies)
  path = os.getenv("TARGET_PATH") or "/api/v1/screenings"
  -- The app serves its API over HTTPS only outside Development; the benchmark stands in for the TLS proxy in front of it.
  headers = { ["Content-Type"] = "application/json", ["X-Forwarded-Proto"] = "https" }
  local token = os.getenv("TOKEN")
  if token and #token > 0 then headers["Authorization"] = "Bearer " .. token end
  pace = tonumber(os.getenv("PACE_MS") or "0")
end

function request()
  index = index % #bodies + 1
  return wrk.format("POST", path, headers, bodies[index])
end

function delay()
  return pace
end

function response(status, hdrs, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local totals = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for code, n in pairs(s) do totals[code] = (totals[code] or 0) + n end
  end
  local parts = {}
  for code, n in pairs(totals) do table.insert(parts, string.format('"%d": %d', code, n)) end
  local seconds = summary.duration / 1e6
  io.write(string.format(
    'RESULT {"requests": %d, "seconds": %.3f, "rps": %.1f, "p50_ms": %.2f, "p90_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f, ' ..
    '"socket_errors": %d, "statuses": {%s}}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    table.concat(parts, ", ")))
end
