#!/usr/bin/env bash
# Fuzzes the readers with libFuzzer: Scripts/fuzz.sh [SECONDS] [TARGET…]
#
# A target is a reader, named as --input-format names it (bibtex, dblp, csl, ris, …); by default
# every folder of Fuzz/corpus/ is one. One binary, FuzzReaders, serves them all: it reads the format
# from COAUTHOR_FUZZ_READER and the bytes through InputReader.read(bytes:format:path:encoding:), so a
# new reader needs only its seed folder Fuzz/corpus/<format>/. Targets run one after another, each for
# SECONDS (default 60) in one process; the corpus grows in .build-fuzz/corpus/<target>/ (the
# committed seeds are only read), and a crashing, leaking or hanging input is saved to
# .build-fuzz/findings/<target>/ and fuzzing goes on until the time is used. (Not artifacts/:
# SwiftPM owns <scratch>/artifacts and empties it on a build, which lost the inputs of a run in
# progress when a second fuzz.sh started.) Runs of different targets may go on side by side. Prints, per target, the
# seconds, runs and crashes; exits 1 if any target crashed.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=60
if [ $# -gt 0 ] && [[ "$1" =~ ^[0-9]+$ ]]; then seconds=$1; shift; fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for folder in Fuzz/corpus/*/; do targets+=("$(basename "$folder")"); done
fi
for target in "${targets[@]}"; do
    [ -d "Fuzz/corpus/$target" ] || { echo "fuzz: no seed corpus Fuzz/corpus/$target/ (targets: $(ls Fuzz/corpus | tr '\n' ' '))" >&2; exit 64; }
done

scratch=.build-fuzz
echo "fuzz: building FuzzReaders (release, -sanitize=fuzzer,address) in $scratch/" >&2
COAUTHOR_FUZZ=1 swift build -c release --scratch-path "$scratch" --product FuzzReaders \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >&2
binary="$scratch/release/FuzzReaders"

failed=0
for target in "${targets[@]}"; do
    corpus="$scratch/corpus/$target"
    artifacts="$scratch/findings/$target"
    mkdir -p "$corpus" "$artifacts"
    log="$scratch/fuzz-$target.log"
    : > "$log"
    marker="$scratch/fuzz-$target.start"
    touch "$marker"
    found() { find "$artifacts" -type f -newer "$marker" \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l; }
    runs=0
    start=$(date +%s)
    # libFuzzer stops at the first crash: start it again on what is left of the time.
    while true; do
        left=$(( seconds - ($(date +%s) - start) ))
        [ "$left" -gt 0 ] || break
        status=0
        COAUTHOR_FUZZ_READER="$target" "$binary" "$corpus" "Fuzz/corpus/$target" \
            -max_total_time="$left" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
            -print_final_stats=1 -artifact_prefix="$artifacts/" >> "$log" 2>&1 || status=$?
        got=$(grep -a 'stat::number_of_executed_units:' "$log" | awk '{ total += $2 } END { print total + 0 }')
        runs=$got
        [ "$status" -eq 0 ] && break
        # A status without a saved input is not a finding but a broken run (build, flags): stop.
        if [ "$(found)" -eq 0 ]; then
            echo "fuzz: $target: FuzzReaders exited with $status without saving an input; see $log" >&2
            failed=1
            break
        fi
    done
    elapsed=$(( $(date +%s) - start ))
    crashes=$(found)
    echo "$target: ${elapsed} s, ${runs} runs, ${crashes} crashes$([ "$crashes" -gt 0 ] && echo " (inputs in $artifacts/, log $log)")"
    [ "$crashes" -eq 0 ] || failed=1
done
exit "$failed"
