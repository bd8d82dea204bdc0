#!/usr/bin/env bash
# Faults (issue #15, item 6), checked with the release binary:
#   Scripts/chaos.sh [--no-build | --binary PATH]
# (--no-build: the release binary as it is; --binary: another build, e.g. Scripts/test.sh's debug one.)
#
# Each fault must end with a clear message and the documented exit status (0 success, 64 usage,
# 65 invalid data, 1 other failure; 130/143 after SIGINT/SIGTERM), never a crash, a hang (every run
# is under `timeout`) or lost data. Prints one line per fault and a summary `N passed, M failed`;
# exits 1 if any fault failed. Needs root for the full disk (a 64 KB tmpfs); without mount it
# fills a file-size limit instead (ulimit -f, EFBIG) and says so.
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

bin="$repo/.build/release/coauthor"
case "${1:-}" in
    --binary) bin=$(cd "$(dirname "$2")" && pwd)/$(basename "$2") ;;
    --no-build) ;;
    "")
        echo "chaos: building the release binary" >&2
        swift build -c release --product coauthor >&2 || { echo "chaos: the build failed" >&2; exit 1; } ;;
    *) echo "usage: Scripts/chaos.sh [--no-build | --binary PATH]" >&2; exit 64 ;;
esac
[ -x "$bin" ] || { echo "chaos: no $bin; build it or drop --no-build" >&2; exit 1; }

work=$(mktemp -d /tmp/coauthor-chaos.XXXXXX)
disk="$work/disk"
cleanup() {
    mountpoint -q "$disk" 2>/dev/null && umount "$disk"
    rm -rf "$work"
}
trap cleanup EXIT

passed=0
failed=0
pass() { printf 'ok    %-34s %s\n' "$1" "$2"; passed=$((passed + 1)); }
fail() { printf 'FAIL  %-34s %s\n' "$1" "$2"; failed=$((failed + 1)); }

# run SECONDS ARGS…: runs the binary under a timeout; sets $status, $out (stdout file), $err (stderr text).
run() {
    local limit=$1; shift
    out="$work/stdout"
    timeout -k 5 "$limit" "$bin" "$@" > "$out" 2> "$work/stderr" < /dev/null
    status=$?
    err=$(cat "$work/stderr")
}
# What went wrong with the last run, if it crashed or hung; empty when it ended by itself.
broken() {
    if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then echo "hung (killed by timeout)"; return; fi
    if [ "$status" -gt 128 ]; then echo "crashed (status $status): $(tail -c 300 "$work/stderr")"; return; fi
    if grep -qE 'Fatal error|Illegal instruction|Segmentation fault|AddressSanitizer' "$work/stderr"; then
        echo "crashed: $(grep -m1 -E 'Fatal error|Illegal|Segmentation|AddressSanitizer' "$work/stderr")"
    fi
}
# The publication count of SPEC §2's closing line on stderr ("read 16 publications from 1 file …").
read_count() { sed -n 's/.*read \([0-9][0-9]*\) publication.*/\1/p' "$work/stderr" | tail -1; }
# The first error message of the last run, without its path, shortened.
error_line() { grep -m1 'error:' <<< "$err" | sed 's/.*error: //' | cut -c1-110; }
temporaries() { find "$1" -name '.*.tmp' 2>/dev/null | wc -l; }

# Inputs: a small real bibliography, synthetic corpora from the shared generator.
good="$work/good.bib"
cp Data/publications.bib "$good"
run 60 names "$good"
good_count=$(read_count)
[ -n "$good_count" ] && [ "$status" -eq 0 ] || { echo "chaos: cannot read $good (status $status): $err" >&2; exit 1; }
gen="$repo/../shared/tools/gen_corpus.py"
[ -f "$gen" ] || gen=/work/shared/tools/gen_corpus.py
[ -f "$gen" ] || { echo "chaos: no ../shared/tools/gen_corpus.py beside the repository" >&2; exit 1; }
python3 "$gen" --papers 3000 --seed 11 > "$work/medium.bib" 2>/dev/null \
    && python3 "$gen" --papers 150000 --seed 12 > "$work/large.bib" 2>/dev/null \
    || { echo "chaos: $gen failed" >&2; exit 1; }

