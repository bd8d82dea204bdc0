#!/usr/bin/env python3
"""Reference values for collaboration over time (SPEC section 6) on dblp-2016-sigmod, with networkx.

Run from the repository root:  python3 Scripts/networkx_time_fixtures.py
Reads ../shared/datasets/dblp-2016-sigmod/conf-sigmod.bib with its own small BibTeX reader
(the file is DBLP's export: one `field = {value}` per line, names already in Unicode), builds
the graph of SPEC section 4 with `--identity exact` semantics, count weights and --max-authors 50,
and writes Tests/CoauthorCoreTests/Fixtures/time/sigmod.json:
  focus: the most prolific author (ties: alphabetical)
  ties: per collaborator of the focus, SPEC section 6's tie metrics (recency with h = 3, Y = last year)
  focus_years: the focus author's per-year table
  slices: --window 5 --step 5 slices with nodes, edges, components, largest component share, and the
          focus's degree, strength, betweenness, pagerank with rank ranges [low, high] (positions the
          focus can take when values within 1e-9 relative count as ties, ties broken by name)
"""
import json
import math
import os
import re
import sys
import unicodedata
from fractions import Fraction

import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.path.join(os.path.dirname(ROOT), "shared", "datasets", "dblp-2016-sigmod", "conf-sigmod.bib")
OUT = os.path.join(ROOT, "Tests", "CoauthorCoreTests", "Fixtures", "time", "sigmod.json")
MAX_AUTHORS = 50
HALF_LIFE = 3.0
WINDOW, STEP = 5, 5


def read_entries(path):
    """(key, fields) per entry, in file order; a repeated key keeps the first entry."""
    entries, seen = [], set()
    key, fields = None, None
    for line in open(path, encoding="utf-8"):
        start = re.match(r"\s*@(\w+)\s*\{\s*([^,\s]+)\s*,", line)
        if start:
            key, fields = start.group(2), {"@type": start.group(1).lower()}
            continue
        field = re.match(r"\s*(\w+)\s*=\s*\{(.*)\}\s*,?\s*$", line)
        if field and fields is not None:
            name = field.group(1).lower()
            if name not in fields:
                fields[name] = field.group(2)
            elif name in ("author", "editor"):
                fields[name] += " and " + field.group(2)
            continue
        if line.strip() == "}" and fields is not None:
            if key not in seen:
                seen.add(key)
                entries.append((key, fields))
            key, fields = None, None
    return entries


def normalize(name):
    name = unicodedata.normalize("NFC", " ".join(name.replace("{", "").replace("}", "").split()))
    # R.H. = R. H. = R H, as SPEC section 3's exact identity has it.
    name = re.sub(r"\b(\w)\.\s*(?=\w)", r"\1 ", name)
    return re.sub(r"\b(\w)\.(\s|$)", r"\1\2", name).strip()


def publications():
    entries = read_entries(SOURCE)
    by_key = {k: f for k, f in entries}
    pubs = []
    for key, fields in entries:
        if "author" not in fields:
            continue
        authors = []
        for raw in re.split(r"\s+and\s+", fields["author"]):
            if raw.strip() in ("others", ""):
                continue
            name = normalize(raw)
            if name and name not in authors:
                authors.append(name)
        if not authors:
            continue
        year = fields.get("year") or by_key.get(fields.get("crossref", ""), {}).get("year")
        match = re.search(r"\d{4}", year or "")
        pubs.append((int(match.group(0)) if match else None, authors))
    return pubs


def graph(pubs, years=None):
    G = nx.Graph()
    for year, authors in pubs:
        if years is not None and (year is None or year not in years):
            continue
        G.add_nodes_from(authors)
        if len(authors) < 2 or len(authors) > MAX_AUTHORS:
            continue
        for i in range(len(authors)):
            for j in range(i + 1, len(authors)):
                a, b = authors[i], authors[j]
                if G.has_edge(a, b):
                    G[a][b]["weight"] += 1
                    G[a][b]["years"].append(year)
                else:
                    G.add_edge(a, b, weight=1, years=[year])
    for _, _, d in G.edges(data=True):
        d["distance"] = Fraction(1, d["weight"])
    return G


