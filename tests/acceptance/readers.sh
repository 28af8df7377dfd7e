#!/usr/bin/env bash
# Every reader accepts the merged feed: the published worker polls two local fixture feeds
# (readers-data/, served on loopback) besides the seed corpus, then jing validates the Atom,
# python3-feedparser reads Atom and RSS (bozo 0, the JSON Feed's titles and links in its order),
# newsboat reads Atom and RSS (every item, Arabic intact), conditional requests get 304, and
# headless Chromium renders / and /status to screenshots (in $FEEDAGG_ARTIFACTS, default out/acceptance).
# A missing tool (jing with ../shared/schemas/atom.rnc, feedparser, newsboat, Chromium) skips its
# checks, and says so; with CI=true it fails them.
source "$(dirname "$0")/lib.sh"
DATA=$(cd "$(dirname "$0")/readers-data" && pwd)
ARTIFACTS=${FEEDAGG_ARTIFACTS:-$ROOT/out/acceptance}
mkdir -p "$ARTIFACTS"

# The source feeds, on a loopback port of their own.
serve_dir "$DATA"
write_opml readers.sh <<OPML
  <outline text="Tech"><outline type="rss" text="Loopback Tech" xmlUrl="$FEEDS_BASE/tech.rss"/></outline>
  <outline text="World"><outline type="rss" text="Loopback World" xmlUrl="$FEEDS_BASE/world.json"/></outline>
OPML

publish_worker
start_worker --Polling:CheckEvery=00:00:05
for _ in $(seq 1 100); do
  curl -sf "$BASE/feed.json" | grep -q "Markets close higher" && break
  sleep 0.2
done

for f in feed.atom feed.rss feed.json; do
  check "GET /$f answers 200" curl -sf -o "$WORK/$f" "$BASE/$f"
done
check "the merged feed holds the seed and both fixture feeds (5 items)" "$PY" - "$WORK/feed.json" <<'PY'
import sys, json
items = json.load(open(sys.argv[1], encoding="utf-8"))["items"]
sys.exit(0 if len(items) == 5 else (print("    items:", [i["title"] for i in items]) or 1))
PY

if need jing shared:schemas/atom.rnc; then
  check "jing: the Atom is valid against RFC 4287" jing -c "$SHARED/schemas/atom.rnc" "$WORK/feed.atom"
  curl -sf -o "$WORK/filtered.atom" "$BASE/feed.atom?category=Tech&limit=1"
  check "jing: a filtered, paged Atom view is valid too" jing -c "$SHARED/schemas/atom.rnc" "$WORK/filtered.atom"
fi

for f in feed.atom feed.rss; do
  need feedparser || continue
  check "feedparser: $f has bozo 0 and the JSON Feed's titles and links in order" "$PY" - "$WORK/$f" "$WORK/feed.json" <<'PY'
import sys, json, feedparser
d = feedparser.parse(sys.argv[1])
j = json.load(open(sys.argv[2], encoding="utf-8"))
# An item without a link (the seed) gets feedparser's fallback for Atom: its id.
got = [(e.get("title"), None if e.get("link") in (None, e.get("id")) else e.get("link")) for e in d.entries]
want = [(i["title"], i.get("url")) for i in j["items"]]
ok = d.bozo == 0 and got == want
if not ok: print("    bozo:", d.bozo, d.get("bozo_exception"), "\n    got: ", got, "\n    want:", want)
sys.exit(0 if ok else 1)
PY
done

need feedparser && check "feedparser: every Atom entry has its source and a tag: id; the Arabic one is rtl" "$PY" - "$WORK/feed.atom" <<'PY'
import sys, feedparser
d = feedparser.parse(sys.argv[1])
ok = all(e.get("source", {}).get("title") and e.id.startswith("tag:") for e in d.entries)
ar = [e for e in d.entries if e.title.startswith("قمة")]
ok = ok and len(ar) == 1 and 'dir="rtl"' in ar[0].content[0].value
sys.exit(0 if ok else 1)
PY
check "control characters from the source are gone from every format" \
  sh -c "! grep -qP '[\x01\x0b]' '$WORK/feed.atom' '$WORK/feed.rss' && ! grep -qiE '\\\\u000[1b]' '$WORK/feed.json'"

# newsboat, a real reader, on Atom and on RSS.
for f in feed.atom feed.rss; do
  need newsboat sqlite3 || continue
  nb=$WORK/newsboat-$f
  mkdir -p "$nb"
  echo "$BASE/$f" >"$nb/urls"
  HOME="$nb" newsboat -u "$nb/urls" -c "$nb/cache.db" -C /dev/null -x reload >"$nb/out.log" 2>&1 || true
  sqlite3 "$nb/cache.db" 'SELECT title FROM rss_item' >"$nb/titles" 2>/dev/null || true
  check "newsboat reads every $f item, the Arabic title intact" "$PY" - "$nb/titles" "$WORK/feed.json" <<'PY'
