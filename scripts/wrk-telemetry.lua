-- wrk script for scripts/bench-ingest-wrk.sh: every request posts EVENTS_PER_REQUEST heartbeats for the next terminal of
-- KEYS_FILE (terminalId,key lines: the benchmark seeder's or a bulk import's keys file). Event ids are letters plus a
-- counter, unique per wrk thread and run (the card-number guard refuses long digit runs).
local threads, terminals, per_request, run, boot = {}, {}, 1, "", ""
-- thread_no is a global on purpose: thread:set writes the thread's globals, and a local of that name shadowed it, so every
-- thread counted as thread 0 and posted the same requests (with 2 threads half of all requests were duplicates).
local counter, thread_count = 0, 1
thread_no = 0

function setup(thread)
  thread:set("thread_no", #threads)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(os.getenv("KEYS_FILE")) do
    local id, key = line:match("^([^,]+),(tk_[^,%s]+)")
    if id then terminals[#terminals + 1] = { id, key } end
  end
  per_request = tonumber(os.getenv("EVENTS_PER_REQUEST") or "1")
  run = os.getenv("RUN_LETTERS") or "wrk"
  -- The seeded boot id, when given: a new one on every heartbeat of a run would count as an unexpected reboot.
  boot = os.getenv("BOOT_ID") or run
  thread_count = tonumber(os.getenv("WRK_THREADS") or "1")
end

function request()
  counter = counter + 1
  local n = counter * thread_count + thread_no
  local terminal = terminals[n % #terminals + 1]
  local at = os.date("!%Y-%m-%dT%H:%M:%S+00:00")
  local events = {}
  for i = 1, per_request do
    events[i] = '{"id":"' .. run .. "t" .. thread_no .. "n" .. counter .. "e" .. i .. '","type":"heartbeat","at":"' .. at ..
      '","bootId":"' .. boot .. '","uptimeSeconds":3600,"appVersion":"4.2.0","firmwareVersion":"1.8.3","powerSource":"mains"}'
  end
  local body = '{"terminalId":"' .. terminal[1] .. '","events":[' .. table.concat(events, ",") .. "]}"
  return wrk.format("POST", "/api/v1/telemetry",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. terminal[2] }, body)
end
