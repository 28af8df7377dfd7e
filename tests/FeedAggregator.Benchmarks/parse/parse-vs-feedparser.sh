#!/usr/bin/env bash
# End-to-end `feedagg parse --json` against python feedparser on the same files, side by side in
# one hyperfine run. The corpus: ../shared/corpus/feedparser (when present; the script says so
# when it is not) plus feeds with realistic article HTML written by this project's generator.
#
# usage: tests/FeedAggregator.Benchmarks/parse/parse-vs-feedparser.sh [FEEDAGG [BASELINE]]
#   FEEDAGG   the published binary to time (default: publishes the worktree to a temp folder)
#   BASELINE  another binary timed in the same run, e.g. a publish of main before a change
# Environment: FEEDS, ENTRIES (generated corpus size; default 120 x 20), RUNS (default 3),
#              SHARED (default: ../shared beside the repository).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

FEEDAGG=${1:-}
if [ -z "$FEEDAGG" ]; then
  dotnet publish "$ROOT/src/FeedAggregator.Worker" -c Release -o "$WORK/feedagg" >/dev/null
  FEEDAGG=$WORK/feedagg/feedagg
fi
BASELINE=${2:-}

dotnet run -c Release --project "$ROOT/tests/FeedAggregator.Benchmarks" -- corpus "$WORK/generated" "${FEEDS:-120}" "${ENTRIES:-20}"
find "$WORK/generated" -type f | sort > "$WORK/files"
if [ -d "$SHARED/corpus/feedparser" ]; then
  find "$SHARED/corpus/feedparser" -type f \( -name '*.xml' -o -name '*.rdf' -o -name '*.json' \) | sort >> "$WORK/files"
else
  echo "note: $SHARED/corpus/feedparser is not here: timing the generated feeds only" >&2
fi
echo "corpus: $(wc -l < "$WORK/files") files, $(xargs -d "\n" cat < "$WORK/files" | wc -c) bytes"

# One command line per side; each reads every file once and prints one JSON line per file.
printf '%s' "$FEEDAGG parse --json" > "$WORK/feedagg.sh"
printf '%s' "/usr/bin/python3 $HERE/feedparser_driver.py" > "$WORK/python.sh"
for side in feedagg python; do
  tr '\n' ' ' < "$WORK/files" | sed "s#^#$(cat "$WORK/$side.sh") #; s#\$# > /dev/null#" > "$WORK/$side.sh"
done
commands=("bash $WORK/feedagg.sh" "bash $WORK/python.sh")
names=(-n "feedagg parse --json" -n "python feedparser")
if [ -n "$BASELINE" ]; then
  sed "s#^$FEEDAGG #$BASELINE #" "$WORK/feedagg.sh" > "$WORK/baseline.sh"
  commands+=("bash $WORK/baseline.sh")
  names+=(-n "baseline parse --json")
fi
hyperfine -w 1 -r "${RUNS:-3}" "${names[@]}" "${commands[@]}"
