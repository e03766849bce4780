#!/usr/bin/env bash
# The main job, for now: starts the echo server demo on a free loopback port, exchanges events
# with it through smartsocket-cli (an echo with ack, a broadcast, a /chat stats request),
# prints what came back and stops the server. Needs a build (./scripts/setup.sh).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${SMARTSOCKET_BIN:-$ROOT/build/bin}
SERVER=$BIN/smartsocket-echo-server
CLI=$BIN/smartsocket-cli

for exe in "$SERVER" "$CLI"; do
    if [[ ! -x $exe ]]; then
        echo "run-demo.sh: $exe not found; build first: ./scripts/setup.sh" >&2
        exit 1
    fi
done

WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
    if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

"$SERVER" --host 127.0.0.1 --port 0 --verbose >"$WORK/server.out" 2>"$WORK/server.err" &
SERVER_PID=$!

PORT=
for _ in $(seq 100); do
    if PORT=$(sed -n 's/^listening on \([0-9][0-9]*\)$/\1/p' "$WORK/server.out") && [[ -n $PORT ]]; then
        break
    fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "run-demo.sh: the echo server exited before listening:" >&2
        cat "$WORK/server.err" >&2
        exit 1
    fi
    sleep 0.1
done
if [[ -z $PORT ]]; then
    echo "run-demo.sh: the echo server did not print 'listening on PORT' within 10 s" >&2
    cat "$WORK/server.err" >&2
    exit 1
fi
URL=ws://127.0.0.1:$PORT
echo "==> smartsocket-echo-server (pid $SERVER_PID) listening on 127.0.0.1:$PORT"

# run_cli ARGS...: shows the command, runs it with a time limit, prefixes what came back.
run_cli() {
    echo
    local shown="" arg
    for arg in "$@"; do
        if [[ $arg =~ ^[A-Za-z0-9_/:.,=@+-]+$ ]]; then
            shown+=" $arg"
        else
            shown+=" '${arg//\'/\'\\\'\'}'"
        fi
    done
    echo "\$ smartsocket-cli$shown"
    timeout 20 "$CLI" "$@" | sed 's/^/  <- /'
}

run_cli "$URL" \
    --emit echo '{"text":"hello from smartsocket-cli","n":1}' --ack \
    --listen bcast --emit broadcast '{"text":"hi everyone"}' --count 1
run_cli "$URL" --namespace /chat --emit ping-ack '["pong?"]' --ack --emit stats '[]' --ack

echo
echo "==> stopping the server (SIGTERM)"
kill -TERM "$SERVER_PID"
status=0
wait "$SERVER_PID" || status=$?
SERVER_PID=
echo "==> server log:"
sed 's/^/  /' "$WORK/server.err"
if [[ $status -ne 0 ]]; then
    echo "run-demo.sh: the echo server exited with status $status" >&2
    exit 1
fi
echo "==> demo done: the server stopped cleanly"
