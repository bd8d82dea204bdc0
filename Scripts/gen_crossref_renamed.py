#!/usr/bin/env python3
"""A Crossref work-list written as one line (as json.dump and the API write it), made to time
identity by ID where the name rules rename identified people (BENCHMARKS.md, session 18).

Each of PEOPLE people signs two works with the next person: once as `M. Surname` with an ORCID,
once as `Massimo Surname` without one, so that the conservative rule joins the two and the
person's display name is not the ID group's. Surnames are unique; the file is deterministic.

    Scripts/gen_crossref_renamed.py PEOPLE OUT.json [--csl OUT-CSL.json]

--csl also writes the same works as a CSL-JSON array (one line, without the ORCIDs).
"""
import argparse
import json

from gen_exports import orcid as valid_orcid

FIRSTS = ["Massimo", "Anna", "Bruno", "Carla", "Dario", "Elena", "Fabio", "Giulia"]


def surname(p):
    letters, q = "", p
    for _ in range(4):
        letters += chr(ord("a") + q % 26)
        q //= 26
    return "Zz" + letters


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("people", type=int)
    parser.add_argument("out")
    parser.add_argument("--csl")
    args = parser.parse_args()
    items = []
    for p in range(args.people):
        last, first = surname(p), FIRSTS[p % len(FIRSTS)]
        partner = (p + 1) % args.people
        coauthor = {"given": FIRSTS[partner % len(FIRSTS)], "family": surname(partner)}
        orcid = valid_orcid("00000001", p)
        items.append({"DOI": "10.1/a%d" % p, "title": ["A %d" % p], "issued": {"date-parts": [[2020]]},
                      "type": "journal-article",
                      "author": [{"given": first[0] + ".", "family": last, "ORCID": "https://orcid.org/" + orcid}, coauthor]})
        items.append({"DOI": "10.1/b%d" % p, "title": ["B %d" % p], "issued": {"date-parts": [[2021]]},
                      "type": "journal-article", "author": [{"given": first, "family": last}, coauthor]})
    with open(args.out, "w") as out:
        json.dump({"status": "ok", "message-type": "work-list", "message": {"items": items}}, out)
    if args.csl:
        csl = [{"id": "i%d" % k, "type": "article-journal", "title": w["title"][0], "DOI": w["DOI"],
                "issued": w["issued"], "author": [{"family": a["family"], "given": a["given"]} for a in w["author"]]}
               for k, w in enumerate(items)]
        with open(args.csl, "w") as out:
            json.dump(csl, out)


if __name__ == "__main__":
    main()
