-- wrk script for POST /slack/events. The body and its Slack v0 signature are made by slack-events.sh just before
-- the run (wrk's Lua has no HMAC): Slack's 5-minute timestamp window comfortably covers a run of seconds.
wrk.method = "POST"
wrk.body = os.getenv("SLACK_BODY")
wrk.headers["Content-Type"] = os.getenv("SLACK_CONTENT_TYPE")
wrk.headers["X-Slack-Request-Timestamp"] = os.getenv("SLACK_TIMESTAMP")
wrk.headers["X-Slack-Signature"] = os.getenv("SLACK_SIGNATURE")

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  ok, other = 0, 0
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local total_ok, total_other = 0, 0
  for _, thread in ipairs(threads) do
    total_ok = total_ok + thread:get("ok")
    total_other = total_other + thread:get("other")
  end
  io.write(string.format("status 200: %d, other: %d\n", total_ok, total_other))
end
