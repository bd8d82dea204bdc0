#!/usr/bin/env bash
# Runs `coauthor render` under valgrind memcheck and summarises what leaked, and where.
#
# Two runs on Data/: one map (one layout and one render), and `render --by-year` (one layout
# and one render per year, in one process). Graphviz keeps one-time caches (plugin tables,
# fontconfig and pango state, the context coauthor keeps for the process): those are the same
# in both runs. A leak in coauthor's own Graphviz handling (a graph, layout or render buffer
# not freed) would grow with the number of renders. Each "definitely lost" block is attributed
# to the first frame above the allocator: Graphviz and its font stack (libgvc, libcgraph,
# libcdt, libpathplan, gvplugin, pango, cairo, fontconfig, freetype, glib, harfbuzz, expat) or
# our code (anything else: the coauthor binary, the Swift runtime and Foundation).
#
# Usage: Scripts/valgrind_render.sh   (SCRATCH=.build by default; needs valgrind)
# Exits 1 when our code leaks or a Graphviz leak grows with the number of renders.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="${SCRATCH:-.build}"
command -v valgrind >/dev/null || { echo "valgrind_render: install valgrind" >&2; exit 1; }
swift build -c release --product coauthor --scratch-path "$scratch" >&2
binary="$scratch/release/coauthor"
out=$(mktemp -d /tmp/coauthor-valgrind-XXXXXX)
trap 'rm -rf "$out"' EXIT

memcheck() {
    local name=$1; shift
    valgrind --tool=memcheck --leak-check=full --show-leak-kinds=definite,indirect,possible \
        --num-callers=40 --log-file="$out/$name.log" "$binary" "$@" --quiet --no-progress >/dev/null
}
memcheck one render Data -o "$out/map.svg"
memcheck frames render Data --by-year -o "$out/frames/map.svg"
frames=$(ls "$out/frames" | wc -l)

# One line per definitely lost block: bytes and who allocated it.
attribute() {
    awk '
        /definitely lost in loss record/ { inside = 1; split($0, f, " "); bytes = f[2]; gsub(/,/, "", bytes); owner = ""; next }
        inside && /^==[0-9]+==    (at|by) / {
            if ($0 ~ /(malloc|calloc|realloc|memalign|posix_memalign|operator new|strdup)/) next
            if (owner == "") {
                owner = ($0 ~ /(libgvc|libcgraph|libcdt|libpathplan|libgvplugin|libxdot|pango|cairo|fontconfig|freetype|glib|gobject|harfbuzz|expat|libgts|libltdl|ld-linux)/) ? "graphviz" : "ours"
                where[owner] = where[owner] "\n      " $0
            }
            next
        }
        inside && /^==[0-9]+== *$/ { if (owner != "") { total[owner] += bytes; count[owner]++ } inside = 0 }
        END {
            for (o in total) printf "%s %d %d\n", o, total[o], count[o]
            for (o in where) if (o == "ours") printf "ours-site%s\n", where[o]
        }' "$1"
}

summary() {
    grep -E "(definitely|indirectly|possibly) lost:|still reachable:|ERROR SUMMARY" "$out/$1.log" | sed 's/^==[0-9]*== */    /'
}

status=0
for run in one frames; do
    label=$([ "$run" = one ] && echo "one map" || echo "--by-year ($frames maps)")
    echo "$label:"
    summary "$run"
    attribute "$out/$run.log" > "$out/$run.owners"
    ours=$(awk '$1 == "ours" { print $2 }' "$out/$run.owners"); ours=${ours:-0}
    theirs=$(awk '$1 == "graphviz" { print $2 }' "$out/$run.owners"); theirs=${theirs:-0}
    echo "    definitely lost, allocated by Graphviz and its font stack: $theirs bytes; by our code: $ours bytes"
    if [ "$ours" -gt 0 ]; then
        status=1
        sed -n 's/^ours-site//p; /^      /p' "$out/$run.owners"
    fi
    eval "theirs_$run=$theirs"
done
# The by-year run renders several maps; Graphviz's one-time losses must not grow with them.
if [ "$theirs_frames" -gt $((theirs_one * 2 + 4096)) ]; then
    echo "Graphviz's losses grow with the number of renders ($theirs_one → $theirs_frames bytes): a per-render leak"
    status=1
fi
[ $status -eq 0 ] && echo "verdict: no leak from our code; Graphviz's own losses do not grow with renders" \
    || echo "verdict: LEAK (full logs: rerun with the commands above)"
exit $status
