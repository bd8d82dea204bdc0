#!/usr/bin/env bash
# The whole test suite: set up what is missing (the reference tools in .venv/), then swift test.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/setup.sh --test
# The tests run `python3` for their reference computations: the virtual environment's.
export PATH="$PWD/.venv/bin:$PATH"
swift build --build-tests
swift test --skip-build "$@"
