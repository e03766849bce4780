#!/usr/bin/env python3
"""RSS per idle Engine.IO session of smartsocket-echo-server: N sessions over HTTP
long-polling (each joined to "/", with its poll held, one kept-alive TCP connection each)
against N over WebSocket, each measured in a fresh server.

Usage: bench/polling_rss.py [BIN_DIR] [N]   (BIN_DIR default build/bin, N default 1000)
       bench/polling_rss.py --node [N]      the same against Node socket.io 4.8
                                            (tests/interop/node/polling-server.js)
Loopback only; every socket is closed and the server stopped at the end.
"""
import base64, json, os, re, signal, socket, subprocess, sys, time

NODE = len(sys.argv) > 1 and sys.argv[1] == "--node"
BIN = sys.argv[1] if len(sys.argv) > 1 and not NODE else "build/bin"
N = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
INTEROP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "interop")


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1))


def read_answer(sock):
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(65536)
    head, _, rest = data.partition(b"\r\n\r\n")
    length = int(re.search(rb"(?i)content-length: *(\d+)", head).group(1))
    while len(rest) < length:
        rest += sock.recv(65536)
    return rest[:length]


def polling_session(port):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\n\r\n")
    sid = json.loads(read_answer(s)[1:])["sid"]
    target = f"/socket.io/?EIO=4&transport=polling&sid={sid}".encode()
    s.sendall(b"POST " + target + b" HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n40")
    assert read_answer(s) == b"ok"
    s.sendall(b"GET " + target + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    assert read_answer(s).startswith(b"40")
    s.sendall(b"GET " + target + b" HTTP/1.1\r\nHost: x\r\n\r\n")  # held: the idle poll
    return s


def ws_session(port):
    s = socket.create_connection(("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16))
    s.sendall(b"GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: x\r\n"
              b"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key +
              b"\r\nSec-WebSocket-Version: 13\r\n\r\n")
    data = b""
    while b"\r\n\r\n" not in data:
        data += s.recv(65536)
    s.sendall(bytes([0x81, 0x82, 0, 0, 0, 0]) + b"40")  # masked text frame "40" (zero mask)
    time.sleep(0.001)
    return s


def measure(kind):
    if NODE:
        server = subprocess.Popen(["node", "node/polling-server.js"], cwd=INTEROP,
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    else:
        server = subprocess.Popen([os.path.join(BIN, "smartsocket-echo-server"), "--port", "0",
                                   "--max-connections", str(N * 2 + 100)],
                                  stdout=subprocess.PIPE, text=True)
    try:
        port = int(re.search(r"(?:listening on|READY) (\d+)", server.stdout.readline()).group(1))
        # Warm up (first allocations, pools) with a few sessions, then the baseline.
        warm = [(polling_session if kind == "polling" else ws_session)(port) for _ in range(20)]
        time.sleep(0.3)
        base = rss_kib(server.pid)
        socks = [(polling_session if kind == "polling" else ws_session)(port) for _ in range(N)]
        time.sleep(0.5)
        after = rss_kib(server.pid)
        for s in socks + warm:
            s.close()
        return (after - base) * 1024 / N
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(10)


if __name__ == "__main__":
    results = {kind: measure(kind) for kind in ("websocket", "polling")}
    for kind, per in results.items():
        who = "node socket.io 4.8" if NODE else "smartsocket"
        print(f"{who} {kind:10s} {N} idle sessions: {per:8.0f} bytes RSS per session")
