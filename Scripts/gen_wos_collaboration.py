#!/usr/bin/env python3
"""Web of Science plain text of large collaborations (BENCHMARKS.md, session 18): RECORDS records of
AUTHORS authors each, every author in the `OI` list (`Name/ORCID`) and in a `C1` line of 100 names
per institution, as physics collaborations are exported. The file is deterministic.

    Scripts/gen_wos_collaboration.py RECORDS AUTHORS OUT.txt
"""
import sys

from gen_exports import orcid


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    records, authors, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    out = ["FN Clarivate Analytics Web of Science", "VR 1.0"]
    for r in range(records):
        names = ["Surname%d, Given%d" % (k, k % 97) for k in range(authors)]
        out.append("PT J")
        for tag in ("AU", "AF"):
            out.append(tag + " " + names[0])
            out += ["   " + n for n in names[1:]]
        out.append("TI Collaboration paper %d" % r)
        out.append("SO PHYSICS LETTERS B")
        out.append("OI " + "; ".join("%s/%s" % (n, orcid("00000002", k)) for k, n in enumerate(names)))
        c1 = ["[%s] Univ %d, City, Country%d." % ("; ".join(names[i:i + 100]), i // 100, i // 100 % 5)
              for i in range(0, authors, 100)]
        out.append("C1 " + c1[0])
        out += ["   " + c for c in c1[1:]]
        out += ["PY 2020", "DI 10.1016/j.physletb.%d" % r, "UT WOS:%015d" % r, "ER", ""]
    out.append("EF")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