import sys, json
got = set(open(sys.argv[1], encoding="utf-8").read().splitlines())
want = {i["title"] for i in json.load(open(sys.argv[2], encoding="utf-8"))["items"]}
ok = want <= got and "قمة في القاهرة حول المناخ" in got
if not ok: print("    missing:", want - got)
sys.exit(0 if ok else 1)
PY
done

# HTTP: validators, 304, HEAD, compression, cache lifetime.
ETAG=$(curl -sfI "$BASE/feed.atom" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
LASTMOD=$(curl -sfI "$BASE/feed.atom" | tr -d '\r' | awk -F': ' 'tolower($1)=="last-modified"{print $2}')
check "a repeated request with the ETag gets 304" test "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $ETAG" "$BASE/feed.atom")" = 304
check "a repeated request with If-Modified-Since gets 304" test "$(curl -s -o /dev/null -w '%{http_code}' -H "If-Modified-Since: $LASTMOD" "$BASE/feed.atom")" = 304
check "HEAD answers 200 with the headers and no body" sh -c "curl -sfI '$BASE/feed.rss' | grep -qi '^content-type: application/rss+xml; charset=utf-8'"
check "gzip: decompresses to the same bytes" sh -c "curl -sf -H 'Accept-Encoding: gzip' '$BASE/feed.atom' | gunzip | cmp -s - '$WORK/feed.atom'"
check "br: served Brotli-compressed" sh -c "curl -sfI -H 'Accept-Encoding: br' '$BASE/feed.atom' | grep -qi '^content-encoding: br'"
check "Cache-Control max-age follows Polling:CheckEvery" sh -c "curl -sfI '$BASE/feed.atom' | grep -qi '^cache-control: public, max-age=5'"

# Views: filters, per-category feeds, paging, limits.
check "?lang=ar holds only the Arabic items" sh -c "curl -sf '$BASE/feed.json?lang=ar' | $PY -c 'import sys,json; i=json.load(sys.stdin)[\"items\"]; sys.exit(0 if i and all(x.get(\"language\")==\"ar\" for x in i) else 1)'"
check "?q= searches the text (FTS5)" sh -c "curl -sf '$BASE/feed.rss?q=scheduler' | grep -c '<item>' | grep -qx 1"
check "/category/Tech/feed.atom equals ?category=Tech" sh -c "test \"\$(curl -sf '$BASE/category/Tech/feed.atom' | grep -c '<entry')\" = 2"
check "?source= by feed title" sh -c "curl -sf '$BASE/feed.json?source=Loopback%20World' | grep -q 'Markets close higher'"
check "paging: limit=2 links rel=next, page 3 is the last" sh -c "curl -sf '$BASE/feed.atom?limit=2' | grep -q 'rel=\"next\" href=\"$BASE/feed.atom?limit=2&amp;page=2\"' && curl -sf '$BASE/feed.atom?limit=2' | grep -q 'rel=\"last\" href=\"$BASE/feed.atom?limit=2&amp;page=3\"'"
check "?limit=501 is a 400 with a message" sh -c "curl -s '$BASE/feed.atom?limit=501' | grep -q 'from 1 to 500' && test \"\$(curl -s -o /dev/null -w '%{http_code}' '$BASE/feed.atom?limit=501')\" = 400"

# Files.
for f in feed.atom feed.rss feed.json index.html; do
  check "$f is written to Publishing:OutputDirectory" test -s "$STATE/public/$f"
done

# The pages in a real browser: no JavaScript needed, the Arabic article right to left.
if need chromium; then
  CHROME=$(command -v chromium || command -v chromium-browser)
  chrome() { timeout 60 "$CHROME" --headless --no-sandbox --disable-gpu --disable-background-networking \
      --disable-component-update --disable-sync --no-first-run --user-data-dir="$(mktemp -d "$WORK/chrome.XXXXXX")" "$@" 2>>"$WORK/chrome.log"; }
  chrome --window-size=1100,1600 --screenshot="$ARTIFACTS/river.png" "$BASE/" >/dev/null || true
  chrome --window-size=1300,900 --screenshot="$ARTIFACTS/status.png" "$BASE/status" >/dev/null || true
  check "Chromium screenshots / ($ARTIFACTS/river.png)" sh -c "test \"\$(head -c 8 '$ARTIFACTS/river.png' | od -An -tx1 | tr -d ' ')\" = 89504e470d0a1a0a"
  check "Chromium screenshots /status ($ARTIFACTS/status.png)" test -s "$ARTIFACTS/status.png"
  chrome --dump-dom "$BASE/" >"$WORK/river.dom" || true
  check "Chromium: the river shows the Arabic article right to left" grep -q '<article lang="ar" dir="rtl">' "$WORK/river.dom"
  chrome --dump-dom "$BASE/status" >"$WORK/status.dom" || true
  check "Chromium: /status lists both fixture feeds with their article counts" \
    sh -c "grep -q 'Loopback Tech' '$WORK/status.dom' && grep -q 'Loopback World' '$WORK/status.dom' && grep -q '<td>2</td>' '$WORK/status.dom'"
fi

finish
