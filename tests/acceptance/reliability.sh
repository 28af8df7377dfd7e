#!/usr/bin/env bash
# Reliability, as a hostile tester would try it, on the real binary and loopback feeds only:
#   1. kill -9 ten times in the middle of ingest: the file passes integrity_check, no article is
#      doubled, and the run that completes stores every article;
#   2. SIGTERM during poll --once: the write under way finishes, the summary is printed, exit 143;
#   3. an empty OPML while the service runs: nothing deleted, /health says why, restoring the
#      file changes nothing;
#   4. a full disk (a small tmpfs; needs mount): poll --once exits 1 naming the file, /health is
#      503 with the reason, and the service recovers on its own when space returns;
#   5. markup-heavy feeds (16 MB of sibling tags, deep nesting, many entities): bounded time and
#      memory, cut with a warning on the feed's status, the other feeds stored;
#   6. two processes on one store, first on a new file (they race the migration and the OPML
#      sync), then forced on the same file: both exit 0 and no feed is fetched twice.
source "$(dirname "$0")/lib.sh"
require sqlite3 curl

FEEDS=120
PORT_FEEDS=$(free_port)
"$PY" "$(dirname "$0")/reliability-data/feed_server.py" "$PORT_FEEDS" "$WORK/requests.log" 3 &
BACKGROUND_PIDS+=($!)
FEEDS_BASE=http://127.0.0.1:$PORT_FEEDS
for _ in $(seq 1 50); do curl -s -o /dev/null "$FEEDS_BASE/feed/0" && break; sleep 0.1; done

# All feeds are on one loopback host: let them be fetched without the per-host gap.
FAST=(--Polling:MinHostGap=00:00:00 --Polling:MaxConcurrencyPerHost=16 --Polling:MaxConcurrency=16)
for i in $(seq 0 $((FEEDS - 1))); do echo "  <outline type=\"rss\" text=\"Feed $i\" xmlUrl=\"$FEEDS_BASE/feed/$i\"/>"; done | write_opml reliability.sh
publish_worker
prepare_content_root
DB=$STATE/feedaggregator.db
sql() { sqlite3 -batch -noheader "$1" "$2"; }

echo "-- 1. kill -9 during ingest"
feedagg seed >/dev/null
SEEDED=$(sql "$DB" "SELECT count(*) FROM articles")
requests() { grep -c '' "$WORK/requests.log" 2>/dev/null || echo 0; }
for round in $(seq 1 10); do
  # exec in the subshell: $! is feedagg itself, not a shell that would die in its place.
  before=$(requests)
  ( cd "$CONTENT_ROOT" && exec "$FEEDAGG" poll --once --force "${FAST[@]}" ) >/dev/null 2>&1 &
  pid=$!
  # Killed once fetching has begun, at a random point of the fetch-process-store stream.
  for _ in $(seq 1 200); do [ $(( $(requests) - before )) -ge 8 ] && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  sleep "0.$((RANDOM % 9))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "  kill $round: $(sql "$DB" 'SELECT count(*) FROM articles') articles stored"
done
stored_before_last=$(sql "$DB" "SELECT count(*) FROM articles")
echo "  after 10 kills: $stored_before_last articles stored"
last_exit=0
feedagg poll --once --force "${FAST[@]}" >"$WORK/after-kills.log" 2>&1 || last_exit=$?
check "a poll after the kills completes (exit 0)" test "$last_exit" = 0
check "the file passes integrity_check" test "$(sql "$DB" 'PRAGMA integrity_check')" = ok
check "no article is stored twice" test "$(sql "$DB" 'SELECT count(*) FROM (SELECT 1 FROM articles GROUP BY feed_id, key HAVING count(*) > 1)')" = 0
check "every article is stored ($((FEEDS * 20)) + the seeds)" test "$(sql "$DB" 'SELECT count(*) FROM articles')" = $((FEEDS * 20 + SEEDED))

