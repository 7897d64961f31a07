#!/usr/bin/env bash
# Load test of POST /slack/events with Slack-signed requests, with wrk on loopback (apt-get install -y wrk).
# Starts the host (Release, SQLite in a temp folder, demo practice on, a test signing secret, Slack's Web API pointed
# at a closed loopback port), sets a practice up in a fake workspace with a signed /practice setup, then runs:
#   1. url_verification          signature + parse + echo, no turn
#   2. /practice help            signature + parse + a full turn (tenant lookup, help handler), answered in the ack
#   3. /review                   the same plus the review list queries
# Usage: tests/load/slack-events.sh [duration=15s] [connections=16]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-15s}
connections=${2:-16}
secret=load-test-signing-secret
port=$(( 39000 + RANDOM % 1000 ))
url="http://127.0.0.1:$port"
work=$(mktemp -d /tmp/practicebot-load.XXXXXX)

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
command -v openssl >/dev/null || { echo "openssl is needed to sign the requests" >&2; exit 1; }

dotnet build bot/PracticeBot.Host -c Release -v q -nologo >/dev/null
ASPNETCORE_URLS="$url" \
Database__Provider=sqlite \
ConnectionStrings__PracticeBot="Data Source=$work/load.db" \
Demo__Enabled=true \
Slack__SigningSecret="$secret" \
Slack__BotToken=xoxb-load-test \
Slack__ApiBaseUrl="http://127.0.0.1:9/api/" \
Logging__LogLevel__Default=Warning \
  dotnet bot/PracticeBot.Host/bin/Release/net10.0/PracticeBot.Host.dll >"$work/host.log" 2>&1 &
host=$!
trap 'kill "$host" 2>/dev/null; wait "$host" 2>/dev/null; rm -rf "$work"' EXIT

for _ in $(seq 1 100); do
  curl -fs "$url/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done

# sign BODY sets SLACK_TIMESTAMP and SLACK_SIGNATURE for a body, as Slack signs (with $secret).
. tests/load/slack-sign.sh

command_body() {
  printf 'team_id=T0LOAD&team_domain=load&channel_id=C0LOAD&channel_name=reviews&user_id=U0LOAD&user_name=load&command=%s&text=%s&response_url=http%%3A%%2F%%2F127.0.0.1%%3A9%%2Fhooks&trigger_id=1.2.3' "$1" "$2"
}

sign "$(command_body %2Fpractice 'setup+%22Load+Test+Clinic%22+America%2FChicago')"
curl -fs -X POST "$url/slack/events" -H "Content-Type: application/x-www-form-urlencoded" \
  -H "X-Slack-Request-Timestamp: $SLACK_TIMESTAMP" -H "X-Slack-Signature: $SLACK_SIGNATURE" --data-binary "$SLACK_BODY" >/dev/null

run() {
  local name=$1 content_type=$2 body=$3
  export SLACK_CONTENT_TYPE=$content_type
  sign "$body"
  echo "== $name ($connections connections, $duration)"
  wrk -t2 -c"$connections" -d"$duration" --latency -s tests/load/slack-events.lua "$url/slack/events" \
    | grep -E "Requests/sec|Latency |50%|99%|status 200|Non-2xx|Socket errors"
}

run "url_verification" "application/json" '{"token":"x","challenge":"load-test-challenge","type":"url_verification"}'
run "/practice help" "application/x-www-form-urlencoded" "$(command_body %2Fpractice help)"
run "/review" "application/x-www-form-urlencoded" "$(command_body %2Freview '')"
