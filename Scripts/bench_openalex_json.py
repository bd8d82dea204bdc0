#!/usr/bin/env python3
"""Python's json module on an OpenAlex JSON Lines file, doing the extraction coauthor's reader does
(issue #14's benchmark): per work the OpenAlex id, title, year, DOI, PMID, type, venue and
cited-by count; per authorship the name, OpenAlex author id, ORCID, and each institution's name,
ROR id and country code with the raw affiliation strings. With --network it also counts the
co-authorship ties (pairs of OpenAlex author ids, else names) in a dict, as a network build.

usage: bench_openalex_json.py FILE [--network]
Prints one line to stderr: works, authorships, distinct authors (and ties), seconds, MB/s.
"""
import argparse, json, os, sys, time


def last_component(text):
    text = (text or "").strip()
    return text.rsplit("/", 1)[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--network", action="store_true")
    args = parser.parse_args()
    start = time.perf_counter()
    works = []
    authorships = 0
    ties = {}
    with open(args.file, "rb") as handle:
        for line in handle:
            if not line.strip():
                continue
            work = json.loads(line)
            record = {
                "openalex": last_component(work.get("id")),
                "title": " ".join((work.get("title") or work.get("display_name") or "").split()),
                "year": work.get("publication_year"),
                "doi": (work.get("doi") or "").replace("https://doi.org/", ""),
                "pmid": last_component((work.get("ids") or {}).get("pmid")),
                "type": work.get("type"),
                "venue": ((work.get("primary_location") or {}).get("source") or {}).get("display_name"),
                "cited_by": work.get("cited_by_count"),
                "authors": [],
            }
            for authorship in work.get("authorships") or []:
                author = authorship.get("author") or {}
                name = author.get("display_name") or authorship.get("raw_author_name")
                if not name:
                    continue
                raws = authorship.get("raw_affiliation_strings") or []
                record["authors"].append({
                    "name": name,
                    "openalex": last_component(author.get("id")),
                    "orcid": last_component(author.get("orcid")),
                    "affiliations": [(i.get("display_name"), last_component(i.get("ror")), i.get("country_code"),
                                      raws[0] if len(raws) == 1 else "") for i in authorship.get("institutions") or []],
                })
            authorships += len(record["authors"])
            works.append(record)
            if args.network:
                people = sorted({a["openalex"] or a["name"] for a in record["authors"]})
                for i, a in enumerate(people):
                    for b in people[i + 1:]:
                        ties[(a, b)] = ties.get((a, b), 0) + 1
    seconds = time.perf_counter() - start
    distinct = len({a["openalex"] or a["name"] for w in works for a in w["authors"]})
    size = os.path.getsize(args.file) / 1e6
    extra = f", {len(ties)} ties" if args.network else ""
    print(f"{len(works)} works, {authorships} authorships, {distinct} authors{extra}; {seconds:.2f} s, {size / seconds:.1f} MB/s",
          file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
