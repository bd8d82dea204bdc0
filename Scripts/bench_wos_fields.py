#!/usr/bin/env python3
"""What each kind of Web of Science field costs into a network (BENCHMARKS.md, session 46).

Copies of a Web of Science plain-text export are made without some fields (each field's tagged
line and its continuation lines left out): the affiliations (C1), the ORCID list (OI), both ID
lists (RI and OI), and C1, RI and OI together. The file and its copies are then read alternately,
each `BINARY stats FILE --quiet` with COAUTHOR_TIMING=1, and the medians of the read, resolve and
build phases are printed, with their sum ("into a network"). The difference between the whole
file and a copy is what reading and resolving the fields left out costs.

The copies go to a temporary folder, removed at the end.

usage: bench_wos_fields.py FILE RUNS BINARY
"""
import os
import re
import statistics
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_cold_read import phase_times  # noqa: E402 (the script's folder first)

VARIANTS = [("whole file", set()), ("without OI", {"OI"}), ("without RI, OI", {"RI", "OI"}),
            ("without C1", {"C1"}), ("without C1, RI, OI", {"C1", "RI", "OI"})]
TAG = re.compile(rb"^[A-Z0-9][A-Z0-9](?: |\r?$)")


def without(source, target, tags):
    """Copies `source` to `target` leaving out the fields whose tag is in `tags`."""
    skipping = False
    with open(source, "rb") as read, open(target, "wb") as write:
        for line in read:
            if TAG.match(line):
                skipping = line[:2].decode("ascii") in tags
            if not skipping:
                write.write(line)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    source, runs, binary = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with tempfile.TemporaryDirectory(prefix="coauthor-wos-fields-") as folder:
        files = []
        for k, (name, tags) in enumerate(VARIANTS):
            if tags:
                path = os.path.join(folder, f"variant-{k}.txt")
                without(source, path, tags)
            else:
                path = source
            files.append((name, path))
        times = {name: [] for name, _ in files}
        for _ in range(runs):
            for name, path in files:
                times[name].append(phase_times(binary, path))
        print(f"{os.path.basename(source)}, {runs} runs each, alternated; medians in seconds")
        print()
        print("| file | MB | read | resolve | build | into a network |")
        print("|---|---:|---:|---:|---:|---:|")
        for name, path in files:
            rows = times[name]
            median = [statistics.median(row[k] for row in rows) for k in range(3)]
            total = statistics.median(sum(row) for row in rows)
            size = os.path.getsize(path) / 1e6
            print(f"| {name} | {size:.0f} | {median[0]:.3f} | {median[1]:.3f} | {median[2]:.3f} | {total:.3f} |")


if __name__ == "__main__":
    main()
