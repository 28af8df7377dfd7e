#!/usr/bin/python3
"""Serves FEEDS feeds over HOSTS loopback addresses (127.0.x.y) for the poll benchmark.

Feed i lives at http://127.0.<k/250>.<k%250+1>:PORT/feed/i with k = i % HOSTS. One feed in ten
(i % 10 == 0) returns 20 new items on every request; the others answer 304 to a request that
carries their ETag. Prints one line per status counted to STATS on SIGTERM.

Optional: DELAY_MS (5th argument) delays every response, as a far server does; LOG (6th) gets one
line per request as it is answered: "START_MS END_MS ADDRESS FEED STATUS AGENT" (the times in
Unix milliseconds, ADDRESS the loopback address asked, AGENT the User-Agent's last word). ITEMS (environment, default 20) items per body.

`feed_server.py opml FEEDS HOSTS PORT` prints the OPML subscription list of those feeds instead.
"""
import asyncio, os, random, signal, sys, time
from collections import Counter

def host(k): return f"127.0.{k // 250}.{k % 250 + 1}"

if sys.argv[1] == "opml":
    feeds, hosts, port = map(int, sys.argv[2:5])
    print('<?xml version="1.0" encoding="utf-8"?><opml version="2.0"><head><title>bench</title></head><body>')
    for i in range(feeds):
        print(f'<outline text="Feed {i}" xmlUrl="http://{host(i % hosts)}:{port}/feed/{i}"/>')
    print('</body></opml>')
    sys.exit(0)

FEEDS, HOSTS, PORT = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
STATS = sys.argv[4]
DELAY = int(sys.argv[5]) / 1000 if len(sys.argv) > 5 else 0
LOG = open(sys.argv[6], "a", buffering=1) if len(sys.argv) > 6 else None
ITEMS = int(os.environ.get("ITEMS", "20"))
counts = Counter()
serial = Counter()

# Every item gets its own text (40 words drawn from a 5,000-word vocabulary, seeded by the item),
# as distinct articles have: the cycle measures polling and storing, not a flood of near-copies
# for dedupe to group (DedupeBenchmarks measures that).
_syllables = ["ka", "lo", "mi", "ren", "tas", "vo", "shi", "dun", "pe", "rai", "mo", "lek", "zu", "bar", "ni"]
_vocabulary = ["".join(random.Random(w).choices(_syllables, k=3)) + str(w % 7) for w in range(5000)]

def text(i, n, j, words=40):
    return " ".join(random.Random(i * 1_000_003 + n * 1_009 + j).choices(_vocabulary, k=words))

def body(i, n):
    items = "".join(
        f"<item><title>{text(i, n, j, 8)}</title><link>http://example.test/{i}/{n}/{j}</link>"
        f"<guid>feed{i}-{n}-{j}</guid><pubDate>Sat, 01 Mar 2025 12:00:00 GMT</pubDate>"
        f"<description>{text(i, n, j)}.</description></item>" for j in range(ITEMS))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed {i}</title>'
            f"<link>http://example.test/{i}</link><description>d</description>{items}</channel></rss>").encode()

async def handle(reader, writer):
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            started = time.time()
            lines = head.decode("latin-1").split("\r\n")
            path = lines[0].split(" ")[1]
            headers = {l.split(":", 1)[0].lower(): l.split(":", 1)[1].strip() for l in lines[1:] if ":" in l}
            i = int(path.rsplit("/", 1)[1])
            etag = f'"v-{i}"'
            if i % 10 != 0 and headers.get("if-none-match") == etag:
                status, payload, extra = "304 Not Modified", b"", f"ETag: {etag}\r\n"
            else:
                serial[i] += 1
                status, payload = "200 OK", body(i, serial[i])
                extra = f"ETag: {etag}\r\nContent-Type: application/rss+xml\r\n" if i % 10 != 0 else "Content-Type: application/rss+xml\r\n"
            counts[status.split()[0] + (" ua" if headers.get("user-agent", "").startswith("FeedAggregator/") else " no-ua")] += 1
            if DELAY:
                await asyncio.sleep(DELAY)
            if LOG:
                LOG.write(f"{int(started * 1000)} {int(time.time() * 1000)} {writer.get_extra_info('sockname')[0]} {i} {status.split()[0]} {(headers.get('user-agent') or '-').split()[-1]}\n")
            writer.write(f"HTTP/1.1 {status}\r\n{extra}Content-Length: {len(payload)}\r\n\r\n".encode() + payload)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError, IndexError, ValueError):
        pass
    finally:
        writer.close()

async def main():
    server = await asyncio.start_server(handle, host=[host(k) for k in range(HOSTS)], port=PORT, backlog=1024)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    with open(STATS + ".ready", "w") as f: f.write("ready\n")
    await stop.wait()
    server.close()
    with open(STATS, "w") as f:
        for key, n in sorted(counts.items()): f.write(f"{key} {n}\n")

asyncio.run(main())
