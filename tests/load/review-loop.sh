#!/usr/bin/env bash
# /review alone against published hosts, interleaved, for comparing two builds (or two settings) on a shared machine
# whose noise is larger than the difference: each round starts every host on a fresh copy of one database, warms it
# up, then measures wrk -t2 -c64 for 10 s. Prints, per host and round: requests/s, p99, server CPU µs per request,
# idle RSS, anonymous memory under load and peak RSS (VmHWM); then each host's means.
# Usage: SEED=<dir> tests/load/review-loop.sh ROUNDS NAME=HOST_DIR[:ENV...] [NAME=HOST_DIR[:ENV...] ...]
#   SEED: a folder kept by `KEEP_WORK=1 tests/load/run.sh` (its load.db, a practice bound to team T0LOAD with 10
#   reviews, and keyring.key). ENV: space-separated VAR=value for that host, e.g. base=tests/load/bin/host:"MALLOC_ARENA_MAX=2".
#   WARM=15s (unmeasured load first). Needs dotnet, wrk, openssl, curl, python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -n "${SEED:-}" ] && [ -f "$SEED/load.db" ] || { echo "review-loop.sh: SEED must name a folder kept by KEEP_WORK=1 tests/load/run.sh" >&2; exit 2; }
rounds=${1:?rounds}; shift
[ $# -gt 0 ] || { echo "review-loop.sh: name at least one NAME=HOST_DIR" >&2; exit 2; }
secret=load-test-signing-secret
. tests/load/slack-sign.sh
body='token=x&team_id=T0LOAD&team_domain=load&channel_id=C0LOAD&channel_name=reviews&user_id=U0LOAD&user_name=load&command=%2Freview&text=&api_app_id=A0LOAD&response_url=http%3A%2F%2F127.0.0.1%3A9%2Fhooks&trigger_id=1.2.3'
results=$(mktemp)
trap 'rm -f "$results"' EXIT
one() { # name host_dir env
  local name=$1 dir=$2 extra=$3 work port host before after requests sampler
  work=$(mktemp -d /tmp/review-loop.XXXXXX); cp "$SEED/load.db" "$SEED/keyring.key" "$work/"
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  env ASPNETCORE_URLS="http://127.0.0.1:$port" DataProtection__KeyFilePath="$work/keyring.key" Database__Provider=sqlite \
    ConnectionStrings__PracticeBot="Data Source=$work/load.db" Demo__Enabled=false Slack__SigningSecret="$secret" \
    Slack__BotToken=xoxb-load-test Slack__ApiBaseUrl="http://127.0.0.1:9/api/" Logging__LogLevel__Default=Warning $extra \
    dotnet "$dir/PracticeBot.Host.dll" >"$work/host.log" 2>&1 &
  host=$!
  for _ in $(seq 1 600); do curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.05; done
  sleep 5
  local idle; idle=$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$host/status")
  sign "$body"; export SLACK_CONTENT_TYPE=application/x-www-form-urlencoded
  wrk -t2 -c64 -d"${WARM:-15s}" -s tests/load/slack-events.lua "http://127.0.0.1:$port/slack/events" >/dev/null
  before=$(awk '{ print $14 + $15 }' "/proc/$host/stat")
  (sleep 5; awk '/^Anonymous/ { printf "%.0f", $2 / 1024 }' "/proc/$host/smaps_rollup" >"$work/anon") & sampler=$!
  wrk -t2 -c64 -d10s --latency -s tests/load/slack-events.lua "http://127.0.0.1:$port/slack/events" >"$work/wrk.txt"
  after=$(awk '{ print $14 + $15 }' "/proc/$host/stat"); wait "$sampler"
  grep -q "status 200: [1-9][0-9]*, other: 0" "$work/wrk.txt" || { echo "review-loop.sh: $name answered other than 200:" >&2; cat "$work/wrk.txt" >&2; }
  requests=$(awk '/ requests in / { print $1 }' "$work/wrk.txt")
  awk -v name="$name" -v cpu=$(( after - before )) -v hz="$(getconf CLK_TCK)" -v n="$requests" -v idle="$idle" \
      -v anon="$(cat "$work/anon")" -v hwm="$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$host/status")" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; return v * 1000 }
    /Requests\/sec/ { rps = $2 } $1 == "99%" { p99 = ms($2) }
    END { printf "%s %.0f %.1f %.0f %d %d %d\n", name, rps, p99, cpu / hz * 1e6 / n, idle, anon, hwm }' "$work/wrk.txt" | tee -a "$results"
  kill "$host"; wait "$host" 2>/dev/null || true; rm -rf "$work"
}
echo "host requests/s p99_ms cpu_us_per_request idle_rss_mb anon_mb_under_load peak_rss_mb (load average $(cut -d' ' -f1-3 /proc/loadavg))"
for _ in $(seq 1 "$rounds"); do
  for spec in "$@"; do name=${spec%%=*}; rest=${spec#*=}; dir=${rest%%:*}; extra=""; [[ $rest == *:* ]] && extra=${rest#*:}; one "$name" "$dir" "$extra"; done
done
echo; echo "means over $rounds round(s), load average now $(cut -d' ' -f1-3 /proc/loadavg):"
awk '{ n[$1]++; for (i = 2; i <= 7; i++) s[$1, i] += $i }
  END { for (h in n) printf "%s %.0f %.1f %.0f %.0f %.1f %.1f\n", h, s[h,2]/n[h], s[h,3]/n[h], s[h,4]/n[h], s[h,5]/n[h], s[h,6]/n[h], s[h,7]/n[h] }' "$results"
