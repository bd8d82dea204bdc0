#!/usr/bin/env bash
# Compares the outputs of two builds byte for byte (the check of issue #13: a refactor changes no
# output): Scripts/compare_outputs.sh OLD_BINARY NEW_BINARY
#
# On Data/, dblp-2016-sigmod, dblp-2016-topvenues (from ../shared/datasets, decompressed into
# the benchmarks' cache) and the DBLP XML samples: names, stats --format json with its
# diagnostics, rank --format csv --top 0 and timeline --format csv; every export format on Data/
# and sigmod; the seed map. Any further files named in COMPARE_EXTRA (blank-separated, such as a
# generated dblp.xml) get the same four outputs. Prints one line per file that differs and a
# summary; exits 1 if any differs.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: $0 OLD_BINARY NEW_BINARY" >&2; exit 64; }
old=$(realpath "$1"); new=$(realpath "$2")
datasets=../shared/datasets
cache=${TMPDIR:-/tmp}/coauthor-datasets
sigmod=$datasets/dblp-2016-sigmod/conf-sigmod.bib
topvenues=$cache/dblp2016-topvenues.bib
[ -f "$sigmod" ] || { echo "compare_outputs: needs ../shared/datasets (dblp-2016-sigmod)" >&2; exit 1; }
if [ ! -f "$topvenues" ]; then
    mkdir -p "$cache"
    xz -dc "$datasets/dblp-2016-topvenues/dblp2016-topvenues.bib.xz" > "$topvenues.part" && mv "$topvenues.part" "$topvenues"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
snapshot() {
    local binary=$1 out=$2
    mkdir -p "$out"
    local pairs=("data:Data" "sigmod:$sigmod" "topvenues:$topvenues") extra
    for extra in "$datasets"/dblp-xml-samples/*.xml ${COMPARE_EXTRA:-}; do pairs+=("$(basename "$extra"):$extra"); done
    for pair in "${pairs[@]}"; do
        local name=${pair%%:*} file=${pair#*:}
        "$binary" names "$file" > "$out/$name.names.txt" 2>/dev/null
        "$binary" stats "$file" --format json > "$out/$name.stats.json" 2> "$out/$name.stats.err"
        "$binary" rank "$file" --format csv --top 0 > "$out/$name.rank.csv" 2>/dev/null
        "$binary" timeline "$file" --format csv > "$out/$name.timeline.csv" 2>/dev/null
        if [ "$name" = data ] || [ "$name" = sigmod ]; then
            for format in graphml gexf json dot pajek vosviewer csv; do
                "$binary" export "$file" --format $format --no-layout -o "$out/$name.export.${format/csv/csv-folder}" > /dev/null 2>&1
            done
        fi
    done
    "$binary" render Data -o "$out/map.svg" > /dev/null 2>&1
}
snapshot "$old" "$work/old"
snapshot "$new" "$work/new"
differ=0 total=0
while IFS= read -r file; do
    total=$((total + 1))
    if ! cmp -s "$work/old/$file" "$work/new/$file"; then
        echo "differs: $file"
        differ=$((differ + 1))
    fi
done < <(cd "$work/old" && find . -type f | sort)
echo "$total files compared, $differ differ"
[ "$differ" -eq 0 ]
