#!/usr/bin/env python3
"""Institution and country networks of the database export samples, computed independently of coauthor.

Run from the repository root:  python3 Scripts/levels_check.py [OUTPUT.json]
Reads the raw files in ../shared/datasets/exports/ with its own parsing (standard library only; no
coauthor code) and writes Tests/CoauthorCoreTests/Fixtures/levels/levels.json, which
Tests/CoauthorCoreTests/LevelTests.swift compares with coauthor's networks.

The rules (SPEC section 4 and issue #17), as this script applies them:
  - A paper's units are the distinct institutions (or countries) among its authors' affiliations.
    A paper links every pair of its distinct units: `count` weight = joint papers, `fractional`
    weight = sum over joint papers of 1 / (k (k - 1) / 2) for a paper with k units. A unit's papers
    are the papers naming it. Papers naming no unit are counted (`without_units`).
  - Institution: the ROR id where the source gives one (OpenAlex JSON), else the name, keyed
    case-folded, without diacritics, `&` read as `and`, every run of other characters than letters
    and digits one blank; the label is the most common spelling (ties: the alphabetically first).
    Names that are one name as databases write it (word for word the same or one the other's
    abbreviation, by the tables below, linking words dropped: `Univ Trento`, `University of
    Trento`) are one unit where their countries agree (`institution_joins`).
    Web of Science C1 `[Authors] Org, ..., Country.` (older records: the address alone, which is
    the paper's): the organisation is the first part. Its BibTeX export's `Affiliation` lines are
    the same without brackets (`Surname, Given; Surname, Given, Org, ..., Country.`; the reprint
    line left out); Scopus's BibTeX `affiliations` are its CSV's `Affiliations`.
    Scopus `Affiliations` (one address per `;`): the first part naming a university, else the
    first naming another organisation (institute, college, hospital, ...), else the first part.
    OpenAlex CSV: `authorships.institutions.display_name`, whether or not it has one entry per
    author (with more, the CSV does not say whose they are, but they are the paper's).
  - Indicators per unit and for the corpus, over the papers naming it (every paper for the
    corpus): citations (sum of the cited-by counts: WoS TC, Scopus "Cited by", OpenAlex
    cited_by_count), h-index of those counts, international share (papers naming two or more
    countries, of those naming one or more), collaboration index (mean authors of the multi-author
    papers), degree of collaboration (multi-author share), collaborative coefficient
    CC = 1 - mean(1/n) with n = the paper's authors, the distinct authors A of those papers (by the
    source's author ID, in WoS by full name) and MCC = A/(A-1) CC.
  - Country: ISO 3166-1 alpha-2. OpenAlex gives codes. Web of Science and Scopus give addresses:
    the country is the last comma-separated part, looked up by name (Debian iso-codes names plus
    the variants below); `... STATE ZIP USA` and older WoS `STATE ZIP` are the US; anything else is
    no country.
"""
import csv
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from itertools import combinations

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXPORTS = os.path.join(ROOT, "..", "shared", "datasets", "exports")
OUT = os.path.join(ROOT, "Tests", "CoauthorCoreTests", "Fixtures", "levels", "levels.json")
ISO = "/usr/share/iso-codes/json/iso_3166-1.json"

FILES = {
    "wos": "wos-plaintext/bibliometrix-wos_sample.txt",
    "wos-older": "wos-plaintext/metaknowledge-savedrecs.txt",
    "scopus": "scopus-csv/bibliometrix-scopus_sample.csv",
    "openalex-csv": "openalex/bibliometrix-openalex_sample.csv",
    "openalex-json": "openalex/openalex-python-W2741809807.json",
    "wos-bib": "bibtex-exports/pybibx-wos_m.bib",
    "scopus-bib": "bibtex-exports/pybibx-scopus_m.bib",
}

