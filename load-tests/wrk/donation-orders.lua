-- wrk script: one client address creating donation orders as fast as it can, each with a new id, and
-- counting the answers by status, so the rate one address reaches before 429 can be read off.
-- Usage: wrk -t2 -c20 -d30s -s load-tests/wrk/donation-orders.lua http://127.0.0.1:PORT/api/events/EVENT/donations
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
end

function request()
  counter = counter + 1
  local body = string.format('{"donationId":"wrk-%d-%08d-%d","amountFen":10000,"anonymous":true}', id, counter, os.time())
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      totals[status] = (totals[status] or 0) + count
    end
  end
  local seconds = summary.duration / 1e6
  for status, count in pairs(totals) do
    io.write(string.format("status %d: %d answers (%.1f/s over %.1f s)\n", status, count, count / seconds, seconds))
  end
end
