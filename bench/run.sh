#!/usr/bin/env bash
# Side-by-side benchmarks: our server (demos/echo), Node socket.io 4.8 (bench/node/server.js)
# and the floor (bench/floor, plus Node's raw ws echo for reference), driven by the same load
# generator (build/bin/smartsocket-bench), in interleaved repetitions, a fresh server per run.
# Everything runs on 127.0.0.1 and every run is bounded in time. See docs/benchmarks.md.
#
# Usage: bench/run.sh [--smoke | --full] [--reps N] [--out DIR] [--filter REGEX] [--no-hold]
#   --smoke    a few seconds per target, every scenario: checks that the harness works (CI)
#   --full     the real thing (default): ~13 minutes with 3 reps (2 of them the 19 000 hold)
#   --reps N   repetitions of the whole plan, interleaved (smoke 1, full 3)
#   --out DIR  where results.jsonl, tables.md and the logs go (default bench/results/<time>)
#   --filter   only runs whose "suite target args" match the (extended) regex
#   --no-hold  full mode: skip the 19 000 connections held for 2 minutes
# Environment: BUILD_DIR (default ./build, from the default preset), NODE (default node),
#   BENCH_BASE_PORT (first port for the Node servers, default 3300).
# Exit status: 0 when every run produced a RESULT without error, 1 otherwise, 2 on bad usage
# or a missing build. Never fails on speed.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build}
NODE=${NODE:-node}
PORT_NEXT=${BENCH_BASE_PORT:-3300}

MODE=full
REPS=
OUT=
FILTER=
HOLD=1
while [[ $# -gt 0 ]]; do
    case "$1" in
    --smoke) MODE=smoke ;;
    --full) MODE=full ;;
    --reps) REPS=$2; shift ;;
    --out) OUT=$2; shift ;;
    --filter) FILTER=$2; shift ;;
    --no-hold) HOLD=0 ;;
    -h | --help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument: $1" >&2; exit 2 ;;
    esac
    shift
done
[[ -n $REPS ]] || { [[ $MODE == smoke ]] && REPS=1 || REPS=3; }
[[ $REPS =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --reps needs a positive number" >&2; exit 2; }
OUT=${OUT:-$ROOT/bench/results/$(date -u +%Y%m%dT%H%M%SZ)-$MODE}

BENCH=$BUILD_DIR/bin/smartsocket-bench
OURS=$BUILD_DIR/bin/smartsocket-echo-server
FLOOR=$BUILD_DIR/bin/smartsocket-floor-echo
for exe in "$BENCH" "$OURS" "$FLOOR"; do
    if [[ ! -x $exe ]]; then
        echo "run.sh: $exe is missing: build first (cmake --preset default &&" \
            "cmake --build --preset default), or point BUILD_DIR at a build directory" >&2
        exit 2
    fi
done

# 19 000 connections need the file limit raised in this shell (servers inherit it).
ulimit -n 20000 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [[ $(ulimit -n) != unlimited && $(ulimit -n) -lt 20000 ]]; then
    echo "run.sh: warning: only $(ulimit -n) open files allowed; the 19 000 connection runs" \
        "will fail" >&2
fi

# --- the Node peer ---------------------------------------------------------------------------
NODE_OK=1
NODE_DIR=$ROOT/bench/node
if ! command -v "$NODE" >/dev/null 2>&1; then
    echo "run.sh: warning: node not found: the Node socket.io runs are skipped" >&2
    NODE_OK=0
elif [[ ! -f $NODE_DIR/node_modules/.package-lock.json ||
    $NODE_DIR/package-lock.json -nt $NODE_DIR/node_modules/.package-lock.json ]]; then
    echo "run.sh: npm ci --prefix bench/node" >&2
    if ! timeout 300 npm ci --prefix "$NODE_DIR" --no-audit --no-fund >&2; then
        echo "run.sh: npm ci failed in bench/node" >&2
        exit 2
    fi
fi

mkdir -p "$OUT/logs"
RESULTS=$OUT/results.jsonl
: >"$RESULTS"

# --- servers ---------------------------------------------------------------------------------
SERVER_PID=
SERVER_PORT=

# start_server TARGET LOG: starts a fresh server, sets SERVER_PID and SERVER_PORT.
start_server() {
    local target=$1 log=$2 try
    for try in 1 2 3 4 5; do
        local port=0
        case "$target" in
        ours) "$OURS" --host 127.0.0.1 --port 0 --max-connections 0 >"$log" 2>&1 & ;;
        floor) "$FLOOR" --host 127.0.0.1 --port 0 >"$log" 2>&1 & ;;
        node)
            port=$((PORT_NEXT++))
            (cd "$NODE_DIR" && exec "$NODE" --expose-gc server.js "$port") >"$log" 2>&1 &
            ;;
        node-ws)
            port=$((PORT_NEXT++))
            (cd "$NODE_DIR" && exec "$NODE" ws-echo-server.js "$port") >"$log" 2>&1 &
            ;;
        esac
        SERVER_PID=$!
        local _
        for _ in $(seq 1 100); do
            if grep -q -E '^(listening on|READY)' "$log" 2>/dev/null; then
                if [[ $port -eq 0 ]]; then
                    SERVER_PORT=$(sed -n 's/^listening on \([0-9]*\).*/\1/p' "$log" | head -1)
                else
                    SERVER_PORT=$port
                fi
                return 0
            fi
            kill -0 "$SERVER_PID" 2>/dev/null || break
            sleep 0.1
        done
        stop_server
        echo "run.sh: $target did not start (try $try): $(tail -c 300 "$log")" >&2
    done
    return 1
}

