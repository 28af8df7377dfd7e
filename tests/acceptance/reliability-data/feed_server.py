#!/usr/bin/python3
"""The feeds of reliability.sh, on one loopback port. Every request is logged (one path a line).

  /feed/I          20 items, the same on every request, each with about 2 KB of its own text
  /slow/I          the same, answered after SLOW seconds
  /heavy/siblings  one item whose description is <b>x</b> 780,000 times (15.6 MB escaped)
  /heavy/nested    one item whose description nests 200,000 <div> elements
  /heavy/entities  one item whose description holds 1,500,000 character references

usage: feed_server.py PORT LOG [SLOW [ADDRESS]]   (ADDRESS: a loopback address, 127.0.0.1 by default)
"""
import random, sys, time
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
from xml.sax.saxutils import escape

PORT, LOG = int(sys.argv[1]), sys.argv[2]
SLOW = float(sys.argv[3]) if len(sys.argv) > 3 else 3.0
ADDRESS = sys.argv[4] if len(sys.argv) > 4 else "127.0.0.1"
_words = ["".join(random.Random(w).choices("abcdefghijklmnoprstuvwz", k=6)) for w in range(4000)]

def text(seed, words):
    return " ".join(random.Random(seed).choices(_words, k=words))

def rss(title, items):
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://example.test/{title}</link><description>d</description>{items}</channel></rss>").encode()

def feed(i):
    return rss(f"feed{i}", "".join(
        f"<item><title>{text(i * 100 + j, 8)}</title><link>http://example.test/{i}/{j}</link>"
        f"<guid>feed{i}-{j}</guid><pubDate>Sat, 01 Mar 2025 12:00:00 GMT</pubDate>"
        f"<description>{escape('<p>' + text(i * 100 + j + 7, 300) + '</p>')}</description></item>" for j in range(20)))

def heavy(kind):
    markup = {"siblings": "<b>x</b>" * 780_000,
              "nested": "<div>" * 200_000 + "deep" + "</div>" * 200_000,
              "entities": "&amp;&#233;&eacute;" * 500_000}[kind]
    second = "<item><title>After the heavy one</title><guid>after</guid><description>fine</description></item>"
    return rss(kind, f"<item><title>Heavy {kind}</title><guid>heavy</guid><description>{escape(markup)}</description></item>{second}")

cache = {}

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        with open(LOG, "a") as log:
            log.write(self.path + "\n")
        parts = self.path.strip("/").split("/")
        try:
            if parts[0] in ("feed", "slow"):
                if parts[0] == "slow":
                    time.sleep(SLOW)
                body = cache.setdefault(self.path, feed(int(parts[1])))
            elif parts[0] == "heavy":
                body = cache.setdefault(self.path, heavy(parts[1]))
            else:
                raise KeyError(self.path)
        except (KeyError, ValueError, IndexError):
            self.send_response(404); self.send_header("Content-Length", "0"); self.end_headers(); return
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client was killed: that is the test

    def log_message(self, *args):
        pass

ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer((ADDRESS, PORT), Handler).serve_forever()
