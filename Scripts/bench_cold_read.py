#!/usr/bin/env python3
"""Reading a file that is not in memory: coauthor binaries side by side (BENCHMARKS.md, session 45).

Before each run the file's pages are dropped from the page cache (posix_fadvise DONTNEED, which
needs no privileges), so the run reads it from the disk, as the first run on a file just
downloaded does, or any run on a dump larger than memory. The binaries run alternately, each
`BINARY stats FILE --quiet` with COAUTHOR_TIMING=1; printed per binary: the medians of the read
phase and of read + resolve + build, and every run's read phase.

usage: bench_cold_read.py FILE RUNS BINARY [BINARY...]
"""
import os
import re
import statistics
import subprocess
import sys


def drop_from_cache(path):
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(descriptor)


def phase_times(binary, path):
    """The read, resolve and build seconds of `BINARY stats PATH --quiet` (COAUTHOR_TIMING=1)."""
    env = dict(os.environ, COAUTHOR_TIMING="1")
    done = subprocess.run([binary, "stats", path, "--quiet"], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{binary} stats {path} failed ({done.returncode}):\n{done.stderr}")
    phases = {name: float(seconds) for name, seconds in re.findall(r"timing: (\w+) ([\d.]+) s", done.stderr)}
    missing = {"read", "resolve", "build"} - phases.keys()
    if missing:
        sys.exit(f"{binary} gave no timing for {', '.join(sorted(missing))}")
    return phases["read"], phases["resolve"], phases["build"]


def timed_run(binary, path):
    read, resolve, build = phase_times(binary, path)
    return read, read + resolve + build


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    path, runs, binaries = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    reads = {binary: [] for binary in binaries}
    totals = {binary: [] for binary in binaries}
    for _ in range(runs):
        for binary in binaries:
            drop_from_cache(path)
            read, total = timed_run(binary, path)
            reads[binary].append(read)
            totals[binary].append(total)
    for binary in binaries:
        print(f"{os.path.basename(path)} {binary}: read {statistics.median(reads[binary]):.3f} s, "
              f"into a network {statistics.median(totals[binary]):.3f} s (medians of {runs}); "
              f"reads {' '.join(f'{r:.2f}' for r in reads[binary])}")


if __name__ == "__main__":
    main()
