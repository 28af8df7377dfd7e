#!/usr/bin/env bash
# Mutation testing of one folder with Stryker.NET: how many deliberate small faults in that
# folder's code the tests catch. On demand, not in CI: minutes per folder on 2 cores.
#   tests/mutation.sh FOLDER [TESTS]
#     FOLDER: a stage under src/FeedAggregator (Refreshing, Fetching, Stories, Subscriptions, ...)
#             or Worker/Cli, Worker/Http, Worker/Jobs
#     TESTS:  the tests that judge the mutants, as a `dotnet test --filter` expression. By default
#             the folder's own test namespace (FeedAggregator.Tests.Parsing for Parsing, ...): a
#             mutant only those tests see counts as survived even if a slower end-to-end test
#             would catch it, so the score is a floor. "all" runs the whole suite (hours for a
#             big folder on 2 cores).
# RETEST=OLD-REPORT.json tests/mutation.sh FOLDER re-tests only the mutants that survived (or were
# not covered) in that earlier report, and counts every other mutant as it was then
# (tests/mutation-retest.py): for a run after tests were added, with the product unchanged.
# Needs the tool once: dotnet tool install -g dotnet-stryker --version 5.1.0
# Prints the folder's score and each file's; the HTML and JSON reports land in out/mutation/FOLDER.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
folder=${1:?usage: tests/mutation.sh FOLDER (Refreshing, Fetching, Worker/Cli, ...)}
case "$folder" in
  Worker/*) project=FeedAggregator.Worker.csproj; source=$ROOT/src/FeedAggregator.Worker/${folder#Worker/} ;;
  *) project=FeedAggregator.csproj; source=$ROOT/src/FeedAggregator/$folder ;;
esac
[ -d "$source" ] || { echo "mutation.sh: no folder $source" >&2; exit 2; }
tests=${2:-FullyQualifiedName~FeedAggregator.Tests.${folder//\//.}.}
filter=(); [ "$tests" = all ] || filter=(--test-case-filter "$tests")
STRYKER=$(command -v dotnet-stryker || echo "$HOME/.dotnet/tools/dotnet-stryker")
[ -x "$STRYKER" ] || { echo "mutation.sh: dotnet-stryker is not installed (dotnet tool install -g dotnet-stryker --version 5.1.0)" >&2; exit 2; }

out=$ROOT/out/mutation/${folder//\//-}
# The mutate glob is relative to the mutated project; only this folder's files are mutated.
mutate=(--mutate "**/${folder#Worker/}/**/*.cs")
if [ -n "${RETEST:-}" ]; then
  old=$(mktemp); cp "$RETEST" "$old"
  mutate=(); while read -r pattern; do mutate+=(--mutate "$pattern"); done \
    < <(python3 "$ROOT/tests/mutation-retest.py" spans "$old" "$ROOT/src/${project%.csproj}")
  [ ${#mutate[@]} -gt 0 ] || { echo "mutation.sh: $RETEST has no surviving mutants" >&2; exit 2; }
fi
rm -rf "$out"; mkdir -p "$out"
cd "$ROOT/tests/FeedAggregator.Tests"
"$STRYKER" --project "$project" "${mutate[@]}" --output "$out" \
  --reporter json --reporter html --reporter dots --concurrency 2 "${filter[@]}" >"$out/stryker.log" 2>&1 \
  || { tail -30 "$out/stryker.log"; exit 1; }
if [ -n "${RETEST:-}" ]; then
  mv "$out/reports/mutation-report.json" "$out/reports/retest-report.json"
  python3 "$ROOT/tests/mutation-retest.py" merge "$old" "$out/reports/retest-report.json" "$out/reports/mutation-report.json"
  rm -f "$old"
fi

# The score: killed (and timed out) over every mutant that ran; compile errors and ignored ones do not count.
python3 - "$out/reports/mutation-report.json" "$folder" <<'PY'
import json, sys, collections
report = json.load(open(sys.argv[1]))
detected, valid = {"Killed", "Timeout"}, {"Killed", "Timeout", "Survived", "NoCoverage"}
total = collections.Counter()
for path, f in sorted(report["files"].items()):
    c = collections.Counter(m["status"] for m in f["mutants"])
    k, n = sum(c[s] for s in detected), sum(c[s] for s in valid)
    total.update(c)
    if n:
        print(f"  {path.split('/')[-1]:32} {100 * k / n:5.1f}%  ({k}/{n}, {c['Survived']} survived, {c['NoCoverage']} not covered)")
k, n = sum(total[s] for s in detected), sum(total[s] for s in valid)
print(f"{sys.argv[2]}: mutation score {100 * k / max(n, 1):.1f}% ({k} of {n} mutants killed)")
PY
