#!/usr/bin/env bash
# From publication at a WebSub hub to the entry in /feed.atom: the published binary (`feedagg run`)
# subscribes FEEDS (default 10) feeds at a local hub (local_hub.py), which then pushes PUSHES
# (default 100) new entries, one at a time (200 ms apart, round robin over the feeds), and times
# each until its title is served in /feed.atom. The goal: 5 s or less at the 95th percentile.
#   bash tests/FeedAggregator.Benchmarks/websub/push-latency.sh       (FEEDAGG_PUBLISHED=dir to reuse a build)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
FEEDS=${FEEDS:-10}
PUSHES=${PUSHES:-100}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/feedagg-push.XXXXXX")
HUB=""
APP_PID=""
trap '[ -n "$HUB" ] && kill "$HUB" 2>/dev/null; [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; wait 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT

if [ -n "${FEEDAGG_PUBLISHED:-}" ] && [ -x "$FEEDAGG_PUBLISHED/feedagg" ]; then APP=$FEEDAGG_PUBLISHED; else
  APP=$WORK/app
  dotnet publish "$ROOT/src/FeedAggregator.Worker" -c Release -o "$APP" --nologo -v quiet >"$WORK/publish.log" 2>&1 || { cat "$WORK/publish.log"; exit 1; }
fi
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
HUB_PORT=$(free_port)
APP_PORT=$(free_port)
{
  echo '<?xml version="1.0" encoding="utf-8"?><opml version="2.0"><head><title>push</title></head><body>'
  for n in $(seq 0 $((FEEDS - 1))); do echo "<outline text=\"Bench feed $n\" xmlUrl=\"http://127.0.0.1:$HUB_PORT/feed/$n.atom\"/>"; done
  echo '</body></opml>'
} >"$WORK/feeds.opml"

/usr/bin/python3 "$HERE/local_hub.py" "$FEEDS" "$HUB_PORT" "http://127.0.0.1:$APP_PORT" "$PUSHES" "$WORK/latency.json" &
HUB=$!
for _ in $(seq 1 100); do [ -f "$WORK/latency.json.ready" ] && break; sleep 0.1; done

mkdir -p "$WORK/state/seeds"
# Publishing:BaseUrl set: the address the hub calls back. CheckEvery 5 s: the first poll finds the
# hubs, the WebSub job subscribes within 5 s after it.
( cd "$WORK/state" && exec "$APP/feedagg" run --urls "http://127.0.0.1:$APP_PORT" \
  --Publishing:BaseUrl="http://127.0.0.1:$APP_PORT/" --Polling:CheckEvery=00:00:05 \
  --Storage:Database="$WORK/state/feeds.db" --Feeds:File="$WORK/feeds.opml" --Seeds:Directory="$WORK/state/seeds" \
  --Publishing:OutputDirectory="$WORK/state/public" --Logging:LogLevel:Default=Warning ) >"$WORK/app.log" 2>&1 &
APP_PID=$!

if ! wait "$HUB"; then HUB=""; echo "the hub failed; the service's log:"; tail -30 "$WORK/app.log"; exit 1; fi
HUB=""
/usr/bin/python3 -c "import json,sys; f=json.load(open(sys.argv[1]))['figures']; sys.exit(0 if f['p95'] <= 5 else 1)" "$WORK/latency.json" \
  && echo "goal met: p95 <= 5 s" || echo "goal NOT met: p95 > 5 s"
