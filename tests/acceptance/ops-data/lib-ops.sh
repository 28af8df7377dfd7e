# Helpers shared by metrics.sh and progress.sh (source after lib.sh): a local feed server and
# an OPML of its feeds, stopped on exit with the rest.

OPS_PIDS=()
ops_cleanup() {
  local pid
  for pid in "${OPS_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  cleanup
}
trap ops_cleanup EXIT

# start_feeds COUNT DELAY: COUNT feeds (plus one gone, one broken) on a loopback port; sets FEEDS_URL, FEEDS_OPML.
start_feeds() {
  local port
  port=$(free_port)
  "$PY" "$(dirname "${BASH_SOURCE[0]}")/feeds_server.py" "$port" "$2" >"$WORK/feeds-server.log" 2>&1 &
  OPS_PIDS+=($!)
  FEEDS_URL=http://127.0.0.1:$port
  FEEDS_OPML=$WORK/ops-feeds.opml
  { echo '<?xml version="1.0" encoding="utf-8"?><opml version="2.0"><head><title>ops</title></head><body>'
    for i in $(seq 1 "$1"); do echo "<outline type=\"rss\" text=\"Feed $i\" xmlUrl=\"$FEEDS_URL/feed/$i\"/>"; done
    echo "<outline type=\"rss\" text=\"Gone\" xmlUrl=\"$FEEDS_URL/gone/1\"/><outline type=\"rss\" text=\"Broken\" xmlUrl=\"$FEEDS_URL/broken/1\"/>"
    echo '</body></opml>'; } >"$FEEDS_OPML"
  for _ in $(seq 1 50); do curl -s -o /dev/null "$FEEDS_URL/feed/0" && return 0; sleep 0.1; done
  echo "the feed server on $FEEDS_URL did not start"; exit 1
}
