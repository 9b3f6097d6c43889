-- wrk script for request intake: wrk -s intake.lua URL -- COOKIE CSRF BODY TERRITORIES
-- POSTs BODY as the hotline's signed-in user, each request with the next of TERRITORIES (community
-- ids, comma-separated) in place of {territory}: a hotline's requests spread over the city, not
-- piled into one community's queue.
local territories = {}
local next_territory = 1
local body = ""

function init(args)
  wrk.method = "POST"
  wrk.headers["Cookie"] = args[1]
  wrk.headers["X-CSRF-Token"] = args[2]
  wrk.headers["Content-Type"] = "application/json"
  body = args[3]
  for id in args[4]:gmatch("%d+") do territories[#territories + 1] = id end
  if #territories == 0 then error("no territories for intake.lua") end
end

function request()
  local id = territories[next_territory]
  next_territory = next_territory % #territories + 1
  return wrk.format(nil, nil, nil, (body:gsub("{territory}", id)))
end
