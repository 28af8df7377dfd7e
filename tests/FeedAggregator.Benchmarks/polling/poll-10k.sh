#!/usr/bin/env bash
# The 10,000-feed poll benchmark: a local server (tests/FeedAggregator.Benchmarks/polling/feed_server.py)
# serves FEEDS feeds (default 10000) spread over HOSTS loopback addresses (default 500, so that the
# default politeness, 2 at once and 1 s apart per host, applies as shipped); 90% answer 304 to their
# ETag, 10% return 20 new items. A first `feedagg poll --once` learns the validators; the second one,
# the measured cycle, runs under /usr/bin/time -v: wall time, CPU seconds, peak RSS. Both run with
# Polling:MaxConcurrency=CONCURRENCY (default 16).
#   bash tests/FeedAggregator.Benchmarks/polling/poll-10k.sh       (FEEDAGG_PUBLISHED=dir to reuse a build)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
FEEDS=${FEEDS:-10000}
HOSTS=${HOSTS:-500}
CONCURRENCY=${CONCURRENCY:-16}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/feedagg-poll10k.XXXXXX")
SERVER=""
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT

if [ -n "${FEEDAGG_PUBLISHED:-}" ] && [ -x "$FEEDAGG_PUBLISHED/feedagg" ]; then APP=$FEEDAGG_PUBLISHED; else
  APP=$WORK/app
  dotnet publish "$ROOT/src/FeedAggregator.Worker" -c Release -o "$APP" --nologo -v quiet >"$WORK/publish.log" 2>&1 || { cat "$WORK/publish.log"; exit 1; }
fi

# Run the binary as config/systemd/feedagg.service does: two malloc arenas (see the unit).
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}

PORT=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
/usr/bin/python3 "$HERE/feed_server.py" opml "$FEEDS" "$HOSTS" "$PORT" >"$WORK/feeds.opml"
/usr/bin/python3 "$HERE/feed_server.py" "$FEEDS" "$HOSTS" "$PORT" "$WORK/stats" &
SERVER=$!
for _ in $(seq 1 100); do [ -f "$WORK/stats.ready" ] && break; sleep 0.1; done

mkdir -p "$WORK/state/seeds"
feedagg() { ( cd "$WORK/state" && "$APP/feedagg" "$@" --Storage:Database="$WORK/state/feeds.db" \
  --Feeds:File="$WORK/feeds.opml" --Seeds:Directory="$WORK/state/seeds" \
  --Publishing:OutputDirectory="$WORK/state/public" --Logging:LogLevel:Default=Warning ); }

# The OPML is synced into the store on the first run; that run also fetches every feed once.
feedagg opml import "$WORK/feeds.opml" >/dev/null
echo "warm-up cycle (first fetch of $FEEDS feeds) ..."
/usr/bin/time -f "warm-up: %e s wall, %U s user + %S s sys CPU, %M KB peak RSS" \
  "$APP/feedagg" poll --once --force --Storage:Database="$WORK/state/feeds.db" --Feeds:File="$WORK/feeds.opml" \
  --Seeds:Directory="$WORK/state/seeds" --Publishing:OutputDirectory="$WORK/state/public" \
  --Logging:LogLevel:Default=Warning --Polling:MaxConcurrency="$CONCURRENCY" >"$WORK/warmup.out" 2>"$WORK/warmup.err" || { tail -20 "$WORK/warmup.err"; exit 1; }
tail -1 "$WORK/warmup.err"; tail -1 "$WORK/warmup.out"

echo "measured cycle (90% 304, 10% 20 new items) ..."
/usr/bin/time -v "$APP/feedagg" poll --once --force --Storage:Database="$WORK/state/feeds.db" --Feeds:File="$WORK/feeds.opml" \
  --Seeds:Directory="$WORK/state/seeds" --Publishing:OutputDirectory="$WORK/state/public" \
  --Logging:LogLevel:Default=Warning --Polling:MaxConcurrency="$CONCURRENCY" >"$WORK/cycle.out" 2>"$WORK/cycle.err" || { tail -20 "$WORK/cycle.err"; exit 1; }
tail -1 "$WORK/cycle.out"
wall=$(grep 'Elapsed (wall clock)' "$WORK/cycle.err" | awk '{print $NF}')
user=$(grep 'User time' "$WORK/cycle.err" | awk '{print $NF}')
sys=$(grep 'System time' "$WORK/cycle.err" | awk '{print $NF}')
rss=$(grep 'Maximum resident' "$WORK/cycle.err" | awk '{print $NF}')
echo "cycle: wall $wall, CPU ${user} s user + ${sys} s sys, peak RSS $((rss / 1024)) MB"
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
echo "server saw (status, User-Agent FeedAggregator/...):"; sed 's/^/  /' "$WORK/stats"
