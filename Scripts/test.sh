#!/usr/bin/env bash
# The whole test suite: set up what is missing (including networkx for the reference checks), then swift test.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/setup.sh --test
swift build --build-tests
swift test --skip-build "$@"
