#!/usr/bin/env bash
# The whole benchmark suite, side by side with the reference tools, in one run (issue 8).
# Prints Markdown for BENCHMARKS.md. Needs ../shared/datasets beside the repository; installs
# igraph, networkit, pybtex and bibtexparser with pip and Graphviz's command line with apt-get
# when missing. Takes about an hour on the 2-core reference machine (exact betweenness of the
# 187k-author graph alone about 15 minutes; the scale runs need about 12 GB of RAM). The MPI part
# (Scripts/bench_mpi.sh) runs where Open MPI is installed (Scripts/setup.sh --test).
#
#   Scripts/benchmarks.sh > /tmp/bench.md
set -euo pipefail
cd "$(dirname "$0")/.."
export SCRATCH="${SCRATCH:-.build-bench}"
CACHE="${COAUTHOR_DATASET_CACHE:-/tmp/coauthor-datasets}"
DATASETS=../shared/datasets
mkdir -p "$CACHE"
for f in dblp-2016-topvenues/dblp2016-topvenues.bib.xz acl-anthology-2021/acl-anthology-2021.bib.xz; do
    out="$CACHE/$(basename "$f" .xz)"
    [ -f "$out" ] || xz -dc "$DATASETS/$f" > "$out"
done
# The Python reference tools live in a virtual environment, never in the system Python: the
# repository's .venv/ (made by Scripts/setup.sh --test) or $COAUTHOR_VENV. Every `python3` below,
# and in the scripts called, is that environment's, and so is every pip install they make.
VENV="${COAUTHOR_VENV:-$PWD/.venv}"
if [ ! -x "$VENV/bin/python3" ]; then
    [ -z "${COAUTHOR_VENV:-}" ] || { echo "benchmarks: no Python in $COAUTHOR_VENV/bin" >&2; exit 1; }
    Scripts/setup.sh --test >&2
fi
export PATH="$VENV/bin:$PATH"
python3 -c "import igraph, networkit, lxml, leidenalg" 2>/dev/null || python3 -m pip install --quiet igraph networkit lxml leidenalg
swift build -c release --product coauthor --scratch-path "$SCRATCH" >&2
swift build -c release --product coauthor-bench --scratch-path "$SCRATCH" >&2
BIN="$SCRATCH/release/coauthor"
TOP="$CACHE/dblp2016-topvenues.bib"

echo "## Machine"
echo
echo "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB; $(swift --version 2>&1 | head -1); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

echo "## Whole pipeline on dblp-2016-topvenues (187k authors, 645k ties)"
echo
echo "| run | seconds | peak MB | target |"
echo "|---|---:|---:|---|"
measure() { # label target command...
    local label=$1 target=$2; shift 2
    local log out
    log=$(mktemp)
    /usr/bin/time -o "$log" -f "%e %M" "$@" > /dev/null 2>&1
    out=$(tail -1 "$log")
    rm -f "$log"
    echo "| $label | ${out% *} | $(( ${out#* } / 1024 )) | $target |"
}
measure "coauthor stats (read, resolve, build, graph statistics)" "≤ 2 s, ≤ 500 MB" "$BIN" stats "$TOP" --format json --quiet
measure "every metric but exact betweenness/closeness/harmonic (rank --by pagerank, all cheap metrics)" "≤ 5 s" "$BIN" rank "$TOP" --by constraint --quiet
measure "GraphML export with those metrics" "≤ 10 s" "$BIN" export "$TOP" --format graphml --metrics papers,degree,strength,eigenvector,pagerank,clustering,core,constraint,community -o /tmp/coauthor-bench.graphml --quiet
measure "approximate betweenness, --approximate 0.01 (rank --by betweenness)" "≤ 60 s" "$BIN" rank "$TOP" --by betweenness --approximate 0.01 --quiet
measure "report: every output, path metrics within the default 60 s budget" "≤ 90 s" "$BIN" report "$TOP" -o /tmp/coauthor-bench-report --quiet
measure "GraphML export with every metric, path metrics within the default 60 s budget" "≤ 90 s" "$BIN" export "$TOP" --format graphml -o /tmp/coauthor-bench-all.graphml --quiet
measure "exact betweenness (rank --by betweenness --exact)" "≤ 45 min" "$BIN" rank "$TOP" --by betweenness --exact --quiet
echo

echo "## Metrics against igraph and networkit"
echo
echo "### dblp-2016-sigmod (5,811 authors, 18,158 ties)"
echo
python3 Scripts/bench_metrics.py --dataset sigmod --repeat 3 --networkx --metrics betweenness,closeness,harmonic,pagerank,core,clustering,communities,leiden,leiden-stable,eigenvector
echo
echo "### dblp-2016-topvenues (187k authors, 645k ties)"
echo
python3 Scripts/bench_metrics.py --dataset topvenues --repeat 3 --networkx --betweenness-sample 400 --metrics pagerank,core,clustering,communities,leiden,eigenvector
echo
echo "### acl-anthology-2021"
echo
python3 Scripts/bench_metrics.py --dataset acl --repeat 3 --networkx --metrics pagerank,core,clustering,communities,eigenvector
echo
for papers in 100000 1000000 3000000; do
    echo "### synthetic corpus, $papers papers (gen_corpus.py)"
    echo
    # networkit's local clustering takes over a minute at 1M papers and many at 3M: left out there.
    metrics=pagerank,core,clustering,communities,eigenvector
    [ "$papers" = 3000000 ] && metrics=pagerank,core,communities,eigenvector
    python3 Scripts/bench_metrics.py --dataset "synthetic-$papers" --metrics "$metrics"
    echo
done

echo "## Scale: synthetic corpora and a DBLP XML dump of several GB"
echo
Scripts/bench_scale.sh
echo

echo "## Reading DBLP XML against lxml"
echo
python3 Scripts/bench_dblp_xml.py --papers 1000000 --repeat 3
echo

echo "## Reading BibTeX against pybtex and bibtexparser"
echo
Scripts/bench_readers.sh "$TOP"
echo

echo "## Exports"
echo
Scripts/bench_exports.sh "$TOP"
echo

echo "## Database exports against Python's json and metaknowledge"
echo
Scripts/bench_database_exports.sh 3
echo

echo "## Timeline"
echo
Scripts/bench_timeline.sh
echo

if [ -x Scripts/bench_render.sh ]; then
    echo "## Rendering against Graphviz's sfdp"
    echo
    Scripts/bench_render.sh
fi

if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
    echo "## The HTML report in a browser (issue #16)"
    echo
    Scripts/bench_html_report.sh
    echo
fi

if command -v mpirun >/dev/null && pkg-config --exists ompi-c; then
    echo "## Exact path metrics on an MPI cluster (issue #18)"
    echo
    Scripts/bench_mpi.sh
fi
