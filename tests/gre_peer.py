#!/usr/bin/env python3
"""A GRE endpoint on a raw IPv4 socket (protocol 47), for tests/gre_netns.sh
where the kernel has no GRE driver: the far end of iosh's tunnel built by
hand on the namespace's real IP stack (RFC 2784 header, no key).

gre_peer.py LOCAL REMOTE SECONDS PING_DST...
Answers every inner ICMP echo request that comes through the tunnel, and
sends 5 echoes (one a second, from the fifth) to each PING_DST inside GRE; prints
"PING_DST replies N" for each and "answered N" at the end."""
import socket
import struct
import sys
import time


def cksum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    s = (s & 0xFFFF) + (s >> 16)
    s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def ip4(src, dst, proto, payload, ident):
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident, 0,
                    64, proto, 0, socket.inet_aton(src),
                    socket.inet_aton(dst))
    h = h[:10] + struct.pack("!H", cksum(h)) + h[12:]
    return h + payload


def icmp(typ, ident, seq, data):
    m = struct.pack("!BBHHH", typ, 0, 0, ident, seq) + data
    return m[:2] + struct.pack("!H", cksum(m)) + m[4:]


def main():
    local, remote, secs = sys.argv[1], sys.argv[2], float(sys.argv[3])
    dsts = sys.argv[4:]
    inner_src = "172.30.0.1"
    s = socket.socket(socket.AF_INET, socket.SOCK_RAW, 47)
    s.bind((local, 0))
    s.settimeout(0.1)
    replies = {d: 0 for d in dsts}
    answered = 0
    end = time.time() + secs
    # Its own echoes from the fifth second: iosh configured by then.
    nxt, sent = time.time() + 5, 0
    while time.time() < end:
        if sent < 5 and time.time() >= nxt:
            for d in dsts:
                e = ip4(inner_src, d, 1, icmp(8, 0x4747, sent,
                                              b"gre" * 16), sent)
                s.sendto(struct.pack("!HH", 0, 0x0800) + e, (remote, 0))
            sent += 1
            nxt += 1
        try:
            pkt = s.recv(65535)
        except socket.timeout:
            continue
        hl = (pkt[0] & 15) * 4
        if socket.inet_ntoa(pkt[12:16]) != remote or len(pkt) < hl + 4:
            continue
        flags, proto = struct.unpack("!HH", pkt[hl:hl + 4])
        if flags != 0 or proto != 0x0800:
            continue
        inner = pkt[hl + 4:]
        ihl = (inner[0] & 15) * 4
        if inner[9] != 1 or cksum(inner[:ihl]) != 0:
            continue
        src = socket.inet_ntoa(inner[12:16])
        dst = socket.inet_ntoa(inner[16:20])
        msg = inner[ihl:]
        if msg[0] == 0 and src in replies:
            replies[src] += 1
        elif msg[0] == 8:
            r = icmp(0, *struct.unpack("!HH", msg[4:8]), msg[8:])
            s.sendto(struct.pack("!HH", 0, 0x0800) +
                     ip4(dst, src, 1, r, 0x100 + answered), (remote, 0))
            answered += 1
    for d in dsts:
        print("%s replies %d" % (d, replies[d]))
    print("answered %d" % answered)


main()
