#!/usr/bin/env python3
"""metaknowledge (PyPI) on one Web of Science plain-text or MEDLINE file: RecordCollection, then
networkCoAuthor, as its documentation builds a co-authorship network (issue #14's benchmark).

usage: bench_metaknowledge.py FILE
Prints to stderr: records, nodes, ties, and the seconds of each step (the import not counted).
"""
import sys, time

import metaknowledge


def main():
    start = time.perf_counter()
    records = metaknowledge.RecordCollection(sys.argv[1])
    read = time.perf_counter()
    network = records.networkCoAuthor()
    built = time.perf_counter()
    print(f"{len(records)} records, {network.number_of_nodes()} authors, {network.number_of_edges()} ties; "
          f"read {read - start:.2f} s, network {built - read:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