EXTRA_COUNTRY_NAMES = {
    "usa": "US", "united states": "US", "united states of america": "US",
    "uk": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "north ireland": "GB", "northern ireland": "GB",
    "peoples r china": "CN", "peoples republic of china": "CN", "pr china": "CN", "china": "CN",
    "south korea": "KR", "korea": "KR", "republic of korea": "KR",
    "russia": "RU", "iran": "IR", "vietnam": "VN", "viet nam": "VN", "czech republic": "CZ", "czechia": "CZ",
    "turkey": "TR", "turkiye": "TR", "taiwan": "TW", "u arab emirates": "AE", "netherlands": "NL",
    "bosnia herceg": "BA",  # Web of Science's `Bosnia & Herceg` (metaknowledge-savedrecs.txt)
    # States of old (README §Levels): renamed ones are today's country, Russia and Serbia carry on
    # the USSR and Serbia and Montenegro, dissolved ones keep the alpha-2 code of ISO 3166-3.
    "w germany": "DE", "fed rep ger": "DE", "zaire": "CD", "ussr": "RU", "serbia monteneg": "RS",
    "yugoslavia": "YU", "czechoslovakia": "CS", "ger dem rep": "DD", "east germany": "DD", "kosovo": "XK",
}
FORMER_COUNTRY_NAMES = {"YU": "Yugoslavia", "CS": "Czechoslovakia", "DD": "East Germany", "XK": "Kosovo", "AN": "Netherlands Antilles"}
US_STATE_NAMES = set("alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois "
                     "indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri "
                     "montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington "
                     "wisconsin wyoming".split()) | {"new hampshire", "new jersey", "new mexico", "new york", "north carolina",
                                                     "north dakota", "rhode island", "south carolina", "south dakota",
                                                     "west virginia", "district of columbia"}


def fold(text):
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.findall(r"[^\W_]+", text))


LINKING = set("of the and for at in de del della degli dei di des du da do dos das la le les el y e et und der fur van voor".split())

# Web of Science's abbreviation -> the words it abbreviates so, in groups of one meaning (the same
# word in several languages).
ABBREVIATED = {
    "univ": ["university universidad universidade universite universita universitat universiteit universitet universitesi "
             "uniwersytet univerzita universitatea", "universities"],
    "inst": ["institute institut instituto istituto institutet instytut institutt", "institutes", "institution"],
    "natl": ["national nacional nazionale nationale"], "technol": ["technology tecnologia technologie", "technologies", "technological"],
    "tech": ["technical technische", "technion"], "sci": ["science sciences ciencias scienze", "scientific"], "res": ["research"],
    "ctr": ["center centre centro centrum"], "hosp": ["hospital hopital ospedale", "hospitals"], "med": ["medical", "medicine"],
    "dept": ["department"], "lab": ["laboratory laboratorio laboratoire", "laboratories"], "acad": ["academy academia academie akademie"],
    "coll": ["college"], "sch": ["school"], "engn": ["engineering"], "fdn": ["foundation fundacion fondazione"],
    "polytech": ["polytechnic polytechnique politecnico politecnica"], "int": ["international"], "environm": ["environmental", "environment"],
    "agr": ["agricultural", "agriculture"], "fed": ["federal federale"], "hlth": ["health"], "phys": ["physics", "physical"],
    "chem": ["chemistry", "chemical"], "biol": ["biology", "biological"], "math": ["mathematics", "mathematical"],
    "comp": ["computer", "computing"], "informat": ["information", "informatics"], "econ": ["economics", "economic"],
    "educ": ["education", "educational"], "appl": ["applied"], "dev": ["development"], "govt": ["government"], "minist": ["ministry"],
    "soc": ["society"], "calif": ["california"], "elect": ["electronic electronics", "electrical"], "mech": ["mechanical", "mechanics"],
    "amer": ["american"], "gen": ["general"], "cent": ["central"], "publ": ["public"], "org": ["organization organisation"],
    "div": ["division"], "fac": ["faculty"], "grad": ["graduate"], "syst": ["systems"], "adv": ["advanced"], "nucl": ["nuclear"],
    "ind": ["industrial", "industry"], "psychol": ["psychology"], "clin": ["clinical", "clinic clinics"], "canc": ["cancer"],
    "pharmaceut": ["pharmaceutical"], "vet": ["veterinary"], "mil": ["military"], "observ": ["observatory"],
    "commiss": ["commission"], "assoc": ["association"], "corp": ["corporation"], "co": ["company"],
    "biochem": ["biochemistry", "biochemical"],
    "biotechnol": ["biotechnology"],
    "mol": ["molecular"],
    "genet": ["genetics"],
    "microbiol": ["microbiology"],
    "immunol": ["immunology"],
    "pathol": ["pathology"],
    "physiol": ["physiology"],
    "pharmacol": ["pharmacology"],
    "pharm": ["pharmacy"],
    "neurosci": ["neuroscience neurosciences"],
    "psychiat": ["psychiatry"],
    "surg": ["surgery"],
    "pediat": ["pediatrics"],
    "radiol": ["radiology"],
    "oncol": ["oncology"],
    "epidemiol": ["epidemiology"],
    "nutr": ["nutrition"],
    "stat": ["statistics"],
    "geol": ["geology", "geological"],
    "geophys": ["geophysics"],
    "oceanog": ["oceanography"],
    "meteorol": ["meteorology"],
    "astron": ["astronomy"],
    "astrophys": ["astrophysics"],
    "mat": ["materials"],
    "automat": ["automation"],
    "aerosp": ["aerospace"],
    "mem": ["memorial"],
    "stand": ["standards"],
    "super": ["superior superiore superieure superieur"],
    "invest": ["investigation investigacion investigaciones"],
    "cient": ["cientifica cientificas cientifico cientificos"],
}
ABBREVIATION, MEANING = {}, {}
for _short, _groups in ABBREVIATED.items():
    for _group in _groups:
        for _word in _group.split():
            ABBREVIATION[_word] = _short
            MEANING[_word] = (_short, _group)


