#!/usr/bin/env bash
# Runs `coauthor render` under valgrind memcheck and summarises what leaked, and where.
#
# Two runs on Data/: one map (one layout and one render), and `render --by-year` (one layout
# and one render per year, in one process). Graphviz keeps one-time caches (plugin tables,
# fontconfig and pango state, the context coauthor keeps for the process): those are the same
# in both runs, and what grows between them is lost per render. Each "definitely lost" block is attributed
# to the first frame above the allocator: Graphviz and its font stack (libgvc, libcgraph,
# libcdt, libpathplan, gvplugin, pango, cairo, fontconfig, freetype, glib, harfbuzz, expat) or
# our code (anything else: the coauthor binary, the Swift runtime and Foundation).
#
# Usage: Scripts/valgrind_render.sh   (SCRATCH=.build by default; needs valgrind)
# Exits 1 when a definitely lost block was allocated by our code.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="${SCRATCH:-.build}"
command -v valgrind >/dev/null || { echo "valgrind_render: install valgrind" >&2; exit 1; }
swift build -c release --product coauthor --scratch-path "$scratch" >&2
out=$(mktemp -d /tmp/coauthor-valgrind-XXXXXX)
trap 'rm -rf "$out"' EXIT
# Valgrind 3.19 cannot read the DWARF 5 that Swift 6 writes ("Possibly corrupted debuginfo"):
# a copy without debug sections keeps the symbol table, which is all the attribution needs.
binary="$out/coauthor"
cp "$scratch/release/coauthor" "$binary"
strip --strip-debug "$binary"

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
# The by-year run lays out once and renders once per year; what grows between the two runs is
# lost per render. Graphviz 2.42 loses a little in its HTML-label parser for every HTML label
# (coauthor's node names and heading are HTML labels), which is Graphviz's, not ours.
growth=$(( (theirs_frames - theirs_one) / (frames > 1 ? frames - 1 : 1) ))
echo "Graphviz's losses per extra render: about $growth bytes ($theirs_one bytes for one map, $theirs_frames for $frames)"
if [ $status -eq 0 ]; then
    echo "verdict: no leak from our code (every definitely lost block was allocated inside Graphviz or its font stack)"
else
    echo "verdict: LEAK from our code (allocation sites above)"
fi
exit $status
