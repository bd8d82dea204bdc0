#!/usr/bin/env python3
"""Reference values for normalised ties and collaboration indicators on dblp-2016-sigmod.

Run from the repository root:  python3 Scripts/collaboration_fixtures.py
Reads ../shared/datasets/dblp-2016-sigmod/conf-sigmod.bib with the small independent BibTeX reader
of Scripts/networkx_time_fixtures.py (`--identity exact` semantics), and computes, in exact
fractions where the values are rational:
  ties: for every co-author pair (count weights, --max-authors 50) c_ij and its normalisations with
        s_i = the author's papers: association c/(s_i s_j), fractional c (n/s_i + n/s_j)/2
        (n = authors), cosine c/sqrt(s_i s_j), Jaccard c/(s_i + s_j - c), inclusion c/min(s_i, s_j);
        and association with s_i = strength (sum of the author's c_ij, VOSviewer's node weights);
  authors: per author, over all their papers (no --max-authors cap: indicators count papers, not ties):
        papers N, multi-author papers, collaboration index CI (mean authors per multi-author paper),
        degree of collaboration DC (multi-author share), collaborative coefficient
        CC = 1 - (1/N) sum_k 1/n_k (Ajiferuke et al. 1988), distinct authors A of those papers
        (the author included) and MCC = A/(A-1) CC (Savanur & Srikanth 2010);
  corpus and per_year: the same indicators over all papers (with a year, per year).
Writes Tests/CoauthorCoreTests/Fixtures/collaboration/sigmod.json. Undefined values are null.
"""
import json
import math
import os
import sys
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import networkx_time_fixtures as reader  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "CoauthorCoreTests", "Fixtures", "collaboration", "sigmod.json")


def indicators(sizes, distinct):
    """The four indicators of papers with author counts `sizes` and `distinct` authors in all."""
    n = len(sizes)
    multi = [s for s in sizes if s >= 2]
    cc = 1 - sum(Fraction(1, s) for s in sizes) / n if n else None
    return {
        "papers": n,
        "multi_author_papers": len(multi),
        "authors": distinct,
        "collaboration_index": float(Fraction(sum(multi), len(multi))) if multi else None,
        "degree_of_collaboration": float(Fraction(len(multi), n)) if n else None,
        "collaborative_coefficient": float(cc) if cc is not None else None,
        "modified_collaborative_coefficient": float(Fraction(distinct, distinct - 1) * cc) if cc is not None and distinct > 1 else None,
    }


def main():
    if not os.path.exists(reader.SOURCE):
        sys.exit("needs ../shared/datasets/dblp-2016-sigmod")
    pubs = reader.publications()
    papers, joint = {}, {}
    for _, authors in pubs:
        for a in authors:
            papers[a] = papers.get(a, 0) + 1
        if 2 <= len(authors) <= reader.MAX_AUTHORS:
            for i in range(len(authors)):
                for j in range(i + 1, len(authors)):
                    pair = tuple(sorted((authors[i], authors[j])))
                    joint[pair] = joint.get(pair, 0) + 1
    names = sorted(papers)
    index = {a: i for i, a in enumerate(names)}
    strength = {a: 0 for a in names}
    for (a, b), c in joint.items():
        strength[a] += c
        strength[b] += c
    n = len(names)
    ties = []
    for (a, b), c in sorted(joint.items()):
        pa, pb = papers[a], papers[b]
        ties.append([index[a], index[b], c,
                     float(Fraction(c, pa * pb)),
                     float(Fraction(c) * (Fraction(n, pa) + Fraction(n, pb)) / 2),
                     c / math.sqrt(pa * pb),
                     float(Fraction(c, pa + pb - c)),
                     float(Fraction(c, min(pa, pb))),
                     float(Fraction(c, strength[a] * strength[b]))])

    sizes_of = {a: [] for a in names}
    coauthors = {a: set() for a in names}
    for _, authors in pubs:
        for a in authors:
            sizes_of[a].append(len(authors))
            coauthors[a].update(authors)
    per_author = [indicators(sizes_of[a], len(coauthors[a])) for a in names]
    corpus = indicators([len(authors) for _, authors in pubs], n)
    per_year = {}
    for year in sorted({y for y, _ in pubs if y is not None}):
        these = [authors for y, authors in pubs if y == year]
        per_year[str(year)] = indicators([len(a) for a in these], len({x for a in these for x in a}))

    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump({
            "source": "dblp-2016-sigmod/conf-sigmod.bib", "max_authors": reader.MAX_AUTHORS,
            "names": names,
            "tie_columns": ["i", "j", "c", "association", "fractional", "cosine", "jaccard", "inclusion", "association_strength_totals"],
            "ties": ties,
            "indicator_columns": list(per_author[0].keys()),
            "authors": [list(x.values()) for x in per_author],
            "corpus": corpus,
            "per_year": per_year,
        }, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
