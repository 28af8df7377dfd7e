# Shared helpers for the acceptance scripts: publish the worker once, start it on a free
# loopback port, stop it on exit. Source this file; it sets FEEDAGG, BASE, WORK.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SHARED=$(cd "$ROOT/.." && pwd)/shared
WORK=$(mktemp -d "${TMPDIR:-/tmp}/feedagg-acceptance.XXXXXX")
PY=/usr/bin/python3   # Debian's python, the one with python3-feedparser
FAILURES=0
CHECKS=0
SERVER_PID=""

cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

pass() { CHECKS=$((CHECKS + 1)); echo "  ok    $*"; }
fail() { CHECKS=$((CHECKS + 1)); FAILURES=$((FAILURES + 1)); echo "  FAIL  $*"; }
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }

# Publishes the worker (Release) into $WORK/app unless FEEDAGG_PUBLISHED points at one already.
publish_worker() {
  if [ -n "${FEEDAGG_PUBLISHED:-}" ] && [ -x "$FEEDAGG_PUBLISHED/feedagg" ]; then
    APP=$FEEDAGG_PUBLISHED
  else
    APP=$WORK/app
    dotnet publish "$ROOT/src/FeedAggregator.Worker" -c Release -o "$APP" --nologo -v quiet >"$WORK/publish.log" 2>&1 \
      || { cat "$WORK/publish.log"; echo "publish failed"; exit 1; }
  fi
  FEEDAGG=$APP/feedagg
}

free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# Starts the published worker with its bundled config on a free port, state under $WORK/state.
start_worker() {
  PORT=$(free_port)
  BASE=http://127.0.0.1:$PORT
  mkdir -p "$WORK/state"
  ( cd "$WORK/state" && exec "$FEEDAGG" run --urls "$BASE" \
      --Storage:Database="$WORK/state/feedaggregator.db" \
      --Publishing:OutputDirectory="$WORK/state/public" "$@" ) >"$WORK/worker.log" 2>&1 &
  SERVER_PID=$!
  local started=$(date +%s%N)
  for _ in $(seq 1 200); do
    if curl -sf -o /dev/null "$BASE/feed.atom"; then
      STARTUP_MS=$(( ($(date +%s%N) - started) / 1000000 ))
      return 0
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "the worker did not serve /feed.atom within 20 s; its log:"; cat "$WORK/worker.log"; exit 1
}

finish() {
  echo "$(basename "$0"): $((CHECKS - FAILURES)) passed, $FAILURES failed"
  [ "$FAILURES" -eq 0 ]
}
