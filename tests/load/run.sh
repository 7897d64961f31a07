#!/usr/bin/env bash
# One-run load comparison on loopback (issue 10), all on this machine, same wrk settings for every target:
#   1. bare Kestrel          tests/load/BareKestrel, MapPost("/") → 200: the machine's limit for this kind of work
#   2. Slack /review         our POST /slack/events, Slack-signed /review listing 10 reviews from the database
#   3. Teams message         our POST /api/messages, an authenticated "help" message activity (local test key)
#   4. Bolt /review          Slack's Bolt for JavaScript (tests/load/bolt), the same /review Block Kit from memory
# plus the host's start-up time to a healthy /healthz and its idle RSS. Prints a table and the ratios.
# Usage: tests/load/run.sh      env: WRK_THREADS=2 WRK_CONNECTIONS=64 WRK_DURATION=10s WRK_WARMUP=20s IDLE_SECONDS=5
#                                   KEEP_WORK=1 keeps the temp folder (logs, database, wrk output)
#                                   HOST_DIR=<dir> runs a host published elsewhere (another commit) instead of publishing
#                                   EXTRA_ENV="DOTNET_gcServer=1 ..." adds environment variables to the host
#                                   SMAPS_OUT=<prefix> keeps the host's /proc/PID/smaps as <prefix>.idle and <prefix>.loaded
# Prints each target's server CPU time per request too: on a shared machine the steadiest figure of all.
# Needs dotnet, node/npm, python3, openssl, curl; installs wrk (apt, as root) and the Bolt app's npm packages itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
threads=${WRK_THREADS:-2}; connections=${WRK_CONNECTIONS:-64}; duration=${WRK_DURATION:-10s}; idle=${IDLE_SECONDS:-5}
# 20 s of unmeasured load first: the steady state of a server that runs for days. After 3 s the JIT is still
# recompiling hot code (tiered compilation) and /review cost about twice the CPU it settles at (README, Performance).
warmup=${WRK_WARMUP:-20s}
secret=load-test-signing-secret; webhook_secret=load-test-webhook-secret
app_id=11111111-2222-3333-4444-555555555555
# Free loopback ports from the kernel; the restarted host gets a new one (the old one may still be in TIME_WAIT).
read -r bare_port host_port restart_port bolt_port slack_fake_port teams_fake_port < <(python3 -c '
import socket
sockets = [socket.socket() for _ in range(6)]
for s in sockets: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in sockets])')
host_url="http://127.0.0.1:$host_port"
work=$(mktemp -d /tmp/practicebot-load.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "${KEEP_WORK:-0}" = 1 ]; then say "logs and database kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
say() { echo "run.sh: $*" >&2; }
die() { say "$*"; for log in "$work"/*.log; do [ -s "$log" ] && { echo "--- $log" >&2; tail -n 30 "$log" >&2; }; done; exit 1; }

for tool in dotnet node npm python3 openssl curl; do command -v "$tool" >/dev/null || die "$tool is needed"; done
if ! command -v wrk >/dev/null; then
  [ "$(id -u)" = 0 ] || die "wrk is missing: run as root to install it, or apt-get install -y wrk"
  say "installing wrk"; apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

# The host as it would be deployed: Release, ReadyToRun (precompiled, so start-up JITs far less; see README Performance).
host_dir=${HOST_DIR:-tests/load/bin/host}
if [ -z "${HOST_DIR:-}" ]; then
  say "publishing the host (Release, ReadyToRun) and building the bare endpoint"
  dotnet publish bot/PracticeBot.Host -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$host_dir" \
    -v q -nologo >"$work/build.log" 2>&1 || die "host publish failed"
else
  say "running the host published in $host_dir; building the bare endpoint"
fi
dotnet build tests/load/BareKestrel -c Release -v q -nologo >>"$work/build.log" 2>&1 || die "BareKestrel build failed"
if [ tests/load/bolt/node_modules/.package-lock.json -nt tests/load/bolt/package-lock.json ]; then
  say "the Bolt app's packages are installed already (tests/load/bolt/node_modules)"
else
  say "installing the Bolt app (npm ci)"
  (cd tests/load/bolt && npm ci --no-audit --no-fund --loglevel=error) >"$work/npm.log" 2>&1 || die "npm ci failed in tests/load/bolt"
fi

# Waits until GET $1 answers 200 (at most 30 s).
wait_healthy() { for _ in $(seq 1 1500); do curl -fs -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.02; done; return 1; }

# Slack v0 signature of body $1 with the current time (sign, with $secret).
. tests/load/slack-sign.sh
command_body() {
  printf 'token=x&team_id=T0LOAD&team_domain=load&channel_id=C0LOAD&channel_name=reviews&user_id=U0LOAD&user_name=load&command=%s&text=%s&api_app_id=A0LOAD&response_url=http%%3A%%2F%%2F127.0.0.1%%3A%d%%2Fhooks&trigger_id=1.2.3' "$1" "$2" "$slack_fake_port"
}
slack_post() { # url body → response body
  sign "$2"
  curl -fsS -X POST "$1" -H "Content-Type: application/x-www-form-urlencoded" \
    -H "X-Slack-Request-Timestamp: $SLACK_TIMESTAMP" -H "X-Slack-Signature: $SLACK_SIGNATURE" --data-binary "$SLACK_BODY"
}

# Loopback fakes of Slack's Web API and of Microsoft's OpenID metadata/JWKS/token/connector, and the test key.
python3 tests/load/slack-fake.py "$slack_fake_port" >"$work/slack-fake.log" 2>&1 & pids+=($!)
openssl genrsa -out "$work/key.pem" 2048 2>/dev/null
modulus=$(openssl rsa -in "$work/key.pem" -noout -modulus | cut -d= -f2)
python3 tests/load/teams-fake.py "$teams_fake_port" "$modulus" >"$work/teams-fake.log" 2>&1 & pids+=($!)
service_url="http://127.0.0.1:$teams_fake_port/connector/"

# Production needs the Data Protection key ring encrypted (docs/security-access.md): a key file of its own for the run.
openssl rand -base64 32 >"$work/keyring.key"
start_host() {
  env ASPNETCORE_URLS="$host_url" DataProtection__KeyFilePath="$work/keyring.key" Database__Provider=sqlite ConnectionStrings__PracticeBot="Data Source=$work/load.db" \
  Demo__Enabled=false \
  Slack__SigningSecret="$secret" Slack__BotToken=xoxb-load-test Slack__ApiBaseUrl="http://127.0.0.1:$slack_fake_port/api/" \
  Teams__AppId="$app_id" Teams__AppPassword=load-secret \
  Teams__OpenIdMetadataUrl="http://127.0.0.1:$teams_fake_port/v1/.well-known/openidconfiguration" \
  Teams__TokenEndpoint="http://127.0.0.1:$teams_fake_port/token" \
  Sources__Webhook__Secret="$webhook_secret" Logging__LogLevel__Default=Warning ${EXTRA_ENV:-} \
    dotnet "$host_dir/PracticeBot.Host.dll" >>"$work/host.log" 2>&1 &
  host=$!; pids+=("$host")
}
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

# First start on an empty database (migrations included), then the data: a practice bound to team T0LOAD, 10 reviews.
t0=$(date +%s%N); start_host
wait_healthy "$host_url/healthz" || die "the host did not become healthy"
first_start_ms=$(ms_since "$t0")
# On a loaded machine the very first turn (everything still to JIT) can outlast Slack's ack budget: it is then
# acknowledged empty and finishes in the background, so ask again until the answer names the practice's id.
slug=""
for _ in $(seq 1 10); do
  setup=$(slack_post "$host_url/slack/events" "$(command_body %2Fpractice 'setup+%22Load+Test+Clinic%22+America%2FChicago')")
  slug=$(python3 -c 'import json, re, sys; m = re.search(r"(?:id |\()`([a-z0-9-]+)`", (json.loads(sys.argv[1]) if sys.argv[1] else {}).get("text", "")); print(m.group(1) if m else "")' "$setup")
  [ -n "$slug" ] && break
  sleep 3
done
[ -n "$slug" ] || die "practice setup did not answer with an id: $setup"
reviews="["
for i in $(seq 1 10); do
  reviews+=$(printf '{"practice":"%s","source":"healthgrades","externalId":"load-%d","rating":%d,"author":"Patient %d","createdAt":"2026-11-%02dT14:03:00Z","text":"Visit number %d: the front desk was friendly and the wait was short."}' "$slug" "$i" $(( i % 5 + 1 )) "$i" "$i" "$i")
  [ "$i" -lt 10 ] && reviews+=","
done
reviews+="]"
sig=$(printf '%s' "$reviews" | openssl dgst -sha256 -hmac "$webhook_secret" -r | cut -d' ' -f1)
curl -fsS "$host_url/api/reviews/webhook" -H 'Content-Type: application/json' -H "X-PracticeBot-Signature: sha256=$sig" \
  --data-binary "$reviews" >"$work/webhook.json" || die "the review webhook refused the 10 reviews"

# Restart on the filled database: start-up to healthy, then idle RSS after a few quiet seconds.
kill "$host"; wait "$host" 2>/dev/null || true
host_url="http://127.0.0.1:$restart_port"
t0=$(date +%s%N); start_host
wait_healthy "$host_url/healthz" || die "the host did not become healthy after a restart"
start_ms=$(ms_since "$t0")
sleep "$idle"
rss_mb=$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$host/status")
[ -n "${SMAPS_OUT:-}" ] && cp "/proc/$host/smaps" "$SMAPS_OUT.idle"

review_sections=0
for _ in $(seq 1 10); do # the first /review after a start may also outlast the ack budget (see the setup above)
  review_json=$(slack_post "$host_url/slack/events" "$(command_body %2Freview '')")
  review_sections=$(python3 -c 'import json, sys; print(sum(b.get("type") == "section" for b in (json.loads(sys.argv[1]) if sys.argv[1] else {}).get("blocks", [])))' "$review_json")
  [ "$review_sections" -ge 10 ] && break
  sleep 1
done
[ "$review_sections" -ge 10 ] || die "/review did not list 10 reviews: $review_json"
printf '%s' "$review_json" >"$work/review.json"

# Teams: an RS256 token signed by the local key, endorsed for msteams by the fake's JWKS, valid for an hour.
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
jwt_header=$(printf '{"alg":"RS256","typ":"JWT","kid":"load"}' | b64url)
jwt_payload=$(printf '{"iss":"https://api.botframework.com","aud":"%s","nbf":%d,"exp":%d,"serviceurl":"%s"}' "$app_id" "$((now - 60))" "$((now + 3600))" "$service_url" | b64url)
jwt_signature=$(printf '%s.%s' "$jwt_header" "$jwt_payload" | openssl dgst -sha256 -sign "$work/key.pem" -binary | b64url)
activity='{"type":"message","id":"ACTIVITY_ID","channelId":"msteams","serviceUrl":"'"$service_url"'","from":{"id":"29:load","name":"Load"},"recipient":{"id":"28:'"$app_id"'"},"conversation":{"id":"a:load","conversationType":"personal","tenantId":"t-load"},"channelData":{"tenant":{"id":"t-load"}},"text":"help"}'
export TEAMS_AUTHORIZATION="Bearer $jwt_header.$jwt_payload.$jwt_signature" TEAMS_BODY="$activity"
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$host_url/api/messages" -H "Authorization: $TEAMS_AUTHORIZATION" \
  -H 'Content-Type: application/json' --data-binary "${activity/ACTIVITY_ID/check}")
[ "$status" = 200 ] || die "an authenticated Teams activity got $status, not 200"

# The bare endpoint and the Bolt app, each started only now so they do not share the idle measurement.
ASPNETCORE_URLS="http://127.0.0.1:$bare_port" Logging__LogLevel__Default=Warning \
  dotnet tests/load/BareKestrel/bin/Release/net10.0/BareKestrel.dll >"$work/bare.log" 2>&1 & bare=$!; pids+=("$bare")
PORT=$bolt_port SLACK_SIGNING_SECRET="$secret" SLACK_API_URL="http://127.0.0.1:$slack_fake_port/api/" \
  node tests/load/bolt/app.js "$work/review.json" >"$work/bolt.log" 2>&1 & bolt=$!; pids+=("$bolt")
wait_healthy "http://127.0.0.1:$bare_port/healthz" || die "the bare endpoint did not start"
for _ in $(seq 1 500); do (exec 3<>"/dev/tcp/127.0.0.1/$bolt_port") 2>/dev/null && break; sleep 0.02; done
bolt_json=$(slack_post "http://127.0.0.1:$bolt_port/slack/events" "$(command_body %2Freview '')") || die "Bolt did not answer /review"
python3 -c 'import json, sys; sys.exit(json.loads(sys.argv[1]) != json.loads(sys.argv[2]))' "$bolt_json" "$review_json" \
  || die "Bolt's /review answer differs from ours: $bolt_json"

cat >"$work/bare.lua" <<'LUA'
wrk.method = "POST"
LUA
# Every activity gets an id of its own (run, wrk thread, counter): the bot takes each activity id once (issue 9), so a
# repeated id would measure the duplicate check, not a turn.
cat >"$work/teams.lua" <<'LUA'
local threads, counter, prefix = 0, 0, ""
function setup(thread) threads = threads + 1; thread:set("thread_number", threads) end
function init(args) prefix = os.getenv("RUN_ID") .. "-" .. tostring(thread_number) .. "-" end
function request()
  counter = counter + 1
  local body = string.gsub(os.getenv("TEAMS_BODY"), "ACTIVITY_ID", prefix .. counter)
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json", ["Authorization"] = os.getenv("TEAMS_AUTHORIZATION") }, body)
end
LUA

# CPU time (user + system) a process has used so far, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
ticks_per_second=$(getconf CLK_TCK)
# Runs wrk against the server process $4; appends "name rps p50_ms p99_ms errors cpu_us_per_request" to $work/results.
# The server's CPU time per request is the figure least moved by the other work on a shared machine.
measure() {
  local name=$1 script=$2 url=$3 server=$4 out="$work/wrk-$1.txt" before after
  # Unmeasured first: JIT, tiered recompilation and EF's query cache settle before the figures are taken.
  RUN_ID="$name-warmup" wrk -t"$threads" -c"$connections" -d"$warmup" -s "$script" "$url" >"$out.warmup" 2>&1 || die "wrk failed on $name: $(cat "$out.warmup")"
  say "wrk -t$threads -c$connections -d$duration --latency $name"
  before=$(cpu_ticks "$server")
  RUN_ID="$name" wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$script" "$url" >"$out" 2>&1 || die "wrk failed on $name: $(cat "$out")"
  after=$(cpu_ticks "$server")
  awk -v name="$name" -v cpu=$(( after - before )) -v hz="$ticks_per_second" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000 }
    / requests in / { requests = $1 }
    /Requests\/sec/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /Non-2xx/ { errors += $NF }
    /Socket errors/ { gsub(/,/, ""); errors += $4 + $6 + $8 + $10 }
    END { printf "%s %.0f %.2f %.2f %d %.0f\n", name, rps, p50, p99, errors, (requests > 0 ? cpu / hz * 1e6 / requests : 0) }' "$out" >>"$work/results"
}
sign "$(command_body %2Freview '')"; export SLACK_CONTENT_TYPE=application/x-www-form-urlencoded
measure bare "$work/bare.lua" "http://127.0.0.1:$bare_port/" "$bare"
measure slack tests/load/slack-events.lua "$host_url/slack/events" "$host"
measure teams "$work/teams.lua" "$host_url/api/messages" "$host"
measure bolt tests/load/slack-events.lua "http://127.0.0.1:$bolt_port/slack/events" "$bolt"
# The host's peak resident memory over the whole run (VmHWM: both of its targets, warm-ups included) and its RSS now.
peak_mb=$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$host/status")
loaded_mb=$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$host/status")
[ -n "${SMAPS_OUT:-}" ] && cp "/proc/$host/smaps" "$SMAPS_OUT.loaded"

awk -v start="$start_ms" -v first="$first_start_ms" -v rss="$rss_mb" -v idle="$idle" -v peak="$peak_mb" -v loaded="$loaded_mb" \
  -v load="$(cut -d' ' -f1-3 /proc/loadavg)" -v settings="wrk -t$threads -c$connections -d$duration" '
  { rps[$1] = $2; p50[$1] = $3; p99[$1] = $4; err[$1] = $5; cpu[$1] = $6 }
  END {
    label["bare"] = "bare Kestrel POST / → 200"; label["slack"] = "ours: POST /slack/events /review (10 reviews)"
    label["teams"] = "ours: POST /api/messages message"; label["bolt"] = "Bolt for JS: /review (same Block Kit)"
    printf "\n%s, loopback, load average at the end %s\n\n", settings, load
    printf "| target | requests/s | p50 ms | p99 ms | errors | server CPU µs/request |\n|---|---:|---:|---:|---:|---:|\n"
    n = split("bare slack teams bolt", order, " ")
    for (i = 1; i <= n; i++) { k = order[i]; printf "| %s | %d | %.2f | %.2f | %d | %d |\n", label[k], rps[k], p50[k], p99[k], err[k], cpu[k] }
    printf "\n| ratio of requests/s | value | target (issues 10, 23) |\n|---|---:|---:|\n"
    printf "| Slack /review ours / bare | %.3f | ≥ 0.5 |\n", rps["slack"] / rps["bare"]
    printf "| Slack /review ours / Bolt | %.3f | ≥ 3 |\n", rps["slack"] / rps["bolt"]
    printf "| Slack /review p99 ours | %.2f ms | ≤ 20 ms |\n", p99["slack"]
    printf "| Teams message ours / bare | %.3f | ≥ 0.5 |\n", rps["teams"] / rps["bare"]
    printf "\n| ratio of server CPU per request | value |\n|---|---:|\n"
    printf "| Slack /review ours / Bolt | %.2f |\n", cpu["slack"] / (cpu["bolt"] > 0 ? cpu["bolt"] : 1)
    printf "| Slack /review ours / bare | %.1f |\n", cpu["slack"] / (cpu["bare"] > 0 ? cpu["bare"] : 1)
    printf "| Teams message ours / bare | %.1f |\n", cpu["teams"] / (cpu["bare"] > 0 ? cpu["bare"] : 1)
    printf "\n| host | value | target (issues 10, 23) |\n|---|---:|---:|\n"
    printf "| start-up to /healthz 200, existing database | %d ms | ≤ 2000 ms |\n", start
    printf "| first start-up, empty database (migrations) | %d ms | |\n", first
    printf "| idle RSS (VmRSS, %d s after healthy) | %d MB | ≤ 120 MB |\n", idle, rss
    printf "| peak RSS under load (VmHWM over both targets) | %d MB | ≤ 200 MB |\n", peak
    printf "| RSS right after the load | %d MB | |\n", loaded
  }' "$work/results"
