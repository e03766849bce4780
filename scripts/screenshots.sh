#!/usr/bin/env bash
# Remakes docs/screenshots/ under Xvfb: the chat (two windows in a conversation, typed with
# xdotool as a person would), the sync demo (two windows of one shared form) and the chat's
# browser page (headless Chromium). Needs a build (SMARTSOCKET_BIN, default build/bin) and
# the apt packages xvfb, xdotool, imagemagick, chromium.
#
#   scripts/screenshots.sh            (starts its own Xvfb through xvfb-run)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${SMARTSOCKET_BIN:-$ROOT/build/bin}
OUT=${SMARTSOCKET_SCREENSHOTS:-$ROOT/docs/screenshots}
WEB=${SMARTSOCKET_CHAT_WEB:-$(dirname "$BIN")/share/smartsocket/chat-web}

if [[ -z ${SCREENSHOTS_INNER:-} ]]; then
    export SCREENSHOTS_INNER=1
    exec xvfb-run -a -s "-screen 0 1600x900x24" "$0" "$@"
fi

mkdir -p "$OUT"
WORK=$(mktemp -d)
PIDS=()
cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

# server NAME PROGRAM: starts it on a free port, sets PORT (not in a subshell: its pid must
# reach PIDS).
server() {
    "$2" --host 127.0.0.1 --port 0 >"$WORK/$1.out" 2>"$WORK/$1.err" &
    PIDS+=($!)
    PORT=
    for _ in $(seq 100); do
        PORT=$(sed -n 's/^listening on \([0-9]*\)$/\1/p' "$WORK/$1.out")
        [[ -n $PORT ]] && break
        sleep 0.1
    done
    [[ -n $PORT ]] || { echo "screenshots.sh: $1 did not start" >&2; exit 1; }
}

# window_of PID: the X window of a program, once mapped.
window_of() {
    local id=
    for _ in $(seq 100); do
        id=$(xdotool search --sync --onlyvisible --pid "$1" 2>/dev/null | tail -1) && [[ -n $id ]] && break
        sleep 0.1
    done
    echo "$id"
}

# say X Y TEXT: clicks the message field at screen position X,Y, types TEXT and presses Enter,
# with real input events (XTEST): Qt ignores synthetic ones.
say() {
    xdotool mousemove "$1" "$2" click 1
    sleep 0.2
    xdotool type --delay 5 "$3"
    xdotool key Return
    sleep 0.6
}

# --- chat: alice and bob in general, a message in random for alice's unread count ---
server chat "$BIN/smartsocket-chat-server"
URL=ws://127.0.0.1:$PORT
"$BIN/smartsocket-chat" --url "$URL" --user alice --room random --geometry 780x560+10+20 &
PIDS+=($!)
ALICE=$(window_of $!)
"$BIN/smartsocket-chat" --url "$URL" --user bob --geometry 780x560+810+20 &
PIDS+=($!)
BOB=$(window_of $!)
sleep 1.5
# Alice joins general too, through Chat > New room (Ctrl+N), and reads it.
xdotool mousemove 370 540 click 1
xdotool key ctrl+n
sleep 0.8
xdotool type --delay 5 general
xdotool key Return
sleep 0.8
# Carol (a command-line client) has news in both rooms; random is unread for Alice.
"$BIN/smartsocket-cli" "$URL" --namespace /chat \
    --emit join-room '{"room":"general","username":"carol"}' --ack \
    --emit send-message '{"text":"Morning! The build is green again."}' --ack \
    --emit join-room '{"room":"random","username":"carol"}' --ack \
    --emit send-message '{"room":"random","text":"Lunch at noon?"}' --ack \
    --duration 8000 >/dev/null &
PIDS+=($!)
sleep 1
say 370 540 "Hi Bob, hi Carol! Did you see the new delivery marks?"
say 1170 540 "Yes: a pending circle, then a green tick once the server acks."
say 370 540 "And a room I am not looking at counts its unread messages."
sleep 1
import -window root "$WORK/chat-full.png"
# side by side (cut out one by one: without a window manager the root window is not repainted)
shot_pair() {
    local full=$1 geometry1=$2 geometry2=$3 out=$4
    convert "$full" -crop "$geometry1" +repage "$WORK/a.png"
    convert "$full" -crop "$geometry2" +repage "$WORK/b.png"
    convert "$WORK/a.png" "$WORK/b.png" -bordercolor '#5d6d7e' -border 6 +append "$out"
}
shot_pair "$WORK/chat-full.png" 780x560+10+20 780x560+810+20 "$OUT/chat.png"
for pid in "${PIDS[@]:1}"; do kill -TERM "$pid" 2>/dev/null || true; done # all but the server
sleep 1

# --- sync: two windows of the same form ---
server sync "$BIN/smartsocket-sync-server"
SURL=ws://127.0.0.1:$PORT
"$BIN/smartsocket-cli" "$SURL" --namespace /sync \
    --emit update-state '{"version":1,"changes":{"title":"Team offsite","notes":"Train at 9:12 from platform 4.\nBring the projector.","progress":60}}' --ack >/dev/null
"$BIN/smartsocket-sync" --url "$SURL" --geometry 560x440+10+20 &
PIDS+=($!)
LEFT=$(window_of $!)
"$BIN/smartsocket-sync" --url "$SURL" --geometry 560x440+590+20 --lang de &
PIDS+=($!)
RIGHT=$(window_of $!)
sleep 1.5
# Tick "done" in the right-hand window: the left one follows.
xdotool mousemove 900 300 click 1
xdotool key alt+e
sleep 1
import -window root "$WORK/sync-full.png"
shot_pair "$WORK/sync-full.png" 560x440+10+20 560x440+590+20 "$OUT/sync.png"

# --- the browser page, chatting in the chat server's general room ---
if command -v chromium >/dev/null && [[ -f $WEB/socket.io.min.js ]]; then
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=900,520 \
        --virtual-time-budget=4000 --screenshot="$OUT/chat-browser.png" \
        "file://$WEB/index.html?server=$URL&user=dana&room=general&say=Hello%20from%20a%20browser" \
        >/dev/null 2>&1 || echo "screenshots.sh: chromium failed" >&2
fi
echo "screenshots in $OUT:"
ls -l "$OUT"
