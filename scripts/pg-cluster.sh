#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests.
#   scripts/pg-cluster.sh start   prints two lines: the cluster directory, then its DATABASE_URL
#   scripts/pg-cluster.sh stop DIR   stops the cluster and removes its directory
# initdb refuses to run as root, so as root the cluster belongs to the postgres user (su postgres).
# The server listens on 127.0.0.1 at a free port and on a unix socket inside the directory; trust
# authentication, fsync off: for tests only.
set -euo pipefail

bin_dir() {
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"
    return
  fi
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$found" ] || [ ! -x "$found/initdb" ]; then
    echo "pg-cluster: initdb not found (PATH or /usr/lib/postgresql/*/bin); install postgresql" >&2
    exit 3
  fi
  echo "$found"
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    su postgres -s /bin/sh -c "$1"
  else
    sh -c "$1"
  fi
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

case "${1:-}" in
  start)
    bin=$(bin_dir)
    dir=$(mktemp -d "${TMPDIR:-/tmp}/gongkai-pg.XXXXXX")
    chmod 700 "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
    as_owner "'$bin/initdb' -D '$dir/data' -U postgres -A trust -E UTF8 --locale=C --no-sync" >"$dir.initdb.log" 2>&1 ||
      { cat "$dir.initdb.log" >&2; exit 4; }
    rm -f "$dir.initdb.log"
    port=$(free_port)
    as_owner "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 30 \
      -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start" >/dev/null ||
      { cat "$dir/server.log" >&2; exit 5; }
    echo "$dir"
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    dir="${2:?usage: pg-cluster.sh stop DIR}"
    case "$dir" in
      "${TMPDIR:-/tmp}"/gongkai-pg.*) ;;
      *) echo "pg-cluster: refusing to stop $dir (not a cluster made by this script)" >&2; exit 2 ;;
    esac
    bin=$(bin_dir)
    if [ -d "$dir/data" ]; then as_owner "'$bin/pg_ctl' -D '$dir/data' -m immediate -w stop" >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: scripts/pg-cluster.sh start | stop DIR" >&2
    exit 2
    ;;
esac
