#!/usr/bin/env bash
# Benchmark of `coauthor timeline` on dblp-2016-topvenues (187k authors, 1954–2016), SPEC §6 / issue 5:
# the corpus timeline and five-year sliding slices with graph statistics. Target: under 10 s.
#
# Prints the wall time of three release runs: reading alone is the baseline (`timeline --corpus`
# reads, resolves and builds the network, then adds only an O(authorships) pass), so the
# difference between the slice run and the baseline is the cost of the slices themselves.
# Usage: Scripts/bench_timeline.sh [extra coauthor options, e.g. --identity exact]
set -euo pipefail
cd "$(dirname "$0")/.."
DATASETS="${DATASETS:-../shared/datasets}"
CACHE="${COAUTHOR_DATASET_CACHE:-/tmp/coauthor-datasets}"
BIB="$CACHE/dblp2016-topvenues.bib"
if [ ! -f "$BIB" ]; then
    [ -f "$DATASETS/dblp-2016-topvenues/dblp2016-topvenues.bib.xz" ] || { echo "needs $DATASETS/dblp-2016-topvenues" >&2; exit 1; }
    mkdir -p "$CACHE"
    xz -dc "$DATASETS/dblp-2016-topvenues/dblp2016-topvenues.bib.xz" > "$BIB.tmp" && mv "$BIB.tmp" "$BIB"
fi
SCRATCH="${SCRATCH:-.build-bench}"
if ! log=$(swift build -c release --product coauthor --scratch-path "$SCRATCH" 2>&1); then
    echo "$log" >&2
    exit 1
fi
BIN="$SCRATCH/release/coauthor"

seconds() { # runs the command, prints its wall time in seconds
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}

corpus=$(seconds "$BIN" timeline "$BIB" --corpus --format csv --quiet "$@")
slices=$(seconds "$BIN" timeline "$BIB" --window 5 --step 1 --format csv --quiet "$@")
both=$(seconds "$BIN" timeline "$BIB" --window 5 --step 5 --format csv --quiet "$@")
printf 'read + corpus timeline:                   %6.2f s\n' "$corpus"
printf 'read + 5-year slices, step 1 (59 slices): %6.2f s\n' "$slices"
printf 'read + 5-year slices, step 5 (13 slices): %6.2f s\n' "$both"
printf 'slices alone (step 1, minus the baseline): %6.2f s  (target: corpus timeline + slices < 10 s)\n' \
    "$(echo "$slices - $corpus" | bc)"
