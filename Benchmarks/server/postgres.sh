#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the server benchmarks, started as the tests start theirs
# (Tests/CapstanTestSupport/PostgresServer.swift): initdb in a temporary folder as `nobody`
# when run as root, trust authentication, loopback only, on a free port. Unlike the tests'
# cluster it keeps fsync and synchronous_commit on, so write rates are those of a durable
# server.
#
#   eval "$(Benchmarks/server/postgres.sh start)"   # sets PGFOLDER, PGPORT, PGBIN
#   createdb -h 127.0.0.1 -p "$PGPORT" -U capstan bench
#   Benchmarks/server/postgres.sh stop "$PGFOLDER"
set -euo pipefail
bin=$(dirname "$(readlink -f "$(command -v pg_ctl || ls /usr/lib/postgresql/*/bin/pg_ctl | tail -1)")")
as_server() { if [[ $(id -u) == 0 ]]; then runuser -u nobody -- "$@"; else "$@"; fi; }
case "${1:-}" in
  start)
    folder=$(mktemp -d /tmp/capstan-bench-pg.XXXXXX)
    [[ $(id -u) == 0 ]] && chown nobody "$folder"
    as_server "$bin/initdb" -D "$folder/data" -U capstan --auth=trust -E UTF8 --no-locale \
      >"$folder/initdb.log" 2>&1
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_server "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 120 \
      -o "-p $port -h 127.0.0.1 -k $folder" start >/dev/null
    echo "PGFOLDER=$folder PGPORT=$port PGBIN=$bin"
    ;;
  stop)
    as_server "$bin/pg_ctl" -D "$2/data" -m fast -w stop >/dev/null
    rm -rf "$2"
    ;;
  *)
    echo "usage: $0 start | stop FOLDER" >&2
    exit 2
    ;;
esac
