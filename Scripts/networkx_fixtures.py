#!/usr/bin/env python3
"""Compute reference metric values with networkx for the Swift tests.

Run from the repository root:  python3 Scripts/networkx_fixtures.py
For the large graphs (dblp-2016-sigmod, a synthetic corpus), the graph is the one coauthor
exports (its GraphML holds only its own edges and weights here); the graph construction itself
is checked against the datasets' published counts and the seed CV elsewhere:
    python3 Scripts/networkx_fixtures.py --large
(about 15 minutes: networkx needs minutes per path metric on 5,811 authors).
Writes Tests/CoauthorCoreTests/Fixtures/graphs/<name>.json, one per graph:
  {"name", "nodes": [names], "edges": [[i, j, weight], ...], "expected": {metric: [value per node], ...},
   "modularity_louvain_mean": float}
Every value is what SPEC.md section 5 names as the reference call. The seed graph is
built here from Data/publications.bib by a small independent reader, so the Swift
BibTeX reader and graph builder are checked against it too (node names, papers, years).
"""
import json
from fractions import Fraction
import math
import os
import random
import re
import subprocess
import sys
import tempfile

import networkx as nx

from eigenvector_exact import exact_eigenvector

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "CoauthorCoreTests", "Fixtures", "graphs")


def metrics(G):
    """The SPEC section 5 reference calls, on a graph with 'weight' and 'distance' = 1/weight.

    Distances are exact fractions where weights are whole numbers: networkx then compares
    path lengths exactly, so 1/3 + 1/3 + 1/3 ties with 1 as SPEC section 5 requires (plain
    floats would miss such ties through rounding; our tolerance of 1e-10 does not).
    """
    weights = {d["weight"] for _, _, d in G.edges(data=True)}
    if all(float(w).is_integer() for w in weights):
        # Whole-number weights: scale 1/w by the least common multiple L of all weights, so every
        # distance is an exact integer L/w (fast, and exact like fractions); rescale afterwards.
        scale = 1
        for w in weights:
            scale = scale * int(w) // math.gcd(scale, int(w))
        for u, v, d in G.edges(data=True):
            d["distance"] = scale // int(d["weight"])
    else:
        scale = None
        for u, v, d in G.edges(data=True):
            d["distance"] = 1.0 / d["weight"]
    nodes = list(G.nodes())
    out = {
        "degree": [G.degree(v) for v in nodes],
        "strength": [G.degree(v, weight="weight") for v in nodes],
        "betweenness": nx.betweenness_centrality(G, weight="distance", normalized=True),
        "closeness": rescaled(nx.closeness_centrality(G, distance="distance", wf_improved=True), scale),
        "harmonic": rescaled(nx.harmonic_centrality(G, distance="distance"), scale),
        "eigenvector": nx.eigenvector_centrality(G, weight="weight", max_iter=10000, tol=1e-12),
        "pagerank": nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-12, max_iter=10000),
        "clustering": nx.clustering(G),
        "core": nx.core_number(G),
        "constraint": nx.constraint(G, weight="weight"),
        "eigenvector_exact": exact_eigenvector(G),
    }
    for key, value in out.items():
        if isinstance(value, dict):
            out[key] = [float(value[v]) for v in nodes]
    out["constraint"] = [None if (x is None or (isinstance(x, float) and math.isnan(x))) else x for x in out["constraint"]]
    return out


def rescaled(values, scale):
    """Closeness and harmonic computed on distances multiplied by `scale`, brought back to 1/w."""
    return values if scale is None else {v: x * scale for v, x in values.items()}


def graph_statistics(G):
    """SPEC section 5's graph-level numbers (hop distances on the largest component)."""
    largest = G.subgraph(max(nx.connected_components(G), key=len))
    try:
        assortativity = nx.degree_assortativity_coefficient(G)
    except Exception:
        assortativity = None
    if assortativity is not None and math.isnan(assortativity):
        assortativity = None
    return {
        "density": nx.density(G),
        "average_clustering": nx.average_clustering(G),
        "transitivity": nx.transitivity(G),
        "assortativity": assortativity,
        "diameter": nx.diameter(largest),
        "average_path_length": nx.average_shortest_path_length(largest),
        "components": nx.number_connected_components(G),
    }


def louvain_mean(G, seeds=range(10)):
    if G.number_of_edges() == 0:
        return 0.0
    values = []
    for s in seeds:
        parts = nx.community.louvain_communities(G, weight="weight", seed=s)
        values.append(nx.community.modularity(G, parts, weight="weight"))
    return sum(values) / len(values)


def write(name, G, extra=None):
    nodes = list(G.nodes())
    index = {v: i for i, v in enumerate(nodes)}
    record = {
        "name": name,
        "nodes": [str(v) for v in nodes],
        "edges": [[index[u], index[v], d["weight"]] for u, v, d in G.edges(data=True)],
        "expected": metrics(G),
        "modularity_louvain_mean": louvain_mean(G),
        "graph": graph_statistics(G),
    }
    if extra:
        record.update(extra)
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as f:
        json.dump(record, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"{name}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges", file=sys.stderr)


def weighted(G, w=1.0):
    for u, v in G.edges():
        G[u][v]["weight"] = w
    return G


# --- a tiny, independent reader for the seed bibliography -------------------------------