def rank_range(values, v):
    x = values[v]
    tolerance = 1e-9 * abs(x)
    higher = sum(1 for u, y in values.items() if u != v and y > x + tolerance)
    tied = sum(1 for u, y in values.items() if u != v and abs(y - x) <= tolerance)
    return [higher + 1, higher + tied + 1]


def main():
    if not os.path.exists(SOURCE):
        sys.exit("needs ../shared/datasets/dblp-2016-sigmod")
    pubs = publications()
    G = graph(pubs)
    papers = {}
    for _, authors in pubs:
        for a in authors:
            papers[a] = papers.get(a, 0) + 1
    focus = min(papers, key=lambda a: (-papers[a], a))
    dated = [y for y, _ in pubs if y is not None]
    last_year = max(dated)

    ties = {}
    for c in G.neighbors(focus):
        years = sorted(y for y in G[focus][c]["years"] if y is not None)
        ties[c] = {
            "papers": G[focus][c]["weight"], "weight": float(G[focus][c]["weight"]),
            "first_year": years[0], "last_year": years[-1], "span": years[-1] - years[0] + 1,
            "active_years": len(set(years)),
            "recency": sum(2 ** (-(last_year - y) / HALF_LIFE) for y in years),
        }

    focus_years = []
    own = [(y, a) for y, a in pubs if y is not None and focus in a]
    first_joint = {c: t["first_year"] for c, t in ties.items()}
    cumulative = 0
    for year in range(min(y for y, _ in own), max(y for y, _ in own) + 1):
        mine = [a for y, a in own if y == year]
        people = {c for c, t in ties.items() if year in G[focus][c]["years"]}
        new = sum(1 for c in first_joint if first_joint[c] == year)
        cumulative += new
        focus_years.append({"year": year, "papers": len(mine), "coauthors": len(people), "new": new,
                            "returning": len(people) - new, "cumulative": cumulative,
                            "solo": sum(1 for a in mine if len(a) == 1),
                            "team": sum(len(a) for a in mine) / len(mine) if mine else None})

    slices = []
    start = min(dated)
    while True:
        years = set(range(start, start + WINDOW))
        S = graph(pubs, years)
        components = sorted((len(c) for c in nx.connected_components(S)), reverse=True)
        # The last slice ends with the data's last year.
        row = {"from": start, "to": min(start + WINDOW - 1, last_year), "nodes": S.number_of_nodes(), "edges": S.number_of_edges(),
               "components": len(components),
               "largest_component": components[0] / S.number_of_nodes() if components else 0.0}
        if focus in S:
            degree = dict(S.degree())
            strength = {v: float(d) for v, d in S.degree(weight="weight")}
            betweenness = nx.betweenness_centrality(S, weight="distance", normalized=True)
            pagerank = nx.pagerank(S, alpha=0.85, weight="weight", tol=1e-12, max_iter=10000)
            row["focus"] = {
                "degree": degree[focus], "degree_rank": rank_range(degree, focus),
                "strength": strength[focus], "strength_rank": rank_range(strength, focus),
                "betweenness": float(betweenness[focus]), "betweenness_rank": rank_range(betweenness, focus),
                "pagerank": pagerank[focus], "pagerank_rank": rank_range(pagerank, focus),
            }
        slices.append(row)
        if start + WINDOW - 1 >= max(dated):
            break
        start += STEP

    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump({"source": "dblp-2016-sigmod/conf-sigmod.bib", "max_authors": MAX_AUTHORS, "identity": "exact",
                   "half_life": HALF_LIFE, "window": WINDOW, "step": STEP,
                   "publications": len(pubs), "nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
                   "focus": focus, "last_year": last_year, "ties": ties, "focus_years": focus_years,
                   "slices": slices}, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"wrote {OUT}: focus {focus}, {len(ties)} ties, {len(slices)} slices")


if __name__ == "__main__":
    main()
