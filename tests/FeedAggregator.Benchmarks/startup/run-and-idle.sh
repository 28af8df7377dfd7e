#!/usr/bin/env bash
# Start-up and idle memory of the service: for each binary, the time from exec to the first 200
# on /feed.atom (a fresh store: migrations, seeds, first render), then its RSS after IDLE seconds.
# The binaries are run alternately, ROUNDS times, so that a busy machine affects both alike.
#
# usage: tests/FeedAggregator.Benchmarks/startup/run-and-idle.sh FEEDAGG [BASELINE]
# Environment: ROUNDS (default 5), IDLE (default 20 seconds).
set -euo pipefail
ROUNDS=${ROUNDS:-5}
IDLE=${IDLE:-20}
WORK=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$WORK"' EXIT

once() { # BINARY LABEL ROUND
  local dir=$WORK/$2-$3 port=$((20000 + RANDOM % 20000))
  mkdir -p "$dir"
  printf '<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body/></opml>\n' > "$dir/feeds.opml"
  local start end
  start=$(date +%s%N)
  (cd "$dir" && exec "$1" run --urls "http://127.0.0.1:$port" --Storage:Database="$dir/db.sqlite" \
      --Feeds:File="$dir/feeds.opml" --Publishing:OutputDirectory="$dir/public" >"$dir/log" 2>&1) &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/feed.atom"; do sleep 0.01; done
  end=$(date +%s%N)
  sleep "$IDLE"
  local rss
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$(pgrep -P "$pid" -f feedagg || echo "$pid")/status" 2>/dev/null || awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
  echo "$2 first-200 $(( (end - start) / 1000000 )) ms, idle RSS $((rss / 1024)) MB"
}

for round in $(seq "$ROUNDS"); do
  once "$1" new "$round"
  [ -n "${2:-}" ] && once "$2" baseline "$round"
done
