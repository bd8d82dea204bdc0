#!/usr/bin/env bash
# Reader benchmark (not a unit test): our release binary, pybtex and bibtexparser on the same
# BibTeX file in one run, with wall time, peak memory (/usr/bin/time -v) and ratios.
#
#   Scripts/bench_readers.sh [FILE.bib]     default: DBLP 2016 top venues (79 MB), unpacked from
#                                           ../shared/datasets into /tmp/coauthor-datasets
#
# Ours is timed as `coauthor names FILE --identity conservative`: it reads every record into
# publications and resolves every author (SPEC §3), the work this benchmark is about. (`coauthor
# stats` also computes whole-graph statistics such as the diameter, which is graph work, not reading.)
# The Python tools parse the same file into their entry objects; pybtex in non-strict mode so that
# it reports and skips what it rejects instead of stopping at the first problem.
set -euo pipefail
cd "$(dirname "$0")/.."

CACHE=${COAUTHOR_DATASET_CACHE:-/tmp/coauthor-datasets}
FILE=${1:-}
if [[ -z "$FILE" ]]; then
    mkdir -p "$CACHE"
    FILE="$CACHE/dblp2016-topvenues.bib"
    if [[ ! -s "$FILE" ]]; then
        xz -dc ../shared/datasets/dblp-2016-topvenues/dblp2016-topvenues.bib.xz > "$FILE.partial"
        mv "$FILE.partial" "$FILE"
    fi
fi

swift build -c release --product coauthor --scratch-path "${SCRATCH:-.build-release}" >&2
BIN="$(swift build -c release --scratch-path "${SCRATCH:-.build-release}" --show-bin-path)/coauthor"

python3 -c 'import pybtex' 2>/dev/null || python3 -m pip install --quiet 'pybtex==0.26.1' >&2
python3 -c 'import bibtexparser' 2>/dev/null || python3 -m pip install --quiet 'bibtexparser==2.1.0' >&2

OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

cat > "$OUT/pybtex_read.py" <<'EOF'
import sys
import pybtex.errors
from pybtex.database import parse_file
pybtex.errors.set_strict_mode(False)
db = parse_file(sys.argv[1], bib_format="bibtex")
print(f"{len(db.entries)} entries", file=sys.stderr)
EOF
cat > "$OUT/bibtexparser_read.py" <<'EOF'
import sys
import bibtexparser
if hasattr(bibtexparser, "parse_file"):
    library = bibtexparser.parse_file(sys.argv[1])
    print(f"{len(library.entries)} entries, {len(library.failed_blocks)} failed blocks", file=sys.stderr)
else:
    with open(sys.argv[1], encoding="utf-8") as handle:
        database = bibtexparser.load(handle)
    print(f"{len(database.entries)} entries", file=sys.stderr)
EOF

# run NAME COMMAND... : prints "NAME seconds megabytes" and keeps the tool's own last stderr line.
run() {
    local name=$1
    shift
    /usr/bin/time -v -o "$OUT/$name.time" "$@" > /dev/null 2> "$OUT/$name.err" || {
        echo "$name failed:" >&2
        tail -5 "$OUT/$name.err" >&2
        return 1
    }
    local wall rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$OUT/$name.time")
    rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$OUT/$name.time")
    echo "$name $wall $rss $(grep -v '^ *$' "$OUT/$name.err" | tail -1 | tr ' ' '_')"
}

echo "file: $FILE ($(du -h "$FILE" | cut -f1))" >&2
{
    run coauthor "$BIN" names "$FILE" --identity conservative --quiet -o "$OUT/names.txt"
    run pybtex python3 "$OUT/pybtex_read.py" "$FILE"
    run bibtexparser python3 "$OUT/bibtexparser_read.py" "$FILE"
} > "$OUT/results"
# Our own count of what was read (the summary line is printed without --quiet).
"$BIN" names "$FILE" --identity conservative -o /dev/null 2>&1 | grep '^read ' | tail -1 >&2 || true

awk '
    NR == 1 { base_t = $2; base_m = $3 }
    { name[NR] = $1; t[NR] = $2; m[NR] = $3; note[NR] = $4 }
    END {
        printf "%-14s %10s %10s %12s %12s  %s\n", "reader", "seconds", "peak MB", "time ratio", "memory ratio", "read"
        for (i = 1; i <= NR; i++) {
            gsub("_", " ", note[i])
            printf "%-14s %10.2f %10d %11.1fx %11.1fx  %s\n", name[i], t[i], m[i], t[i] / base_t, m[i] / base_m, note[i]
        }
    }' "$OUT/results"
