#!/usr/bin/env bash
# Sets up a Debian 12 machine for SmartSocket and builds it with the default preset:
#   1. apt packages (build tools, Qt 6, test and fuzz tools), installing only what is missing;
#   2. the npm peers of the interop tests (tests/interop) and of the benchmarks (bench/node);
#   3. cmake --preset default && cmake --build --preset default   (into build/).
# Idempotent: a second run installs nothing and rebuilds only what changed.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: scripts/setup.sh [--deps-only | --no-build] [-h|--help]

  (no flag)    install apt packages and npm test peers, then configure and build (build/)
  --no-build   install apt packages and npm test peers; do not configure or build
  --deps-only  install the apt packages only
  -h, --help   show this help

Environment: JOBS (parallel build jobs, default: nproc).
EOF
}

DEPS_ONLY=0
BUILD=1
for arg in "$@"; do
    case "$arg" in
    --deps-only) DEPS_ONLY=1; BUILD=0 ;;
    --no-build) BUILD=0 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "setup.sh: unknown argument: $arg" >&2; usage >&2; exit 2 ;;
    esac
done

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JOBS=${JOBS:-$(nproc)}
export DEBIAN_FRONTEND=noninteractive

log() { printf '==> %s\n' "$*"; }

if [[ $(id -u) -eq 0 ]]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo env DEBIAN_FRONTEND=noninteractive)
else
    SUDO=()
fi

APT_PACKAGES=(
    # toolchain and build system
    build-essential g++ cmake ninja-build pkg-config git ca-certificates
    # Qt 6.4 (Core, Network, WebSockets, Concurrent, Test; Widgets/OpenGL and Linguist for the GUI)
    qt6-base-dev qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6opengl6-dev libgl-dev
    # compression, TLS/encryption, Redis adapter
    zlib1g-dev libssl-dev libhiredis-dev libmsgpack-dev redis-server
    # the openssl command line: the TLS tests make a throwaway CA and certificates with it
    openssl
    # the inspector's charts (its SVG icons need qt6-svg-dev, below)
    qt6-charts-dev
    # formatting, GUI tests and screenshots, fuzz and sanitizer builds
    clang-format xvfb xauth imagemagick clang-14 libclang-rt-14-dev
    # the demos' GUIs: SVG icons (the qsvg plugins), Qt's own German and French strings
    qt6-svg-dev qt6-translations-l10n
    # headless Chromium: the chat's browser page is checked in it; xdotool types in the demo
    # windows for scripts/screenshots.sh
    chromium xdotool
)

# Node: use whatever `node` is already installed (it may be Node 20 from another source:
# never replace it); install Debian's nodejs and npm only when there is none.
if ! command -v node >/dev/null 2>&1; then
    APT_PACKAGES+=(nodejs npm)
elif ! command -v npm >/dev/null 2>&1; then
    # Debian's node comes without npm; a Node from elsewhere (e.g. NodeSource) ships its own
    # npm, and Debian's npm package would conflict with it.
    if dpkg-query -W -f='${Version}' nodejs 2>/dev/null | grep -q nodesource; then
        echo "setup.sh: warning: node is installed without npm; install npm for it" >&2
    else
        APT_PACKAGES+=(npm)
    fi
fi

is_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'
}

install_apt_packages() {
    local missing=() pkg
    for pkg in "${APT_PACKAGES[@]}"; do
        is_installed "$pkg" || missing+=("$pkg")
    done
    if [[ ${#missing[@]} -eq 0 ]]; then
        log "apt packages: all ${#APT_PACKAGES[@]} present"
        return
    fi
    if [[ $(id -u) -ne 0 && ${#SUDO[@]} -eq 0 ]]; then
        echo "setup.sh: not root and no sudo; install these packages first: ${missing[*]}" >&2
        exit 1
    fi
    log "apt packages: installing ${missing[*]}"
    "${SUDO[@]}" apt-get update -q
    "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# npm_ci_if_needed DIR: `npm ci` in DIR unless its node_modules is up to date.
npm_ci_if_needed() {
    local dir=$1
    if [[ ! -f "$dir/package-lock.json" ]]; then
        log "npm peers: no ${dir#"$ROOT"/}/package-lock.json, skipped"
        return
    fi
    if ! command -v npm >/dev/null 2>&1; then
        echo "setup.sh: npm not found; cannot install the npm peers in $dir" >&2
        exit 1
    fi
    # npm ci writes node_modules/.package-lock.json: skip when it is newer than the lock file
    # (a node_modules symlink, e.g. to another checkout's, is replaced by a real install).
    if [[ ! -L "$dir/node_modules" && -f "$dir/node_modules/.package-lock.json" &&
        "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" &&
        "$dir/node_modules/.package-lock.json" -nt "$dir/package.json" ]]; then
        log "npm peers: ${dir#"$ROOT"/} up to date"
        return
    fi
    log "npm peers: npm ci in ${dir#"$ROOT"/} (node $(node --version))"
    npm ci --prefix "$dir" --no-audit --no-fund
}

# The interop tests' peers, and the Node socket.io server the benchmarks compare against.
install_npm_peers() {
    npm_ci_if_needed "$ROOT/tests/interop"
    npm_ci_if_needed "$ROOT/bench/node"
}

build() {
    log "configure and build: preset default, $JOBS jobs"
    cd "$ROOT"
    cmake --preset default
    cmake --build --preset default -j"$JOBS"
}

install_apt_packages
if [[ $DEPS_ONLY -eq 0 ]]; then
    install_npm_peers
fi
if [[ $BUILD -eq 1 ]]; then
    build
fi
log "setup done"
