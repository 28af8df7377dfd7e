#!/usr/bin/env bash
# Peak memory of `feedagg parse --json` on one large feed (the generator's realistic entries,
# 2,200 of them: about 16 MB) against the same binary on a small feed of the same kind (20
# entries, 140 KB: enough to load every path of the sanitizer, whose code is about 16 MB of the
# process whatever the size): the issue's measure is the difference, as a multiple of the
# document's size. Binaries are run alternately, RUNS times.
#
# usage: tests/FeedAggregator.Benchmarks/parse/big-feed-peak.sh FEEDAGG [BASELINE]
# Environment: ENTRIES (default 2200), SMALL_ENTRIES (default 20), RUNS (default 3).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

dotnet run -c Release --project "$ROOT/tests/FeedAggregator.Benchmarks" -- corpus "$WORK/big" 1 "${ENTRIES:-2200}" >/dev/null
dotnet run -c Release --project "$ROOT/tests/FeedAggregator.Benchmarks" -- corpus "$WORK/small" 1 "${SMALL_ENTRIES:-20}" >/dev/null
big=$(find "$WORK/big" -type f | head -1)
small=$(find "$WORK/small" -type f | head -1)
size=$(stat -c %s "$big")
echo "large feed: $size bytes; small feed: $(stat -c %s "$small") bytes"

peak() { # BINARY FILE -> peak RSS in KB
  /usr/bin/time -f %M -o "$WORK/time" "$1" parse --json "$2" > "$WORK/out.json"
  cat "$WORK/time"
}

for round in $(seq "${RUNS:-3}"); do
  for binary in "$@"; do
    large_kb=$(peak "$binary" "$big")
    small_kb=$(peak "$binary" "$small")
    awk -v b="$binary" -v l="$large_kb" -v s="$small_kb" -v z="$size" 'BEGIN {
      printf "%s: large %.0f MB, small %.0f MB, above the small run %.0f MB = %.1fx the document\n",
        b, l / 1024, s / 1024, (l - s) / 1024, (l - s) * 1024 / z }'
  done
done
