#!/usr/bin/env bash
# The whole test suite:
#   1. dependencies (scripts/setup.sh --no-build: apt packages and npm test peers, if missing)
#   2. services the tests need: a loopback redis-server (SMARTSOCKET_REDIS_URL)
#   3. default preset: configure, build, ctest (all labels: unit, integration, interop, install)
#   4. asan preset (ASan + UBSan + LeakSanitizer; no demos, bench or inspector): build, then
#      ctest -L 'unit|integration|interop'
#   5. tsan preset (ThreadSanitizer; no demos, bench or inspector): build, then
#      ctest -L 'unit|integration'
#   6. clang-format --dry-run --Werror over every C++ source
# The sanitizer options (leak detection on, halt on the first race, suppression files in
# tests/sanitizers/) live in the asan and tsan test presets of CMakePresets.json.
# Every step runs even when an earlier one failed (a failed build skips its own ctest); the
# script exits non-zero when any step failed and ends with a summary.
#
# Functions below are called through step(); shellcheck cannot see that.
# shellcheck disable=SC2317
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: scripts/test.sh [--skip-setup] [--skip-asan] [--skip-tsan] [--skip-format] [-h|--help]

Environment: JOBS (build jobs, default nproc), CTEST_JOBS (parallel tests, default 1),
             LOG_DIR (where the ctest logs go, default build/test-logs).
EOF
}

SETUP=1
ASAN=1
TSAN=1
FORMAT=1
for arg in "$@"; do
    case "$arg" in
    --skip-setup) SETUP=0 ;;
    --skip-asan) ASAN=0 ;;
    --skip-tsan) TSAN=0 ;;
    --skip-format) FORMAT=0 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "test.sh: unknown argument: $arg" >&2; usage >&2; exit 2 ;;
    esac
done

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
JOBS=${JOBS:-$(nproc)}
CTEST_JOBS=${CTEST_JOBS:-1}
LOG_DIR=${LOG_DIR:-$ROOT/build/test-logs}
START=$SECONDS

RESULTS=()  # "name|status|seconds"
FAILED=0

log() { printf '\n==> %s\n' "$*"; }

# step NAME COMMAND...: runs and records a step; returns its status without stopping the script.
step() {
    local name=$1 start=$SECONDS rc=0
    shift
    log "$name"
    "$@" || rc=$?
    if [[ $rc -eq 0 ]]; then
        RESULTS+=("$name|ok|$((SECONDS - start))")
    else
        RESULTS+=("$name|FAILED ($rc)|$((SECONDS - start))")
        FAILED=1
    fi
    return $rc
}

skip() {
    RESULTS+=("$1|skipped: $2|0")
}

# --- services ------------------------------------------------------------------------------
SERVICE_PIDS=()
start_services() {
    # redis-server for the cluster tests: loopback only, a free port, no persistence. Its
    # address reaches the tests as SMARTSOCKET_REDIS_URL (an already set one is kept).
    if [[ -n ${SMARTSOCKET_REDIS_URL:-} ]]; then
        echo "redis: using SMARTSOCKET_REDIS_URL=$SMARTSOCKET_REDIS_URL"
        return 0
    fi
    if ! command -v redis-server >/dev/null 2>&1; then
        echo "redis: redis-server not installed (scripts/setup.sh installs it)" >&2
        return 1
    fi
    local port
    mkdir -p "$LOG_DIR"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no \
        --daemonize no --loglevel warning >"$LOG_DIR/redis.log" 2>&1 &
    SERVICE_PIDS+=($!)
    for _ in $(seq 1 50); do
        if redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG; then
            export SMARTSOCKET_REDIS_URL="redis://127.0.0.1:$port"
            echo "redis: $SMARTSOCKET_REDIS_URL (pid ${SERVICE_PIDS[-1]})"
            return 0
        fi
        sleep 0.1
    done
    echo "redis: redis-server did not answer on port $port (see $LOG_DIR/redis.log)" >&2
    return 1
}
stop_services() {
    local pid
    for pid in "${SERVICE_PIDS[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
}
trap stop_services EXIT

