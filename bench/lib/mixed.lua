-- The mixed workload: 90% reads across the benchmark's read endpoints, 10% PATCHes with If-Match.
-- BENCH_TOKEN: bearer token; BENCH_READS: file of read paths; BENCH_IDS: file of project ids the
-- caller may write. Each id's version is tracked here (generated projects start at 1), so a PATCH
-- is stale only if an earlier one on the same id failed; wrk counts those as non-2xx.
local token = os.getenv("BENCH_TOKEN")
local reads, ids, versions = {}, {}, {}
for line in io.lines(os.getenv("BENCH_READS")) do reads[#reads + 1] = line end
for line in io.lines(os.getenv("BENCH_IDS")) do ids[#ids + 1] = line end
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
