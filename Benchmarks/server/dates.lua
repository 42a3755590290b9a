-- wrk script: each request asks the table as of a different day (2029-01-01 + n days, 400
-- days round), so the server's per-date table cache (8 dates per company) rarely holds it.
local n = 0
request = function()
  n = n + 1
  local day = os.time({ year = 2029, month = 1, day = 1 }) + (n % 400) * 86400
  local path = "/companies/synthetic-co/table?asOf=" .. os.date("!%Y-%m-%d", day)
  return wrk.format("GET", path)
end
