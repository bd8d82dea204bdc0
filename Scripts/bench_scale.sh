#!/usr/bin/env bash
# Scale benchmark (issue 8): synthetic corpora of 100k, 1M and 3M papers from
# ../shared/tools/gen_corpus.py (BibTeX), and a synthetic DBLP XML dump of several GB, read by
# our release binary with wall time and peak memory (/usr/bin/time -v). Corpora are generated
# once into $COAUTHOR_DATASET_CACHE (default /tmp/coauthor-datasets), never into the repository.
#
#   Scripts/bench_scale.sh            # about 10 minutes and 12 GB of RAM on the reference machine
#
# Prints Markdown. "analysed" is `coauthor rank --by constraint`: every node metric except the
# exact path metrics (betweenness, closeness, harmonic), as in BENCHMARKS.md's pipeline table.
set -euo pipefail
cd "$(dirname "$0")/.."
CACHE=${COAUTHOR_DATASET_CACHE:-/tmp/coauthor-datasets}
GEN=../shared/tools/gen_corpus.py
XML_PAPERS=${XML_PAPERS:-8000000}
[ -f "$GEN" ] || { echo "bench_scale: $GEN not found (needs ../shared beside the repository)" >&2; exit 1; }
mkdir -p "$CACHE"
swift build -c release --product coauthor --scratch-path "${SCRATCH:-.build-release}" >&2
BIN="$(swift build -c release --scratch-path "${SCRATCH:-.build-release}" --show-bin-path)/coauthor"

corpus() { # papers format -> path (generated once)
    local file="$CACHE/synthetic-$1.$2"
    if [ ! -s "$file" ]; then
        python3 "$GEN" --papers "$1" --format "$([ "$2" = xml ] && echo dblp || echo bib)" > "$file.partial" 2>/dev/null
        mv "$file.partial" "$file"
    fi
    echo "$file"
}

row() { # label file command...
    local label=$1 file=$2 log
    shift 2
    log=$(mktemp)
    /usr/bin/time -o "$log" -f "%e %M" "$@" > /dev/null 2>&1
    read -r seconds kb < <(tail -1 "$log")
    rm -f "$log"
    printf "| %s | %s | %d | %.2f | %d |\n" "$label" "$(basename "$file")" $(( $(stat -c %s "$file") / 1048576 )) "$seconds" $(( kb / 1024 ))
}

echo "| run | input | input MB | seconds | peak MB |"
echo "|---|---|---:|---:|---:|"
for papers in 100000 1000000 3000000; do
    file=$(corpus "$papers" bib)
    row "stats (read, resolve, build, graph statistics), $papers papers" "$file" "$BIN" stats "$file" --format json --quiet
    row "analysed (every metric but exact betweenness/closeness/harmonic), $papers papers" "$file" "$BIN" rank "$file" --by constraint --quiet
done
# DBLP XML is read in 16 MB blocks: peak memory follows the corpus read (its publications
# and names), not the size of the file, which is never held whole.
for papers in 1000000 "$XML_PAPERS"; do
    file=$(corpus "$papers" xml)
    row "DBLP XML read and resolved (names --identity exact), $papers papers" "$file" "$BIN" names "$file" --identity exact --quiet
done
