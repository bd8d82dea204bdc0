#!/usr/bin/env bash
# The whole test suite: set up what is missing (the reference tools in .venv/), then swift test.
# Not here, because they take longer than the suite: fuzzing (Scripts/fuzz.sh SECONDS, minutes per
# reader; the fuzz finds are pinned by FuzzRegressionTests, which is here) and the faults
# (Scripts/chaos.sh: 35 s with a built release binary, but a release build first, or about 3 min
# with the debug binary on this shared 2-core machine).
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/setup.sh --test
# The tests run `python3` for their reference computations: the virtual environment's.
export PATH="$PWD/.venv/bin:$PATH"
swift build --build-tests
swift test --skip-build "$@"
# The MPI variant (issue #18): outputs of 1, 2 and 3 ranks byte-identical to one process, a killed
# job resumed from its checkpoint. Skipped when the Swift tests were filtered (arguments given).
if [ $# -eq 0 ]; then Scripts/test_mpi.sh; fi
