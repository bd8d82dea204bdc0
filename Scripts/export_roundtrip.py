#!/usr/bin/env python3
"""Reads coauthor's exports back with the reference readers and checks every value.

Usage: export_roundtrip.py EXPECTED.json FORMAT FILE... [--schema GEXF_RNG]

EXPECTED.json is written by the Swift tests (Tests/CoauthorCoreTests/ExportTests.swift)
straight from the network, not from any export:
  {"nodes": [{"name": str, "attrs": {attr: value}}], "edges": [{"source": i, "target": j,
   "attrs": {...}, "years": [...]}], "node_types": [[attr, "int"|"double"], ...] (in column order),
   "edge_types": [...], "graph": {"weighting": ..., "filters": ..., "max_authors": ...,
   "distance": ..., "tool": ...}, "communities": [..] or null}
Values are decimal strings (Swift's shortest exact form; NaN is "NaN"); a missing value
(a year of an author without dated papers) is absent from "attrs".

FORMAT is graphml (networkx and igraph), json (nx.node_link_graph), pajek (.net and .clu;
networkx and igraph), gexf (RELAX NG schema with lxml, networkx's read_gexf), csv
(nodes.csv and edges.csv with the csv module) or vosviewer (map and network files).
Exits 0 when everything matches; otherwise prints each mismatch and exits 1.
"""
import csv
import json
import math
import sys

problems = []


def fail(message):
    problems.append(message)


def same(a, b):
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return a == b and type(a) is type(b)


def expected_value(value, kind):
    if value == "NaN":
        return float("nan")
    return int(value) if kind == "int" else float(value)


def check_attrs(where, got, attrs, types, skip=()):
    """got: dict read back; attrs: expected values; types: expected kinds."""
    for key, kind in types.items():
        if key in skip:
            continue
        if key not in attrs:
            if key in got and got[key] is not None:
                fail(f"{where}: {key} should be missing, got {got[key]!r}")
            continue
        want = expected_value(attrs[key], kind)
        if key not in got:
            fail(f"{where}: {key} missing")
        elif not same(got[key], want):
            fail(f"{where}: {key} = {got[key]!r} ({type(got[key]).__name__}), expected {want!r} ({kind})")


def graphml(expected, path):
    import networkx as nx
    G = nx.read_graphml(path)
    nodes = expected["nodes"]
    if G.number_of_nodes() != len(nodes) or G.number_of_edges() != len(expected["edges"]):
        fail(f"networkx: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")
    for i, node in enumerate(nodes):
        data = G.nodes[f"n{i}"]
        if data.get("label") != node["name"] or data.get("name") != node["name"]:
            fail(f"networkx node n{i}: label {data.get('label')!r} / name {data.get('name')!r}, expected {node['name']!r}")
        check_attrs(f"networkx node n{i}", data, node["attrs"], expected["node_types"])
    for edge in expected["edges"]:
        u, v = f"n{edge['source']}", f"n{edge['target']}"
        if not G.has_edge(u, v):
            fail(f"networkx: no edge {u}-{v}")
            continue
        check_attrs(f"networkx edge {u}-{v}", G.edges[u, v], edge["attrs"], expected["edge_types"])
    for key, value in expected["graph"].items():
        if G.graph.get(key) != value:
            fail(f"networkx graph {key} = {G.graph.get(key)!r}, expected {value!r}")

    import igraph
    H = igraph.Graph.Read_GraphML(path)
    if H.vcount() != len(nodes) or H.ecount() != len(expected["edges"]):
        fail(f"igraph: {H.vcount()} nodes, {H.ecount()} edges")
    want_vertex = set(expected["node_types"]) | {"id", "label", "name"}
    if set(H.vs.attributes()) != want_vertex:
        fail(f"igraph vertex attributes {sorted(H.vs.attributes())}, expected {sorted(want_vertex)}")
    want_edge = set(expected["edge_types"]) | {"id"}
    if set(H.es.attributes()) != want_edge:
        fail(f"igraph edge attributes {sorted(H.es.attributes())}, expected {sorted(want_edge)}")
    index = {v["id"]: v.index for v in H.vs}
    for i, node in enumerate(nodes):
        v = H.vs[index[f"n{i}"]]
        if v["label"] != node["name"] or v["name"] != node["name"]:
            fail(f"igraph node n{i}: label {v['label']!r}, expected {node['name']!r}")
        for key, kind in expected["node_types"].items():
            check_igraph_value(f"igraph node n{i} {key}", v[key], node["attrs"].get(key), kind)
            # Same attribute, same value and same kind in both readers.
            nx_value = G.nodes[f"n{i}"].get(key)
            if nx_value is not None and isinstance(nx_value, int) != (kind == "int"):
                fail(f"networkx node n{i} {key}: type {type(nx_value).__name__}, expected {kind}")
    for edge in H.es:
        u, v = H.vs[edge.source]["id"], H.vs[edge.target]["id"]
        a, b = sorted([int(u[1:]), int(v[1:])])
        match = [e for e in expected["edges"] if e["source"] == a and e["target"] == b]
        if len(match) != 1:
            fail(f"igraph: unexpected edge {u}-{v}")
            continue
        for key, kind in expected["edge_types"].items():
            check_igraph_value(f"igraph edge {u}-{v} {key}", edge[key], match[0]["attrs"].get(key), kind)
    for key, value in expected["graph"].items():
        got = H[key]
        if isinstance(value, int):
            got = int(got)
        if got != value:
            fail(f"igraph graph {key} = {got!r}, expected {value!r}")


