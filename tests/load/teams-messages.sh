#!/usr/bin/env bash
# Load on POST /api/messages with authenticated Teams "message" activities (help), all on loopback:
# a local OpenID metadata/JWKS + token + connector fake (teams-fake.py), tokens signed by a local test key (openssl),
# the bot built in Release and trusting that fake, and wrk posting the activity.
#   tests/load/teams-messages.sh [seconds=20] [connections=32] [threads=2]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-20}"; connections="${2:-32}"; threads="${3:-2}"
for tool in wrk openssl python3 dotnet; do command -v "$tool" >/dev/null || { echo "teams-messages.sh: $tool is needed (apt-get install -y wrk)" >&2; exit 1; }; done

work="$(mktemp -d /tmp/practicebot-load.XXXXXX)"
fake_port=$(( 42000 + RANDOM % 1000 )); bot_port=$(( 43000 + RANDOM % 1000 ))
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

openssl genrsa -out "$work/key.pem" 2048 2>/dev/null
modulus=$(openssl rsa -in "$work/key.pem" -noout -modulus | cut -d= -f2)
python3 tests/load/teams-fake.py "$fake_port" "$modulus" & pids+=($!)

app_id=11111111-2222-3333-4444-555555555555
service_url="http://127.0.0.1:$fake_port/connector/"
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT","kid":"load"}' | b64url)
payload=$(printf '{"iss":"https://api.botframework.com","aud":"%s","nbf":%d,"exp":%d,"serviceurl":"%s"}' "$app_id" "$((now - 60))" "$((now + 3600))" "$service_url" | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$work/key.pem" -binary | b64url)
token="$header.$payload.$signature"

dotnet build bot/PracticeBot.Host -c Release -v q -nologo >/dev/null
ASPNETCORE_URLS="http://127.0.0.1:$bot_port" Teams__AppId="$app_id" Teams__AppPassword=load-secret \
  Teams__OpenIdMetadataUrl="http://127.0.0.1:$fake_port/v1/.well-known/openidconfiguration" Teams__TokenEndpoint="http://127.0.0.1:$fake_port/token" \
  ConnectionStrings__PracticeBot="Data Source=$work/load.db" Demo__Enabled=false Logging__LogLevel__Default=Warning \
  dotnet bot/PracticeBot.Host/bin/Release/net10.0/PracticeBot.Host.dll > "$work/bot.log" 2>&1 & pids+=($!)
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$bot_port/api/messages" >/dev/null && break; sleep 0.2; done

activity='{"type":"message","id":"ACTIVITY_ID","channelId":"msteams","serviceUrl":"'"$service_url"'","from":{"id":"29:load","name":"Load"},"recipient":{"id":"28:'"$app_id"'"},"conversation":{"id":"a:load","conversationType":"personal","tenantId":"t-load"},"channelData":{"tenant":{"id":"t-load"}},"text":"help"}'
export TEAMS_BODY="$activity" TEAMS_AUTHORIZATION="Bearer $token"
# Every activity gets an id of its own: the bot takes each activity id once, so a repeated id measures the duplicate check.
cat > "$work/post.lua" <<'LUA'
local threads, counter, prefix = 0, 0, ""
function setup(thread) threads = threads + 1; thread:set("thread_number", threads) end
function init(args) prefix = tostring(os.time()) .. "-" .. tostring(thread_number) .. "-" end
function request()
  counter = counter + 1
  local body = string.gsub(os.getenv("TEAMS_BODY"), "ACTIVITY_ID", prefix .. counter)
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json", ["Authorization"] = os.getenv("TEAMS_AUTHORIZATION") }, body)
end
LUA
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$bot_port/api/messages" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "${activity/ACTIVITY_ID/check}")
[ "$status" = 200 ] || { echo "teams-messages.sh: a single authenticated activity got $status, not 200" >&2; cat "$work/bot.log" >&2; exit 1; }
echo "== wrk -t$threads -c$connections -d${duration}s -s post.lua http://127.0.0.1:$bot_port/api/messages"
wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s "$work/post.lua" "http://127.0.0.1:$bot_port/api/messages"
