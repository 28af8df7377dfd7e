#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, the acceptance scripts and a developer's machine:
# initdb in a temp folder, started with pg_ctl (as the postgres user when run as root, since
# PostgreSQL refuses to run as root) on a free port of 127.0.0.1, trust authentication, durability
# off. No Docker, no network. Needs Debian's postgresql package (apt-get install -y postgresql);
# its server binaries live in /usr/lib/postgresql/VERSION/bin, searched when pg_ctl is not on PATH.
#
# Sourced (by .ci/run, cluster.sh):   source tests/acceptance/pg-cluster.sh
#                                     pg_cluster_start    # exports FEEDAGG_TEST_POSTGRES, FEEDAGG_PG_DIR
#                                     ...
#                                     pg_cluster_stop
# Run (a developer's shell):          eval "$(bash tests/acceptance/pg-cluster.sh start)"
#                                     dotnet test         # the PostgreSQL store tests now run too
#                                     bash tests/acceptance/pg-cluster.sh stop "$FEEDAGG_PG_DIR"

pg_cluster_bindir() {
  if command -v pg_ctl >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v pg_ctl)")"; return; fi
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$found" ] || { echo "pg-cluster.sh: no PostgreSQL server binaries (apt-get install -y postgresql)" >&2; return 1; }
  echo "$found"
}

# Runs a command as the owner of the cluster: postgres when we are root, else ourselves.
pg_cluster_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Starts a cluster; exports FEEDAGG_PG_DIR (its folder) and FEEDAGG_TEST_POSTGRES (an Npgsql
# connection string to its "postgres" database).
pg_cluster_start() {
  local bin dir port user
  bin=$(pg_cluster_bindir) || return 1
  dir=$(mktemp -d "${TMPDIR:-/tmp}/feedagg-pg.XXXXXX")
  chmod 755 "$dir"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; user=postgres; else user=$(id -un); fi
  port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  pg_cluster_as_owner "$bin/initdb" -D "$dir/data" -U "$user" -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  pg_cluster_as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
    "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null || { cat "$dir/server.log" >&2; return 1; }
  export FEEDAGG_PG_DIR=$dir
  export FEEDAGG_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=$user;Database=postgres"
}

# Stops the cluster started by pg_cluster_start (or the one in folder $1) and deletes it.
pg_cluster_stop() {
  local dir=${1:-${FEEDAGG_PG_DIR:-}}
  [ -n "$dir" ] || return 0
  [ -d "$dir/data" ] && pg_cluster_as_owner "$(pg_cluster_bindir)/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1
  rm -rf "$dir"
}

# Creates database $1 in the cluster; prints its Npgsql connection string.
pg_cluster_createdb() {
  local name=$1
  psql "$(pg_cluster_libpq)" -qc "CREATE DATABASE \"$name\"" >/dev/null || return 1
  echo "${FEEDAGG_TEST_POSTGRES/Database=postgres/Database=$name}"
}

# FEEDAGG_TEST_POSTGRES in libpq's form, for psql.
pg_cluster_libpq() {
  echo "$FEEDAGG_TEST_POSTGRES" | tr ';' '\n' | awk -F= '
    tolower($1)=="host"{h=$2} tolower($1)=="port"{p=$2} tolower($1)=="username"{u=$2} tolower($1)=="database"{d=$2}
    END{printf "host=%s port=%s user=%s dbname=%s", h, p, u, d}'
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case "${1:-}" in
    start)
      pg_cluster_start
      echo "export FEEDAGG_PG_DIR='$FEEDAGG_PG_DIR'"
      echo "export FEEDAGG_TEST_POSTGRES='$FEEDAGG_TEST_POSTGRES'"
      ;;
    stop) pg_cluster_stop "${2:?usage: pg-cluster.sh stop DIR}" ;;
    # Run with no argument (a loop over tests/acceptance/*.sh): a helper, not a check.
    "") echo "pg-cluster.sh: a helper for the other scripts (start | stop DIR); nothing to check" ;;
    *) echo "usage: pg-cluster.sh start | stop DIR" >&2; exit 2 ;;
  esac
fi
