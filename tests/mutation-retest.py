#!/usr/bin/env python3
"""Re-runs only the mutants an earlier mutation run left alive, then merges the two reports.

Once tests are added against a run's survivors, a full run of a big folder (about 2,000
mutants, hours on 2 cores) mostly repeats what it already knows: the product is unchanged and
no test was taken away, so a mutant killed before is killed still. This re-tests only the
mutants that survived or were not covered (and any mutant inside one of their spans), with the
same tests, and counts each of those by its new status and every other one by its old status.

  mutation-retest.py spans OLD-REPORT PROJECT-DIR  prints one Stryker --mutate pattern per line
  mutation-retest.py merge OLD-REPORT NEW-REPORT OUT   writes the merged report

A file whose survivor lines no longer read as they did (the product changed there) is
re-tested whole, so a changed line is never credited with an old result: the merged report takes
that file's mutants, and its source, from the new run alone.
"""
import json
import os
import sys

ALIVE = {"Survived", "NoCoverage"}


def relative(path, root):
    return os.path.relpath(path, root)


def utf16_len(text):
    return len(text.encode("utf-16-le")) // 2


def spans(old_report, source_dir):
    report = json.load(open(old_report))
    root = report["projectRoot"]
    for path, entry in sorted(report["files"].items()):
        alive = [m for m in entry["mutants"] if m["status"] in ALIVE]
        if not alive:
            continue
        rel = relative(path, root)
        current_path = os.path.join(source_dir, rel)
        if not os.path.exists(current_path):
            continue
        with open(current_path, encoding="utf-8-sig") as f:
            current = f.read()
        old_lines, lines = entry["source"].split("\n"), current.split("\n")
        glob = "**/" + rel
        ranges = []
        for m in alive:
            first, last = m["location"]["start"]["line"], m["location"]["end"]["line"]
            if lines[first - 1:last] != old_lines[first - 1:last]:
                ranges = None  # the product changed here: test the whole file again
                break
            ranges.append((first, m["location"]["start"]["column"], last, m["location"]["end"]["column"]))
        if ranges is None:
            print(glob)
            continue
        starts = [0]
        for line in lines:
            starts.append(starts[-1] + utf16_len(line) + 1)
        merged = []
        # Locations are 1-based lines and columns (UTF-16 units), the end column exclusive;
        # Stryker takes 0-based character spans and tests a mutant only inside one.
        for first, first_column, last, last_column in sorted(ranges):
            begin, end = starts[first - 1] + first_column - 1, starts[last - 1] + last_column - 1
            if merged and begin <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([begin, end])
        print(glob + "".join(f"{{{b}..{e}}}" for b, e in merged))


def key(root, path, m):
    loc = m["location"]
    return (relative(path, root), m["mutatorName"], m.get("replacement", ""),
            loc["start"]["line"], loc["start"]["column"], loc["end"]["line"], loc["end"]["column"])


def merge(old_report, new_report, out):
    old, new = json.load(open(old_report)), json.load(open(new_report))
    retested, whole = {}, {}
    for path, entry in new["files"].items():
        # Tested whole: it has mutants and the mutate filter removed none of them.
        if entry["mutants"] and not any(m.get("statusReason") == "Removed by mutate filter" for m in entry["mutants"]):
            whole[relative(path, new["projectRoot"])] = entry
        for m in entry["mutants"]:
            if m["status"] != "Ignored":
                retested[key(new["projectRoot"], path, m)] = m
    for path, entry in old["files"].items():
        if (again_whole := whole.get(relative(path, old["projectRoot"]))) is not None:
            # Tested whole (the product changed there): the new run alone speaks for the file.
            old["files"][path] = again_whole
            continue
        for i, m in enumerate(entry["mutants"]):
            again = retested.get(key(old["projectRoot"], path, m))
            if again is not None:
                entry["mutants"][i] = dict(m, status=again["status"], statusReason=again.get("statusReason", ""))
            elif m["status"] in ALIVE and "Retested" not in m.get("statusReason", ""):
                # Not produced again (its line's file changed shape): keep it alive, never credit it.
                m["statusReason"] = (m.get("statusReason") or "") + " (Retested: not found again)"
    json.dump(old, open(out, "w"))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "spans":
        spans(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == "merge":
        merge(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)