def check_igraph_value(where, got, want, kind):
    # igraph keeps every number as a float and a missing one as NaN.
    if want is None:
        if not (isinstance(got, float) and math.isnan(got)):
            fail(f"{where}: expected missing (NaN), got {got!r}")
        return
    want = expected_value(want, kind)
    if not isinstance(got, float) or not same(got, float(want)):
        fail(f"{where}: {got!r}, expected {want!r}")


def node_link(expected, path):
    import networkx as nx
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    G = nx.node_link_graph(data)
    if G.is_directed() or G.is_multigraph():
        fail("json: read as directed or multigraph")
    if G.number_of_nodes() != len(expected["nodes"]) or G.number_of_edges() != len(expected["edges"]):
        fail(f"json: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")
    for i, node in enumerate(expected["nodes"]):
        d = G.nodes[i]
        if d.get("label") != node["name"] or d.get("name") != node["name"]:
            fail(f"json node {i}: label {d.get('label')!r}, expected {node['name']!r}")
        # JSON has no NaN: a NaN metric is null.
        got = {k: (float("nan") if v is None and k in node["attrs"] else v) for k, v in d.items()}
        check_attrs(f"json node {i}", got, node["attrs"], expected["node_types"])
    for edge in expected["edges"]:
        u, v = edge["source"], edge["target"]
        if not G.has_edge(u, v):
            fail(f"json: no edge {u}-{v}")
            continue
        check_attrs(f"json edge {u}-{v}", G.edges[u, v], edge["attrs"], expected["edge_types"])
    for key, value in expected["graph"].items():
        if G.graph.get(key) != value:
            fail(f"json graph {key} = {G.graph.get(key)!r}, expected {value!r}")


def pajek_label(name):
    # Pajek has no escapes: documented substitutions in PajekFormatter.
    return name.replace('"', "'").replace("\r", " ").replace("\n", " ")