# run_ctest LOGNAME ARGS...: ctest with its output kept in LOG_DIR for the summary.
run_ctest() {
    local logname=$1
    shift
    mkdir -p "$LOG_DIR"
    ctest "$@" -j"$CTEST_JOBS" 2>&1 | tee "$LOG_DIR/$logname.log"
}

# ctest_summary LOGNAME: the lines that say how it went.
ctest_summary() {
    local file=$LOG_DIR/$1.log
    [[ -f $file ]] || return 0
    echo "  ctest $1:"
    grep -E 'tests passed|Total Test time|tests FAILED|^[[:space:]]+[0-9]+ - .* \(' "$file" |
        sed 's/^[[:space:]]*/    /' || true
}

build_default() {
    cmake --preset default && cmake --build --preset default -j"$JOBS"
}

build_asan() {
    cmake --preset asan -DSMARTSOCKET_DEMOS=OFF -DSMARTSOCKET_BENCH=OFF \
        -DSMARTSOCKET_INSPECTOR=OFF &&
        cmake --build --preset asan -j"$JOBS"
}

build_tsan() {
    cmake --preset tsan -DSMARTSOCKET_DEMOS=OFF -DSMARTSOCKET_BENCH=OFF \
        -DSMARTSOCKET_INSPECTOR=OFF &&
        cmake --build --preset tsan -j"$JOBS"
}

clang_format_check() {
    local dirs=() d
    for d in libsmartsocket tests demos bench inspector; do
        [[ -d $d ]] && dirs+=("$d")
    done
    local files=()
    mapfile -t files < <(find "${dirs[@]}" -path '*/node_modules' -prune -o \
        -type f \( -name '*.h' -o -name '*.cpp' \) -print | sort)
    echo "clang-format: ${#files[@]} files"
    [[ ${#files[@]} -eq 0 ]] || clang-format --dry-run --Werror "${files[@]}"
}

# --- the steps -----------------------------------------------------------------------------
if [[ $SETUP -eq 1 ]]; then
    step "dependencies (setup.sh --no-build)" "$ROOT/scripts/setup.sh" --no-build || true
else
    skip "dependencies" "--skip-setup"
fi

step "services" start_services || true

rm -f "$LOG_DIR/default.log" "$LOG_DIR/asan.log" "$LOG_DIR/tsan.log" 2>/dev/null || true
if step "build (default preset)" build_default; then
    step "ctest (default preset: all labels)" run_ctest default --preset default || true
else
    skip "ctest (default preset)" "build failed"
fi

if [[ $ASAN -eq 1 ]]; then
    if step "build (asan preset)" build_asan; then
        step "ctest (asan preset: unit, integration, interop)" \
            run_ctest asan --preset asan -L 'unit|integration|interop' || true
    else
        skip "ctest (asan preset)" "build failed"
    fi
else
    skip "asan" "--skip-asan"
fi

if [[ $TSAN -eq 1 ]]; then
    if step "build (tsan preset)" build_tsan; then
        step "ctest (tsan preset: unit, integration)" \
            run_ctest tsan --preset tsan -L 'unit|integration' || true
    else
        skip "ctest (tsan preset)" "build failed"
    fi
else
    skip "tsan" "--skip-tsan"
fi

if [[ $FORMAT -eq 1 ]]; then
    step "clang-format check" clang_format_check || true
else
    skip "clang-format check" "--skip-format"
fi

# --- summary -------------------------------------------------------------------------------
log "summary"
for r in "${RESULTS[@]}"; do
    IFS='|' read -r name status secs <<<"$r"
    printf '  %-50s %-22s %5ss\n' "$name" "$status" "$secs"
done
ctest_summary default
ctest_summary asan
ctest_summary tsan
total=$((SECONDS - START))
if [[ $FAILED -eq 0 ]]; then
    echo "test.sh: ALL PASSED in ${total}s"
else
    echo "test.sh: FAILED (see above) after ${total}s"
fi
exit $FAILED
