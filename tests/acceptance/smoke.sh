#!/usr/bin/env bash
# End to end on the real binary: publish, start from a scratch content root on a free loopback
# port, subscribed to three loopback feeds (one good, one 404, one refused), fetch the three
# feeds, validate the Atom (jing), read Atom and RSS with python3-feedparser, subscribe newsboat to
# /feed.atom, and run `poll --once`: exit 0, each failing feed recorded on its row.
source "$(dirname "$0")/lib.sh"

mkdir -p "$WORK/feeds"
cp "$(dirname "$0")/readers-data/tech.rss" "$WORK/feeds/tech.rss"
serve_dir "$WORK/feeds"
REFUSED_PORT=$(free_port)   # nothing listens there
write_opml smoke.sh <<OPML
  <outline type="rss" text="Loopback Tech" xmlUrl="$FEEDS_BASE/tech.rss"/>
  <outline type="rss" text="Missing" xmlUrl="$FEEDS_BASE/missing.rss"/>
  <outline type="rss" text="Refused" xmlUrl="http://127.0.0.1:$REFUSED_PORT/feed.rss"/>
OPML

publish_worker
start_worker
echo "smoke: the worker served /feed.atom ${STARTUP_MS} ms after start ($BASE)"

for f in feed.atom feed.rss feed.json; do
  check "GET /$f answers 200" curl -sf -o "$WORK/$f" "$BASE/$f"
done
curl -sf -o "$WORK/index.html" "$BASE/"
check "GET / is an HTML page with feed autodiscovery" grep -q 'rel="alternate"' "$WORK/index.html"
check "GET /health answers 200" curl -sf -o /dev/null "$BASE/health"
check "startup took under 10 s" test "$STARTUP_MS" -lt 10000

SEED_TITLE_START="اتفق وزير الخارجية الصيني"
check "the Atom holds the seed article" grep -q "$SEED_TITLE_START" "$WORK/feed.atom"
check "the seed article is marked Arabic" grep -q 'xml:lang="ar"' "$WORK/feed.atom"
check "the HTML page renders it right to left" grep -q 'dir="rtl"' "$WORK/index.html"

if need jing shared:schemas/atom.rnc; then
  check "the Atom is valid against RFC 4287 (jing)" jing -c "$SHARED/schemas/atom.rnc" "$WORK/feed.atom"
fi

for f in feed.atom feed.rss; do
  need feedparser || continue
  check "python3-feedparser reads $f with bozo 0 and the seed article" "$PY" - "$WORK/$f" "$SEED_TITLE_START" <<'PY'
import sys, feedparser
d = feedparser.parse(sys.argv[1])
ok = d.bozo == 0 and any(e.get("title", "").startswith(sys.argv[2]) for e in d.entries)
if not ok: print("    bozo:", d.bozo, d.get("bozo_exception"), "entries:", len(d.entries))
sys.exit(0 if ok else 1)
PY
done

check "/feed.json is JSON Feed 1.1 with items" "$PY" - "$WORK/feed.json" <<'PY'
import sys, json
d = json.load(open(sys.argv[1], encoding="utf-8"))
sys.exit(0 if d.get("version") == "https://jsonfeed.org/version/1.1" and len(d.get("items", [])) > 0 else 1)
PY

# newsboat, a real feed reader, subscribed to the merged feed.
if need newsboat sqlite3; then
  mkdir -p "$WORK/newsboat"
  echo "$BASE/feed.atom" >"$WORK/newsboat/urls"
  HOME="$WORK/newsboat" newsboat -u "$WORK/newsboat/urls" -c "$WORK/newsboat/cache.db" -C /dev/null -x reload >"$WORK/newsboat/out.log" 2>&1 || true
  check "newsboat shows the seed article" sh -c "sqlite3 '$WORK/newsboat/cache.db' 'SELECT title FROM rss_item' | grep -q '$SEED_TITLE_START'"
fi

# A conditional request gets a 304.
ETAG=$(curl -sfI "$BASE/feed.atom" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
check "a repeated request with the ETag gets 304" test "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $ETAG" "$BASE/feed.atom")" = 304

# poll --once on its own database: exit 0, the good feed stored, each failing feed recorded on its row.
set +e
feedagg poll --once --Storage:Database="$WORK/poll.db" --Publishing:OutputDirectory="$WORK/poll-public" >"$WORK/poll.out" 2>"$WORK/poll.err"
POLL_EXIT=$?
set -e
check "poll --once exits 0 although two feeds fail (got $POLL_EXIT)" test "$POLL_EXIT" -eq 0
check "poll --once reports 3 feeds polled, 2 failed" grep -q '^3 feeds polled, 2 failed, 2 new articles' "$WORK/poll.out"
check "poll --once wrote the three feed files" test -s "$WORK/poll-public/feed.atom" -a -s "$WORK/poll-public/feed.rss" -a -s "$WORK/poll-public/feed.json"
check "the polled feed's articles are in the written Atom" grep -q 'Kernel 9.1 released' "$WORK/poll-public/feed.atom"
feedagg feeds list --json --Storage:Database="$WORK/poll.db" >"$WORK/feeds.jsonl" 2>/dev/null
check "feeds list --json: the good feed ok, the 404 and the refused one in error with their cause" "$PY" - "$WORK/feeds.jsonl" <<'PY'
import sys, json
rows = {r["title"]: r for r in (json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip())}
ok = (len(rows) == 3 and all(r["last_polled"] for r in rows.values())
      and rows["Loopback Tech"]["status"] == "ok" and rows["Loopback Tech"]["articles"] == 2
      and rows["Missing"]["status"] == "error" and rows["Missing"]["last_http_status"] == 404
      and rows["Refused"]["status"] == "error" and rows["Refused"]["last_error"]
      and all(r["consecutive_errors"] == 1 for t, r in rows.items() if t != "Loopback Tech"))
if not ok: print("    rows:", rows)
sys.exit(0 if ok else 1)
PY
check "every subscribed feed is on loopback" only_loopback_feeds

# Start-up profiles (the runtime's multicore JIT, which does nothing on one core): a parse leaves
# its own profile in the cache folder, and the next parse makes it the verb's and plays it.
if [ "$(nproc)" -gt 1 ]; then
  for run in 1 2; do XDG_CACHE_HOME="$WORK/cache" feedagg parse "$WORK/feeds/tech.rss" >/dev/null; done
  check "a second parse made the first one's start-up profile the verb's" test -s "$WORK/cache/feedagg/parse.jitprofile"
fi

finish
