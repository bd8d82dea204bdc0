#!/usr/bin/env bash
# The MPI variant's tests (issue #18), run by Scripts/test.sh after the Swift tests: builds the
# default binary and the MPI one (swift build --traits MPI --scratch-path .build-mpi), then checks
# that `mpirun -np 1, 2 and 3` write CSV and GraphML byte-identical to the single-process run on
# dblp-2016-sigmod and a synthetic corpus (../shared/tools/gen_corpus.py), for exact and sampled
# path metrics; that a job whose rank is killed (SIGKILL) fails with mpirun's message and writes
# nothing, and that starting it again with the same --checkpoint skips the finished blocks and
# ends with the same bytes (also on another number of ranks, and in one process without MPI);
# and that a checkpoint of another network is refused. Needs Open MPI (Scripts/setup.sh --test).
# Ends with "N passed, N failed"; exits 1 if any check failed.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v mpirun >/dev/null || ! pkg-config --exists ompi-c; then
    echo "test_mpi: Open MPI is missing (openmpi-bin, libopenmpi-dev); Scripts/setup.sh --test installs it" >&2
    exit 1
fi
swift build --product coauthor
swift build --product coauthor --traits MPI --scratch-path .build-mpi
single=$PWD/.build/debug/coauthor
mpi=$PWD/.build-mpi/debug/coauthor
sigmod=$PWD/../shared/datasets/dblp-2016-sigmod/conf-sigmod.bib
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 ../shared/tools/gen_corpus.py --papers 3000 --seed 7 >"$work/synthetic.bib" 2>/dev/null
python3 ../shared/tools/gen_corpus.py --papers 12000 --seed 11 >"$work/kill.bib" 2>/dev/null

passed=0 failed=0
pass() { passed=$((passed + 1)); echo "ok: $1"; }
fail() { failed=$((failed + 1)); echo "FAIL: $1" >&2; }
# Compares two files or folders byte for byte.
same() {
    if diff -r "$2" "$3" >/dev/null; then pass "$1"; else fail "$1 ($2 and $3 differ)"; fi
}
run_mpi() {
    local ranks=$1
    shift
    mpirun --oversubscribe --allow-run-as-root -np "$ranks" "$@"
}

# Byte-identical outputs for 1, 2 and 3 ranks.
for corpus in sigmod synthetic; do
    if [ "$corpus" = sigmod ]; then input=$sigmod; else input=$work/synthetic.bib; fi
    out=$work/$corpus
    mkdir -p "$out"
    "$single" export "$input" --exact --quiet --format graphml -o "$out/one.graphml"
    "$single" export "$input" --exact --quiet --format csv -o "$out/one-csv"
    "$single" export "$input" --approximate 0.05 --quiet --metrics betweenness,closeness,harmonic --format csv -o "$out/one-sampled"
    "$single" rank "$input" --by closeness --exact --quiet --top 0 --format csv -o "$out/one-closeness.csv"
    for ranks in 1 2 3; do
        run_mpi "$ranks" "$mpi" export "$input" --exact --quiet --format graphml -o "$out/mpi$ranks.graphml"
        same "$corpus graphml, $ranks ranks" "$out/one.graphml" "$out/mpi$ranks.graphml"
        run_mpi "$ranks" "$mpi" export "$input" --exact --quiet --format csv -o "$out/mpi$ranks-csv"
        same "$corpus csv, $ranks ranks" "$out/one-csv" "$out/mpi$ranks-csv"
        run_mpi "$ranks" "$mpi" export "$input" --approximate 0.05 --quiet --metrics betweenness,closeness,harmonic \
            --format csv -o "$out/mpi$ranks-sampled"
        same "$corpus sampled csv (--approximate), $ranks ranks" "$out/one-sampled" "$out/mpi$ranks-sampled"
        COAUTHOR_THREADS=1 run_mpi "$ranks" "$mpi" rank "$input" --by closeness --exact --quiet --top 0 --format csv \
            -o "$out/mpi$ranks-closeness.csv"
        same "$corpus closeness ranking, $ranks ranks of 1 thread" "$out/one-closeness.csv" "$out/mpi$ranks-closeness.csv"
    done
done

# Only rank 0 prints: the output of 3 ranks to standard output is that of one process.
"$single" rank "$sigmod" --by betweenness --exact --top 5 >"$work/one.txt" 2>"$work/one.err"
run_mpi 3 "$mpi" rank "$sigmod" --by betweenness --exact --top 5 >"$work/three.txt" 2>"$work/three.err"
same "standard output of 3 ranks" "$work/one.txt" "$work/three.txt"
same "standard error of 3 ranks" "$work/one.err" "$work/three.err"