def institution_fold(name):
    return fold(name.replace("&", " and ").replace("'", "").replace("\u2019", ""))


def place_keys(papers):
    """Per paper, per institution: (name, ROR id, unit key before joins, country). The key is
    `ror:` + the ROR id, else the folded name; a name that two or more countries name is one
    institution per country: the folded name with its country in brackets (`natl inst technol
    (IN)`, `()` for an address without one)."""
    rows, countries_of = [], defaultdict(set)
    for paper in papers:
        places = paper.get("institution_countries") or (
            paper["countries"] if len(paper["countries"]) == len(paper["institutions"]) else [None] * len(paper["institutions"]))
        row = []
        for (name, ror), country in zip(paper["institutions"], places):
            plain = "ror:" + ror if ror else institution_fold(name)
            row.append((name, ror, plain, country))
            if plain and not ror and country:
                countries_of[plain].add(country)
        rows.append(row)
    rows = [[(name, ror, f"{plain} ({country or ''})" if plain and not ror and len(countries_of[plain]) > 1 else plain, country)
             for name, ror, plain, country in row] for row in rows]
    for row in rows:
        for _, _, key, _ in row:
            if key.endswith(")") and " (" in key:
                PLAIN[key] = key[:key.rindex(" (")]
    return rows


PLAIN = {}  # a key with its country (`place_keys`) -> the name's own key


def abbreviated_key(name):
    words = institution_fold(name).split()
    kept = [ABBREVIATION.get(word, word) for word in words if word not in LINKING]
    return " ".join(kept) if kept else " ".join(words)


def significant_words(name):
    return [w for w in institution_fold(name).split() if w not in LINKING]


def one_name(a, b):
    """Word for word the same, one the other's abbreviation, or the same word in two languages."""
    return len(a) == len(b) and all(x == y or ABBREVIATION.get(x) == y or ABBREVIATION.get(y) == x
                                    or (x in MEANING and MEANING.get(x) == MEANING.get(y)) for x, y in zip(a, b))


