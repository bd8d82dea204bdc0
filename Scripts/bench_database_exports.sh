#!/usr/bin/env bash
# Database exports against the Python tools, side by side on the same generated files (issue #14):
#   - OpenAlex JSON Lines (gen_exports.py openalex, 200 MB): coauthor against Python's json module
#     doing the same extraction (Scripts/bench_openalex_json.py; --network also counts the ties);
#   - Web of Science plain text and MEDLINE (120 MB each): coauthor against metaknowledge's
#     RecordCollection + networkCoAuthor (Scripts/bench_metaknowledge.py).
# coauthor is timed as `coauthor stats FILE --quiet`, the whole process: read, resolve names, build
# the network, then graph statistics; COAUTHOR_TIMING gives the read, resolve and build phases,
# whose sum is "into a network". Python is timed as the whole process too (interpreter start and
# imports included). Each run is the best of REPEAT (3 by default): the machine may be shared.
#
# metaknowledge lives in its own virtual environment, .venv-bench/ (never the system Python): it
# is pinned at 3.4.1, whose import works on Python 3.11 with networkx 3.x.
#
#   Scripts/bench_database_exports.sh [REPEAT]      files in $EXPORTS_BENCH (default /tmp/coauthor-exports-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
repeat=${1:-3}
scratch="${SCRATCH:-.build}"
dir="${EXPORTS_BENCH:-/tmp/coauthor-exports-bench}"
mkdir -p "$dir"
declare -A size=([openalex]=200 [wos]=120 [medline]=120)
declare -A file=([openalex]="$dir/openalex-200.jsonl" [wos]="$dir/wos-120.txt" [medline]="$dir/medline-120.nbib")
for format in openalex wos medline; do
    # Generated again when the generator changed since (its files are kept between runs).
    [ -s "${file[$format]}" ] && [ "${file[$format]}" -nt Scripts/gen_exports.py ] || python3 Scripts/gen_exports.py "$format" "${size[$format]}" "${file[$format]}" --seed 1
done
venv=.venv-bench
# Python's json runs in the test tools' environment (Scripts/setup.sh --test), as in benchmarks.sh.
py="${COAUTHOR_VENV:-$PWD/.venv}/bin/python3"
[ -x "$py" ] || Scripts/setup.sh --test >&2
if [ ! -x "$venv/bin/python3" ] || ! "$venv/bin/python3" -c "import metaknowledge" 2>/dev/null; then
    echo "bench: installing metaknowledge 3.4.1 into $venv/" >&2
    python3 -m venv "$venv"
    "$venv/bin/python3" -m pip install --quiet --disable-pip-version-check 'metaknowledge==3.4.1' >&2
fi
swift build -c release --product coauthor --scratch-path "$scratch" >&2
bin="$scratch/release/coauthor"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# best COMMAND... : the lowest wall time of $repeat runs, as "seconds peakMB", and the last stderr in $log.
best() {
    local best_s="" best_m="" out
    for _ in $(seq "$repeat"); do
        /usr/bin/time -o "$log.time" -f "%e %M" "$@" > /dev/null 2> "$log" || { cat "$log" >&2; return 1; }
        read -r s m < <(tail -1 "$log.time")
        if [ -z "$best_s" ] || awk -v a="$s" -v b="$best_s" 'BEGIN { exit !(a < b) }'; then best_s=$s; best_m=$m; cp "$log" "$log.best"; fi
    done
    cp "$log.best" "$log"
    echo "$best_s $((best_m / 1024))"
}
# phases FILE: read + resolve + build seconds of the best of $repeat runs, from COAUTHOR_TIMING.
phases() {
    local best=""
    for _ in $(seq "$repeat"); do
        t=$(COAUTHOR_TIMING=1 "$bin" stats "$1" --quiet 2>&1 >/dev/null | awk '/^timing: (read|resolve|build) / { s += $3 } END { printf "%.3f", s }')
        if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
    done
    echo "$best"
}
mb() { awk -v b="$(stat -L -c %s "$1")" 'BEGIN { printf "%.0f", b / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", a / b }'; }
rate() { awk -v m="$1" -v s="$2" 'BEGIN { printf "%.0f", m / s }'; }

echo "machine: $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg); best of $repeat"
echo
# Two ratios: against the whole `stats` run (which also computes the graph statistics: path
# lengths, communities, clustering, none of which the Python tools do), and against coauthor's
# read + resolve + build, the work the Python tools do (into a network).
echo "| file | MB | tool | seconds | MB/s | peak MB | tool / coauthor stats | tool / coauthor into a network |"
echo "|---|---:|---|---:|---:|---:|---:|---:|"
for format in openalex wos medline; do
    f=${file[$format]}
    m=$(mb "$f")
    read -r cs cm < <(best "$bin" stats "$f" --quiet)
    network=$(phases "$f")
    echo "| $(basename "$f") | $m | coauthor stats (whole run) | $cs | $(rate "$m" "$cs") | $cm | 1.0x | – |"
    echo "| $(basename "$f") | $m | coauthor read + resolve + build (COAUTHOR_TIMING) | $network | $(rate "$m" "$network") | – | – | 1.0x |"
    if [ "$format" = openalex ]; then
        read -r ps pm < <(best "$py" Scripts/bench_openalex_json.py "$f")
        echo "| $(basename "$f") | $m | Python json.loads per line, same extraction | $ps | $(rate "$m" "$ps") | $pm | $(ratio "$ps" "$cs") | $(ratio "$ps" "$network") |"
        read -r ps pm < <(best "$py" Scripts/bench_openalex_json.py "$f" --network)
        echo "| $(basename "$f") | $m | Python json, same extraction + tie counts | $ps | $(rate "$m" "$ps") | $pm | $(ratio "$ps" "$cs") | $(ratio "$ps" "$network") |"
    else
        read -r ps pm < <(best "$venv/bin/python3" Scripts/bench_metaknowledge.py "$f")
        echo "| $(basename "$f") | $m | metaknowledge RecordCollection + networkCoAuthor | $ps | $(rate "$m" "$ps") | $pm | $(ratio "$ps" "$cs") | $(ratio "$ps" "$network") |"
        echo "|  |  | (metaknowledge: $(tail -1 "$log")) |  |  |  |  |  |"
    fi
done
gz="$dir/openalex-200.jsonl.gz"
[ -s "$gz" ] && [ "$gz" -nt "${file[openalex]}" ] || gzip -c "${file[openalex]}" > "$gz"
read -r gs gm < <(best "$bin" stats "$gz" --quiet)
echo "| $(basename "$gz") | $(mb "$gz") | coauthor stats (whole run) | $gs | – | $gm | – | – |"
