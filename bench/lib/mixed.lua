-- The mixed workload: 90% reads across the benchmark's read endpoints, 10% PATCHes with If-Match.
-- BENCH_TOKEN: bearer token; BENCH_READS: file of read paths; BENCH_IDS: file of project ids the
-- caller may write, one per line, each optionally followed by its current version ("42 7"; without
-- one, 1: a generated project's first). Each id's version is tracked here, so a PATCH is stale only
-- if an earlier one on the same id failed; wrk counts those as non-2xx. With BENCH_COUNT_5XX set,
-- the 5xx answers are counted too and printed as "5xx responses: N" (bench/soak).
local token = os.getenv("BENCH_TOKEN")
local reads, ids, versions = {}, {}, {}
for line in io.lines(os.getenv("BENCH_READS")) do reads[#reads + 1] = line end
for line in io.lines(os.getenv("BENCH_IDS")) do
  local id, version = line:match("^(%d+)%s*(%d*)")
  if id then
    ids[#ids + 1] = id
    if version ~= "" then versions[id] = tonumber(version) end
  end
end
local n, next_id = 0, 0
local get_headers = { ["Authorization"] = "Bearer " .. token }
local body = '{"responsible_post": "管委会副主任"}'

request = function()
  n = n + 1
  if n % 10 == 0 then
    next_id = next_id % #ids + 1
    local id = ids[next_id]
    local version = versions[id] or 1
    versions[id] = version + 1
    return wrk.format("PATCH", "/api/v1/projects/" .. id, {
      ["Authorization"] = "Bearer " .. token,
      ["Content-Type"] = "application/json",
      ["If-Match"] = '"' .. version .. '"',
    }, body)
  end
  return wrk.format("GET", reads[math.random(#reads)], get_headers)
end

if os.getenv("BENCH_COUNT_5XX") then
  local threads = {}
  setup = function(thread) threads[#threads + 1] = thread end
  fives = 0
  response = function(status, headers, body)
    if status >= 500 then fives = fives + 1 end
  end
  done = function(summary, latency, requests)
    local total = 0
    for _, thread in ipairs(threads) do total = total + thread:get("fives") end
    io.write(string.format("5xx responses: %d\n", total))
  end
end
