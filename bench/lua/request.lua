-- wrk script for a signed-in request: wrk -s request.lua URL -- METHOD COOKIE [CSRF [BODY]]
-- Sends the session cookie, and on state-changing requests the CSRF header and a JSON body.
function init(args)
  wrk.method = args[1] or "GET"
  if args[2] and args[2] ~= "" then wrk.headers["Cookie"] = args[2] end
  if args[3] and args[3] ~= "" then wrk.headers["X-CSRF-Token"] = args[3] end
  if args[4] and args[4] ~= "" then
    wrk.body = args[4]
    wrk.headers["Content-Type"] = "application/json"
  end
end
