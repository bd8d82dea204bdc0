#!/usr/bin/env python3
"""DBLP XML reader benchmark (issue 19): coauthor against lxml, side by side in one run.

Usage (from the repository root, with a Python that has lxml: .venv/bin/python3 after
Scripts/setup.sh --test, or any virtual environment):
    .venv/bin/python3 Scripts/bench_dblp_xml.py [--papers N | --file FILE.xml] [--repeat N] [--no-lxml]

`--papers N` makes a synthetic dump of N papers with ../shared/tools/gen_corpus.py --format dblp
--seed 5 (once, into $COAUTHOR_DATASET_CACHE, default /tmp/coauthor-datasets). Ours is the release
`coauthor stats FILE` with COAUTHOR_TIMING=1: its read phase, its whole run and its peak memory.
lxml's `iterparse` runs twice: only counting the authors, and extracting key, year, title and
authors of every record into Python. Each run is timed in its own process (best of --repeat);
peak memory is the process's maximum resident set. Prints one Markdown table; ratios above 1
mean coauthor is faster, and every run's times. `--no-lxml` times coauthor alone (issue 19's 8M-paper
line, `--papers 8000000`, has no reference tool; lxml's extraction takes minutes there).
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GENERATOR = os.path.join(os.path.dirname(ROOT), "shared", "tools", "gen_corpus.py")
CACHE = os.environ.get("COAUTHOR_DATASET_CACHE", os.path.join(tempfile.gettempdir(), "coauthor-datasets"))
RECORDS = ("article", "inproceedings", "proceedings", "book", "incollection", "phdthesis", "mastersthesis", "www")

LXML_COUNT = """
import sys
from lxml import etree
authors = 0
for _, elem in etree.iterparse(sys.argv[1], events=("end",), tag={records!r}, huge_tree=True, load_dtd=True):
    authors += sum(1 for _ in elem.iterfind("author"))
    elem.clear(keep_tail=True)
    while elem.getprevious() is not None:
        del elem.getparent()[0]
print(authors)
"""

LXML_EXTRACT = """
import sys
from lxml import etree
records = []
for _, elem in etree.iterparse(sys.argv[1], events=("end",), tag={records!r}, huge_tree=True, load_dtd=True):
    title = elem.find("title")
    records.append((elem.get("key"), elem.findtext("year"), "".join(title.itertext()) if title is not None else "",
                    [a.text for a in elem.iterfind("author")]))
    elem.clear(keep_tail=True)
    while elem.getprevious() is not None:
        del elem.getparent()[0]
print(len(records), sum(len(r[3]) for r in records))
"""


def corpus(papers):
    os.makedirs(CACHE, exist_ok=True)
    target = os.path.join(CACHE, f"synthetic-{papers}.xml")
    if not os.path.exists(target):
        with open(target + ".partial", "wb") as out:
            subprocess.check_call([sys.executable, GENERATOR, "--papers", str(papers), "--format", "dblp", "--seed", "5"],
                                  stdout=out, stderr=subprocess.DEVNULL)
        os.rename(target + ".partial", target)
    return target


def timed(command, env=None):
    """Wall seconds and stderr of one run of `command` in its own process."""
    start = time.perf_counter()
    done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True)
    return time.perf_counter() - start, done.stderr


def peak_of(command, env=None):
    """Peak resident MB of one run of `command`, from /usr/bin/time."""
    log = tempfile.NamedTemporaryFile(delete=False)
    log.close()
    subprocess.run(["/usr/bin/time", "-o", log.name, "-f", "%M"] + command, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    with open(log.name) as f:
        kb = int(f.read().split()[-1])
    os.unlink(log.name)
    return kb / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--papers", type=int, default=1_000_000)
    parser.add_argument("--file")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-lxml", action="store_true")
    args = parser.parse_args()
    path = args.file or corpus(args.papers)

    scratch = os.environ.get("SCRATCH", ".build")
    subprocess.check_call(["swift", "build", "-c", "release", "--product", "coauthor", "--scratch-path", scratch],
                          cwd=ROOT, stdout=subprocess.DEVNULL)
    binary = os.path.join(ROOT, scratch, "release", "coauthor")
    env = dict(os.environ, COAUTHOR_TIMING="1")
    ours = [binary, "stats", path, "--format", "json", "--quiet"]

    best_read, best_total = float("inf"), float("inf")
    runs = []
    for _ in range(args.repeat):
        seconds, stderr = timed(ours, env)
        best_total = min(best_total, seconds)
        phases = {}
        for line in stderr.splitlines():
            if line.startswith("timing: "):
                phases[line.split()[1]] = float(line.split()[2])
        best_read = min(best_read, phases.get("read", float("inf")))
        runs.append((seconds, phases))
    our_peak = peak_of(ours, env)

    rows = []
    for label, code in () if args.no_lxml else (("lxml iterparse, counting authors", LXML_COUNT),
                                                 ("lxml iterparse, key/year/title/authors into Python", LXML_EXTRACT)):
        command = [sys.executable, "-c", code.format(records=RECORDS), path]
        best = min(timed(command)[0] for _ in range(args.repeat))
        rows.append((label, best, peak_of(command)))

    size = os.path.getsize(path) / 1e6
    print(f"input: {os.path.basename(path)}, {size:.0f} MB; machine: {os.cpu_count()} cores, load average at start "
          f"{os.getloadavg()[0]:.2f}; best of {args.repeat}")
    print()
    print("| run | seconds | MB/s | peak MB | time / coauthor stats | time / coauthor read |")
    print("|---|---:|---:|---:|---:|---:|")
    print(f"| coauthor read phase (COAUTHOR_TIMING) | {best_read:.2f} | {size / best_read:.0f} | – | – | 1.0x |")
    print(f"| coauthor stats, whole run | {best_total:.2f} | {size / best_total:.0f} | {our_peak:.0f} | 1.0x | – |")
    for label, seconds, peak in rows:
        print(f"| {label} | {seconds:.2f} | {size / seconds:.0f} | {peak:.0f} | {seconds / best_total:.1f}x | {seconds / best_read:.1f}x |")
    print()
    for index, (seconds, phases) in enumerate(runs, 1):
        steps = ", ".join(f"{name} {value:.2f} s" for name, value in phases.items())
        print(f"coauthor stats run {index}: {seconds:.2f} s ({steps})")


if __name__ == "__main__":
    main()