# --- a full disk ---------------------------------------------------------------------------------
full_disk() {
    local name="full disk" mode
    mkdir -p "$disk"
    if mount -t tmpfs -o size=64k tmpfs "$disk" 2>/dev/null; then
        mode="64 KB tmpfs"
        run 60 export "$good" --format json --metrics none -o "$disk/network.json"
        [ "$status" -eq 0 ] || { fail "$name" "the small export failed first (status $status): $err"; return; }
        cp "$disk/network.json" "$work/earlier.json"
        run 60 export "$work/medium.bib" --format graphml --metrics none -o "$disk/network.json"
    else
        # No mount (not root, or a container without CAP_SYS_ADMIN): a file-size limit fails the
        # write the same way (EFBIG instead of ENOSPC); SIGXFSZ is ignored so write(2) reports it.
        mode="ulimit -f 64 (mount refused)"
        run 60 export "$good" --format json --metrics none -o "$disk/network.json"
        cp "$disk/network.json" "$work/earlier.json"
        (trap '' XFSZ; ulimit -f 64; timeout -k 5 60 "$bin" export "$work/medium.bib" --format graphml --metrics none \
            -o "$disk/network.json" > "$work/stdout" 2> "$work/stderr" < /dev/null)
        status=$?
        err=$(cat "$work/stderr")
    fi
    local problem
    problem=$(broken)
    if [ -n "$problem" ]; then fail "$name" "$problem"
    elif [ "$status" -ne 1 ]; then fail "$name" "status $status, expected 1: $err"
    elif ! grep -qiE 'cannot write the output \((no space left|file too large)' <<< "$err"; then fail "$name" "no clear message: $err"
    elif ! cmp -s "$disk/network.json" "$work/earlier.json"; then fail "$name" "the earlier output was changed"
    elif [ "$(temporaries "$disk")" -ne 0 ]; then fail "$name" "a temporary file was left: $(ls -a "$disk")"
    else pass "$name" "$mode: status 1, earlier output intact, no temporary file ($(error_line))"
    fi
    mountpoint -q "$disk" && umount "$disk"
}

