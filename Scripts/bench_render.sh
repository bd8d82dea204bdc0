#!/usr/bin/env bash
# Times `coauthor render` against Graphviz's own `sfdp -Tsvg` on the same graph, side by side in
# one run, and checks that two renders give the same bytes.
#
# The graph is what `coauthor export --format dot` writes for the corpus (every author and tie).
# sfdp gets the graph attributes coauthor's renderer sets (Sources/CoauthorRender/
# SceneGraphWriter.swift): the same engine, overlap removal (prism) and margin (sep), packing of
# components, straight edges, edges first, the same seed. Two sfdp runs are timed:
#   sfdp/names    the exported DOT as it is: every node an ellipse around its name, so prism has
#                 to clear a box per name (coauthor clears a box for each of its --labels names);
#   sfdp/circles  every node a small unnamed circle: the layout alone, a lower bound.
# coauthor's time is given whole (reading, metrics, scene, layout, SVG, writing) and for the
# render alone (layout + SVG, measured inside the run with the hidden --timing flag).
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
graph_attributes=(-Goverlap=prism -Gsep=+10 -Gpack=true -Gsplines=false -Goutputorder=edgesfirst -Gstart=random1)
circles=(-Nshape=circle -Nfixedsize=true -Nwidth=0.1 -Nheight=0.1)

# seconds of wall time of one command, its output discarded
wall() {
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>"$out/stderr" || { cat "$out/stderr" >&2; exit 1; }
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", b - a }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

: > "$out/total"; : > "$out/render"; : > "$out/names"; : > "$out/circles"
for run in $(seq 1 "$runs"); do
    wall "$binary" render "$bib" "${extra[@]}" -o "$out/map-$run.svg" --timing --quiet --no-progress >> "$out/total"
    sed -n 's/^timing: .*render \([0-9.]*\) s.*/\1/p' "$out/stderr" >> "$out/render"
    wall sfdp -Tsvg "${graph_attributes[@]}" "$out/graph.dot" -o "$out/sfdp-names.svg" >> "$out/names"
    wall sfdp -Tsvg "${graph_attributes[@]}" "${circles[@]}" "$out/graph.dot" -o "$out/sfdp-circles.svg" >> "$out/circles"
    echo "bench: run $run of $runs done" >&2
done

total=$(median < "$out/total"); render=$(median < "$out/render")
names=$(median < "$out/names"); circles_time=$(median < "$out/circles")
nodes=$(grep -c '^  n[0-9]* \[' "$out/graph.dot" || true)
echo "graph: $nodes nodes, $(grep -c ' -- ' "$out/graph.dot" || true) edges, from $bib; render options: ${extra[*]}"
printf "%-28s %8s\n" "program (median of $runs)" seconds
printf "%-28s %8s\n" "coauthor render, whole run" "$total"
printf "%-28s %8s\n" "coauthor render, render only" "$render"
printf "%-28s %8s\n" "sfdp -Tsvg, names" "$names"
printf "%-28s %8s\n" "sfdp -Tsvg, circles" "$circles_time"
awk -v t="$total" -v r="$render" -v n="$names" -v c="$circles_time" 'BEGIN {
    printf "ratio whole run / sfdp names:     %.2f (target <= 1.2)\n", t / n
    printf "ratio render only / sfdp names:   %.2f\n", r / n
    printf "ratio whole run / sfdp circles:   %.2f\n", t / c
    printf "ratio render only / sfdp circles: %.2f\n", r / c
}'
identical=yes
for run in $(seq 2 "$runs"); do cmp -s "$out/map-1.svg" "$out/map-$run.svg" || identical=no; done
echo "coauthor SVGs byte-identical across $runs runs: $identical ($(wc -c < "$out/map-1.svg") bytes)"
[ "$identical" = yes ]
