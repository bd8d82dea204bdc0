#!/usr/bin/env python3
"""Reference counts for the DBLP XML reader, from Python's own XML parser (expat via iterparse).

For each ../shared/datasets/dblp-xml-samples/*.xml, the entities of its dblp.dtd are declared in
an internal DTD subset (so expat resolves them offline, as our reader does with its embedded
table), and the file is read with xml.etree.ElementTree.iterparse. Counts follow SPEC §2:
records are the publication record elements; a record with an <author> is a publication; a
repeated record key keeps the first record: the later one is a duplicate when its title is the
first's (ASCII letters case-folded, digits and non-ASCII characters compared; spaces and ASCII
punctuation not), else it is skipped as an error (README §Inputs). `www` person records with two or more names are
identity evidence. Writes Tests/CoauthorCoreTests/Fixtures/dblp/expected.json.

usage: Scripts/dblp_xml_fixtures.py [SAMPLES_DIR]
"""
import glob, io, json, os, re, sys
import xml.etree.ElementTree as ET

RECORDS = {"article", "inproceedings", "proceedings", "book", "incollection", "phdthesis", "mastersthesis"}
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def with_entities(raw, dtd):
    decls = "".join(f'<!ENTITY {n} "&#{v};">' for n, v in re.findall(r'<!ENTITY\s+(\w+)\s+"&#(\d+);"', dtd))
    return re.sub(rb'<!DOCTYPE[^>]*>', f"<!DOCTYPE dblp [{decls}]>".encode("ascii"), raw, count=1)


def title_key(text):
    return "".join(c.lower() if c.isascii() else c for c in text if not c.isascii() or c.isalnum())


def collapse(text):
    return " ".join(text.split())


def summarize(path, dtd):
    data = with_entities(open(path, "rb").read(), dtd)
    out = {"records": 0, "publications": 0, "authorships": 0, "duplicates": 0, "skipped": 0, "person_records": 0,
           "per_year": {}, "items": []}
    keys = {}
    depth = 0
    for event, elem in ET.iterparse(io.BytesIO(data), events=("start", "end")):
        if event == "start":
            depth += 1
            continue
        depth -= 1
        if depth != 1:
            continue
        authors = [collapse("".join(a.itertext())) for a in elem.findall("author")]
        if elem.tag == "www":
            if len(authors) > 1:
                out["person_records"] += 1
        elif elem.tag in RECORDS:
            out["records"] += 1
            key = elem.get("key", "")
            title = elem.find("title")
            title_text = collapse("".join(title.itertext())) if title is not None else None
            if key and key in keys:
                if keys[key] == (title_key(title_text) if title_text is not None else None):
                    out["duplicates"] += 1
                else:
                    out["skipped"] += 1
            else:
                keys[key] = title_key(title_text) if title_text is not None else None
                if authors:
                    year_text = elem.findtext("year")
                    m = re.search(r"\d{4}", year_text or "")
                    year = int(m.group(0)) if m else None
                    out["publications"] += 1
                    out["authorships"] += len(authors)
                    if year is not None:
                        out["per_year"][str(year)] = out["per_year"].get(str(year), 0) + 1
                    out["items"].append({"key": key, "year": year, "authors": authors,
                                         "title": title_text or ""})
        elem.clear()
    return out


def main():
    samples = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "datasets", "dblp-xml-samples")
    dtd = open(os.path.join(samples, "dblp.dtd"), encoding="latin-1").read()
    result = {os.path.basename(p): summarize(p, dtd) for p in sorted(glob.glob(os.path.join(samples, "*.xml")))}
    target = os.path.join(ROOT, "Tests", "CoauthorCoreTests", "Fixtures", "dblp", "expected.json")
    with open(target, "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    for name, r in result.items():
        print(f"{name}: records={r['records']} publications={r['publications']} authorships={r['authorships']} "
              f"duplicates={r['duplicates']} skipped={r['skipped']} person_records={r['person_records']}")


if __name__ == "__main__":
    main()
