#!/usr/bin/env bash
# Screenshots of the inspector's pages for docs/screenshots/inspector-*.png, taken the way a
# person sees them: the real program under Xvfb against live servers with traffic.
#   admin mode: the Node socket.io server with @socket.io/admin-ui 0.5.1 and the SmartSocket
#               extensions (tests/interop/node/admin-server.js --extensions), 6 bots;
#   client mode: the same server, joined as a client on / and /chat (emit page).
# Usage: scripts/inspector-screenshots.sh [BUILD_DIR]   (default build/; needs xvfb-run,
#        ImageMagick's import, node and npm ci --prefix tests/interop)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${1:-$ROOT/build}
APP=$BUILD/bin/smartsocket-inspector
OUT=$ROOT/docs/screenshots
mkdir -p "$OUT"
WAIT=${WAIT:-9}

PORT_FILE=$(mktemp)
node "$ROOT/tests/interop/node/admin-server.js" --extensions --bots 6 --traffic 250 \
    --server-id node-1 >"$PORT_FILE" </dev/zero &
NODE_PID=$!
trap 'kill $NODE_PID 2>/dev/null || true; rm -f "$PORT_FILE"' EXIT
for _ in $(seq 100); do grep -q '^READY' "$PORT_FILE" && break; sleep 0.1; done
PORT=$(awk '/^READY/ {print $2}' "$PORT_FILE")
[[ -n $PORT ]] || { echo "admin server did not start" >&2; exit 1; }

# One run of the program per page; XDG dirs of its own so the user's settings stay untouched.
shot() {
    local page=$1 name=$2
    shift 2
    local home
    home=$(mktemp -d)
    XDG_CONFIG_HOME=$home XDG_RUNTIME_DIR=$home SMARTSOCKET_ADMIN_PASSWORD=secret \
        xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
            out=$1 wait=$2
            shift 2
            "$@" &
            pid=$!
            sleep "$wait"
            import -window root -crop 1280x800+0+0 +repage "$out"
            kill $pid' _ "$OUT/inspector-$name.png" "$WAIT" "$APP" --page "$page" "$@" 2>/dev/null
    rm -rf "$home"
    echo "$OUT/inspector-$name.png"
}

URL=ws://127.0.0.1:$PORT
for page in ${PAGES:-dashboard servers namespaces sockets rooms events acks ratelimits}; do
    shot "$page" "$page" --url "$URL" --admin --user admin
done
shot emit emit-client --url "$URL" --client --namespace / --namespace /chat \
    --emit echo --args '[{"text": "hello from the inspector", "n": 42}, [1, 2, 3]]'
# The connect dialog (no --url), over the empty window.
shot dashboard connect-dialog