def institution_joins(papers):
    """Each unit key -> the key of the unit it joins: names that are one name as databases write
    one (`Univ Trento`, `University of Trento`) with the same abbreviated key, in one country
    (one's countries the other's) where both name one, each linked set joined only if every two
    of it are one name and at most one has a ROR id; a name without a country joins the one
    set written so, where exactly one is."""
    spellings, countries = defaultdict(set), defaultdict(set)
    for row in place_keys(papers):
        for name, ror, key, country in row:
            if key:
                spellings[key].add(name or ror)
                if country:
                    countries[key].add(country)
    words, groups = defaultdict(list), defaultdict(list)
    for key in sorted(spellings):
        seen = set()
        for name in sorted(spellings[key]):
            if institution_fold(name) in seen:
                continue
            seen.add(institution_fold(name))
            short = abbreviated_key(name)
            if short:
                groups[short].append((key, significant_words(name)))
                words[key].append(significant_words(name))

    def names_one(u, v):
        return any(one_name(a, b) for a in words[u] for b in words[v])

    def related(u, v):
        return u <= v or v <= u

    def consistent(members):
        return sum(m.startswith("ror:") for m in members) <= 1 and all(
            names_one(a, b) and (not countries[a] or not countries[b] or related(countries[a], countries[b]))
            for i, a in enumerate(members) for b in members[i + 1:])

    parent = {}

    def find(u):
        while parent.get(u, u) != u:
            u = parent[u]
        return u

    sharing = [groups[k] for k in sorted(groups) if len({u for u, _ in groups[k]}) > 1]
    linked = defaultdict(set)
    for group in sharing:
        for i, (u, a) in enumerate(group):
            for v, b in group[i + 1:]:
                if u != v and countries[u] and countries[v] and related(countries[u], countries[v]) and one_name(a, b):
                    linked[u].add(v)
                    linked[v].add(u)
    done = set()
    for start in sorted(linked):
        if start in done:
            continue
        component, todo = [], [start]
        while todo:
            u = todo.pop()
            if u in done:
                continue
            done.add(u)
            component.append(u)
            todo.extend(sorted(linked[u]))
        if consistent(component):
            for u in component:
                parent[u] = component[0]
    members = defaultdict(list)
    for key in spellings:
        members[find(key)].append(key)
    joining = defaultdict(list)
    for group in sharing:
        for u, a in group:
            if countries[u] or u.startswith("ror:"):
                continue
            others = {find(v) for v, b in group if v != u and (countries[v] or v.startswith("ror:")) and one_name(a, b)}
            if len(others) == 1:
                other = others.pop()
                if find(u) != other and u not in joining[other]:
                    joining[other].append(u)
    for other in sorted(joining):
        if consistent(members[other] + joining[other]):
            for u in joining[other]:
                if find(u) != find(other):
                    parent[find(u)] = find(other)
    joins, components = {}, defaultdict(list)
    for key in sorted(spellings):
        components[find(key)].append(key)
    for root, component in components.items():
        target = next((k for k in component if k.startswith("ror:")), root)
        for key in component:
            if key != target:
                joins[key] = target
    return joins


def country_table():
    names = {}
    for entry in json.load(open(ISO, encoding="utf-8"))["3166-1"]:
        for field in ("name", "common_name", "official_name"):
            if field in entry:
                names.setdefault(fold(entry[field].replace("'", "")), entry["alpha_2"])
    for name, code in EXTRA_COUNTRY_NAMES.items():
        names[name] = code
    return names


COUNTRIES = country_table()
COUNTRY_NAMES = {entry["alpha_2"]: entry.get("common_name", entry["name"]) for entry in json.load(open(ISO, encoding="utf-8"))["3166-1"]}
COUNTRY_NAMES.update(FORMER_COUNTRY_NAMES)


INVERTED_TAILS = {"china", "peoples r china", "pr china", "peoples republic of china", "roc", "republic of china", "sar", "sar china",
                  "east", "west"}
TWO_PART_NAMES = {
    "hong kong china": "HK", "hong kong sar china": "HK", "hong kong peoples r china": "HK", "hong kong pr china": "HK",
    "hong kong peoples republic of china": "HK", "hong kong sar peoples r china": "HK", "macao sar china": "MO",
    "macau sar china": "MO", "macao china": "MO", "macau china": "MO", "macau peoples r china": "MO", "macao peoples r china": "MO",
    "germany east": "DD", "germany west": "DE", "macau pr china": "MO", "macao pr china": "MO", "macao sar peoples r china": "MO", "macau sar peoples r china": "MO",
    "macao sar pr china": "MO", "macau sar pr china": "MO", "hong kong sar pr china": "HK", "taiwan roc": "TW", "taiwan republic of china": "TW", "taiwan china": "TW",
}
GEORGIA_CITIES = set("atlanta athens augusta savannah macon columbus decatur marietta kennesaw statesboro valdosta carrollton "
                     "milledgeville dahlonega albany rome americus alpharetta lawrenceville morrow dalton gainesville brunswick "
                     "tifton griffin smyrna duluth norcross roswell emory".split()) | {"fort valley", "east point", "warner robins",
                                                                                      "peachtree city", "fort benning", "fort gordon"}


