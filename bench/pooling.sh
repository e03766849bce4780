#!/bin/bash
# Connection pooling on vs off: server RSS per connection at 1 000 and 10 000 idle connections
# (connect scenario) and server CPU per connect/disconnect cycle (churn), interleaved reps.
# Usage: BUILD_DIR=build-rel bench/pooling.sh [REPS]   -> one RESULT line per run on stdout
set -euo pipefail
BUILD_DIR=${BUILD_DIR:-build}
REPS=${1:-3}
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
run() { # label server-args... -- bench-args...
    local label=$1; shift
    local sargs=() ; while [[ $1 != -- ]]; do sargs+=("$1"); shift; done; shift
    local log; log=$(mktemp)
    "$BUILD_DIR/bin/smartsocket-echo-server" --port 0 "${sargs[@]}" >"$log" 2>&1 &
    local pid=$!
    for _ in $(seq 50); do grep -q listening "$log" && break; sleep 0.1; done
    local port; port=$(awk '/listening on/ {print $3}' "$log")
    local out
    out=$(timeout 120 "$BUILD_DIR/bin/smartsocket-bench" "$@" --url "ws://127.0.0.1:$port" \
        --server-pid "$pid" | grep -m1 '^RESULT' || true)
    kill "$pid"; wait "$pid" 2>/dev/null || true; rm -f "$log"
    echo "$label $out"
}
for rep in $(seq "$REPS"); do
    for pool in off on; do
        args=(); [[ $pool == on ]] && args=(--pool-size 1000 --max-pool-size 10000)
        run "rep=$rep pool=$pool connect-1000" "${args[@]}" -- connect --clients 1000
        run "rep=$rep pool=$pool connect-10000" "${args[@]}" -- connect --clients 10000 --duration 60
        run "rep=$rep pool=$pool churn" "${args[@]}" -- churn --duration 5
    done
done
