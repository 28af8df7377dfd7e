#!/usr/bin/env bash
# Conformance: `feedagg parse --json` over feedparser's test corpus, scored by
# $SHARED/tools/conformance.py (needs ../shared beside the clone: without it the script is skipped
# and says so; with CI=true it fails).
# Targets, all enforced: simple >= 95%, text >= 90%, unsafe 0, missing 0.
source "$(dirname "$0")/lib.sh"

require shared:tools/conformance.py shared:corpus/feedparser

publish_worker
out=$("$PY" "$SHARED/tools/conformance.py" "$FEEDAGG")
echo "  $out"

pct() { sed -nE "s/.*$1 [0-9]+\/[0-9]+ \(([0-9.]+)%\).*/\1/p" <<<"$out"; }
simple=$(pct simple)
text=$(pct text)
unsafe=$(sed -nE 's/.*unsafe ([0-9]+).*/\1/p' <<<"$out")
missing=$(sed -nE 's/.*missing ([0-9]+);.*/\1/p' <<<"$out")

at_least() { awk -v a="${1:-0}" -v b="$2" 'BEGIN { exit !(a + 0 >= b + 0) }'; }
check "simple expectations ${simple:-?}% >= 95%" at_least "$simple" 95
check "text expectations ${text:-?}% >= 90%" at_least "$text" 90
check "unsafe documents ${unsafe:-?} = 0" test "${unsafe:-1}" -eq 0
check "missing documents ${missing:-?} = 0" test "${missing:-1}" -eq 0
finish