def country_of_address(address):
    parts = [p.strip(" .;") for p in address.rstrip(" .;").split(",")]
    parts = [p for p in parts if p]
    if not parts:
        return None
    last = parts[-1]
    key = fold(last.replace("'", ""))
    # The US state after one of its cities or with a ZIP code (`Atlanta, Georgia`).
    if key == "georgia" or key.startswith("georgia "):
        zip_code = lambda text: any(len(w) == 5 and w.isdigit() for w in text.split())
        if zip_code(key) or (len(parts) >= 2 and (fold(parts[-2]) in GEORGIA_CITIES or zip_code(fold(parts[-2])))):
            return "US"
    # Any other US state written out (`Houston, Texas 77030`), and `Washington, DC`.
    state = " ".join(w for w in key.split() if not any(c.isdigit() for c in w))
    if state in US_STATE_NAMES or (state == "dc" and len(parts) >= 2):
        return "US"
    # Hong Kong, Macao and Taiwan before `China`, `Peoples R China`, `ROC`.
    if len(parts) >= 2 and key in INVERTED_TAILS:
        joined = fold((parts[-2] + " " + last).replace("'", ""))
        if joined in TWO_PART_NAMES:
            return TWO_PART_NAMES[joined]
    if key in COUNTRIES:
        return COUNTRIES[key]
    words = key.split()
    if len(words) > 1 and words[-1] == "usa":
        return US_TERRITORIES.get(words[0], "US")
    if len(words) == 2 and re.fullmatch(r"[0-9]{5}", words[1]):
        if words[0] in US_TERRITORIES:
            return US_TERRITORIES[words[0]]  # `San Juan, PR 00936`: Puerto Rico, as ISO and OpenAlex give it
        if words[0] in US_STATES:
            return "US"  # older Web of Science: `ROCHESTER,NY 14627.`
    return None


US_TERRITORIES = {"pr": "PR", "gu": "GU", "vi": "VI", "as": "AS", "mp": "MP"}


US_STATES = set("al ak az ar ca co ct de dc fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj nm "
                "ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy".split())


SUB_UNIT = re.compile(r"school|\bsch\b|centre|center|\bctr\b|laborator|\blab\b|zentrum|\bcentro\b|centrum")
ORGANISATION = re.compile(r"institut|\binst\b|college|\bcoll\b|hospital|\bhosp\b|academ|\bacad\b|"
                          r"foundation|\bfdn\b|council|ministry|\bminist\b|agency|company|"
                          r"istitut|instytut|akadem|hopital|ospedal|klinik|krankenhaus|fundac|fondaz|stiftung|"
                          r"\b(?:ecole|scuola|escuela|escola)\b|"
                          r"corporation|polytechn|politecn|museum|library|observator|"
                          r"\b(?:inria|csic|cnr|cea|inra|inrae|csiro|riken|nasa|max planck|fraunhofer|helmholtz|embl|cern|infn|nih|ird|cirad|tno)\b")


UNIVERSITY_SYSTEMS = {"university of california", "university of texas"}


def is_campus(part):
    key = fold(part)
    return (1 <= len(key.split()) <= 4 and not any(c.isdigit() for c in key) and country_of_address(part) is None
            and not any(w in key for w in ("department", "dept", "faculty", "school", "institute", "division", "center",
                                           "centre", "laborator", "program", "graduate", "college of", "hospital", "medical",
                                           "health", "clinic")))


def institution_of_address(address):
    """The first part naming a university (with its campus, for a university of several), else the
    first naming an organisation, else a school, centre or laboratory, else the first part."""
    parts = [p.strip(" .") for p in address.split(",") if p.strip(" .")]
    for i, part in enumerate(parts):
        if "univ" in fold(part) or "hochschule" in fold(part):
            if fold(part) in UNIVERSITY_SYSTEMS and i + 1 < len(parts) and is_campus(parts[i + 1]):
                return part + ", " + parts[i + 1]
            return part
    for pattern in (ORGANISATION, SUB_UNIT):
        for part in parts:
            if pattern.search(fold(part)):
                return part
    return parts[0] if parts else ""


