#!/usr/bin/env bash
# Start-up and idle memory of the published host, N times on one prepared SQLite database (issue 10).
# Prints, per run: wall ms from launch to the first GET /healthz 200, the process's CPU ms (user + sys) at that
# moment, VmRSS after IDLE_SECONDS, and the load average (wall time on a shared machine is only as good as that).
# Usage: tests/load/startup.sh [runs]    env: IDLE_SECONDS=5 PUBLISH=1 (0 reuses tests/load/bin/host)
#        HOST_DIR=dir starts a host published elsewhere (say, of another commit) with PUBLISH=0
#        EXTRA_ENV="DOTNET_gcServer=0 ..." adds environment variables to the host (to try runtime knobs)
#        SMAPS_OUT=/tmp/prefix keeps each run's /proc/PID/smaps as prefix.N (what the RSS is made of)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}; idle=${IDLE_SECONDS:-5}
host_dir=${HOST_DIR:-tests/load/bin/host}
if [ "${PUBLISH:-1}" = 1 ]; then
  echo "startup.sh: publishing the host (Release, ReadyToRun)" >&2
  dotnet publish bot/PracticeBot.Host -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o "$host_dir" -v q -nologo >/dev/null
fi
read -r host_port slack_port < <(python3 -c '
import socket
sockets = [socket.socket() for _ in range(2)]
for s in sockets: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in sockets])')
work=$(mktemp -d /tmp/practicebot-startup.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
python3 tests/load/slack-fake.py "$slack_port" >"$work/slack-fake.log" 2>&1 & pids+=($!)
hz=$(getconf CLK_TCK)

# $1: demo on or off. Starts the host in the background; its pid in $host.
openssl rand -base64 32 >"$work/keyring.key" # Production refuses an unencrypted Data Protection key ring
start_host() {
  env ASPNETCORE_URLS="http://127.0.0.1:$host_port" DataProtection__KeyFilePath="$work/keyring.key" Database__Provider=sqlite ConnectionStrings__PracticeBot="Data Source=$work/load.db" \
    Demo__Enabled="$1" Slack__SigningSecret=x Slack__BotToken=xoxb-x Slack__ApiBaseUrl="http://127.0.0.1:$slack_port/api/" \
    Teams__AppId=11111111-2222-3333-4444-555555555555 Teams__AppPassword=x Sources__Webhook__Secret=x \
    Logging__LogLevel__Default=Warning ${EXTRA_ENV:-} dotnet "$host_dir/PracticeBot.Host.dll" >>"$work/host.log" 2>&1 &
  host=$!; pids+=("$host")
}
stop_host() { kill "$host"; wait "$host" 2>/dev/null || true; }
healthy() { curl -fs -o /dev/null "http://127.0.0.1:$host_port/healthz" 2>/dev/null; }

# Prepared once: migrated, the demo practice seeded (so the schedule sync has a practice's triggers to line up).
start_host true
for _ in $(seq 1 1500); do healthy && break; sleep 0.02; done
healthy || { tail -n 30 "$work/host.log" >&2; exit 1; }
stop_host

printf '%-4s %8s %8s %7s  %s\n' run wall_ms cpu_ms rss_mb loadavg
for i in $(seq 1 "$runs"); do
  t0=$(date +%s%N); start_host false
  ok=0
  for _ in $(seq 1 3000); do
    if healthy; then ok=1; break; fi
    sleep 0.01
  done
  [ "$ok" = 1 ] || { tail -n 30 "$work/host.log" >&2; exit 1; }
  wall=$(( ($(date +%s%N) - t0) / 1000000 ))
  cpu=$(awk -v hz="$hz" '{ printf "%.0f", ($14 + $15) * 1000 / hz }' "/proc/$host/stat")
  sleep "$idle"
  rss=$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$host/status")
  printf '%-4s %8s %8s %7s  %s\n' "$i" "$wall" "$cpu" "$rss" "$(cut -d' ' -f1-3 /proc/loadavg)"
  [ -n "${SMAPS_OUT:-}" ] && cp "/proc/$host/smaps" "$SMAPS_OUT.$i"
  stop_host
done
