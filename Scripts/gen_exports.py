#!/usr/bin/env python3
"""Generates large, deterministic bibliographic database exports for benchmarks (issue #14, item 5).

usage: gen_exports.py FORMAT MEGABYTES OUTPUT [--seed N]
  FORMAT: wos (Web of Science plain text), scopus (Scopus CSV, current generation with
          'Author full names (id)'), openalex (OpenAlex JSON Lines, one work per line),
          medline (PubMed MEDLINE, as PubMed's 'Save as PubMed format' writes it)

The records look like the real exports (the same tags, columns and keys, continuation lines,
wrapped RI/OI lists, affiliations, references) so that readers do the same work per byte as on
real files. Authors come from a fixed population with IDs (each person keeps one ORCID, Scopus ID
and OpenAlex ID; some have name variants), so identity by ID has something to do. Only the Python
standard library is used; the same seed gives the same bytes.
"""
import argparse, csv, io, json, random, sys

GIVEN = ["Anna", "Bo", "Carlos", "Dana", "Eun-ji", "Fatima", "Giulia", "Hiro", "Ivan", "Jana", "Kofi", "Lena",
         "Marco", "Nadia", "Omar", "Priya", "Qing", "Rafael", "Sara", "Tomas", "Ulla", "Vikram", "Wei", "Xin", "Yusuf", "Zoe"]
SURNAMES = ["Aria", "Becker", "Chen", "Dubois", "Eriksen", "Fernández", "García", "Hansen", "Ito", "Jensen", "Kim",
            "Li", "Müller", "Novak", "Okafor", "Pérez", "Quinn", "Rossi", "Silva", "Tanaka", "Usman", "Van der Berg",
            "Wang", "Xu", "Yamada", "Zhang"]
WORDS = ("network analysis collaboration science mapping citation model graph learning data method "
         "evaluation decision criteria weights structure dynamics community impact research").split()
INSTITUTIONS = [("Univ Naples Federico II", "Naples", "Italy", "IT", "05290cv24"), ("Univ Tokyo", "Tokyo", "Japan", "JP", "057zh3y96"),
                ("MIT", "Cambridge", "USA", "US", "042nb2s44"), ("Univ Sao Paulo", "Sao Paulo", "Brazil", "BR", "036rp1748"),
                ("Tsinghua Univ", "Beijing", "Peoples R China", "CN", "03cve4549"), ("ETH Zurich", "Zurich", "Switzerland", "CH", "05a28rw58")]


def orcid_check_character(digits):
    """The check character of an ORCID's first 15 digits (ISO 7064 MOD 11-2)."""
    total = 0
    for digit in digits:
        total = (total + int(digit)) * 2
    check = (12 - total % 11) % 11
    return "X" if check == 10 else str(check)


def orcid(prefix, number):
    """The ORCID `prefix` (8 digits, `00000002`) followed by `number` in 7 digits and the check
    character, in its four hyphenated groups: a distinct valid ORCID per number."""
    assert 0 <= number < 10 ** 7, number
    digits = "%s%07d" % (prefix, number)
    digits += orcid_check_character(digits)
    return "-".join(digits[k:k + 4] for k in range(0, 16, 4))


def population(rng, size):
    people = []
    for i in range(size):
        given = rng.choice(GIVEN) + ("" if rng.random() < 0.7 else " " + rng.choice(GIVEN)[0] + ".")
        # One ORCID per person, with its check character (coauthor leaves out an ORCID whose
        # check fails, as a mistyped one).
        person_orcid = orcid("00000000", i)
        people.append(dict(given=given, family=rng.choice(SURNAMES), orcid=person_orcid if rng.random() < 0.6 else "",
                           scopus=str(57000000000 + i), openalex=f"A{5000000000 + i}", rid=f"{chr(65 + i % 26)}-{i % 10000:04d}-20{10 + i % 15}",
                           inst=rng.choice(INSTITUTIONS)))
    return people


