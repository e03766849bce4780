#!/bin/bash
# Server::instrument() off / idle (instrumented, no admin client) / production and development
# (one admin client, smartsocket-cli on /admin, connected during the run): server CPU per ack
# (ack scenario, 10 clients x 16 in flight), interleaved reps. One line per run on stdout:
# "rep=N admin=MODE admin-client=STATE RESULT {json}", STATE being none, connected, or exited:4
# when the server dropped the admin client as a slow consumer (then the rest of the run was
# not instrumented). callgrind's figure (bench/callgrind.sh --admin MODE) is the stable one.
# Usage: BUILD_DIR=build bench/instrumentation.sh [REPS (3)] [DURATION_S (8)]
set -euo pipefail
BUILD_DIR=${BUILD_DIR:-build}
REPS=${1:-3}
DURATION=${2:-8}
B=$BUILD_DIR/bin
for exe in smartsocket-echo-server smartsocket-cli smartsocket-bench; do
    [[ -x $B/$exe ]] || { echo "instrumentation.sh: $B/$exe is missing: build first" >&2; exit 2; }
done
SPID=
APID=
cleanup() {
    [[ -z $APID ]] || kill -KILL "$APID" 2>/dev/null || true
    [[ -z $SPID ]] || kill -KILL "$SPID" 2>/dev/null || true
}
trap cleanup EXIT
for rep in $(seq "$REPS"); do
    for mode in off idle production development; do
        args=()
        case $mode in
        idle | development) args=(--admin) ;;
        production) args=(--admin --admin-mode production) ;;
        esac
        slog=$(mktemp)
        alog=$(mktemp)
        "$B/smartsocket-echo-server" --host 127.0.0.1 --port 0 --max-connections 0 "${args[@]}" \
            >"$slog" 2>&1 &
        SPID=$!
        for _ in $(seq 100); do grep -q listening "$slog" && break; sleep 0.1; done
        port=$(awk '/listening on/ {print $3}' "$slog")
        state=none
        if [[ $mode == production || $mode == development ]]; then
            "$B/smartsocket-cli" "http://127.0.0.1:$port" --namespace /admin --listen \
                --duration 600000 >"$alog" 2>/dev/null &
            APID=$!
            for _ in $(seq 100); do grep -q '"config"' "$alog" && break; sleep 0.1; done
        fi
        out=$(timeout 120 "$B/smartsocket-bench" ack --url "http://127.0.0.1:$port" \
            --clients 10 --window 16 --duration "$DURATION" --server-pid "$SPID" |
            grep -m1 '^RESULT' || true)
        if [[ -n $APID ]]; then
            if kill -0 "$APID" 2>/dev/null; then
                state=connected
                kill "$APID"
                wait "$APID" 2>/dev/null || true
            else
                rc=0
                wait "$APID" || rc=$?
                state=exited:$rc
            fi
            APID=
        fi
        kill "$SPID"
        wait "$SPID" 2>/dev/null || true
        SPID=
        rm -f "$slog" "$alog"
        echo "rep=$rep admin=$mode admin-client=$state $out"
    done
done