def seed_publications(path):
    text = open(path, encoding="utf-8").read()
    pubs = []
    for match in re.finditer(r"@(\w+)\s*\{\s*([^,\s]+)\s*,", text):
        kind = match.group(1).lower()
        if kind in ("string", "comment", "preamble"):
            continue
        body_start = match.end()
        depth, i = 1, body_start
        while depth:
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            i += 1
        body = text[body_start:i - 1]
        fields = {}
        for f in re.finditer(r"(\w[\w+]*)\s*=\s*", body):
            name, j = f.group(1).lower(), f.end()
            if body[j] == "{":
                depth, k = 1, j + 1
                while depth:
                    depth += {"{": 1, "}": -1}.get(body[k], 0)
                    k += 1
                fields.setdefault(name, body[j + 1:k - 1])
            else:
                fields.setdefault(name, re.match(r"[^,]*", body[j:]).group(0).strip())
        authors = []
        for raw in re.split(r"\s+and\s+", " ".join(fields["author"].split())):
            if "," in raw:
                last, first = [p.strip() for p in raw.split(",", 1)]
                raw = first + " " + last
            authors.append(raw.replace("{", "").replace("}", ""))
        pubs.append((match.group(2), int(fields["year"]), authors))
    return pubs


def seed_graph():
    pubs = seed_publications(os.path.join(ROOT, "Data", "publications.bib"))
    G = nx.Graph()
    papers, first, last = {}, {}, {}
    for _, year, authors in pubs:
        for a in authors:
            G.add_node(a)
            papers[a] = papers.get(a, 0) + 1
            first[a] = min(first.get(a, year), year)
            last[a] = max(last.get(a, year), year)
        for i, a in enumerate(authors):
            for b in authors[i + 1:]:
                if G.has_edge(a, b):
                    e = G[a][b]
                    e["weight"] += 1
                    e["first_year"] = min(e["first_year"], year)
                    e["last_year"] = max(e["last_year"], year)
                else:
                    G.add_edge(a, b, weight=1.0, first_year=year, last_year=year)
    nodes = list(G.nodes())
    index = {v: i for i, v in enumerate(nodes)}
    extra = {
        "publications": len(pubs),
        "papers": [papers[v] for v in nodes],
        "first_year": [first[v] for v in nodes],
        "last_year": [last[v] for v in nodes],
        "edge_years": [[index[u], index[v], d["first_year"], d["last_year"]] for u, v, d in G.edges(data=True)],
    }
    return G, extra


def from_graphml(name, path):
    """A graph exported by coauthor (`coauthor export --format graphml`): nodes named by their display name."""
    H = nx.read_graphml(path)
    G = nx.Graph()
    G.add_nodes_from(H.nodes[v]["name"] for v in H.nodes())
    for u, v, d in H.edges(data=True):
        G.add_edge(H.nodes[u]["name"], H.nodes[v]["name"], weight=float(d["weight"]))
    return G


def export(args, out):
    binary = os.environ.get("COAUTHOR_BIN")
    if not binary:
        binary = os.path.join(ROOT, ".build", "release", "coauthor")
        subprocess.check_call(["swift", "build", "-c", "release", "--product", "coauthor"], cwd=ROOT)
    subprocess.check_call([binary, "export", *args, "--format", "graphml", "-o", out], stderr=subprocess.DEVNULL)


def large():
    datasets = os.path.join(os.path.dirname(ROOT), "shared", "datasets")
    tmp = tempfile.mkdtemp()
    sigmod = os.path.join(datasets, "dblp-2016-sigmod", "conf-sigmod.bib")
    export([sigmod, "--identity", "exact"], os.path.join(tmp, "sigmod.graphml"))
    write("dblp_sigmod", from_graphml("dblp_sigmod", os.path.join(tmp, "sigmod.graphml")))
    synthetic = os.path.join(tmp, "synthetic.bib")
    with open(synthetic, "w") as f:
        subprocess.check_call([sys.executable, os.path.join(os.path.dirname(ROOT), "shared", "tools", "gen_corpus.py"),
                               "--papers", "3000", "--seed", "7"], stdout=f, stderr=subprocess.DEVNULL)
    export([synthetic, "--identity", "exact"], os.path.join(tmp, "synthetic.graphml"))
    write("synthetic_3000", from_graphml("synthetic_3000", os.path.join(tmp, "synthetic.graphml")))


def main():
    if "--large" in sys.argv:
        large()
        return
    write("path", weighted(nx.path_graph(5)))
    write("star", weighted(nx.star_graph(5)))
    bridge = nx.disjoint_union(nx.complete_graph(5), nx.complete_graph(5))
    bridge.add_edge(4, 5)
    write("two_cliques_bridge", weighted(bridge))
    disconnected = nx.Graph()
    disconnected.add_nodes_from(range(9))
    disconnected.add_weighted_edges_from([(0, 1, 2.0), (1, 2, 1.0), (0, 2, 3.0), (3, 4, 1.0), (4, 5, 2.0), (5, 6, 1.0)])
    write("disconnected_isolates", disconnected)
    # Integer weights make many equal-length paths (1/3 + 1/3 + 1/3 = 1): the tolerance case.
    rng = random.Random(7)
    G = nx.gnm_random_graph(40, 90, seed=7)
    for u, v in G.edges():
        G[u][v]["weight"] = float(rng.choice([1, 1, 1, 2, 3, 6]))
    write("random_weighted", G)
    seed, extra = seed_graph()
    write("seed", seed, extra)


if __name__ == "__main__":
    main()