def works(rng, people):
    number = 0
    while True:
        number += 1
        authors = rng.sample(people, rng.choice([1, 2, 2, 3, 3, 3, 4, 5, 6, 8]))
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14))).capitalize()
        yield dict(n=number, year=rng.randint(1990, 2025), title=title, authors=authors, doi=f"10.5555/gen.{number}",
                   venue=rng.choice(["JOURNAL OF INFORMETRICS", "SCIENTOMETRICS", "PLOS ONE", "NATURE"]), cited=rng.randint(0, 500),
                   abstract=" ".join(rng.choice(WORDS) for _ in range(rng.randint(60, 160))),
                   refs=[f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)[0]}, {rng.randint(1950, 2024)}, {rng.choice(['SCIENCE', 'NATURE', 'J DOC'])}, V{rng.randint(1, 99)}, P{rng.randint(1, 999)}"
                         for _ in range(rng.randint(10, 40))])


def wrap(tag, text, width=70):
    words, lines, line = text.split(" "), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = word if not line else line + " " + word
    lines.append(line)
    return f"{tag} " + "\n   ".join(lines) + "\n"


def wos(out, rng, people, limit):
    out.write("FN Clarivate Analytics Web of Science\nVR 1.0\n")
    for w in works(rng, people):
        a = w["authors"]
        rec = "PT J\n"
        rec += "AU " + "\n   ".join(f"{p['family']}, {''.join(x[0] for x in p['given'].split())}" for p in a) + "\n"
        rec += "AF " + "\n   ".join(f"{p['family']}, {p['given']}" for p in a) + "\n"
        rec += wrap("TI", w["title"]) + f"SO {w['venue']}\nLA English\nDT Article\n" + wrap("AB", w["abstract"])
        rec += "C1 " + "\n   ".join(f"[{p['family']}, {p['given']}] {p['inst'][0]}, {p['inst'][1]}, {p['inst'][2]}." for p in a) + "\n"
        rec += wrap("RI", "; ".join(f"{p['family']}, {p['given']}/{p['rid']}" for p in a))
        with_orcid = [p for p in a if p["orcid"]]
        if with_orcid:
            rec += wrap("OI", "; ".join(f"{p['family']}, {p['given']}/{p['orcid']}" for p in with_orcid))
        rec += "CR " + "\n   ".join(w["refs"]) + f"\nNR {len(w['refs'])}\nTC {w['cited']}\nZ9 {w['cited']}\n"
        rec += f"PY {w['year']}\nDI {w['doi']}\nUT WOS:{w['n']:015d}\nDA 2026-01-01\nER\n\n"
        out.write(rec)
        if out.tell() >= limit:
            break
    out.write("EF\n")


def scopus(out, rng, people, limit):
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(["Authors", "Author full names", "Author(s) ID", "Title", "Year", "Source title", "Cited by", "DOI",
                     "Affiliations", "Authors with affiliations", "Abstract", "References", "Document Type", "Source", "EID"])
    for w in works(rng, people):
        a = w["authors"]
        short = [f"{p['family']} {'.'.join(x[0] for x in p['given'].split())}." for p in a]
        writer.writerow(["; ".join(short), "; ".join(f"{p['family']}, {p['given']} ({p['scopus']})" for p in a),
                         "; ".join(p["scopus"] for p in a), w["title"], w["year"], w["venue"].title(), w["cited"], w["doi"],
                         "; ".join(f"{p['inst'][0]}, {p['inst'][1]}, {p['inst'][2]}" for p in a),
                         "; ".join(f"{s}, {p['inst'][0]}, {p['inst'][1]}, {p['inst'][2]}" for s, p in zip(short, a)),
                         w["abstract"], "; ".join(w["refs"]), "Article", "Scopus", f"2-s2.0-{85000000000 + w['n']}"])
        if out.tell() >= limit:
            break


