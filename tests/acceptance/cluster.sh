#!/usr/bin/env bash
# Scale-out acceptance: three `feedagg run --Roles=poll` workers and one `--Roles=serve` node on
# one PostgreSQL database (a throwaway cluster from pg-cluster.sh, or FEEDAGG_TEST_POSTGRES's
# server), polling 2,000 feeds on 500 loopback addresses whose every response takes 200 ms
# (tests/FeedAggregator.Benchmarks/polling/feed_server.py, its request log the evidence).
#   cycle 1: every feed fetched, none twice; no host asked twice within MinHostGap (over the
#            whole run); no duplicate article.
#   cycle 2: every feed made due again in the database; one worker killed with SIGKILL in the middle: the feeds it held are polled by the
#            others within LeaseTimeout + CheckEvery, every feed is polled, nothing is lost, and
#            the serve node's /feed.atom shows the new articles.
# Skipped (and said so) when no PostgreSQL server binaries are installed and none is configured.
# FEEDAGG_PUBLISHED=dir reuses a published build.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/pg-cluster.sh"
HERE=$(cd "$(dirname "$0")" && pwd)
FEEDS=2000 HOSTS=500 DELAY_MS=200 CHECK_S=5 LEASE_S=10 GAP_MS=1000
SKIPS=0
PIDS=()
FEED_SERVER=""
OWN_PG=""

skip() { SKIPS=$((SKIPS + 1)); echo "  skip  $*"; }
summary() {
  echo "cluster.sh: $((CHECKS - FAILURES)) passed, $FAILURES failed, $SKIPS skipped"
  [ "$FAILURES" -eq 0 ]
}
cluster_cleanup() {
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -n "$FEED_SERVER" ] && kill -TERM "$FEED_SERVER" 2>/dev/null && wait "$FEED_SERVER" 2>/dev/null
  [ -n "$OWN_PG" ] && pg_cluster_stop
  if [ -n "${KEEP:-}" ]; then echo "kept $WORK"; return; fi
  cleanup
}
trap cluster_cleanup EXIT

if [ -z "${FEEDAGG_TEST_POSTGRES:-}" ]; then
  if ! pg_cluster_bindir >/dev/null 2>&1; then
    skip "no PostgreSQL (apt-get install -y postgresql, or set FEEDAGG_TEST_POSTGRES): the cluster checks did not run"
    summary; exit $?
  fi
  pg_cluster_start; OWN_PG=1
fi
DB="feedagg_cluster_$$"
CS=$(pg_cluster_createdb "$DB")
psql_db() { psql "$(pg_cluster_libpq | sed "s/dbname=[^ ]*/dbname=$DB/")" -tAX -c "$1"; }

publish_worker
PORT=$(free_port)
/usr/bin/python3 "$ROOT/tests/FeedAggregator.Benchmarks/polling/feed_server.py" opml "$FEEDS" "$HOSTS" "$PORT" >"$WORK/feeds.opml"
LOG=$WORK/requests.log
ITEMS=5 /usr/bin/python3 "$ROOT/tests/FeedAggregator.Benchmarks/polling/feed_server.py" "$FEEDS" "$HOSTS" "$PORT" "$WORK/stats" "$DELAY_MS" "$LOG" &
FEED_SERVER=$!
for _ in $(seq 1 100); do [ -f "$WORK/stats.ready" ] && break; sleep 0.1; done
mkdir -p "$WORK/seeds"

# node NAME ROLE: starts `feedagg run` on a free port; sets NODE_PID and NODE_URL.
node() {
  local name=$1 role=$2 port
  port=$(free_port)
  mkdir -p "$WORK/$name"
  ( cd "$WORK/$name" && Storage__ConnectionString="$CS" exec "$FEEDAGG" run --urls "http://127.0.0.1:$port" \
      --Roles="$role" --Fetching:UserAgent="FeedAggregator/cluster-test $name" --Storage:Provider=postgres --Feeds:File="$WORK/feeds.opml" --Seeds:Directory="$WORK/seeds" \
      --Publishing:OutputDirectory="$WORK/$name/public" --Polling:CheckEvery=00:00:0$CHECK_S --Polling:LeaseTimeout=00:00:$LEASE_S --Fetching:Timeout=00:00:05 \
      --Polling:MinHostGap=00:00:01 --Polling:MaxConcurrency=16 --Retention:MaxAge=00:00:00 \
      --Logging:LogLevel:Default=Warning --Logging:LogLevel:FeedAggregator.Storage.Postgres.PostgresMigrator=Information \
      --Logging:LogLevel:FeedAggregator.Worker.Jobs.ClusterNodeLoop=Information ) >"$WORK/$name.log" 2>&1 &
  NODE_PID=$!
  NODE_URL=http://127.0.0.1:$port
  PIDS+=("$NODE_PID")
}
wait_health() {  # URL PID
  for _ in $(seq 1 300); do curl -sf -o /dev/null "$1/health" && return 0; kill -0 "$2" 2>/dev/null || return 1; sleep 0.2; done
  return 1
}
requested_feeds() { awk '{print $4}' "$LOG" 2>/dev/null | sort -u | wc -l; }

