#!/usr/bin/env bash
# User-space instructions per ack of our echo server, and per message of the floor, counted by
# valgrind --tool=callgrind on a fixed workload: the stable figure that tracks regressions (it
# does not drift with machine load). For each server:
#   run 1: start under callgrind, 1 client connects, exactly 0 round trips, SIGTERM  (baseline)
#   run 2: the same with exactly N round trips (1 client, W=1)
#   instructions per round trip = (Ir of run 2 - Ir of run 1) / N
# The server exits cleanly on SIGTERM, so callgrind writes its totals; nothing is added to the
# library for this. Loopback only; every step bounded in time.
#
# Usage: bench/callgrind.sh [--acks N (20000)] [--out DIR] [--only ours|floor] [--window W (1)]
#                           [--admin off|idle|production|development]
#   --admin    the instrumentation (Server::instrument, echo server --admin) during both runs
#              of ours: off (default) not instrumented; idle instrumented, no admin client;
#              production / development instrumented in that mode with one admin client
#              (smartsocket-cli on /admin, printing every admin event to a file) connected
#              before the round trips start
# Environment: BUILD_DIR (default ./build).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build}
ACKS=20000
WINDOW=1
OUT=
ONLY=
ADMIN=off
while [[ $# -gt 0 ]]; do
    case "$1" in
    --admin) ADMIN=$2; shift ;;
    --acks) ACKS=$2; shift ;;
    --window) WINDOW=$2; shift ;;
    --out) OUT=$2; shift ;;
    --only) ONLY=$2; shift ;;
    -h | --help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "callgrind.sh: unknown argument: $1" >&2; exit 2 ;;
    esac
    shift
done
case "$ADMIN" in
off | idle | production | development) ;;
*) echo "callgrind.sh: --admin is off, idle, production or development" >&2; exit 2 ;;
esac
OUT=${OUT:-$ROOT/bench/results/callgrind-$(date -u +%Y%m%dT%H%M%SZ)}
CLI=$BUILD_DIR/bin/smartsocket-cli
BENCH=$BUILD_DIR/bin/smartsocket-bench
OURS=$BUILD_DIR/bin/smartsocket-echo-server
FLOOR=$BUILD_DIR/bin/smartsocket-floor-echo
ADMIN_ARGS=()
case "$ADMIN" in
idle | development) ADMIN_ARGS=(--admin) ;;
production) ADMIN_ARGS=(--admin --admin-mode production) ;;
esac
for exe in "$BENCH" "$OURS" "$FLOOR" $([[ $ADMIN == production || $ADMIN == development ]] && echo "$CLI"); do
    [[ -x $exe ]] || { echo "callgrind.sh: $exe is missing: build first (or set BUILD_DIR)" >&2; exit 2; }
done
command -v valgrind >/dev/null || { echo "callgrind.sh: valgrind is not installed" >&2; exit 2; }
mkdir -p "$OUT"

PID=
ADMIN_PID=
cleanup() {
    [[ -z $ADMIN_PID ]] || kill -KILL "$ADMIN_PID" 2>/dev/null || true
    [[ -z $PID ]] || kill -KILL "$PID" 2>/dev/null || true
}
trap cleanup EXIT