def pajek(expected, net_path, clu_path=None):
    import networkx as nx
    import igraph
    nodes = expected["nodes"]
    labels = [pajek_label(n["name"]) for n in nodes]
    G = nx.read_pajek(net_path)
    if G.number_of_nodes() != len(nodes) or G.number_of_edges() != len(expected["edges"]):
        fail(f"networkx pajek: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")
    # networkx splits vertex lines with shlex, which also reads a backslash before another
    # backslash as an escape (PajekFormatter's documentation): such names are compared in igraph only.
    comparable = [label for label in labels if "\\\\" not in label and not label.endswith("\\")]
    missing = [label for label in comparable if label not in G]
    if missing:
        fail(f"networkx pajek: labels not read back: {missing!r}")
    for edge in expected["edges"]:
        u, v = labels[edge["source"]], labels[edge["target"]]
        if u in comparable and v in comparable:
            weights = [d["weight"] for d in G.get_edge_data(u, v, default={}).values()]
            if weights != [expected_value(edge["attrs"]["weight"], "double")]:
                fail(f"networkx pajek edge {u!r}-{v!r}: weights {weights}")

    H = igraph.Graph.Read_Pajek(net_path)
    if H.vcount() != len(nodes) or H.ecount() != len(expected["edges"]):
        fail(f"igraph pajek: {H.vcount()} nodes, {H.ecount()} edges")
    # igraph keeps a Pajek vertex label as the vertex name.
    if H.vs["name"] != labels:
        fail(f"igraph pajek labels {H.vs['name']!r}, expected {labels!r}")
    got = sorted((min(e.tuple), max(e.tuple), e["weight"]) for e in H.es)
    want = sorted((e["source"], e["target"], expected_value(e["attrs"]["weight"], "double")) for e in expected["edges"])
    if got != want:
        fail("igraph pajek edges differ")
    if clu_path is not None:
        with open(clu_path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        if lines[0] != f"*Vertices {len(nodes)}" or lines[-1] != "":
            fail(f"clu header {lines[0]!r}")
        clusters = [int(x) for x in lines[1:-1]]
        if clusters != [c + 1 for c in expected["communities"]]:
            fail(f"clu clusters {clusters}, expected {[c + 1 for c in expected['communities']]}")


def gexf(expected, path, schema):
    from lxml import etree
    grammar = etree.RelaxNG(etree.parse(schema))
    document = etree.parse(path)
    if not grammar.validate(document):
        fail(f"gexf not valid against {schema}: {grammar.error_log}")
    import networkx as nx
    G = nx.read_gexf(path, version="1.3")
    nodes = expected["nodes"]
    if G.number_of_nodes() != len(nodes) or G.number_of_edges() != len(expected["edges"]):
        fail(f"gexf: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")
    if G.graph.get("mode") != "dynamic":
        fail("gexf: graph is not dynamic")
    for i, node in enumerate(nodes):
        d = G.nodes[f"n{i}"]
        token = " ".join(node["name"].split())
        if d.get("label") != token or d.get("name") != node["name"]:
            fail(f"gexf node n{i}: label {d.get('label')!r}, name {d.get('name')!r}, expected {node['name']!r}")
        check_attrs(f"gexf node n{i}", d, node["attrs"], expected["node_types"])
    ns = {"g": "http://gexf.net/1.3"}
    per_year = {}
    dynamic = document.getroot().find(".//g:attributes[@class='edge'][@mode='dynamic']/g:attribute[@title='weight']", ns)
    if dynamic is None:
        fail("gexf: no dynamic edge attribute titled 'weight'")
        return
    weight_id = dynamic.get("id")
    for element in document.getroot().iterfind(".//g:edges/g:edge", ns):
        key = (element.get("source"), element.get("target"))
        values = element.findall(f"g:attvalues/g:attvalue[@for='{weight_id}']", ns)
        per_year[key] = [(int(a.get("start")), int(a.get("end")), float(a.get("value"))) for a in values]
        spells = [(int(s.get("start")), int(s.get("end"))) for s in element.findall("g:spells/g:spell", ns)]
        per_year[key + ("spells",)] = spells
    for edge in expected["edges"]:
        u, v = f"n{edge['source']}", f"n{edge['target']}"
        if not G.has_edge(u, v):
            fail(f"gexf: no edge {u}-{v}")
            continue
        check_attrs(f"gexf edge {u}-{v}", G.edges[u, v], edge["attrs"], expected["edge_types"])
        years = edge["years"]
        weight = expected_value(edge["attrs"]["weight"], "double")
        per_paper = weight / max(1, expected_value(edge["attrs"]["papers"], "int"))
        want = [(y, y, years.count(y) * per_paper) for y in sorted(set(years))]
        if per_year.get((u, v)) != want:
            fail(f"gexf edge {u}-{v}: weight by year {per_year.get((u, v))}, expected {want}")
        runs = []
        for y in sorted(set(years)):
            if runs and runs[-1][1] == y - 1:
                runs[-1] = (runs[-1][0], y)
            else:
                runs.append((y, y))
        if per_year.get((u, v, "spells")) != runs:
            fail(f"gexf edge {u}-{v}: spells {per_year.get((u, v, 'spells'))}, expected {runs}")


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f, strict=True))