echo "-- 2. SIGTERM during poll --once"
for i in $(seq 0 9); do echo "  <outline type=\"rss\" text=\"Slow $i\" xmlUrl=\"$FEEDS_BASE/slow/$i\"/>"; done >"$WORK/slow-outlines"
{ echo '<?xml version="1.0"?><opml version="2.0"><body>'; cat "$WORK/slow-outlines"; echo '</body></opml>'; } >"$CONTENT_ROOT/config/slow.opml"
SLOW=(--Storage:Database=data/slow.db --Feeds:File=config/slow.opml --Seeds:Directory=no-seeds --Polling:MinHostGap=00:00:00 --Polling:MaxConcurrencyPerHost=2)
( cd "$CONTENT_ROOT" && exec "$FEEDAGG" poll --once --force "${SLOW[@]}" ) >"$WORK/term.out" 2>"$WORK/term.err" &
pid=$!
# Two feeds answered (3 s each) and two more under way: polling has begun.
for _ in $(seq 1 100); do [ "$(grep -c '^/slow/' "$WORK/requests.log" 2>/dev/null || true)" -ge 4 ] && break; sleep 0.2; done
sleep 1
kill -TERM "$pid"
term_exit=0
wait "$pid" || term_exit=$?
check "poll --once stopped by SIGTERM exits 143" test "$term_exit" = 143
check "it prints its summary" grep -q "feeds polled" "$WORK/term.out"
check "it says how many feeds were not polled" grep -q "stopped by SIGTERM: [0-9]* of 10 feeds not polled" "$WORK/term.err"
check "the slow store passes integrity_check" test "$(sql "$STATE/slow.db" 'PRAGMA integrity_check')" = ok

echo "-- 3. an empty OPML while the service runs"
cp "$OPML" "$WORK/full.opml"
start_worker --Polling:CheckEvery=00:00:05 "${FAST[@]}"
articles=$(sql "$DB" "SELECT count(*) FROM articles")
echo '<?xml version="1.0"?><opml version="2.0"><head><title>empty</title></head><body/></opml>' >"$OPML"
health=""
for _ in $(seq 1 40); do
  health=$(curl -s "$BASE/health")
  grep -q 'OPML not applied' <<<"$health" && break
  sleep 0.5
done
check "/health says the OPML was not applied" grep -q 'OPML not applied: it would remove '"$FEEDS"' of the '"$FEEDS" <<<"$health"
check "no article was deleted" test "$(sql "$DB" 'SELECT count(*) FROM articles')" = "$articles"
check "no feed was marked removed" test "$(sql "$DB" 'SELECT count(*) FROM feeds WHERE removed_at IS NOT NULL')" = 0
check "the merged feed still has its entries" test "$(curl -s "$BASE/feed.atom" | grep -c '<entry')" -gt 10
cp "$WORK/full.opml" "$OPML"
for _ in $(seq 1 40); do curl -s "$BASE/health" | grep -q '"subscriptions":"ok"' && break; sleep 0.5; done
curl -s "$BASE/health" -o "$WORK/health.json"
check "restoring the file clears the warning on /health" grep -q '"subscriptions":"ok"' "$WORK/health.json"
check "every article is still there" test "$(sql "$DB" 'SELECT count(*) FROM articles')" = "$articles"
kill -TERM "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""

