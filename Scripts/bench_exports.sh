#!/usr/bin/env bash
# Times `coauthor export` for every format on dblp-2016-topvenues (187k authors, 645k ties)
# and prints, per format, the time spent formatting (measured inside the run, so reading the
# 79 MB bib is not counted), the time writing, the whole run, the peak memory and the output size.
# Metrics are left out (--metrics none): betweenness alone is O(n·m) there. The target is at
# most 3 s per format. Usage: Scripts/bench_exports.sh [BIB]  (SCRATCH=.build by default)
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="${SCRATCH:-.build}"
cache=/tmp/coauthor-datasets
bib="${1:-$cache/dblp2016-topvenues.bib}"
source_xz=../shared/datasets/dblp-2016-topvenues/dblp2016-topvenues.bib.xz
if [ ! -f "$bib" ]; then
    [ -f "$source_xz" ] || { echo "bench: $source_xz is missing (needs ../shared/datasets)" >&2; exit 1; }
    mkdir -p "$cache"
    echo "bench: decompressing $source_xz into $cache" >&2
    xz -dc "$source_xz" > "$bib.tmp" && mv "$bib.tmp" "$bib"
fi
swift build -c release --product coauthor --scratch-path "$scratch" >&2
binary="$scratch/release/coauthor"
out=$(mktemp -d /tmp/coauthor-bench-XXXXXX)
trap 'rm -rf "$out"' EXIT

printf "%-10s %10s %10s %10s %12s %12s %s\n" format "format s" "write s" "run s" "peak MB" "output MB" verdict
worst=0
for format in graphml gexf dot json csv pajek vosviewer; do
    case $format in
        csv|vosviewer) target="$out/$format" ;;
        pajek) target="$out/network.net" ;;
        *) target="$out/network.$format" ;;
    esac
    log="$out/$format.log"
    /usr/bin/time -f "rusage %e %M" "$binary" export "$bib" --metrics none --format "$format" -o "$target" \
        --timing --quiet --no-progress 2> "$log" || { cat "$log" >&2; exit 1; }
    formatting=$(sed -n 's/^timing: .*format \([0-9.]*\) s, write \([0-9.]*\) s.*/\1/p' "$log")
    writing=$(sed -n 's/^timing: .*format \([0-9.]*\) s, write \([0-9.]*\) s.*/\2/p' "$log")
    bytes=$(sed -n 's/^timing: .*, \([0-9]*\) bytes$/\1/p' "$log")
    read -r _ run peak < <(grep '^rusage' "$log")
    verdict=$(awk -v f="$formatting" -v w="$writing" 'BEGIN { print (f + w <= 3 ? "ok (<= 3 s)" : "SLOW (> 3 s)") }')
    [[ $verdict == SLOW* ]] && worst=1
    printf "%-10s %10s %10s %10s %12.0f %12.1f %s\n" "$format" "$formatting" "$writing" "$run" \
        "$(awk -v k="$peak" 'BEGIN { print k / 1024 }')" "$(awk -v b="$bytes" 'BEGIN { print b / 1048576 }')" "$verdict"
done
exit $worst