# A job killed half-way, started again with the same checkpoint.
kill_input=$work/kill.bib
"$single" export "$kill_input" --exact --quiet --metrics betweenness --format csv -o "$work/kill-one"
checkpoint=$work/checkpoint
COAUTHOR_THREADS=1 mpirun --oversubscribe --allow-run-as-root -np 2 "$mpi" export "$kill_input" --exact --quiet \
    --metrics betweenness --format csv -o "$work/kill-mpi" --checkpoint "$checkpoint" >"$work/killed.out" 2>"$work/killed.err" &
job=$!
blocks=0
for _ in $(seq 1 1200); do
    blocks=$( (find "$checkpoint" -name '*.block' 2>/dev/null || true) | wc -l)
    [ "$blocks" -ge 8 ] && break
    sleep 0.05
done
# The ranks are mpirun's children; the last one started is killed.
rank_pid=$(pgrep -P "$job" | tail -n 1 || true)
if [ "$blocks" -ge 8 ] && [ -n "$rank_pid" ]; then
    kill -KILL "$rank_pid"
    status=0
    wait "$job" || status=$?
    total=$(find "$checkpoint" -name '*.block' | wc -l)
    if [ "$status" -ne 0 ] && grep -qi "signal 9\|killed" "$work/killed.err" && [ ! -e "$work/kill-mpi" ]; then
        pass "a killed rank fails the job (exit $status, $total blocks kept) and nothing is written"
    else
        fail "a killed rank: exit $status, output $(ls "$work/kill-mpi" 2>/dev/null | wc -l) files, stderr: $(head -c 300 "$work/killed.err")"
    fi
    stamps=$(find "$checkpoint" -name '*.block' -printf '%p %T@\n' | sort)
    COAUTHOR_THREADS=1 run_mpi 3 "$mpi" export "$kill_input" --exact --quiet --metrics betweenness --format csv \
        -o "$work/kill-mpi" --checkpoint "$checkpoint"
    same "resumed on 3 ranks after a kill" "$work/kill-one" "$work/kill-mpi"
    kept=$(echo "$stamps" | while read -r path stamp; do
        [ "$(find "$path" -printf '%T@')" = "$stamp" ] && echo kept
    done | wc -l)
    if [ "$kept" -eq "$total" ]; then pass "the $total finished blocks were loaded, not computed again"; else fail "$kept of $total blocks untouched"; fi
else
    fail "the job ended before it could be killed ($blocks blocks)"
    wait "$job" || true
fi

# One process resumes an MPI checkpoint with half of its blocks gone.
find "$checkpoint" -name '*.block' | sort | awk 'NR % 2 == 0' | xargs rm -f
"$single" export "$kill_input" --exact --quiet --metrics betweenness --format csv -o "$work/kill-resumed" --checkpoint "$checkpoint"
same "one process resumes half a checkpoint" "$work/kill-one" "$work/kill-resumed"

# A checkpoint of another network is refused, with a message that says what to do.
status=0
"$single" export "$kill_input" --exact --quiet --weight fractional --metrics betweenness --format csv \
    -o "$work/other" --checkpoint "$checkpoint" 2>"$work/other.err" || status=$?
if [ "$status" -ne 0 ] && grep -q "holds blocks of another network" "$work/other.err" && [ ! -e "$work/other" ]; then
    pass "a checkpoint of another network is refused"
else
    fail "stale checkpoint: exit $status, stderr: $(cat "$work/other.err")"
fi
status=0
run_mpi 2 "$mpi" export "$kill_input" --exact --quiet --weight fractional --metrics betweenness --format csv \
    -o "$work/other" --checkpoint "$checkpoint" >/dev/null 2>"$work/other-mpi.err" || status=$?
if [ "$status" -ne 0 ] && grep -q "holds blocks of another network" "$work/other-mpi.err" && [ ! -e "$work/other" ]; then
    pass "a checkpoint of another network ends the MPI job"
else
    fail "stale checkpoint under MPI: exit $status, stderr: $(head -c 300 "$work/other-mpi.err")"
fi

# --dry-run prints the plan on rank 0 only.
run_mpi 2 "$mpi" rank "$sigmod" --by betweenness --dry-run --quiet >"$work/dry.txt"
if grep -q "ms per source" "$work/dry.txt" && [ "$(grep -c "^dry run" "$work/dry.txt")" -eq 1 ]; then
    pass "--dry-run under 2 ranks"
else
    fail "--dry-run: $(cat "$work/dry.txt")"
fi

echo "mpi: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