def wos_papers(path):
    """Each record's C1 entries `[authors] address` as address strings."""
    papers, fields, tag = [], {}, None
    with open(path, encoding="utf-8-sig") as handle:
        for line in handle:
            line = line.rstrip("\r\n")
            if line.startswith("ER"):
                papers.append(fields)
                fields, tag = {}, None
                continue
            if line[:2].strip() and line[2:3] == " ":
                tag = line[:2]
                fields.setdefault(tag, []).append(line[3:])
            elif line.startswith("   ") and tag:
                fields[tag].append(line[3:])
    out = []
    for fields in papers:
        # `[Authors] address`, or in records before about 2008 the address alone (the paper's).
        addresses = [e[e.index("]") + 1:].strip() if e.startswith("[") else e.strip() for e in fields.get("C1", [])]
        standard = c3_names(addresses, fields.get("C3", []))
        names = fields.get("AF") or fields.get("AU") or []
        out.append({
            "id": fields.get("UT", [""])[0],
            "authors": len([n for n in names if n.strip()]),
            "people": [n.strip().casefold() for n in names if n.strip()],
            "cited": int(fields["TC"][0]) if "TC" in fields else None,
            "institutions": [(standard(a), None) for a in addresses],
            "countries": [country_of_address(a) for a in addresses],
        })
    return out


def c3_names(addresses, lines):
    """The function giving each C1 address its institution: Web of Science's own name of it from
    C3 (its lines joined by a blank, entries separated by `;`), else the address's first part. C3
    has one name per distinct institution of the addresses, or per distinct address, in their
    order (and leaves out the ones it does not know): names are given by place where the distinct
    institutions (folded), else the distinct addresses, are as many as the names, and not at all
    where an address's institution is by its words (`one_name`) some name but not the one its
    place gives it."""
    names = [n.strip() for n in " ".join(" ".join(lines).split()).split(";") if n.strip()]
    first = lambda address: address.split(",")[0].strip()
    institutions, raws = [], []
    for address in addresses:
        key = institution_fold(first(address))
        if not key:
            continue
        if key not in [k for k, _ in institutions]:
            institutions.append((key, first(address)))
        if address not in raws:
            raws.append(address)
    by_key, by_address = {}, {}
    if names and len(institutions) == len(names):
        by_key = {key: name for (key, _), name in zip(institutions, names)}
    elif names and len(raws) == len(names):
        by_address = dict(zip(raws, names))

    def given(address):
        return by_address.get(address) or by_key.get(institution_fold(first(address)))

    for address in raws:
        matching = [n for n in names if one_name(significant_words(first(address)), significant_words(n))]
        if matching and given(address) is not None and given(address) not in matching:
            by_key, by_address = {}, {}
    return lambda address: given(address) or first(address)


def scopus_papers(path):
    out = []
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            addresses = [a.strip() for a in row["Affiliations"].split(";") if a.strip()]
            out.append({
                "id": row["EID"],
                "authors": len([n for n in row["Author full names"].split(";") if n.strip()]),
                "people": [n.strip().rsplit("(", 1)[-1].rstrip(")") for n in row["Author full names"].split(";") if n.strip()],
                "cited": int(row["Cited by"]) if row["Cited by"].strip() else None,
                "institutions": [(institution_of_address(a), None) for a in addresses],
                "countries": [country_of_address(a) for a in addresses],
            })
    return out


def openalex_csv_papers(path):
    out = []
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            authors = row["authorships.author.display_name"].split("|") if row["authorships.author.display_name"] else []
            institutions = row["authorships.institutions.display_name"].split("|") if row["authorships.institutions.display_name"] else []
            countries = row["authorships.countries"].split("|") if row["authorships.countries"] else []
            # Institutions that do not align with the authors are in the one country of all the
            # authors, where every author has that one.
            named = [i for i in institutions if i]
            one = len(institutions) != len(authors) and len(countries) == len(authors) and len(set(countries)) == 1 and countries[0]
            out.append({
                "id": row["id"],
                "authors": len(authors),
                "people": [i for i in row["authorships.author.id"].split("|") if i],
                "cited": int(row["cited_by_count"]) if row["cited_by_count"].strip() else None,
                "institutions": [(i, None) for i in institutions if i],
                "countries": [c for c in countries if c] if len(countries) == len(authors) else [],
                "institution_countries": [countries[0]] * len(named) if one else None,
            })
    return out