echo "starting a serve node and three poll workers on one PostgreSQL database ..."
STARTED=$(date +%s%3N)
node serve serve; SERVE_PID=$NODE_PID SERVE_URL=$NODE_URL
WORKER_PIDS=() WORKER_URLS=()
for n in 1 2 3; do node "worker$n" poll; WORKER_PIDS+=("$NODE_PID"); WORKER_URLS+=("$NODE_URL"); done
up=1
wait_health "$SERVE_URL" "$SERVE_PID" || up=0
for n in 0 1 2; do wait_health "${WORKER_URLS[$n]}" "${WORKER_PIDS[$n]}" || up=0; done
check "four nodes started together on one database (migrated once, under the advisory lock)" test "$up" = 1
[ "$up" = 1 ] || { for f in "$WORK"/*.log; do echo "== $f"; tail -n 20 "$f"; done; summary; exit 1; }
check "the schema was migrated by exactly one node" \
  test "$(grep -l 'migrated the PostgreSQL database' "$WORK"/serve.log "$WORK"/worker*.log | wc -l)" = 1
check "a poll node serves no feed (Roles=poll)" test "$(curl -s -o /dev/null -w '%{http_code}' "${WORKER_URLS[0]}/feed.atom")" = 404

# Cycle 1: the first fetch of every feed.
for _ in $(seq 1 120); do [ "$(requested_feeds)" -ge "$FEEDS" ] && break; sleep 1; done
CYCLE1_MS=$(( $(awk '{print $2}' "$LOG" | sort -n | tail -1) - STARTED ))
sleep 3
check "cycle 1: every one of the $FEEDS feeds was fetched (in $((CYCLE1_MS / 1000)) s from the start)" test "$(requested_feeds)" -ge "$FEEDS"
check "cycle 1: no feed was fetched twice" test "$(awk '{print $4}' "$LOG" | sort | uniq -d | wc -l)" = 0
by_worker=$(for n in 1 2 3; do { grep -ho 'Polling: [0-9]* feeds polled' "$WORK/worker$n.log" || true; } | awk '{s+=$2} END{print s+0}'; done | paste -sd/)
echo "        feeds polled by worker 1/2/3: $by_worker"
for _ in $(seq 1 30); do [ "$(psql_db "SELECT count(*) FROM articles")" -ge $((FEEDS * 5)) ] && break; sleep 1; done
check "cycle 1: $((FEEDS * 5)) articles stored, none twice" \
  test "$(psql_db "SELECT count(*) || '/' || count(DISTINCT url) FROM articles")" = "$((FEEDS * 5))/$((FEEDS * 5))"

# Cycle 2: every feed made due again (as its interval passing would: the shortest is 5 minutes);
# one worker killed with SIGKILL in the middle of it.
psql_db "UPDATE feeds SET next_poll_at = (extract(epoch FROM clock_timestamp()) * 1000)::bigint" >/dev/null
echo "cycle 2 (every feed due again) ..."
for _ in $(seq 1 120); do [ "$(wc -l <"$LOG")" -ge $((FEEDS + 300)) ] && break; sleep 0.5; done
VICTIM=${WORKER_PIDS[0]}
now_ms() { echo "(extract(epoch FROM clock_timestamp()) * 1000)::bigint"; }
held_by_victim() { psql_db "SELECT count(*) FROM feeds WHERE lease_owner LIKE '%/$VICTIM/%' AND leased_until > $1"; }
HELD=$(held_by_victim "$(now_ms)")
psql_db "SELECT split_part(url, '/feed/', 2) FROM feeds WHERE lease_owner LIKE '%/$VICTIM/%' AND leased_until > $(now_ms)" | sort >"$WORK/victim.feeds"
{ kill -KILL "$VICTIM"; wait "$VICTIM"; } 2>/dev/null || true
KILLED=$(date +%s%3N)
echo "        killed worker 1 (pid $VICTIM) holding $HELD feeds, $(( $(wc -l <"$LOG") - FEEDS )) requests into cycle 2"
# Its leases expire after LeaseTimeout; the others, claiming at least every CheckEvery, take them.
sleep $((LEASE_S + CHECK_S + 2))
check "LeaseTimeout + CheckEvery (+2 s) after the kill, every feed it held is taken over by the others or polled" \
  test "$(held_by_victim "$KILLED")" = 0
for _ in $(seq 1 120); do
  [ "$(awk '{print $4}' "$LOG" | sort | uniq -c | awk '$1 >= 2' | wc -l)" -ge "$FEEDS" ] && break; sleep 1
done
sleep 2
check "cycle 2: every feed was fetched again" \
  test "$(awk '{print $4}' "$LOG" | sort | uniq -c | awk '$1 >= 2' | wc -l)" -ge "$FEEDS"
check "cycle 2: no feed the killed worker did not hold was fetched twice" \
  test "$(awk 'NR==FNR{held[$1]=1; next} !($4 in held){n[$4]++} END{c=0; for (f in n) if (n[f] > 2) c++; print c}' "$WORK/victim.feeds" "$LOG")" = 0
# When its feeds were fetched: the last of them, by another worker, after the kill.
LATEST=$(awk -v killed="$KILLED" 'NR==FNR{held[$1]=1; next} ($4 in held) && $1 >= killed {if (!($4 in first)) first[$4]=$1}
  END{m=0; for (f in first) if (first[f] - killed > m) m=first[f] - killed; print m}' "$WORK/victim.feeds" "$LOG")
echo "        the last of its feeds was fetched by another worker $((LATEST / 1000)).$((LATEST % 1000 / 100)) s after the kill"
check "no lease is left to the dead worker" \
  test "$(psql_db "SELECT count(*) FROM feeds WHERE lease_owner LIKE '%/$VICTIM/%' AND leased_until > (extract(epoch FROM clock_timestamp()) * 1000)::bigint")" = 0
for _ in $(seq 1 30); do
  [ "$(psql_db "SELECT count(DISTINCT split_part(url, '/', 4)) FROM articles WHERE split_part(url, '/', 5)::int >= 2")" -ge $((FEEDS / 10)) ] && break; sleep 1
done
check "nothing lost: the new articles of all $((FEEDS / 10)) changing feeds are stored" \
  test "$(psql_db "SELECT count(DISTINCT split_part(url, '/', 4)) FROM articles WHERE split_part(url, '/', 5)::int >= 2")" -ge $((FEEDS / 10))
check "no duplicate article" test "$(psql_db "SELECT count(*) - count(DISTINCT url) FROM articles")" = 0

# Politeness across the cluster, over the whole run: per address, request starts MinHostGap apart,
# as the server read them (each worker names itself in its User-Agent). Between two workers the
# gap goes through the database (a host is given back with its next allowed start): 30 ms of
# slack. Within one worker the gap is kept between dispatches, and on this loaded 2-core machine
# a dispatched request can wait a few hundred ms before it is sent: 300 ms of slack there.
closest() {  # same|other: the closest two requests to one address by the same or by two workers
  sort -k3,3 -k1,1n "$LOG" | awk -v want="$1" '$3 == h && (($6 == w) == (want == "same")) {d = $1 - p; if (m == "" || d < m) m = d}
    {h = $3; p = $1; w = $6} END{print (m == "" ? 99999 : m)}'
}
CROSS=$(closest other) OWN=$(closest same)
check "no host was asked by two workers within MinHostGap (closest: $CROSS ms)" test "$CROSS" -ge $((GAP_MS - 30))
check "no host was asked twice by one worker within MinHostGap less 300 ms (closest: $OWN ms)" test "$OWN" -ge $((GAP_MS - 300))

# Serving: the serve node's own cache follows the store version within a CheckEvery or so.
served=0
for _ in $(seq 1 30); do
  curl -sf "$SERVE_URL/feed.atom" | grep -Eq 'example\.test/[0-9]+/[2-9]/' && { served=1; break; }; sleep 1
done
check "the serve node's /feed.atom shows the new articles" test "$served" = 1
echo "        requests: $(wc -l <"$LOG") in $(( ($(date +%s%3N) - STARTED) / 1000 )) s"
summary