stop_server() {
    [[ -n $SERVER_PID ]] || return 0
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    local _
    for _ in $(seq 1 50); do
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
}
trap stop_server EXIT

# --- the plan --------------------------------------------------------------------------------
# One line per run: SUITE TARGET GENERATOR-ARGS...   (%URL% is replaced by the server's URL)
PLAN=()
if [[ $MODE == smoke ]]; then
    A=(--warmup 0.3 --duration 1)
    for target in ours node; do
        PLAN+=("ack $target ack --clients 10 --window 16 ${A[*]}")
    done
    for target in floor node-ws; do
        PLAN+=("wsecho $target wsecho --clients 10 --window 16 ${A[*]}")
    done
    for target in ours node; do
        PLAN+=("fanout $target fanout --clients 50 --count 20 --mode lockstep")
        PLAN+=("fanout $target fanout --clients 50 --count 20 --mode burst")
        PLAN+=("connect $target connect --clients 200 --concurrency 32 --settle 0.3 --hold 0.5")
        PLAN+=("churn $target churn --concurrency 8 --duration 1 --count 100000 --sources 4")
    done
    PLAN+=("idle-scaling ours idle-scaling --clients 2 --window 4 --idle 200 ${A[*]}")
else
    A=(--warmup 1 --duration 5)
    for cw in "1 1" "10 16" "100 16"; do
        read -r c w <<<"$cw"
        for target in ours node; do
            PLAN+=("ack $target ack --clients $c --window $w ${A[*]}")
        done
        for target in floor node-ws; do
            PLAN+=("wsecho $target wsecho --clients $c --window $w ${A[*]}")
        done
    done
    for target in ours node; do
        PLAN+=("fanout $target fanout --clients 1000 --count 200 --mode lockstep")
        PLAN+=("fanout $target fanout --clients 1000 --count 200 --mode burst")
    done
    for target in ours node; do
        PLAN+=("connect $target connect --clients 10000 --concurrency 64 --settle 3")
    done
    PLAN+=("idle-scaling ours idle-scaling --clients 10 --window 16 --idle 10000 ${A[*]}")
    for target in ours node; do
        PLAN+=("churn $target churn --concurrency 64 --duration 10 --count 1000000 --sources 4")
    done
fi