def openalex_json_papers(path):
    work = json.load(open(path, encoding="utf-8"))
    institutions, countries = [], []
    for authorship in work["authorships"]:
        for institution in authorship["institutions"]:
            ror = (institution.get("ror") or "").rsplit("/", 1)[-1]
            institutions.append((institution.get("display_name") or "", ror or None))
            countries.append(institution.get("country_code"))
    return [{"id": work["id"], "authors": len(work["authorships"]), "cited": work.get("cited_by_count"),
             "people": [a["author"]["id"] for a in work["authorships"]],
             "institutions": institutions, "countries": countries}]


def bib_entries(path):
    """The entries of a BibTeX file as {lower-case field name: raw value}, braces balanced."""
    text = open(path, encoding="utf-8-sig").read()
    entries, i = [], 0
    while True:
        i = text.find("@", i)
        if i < 0:
            return entries
        open_brace = text.find("{", i)
        comma = text.find(",", open_brace)
        if text[i + 1:open_brace].strip().lower() in ("comment", "string", "preamble"):
            i = open_brace
            continue
        j, fields = comma + 1, {}
        while True:
            while text[j] in " \t\r\n,":
                j += 1
            if text[j] == "}":
                break
            equals = text.index("=", j)
            name = text[j:equals].strip().lower()
            j = equals + 1
            while text[j] in " \t\r\n":
                j += 1
            if text[j] == "{":
                depth, start = 0, j + 1
                while True:
                    depth += {"{": 1, "}": -1}.get(text[j], 0)
                    j += 1
                    if depth == 0:
                        break
                value = text[start:j - 1]
            else:
                start = j
                while text[j] not in ",}":
                    j += 1
                value = text[start:j].strip()
            fields[name] = value
        entries.append(fields)
        i = j


def bib_authors(fields):
    return [" ".join(a.split()) for a in re.split(r"\s+and\s+", fields.get("author", "")) if a.strip()]


def wos_bib_papers(path):
    """Web of Science BibTeX: `Affiliation` lines are C1 without brackets, `Names; Names, address`
    (the reprint line left out); a line whose names are not the record's authors is an address
    alone, the paper's; `Affiliations` is C3. `Times-Cited` is the count."""
    out = []
    for fields in bib_entries(path):
        authors = bib_authors(fields)
        addresses, countries = [], []
        for line in fields.get("affiliation", "").split("\n"):
            line = " ".join(line.replace("\\&", "&").split())
            if not line or "(Corresponding Author)" in line or "(Reprint Author)" in line:
                continue
            match = re.match(r"^((?:[^,;]+, [^,;]+; )*[^,;]+, [^,;]+), (.+)$", line)
            names = match.group(1).split("; ") if match else []
            address = match.group(2) if match and all(n in authors for n in names) else line
            addresses.append(address)
            countries.append(country_of_address(address))
        # `Affiliations` is the plain text's C3.
        standard = c3_names(addresses, [fields.get("affiliations", "").replace("\\&", "&")])
        institutions = [(standard(address), None) for address in addresses]
        out.append({
            "id": fields.get("unique-id", ""),
            "authors": len(authors),
            "people": [a.casefold() for a in authors],
            "cited": int(fields["times-cited"]) if "times-cited" in fields else None,
            "institutions": institutions,
            "countries": countries,
        })
    return out


def scopus_bib_papers(path):
    """Scopus BibTeX: `affiliations` are the paper's addresses joined by `;`, as the CSV's
    `Affiliations`; `note = {Cited by: 52}` the count."""
    out = []
    for fields in bib_entries(path):
        authors = bib_authors(fields)
        addresses = [a.strip() for a in " ".join(fields.get("affiliations", "").split()).split(";") if a.strip()]
        cited = re.match(r"Cited by: (\d+)", fields.get("note", ""))
        out.append({
            "id": fields.get("doi", ""),
            "authors": len(authors),
            "people": [a.casefold() for a in authors],
            "cited": int(cited.group(1)) if cited else None,
            "institutions": [(institution_of_address(a), None) for a in addresses],
            "countries": [country_of_address(a) for a in addresses],
        })
    return out


def h_index(counts):
    counts = sorted(counts, reverse=True)
    return sum(1 for i, c in enumerate(counts) if c >= i + 1)


