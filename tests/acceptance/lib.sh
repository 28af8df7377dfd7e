# Shared helpers for the acceptance scripts: publish the worker once, start it on a free
# loopback port from a scratch content root, stop it on exit, count checks. Source this file;
# it sets ROOT, SHARED, WORK, CONTENT_ROOT, OPML and, once the worker runs, FEEDAGG, BASE.
#
# Nothing here reaches the internet or writes a tracked file: the worker runs from
# $CONTENT_ROOT (a copy of the published config/appsettings.json, the script's own OPML at $OPML,
# the state under $CONTENT_ROOT/data), and every feed a script subscribes to is served on loopback.
#
# A missing tool or ../shared file: `need TOOL...` (or `require TOOL...` for the whole script).
# Outside CI that group of checks is skipped and the summary says so; with CI=true it is a failure.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SHARED=$(cd "$ROOT/.." && pwd)/shared
WORK=$(mktemp -d "${TMPDIR:-/tmp}/feedagg-acceptance.XXXXXX")
CONTENT_ROOT=$WORK/root
STATE=$CONTENT_ROOT/data
OPML=$CONTENT_ROOT/config/feeds.opml
PY=/usr/bin/python3   # Debian's python, the one with python3-feedparser
FAILURES=0
CHECKS=0
SKIPS=0
SERVER_PID=""
BACKGROUND_PIDS=()
mkdir -p "$CONTENT_ROOT/config"

cleanup() {
  for pid in "$SERVER_PID" "${BACKGROUND_PIDS[@]}"; do
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

pass() { CHECKS=$((CHECKS + 1)); echo "  ok    $*"; }
fail() { CHECKS=$((CHECKS + 1)); FAILURES=$((FAILURES + 1)); echo "  FAIL  $*"; }
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }

# A group of checks that cannot run here: skipped outside CI, a failure in CI (a gate that is off
# must never look like a pass).
skip() {
  if [ "${CI:-}" = true ]; then
    fail "$* (CI=true: a skip is a failure)"
  else
    SKIPS=$((SKIPS + 1))
    echo "  skip  $* (not counted; with CI=true this fails)"
  fi
}

# Whether one tool is here. Most are commands; the others name how to look for them.
have() {
  case $1 in
    feedparser) "$PY" -c 'import feedparser' 2>/dev/null ;;
    chromium) command -v chromium >/dev/null || command -v chromium-browser >/dev/null ;;
    postgresql) compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null ;;
    prometheus) command -v prometheus >/dev/null ;;
    shared:*) [ -e "$SHARED/${1#shared:}" ] ;;   # a file or folder of ../shared
    *) command -v "$1" >/dev/null ;;
  esac
}

# need TOOL...: true when every one is here; else one skip (or, in CI, one failure) naming them.
need() {
  local missing=() tool
  for tool in "$@"; do have "$tool" || missing+=("$tool"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  skip "needs ${missing[*]/#shared:/$SHARED/}"
  return 1
}

# require TOOL...: as need, for a script that can do nothing without them: it ends there.
require() { need "$@" || { finish; exit $?; }; }

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

# serve_dir DIR: serves a folder's files on a loopback port of its own; sets FEEDS_BASE.
serve_dir() {
  local port
  port=$(free_port)
  "$PY" -m http.server "$port" --bind 127.0.0.1 --directory "$1" >"$WORK/feeds-server-$port.log" 2>&1 &
  BACKGROUND_PIDS+=($!)
  FEEDS_BASE=http://127.0.0.1:$port
  for _ in $(seq 1 50); do curl -s -o /dev/null "$FEEDS_BASE/" && return 0; sleep 0.1; done
  echo "the feed server on $FEEDS_BASE did not start"; exit 1
}

# write_opml TITLE < OUTLINES: the script's subscriptions (outline elements, loopback URLs only).
write_opml() {
  { echo '<?xml version="1.0" encoding="utf-8"?>'
    echo "<opml version=\"2.0\"><head><title>$1</title></head><body>"
    cat
    echo '</body></opml>'; } >"$OPML"
}

# The scratch content root: the published defaults, the seeds, the script's OPML (none: no feeds).
prepare_content_root() {
  cp "$APP/config/appsettings.json" "$CONTENT_ROOT/config/appsettings.json"
  [ -e "$CONTENT_ROOT/seeds" ] || ln -s "$APP/seeds" "$CONTENT_ROOT/seeds"
  [ -f "$OPML" ] || write_opml "no feeds" </dev/null
}

# feedagg ARGS...: a CLI verb in the scratch content root (its config, OPML and database).
feedagg() { ( cd "$CONTENT_ROOT" && exec "$FEEDAGG" "$@" ); }

# Starts the published worker from the scratch content root on a free port; extra ARGS are overrides.
start_worker() {
  prepare_content_root
  PORT=$(free_port)
  BASE=http://127.0.0.1:$PORT
  ( cd "$CONTENT_ROOT" && exec "$FEEDAGG" run --urls "$BASE" "$@" ) >"$WORK/worker.log" 2>&1 &
  SERVER_PID=$!
  local started
  started=$(date +%s%N)
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

# Every subscribed feed is on loopback: the check each script ends its worker's part with.
only_loopback_feeds() {
  feedagg feeds list --json "$@" | "$PY" -c '
import sys, json
urls = [json.loads(l)["url"] for l in sys.stdin if l.strip()]
bad = [u for u in urls if not u.startswith(("http://127.0.0.1:", "http://localhost:"))]
if bad: print("    not loopback:", bad)
sys.exit(1 if bad else 0)'
}

# The summary line .ci/run reads: "NAME: N passed, N failed, N skipped".
finish() {
  echo "$(basename "$0"): $((CHECKS - FAILURES)) passed, $FAILURES failed, $SKIPS skipped"
  [ "$FAILURES" -eq 0 ]
}
