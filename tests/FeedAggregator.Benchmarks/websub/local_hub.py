"""A local WebSub hub and publisher for push-latency.sh (python3 standard library only).

Serves FEEDS Atom feeds at /feed/N.atom, each declaring this hub (rel="hub") and itself
(rel="self"); takes subscription requests at /hub (202, then verifies intent with a challenge
and a lease of a day, as WebSub 5.3 says). Once every feed is verified it publishes PUSHES new
entries, one at a time, round robin over the feeds: each is a signed fat ping (X-Hub-Signature
sha256 over the body, keyed with the subscriber's hub.secret) to the subscriber's callback, and the
time from the moment the hub starts sending it to the moment the entry's title is in the
subscriber's /feed.atom is one latency. Prints the figures and writes them to OUT as JSON.

usage: local_hub.py FEEDS PORT FEEDAGG_BASE PUSHES OUT
"""
import hashlib
import hmac
import json
import secrets
import sys
import threading
import time
import urllib.parse
import urllib.request
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FEEDS, PORT, FEEDAGG, PUSHES, OUT = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3].rstrip("/"), int(sys.argv[4]), sys.argv[5]
BASE = f"http://127.0.0.1:{PORT}"
verified = {}  # topic -> (callback, secret)
pending = {}
lock = threading.Lock()


def topic(n):
    return f"{BASE}/feed/{n}.atom"


def document(n, entries):
    items = "".join(
        f"<entry><id>urn:bench:{eid}</id><title>{title}</title><link href=\"{BASE}/posts/{eid}\"/>"
        f"<published>{when}</published><updated>{when}</updated><content type=\"html\">&lt;p&gt;{title}&lt;/p&gt;</content></entry>"
        for eid, title, when in entries)
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Bench feed {n}</title>'
            f'<id>{topic(n)}</id><link rel="self" href="{topic(n)}"/><link rel="hub" href="{BASE}/hub"/>'
            f'<updated>2026-01-01T00:00:00Z</updated>{items}</feed>').encode()


def verify(mode, top, callback, secret):
    time.sleep(0.05)
    challenge = secrets.token_hex(16)
    query = urllib.parse.urlencode({"hub.mode": mode, "hub.topic": top, "hub.challenge": challenge, "hub.lease_seconds": 86400})
    try:
        with urllib.request.urlopen(f"{callback}?{query}", timeout=10) as response:
            if response.status == 200 and response.read().decode() == challenge:
                with lock:
                    verified[top] = (callback, secret)
                return
    except OSError as error:
        print(f"hub: verification of {top} failed: {error}", file=sys.stderr)


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        parts = self.path.strip("/").split("/")
        if len(parts) == 2 and parts[0] == "feed" and parts[1].endswith(".atom"):
            n = int(parts[1][:-5])
            body = document(n, [(f"start-{n}", f"Start {n}", "2026-01-01T00:00:00Z")])
            self.send_response(200)
            self.send_header("Content-Type", "application/atom+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_error(404)

    def do_POST(self):
        if self.path != "/hub":
            self.send_error(404)
            return
        form = urllib.parse.parse_qs(self.rfile.read(int(self.headers.get("Content-Length", 0))).decode())
        mode, top, callback = form["hub.mode"][0], form["hub.topic"][0], form["hub.callback"][0]
        secret = form.get("hub.secret", [""])[0]
        self.send_response(202)
        self.send_header("Content-Length", "0")
        self.end_headers()
        threading.Thread(target=verify, args=(mode, top, callback, secret), daemon=True).start()


def push(n, k):
    callback, secret = verified[topic(n)]
    title = f"Pushed {k} {secrets.token_hex(4)}"
    when = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    body = document(n, [(f"push-{k}", title, when)])
    signature = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    request = urllib.request.Request(callback, data=body, method="POST", headers={
        "Content-Type": "application/atom+xml", "X-Hub-Signature": signature,
        "Link": f'<{BASE}/hub>; rel="hub", <{topic(n)}>; rel="self"'})
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=30) as response:
        status = response.status
    acknowledged = time.perf_counter() - start
    while True:
        with urllib.request.urlopen(f"{FEEDAGG}/feed.atom", timeout=30) as response:
            if title in response.read().decode():
                return status, acknowledged, time.perf_counter() - start
        if time.perf_counter() - start > 120:
            raise SystemExit(f"push {k} never reached /feed.atom")
        time.sleep(0.02)


def main():
    ThreadingHTTPServer.request_queue_size = 128  # the service polls every feed at once at start
    server = ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    open(OUT + ".ready", "w").close()
    deadline = time.time() + 300
    while len(verified) < FEEDS:
        if time.time() > deadline:
            raise SystemExit(f"only {len(verified)} of {FEEDS} subscriptions verified")
        time.sleep(0.2)
    print(f"hub: {FEEDS} subscriptions verified; pushing {PUSHES} entries")
    latencies, acks = [], []
    for k in range(PUSHES):
        status, ack, latency = push(k % FEEDS, k)
        if status // 100 != 2:
            raise SystemExit(f"push {k}: HTTP {status}")
        latencies.append(latency)
        acks.append(ack)
        time.sleep(0.2)
    ordered = sorted(latencies)
    p = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]
    figures = {"pushes": len(latencies), "p50": p(0.5), "p95": p(0.95), "max": ordered[-1],
               "mean": sum(latencies) / len(latencies), "ack_p95": sorted(acks)[min(len(acks) - 1, int(0.95 * len(acks)))]}
    print("publication at the hub -> entry in /feed.atom over {pushes} pushes: p50 {p50:.3f} s, p95 {p95:.3f} s, "
          "max {max:.3f} s, mean {mean:.3f} s (callback answered within {ack_p95:.3f} s at p95)".format(**figures))
    with open(OUT, "w") as out:
        json.dump({"figures": figures, "latencies": latencies}, out)
    server.shutdown()


main()
