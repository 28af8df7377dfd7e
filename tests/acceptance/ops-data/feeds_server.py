#!/usr/bin/python3
"""Serves COUNT small RSS feeds on 127.0.0.1:PORT at /feed/N, each answer DELAY seconds late (so a
poll takes long enough to watch). /gone/N answers 410, /broken/N 500. For the operations scripts."""
import sys, time
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler

PORT, DELAY = int(sys.argv[1]), float(sys.argv[2])

class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        time.sleep(DELAY)
        kind, _, n = self.path.strip("/").partition("/")
        if kind == "gone":
            self.send_response(410); self.end_headers(); return
        if kind != "feed":
            self.send_response(500); self.end_headers(); return
        items = "".join(f"<item><title>Item {n}.{j}</title><link>http://127.0.0.1:{PORT}/a/{n}/{j}</link>"
                        f"<description>Article {j} of feed {n}, served for the operations checks.</description></item>"
                        for j in range(3))
        body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {n}</title>'
                f"<link>http://127.0.0.1:{PORT}/</link><description>d</description>{items}</channel></rss>").encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass

class Server(ThreadingHTTPServer):
    request_queue_size = 256  # the default backlog (5) refuses connections when a poll opens many at once
    daemon_threads = True

Server(("127.0.0.1", PORT), Handler).serve_forever()
