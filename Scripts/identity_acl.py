#!/usr/bin/env python3
"""Measures `--identity conservative` on the ACL Anthology 2021 against the Anthology's own
list of one person's spellings (data/yaml/name_variants.yaml).

  Scripts/identity_acl.py [--binary PATH] [--cache DIR]

Without --binary, builds the release binary (swift build -c release). Unpacks only
name_variants.yaml from ../shared/datasets/acl-anthology-2021/acl-anthology-xml-2021.tar.xz and
the bib from acl-anthology-2021.bib.xz into the cache (default /tmp/coauthor-datasets), runs
`coauthor names BIB --identity conservative --format json`, and reports:

- recall: of the Anthology people with at least two of their spellings present in the corpus
  (spellings that belong to one Anthology person only), how many conservative merges fully
  (all their present spellings end up as one of our people);
- false merges: our merges (variant -> person) that join two different Anthology people: both
  names are Anthology spellings with no person in common, or one of them is a spelling the
  Anthology gives to several people (homonyms). Reported as a share of all our merges; the
  acceptance bound is 0.5 % (exit status 1 above it).
- unconfirmed merges, reported apart: one name is a spelling of a person with an explicit `id`
  and the other is a spelling the Anthology does not list for that person (nor for anyone). The
  Anthology lists few initial forms, so these are mostly `Y. Wilks` -> `Yorick Wilks`; the share
  counting them as false too is printed as well.

Names are compared after NFC, dots read as spaces, and white space collapsed (our `exact` key).
Standard library plus PyYAML (installed with pip if missing).
"""
import argparse, json, lzma, os, subprocess, sys, tarfile, unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "..", "shared", "datasets", "acl-anthology-2021")
LIMIT = 0.005


def norm(name):
    return " ".join(unicodedata.normalize("NFC", name).replace(".", " ").split())


def spelled(entry):
    first = (entry.get("first") or "").strip()
    last = (entry.get("last") or "").strip()
    return norm(f"{first} {last}")


def unpack(cache):
    os.makedirs(cache, exist_ok=True)
    variants = os.path.join(cache, "acl-name_variants.yaml")
    if not os.path.exists(variants):
        with tarfile.open(os.path.join(DATA, "acl-anthology-xml-2021.tar.xz")) as tar:
            member = next(m for m in tar.getmembers() if m.name.endswith("data/yaml/name_variants.yaml"))
            with tar.extractfile(member) as src, open(variants + ".partial", "wb") as dst:
                dst.write(src.read())
        os.replace(variants + ".partial", variants)
    bib = os.path.join(cache, "acl-anthology-2021.bib")
    if not os.path.exists(bib):
        with lzma.open(os.path.join(DATA, "acl-anthology-2021.bib.xz")) as src, open(bib + ".partial", "wb") as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk)
        os.replace(bib + ".partial", bib)
    return variants, bib


def load_yaml(path):
    try:
        import yaml
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "PyYAML"], check=True)
        import yaml
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--binary", help="a built coauthor binary (default: build release)")
    ap.add_argument("--cache", default=os.environ.get("COAUTHOR_DATASET_CACHE", "/tmp/coauthor-datasets"))
    a = ap.parse_args()

    variants_path, bib = unpack(a.cache)
    binary = a.binary
    if not binary:
        subprocess.run(["swift", "build", "-c", "release", "--product", "coauthor"], cwd=ROOT, check=True,
                       stdout=sys.stderr)
        out = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.strip()
        binary = os.path.join(out, "coauthor")

    # Anthology people: an explicit id where the Anthology gives one, else the entry's position.
    owners = {}          # spelling -> set of person ids
    has_id = set()
    spellings = {}       # person id -> set of spellings
    for index, entry in enumerate(load_yaml(variants_path)):
        person = entry.get("id") or f"#{index}"
        if entry.get("id"):
            has_id.add(person)
        names = {spelled(entry["canonical"])} | {spelled(v) for v in entry.get("variants", [])}
        spellings.setdefault(person, set()).update(names)
        for n in names:
            owners.setdefault(n, set()).add(person)

    run = subprocess.run([binary, "names", bib, "--identity", "conservative", "--format", "json", "--quiet"],
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"coauthor failed ({run.returncode}): {run.stderr[-2000:]}")
    report = json.loads(run.stdout)

    cluster = {}         # present name -> our person
    for name in report["names"]:
        cluster.setdefault(norm(name), norm(name))
    for merge in report["merges"]:
        cluster[norm(merge["variant"])] = norm(merge["into"])

    # Recall over Anthology people with >= 2 of their own (unshared) spellings present.
    groups = full = 0
    for person, names in spellings.items():
        present = {n for n in names if n in cluster and owners[n] == {person}}
        if len(present) < 2:
            continue
        groups += 1
        if len({cluster[n] for n in present}) == 1:
            full += 1

    # Our merges judged by the Anthology's list.
    false, unconfirmed = [], []
    for merge in report["merges"]:
        v, into = norm(merge["variant"]), norm(merge["into"])
        ov, oi = owners.get(v, set()), owners.get(into, set())
        entry = (merge["variant"], merge["into"], merge["reason"])
        if (ov and oi and not (ov & oi)) or len(ov) > 1 or len(oi) > 1:
            # Two listed people, or a name the Anthology gives to several people (homonyms).
            false.append(entry)
        elif bool(ov) != bool(oi) and all(p in has_id for p in (ov or oi)):
            # A curated (id'd) person joined with a spelling the Anthology does not list for them.
            unconfirmed.append(entry)

    merges = len(report["merges"])
    share = len(false) / merges if merges else 0.0
    print(f"corpus: {report['name_variants']} name variants, {report['people']} people, {merges} merges (conservative)")
    print(f"recall: {full} of {groups} Anthology variant groups present with >= 2 spellings merged fully "
          f"({full / groups:.1%})" if groups else "recall: no variant group present")
    print(f"false merges (two different Anthology people, or a name of several): {len(false)} of {merges} merges "
          f"({share:.3%}); limit {LIMIT:.1%}")
    for variant, into, reason in false:
        print(f"  {variant} -> {into}  [{reason}]")
    print(f"merges into an id'd Anthology person with a spelling the Anthology does not list for them "
          f"(unconfirmed, mostly initials such as 'Y. Wilks' -> 'Yorick Wilks'): {len(unconfirmed)} "
          f"({len(unconfirmed) / merges if merges else 0:.1%}); false merges counting these too: "
          f"{(len(false) + len(unconfirmed)) / merges if merges else 0:.1%}")
    for variant, into, reason in unconfirmed[:10]:
        print(f"  {variant} -> {into}  [{reason}]")
    return 0 if share < LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
