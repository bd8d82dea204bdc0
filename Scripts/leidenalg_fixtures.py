#!/usr/bin/env python3
"""Reference values from leidenalg (Traag's implementation of the Leiden algorithm) for the Swift tests.

Run from the repository root with the test tools' environment (Scripts/setup.sh --test):
    .venv/bin/python3 Scripts/leidenalg_fixtures.py
Reads the graphs of Tests/CoauthorCoreTests/Fixtures/graphs/<name>.json (nodes, weighted edges) and
runs leidenalg with seeds 1..SEEDS, iterating until stable (n_iterations=-1), for modularity at
several resolutions (RBConfigurationVertexPartition; the modularity is igraph's, which is networkx's
`modularity(G, c, weight="weight", resolution=γ)`) and for CPM: the paper's H = Σ_c [e_c − γ n_c(n_c − 1)/2],
which is CPMVertexPartition.quality() / 2 (leidenalg doubles the sum on undirected graphs: a triangle of
weights 1, 2, 1 in one community at γ = 0.5 has H = 4 − 1.5 = 2.5 and quality() = 5).
Also modularity after leidenalg's default 2 iterations ("modularity_2_iterations"), the default of
coauthor's pipeline too. Writes Tests/CoauthorCoreTests/Fixtures/graphs/leidenalg.json:
  {"seeds": N, "graphs": {name: {"modularity" | "modularity_2_iterations" | "cpm": {γ: {"best", "mean"}}}}}
Each Swift test takes the best of the same seeds and must reach at least "best".
"""
import json
import os

import igraph as ig
import leidenalg

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GRAPHS = os.path.join(ROOT, "Tests", "CoauthorCoreTests", "Fixtures", "graphs")
SEEDS = 10
NAMES = ["dblp_sigmod", "synthetic_3000", "random_weighted", "seed"]
MODULARITY_RESOLUTIONS = [1.0, 0.5, 2.0]
CPM_RESOLUTIONS = [0.05, 0.5]


def load(name):
    with open(os.path.join(GRAPHS, name + ".json")) as f:
        data = json.load(f)
    g = ig.Graph(n=len(data["nodes"]), edges=[(a, b) for a, b, _ in data["edges"]])
    g.es["weight"] = [float(w) for _, _, w in data["edges"]]
    return g


def summary(values):
    return {"best": max(values), "mean": sum(values) / len(values)}


def main():
    out = {"seeds": SEEDS, "graphs": {}}
    for name in NAMES:
        g = load(name)
        entry = {"modularity": {}, "modularity_2_iterations": {}, "cpm": {}}
        for gamma in MODULARITY_RESOLUTIONS:
            for key, iterations in (("modularity", -1), ("modularity_2_iterations", 2)):
                values = []
                for seed in range(1, SEEDS + 1):
                    p = leidenalg.find_partition(g, leidenalg.RBConfigurationVertexPartition, weights="weight",
                                                 resolution_parameter=gamma, n_iterations=iterations, seed=seed)
                    values.append(g.modularity(p.membership, weights="weight", resolution=gamma))
                entry[key][repr(gamma)] = summary(values)
        for gamma in CPM_RESOLUTIONS:
            values = []
            for seed in range(1, SEEDS + 1):
                p = leidenalg.find_partition(g, leidenalg.CPMVertexPartition, weights="weight",
                                             resolution_parameter=gamma, n_iterations=-1, seed=seed)
                values.append(p.quality() / 2)
            entry["cpm"][repr(gamma)] = summary(values)
        out["graphs"][name] = entry
    with open(os.path.join(GRAPHS, "leidenalg.json"), "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
