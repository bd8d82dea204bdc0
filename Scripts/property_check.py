#!/usr/bin/env python3
"""Checks coauthor's node-link JSON exports of many small generated corpora against networkx.

Usage: property_check.py FOLDER

FOLDER holds one `NAME.json` per corpus (`coauthor export --format json`, every metric), written
by the property-based tests (Tests/CoauthorCLITests/PropertyTests.swift). For each graph, networkx
recomputes every node metric from the exported ties alone (networkx_fixtures.metrics: exact
distances, so equal-length paths tie exactly) and the exported values must agree to a relative
1e-9 (1e-6 for PageRank and eigenvector). Prints one line per mismatch and a closing line
`checked N graphs, M values, K mismatches`; exits 1 on any mismatch.
"""
import json
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import networkx as nx  # noqa: E402
from networkx_fixtures import metrics  # noqa: E402

ITERATIVE = {"pagerank", "eigenvector"}


def close(a, b, tolerance):
    if a is None or b is None:
        return (a is None or (isinstance(a, float) and math.isnan(a))) and (b is None or (isinstance(b, float) and math.isnan(b)))
    return abs(a - b) <= tolerance * max(1.0, abs(a), abs(b))


def main():
    folder = sys.argv[1]
    graphs = values = 0
    mismatches = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            data = json.load(handle)
        G = nx.Graph()
        for node in data["nodes"]:
            G.add_node(node["id"])
        for edge in data["edges"]:
            G.add_edge(edge["source"], edge["target"], weight=edge["weight"])
        degrees = sum(d for _, d in G.degree())
        if degrees != 2 * G.number_of_edges():
            mismatches.append(f"{name}: degree sum {degrees} is not twice {G.number_of_edges()} edges")
        try:
            reference = metrics(G)
        except nx.PowerIterationFailedConvergence:
            # networkx gives no eigenvector here; check the rest.
            H = G.copy()
            reference = metrics_without_eigenvector(H)
        graphs += 1
        nodes = list(G.nodes())
        position = {v: i for i, v in enumerate(nodes)}
        for node in data["nodes"]:
            i = position[node["id"]]
            for key, expected in reference.items():
                if key not in node or expected is None:
                    continue
                ours = node[key]
                theirs = expected[i]
                values += 1
                tolerance = 1e-6 if key in ITERATIVE else 1e-9
                if not close(None if ours is None else float(ours), None if theirs is None else float(theirs), tolerance):
                    mismatches.append(f"{name}: {key} of {node['name']!r}: ours {ours}, networkx {theirs}")
        pagerank = [node.get("pagerank") for node in data["nodes"]]
        if pagerank and all(p is not None for p in pagerank) and abs(sum(pagerank) - 1) > 1e-9:
            mismatches.append(f"{name}: PageRank sums to {sum(pagerank)}")
    for line in mismatches[:50]:
        print(line)
    print(f"checked {graphs} graphs, {values} values, {len(mismatches)} mismatches")
    return 1 if mismatches else 0


def metrics_without_eigenvector(G):
    original = nx.eigenvector_centrality
    nx.eigenvector_centrality = lambda *args, **kwargs: {v: 0.0 for v in G.nodes()}
    try:
        out = metrics(G)
    finally:
        nx.eigenvector_centrality = original
    out["eigenvector"] = None
    return out


if __name__ == "__main__":
    sys.exit(main())