# measure TARGET COUNT: prints the total Ir of one server run with COUNT round trips.
measure() {
    local target=$1 count=$2 exe scenario scheme
    case "$target" in
    ours) exe=("$OURS" --host 127.0.0.1 --port 0 --max-connections 0 "${ADMIN_ARGS[@]}"); scenario=ack; scheme=http ;;
    floor) exe=("$FLOOR" --host 127.0.0.1 --port 0); scenario=wsecho; scheme=ws ;;
    esac
    local file=$OUT/callgrind.$target.$count.out log=$OUT/$target.$count.log
    valgrind --tool=callgrind --callgrind-out-file="$file" --log-file="$OUT/valgrind.$target.$count.log" \
        "${exe[@]}" >"$log" 2>&1 &
    PID=$!
    local port=
    for _ in $(seq 1 600); do # start-up under valgrind takes seconds
        port=$(sed -n 's/^listening on \([0-9]*\).*/\1/p' "$log" | head -1)
        [[ -n $port ]] && break
        kill -0 "$PID" 2>/dev/null || break
        sleep 0.1
    done
    if [[ -z $port ]]; then
        echo "callgrind.sh: $target did not start under valgrind: $(tail -c 300 "$log")" >&2
        return 1
    fi
    if [[ $target == ours && ($ADMIN == production || $ADMIN == development) ]]; then
        # One admin client, connected (its `config` received) before the round trips start.
        local alog=$OUT/admin.$count.jsonl
        "$CLI" "http://127.0.0.1:$port" --namespace /admin --listen --duration 900000 \
            --connect-timeout 60000 >"$alog" 2>"$OUT/admin.$count.log" &
        ADMIN_PID=$!
        for _ in $(seq 1 600); do
            grep -q '"event":"config"' "$alog" 2>/dev/null && break
            sleep 0.1
        done
        grep -q '"event":"config"' "$alog" ||
            { echo "callgrind.sh: the admin client did not connect: $(tail -c 300 "$OUT/admin.$count.log")" >&2; return 1; }
    fi
    if ! timeout -k 5 600 "$BENCH" "$scenario" --url "$scheme://127.0.0.1:$port" --clients 1 \
        --window "$WINDOW" --exact "$count" --duration 580 --server-pid "$PID" --label "$target" \
        >"$OUT/bench.$target.$count.json" 2>"$OUT/bench.$target.$count.log"; then
        echo "callgrind.sh: the generator failed against $target: $(tail -c 300 "$OUT/bench.$target.$count.log")" >&2
        return 1
    fi
    if [[ -n $ADMIN_PID ]]; then
        kill -TERM "$ADMIN_PID" 2>/dev/null || true
        wait "$ADMIN_PID" 2>/dev/null || true
        ADMIN_PID=
    fi
    kill -TERM "$PID"
    for _ in $(seq 1 300); do
        kill -0 "$PID" 2>/dev/null || break
        sleep 0.1
    done
    wait "$PID" 2>/dev/null || true
    PID=
    # "totals: <Ir>" (or "summary:") in the callgrind output
    local total
    total=$(sed -n 's/^\(totals\|summary\): *\([0-9]*\).*/\2/p' "$file" | head -1)
    [[ -n $total ]] || { echo "callgrind.sh: no totals in $file" >&2; return 1; }
    echo "$total"
}

declare -A UNIT=([ours]=ack [floor]=message)
SUMMARY=$OUT/summary.md
{
    echo "| server | round trips | Ir baseline (0) | Ir with $ACKS | instructions per ${UNIT[ours]}/${UNIT[floor]} |"
    echo "|---|---:|---:|---:|---:|"
} >"$SUMMARY"
for target in ours floor; do
    [[ -z $ONLY || $ONLY == "$target" ]] || continue
    echo "callgrind.sh: $target, baseline (0 round trips)" >&2
    base=$(measure "$target" 0)
    echo "callgrind.sh: $target, $ACKS round trips" >&2
    full=$(measure "$target" "$ACKS")
    per=$(( (full - base) / ACKS ))
    label=$target
    [[ $target == ours && $ADMIN != off ]] && label="ours, admin $ADMIN"
    echo "| $label | $ACKS | $base | $full | $per |" >>"$SUMMARY"
    # Where the instructions go (the run with the workload; self cost, top functions).
    callgrind_annotate --inclusive=no "$OUT/callgrind.$target.$ACKS.out" 2>/dev/null |
        head -60 >"$OUT/top-self.$target.txt" || true
    callgrind_annotate --inclusive=yes "$OUT/callgrind.$target.$ACKS.out" 2>/dev/null |
        head -80 >"$OUT/top-inclusive.$target.txt" || true
done
cat "$SUMMARY"
echo "callgrind.sh: outputs and function profiles (top-self.*.txt, top-inclusive.*.txt) in $OUT" >&2