echo "-- 4. a full disk"
FULL=$WORK/full
mkdir -p "$FULL"
if mount -t tmpfs -o size=3m tmpfs "$FULL" 2>/dev/null; then
  BACKGROUND_UNMOUNT=$FULL
  trap 'umount "$BACKGROUND_UNMOUNT" 2>/dev/null || true; cleanup' EXIT
  ON_FULL=(--Storage:Database="$FULL/feeds.db" "${FAST[@]}")
  full_exit=0
  feedagg poll --once --force "${ON_FULL[@]}" >"$WORK/full.out" 2>"$WORK/full.err" || full_exit=$?
  check "poll --once on a full disk exits 1" test "$full_exit" = 1
  check "  ... and says the disk holding the database is full" grep -q "disk full: the disk holding $FULL/feeds.db is full" "$WORK/full.err"

  PORT=$(free_port); BASE=http://127.0.0.1:$PORT
  ( cd "$CONTENT_ROOT" && exec "$FEEDAGG" run --urls "$BASE" --Polling:CheckEvery=00:00:05 "${ON_FULL[@]}" ) >"$WORK/full-worker.log" 2>&1 &
  SERVER_PID=$!
  code=""
  for _ in $(seq 1 60); do
    code=$(curl -s -o "$WORK/full-health.json" -w '%{http_code}' "$BASE/health" || true)
    [ "$code" = 503 ] && break
    sleep 0.5
  done
  check "/health answers 503 while the disk is full" test "$code" = 503
  [ "$code" = 503 ] || { echo "    the service's log:"; tail -20 "$WORK/full-worker.log"; }
  check "  ... with the reason" grep -q 'store not writable: disk full' "$WORK/full-health.json"
  check "the service goes on serving the feed" curl -sf -o /dev/null "$BASE/feed.atom"
  mount -o remount,size=256m "$FULL"
  for _ in $(seq 1 120); do
    code=$(curl -s -o "$WORK/full-health.json" -w '%{http_code}' "$BASE/health" || true)
    [ "$code" = 200 ] && break
    sleep 0.5
  done
  check "/health is 200 again once there is space" test "$code" = 200
  for _ in $(seq 1 180); do
    [ "$(sql "$FULL/feeds.db" 'SELECT count(*) FROM articles')" -ge $((FEEDS * 20)) ] && break
    sleep 0.5
  done
  stored=$(sql "$FULL/feeds.db" 'SELECT count(*) FROM articles')
  check "the service stored every article after the disk was freed ($stored)" test "$stored" -ge $((FEEDS * 20))
  [ "$stored" -ge $((FEEDS * 20)) ] || { echo "    the service's log:"; grep -v ' info: ' "$WORK/full-worker.log" | tail -15; }
  kill -TERM "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
  umount "$FULL" 2>/dev/null || true
else
  skip "a full disk: this machine does not allow a tmpfs mount"
fi

echo "-- 5. markup-heavy feeds"
{ echo '<?xml version="1.0"?><opml version="2.0"><body>'
  for kind in siblings nested entities; do echo "<outline type=\"rss\" text=\"$kind\" xmlUrl=\"$FEEDS_BASE/heavy/$kind\"/>"; done
  for i in 0 1 2 3 4; do echo "<outline type=\"rss\" text=\"Feed $i\" xmlUrl=\"$FEEDS_BASE/feed/$i\"/>"; done
  echo '</body></opml>'; } >"$CONTENT_ROOT/config/heavy.opml"
HEAVY=(--Storage:Database=data/heavy.db --Feeds:File=config/heavy.opml --Seeds:Directory=no-seeds "${FAST[@]}")
heavy_exit=0
( cd "$CONTENT_ROOT" && /usr/bin/time -f "%e %M" -o "$WORK/heavy.time" "$FEEDAGG" poll --once --force "${HEAVY[@]}" ) \
  >"$WORK/heavy.out" 2>"$WORK/heavy.err" || heavy_exit=$?
read -r heavy_seconds heavy_kb <"$WORK/heavy.time"
echo "  poll --once over three markup-heavy feeds and five ordinary ones: ${heavy_seconds} s, $((heavy_kb / 1024)) MB peak"
check "it exits 0" test "$heavy_exit" = 0
check "it ends within 120 s" awk -v s="$heavy_seconds" 'BEGIN { exit !(s < 120) }'
check "its peak memory stays under 1 GB" test "$heavy_kb" -lt 1048576
check "the ordinary feeds are stored" test "$(sql "$STATE/heavy.db" "SELECT count(*) FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE f.url LIKE '%/feed/%'")" = 100
check "each heavy feed's other entry is stored" test "$(sql "$STATE/heavy.db" "SELECT count(*) FROM articles WHERE key LIKE '%after%'")" = 3
check "each heavy feed is ok with a warning that says what was cut" test "$(sql "$STATE/heavy.db" "SELECT count(*) FROM feeds WHERE url LIKE '%/heavy/%' AND status = 'ok' AND last_warning IS NOT NULL")" = 3
echo "  warnings: $(sql "$STATE/heavy.db" "SELECT group_concat(substr(last_warning, 1, 120), ' | ') FROM feeds WHERE url LIKE '%/heavy/%'")"

