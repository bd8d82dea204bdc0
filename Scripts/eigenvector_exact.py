#!/usr/bin/env python3
"""Eigenvector centrality to machine precision, for the Swift tests: what networkx's power
iteration (SPEC section 5) converges to, computed with dense LAPACK instead of iterating.

Power iteration on A + I from the uniform vector converges to the uniform vector's projection
onto the eigenspace of the largest eigenvalue: the Perron vectors of the components whose own
largest eigenvalue is the graph's, each weighted by the sum of its entries, then unit length.
networkx stops at tol=1e-12 with an error of about n·tol / (1 − (λ₂ + 1)/(λ₁ + 1)) (3e-9 on
dblp-2016-sigmod); this value is the one both methods approach.

    python3 Scripts/eigenvector_exact.py      adds "eigenvector_exact" to every graph fixture

networkx_fixtures.py calls `exact_eigenvector` too, so a regenerated fixture keeps the key.
"""
import glob
import json
import os

import networkx as nx
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "CoauthorCoreTests", "Fixtures", "graphs")


def exact_eigenvector(G, nodes=None):
    """The limit of networkx's eigenvector_centrality on G, per node of `nodes` (G's order by default)."""
    nodes = list(G.nodes()) if nodes is None else nodes
    index = {v: i for i, v in enumerate(nodes)}
    pairs = []
    for component in nx.connected_components(G):
        members = sorted(index[v] for v in component)
        if len(members) == 1:
            pairs.append((0.0, members, np.ones(1)))
            continue
        position = {node: k for k, node in enumerate(members)}
        A = np.zeros((len(members), len(members)))
        for u, v, d in G.subgraph([nodes[i] for i in members]).edges(data=True):
            a, b = position[index[u]], position[index[v]]
            A[a, b] += d.get("weight", 1.0)
            A[b, a] += d.get("weight", 1.0)
        values, vectors = np.linalg.eigh(A)
        vector = np.abs(vectors[:, -1])
        pairs.append((float(values[-1]), members, vector / np.linalg.norm(vector)))
    largest = max(value for value, _, _ in pairs)
    result = np.zeros(len(nodes))
    for value, members, vector in pairs:
        if value >= largest - 1e-9 * max(largest, 1.0):
            result[members] = vector.sum() * vector
    return [float(x) for x in result / np.linalg.norm(result)]


def main():
    for path in sorted(glob.glob(os.path.join(FIXTURES, "*.json"))):
        with open(path, encoding="utf-8") as f:
            record = json.load(f)
        if "edges" not in record or "eigenvector" not in record.get("expected", {}):
            continue
        G = nx.Graph()
        G.add_nodes_from(range(len(record["nodes"])))
        for u, v, w in record["edges"]:
            G.add_edge(u, v, weight=w)
        record["expected"]["eigenvector_exact"] = exact_eigenvector(G, list(range(len(record["nodes"]))))
        with open(path, "w", encoding="utf-8") as f:
            json.dump(record, f, indent=1, ensure_ascii=False)
            f.write("\n")
        print(f"{os.path.basename(path)}: eigenvector_exact for {len(record['nodes'])} nodes")


if __name__ == "__main__":
    main()
