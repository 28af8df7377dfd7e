#!/usr/bin/env bash
# Operations on the real binary: a real Prometheus scrapes a running feedagg for 30 s and its HTTP
# API shows poll counters above 0 and the target up; backup while the service runs passes
# integrity_check and restore is refused; Logging:Format=json writes one JSON object per line.
# Everything is on loopback (a local feed server); nothing reaches the internet.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/ops-data/lib-ops.sh"

require prometheus sqlite3
publish_worker
start_feeds 20 0.05
DB=$WORK/ops/feedaggregator.db
mkdir -p "$WORK/ops"
OVERRIDES=(--Storage:Database="$DB" --Publishing:OutputDirectory="$WORK/ops/public" --Feeds:File="$FEEDS_OPML"
  --Polling:MinHostGap=00:00:00 --Polling:MaxConcurrencyPerHost=4 --Logging:Format=json)
start_worker "${OVERRIDES[@]}"

# Prometheus, scraping every second for 30 s.
PROM_PORT=$(free_port)
cat >"$WORK/prometheus.yml" <<YML
global: { scrape_interval: 1s, evaluation_interval: 5s }
scrape_configs:
  - job_name: feedagg
    metrics_path: /metrics
    static_configs: [ { targets: ["127.0.0.1:$PORT"] } ]
YML
prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/prometheus" \
  --web.listen-address="127.0.0.1:$PROM_PORT" >"$WORK/prometheus.log" 2>&1 &
OPS_PIDS+=($!)

# While it scrapes: a backup of the running service, and a restore it refuses.
sleep 3
check "backup while the service runs exits 0" "$FEEDAGG" backup "$WORK/backup.db" "${OVERRIDES[@]}"
check "the backup passes integrity_check (sqlite3)" test "$(sqlite3 "$WORK/backup.db" 'PRAGMA integrity_check')" = ok
check "the backup holds the feeds" test "$(sqlite3 "$WORK/backup.db" 'SELECT count(*) FROM feeds')" -ge 22
set +e
"$FEEDAGG" restore "$WORK/backup.db" "${OVERRIDES[@]}" >"$WORK/restore.out" 2>"$WORK/restore.err"
RESTORE_EXIT=$?
set -e
check "restore is refused while the service runs (exit $RESTORE_EXIT)" test "$RESTORE_EXIT" -eq 1
check "restore says the service holds the database" grep -q "in use by the service" "$WORK/restore.err"

sleep 27
query() { curl -sf --get "http://127.0.0.1:$PROM_PORT/api/v1/query" --data-urlencode "query=$1" | "$PY" -c '
import sys, json
r = json.load(sys.stdin)["data"]["result"]
print(r[0]["value"][1] if r else "none")'; }
POLLS=$(query 'sum(feedagg_polls_total{job="feedagg"})')
UP=$(query 'up{job="feedagg"}')
NEW=$(query 'sum(feedagg_articles_total{job="feedagg",change="new"})')
SAMPLES=$(query 'count_over_time(up{job="feedagg"}[1m])')
echo "  prometheus: polls $POLLS, up $UP, new articles $NEW, scrapes $SAMPLES"
check "Prometheus sees poll counters above 0" "$PY" -c "import sys; sys.exit(0 if float('$POLLS'.replace('none','0')) > 0 else 1)"
check "Prometheus sees the target up" test "$UP" = 1
check "Prometheus sees the new articles (20 feeds x 3)" test "$NEW" = 60
check "Prometheus scraped it for the whole 30 s (at least 15 scrapes)" "$PY" -c "import sys; sys.exit(0 if float('$SAMPLES'.replace('none','0')) >= 15 else 1)"
check "the gone and broken feeds are counted by outcome" test "$(query 'sum(feedagg_polls_total{outcome=~"gone|error"})')" = 2

check "Logging:Format=json: every log line is a JSON object, the failures with FeedUrl, FeedId and HttpStatus" "$PY" - "$WORK/worker.log" <<'PY'
import sys, json
lines = [l for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
objects = [json.loads(l) for l in lines]
failed = [o for o in objects if o["State"].get("HttpStatus") == 500]
ok = len(objects) > 0 and len(failed) >= 1 and all(k in failed[0]["State"] for k in ("FeedUrl", "FeedId"))
if not ok: print("   ", lines[:3])
sys.exit(0 if ok else 1)
PY

finish
