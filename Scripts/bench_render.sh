#!/usr/bin/env bash
# Times `coauthor render` against Graphviz's own `sfdp -Tsvg` on the same graph, side by side in
# one run, and checks that two renders give the same bytes.
#
# The graph is what `coauthor export --format dot` writes for the corpus (every author and tie).
# coauthor lays the map out with sfdp under the graph attributes of Sources/CoauthorRender/
# SceneGraphWriter.swift (overlap=true, pack=true, packmode=array, splines=false,
# outputorder=edgesfirst, start=random1), then removes overlaps itself (Sources/CoauthorRender/
# OverlapRemoval.swift) and draws the result through Graphviz's nop layout. Three sfdp runs are
# timed on the exported DOT:
#   sfdp/plain    `sfdp -Tsvg graph.dot`, the file as exported: what the acceptance line of issue 6
#                 names (Graphviz's defaults, every node an ellipse around its name);
#   sfdp/same     exactly the graph attributes coauthor gives sfdp, nodes as small circles: the
#                 layout and SVG alone, no overlap removal (a lower bound for the same picture);
#   sfdp/prism    sfdp/same without packmode=array, plus Graphviz's own overlap removal
#                 (overlap=prism, sep=+10) with every node an ellipse around its name: the whole
#                 map made by Graphviz alone, the job coauthor's render does.
# The acceptance ratio is coauthor's whole run (reading, metrics, scene, layout, overlap removal,
# SVG, writing) over sfdp/plain; the ratios to the other two are printed beside it, and the render
# part alone is measured inside the run (--timing).
# Each program runs RUNS times (default 3), interleaved; the medians are compared.
#
# Usage: Scripts/bench_render.sh [BIB] [-- extra render options]
#   default BIB: ../shared/datasets/dblp-2016-sigmod/conf-sigmod.bib with --max-nodes 100000 --labels 50
#   SCRATCH=.build by default; needs the graphviz package for the sfdp program.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="${SCRATCH:-.build}"
runs="${RUNS:-3}"
bib="${1:-../shared/datasets/dblp-2016-sigmod/conf-sigmod.bib}"
shift || true
[ "${1:-}" = "--" ] && shift
extra=("$@")
[ ${#extra[@]} -eq 0 ] && extra=(--max-nodes 100000 --labels 50)
[ -f "$bib" ] || { echo "bench: $bib is missing (needs ../shared/datasets)" >&2; exit 1; }
command -v sfdp >/dev/null || { echo "bench: sfdp is missing; install the graphviz package" >&2; exit 1; }

swift build -c release --product coauthor --scratch-path "$scratch" >&2
binary="$scratch/release/coauthor"
out=$(mktemp -d /tmp/coauthor-bench-render-XXXXXX)
trap 'rm -rf "$out"' EXIT

"$binary" export "$bib" --format dot --metrics none -o "$out/graph.dot" --quiet --no-progress
graph_attributes=(-Goverlap=true -Gpack=true -Gpackmode=array -Gsplines=false -Goutputorder=edgesfirst -Gstart=random1)
prism_attributes=(-Goverlap=true -Gpack=true -Gsplines=false -Goutputorder=edgesfirst -Gstart=random1)
prism=(-Goverlap=prism -Gsep=+10)
circles=(-Nshape=circle -Nfixedsize=true -Nwidth=0.1 -Nheight=0.1 -Nlabel=)

# seconds of wall time of one command, its output discarded
wall() {
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>"$out/stderr" || { cat "$out/stderr" >&2; exit 1; }
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", b - a }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

: > "$out/total"; : > "$out/render"; : > "$out/plain"; : > "$out/same"; : > "$out/prism"
for run in $(seq 1 "$runs"); do
    wall "$binary" render "$bib" "${extra[@]}" -o "$out/map-$run.svg" --timing --quiet --no-progress >> "$out/total"
    sed -n 's/^timing: .*render \([0-9.]*\) s.*/\1/p' "$out/stderr" >> "$out/render"
    wall sfdp -Tsvg "$out/graph.dot" -o "$out/sfdp-plain.svg" >> "$out/plain"
    wall sfdp -Tsvg "${graph_attributes[@]}" "${circles[@]}" "$out/graph.dot" -o "$out/sfdp-same.svg" >> "$out/same"
    wall sfdp -Tsvg "${prism_attributes[@]}" "${prism[@]}" "$out/graph.dot" -o "$out/sfdp-prism.svg" >> "$out/prism"
    echo "bench: run $run of $runs done" >&2
done

total=$(median < "$out/total"); render=$(median < "$out/render")
plain=$(median < "$out/plain"); same=$(median < "$out/same"); prism_time=$(median < "$out/prism")
nodes=$(grep -c '^  n[0-9]* \[' "$out/graph.dot" || true)
echo "graph: $nodes nodes, $(grep -c ' -- ' "$out/graph.dot" || true) edges, from $bib; render options: ${extra[*]}"
printf "%-32s %8s\n" "program (median of $runs)" seconds
printf "%-32s %8s\n" "coauthor render, whole run" "$total"
printf "%-32s %8s\n" "coauthor render, render only" "$render"
printf "%-32s %8s\n" "sfdp -Tsvg, the DOT as exported" "$plain"
printf "%-32s %8s\n" "sfdp -Tsvg, same attributes" "$same"
printf "%-32s %8s\n" "sfdp -Tsvg, + prism and names" "$prism_time"
awk -v t="$total" -v r="$render" -v q="$plain" -v s="$same" -v p="$prism_time" 'BEGIN {
    printf "ratio whole run / sfdp on the DOT as exported: %.2f (target <= 1.2)\n", t / q
    printf "ratio whole run / sfdp same attributes:        %.2f\n", t / s
    printf "ratio render only / sfdp same attributes:      %.2f\n", r / s
    printf "ratio whole run / sfdp with prism:             %.2f\n", t / p
}'
identical=yes
for run in $(seq 2 "$runs"); do cmp -s "$out/map-1.svg" "$out/map-$run.svg" || identical=no; done
echo "coauthor SVGs byte-identical across $runs runs: $identical ($(wc -c < "$out/map-1.svg") bytes)"
[ "$identical" = yes ]
