#!/usr/bin/env python3
"""The reference side of parse-vs-feedparser.sh: python feedparser over the same files as
`feedagg parse --json`, printing one JSON line per input with the same fields (title, link,
entries with id, title, link, dates, authors, summary, content, categories, enclosures)."""
import json, sys, time
import feedparser

def iso(t):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", t) if t else None

def entry(e):
    content = e.get("content") or []
    return {
        "id": e.get("id"), "title": e.get("title"), "link": e.get("link"),
        "published": iso(e.get("published_parsed")), "updated": iso(e.get("updated_parsed")),
        "authors": [a.get("name") for a in e.get("authors", []) if a.get("name")],
        "summary": e.get("summary", ""), "content": content[0].get("value", "") if content else "",
        "categories": [t.get("term") for t in e.get("tags", [])],
        "enclosures": [{"url": x.get("href"), "type": x.get("type"), "length": x.get("length")} for x in e.get("enclosures", [])],
    }

out = sys.stdout
for path in sys.argv[1:]:
    try:
        d = feedparser.parse(path)
    except Exception as error:  # feedparser's own HTML helpers assert on some hostile documents
        out.write(json.dumps({"source": path, "ok": False, "error": repr(error)}) + "\n")
        continue
    if not d.get("version") and not d.entries:
        out.write(json.dumps({"source": path, "ok": False, "error": str(d.get("bozo_exception"))}, ensure_ascii=False) + "\n")
        continue
    f = d.feed
    out.write(json.dumps({"source": path, "ok": True, "format": d.get("version"), "title": f.get("title"),
                          "link": f.get("link"), "language": f.get("language"),
                          "entries": [entry(e) for e in d.entries]}, ensure_ascii=False) + "\n")
