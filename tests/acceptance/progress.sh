#!/usr/bin/env bash
# Progress of long verbs on the real binary: `poll --once` in a tmux pane shows a live bar whose
# count advances (capture-pane, as a screenshot would), with the errors above it and the summary
# below; through a pipe it prints one plain line per feed and no escape codes; --quiet prints only
# the errors. Feeds are served on loopback, each answer 0.15 s late so the bar has time to move.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/ops-data/lib-ops.sh"

require tmux
publish_worker
start_feeds 40 0.15
TOTAL=42
run_args() { echo "--Storage:Database=$WORK/$1.db --Publishing:OutputDirectory=$WORK/$1-public --Feeds:File=$FEEDS_OPML --Polling:MinHostGap=00:00:00 --Polling:MaxConcurrencyPerHost=2"; }

# The terminal: a private tmux server, a 120x30 pane.
TMUX_SOCKET=feedagg-progress-$$
tmux_() { TERM=xterm-256color tmux -L "$TMUX_SOCKET" "$@"; }
trap 'tmux_ kill-server 2>/dev/null || true; ops_cleanup' EXIT
tmux_ new-session -d -s poll -x 120 -y 30 "$FEEDAGG poll --once $(run_args tty); echo FEEDAGG-DONE; sleep 120"
SEEN=()
for _ in $(seq 1 200); do
  SCREEN=$(tmux_ capture-pane -p -t poll)
  COUNT=$(grep -oE "[0-9]+/$TOTAL feeds" <<<"$SCREEN" | tail -1 | cut -d/ -f1 || true)
  [ -n "$COUNT" ] && SEEN+=("$COUNT")
  grep -q FEEDAGG-DONE <<<"$SCREEN" && break
  sleep 0.3
done
echo "$SCREEN" | grep -v '^$' | sed 's/^/    | /'
DISTINCT=$(printf '%s\n' "${SEEN[@]}" | sort -un | awk -v t=$TOTAL '$1 > 0 && $1 < t' | wc -l)
check "the bar advanced: $DISTINCT distinct counts between 0 and $TOTAL were on screen" test "$DISTINCT" -ge 2
check "the bar ends at $TOTAL/$TOTAL with 2 errors" grep -qE "100% +$TOTAL/$TOTAL feeds .* 2 errors" <<<"$SCREEN"
check "the failing feeds are listed above the bar" grep -qE "^(error|gone) +$FEEDS_URL/(broken|gone)/1" <<<"$SCREEN"
check "the summary follows the bar" grep -q "$TOTAL feeds polled, 2 failed, 120 new articles" <<<"$SCREEN"

# Through a pipe: plain lines as the feeds are stored.
"$FEEDAGG" poll --once $(run_args pipe) 2>"$WORK/pipe.err" | cat >"$WORK/pipe.out"
check "through a pipe: one plain line per feed and the summary" test "$(grep -cE '^(ok|error|gone|held) ' "$WORK/pipe.out")" -eq "$TOTAL"
check "through a pipe: the summary line" grep -q "$TOTAL feeds polled, 2 failed, 120 new articles" "$WORK/pipe.out"
check "through a pipe: no escape codes and no bar" sh -c "! grep -q \$(printf '\\033') '$WORK/pipe.out' && ! grep -q '━' '$WORK/pipe.out'"

# --quiet: the errors only.
"$FEEDAGG" poll --once --quiet $(run_args quiet) >"$WORK/quiet.out" 2>/dev/null
check "--quiet prints only the two failing feeds" test "$(wc -l <"$WORK/quiet.out")" -eq 2 -a "$(grep -cE '^(error|gone) ' "$WORK/quiet.out")" -eq 2

finish