def openalex(out, rng, people, limit):
    for w in works(rng, people):
        work = {"id": f"https://openalex.org/W{3000000000 + w['n']}", "doi": f"https://doi.org/{w['doi']}", "title": w["title"],
                "display_name": w["title"], "publication_year": w["year"], "type": "article", "cited_by_count": w["cited"],
                "primary_location": {"source": {"display_name": w["venue"].title()}},
                "authorships": [{"author_position": "first" if i == 0 else "middle",
                                 "author": {"id": f"https://openalex.org/{p['openalex']}", "display_name": f"{p['given']} {p['family']}",
                                            "orcid": f"https://orcid.org/{p['orcid']}" if p["orcid"] else None},
                                 "institutions": [{"id": "https://openalex.org/I1", "display_name": p["inst"][0], "ror": f"https://ror.org/{p['inst'][4]}",
                                                   "country_code": p["inst"][3], "type": "education"}],
                                 "countries": [p["inst"][3]], "is_corresponding": i == 0, "raw_author_name": f"{p['given']} {p['family']}",
                                 "raw_affiliation_strings": [f"{p['inst'][0]}, {p['inst'][1]}, {p['inst'][2]}"]} for i, p in enumerate(w["authors"])],
                "abstract_inverted_index": {word: [i] for i, word in enumerate(w["abstract"].split()[:40])},
                "referenced_works": [f"https://openalex.org/W{rng.randint(1, 10**9)}" for _ in w["refs"]]}
        out.write(json.dumps(work, ensure_ascii=False) + "\n")
        if out.tell() >= limit:
            break


def medline_wrap(tag, text, width=80):
    """A MEDLINE field: the tag padded to four, '- ', continuation lines indented six blanks."""
    words, lines, line = text.split(" "), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line + " ")
            line = word
        else:
            line = word if not line else line + " " + word
    lines.append(line)
    return f"{tag:<4}- " + "\n      ".join(lines) + "\n"


def medline(out, rng, people, limit):
    for w in works(rng, people):
        pmid = 20000000 + w["n"]
        rec = f"PMID- {pmid}\nOWN - NLM\nSTAT- MEDLINE\nDCOM- {w['year']}0101\nLR  - {w['year']}0102\n"
        rec += f"IS  - 1932-6203 (Electronic)\nVI  - {rng.randint(1, 60)}\nIP  - {rng.randint(1, 12)}\nDP  - {w['year']} {rng.choice(['Jan', 'Mar', 'Oct'])}\n"
        rec += medline_wrap("TI", w["title"] + ".") + f"PG  - e{rng.randint(100000, 999999)}\nLID - {w['doi']} [doi]\n"
        rec += medline_wrap("AB", w["abstract"])
        for p in w["authors"]:
            rec += f"FAU - {p['family']}, {p['given']}\nAU  - {p['family']} {''.join(x[0] for x in p['given'].split())}\n"
            if p["orcid"]:
                rec += f"AUID- ORCID: {p['orcid']}\n"
            rec += medline_wrap("AD", f"Department of {rng.choice(WORDS).capitalize()}, {p['inst'][0]}, {p['inst'][1]}, {p['inst'][2]}.")
        rec += "LA  - eng\nPT  - Journal Article\nPL  - United States\n"
        rec += f"TA  - {w['venue'].title()}\nJT  - {w['venue'].title()}\nJID - 101285081\nSB  - IM\n"
        rec += "".join(f"MH  - {rng.choice(WORDS).capitalize()} {rng.choice(WORDS)}\n" for _ in range(rng.randint(3, 10)))
        rec += f"EDAT- {w['year']}/10/08 06:00\nMHDA- {w['year']}/10/12 06:00\nCRDT- {w['year']}/10/07 13:34\n"
        rec += f"AID - {w['doi']} [doi]\nPST - epublish\n"
        rec += medline_wrap("SO", f"{w['venue'].title()}. {w['year']};{rng.randint(1, 60)}:e{rng.randint(100000, 999999)}. doi: {w['doi']}.") + "\n"
        out.write(rec)
        if out.tell() >= limit:
            break


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("format", choices=["wos", "scopus", "openalex", "medline"])
    parser.add_argument("megabytes", type=float)
    parser.add_argument("output")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    people = population(rng, 20000)
    limit = int(args.megabytes * 1_000_000)
    with open(args.output, "w", encoding="utf-8", newline="") as out:
        {"wos": wos, "scopus": scopus, "openalex": openalex, "medline": medline}[args.format](out, rng, people, limit)


if __name__ == "__main__":
    sys.exit(main())