run_one() { # REP SUITE TARGET ARGS...
    local rep=$1 suite=$2 target=$3
    shift 3
    local args=("$@")
    if [[ $target == node* && $NODE_OK -eq 0 ]]; then
        return 0
    fi
    if [[ -n $FILTER ]] && ! [[ "$suite $target ${args[*]}" =~ $FILTER ]]; then
        return 0
    fi
    RUN_NO=$((RUN_NO + 1))
    local tag
    tag=$(printf '%03d-%s-%s' "$RUN_NO" "$suite" "$target")
    local slog=$OUT/logs/$tag.server.log glog=$OUT/logs/$tag.bench.log
    if ! start_server "$target" "$slog"; then
        printf '{"suite":"%s","target":"%s","rep":%d,"exit":-1,"error":"server did not start"}\n' \
            "$suite" "$target" "$rep" >>"$RESULTS"
        FAILURES=$((FAILURES + 1))
        echo "[$RUN_NO] $suite $target: server did not start" >&2
        return 0
    fi
    local scheme=http
    [[ $target == floor || $target == node-ws ]] && scheme=ws
    local url=$scheme://127.0.0.1:$SERVER_PORT
    local start=$SECONDS rc=0 limit=200
    [[ ${args[*]} == *"--hold 120"* ]] && limit=420
    timeout -k 5 "$limit" "$BENCH" "${args[@]}" --url "$url" --server-pid "$SERVER_PID" \
        --label "$target" >"$glog.out" 2>"$glog" || rc=$?
    stop_server
    local result
    result=$(sed -n 's/^RESULT //p' "$glog.out" | head -1)
    local load
    load=$(cut -d' ' -f1 /proc/loadavg)
    local config="${args[*]}"
    printf '{"suite":"%s","target":"%s","rep":%d,"config":"%s","exit":%d,"wall_s":%d,"loadavg1":%s,"result":%s}\n' \
        "$suite" "$target" "$rep" "$config" "$rc" "$((SECONDS - start))" "$load" \
        "${result:-null}" >>"$RESULTS"
    local brief=ok
    if [[ $rc -ne 0 || -z $result || $result == *'"error":'* ]]; then
        FAILURES=$((FAILURES + 1))
        brief="FAILED (exit $rc): $(tail -c 300 "$glog" | tr '\n' ' ') ${result:0:300}"
    fi
    echo "[$RUN_NO] rep $rep $suite $target ${args[*]}: $brief ($((SECONDS - start)) s)" >&2
}

RUN_NO=0
FAILURES=0
echo "run.sh: $MODE, $REPS rep(s), ${#PLAN[@]} runs per rep, results in $OUT" >&2
{
    echo "mode=$MODE reps=$REPS date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "kernel=$(uname -r) cpus=$(nproc) node=$("$NODE" --version 2>/dev/null || echo none)"
    echo "build=$BUILD_DIR ulimit_n=$(ulimit -n)"
    echo "ip_local_port_range=$(tr '\t' '-' </proc/sys/net/ipv4/ip_local_port_range)"
} >"$OUT/environment.txt"

for rep in $(seq 1 "$REPS"); do
    for line in "${PLAN[@]}"; do
        before=$FAILURES
        # shellcheck disable=SC2086
        run_one "$rep" $line
        if [[ $MODE == smoke && $FAILURES -gt $before ]]; then
            # Smoke checks that the harness works; on a loaded machine a peer can miss a
            # deadline once. A second failure counts.
            echo "run.sh: smoke: retrying that run once" >&2
            FAILURES=$before
            # shellcheck disable=SC2086
            run_one "$rep" $line
        fi
    done
done
if [[ $MODE == full && $HOLD -eq 1 ]]; then
    run_one 1 hold ours connect --clients 19000 --concurrency 64 --settle 3 --hold 120 --sources 2
fi

REPORT_RC=0
if command -v "$NODE" >/dev/null 2>&1; then
    "$NODE" "$ROOT/bench/report.js" "$RESULTS" >"$OUT/tables.md" || REPORT_RC=$?
elif command -v python3 >/dev/null 2>&1; then
    echo "run.sh: node not found; no tables (bench/report.js needs node)" >&2
fi
[[ -f $OUT/tables.md ]] && cat "$OUT/tables.md"
echo "run.sh: $RUN_NO runs, $FAILURES failed; results in $RESULTS" >&2
if [[ $REPORT_RC -ne 0 ]]; then
    echo "run.sh: the report failed" >&2
    exit 1
fi
[[ $FAILURES -eq 0 ]] || exit 1