def csv_tables(expected, nodes_path, edges_path):
    for path in (nodes_path, edges_path):
        with open(path, "rb") as f:
            raw = f.read()
        if not raw.endswith(b"\r\n"):
            fail(f"{path}: rows must end with CRLF")
    rows = read_csv(nodes_path)
    header = rows[0]
    want = ["id", "label", "name"] + list(expected["node_types"])
    if header != want:
        fail(f"nodes.csv header {header}, expected {want}")
    if len(rows) - 1 != len(expected["nodes"]):
        fail(f"nodes.csv has {len(rows) - 1} rows")
    for i, (row, node) in enumerate(zip(rows[1:], expected["nodes"])):
        if len(row) != len(header):
            fail(f"nodes.csv row {i}: {len(row)} fields")
            continue
        if row[0] != str(i) or row[1] != node["name"] or row[2] != node["name"]:
            fail(f"nodes.csv row {i}: {row[:3]!r}, expected {node['name']!r}")
        got = {k: (expected_value(v, expected["node_types"][k]) if v != "" else None) for k, v in zip(header[3:], row[3:])}
        check_attrs(f"nodes.csv row {i}", got, node["attrs"], expected["node_types"])
    rows = read_csv(edges_path)
    header = rows[0]
    want = ["source", "target", "type"] + list(expected["edge_types"])
    if header != want:
        fail(f"edges.csv header {header}, expected {want}")
    for row, edge in zip(rows[1:], expected["edges"]):
        if row[:3] != [str(edge["source"]), str(edge["target"]), "undirected"]:
            fail(f"edges.csv row {row[:3]}")
        got = {k: (expected_value(v, expected["edge_types"][k]) if v != "" else None) for k, v in zip(header[3:], row[3:])}
        check_attrs(f"edges.csv {row[:2]}", got, edge["attrs"], expected["edge_types"])
    if len(rows) - 1 != len(expected["edges"]):
        fail(f"edges.csv has {len(rows) - 1} rows")


def vosviewer(expected, map_path, network_path):
    with open(map_path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    header = rows[0]
    if header[:2] != ["id", "label"] or header[-3:] != ["weight<Links>", "weight<Total link strength>", "weight<Documents>"]:
        fail(f"map header {header}")
    for i, (row, node) in enumerate(zip(rows[1:], expected["nodes"])):
        label = node["name"].replace("\t", " ").replace("\r", " ").replace("\n", " ")
        if row[0] != str(i + 1) or row[1] != label or len(row) != len(header):
            fail(f"map row {i + 1}: {row[:2]!r}, expected {label!r}")
        if row[-1] != node["attrs"]["papers"]:
            fail(f"map row {i + 1}: documents {row[-1]}")
        if expected["communities"] is not None and int(row[header.index("cluster")]) != expected["communities"][i] + 1:
            fail(f"map row {i + 1}: cluster {row[header.index('cluster')]}")
    if len(rows) - 1 != len(expected["nodes"]):
        fail(f"map has {len(rows) - 1} rows")
    with open(network_path, newline="", encoding="utf-8") as f:
        links = [row for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]
    got = [(int(a) - 1, int(b) - 1, float(w)) for a, b, w in links]
    want = [(e["source"], e["target"], expected_value(e["attrs"]["weight"], "double")) for e in expected["edges"]]
    if got != want:
        fail("network file links differ")


def main(argv):
    schema = None
    if "--schema" in argv:
        at = argv.index("--schema")
        schema = argv[at + 1]
        argv = argv[:at] + argv[at + 2:]
    with open(argv[1], encoding="utf-8") as f:
        expected = json.load(f)
    # Written as [name, kind] pairs to keep the column order of the exports.
    expected["node_types"] = dict(expected["node_types"])
    expected["edge_types"] = dict(expected["edge_types"])
    kind, files = argv[2], argv[3:]
    try:
        if kind == "graphml":
            graphml(expected, *files)
        elif kind == "json":
            node_link(expected, *files)
        elif kind == "pajek":
            pajek(expected, *files)
        elif kind == "gexf":
            gexf(expected, files[0], schema)
        elif kind == "csv":
            csv_tables(expected, *files)
        elif kind == "vosviewer":
            vosviewer(expected, *files)
        else:
            fail(f"unknown format {kind}")
    except ImportError as error:
        fail(f"{error}: run Scripts/setup.sh --test to install the reference readers")
    for problem in problems[:40]:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
