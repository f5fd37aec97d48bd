#!/usr/bin/env python3
"""vici_setups.py SOCKET IKE CHILD N: N sequential IKE setups by a charon.

Each setup is strongSwan's own: `initiate` the CHILD_SA (Main Mode +
Quick Mode under IKEv1), which vici answers once it is up, then
`terminate` the IKE_SA, which it answers once the SA is gone — the
same two commands `swanctl --initiate`/`--terminate` send, but over one
vici connection kept open, so neither a swanctl process start nor its
plugin loading is counted against charon.  Prints one line:
"setups N wall SECONDS".  Debian ships neither the load-tester plugin
nor python3-vici; the protocol (strongSwan's src/libcharon/plugins/vici/
README.md) is small enough to speak here.
"""
import socket
import struct
import sys
import time

CMD_REQUEST, CMD_RESPONSE, CMD_UNKNOWN = 0, 1, 2
KEY_VALUE = 3


def encode(msg):
    out = b""
    for k, v in msg.items():
        k, v = k.encode(), str(v).encode()
        out += struct.pack("!BB", KEY_VALUE, len(k)) + k
        out += struct.pack("!H", len(v)) + v
    return out


def decode(data):
    """The response's top-level key/value pairs (sections skipped)."""
    res, i, depth = {}, 0, 0
    while i < len(data):
        t = data[i]
        i += 1
        if t in (1, 4):			# SECTION_START, LIST_START: name
            n = data[i]
            i += 1 + n
            depth += 1
        elif t in (2, 6):		# SECTION_END, LIST_END
            depth -= 1
        elif t == KEY_VALUE:
            n = data[i]
            k = data[i + 1:i + 1 + n].decode()
            i += 1 + n
            (m,) = struct.unpack("!H", data[i:i + 2])
            if depth == 0:
                res[k] = data[i + 2:i + 2 + m].decode(errors="replace")
            i += 2 + m
        elif t == 5:			# LIST_ITEM
            (m,) = struct.unpack("!H", data[i:i + 2])
            i += 2 + m
        else:
            raise ValueError("vici: element type %d" % t)
    return res


def recv_exact(s, n):
    buf = b""
    while len(buf) < n:
        chunk = s.recv(n - len(buf))
        if not chunk:
            raise EOFError("vici: connection closed")
        buf += chunk
    return buf


def request(s, cmd, msg):
    name = cmd.encode()
    pkt = struct.pack("!BB", CMD_REQUEST, len(name)) + name + encode(msg)
    s.sendall(struct.pack("!I", len(pkt)) + pkt)
    while True:
        (n,) = struct.unpack("!I", recv_exact(s, 4))
        pkt = recv_exact(s, n)
        if pkt[0] == CMD_RESPONSE:
            return decode(pkt[1:])
        if pkt[0] == CMD_UNKNOWN:
            raise ValueError("vici: unknown command " + cmd)
        # an event (none registered): skip


def main():
    path, ike, child, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(path)
    t0 = time.monotonic()
    for i in range(n):
        r = request(s, "initiate", {"child": child, "ike": ike,
                                    "timeout": 10000})
        if r.get("success") != "yes":
            sys.exit("vici_setups: setup %d: initiate: %s" %
                     (i, r.get("errmsg", r)))
        r = request(s, "terminate", {"ike": ike, "timeout": 10000})
        if r.get("success") != "yes":
            sys.exit("vici_setups: setup %d: terminate: %s" %
                     (i, r.get("errmsg", r)))
    print("setups %d wall %.6f" % (n, time.monotonic() - t0))


if __name__ == "__main__":
    main()
