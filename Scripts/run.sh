#!/usr/bin/env bash
# The main job: set up what is missing, build, and run `coauthor` on Data/, writing Output/.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/setup.sh
swift build -c release --product coauthor
.build/release/coauthor "$@"