echo "-- 6. two processes on one store"
# Twelve hosts (127.0.0.2 to .13), four feeds each answered after 1 s: the two processes overlap
# for seconds, and each takes hosts the other has not.
PORT_TWO=$(free_port)
for h in $(seq 2 13); do
  "$PY" "$(dirname "$0")/reliability-data/feed_server.py" "$PORT_TWO" "$WORK/two-requests.log" 1 "127.0.0.$h" &
  BACKGROUND_PIDS+=($!)
done
for h in $(seq 2 13); do
  for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.$h:$PORT_TWO/feed/0" && break; sleep 0.1; done
done
: >"$WORK/two-requests.log"
{ echo '<?xml version="1.0"?><opml version="2.0"><body>'
  for h in $(seq 2 13); do
    for i in 0 1 2 3; do echo "<outline type=\"rss\" text=\"Host $h feed $i\" xmlUrl=\"http://127.0.0.$h:$PORT_TWO/slow/$((h * 10 + i))\"/>"; done
  done
  echo '</body></opml>'; } >"$CONTENT_ROOT/config/two.opml"
TWO=(--Storage:Database=data/two.db --Feeds:File=config/two.opml --Seeds:Directory=no-seeds
     --Polling:MinHostGap=00:00:00 --Polling:MaxConcurrencyPerHost=2 --Polling:MaxConcurrency=4)
# two_pollers [ARGS...]: two poll --once at the same moment; sets TWO_EXITS to their exit codes.
two_pollers() {
  ( cd "$CONTENT_ROOT" && exec "$FEEDAGG" poll --once "${TWO[@]}" "$@" ) >"$WORK/two-a.out" 2>&1 &
  local a=$!
  ( cd "$CONTENT_ROOT" && exec "$FEEDAGG" poll --once "${TWO[@]}" "$@" ) >"$WORK/two-b.out" 2>&1 &
  local b=$! ea=0 eb=0
  wait "$a" || ea=$?
  wait "$b" || eb=$?
  TWO_EXITS="$ea $eb"
  echo "  process A: $(tail -1 "$WORK/two-a.out")"
  echo "  process B: $(tail -1 "$WORK/two-b.out")"
}
fetched_most() { sort "$WORK/two-requests.log" | uniq -c | sort -rn | awk 'NR == 1 { print $1 }'; }
two_pollers
check "on a new file both exit 0 (got $TWO_EXITS)" test "$TWO_EXITS" = "0 0"
check "on a new file every feed is fetched once ($(grep -c '' "$WORK/two-requests.log") requests for 48 feeds)" \
  test "$(sort -u "$WORK/two-requests.log" | grep -c '')" = 48 -a "$(fetched_most)" = 1
check "every article is stored once" test "$(sql "$STATE/two.db" 'SELECT count(*) FROM articles')" = $((48 * 20))
two_pollers --force
check "forced on the same file both exit 0 (got $TWO_EXITS)" test "$TWO_EXITS" = "0 0"
check "forced, every feed is fetched once more ($(grep -c '' "$WORK/two-requests.log") requests in all)" \
  test "$(grep -c '' "$WORK/two-requests.log")" = 96 -a "$(fetched_most)" = 2
check "the file passes integrity_check, no article doubled" \
  test "$(sql "$STATE/two.db" 'PRAGMA integrity_check')/$(sql "$STATE/two.db" 'SELECT count(*) FROM articles')" = "ok/$((48 * 20))"

finish
