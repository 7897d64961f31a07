#!/usr/bin/env bash
# Scaling measurements of issue 10, each in a process of its own (so each peak memory is its own), on SQLite and on
# PostgreSQL: the weekly check-in of 1,000 and 10,000 practices (50 reviews, a plan of 3 posts a week, 5 volunteers
# each), ingestion of 100,000 reviews, draining 10,000 outbox messages to a platform that accepts at once.
# Prints a table, the ratio 10k/1k of the check-in, and the load average before and after.
# Usage: tests/load/scale.sh
#   env: SCALE_PROVIDERS="sqlite postgres" SCALE_PRACTICES="1000 10000" SCALE_REVIEWS=100000 SCALE_MESSAGES=10000
#        SCALE_PARALLEL=2 (check-ins at once, as Quartz's threads would) SCALE_PG_PORT=55505
#        SCALE_WHAT="checkin ingest drain" (the scenarios to run, e.g. "checkin" alone)
# PostgreSQL is a throwaway server on loopback (.ci/postgres.sh: installed with apt-get when missing, fsync off).
set -euo pipefail
cd "$(dirname "$0")/../.."
providers=${SCALE_PROVIDERS:-sqlite postgres}; practices=${SCALE_PRACTICES:-1000 10000}
what=" ${SCALE_WHAT:-checkin ingest drain} "; reviews=${SCALE_REVIEWS:-100000}; messages=${SCALE_MESSAGES:-10000}; parallel=${SCALE_PARALLEL:-2}
work=$(mktemp -d /tmp/practicebot-scale.XXXXXX); chmod 755 "$work" # the postgres user runs the server inside
say() { echo "scale.sh: $*" >&2; }
cleanup() {
  [ -d "$work/pg" ] && .ci/postgres.sh stop "$work/pg" || true
  rm -rf "$work"
}
trap cleanup EXIT
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

say "building tests/load/Scaling (Release)"
dotnet build tests/load/Scaling -c Release -v q -nologo >"$work/build.log" 2>&1 || { tail -n 30 "$work/build.log" >&2; exit 1; }
if [[ " $providers " == *" postgres "* ]]; then
  say "starting PostgreSQL on 127.0.0.1:${SCALE_PG_PORT:-55505}"
  PRACTICEBOT_TEST_POSTGRES=$(.ci/postgres.sh start "$work/pg" "${SCALE_PG_PORT:-55505}")
  export PRACTICEBOT_TEST_POSTGRES
fi

run() {
  say "$*"
  dotnet tests/load/Scaling/bin/Release/net10.0/Scaling.dll "$@" >"$work/run.log" 2>&1 || { tail -n 30 "$work/run.log" >&2; exit 1; }
  tail -n 1 "$work/run.log" >>"$work/results"
}
for provider in $providers; do
  if [[ $what == *" checkin "* ]]; then for n in $practices; do run checkin "$provider" "$n" "$parallel"; done; fi
  if [[ $what == *" ingest "* ]]; then run ingest "$provider" "$reviews"; fi
  if [[ $what == *" drain "* ]]; then run drain "$provider" "$messages"; fi
done

awk -v before="$load_before" -v after="$(cut -d' ' -f1-3 /proc/loadavg)" -v parallel="$parallel" '
  { rows[NR] = $0
    if ($1 == "checkin") {
      wall[$2, $3] = $4; cpu[$2, $3] = $5; provs[$2] = 1
      if (!($2 in small) || $3 < small[$2]) small[$2] = $3
      if (!($2 in large) || $3 > large[$2]) large[$2] = $3
    } }
  END {
    label["checkin"] = "weekly check-in, practices"; label["ingest"] = "ingestion, reviews"; label["drain"] = "outbox drain, messages"
    printf "\nload average before %s, after %s; check-ins %d at a time\n\n", before, after, parallel
    printf "| what | provider | count | wall s | CPU s | peak RSS MB | KB allocated per item | done |\n|---|---|---:|---:|---:|---:|---:|---:|\n"
    for (i = 1; i <= NR; i++) { split(rows[i], f, " "); printf "| %s | %s | %d | %.1f | %.1f | %d | %.1f | %d |\n", label[f[1]], f[2], f[3], f[4], f[5], f[6], f[7], f[8] }
    printf "\n| check-in, larger / smaller run | practices | wall | CPU | linear would be |\n|---|---|---:|---:|---:|\n"
    for (p in provs) if (large[p] > small[p])
      printf "| %s | %d / %d | %.1f | %.1f | %.1f |\n", p, large[p], small[p], wall[p, large[p]] / wall[p, small[p]], cpu[p, large[p]] / cpu[p, small[p]], large[p] / small[p]
  }' "$work/results"
