#!/usr/bin/env bash
# Cycle wall time with 1, 2 and 3 poll workers (`feedagg run --Roles=poll`, shipped politeness:
# MaxConcurrency 8, 2 per host, MinHostGap 1 s) on one PostgreSQL database, on the latency-bound
# set: FEEDS (2,000) feeds on HOSTS (500) loopback addresses, every response delayed DELAY_MS
# (200 ms), 10% with 5 new items, the rest 304 (feed_server.py). A first cycle by one worker
# learns the validators; then, for each worker count, every feed is made due in the database and
# the cycle is timed from its first request to its last response (the server's log).
#   bash tests/FeedAggregator.Benchmarks/polling/cluster-bench.sh   (FEEDAGG_PUBLISHED=dir to reuse a build)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
source "$ROOT/tests/acceptance/pg-cluster.sh"
FEEDS=${FEEDS:-2000} HOSTS=${HOSTS:-500} DELAY_MS=${DELAY_MS:-200}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/feedagg-cluster-bench.XXXXXX")
SERVER="" OWN_PG="" PIDS=()
stop_workers() { for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done; PIDS=(); }
trap 'stop_workers; [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null; [ -n "$OWN_PG" ] && pg_cluster_stop; rm -rf "$WORK"' EXIT

if [ -n "${FEEDAGG_PUBLISHED:-}" ] && [ -x "$FEEDAGG_PUBLISHED/feedagg" ]; then APP=$FEEDAGG_PUBLISHED; else
  APP=$WORK/app
  dotnet publish "$ROOT/src/FeedAggregator.Worker" -c Release -o "$APP" --nologo -v quiet >"$WORK/publish.log" 2>&1 || { cat "$WORK/publish.log"; exit 1; }
fi
[ -n "${FEEDAGG_TEST_POSTGRES:-}" ] || { pg_cluster_start; OWN_PG=1; }
DB="feedagg_bench_$$"
CS=$(pg_cluster_createdb "$DB")
psql_db() { psql "$(pg_cluster_libpq | sed "s/dbname=[^ ]*/dbname=$DB/")" -tAX -c "$1"; }

PORT=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
/usr/bin/python3 "$HERE/feed_server.py" opml "$FEEDS" "$HOSTS" "$PORT" >"$WORK/feeds.opml"
LOG=$WORK/requests.log
ITEMS=5 /usr/bin/python3 "$HERE/feed_server.py" "$FEEDS" "$HOSTS" "$PORT" "$WORK/stats" "$DELAY_MS" "$LOG" &
SERVER=$!
for _ in $(seq 1 100); do [ -f "$WORK/stats.ready" ] && break; sleep 0.1; done
mkdir -p "$WORK/seeds"

workers() {  # N: starts N poll workers
  for n in $(seq 1 "$1"); do
    mkdir -p "$WORK/w$n"
    ( cd "$WORK/w$n" && Storage__ConnectionString="$CS" exec "$APP/feedagg" run --Roles=poll \
        --urls "http://127.0.0.1:$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')" \
        --Storage:Provider=postgres --Feeds:File="$WORK/feeds.opml" --Seeds:Directory="$WORK/seeds" \
        --Publishing:OutputDirectory="$WORK/w$n/public" --Polling:CheckEvery=00:00:05 --Retention:MaxAge=00:00:00 \
        --Logging:LogLevel:Default=Warning ) >>"$WORK/w$n.log" 2>&1 &
    PIDS+=($!)
  done
}
# Waits until LOG holds $1 lines and no request came for 3 s; prints the wall time of the lines after $2.
cycle() {
  local want=$1 from=$2
  for _ in $(seq 1 600); do
    [ "$(wc -l <"$LOG")" -ge "$want" ] && [ $(( $(date +%s%3N) - $(tail -1 "$LOG" | awk '{print $2}') )) -ge 3000 ] && break
    sleep 0.5
  done
  tail -n +"$((from + 1))" "$LOG" | awk 'NR==1 || $1 < s {s=$1} $2 > e {e=$2} END{printf "%.1f", (e - s) / 1000}'
}

echo "first cycle (1 worker, every feed new) ..."
workers 1
echo "  first cycle: $(cycle "$FEEDS" 0) s"
declare -A WALL
for n in 1 2 3; do
  stop_workers
  workers "$n"
  sleep 8   # started, and found nothing due
  from=$(wc -l <"$LOG")
  psql_db "UPDATE feeds SET next_poll_at = (extract(epoch FROM clock_timestamp()) * 1000)::bigint" >/dev/null
  WALL[$n]=$(cycle $((from + FEEDS)) "$from")
  echo "  $n worker(s): cycle of $FEEDS feeds in ${WALL[$n]} s ($(( $(wc -l <"$LOG") - from )) requests)"
done
stop_workers
echo "cluster-bench: 1 worker ${WALL[1]} s, 2 workers ${WALL[2]} s ($(echo "${WALL[2]} / ${WALL[1]}" | bc -l | cut -c1-4)x), 3 workers ${WALL[3]} s ($(echo "${WALL[3]} / ${WALL[1]}" | bc -l | cut -c1-4)x)"
