#!/usr/bin/env python3
"""Metric benchmark: coauthor against igraph and networkit (2 threads), side by side in one run.

Usage (from the repository root):
    python3 Scripts/bench_metrics.py [--dataset sigmod|topvenues|acl|synthetic-N|FILE.bib] [--metrics a,b,c]
                                     [--repeat N] [--networkx] [--betweenness-sample K]

`synthetic-N` is a corpus of N papers from ../shared/tools/gen_corpus.py (made once in the cache).
`--networkx` adds networkx's time for the metrics it finishes in reasonable time (all but the
path metrics on graphs above a few thousand authors). `--betweenness-sample K` estimates the
time of exact weighted betweenness from K sources, for us (coauthor-bench --sample-sources) and for
networkit (EstimateBetweenness with K samples runs K full single-source passes, 2 threads).

Builds the release `coauthor-bench`, which reads the bibliography, builds the co-author graph
(count weights, --max-authors 50, exact identity), writes its edge list and times each metric.
The reference tools load that same edge list: distances 1/w for the path metrics, weights w for
the others. Prints one table of seconds and ratios (reference / coauthor: above 1 means we are faster).
`leiden` (2 iterations, the default of leidenalg, igraph and our pipeline) and `leiden-stable` (until
an iteration moves nothing) are set against igraph's community_leiden and, after the table, leidenalg
with the same number of iterations: time and best modularity over seeds 1..10.
Needs igraph, networkit and leidenalg, installed on demand into the virtual environment this runs in
(.venv/bin/python3 after Scripts/setup.sh --test; it refuses to pip into the system Python).
"""
import argparse
import json
import lzma
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATASETS = os.path.join(os.path.dirname(ROOT), "shared", "datasets")
CACHE = os.path.join(tempfile.gettempdir(), "coauthor-datasets")
KNOWN = {
    "sigmod": os.path.join(DATASETS, "dblp-2016-sigmod", "conf-sigmod.bib"),
    "topvenues": os.path.join(DATASETS, "dblp-2016-topvenues", "dblp2016-topvenues.bib.xz"),
    "acl": os.path.join(DATASETS, "acl-anthology-2021", "acl-anthology-2021.bib.xz"),
}


def ensure(module, package):
    try:
        return __import__(module)
    except ImportError:
        if sys.prefix == sys.base_prefix:
            sys.exit(f"bench_metrics: {module} is missing; run this script with a virtual environment's Python "
                     "(.venv/bin/python3 after Scripts/setup.sh --test), never pip into the system Python")
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", package])
        return __import__(module)


def dataset_path(name):
    if name.startswith("synthetic-"):
        papers = int(name.split("-", 1)[1])
        os.makedirs(CACHE, exist_ok=True)
        target = os.path.join(CACHE, f"synthetic-{papers}.bib")
        if not os.path.exists(target):
            generator = os.path.join(os.path.dirname(ROOT), "shared", "tools", "gen_corpus.py")
            with open(target + ".partial", "wb") as out:
                subprocess.check_call([sys.executable, generator, "--papers", str(papers)], stdout=out, stderr=subprocess.DEVNULL)
            os.rename(target + ".partial", target)
        return target
    path = KNOWN.get(name, name)
    if not os.path.exists(path):
        sys.exit(f"bench_metrics: {path} not found (needs ../shared/datasets beside the repository)")
    if path.endswith(".xz"):
        os.makedirs(CACHE, exist_ok=True)
        target = os.path.join(CACHE, os.path.basename(path)[:-3])
        if not os.path.exists(target):
            with lzma.open(path) as src, open(target, "wb") as dst:
                dst.write(src.read())
        return target
    return path


