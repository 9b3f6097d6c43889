-- wrk script for POST /api/v1/session: wrk -s login.lua URL -- LOGINS_FILE [ROLE]
-- Cycles through the users of ROLE (default "login") in the logins file (role, username,
-- password per line), so
-- that no single user's session cap (3) or the benchmark's other sessions are in play. Every
-- login succeeds: failures would lock accounts and trip the per-address rate limit.
local users = {}
local next_user = 1

function init(args)
  for line in io.lines(args[1]) do
    local role, username, password = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)$")
    if role == (args[2] or "login") then users[#users + 1] = {username, password} end
  end
  if #users == 0 then error("no login users in " .. args[1]) end
  -- Each thread starts at a different user.
  next_user = (math.random(#users) - 1) % #users + 1
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local user = users[next_user]
  next_user = next_user % #users + 1
  return wrk.format(nil, nil, nil,
    string.format('{"username":"%s","password":"%s"}', user[1], user[2]))
end
