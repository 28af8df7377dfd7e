#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and a developer's machine: initdb in a temp folder,
# started with pg_ctl (as the postgres user when run as root, since PostgreSQL refuses to run as
# root) on a free port of 127.0.0.1, trust authentication, durability off. No Docker, no network.
#
#   eval "$(bash tests/postgres/throwaway.sh start)"   # exports FEEDAGG_TEST_POSTGRES, FEEDAGG_PG_DIR
#   dotnet test                                        # the PostgreSQL store tests now run too
#   bash tests/postgres/throwaway.sh stop "$FEEDAGG_PG_DIR"
#
# Needs Debian's postgresql package (apt-get install postgresql); its server binaries live in
# /usr/lib/postgresql/VERSION/bin, which is searched when pg_ctl is not on the PATH.
set -euo pipefail

bindir() {
  if command -v pg_ctl >/dev/null 2>&1; then dirname "$(command -v pg_ctl)"; return; fi
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$found" ] || { echo "throwaway.sh: no PostgreSQL server binaries (apt-get install postgresql)" >&2; exit 1; }
  echo "$found"
}

as_owner() {
  # $1: the cluster's folder; the rest: the command. PostgreSQL refuses to run as root.
  local dir=$1; shift
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    BIN=$(bindir)
    DIR=$(mktemp -d "${TMPDIR:-/tmp}/feedagg-pg.XXXXXX")
    chmod 755 "$DIR"
    [ "$(id -u)" = 0 ] && chown postgres: "$DIR"
    PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
    USER_NAME=$([ "$(id -u)" = 0 ] && echo postgres || id -un)
    as_owner "$DIR" "$BIN/initdb" -D "$DIR/data" -U "$USER_NAME" -A trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
      || { cat "$DIR/initdb.log" >&2; exit 1; }
    as_owner "$DIR" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 start -o \
      "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$DIR -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      >/dev/null || { cat "$DIR/server.log" >&2; exit 1; }
    echo "export FEEDAGG_PG_DIR='$DIR'"
    echo "export FEEDAGG_TEST_POSTGRES='Host=127.0.0.1;Port=$PORT;Username=$USER_NAME;Database=postgres'"
    ;;
  stop)
    DIR=${2:?usage: throwaway.sh stop DIR}
    [ -d "$DIR/data" ] && as_owner "$DIR" "$(bindir)/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$DIR"
    ;;
  *)
    echo "usage: throwaway.sh start | stop DIR" >&2
    exit 2
    ;;
esac
