-- wrk script for report submission: wrk -s report.lua URL -- FILE
-- FILE.warmup and FILE.measure (BENCH_PHASE picks one) hold lines "cookie<TAB>csrf<TAB>node id":
-- each request reports 100 % on the next node as that node's community. A node takes one report
-- until it is reviewed, so each line is used once; when the lines run out they start again and the
-- server refuses them (409), which shows as errors.
local lines = {}
local next_line = 1

function init(args)
  local phase = os.getenv("BENCH_PHASE") or "measure"
  for line in io.lines(args[1] .. "." .. phase) do
    local cookie, csrf, node = line:match("^([^\t]+)\t([^\t]+)\t(%d+)$")
    if cookie then lines[#lines + 1] = {cookie = cookie, csrf = csrf, node = node} end
  end
  if #lines == 0 then error("no report lines in " .. args[1] .. "." .. phase) end
end

function request()
  local line = lines[next_line]
  next_line = next_line % #lines + 1
  return wrk.format("POST", "/api/v1/task-assignments/" .. line.node .. "/reports",
    {["Cookie"] = line.cookie, ["X-CSRF-Token"] = line.csrf, ["Content-Type"] = "application/json"},
    '{"percent":100,"text":"基准上报：已按要求完成"}')
end
