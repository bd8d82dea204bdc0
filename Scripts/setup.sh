#!/usr/bin/env bash
# Installs what coauthor needs on a fresh Debian machine, only where it is missing:
# Graphviz's C library and headers (libgraphviz-dev), zlib's (zlib1g-dev), a fixed font for stable map
# layouts (DejaVu Sans), and, with --test, the Python tools the tests check our numbers
# and files against, in a virtual environment of the repository's own (.venv/): networkx,
# python-igraph, lxml, selenium (and what Scripts/requirements-test.txt lists), and Chromium with
# its driver for the HTML report's browser tests, and Open MPI (openmpi-bin, libopenmpi-dev) for the
# MPI variant's tests (Scripts/test_mpi.sh). Nothing is ever
# pip-installed into the system interpreter (a stock Debian refuses that, PEP 668).
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
pkg-config --exists libgvc 2>/dev/null || need_apt+=(libgraphviz-dev)
# zlib's headers: gzip-compressed inputs (.jsonl.gz, .txt.gz) are read through it.
pkg-config --exists zlib 2>/dev/null || need_apt+=(zlib1g-dev)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need_apt+=(fonts-dejavu-core)
command -v pkg-config >/dev/null || need_apt+=(pkg-config)
# The dataset tests unpack ../shared/datasets/*.xz.
command -v xz >/dev/null || need_apt+=(xz-utils)
if [ "${1:-}" = "--test" ]; then
    # Debian's python3 makes virtual environments only with python3-venv (ensurepip).
    command -v python3 >/dev/null || need_apt+=(python3)
    python3 -c "import ensurepip" 2>/dev/null || need_apt+=(python3-venv)
    # The HTML report's tests drive it in headless Chromium through Selenium.
    command -v chromium >/dev/null || need_apt+=(chromium)
    command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
    # The MPI variant's tests (Scripts/test_mpi.sh): Open MPI's runtime and headers. Only here:
    # the default build and Scripts/run.sh need no MPI.
    command -v mpirun >/dev/null || need_apt+=(openmpi-bin)
    pkg-config --exists ompi-c 2>/dev/null || need_apt+=(libopenmpi-dev)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
    echo "setup: installing ${need_apt[*]} with apt-get" >&2
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if [ "${1:-}" = "--test" ]; then
    requirements=Scripts/requirements-test.txt
    stamp=.venv/.requirements
    if [ ! -x .venv/bin/python3 ]; then
        echo "setup: creating the test tools' virtual environment in .venv/" >&2
        rm -rf .venv
        python3 -m venv .venv
    fi
    if ! cmp -s "$requirements" "$stamp"; then
        echo "setup: installing $(grep -v '^#' "$requirements" | tr '\n' ' ')into .venv/ with pip" >&2
        .venv/bin/python3 -m pip install --quiet --disable-pip-version-check -r "$requirements"
        cp "$requirements" "$stamp"
    fi
fi