def indicators(papers):
    """Citations, h-index, international share and the three collaboration indicators of `papers`."""
    cited = [p["cited"] or 0 for p in papers]
    with_country = [p for p in papers if any(p["countries"])]
    international = [p for p in with_country if len({c for c in p["countries"] if c}) >= 2]
    sizes = [p["authors"] for p in papers]
    multi = [n for n in sizes if n >= 2]
    people = len({person for p in papers for person in p["people"]})
    cc = 1 - sum(1 / n for n in sizes) / len(sizes) if sizes else None
    return {
        "papers": len(papers),
        "citations": sum(cited),
        "h_index": h_index(cited),
        "international_share": len(international) / len(with_country) if with_country else None,
        "collaboration_index": sum(multi) / len(multi) if multi else None,
        "degree_of_collaboration": len(multi) / len(sizes) if sizes else None,
        "collaborative_coefficient": cc,
        "authors": people,
        "modified_collaborative_coefficient": people / (people - 1) * cc if cc is not None and people > 1 else None,
    }


def network(papers, level):
    spellings = defaultdict(Counter)
    unit_papers = Counter()
    papers_of = defaultdict(list)
    count, fractional = Counter(), defaultdict(float)
    without = 0
    joins = institution_joins(papers) if level == "institution" else {}
    keyed = place_keys(papers) if level == "institution" else [None] * len(papers)
    unit_countries = defaultdict(set)
    for paper, row in zip(papers, keyed):
        units = []
        if level == "institution":
            for name, ror, key, country in row:
                key = joins.get(key, key)
                if key and country:
                    unit_countries[key].add(country)
                if not key:
                    continue
                spellings[key][name or ror] += 1
                if key not in units:
                    units.append(key)
        else:
            for code in paper["countries"]:
                if code and code not in units:
                    units.append(code)
                    spellings[code][code] += 1
        if not units:
            without += 1
        for unit in units:
            unit_papers[unit] += 1
            papers_of[unit].append(paper)
        pairs = list(combinations(sorted(units), 2))
        for pair in pairs:
            count[pair] += 1
            fractional[pair] += 1 / len(pairs)
    label = {key: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for key, c in spellings.items()}
    if level == "institution":
        # One name in several countries: each label says its countries.
        alike = Counter(label.values())
        for key in label:
            if alike[label[key]] > 1:
                places = [COUNTRY_NAMES.get(c, c) for c in sorted(unit_countries[key])]
                label[key] += f" ({', '.join(places)})" if places else " (no country)"
    # The keys as coauthor gives them: a name's own (no country) unless two or more units are left
    # with it after the joins, each then with its countries (`natl inst technol (IN)`).
    plain = {key: PLAIN.get(key, key) for key in unit_papers}
    shared = Counter(plain.values())
    out = {key: plain[key] if shared[plain[key]] < 2 or key.startswith("ror:")
           else f"{plain[key]} ({','.join(sorted(unit_countries[key]))})" for key in unit_papers}
    return {
        "nodes": {out[key]: {"label": label[key], "papers": unit_papers[key], "indicators": indicators(papers_of[key])}
                  for key in sorted(unit_papers)},
        "edges": [sorted([out[a], out[b]]) + [count[(a, b)], fractional[(a, b)]] for a, b in sorted(count)],
        "without_units": without,
    }


def main():
    readers = {"wos": wos_papers, "wos-older": wos_papers, "scopus": scopus_papers, "openalex-csv": openalex_csv_papers,
               "openalex-json": openalex_json_papers, "wos-bib": wos_bib_papers, "scopus-bib": scopus_bib_papers}
    result = {}
    for source, relative in FILES.items():
        path = os.path.join(EXPORTS, relative)
        if not os.path.exists(path):
            sys.exit("needs " + path)
        papers = readers[source](path)
        result[source] = {"file": relative, "papers": len(papers), "corpus": indicators(papers),
                          "institution": network(papers, "institution"), "country": network(papers, "country"),
                          "paper_countries": {p["id"]: sorted({c for c in p["countries"] if c}) for p in papers}}
    out = sys.argv[1] if len(sys.argv) > 1 else OUT
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(result, handle, indent=1, sort_keys=True, ensure_ascii=False)
        handle.write("\n")
    for source, value in result.items():
        for level in ("institution", "country"):
            n = value[level]
            print(f"{source:14} {level:11} nodes {len(n['nodes']):3} edges {len(n['edges']):3} without {n['without_units']}")


if __name__ == "__main__":
    main()
