#!/usr/bin/env bash
# Installs what coauthor needs on a fresh Debian machine, only where it is missing:
# Graphviz's C library and headers (libgraphviz-dev), a fixed font for stable map
# layouts (DejaVu Sans), and, with --test, Python's networkx for the reference checks.
set -euo pipefail

need_apt=()
pkg-config --exists libgvc 2>/dev/null || need_apt+=(libgraphviz-dev)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need_apt+=(fonts-dejavu-core)
command -v pkg-config >/dev/null || need_apt+=(pkg-config)
# The dataset tests unpack ../shared/datasets/*.xz.
command -v xz >/dev/null || need_apt+=(xz-utils)
if [ ${#need_apt[@]} -gt 0 ]; then
    echo "setup: installing ${need_apt[*]} with apt-get" >&2
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if [ "${1:-}" = "--test" ]; then
    if ! python3 -c "import networkx" 2>/dev/null; then
        echo "setup: installing networkx with pip" >&2
        python3 -m pip install --quiet networkx
    fi
    # The export round trips read our files back with igraph (GraphML, Pajek) and
    # validate GEXF against its RELAX NG schema with lxml.
    need_pip=()
    python3 -c "import igraph" 2>/dev/null || need_pip+=(igraph)
    python3 -c "import lxml" 2>/dev/null || need_pip+=(lxml)
    if [ ${#need_pip[@]} -gt 0 ]; then
        echo "setup: installing ${need_pip[*]} with pip" >&2
        python3 -m pip install --quiet "${need_pip[@]}"
    fi
fi