def best(fn, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dataset", default="sigmod")
    parser.add_argument("--metrics", default="betweenness,closeness,harmonic,pagerank,core,clustering,communities,leiden,leiden-stable")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--networkx", action="store_true")
    parser.add_argument("--betweenness-sample", type=int, default=0)
    args = parser.parse_args()
    wanted = args.metrics.split(",")
    path = dataset_path(args.dataset)

    scratch = os.environ.get("SCRATCH", ".build")
    subprocess.check_call(["swift", "build", "-c", "release", "--product", "coauthor-bench", "--scratch-path", scratch],
                          cwd=ROOT, stdout=subprocess.DEVNULL)
    binary = os.path.join(ROOT, scratch, "release", "coauthor-bench")
    edges_file = os.path.join(tempfile.gettempdir(), "coauthor-bench-edges.tsv")
    command = [binary, path, "--identity", "exact", "--metrics", ",".join(wanted), "--repeat", str(args.repeat), "--edges", edges_file]
    if args.betweenness_sample:
        command += ["--sample-sources", str(args.betweenness_sample)]
    ours = json.loads(subprocess.check_output(command, stderr=subprocess.DEVNULL))

    ig = ensure("igraph", "igraph")
    nk = ensure("networkit", "networkit")
    nk.setNumberOfThreads(2)
    with open(edges_file) as f:
        n = int(f.readline())
        rows = [line.split("\t") for line in f if line.strip()]
    pairs = [(int(a), int(b)) for a, b, _ in rows]
    weights = [float(w) for _, _, w in rows]
    g = ig.Graph(n=n, edges=pairs)
    g.es["w"] = weights
    g.es["dist"] = [1.0 / w for w in weights]
    nk_dist = nk.Graph(n, weighted=True)
    nk_strength = nk.Graph(n, weighted=True)
    for (a, b), w in zip(pairs, weights):
        nk_dist.addEdge(a, b, 1.0 / w)
        nk_strength.addEdge(a, b, w)

    igraph_calls = {
        "betweenness": lambda: g.betweenness(weights="dist"),
        "closeness": lambda: g.closeness(weights="dist"),
        "harmonic": lambda: g.harmonic_centrality(weights="dist"),
        "pagerank": lambda: g.pagerank(weights="w"),
        "core": lambda: g.coreness(),
        "clustering": lambda: g.transitivity_local_undirected(mode="zero"),
        "communities": lambda: g.community_multilevel(weights="w"),
        "leiden": lambda: g.community_leiden(objective_function="modularity", weights="w", n_iterations=2),
        "leiden-stable": lambda: g.community_leiden(objective_function="modularity", weights="w", n_iterations=-1),
        "eigenvector": lambda: g.eigenvector_centrality(weights="w"),
    }
    networkit_calls = {
        "betweenness": lambda: nk.centrality.Betweenness(nk_dist, normalized=True).run(),
        "closeness": lambda: nk.centrality.Closeness(nk_dist, True, nk.centrality.ClosenessVariant.Generalized).run(),
        "harmonic": lambda: nk.centrality.HarmonicCloseness(nk_dist, False).run(),
        "pagerank": lambda: nk.centrality.PageRank(nk_strength, 0.85, 1e-12).run(),
        "core": lambda: nk.centrality.CoreDecomposition(nk_strength).run(),
        "clustering": lambda: nk.centrality.LocalClusteringCoefficient(nk_strength).run(),
        "communities": lambda: nk.community.detectCommunities(nk_strength, algo=nk.community.PLM(nk_strength, True)),
        "eigenvector": lambda: nk.centrality.EigenvectorCentrality(nk_strength, 1e-12).run(),
    }
    nx_calls = {}
    if args.networkx:
        nx = ensure("networkx", "networkx")
        nxg = nx.Graph()
        nxg.add_nodes_from(range(n))
        nxg.add_weighted_edges_from((a, b, w) for (a, b), w in zip(pairs, weights))
        small = n <= 10_000
        nx_calls = {
            "pagerank": lambda: nx.pagerank(nxg, weight="weight", tol=1e-10),
            "core": lambda: nx.core_number(nxg),
            "clustering": lambda: nx.clustering(nxg),
            "communities": lambda: nx.community.louvain_communities(nxg, weight="weight", seed=1),
            "eigenvector": lambda: nx.eigenvector_centrality(nxg, weight="weight", max_iter=1000, tol=1e-10),
        }
        if small:
            for u, v, d in nxg.edges(data=True):
                d["distance"] = 1.0 / d["weight"]
            nx_calls.update({
                "betweenness": lambda: nx.betweenness_centrality(nxg, weight="distance"),
                "closeness": lambda: nx.closeness_centrality(nxg, distance="distance", wf_improved=True),
                "harmonic": lambda: nx.harmonic_centrality(nxg, distance="distance"),
            })
    print(f"graph: {ours['nodes']} authors, {ours['edges']} ties ({os.path.basename(path)}); "
          f"machine: {os.cpu_count()} cores; networkit threads: 2; best of {args.repeat}")
    print()
    nx_head = " networkx (s) | networkx / coauthor |" if args.networkx else ""
    print(f"| metric | coauthor (s) | igraph (s) | networkit (s) | igraph / coauthor | networkit / coauthor |{nx_head}")
    print(f"|---|---:|---:|---:|---:|---:|{'---:|---:|' if args.networkx else ''}")
    for metric in wanted:
        mine = ours["metrics"].get(metric)
        if mine is None:
            continue
        devnull = open(os.devnull, "w")
        old = sys.stdout
        sys.stdout = devnull  # networkit's PLM prints a summary
        try:
            t_ig = best(igraph_calls[metric], args.repeat) if metric in igraph_calls else None
            t_nk = best(networkit_calls[metric], args.repeat) if metric in networkit_calls else None
            t_nx = best(nx_calls[metric], 1) if metric in nx_calls else None
        finally:
            sys.stdout = old
        fmt = lambda t: f"{t:.3f}" if t is not None else "–"
        ratio = lambda t: f"{t / mine:.1f}x" if t is not None and mine > 0 else "–"
        nx_cells = f" {fmt(t_nx)} | {ratio(t_nx)} |" if args.networkx else ""
        print(f"| {metric} | {mine:.3f} | {fmt(t_ig)} | {fmt(t_nk)} | {ratio(t_ig)} | {ratio(t_nk)} |{nx_cells}")
    for name, iterations in (("leiden", 2), ("leiden-stable", -1)):
        if name in wanted and name in ours["metrics"]:
            leiden_against_leidenalg(g, ours, name, iterations, args.repeat)
    if args.betweenness_sample:
        estimate = ours["betweenness_estimate"]
        k = args.betweenness_sample
        start = time.perf_counter()
        nk.centrality.EstimateBetweenness(nk_dist, k, True, True).run()
        per_source = (time.perf_counter() - start) / k
        theirs = per_source * n
        print()
        print(f"Exact weighted betweenness, estimated from {k} sources: coauthor {estimate['estimated_seconds'] / 60:.1f} min "
              f"({estimate['sampled']} of {estimate['sources']} searches sampled, {estimate['seconds_per_source'] * 1000:.2f} ms each, "
              f"setup {estimate['setup_seconds']:.2f} s); networkit {theirs / 60:.1f} min ({n} sources, {per_source * 1000:.2f} ms each); "
              f"networkit / coauthor {theirs / estimate['estimated_seconds']:.1f}x")


def leiden_against_leidenalg(g, ours, name, iterations, repeat):
    """Leiden side by side with leidenalg (modularity, resolution 1, weights w, the same number of
    iterations: 2 = both defaults, -1 = until stable): time of one run with seed 1, and the best
    modularity over seeds 1..10."""
    la = ensure("leidenalg", "leidenalg")
    def run(seed):
        return la.find_partition(g, la.RBConfigurationVertexPartition, weights="w", n_iterations=iterations, seed=seed)
    theirs_time = best(lambda: run(1), repeat)
    quality = ours[name + "_quality"]
    seeds = quality["seeds"]
    theirs = max(g.modularity(run(seed).membership, weights="w") for seed in range(1, seeds + 1))
    mine = ours["metrics"][name]
    what = "2 iterations" if iterations == 2 else "until stable"
    print()
    print(f"Leiden, {what}, against leidenalg {getattr(la, '__version__', '')} (modularity, γ = 1, best of {repeat} runs): "
          f"coauthor {mine:.3f} s, leidenalg {theirs_time:.3f} s, leidenalg / coauthor {theirs_time / mine:.1f}x. "
          f"Best modularity over seeds 1..{seeds}: coauthor {quality['best_modularity']:.6f}, leidenalg {theirs:.6f}; "
          f"every coauthor community connected: {'yes' if quality['every_community_connected'] else 'NO'}.")


if __name__ == "__main__":
    main()
