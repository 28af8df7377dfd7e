#!/usr/bin/env bash
# The merged feed is the same before and after a change, on the same store: BEFORE (a published
# feedagg, e.g. the last release) seeds a store and polls FEEDS local feeds (feed_server.py, 20
# items each, one in ten changing at every request); the store is copied, each binary serves its
# copy (AFTER migrates it first), and /feed.atom, /feed.rss, /feed.json (and two filtered views)
# are compared byte for byte.
#   bash tests/FeedAggregator.Benchmarks/polling/same-render.sh BEFORE_DIR AFTER_DIR
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
BEFORE=$1 AFTER=$2 FEEDS=${FEEDS:-300}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/feedagg-render.XXXXXX")
SERVER="" APP=""
trap '[ -n "$APP" ] && kill "$APP" 2>/dev/null; [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; [ -n "${KEEP:-}" ] && echo "kept $WORK" || rm -rf "$WORK"' EXIT
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

PORT=$(free_port)
/usr/bin/python3 - "$FEEDS" "$PORT" >"$WORK/feeds.opml" <<'PY'
import sys
feeds, port = map(int, sys.argv[1:3])
print('<?xml version="1.0" encoding="utf-8"?><opml version="2.0"><head><title>render</title></head><body>')
for i in range(feeds):
    print(f'<outline text="Feed {i}" xmlUrl="http://127.0.0.{i % 20 + 1}:{port}/feed/{i}"/>')
print('</body></opml>')
PY
/usr/bin/python3 "$HERE/feed_server.py" "$FEEDS" 20 "$PORT" "$WORK/stats" &
SERVER=$!
for _ in $(seq 1 100); do [ -f "$WORK/stats.ready" ] && break; sleep 0.1; done

mkdir -p "$WORK/before"
# Articles are kept whatever their date (the generated ones are from 2025) and links name one address.
args() { echo "--Storage:Database=$1/feeds.db --Feeds:File=$WORK/feeds.opml --Seeds:Directory=$ROOT/seeds --Publishing:OutputDirectory=$1/public --Logging:LogLevel:Default=Warning --Retention:MaxAge=00:00:00 --Publishing:BaseUrl=http://feeds.example/"; }
# shellcheck disable=SC2046
"$BEFORE/feedagg" poll --once --force $(args "$WORK/before") >/dev/null
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
cp -r "$WORK/before" "$WORK/after"

render() { # binary, state dir, output dir
  local port; port=$(free_port)
  # shellcheck disable=SC2046
  "$1/feedagg" run --urls "http://127.0.0.1:$port" --Polling:CheckEvery=1.00:00:00 $(args "$2") >"$3.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
  mkdir -p "$3"
  for path in feed.atom feed.rss feed.json "feed.atom?limit=200" "feed.json?page=2"; do
    curl -sf "http://127.0.0.1:$port/$path" -o "$3/$(echo "$path" | tr '?=' '__')"
  done
  kill "$APP"; wait "$APP" 2>/dev/null || true; APP=""
}
render "$BEFORE" "$WORK/before" "$WORK/out-before"
render "$AFTER" "$WORK/after" "$WORK/out-after"
status=0
for file in "$WORK/out-before"/*; do
  name=$(basename "$file")
  if cmp -s "$file" "$WORK/out-after/$name"; then echo "same: $name ($(wc -c <"$file") bytes)"; else echo "DIFFERENT: $name"; status=1; fi
done
exit $status
