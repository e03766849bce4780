#!/usr/bin/env bash
# The main job: the chat demo. Starts smartsocket-chat-server on a free loopback port and two
# chat windows (alice and bob) talking to it. Closing both windows, or Ctrl-C, stops everything
# this script started.
#
# Without a display ($DISPLAY and $WAYLAND_DISPLAY unset), or with --headless, it says so and
# runs the server with two command-line clients instead (smartsocket-cli): bob listens, alice
# joins, sends a few messages (one of them empty, to show the validation) and leaves; what
# each received is printed, the server is stopped and the script exits 0.
#
# Needs a build (./scripts/setup.sh). SMARTSOCKET_BIN overrides the directory of the programs.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: scripts/run-demo.sh [--headless] [-h|--help]

  --headless   run the command-line conversation even when a display is available
EOF
}

HEADLESS=0
for arg in "$@"; do
    case "$arg" in
    --headless) HEADLESS=1 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "run-demo.sh: unknown argument: $arg" >&2; usage >&2; exit 2 ;;
    esac
done
if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} && $HEADLESS -eq 0 ]]; then
    echo "==> no display (\$DISPLAY and \$WAYLAND_DISPLAY are unset): running the chat headless,"
    echo "    with smartsocket-cli as the clients (the chat windows need a display)"
    HEADLESS=1
fi

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${SMARTSOCKET_BIN:-$ROOT/build/bin}
SERVER=$BIN/smartsocket-chat-server
CHAT=$BIN/smartsocket-chat
CLI=$BIN/smartsocket-cli
NEEDED=("$SERVER" "$CLI")
[[ $HEADLESS -eq 1 ]] || NEEDED+=("$CHAT")
for exe in "${NEEDED[@]}"; do
    if [[ ! -x $exe ]]; then
        echo "run-demo.sh: $exe not found; build first: ./scripts/setup.sh" >&2
        exit 1
    fi
done

WORK=$(mktemp -d)
PIDS=()
SERVER_PID=

# Stops every process this script started (and, when the script leads its own process group,
# anything they started in turn): TERM first, KILL after 5 s.
cleanup() {
    local status=$?
    trap - EXIT
    trap "" INT TERM HUP
    local pid alive=()
    for pid in "${PIDS[@]}"; do
        if kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null || true
            alive+=("$pid")
        fi
    done
    for _ in $(seq 50); do
        local still=()
        for pid in "${alive[@]}"; do
            kill -0 "$pid" 2>/dev/null && still+=("$pid")
        done
        alive=("${still[@]}")
        [[ ${#alive[@]} -eq 0 ]] && break
        sleep 0.1
    done
    for pid in "${alive[@]}"; do
        kill -KILL "$pid" 2>/dev/null || true
    done
    if [[ $(ps -o pgid= -p $$ | tr -d ' ') == "$$" ]]; then
        kill -TERM -- -$$ 2>/dev/null || true
    fi
    wait 2>/dev/null || true
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
trap 'echo; echo "==> interrupted: stopping everything"; exit 130' INT TERM HUP

# start NAME PROGRAM ARGS...: runs it in the background, output in $WORK/NAME.{out,err}.
start() {
    local name=$1
    shift
    "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" &
    PIDS+=($!)
    echo "==> started $name (pid $!)"
}

start server "$SERVER" --host 127.0.0.1 --port 0 --verbose
SERVER_PID=${PIDS[-1]}
PORT=
for _ in $(seq 100); do
    PORT=$(sed -n 's/^listening on \([0-9][0-9]*\)$/\1/p' "$WORK/server.out")
    [[ -n $PORT ]] && break
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "run-demo.sh: the chat server exited before listening:" >&2
        cat "$WORK/server.err" >&2
        exit 1
    fi
    sleep 0.1
done
if [[ -z $PORT ]]; then
    echo "run-demo.sh: the chat server did not print 'listening on PORT' within 10 s" >&2
    exit 1
fi
URL=ws://127.0.0.1:$PORT
echo "==> smartsocket-chat-server listening on $URL (namespace /chat)"

stop_server() {
    echo "==> stopping the server (SIGTERM)"
    kill -TERM "$SERVER_PID"
    local status=0
    wait "$SERVER_PID" || status=$?
    echo "==> server log:"
    sed 's/^/  /' "$WORK/server.err"
    if [[ $status -ne 0 ]]; then
        echo "run-demo.sh: the chat server exited with status $status" >&2
        exit 1
    fi
}

if [[ $HEADLESS -eq 0 ]]; then
    start alice "$CHAT" --url "$URL" --user alice --geometry 760x520+20+40
    start bob "$CHAT" --url "$URL" --user bob --geometry 760x520+800+40
    WINDOWS=("${PIDS[-2]}" "${PIDS[-1]}")
    # --- Inspector (added by the integrator): start it here with start NAME PROGRAM ARGS,
    # e.g. start inspector "$BIN/smartsocket-inspector" --url "$URL"; it is stopped with the
    # rest. Do not add it to WINDOWS unless closing it should end the demo.
    # ---
    echo "==> two chat windows are open (alice and bob); close both, or press Ctrl-C, to stop"
    for pid in "${WINDOWS[@]}"; do
        wait "$pid" || true
    done
    echo "==> the chat windows were closed"
    stop_server
    echo "==> demo done"
    exit 0
fi

# show NAME: what a client printed, one JSON line per ack or event received.
show() {
    echo "==> $1 received:"
    sed 's/^/  <- /' "$WORK/$1.out"
    if [[ -s $WORK/$1.err ]]; then
        sed 's/^/  (stderr) /' "$WORK/$1.err"
    fi
}

# Headless: bob listens in general; alice joins, talks and leaves.
start bob timeout 30 "$CLI" "$URL" --namespace /chat \
    --emit join-room '{"room":"general","username":"bob"}' --ack \
    --listen message --count 2
BOB_PID=${PIDS[-1]}
for _ in $(seq 300); do
    grep -q '"event":"join-room"' "$WORK/bob.out" && break
    if ! kill -0 "$BOB_PID" 2>/dev/null; then
        show bob
        echo "run-demo.sh: bob's client ended before joining" >&2
        exit 1
    fi
    sleep 0.1
done

echo "==> alice joins general and says hello"
ALICE_STATUS=0
timeout 30 "$CLI" "$URL" --namespace /chat \
    --emit join-room '{"room":"general","username":"alice"}' --ack \
    --emit send-message '{"text":"Hello Bob!"}' --ack \
    --emit send-message '{"text":""}' --ack \
    --emit send-message '{"text":"The empty one was refused, this one is not."}' --ack \
    --emit leave-room '{}' --ack \
    >"$WORK/alice.out" 2>"$WORK/alice.err" || ALICE_STATUS=$?
BOB_STATUS=0
wait "$BOB_PID" || BOB_STATUS=$?
show alice
show bob
stop_server
if [[ $ALICE_STATUS -ne 0 || $BOB_STATUS -ne 0 ]]; then
    echo "run-demo.sh: a client failed (alice: $ALICE_STATUS, bob: $BOB_STATUS)" >&2
    exit 1
fi
echo "==> demo done: bob got alice's messages, the server stopped cleanly"