# --- SIGINT and SIGTERM during a long export ----------------------------------------------------------
# Two moments each: while the metrics are computed (no file yet), and while the output's temporary
# file is being written (caught by watching the folder). Both must end by the signal (130/143), leave
# the earlier output as it was and no temporary file.
interrupted() {
    local signal=$1 expected=$2 name="$1 during a long export"
    local folder="$work/signal-$signal"
    mkdir -p "$folder"
    printf 'earlier output\n' > "$folder/network.graphml"
    local report
    report=$(python3 - "$bin" "$work/large.bib" "$folder" "$signal" <<'PY'
import os, signal, subprocess, sys, time
binary, corpus, folder, name = sys.argv[1:5]
number = getattr(signal, name)
target = os.path.join(folder, "network.graphml")
def attempt(metrics, moment):
    # Popen's child starts with default dispositions for INT and TERM (exec resets Python's handlers).
    child = subprocess.Popen([binary, "export", corpus, "--format", "graphml", "--metrics", metrics, "--quiet", "-o", target],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    sent = None
    while time.monotonic() < deadline and child.poll() is None:
        if moment == "computing" and time.monotonic() > started + 4:
            sent = "while computing"
        elif moment == "writing" and any(n.endswith(".tmp") for n in os.listdir(folder)):
            sent = "while writing"
        if sent:
            child.send_signal(number)
            break
        if moment == "computing":
            time.sleep(0.05)
    try:
        _, stderr = child.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        child.kill()
        return f"hung after {name}"
    if sent is None:
        return f"finished (status {child.returncode}) before {name} could be sent {moment}"
    left = sorted(n for n in os.listdir(folder) if n != "network.graphml")
    with open(target, "rb") as handle:
        kept = handle.read() == b"earlier output\n"
    status = 128 - child.returncode if child.returncode < 0 else child.returncode
    if status != 128 + number:
        return f"{sent}: status {status}, expected {128 + number}: {stderr.decode(errors='replace')[-300:]}"
    if left:
        return f"{sent}: left {left}"
    if not kept:
        return f"{sent}: the earlier output was replaced or damaged"
    return None
problems = []
for metrics, moment in (("all", "computing"), ("none", "writing")):
    started = time.monotonic()
    problem = attempt(metrics, moment)
    if problem:
        problems.append(problem)
print("; ".join(problems) if problems else "ok")
PY
)
    if [ "$report" = ok ]; then
        pass "$name" "status $expected while computing and while writing; earlier output intact, no temporary file"
    else
        fail "$name" "$report"
    fi
}

# --- two runs writing the same -o at once ---------------------------------------------------------
same_output() {
    local name="two runs, one -o" folder="$work/same"
    mkdir -p "$folder"
    "$bin" export "$good" --format graphml --metrics none --quiet -o "$work/a.graphml" || true
    "$bin" export "$work/medium.bib" --format graphml --metrics none --quiet -o "$work/b.graphml" || true
    local round problems=""
    for round in 1 2 3 4 5; do
        timeout -k 5 120 "$bin" export "$good" --format graphml --metrics none --quiet -o "$folder/network.graphml" 2>> "$work/same.err" &
        local first=$!
        timeout -k 5 120 "$bin" export "$work/medium.bib" --format graphml --metrics none --quiet -o "$folder/network.graphml" 2>> "$work/same.err" &
        local second=$!
        wait "$first"; local s1=$?
        wait "$second"; local s2=$?
        [ "$s1" -eq 0 ] && [ "$s2" -eq 0 ] || problems+=" round $round: statuses $s1 $s2;"
        cmp -s "$folder/network.graphml" "$work/a.graphml" || cmp -s "$folder/network.graphml" "$work/b.graphml" \
            || problems+=" round $round: the file is neither run's output whole;"
        [ "$(temporaries "$folder")" -eq 0 ] || problems+=" round $round: temporary files left;"
    done
    if [ -z "$problems" ]; then pass "$name" "5 rounds: both exit 0, the file is one run's output whole, no temporary file"
    else fail "$name" "$problems $(head -c 200 "$work/same.err")"
    fi
}

# --- an unreadable file inside an input folder ----------------------------------------------------
unreadable_in_folder() {
    local name="unreadable file in a folder" folder="$work/unreadable"
    mkdir -p "$folder/folder.bib"
    cp "$good" "$folder/good.bib"
    ln -s "$work/nowhere.bib" "$folder/dangling.bib"
    run 60 names "$folder"
    local problem count
    problem=$(broken); count=$(read_count)
    if [ -n "$problem" ]; then fail "$name" "$problem"
    elif [ "$status" -ne 0 ]; then fail "$name" "status $status, expected 0: $err"
    elif ! grep -q 'dangling.bib' <<< "$err" || ! grep -q 'folder.bib' <<< "$err"; then fail "$name" "not both reported: $err"
    elif [ "$count" != "$good_count" ]; then fail "$name" "read $count publications, expected $good_count"
    else pass "$name" "status 0, both reported, the others read ($(error_line))"
    fi
}

# --- a FIFO and /dev/stdin as input ---------------------------------------------------------------
fifo_and_stdin() {
    local name="FIFO and /dev/stdin as input" problems=""
    mkfifo "$work/pipe.bib"
    (cat "$good" > "$work/pipe.bib") &
    run 60 names "$work/pipe.bib"
    [ -z "$(broken)" ] && [ "$status" -eq 0 ] && [ "$(read_count)" = "$good_count" ] \
        || problems+=" FIFO: status $status, read $(read_count): $(broken) $err;"
    wait
    # /dev/stdin has no extension: the format must be named, and then it is read.
    timeout -k 5 60 "$bin" names --input-format bibtex /dev/stdin < "$good" > /dev/null 2> "$work/stderr"; status=$?
    [ -z "$(broken)" ] && [ "$status" -eq 0 ] && [ "$(read_count)" = "$good_count" ] \
        || problems+=" /dev/stdin: status $status, read $(read_count): $(cat "$work/stderr");"
    # Without a format, a file behind /dev/stdin is recognised by its content (a regular file can
    # be sniffed without consuming it); a pipe cannot be, and then the format must be named.
    timeout -k 5 60 "$bin" names /dev/stdin < "$good" > /dev/null 2> "$work/stderr"; status=$?
    [ -z "$(broken)" ] && [ "$status" -eq 0 ] && [ "$(read_count)" = "$good_count" ] \
        || problems+=" /dev/stdin from a file without a format: status $status: $(cat "$work/stderr");"
    cat "$good" | timeout -k 5 60 "$bin" names /dev/stdin > /dev/null 2> "$work/stderr"; status=$?
    [ -z "$(broken)" ] && [ "$status" -eq 64 ] && grep -q -- '--input-format' "$work/stderr" \
        || problems+=" /dev/stdin from a pipe without a format: status $status: $(cat "$work/stderr");"
    # A FIFO without a writer inside a folder must not block the run.
    mkdir -p "$work/fifo-folder"
    cp "$good" "$work/fifo-folder/good.bib"
    mkfifo "$work/fifo-folder/silent.bib"
    run 20 names "$work/fifo-folder"
    [ -z "$(broken)" ] && [ "$status" -eq 0 ] && [ "$(read_count)" = "$good_count" ] && grep -q silent.bib <<< "$err" \
        || problems+=" a silent FIFO in a folder: status $status, read $(read_count): $(broken) $err;"
    if [ -z "$problems" ]; then pass "$name" "FIFO read, /dev/stdin read with --input-format or by its content (a pipe without a format: 64), a writerless FIFO in a folder reported"
    else fail "$name" "$problems"
    fi
}

# --- a symlink loop in an input folder ------------------------------------------------------------
symlink_loop() {
    local name="symlink loop in a folder" folder="$work/loop"
    mkdir -p "$folder"
    cp "$good" "$folder/good.bib"
    ln -s loop.bib "$folder/loop.bib"
    ln -s b.bib "$folder/a.bib"
    ln -s a.bib "$folder/b.bib"
    ln -s . "$folder/self.bib"
    run 60 names "$folder"
    local problem problems=""
    problem=$(broken)
    if [ -n "$problem" ]; then problems+=" folder: $problem;"
    elif [ "$status" -ne 0 ] || [ "$(read_count)" != "$good_count" ]; then problems+=" folder: status $status, read $(read_count): $err;"
    elif ! grep -q 'loop.bib' <<< "$err" || ! grep -q 'a.bib' <<< "$err"; then problems+=" folder: the loops not reported: $err;"
    fi
    run 60 names "$folder/loop.bib"
    problem=$(broken)
    if [ -n "$problem" ]; then problems+=" the loop named: $problem;"
    elif [ "$status" -ne 65 ] || ! grep -q 'a loop of symbolic links' <<< "$err"; then problems+=" the loop named: status $status: $err;"
    fi
    if [ -z "$problems" ]; then pass "$name" "folder read and loops reported; the loop itself: status $status ($(error_line))"
    else fail "$name" "$problems"
    fi
}

# --- a file truncated in the middle of an entry ---------------------------------------------------
truncated() {
    local name="file truncated mid-entry" file="$work/truncated.bib"
    local size cut complete
    size=$(stat -c %s "$work/medium.bib")
    cut=$((size / 2))
    head -c "$cut" "$work/medium.bib" > "$file"
    # Entries wholly before the cut: those followed by another entry's start.
    complete=$(( $(grep -c '^@' "$file") - 1 ))
    run 60 names "$file"
    local problem count expected_line
    problem=$(broken); count=$(read_count)
    expected_line=$(grep -n '^@' "$file" | tail -1 | cut -d: -f1)
    if [ -n "$problem" ]; then fail "$name" "$problem"
    elif [ "$status" -ne 0 ]; then fail "$name" "status $status, expected 0: $err"
    elif ! grep -q "truncated.bib:$expected_line:" <<< "$err"; then fail "$name" "the cut entry (line $expected_line) not reported: $(head -c 300 <<< "$err")"
    elif [ "$count" -lt $((complete - 5)) ]; then fail "$name" "read $count publications of $complete complete entries"
    else pass "$name" "status 0, $count publications read, the cut entry reported at line $expected_line"
    fi
}

# --- invalid UTF-8 in the middle of a large file --------------------------------------------------
invalid_utf8() {
    local name="invalid UTF-8 mid-file" file="$work/invalid.bib"
    local size half
    size=$(stat -c %s "$work/large.bib")
    half=$((size / 2))
    { head -c "$half" "$work/large.bib"; printf '\xff\xfe'; tail -c +"$((half + 1))" "$work/large.bib"; } > "$file"
    run 120 names "$file"
    local problem problems=""
    problem=$(broken)
    if [ -n "$problem" ]; then problems+=" utf8: $problem;"
    elif [ "$status" -ne 65 ]; then problems+=" utf8: status $status, expected 65: $(head -c 300 <<< "$err");"
    elif ! grep -q "$half" <<< "$err" || ! grep -q 'latin1' <<< "$err"; then problems+=" utf8: the message names neither offset $half nor --encoding latin1: $err;"
    fi
    local message
    message=$(error_line)
    run 120 names --encoding latin1 "$file"
    problem=$(broken)
    [ -z "$problem" ] && [ "$status" -eq 0 ] && [ "$(read_count)" -gt 100000 ] || problems+=" latin1: status $status, read $(read_count): $problem;"
    if [ -z "$problems" ]; then pass "$name" "status 65 naming the offset and --encoding latin1; read whole with it ($message)"
    else fail "$name" "$problems"
    fi
}

# --- one line of 100 MB ---------------------------------------------------------------------------
huge_line() {
    local name="one line of 100 MB" file="$work/line.bib"
    {
        cat "$good"
        printf '@article{huge, author = {Long Line and Second Author}, year = 2020, abstract = {'
        head -c 100000000 /dev/zero | tr '\0' 'x'
        printf '}}\n@article{after, author = {After Huge and Second Author}, year = 2021}\n'
    } > "$file"
    run 180 names "$file"
    local problem count
    problem=$(broken); count=$(read_count)
    if [ -n "$problem" ]; then fail "$name" "$problem"
    elif [ "$status" -ne 0 ]; then fail "$name" "status $status, expected 0: $(head -c 300 <<< "$err")"
    elif [ "$count" != "$((good_count + 2))" ]; then fail "$name" "read $count publications, expected $((good_count + 2))"
    else pass "$name" "status 0, the entry with it and the ones around it read"
    fi
}

# --- one paper with 100,000 authors ---------------------------------------------------------------
many_authors() {
    local name="a paper with 100,000 authors" file="$work/authors.bib"
    python3 - "$file" <<'PY'
import sys
names = " and ".join(f"Author{i:06d} Surname{i:06d}" for i in range(100000))
with open(sys.argv[1], "w") as out:
    out.write("@article{many, author = {" + names + "}, year = 2020, title = {Big Science}}\n")
    out.write("@article{pair, author = {Author000001 Surname000001 and Other Person}, year = 2021}\n")
PY
    run 180 stats --format json "$file"
    local problem problems=""
    problem=$(broken)
    if [ -n "$problem" ]; then problems+=" stats: $problem;"
    elif [ "$status" -ne 0 ]; then problems+=" stats: status $status: $(head -c 300 <<< "$err");"
    elif ! grep -q '"publications":2' <(tr -d ' \n' < "$out"); then problems+=" stats: $(head -c 200 "$out");"
    elif ! grep -q 'max-authors' <<< "$err"; then problems+=" stats: the skipped paper not noted: $err;"
    fi
    run 300 export "$file" --format graphml --metrics none -o "$work/authors.graphml"
    problem=$(broken)
    [ -z "$problem" ] && [ "$status" -eq 0 ] || problems+=" export: status $status: $problem $(head -c 200 <<< "$err");"
    if [ -z "$problems" ]; then pass "$name" "stats and export: status 0, the paper adds no ties and is noted (--max-authors)"
    else fail "$name" "$problems"
    fi
}

# --- a device as the output ------------------------------------------------------------------------
device_output() {
    local name="-o /dev/null and -o a FIFO"
    run 60 export "$good" --format json --metrics none --quiet -o /dev/null
    local problem problems=""
    problem=$(broken)
    [ -z "$problem" ] && [ "$status" -eq 0 ] && [ -c /dev/null ] || problems+=" /dev/null: status $status, device kept: $([ -c /dev/null ] && echo yes || echo NO) $problem;"
    mkfifo "$work/out.fifo"
    (cat "$work/out.fifo" > "$work/from-fifo.json") &
    run 60 export "$good" --format json --metrics none --quiet -o "$work/out.fifo"
    wait
    [ "$status" -eq 0 ] && [ -p "$work/out.fifo" ] && python3 -m json.tool "$work/from-fifo.json" > /dev/null 2>&1 \
        || problems+=" FIFO: status $status, the JSON through it does not parse or the FIFO was replaced;"
    if [ -z "$problems" ]; then pass "$name" "written through, status 0; both stay what they were"
    else fail "$name" "$problems"
    fi
}

full_disk
device_output
interrupted SIGINT 130
interrupted SIGTERM 143
same_output
unreadable_in_folder
fifo_and_stdin
symlink_loop
truncated
invalid_utf8
huge_line
many_authors

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
