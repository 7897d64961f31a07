#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 on a loopback port and prints its connection string.
#   start: .ci/postgres.sh start DIR PORT   (installs the server with apt-get when it is missing)
#   stop:  .ci/postgres.sh stop DIR
set -euo pipefail
cmd=${1:?start|stop}; dir=${2:?data directory}; port=${3:-55432}
pgbin=""
for v in 17 16 15; do [ -x "/usr/lib/postgresql/$v/bin/initdb" ] && { pgbin="/usr/lib/postgresql/$v/bin"; break; }; done

case "$cmd" in
start)
  if [ -z "$pgbin" ]; then
    echo "PostgreSQL server not found: installing it" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    for v in 17 16 15; do [ -x "/usr/lib/postgresql/$v/bin/initdb" ] && { pgbin="/usr/lib/postgresql/$v/bin"; break; }; done
  fi
  [ -n "$pgbin" ] || { echo "no PostgreSQL server could be installed" >&2; exit 1; }
  mkdir -p "$dir"
  run=(); [ "$(id -u)" = 0 ] && { chown -R postgres:postgres "$dir"; run=(runuser -u postgres --); }
  "${run[@]}" "$pgbin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 >/dev/null
  "${run[@]}" "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=300" start >/dev/null
  echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  ;;
stop)
  run=(); [ "$(id -u)" = 0 ] && run=(runuser -u postgres --)
  [ -n "$pgbin" ] && [ -d "$dir/data" ] && "${run[@]}" "$pgbin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
  ;;
esac
