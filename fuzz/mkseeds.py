#!/usr/bin/env python3
"""Write the seed corpora of fuzz_net and fuzz_esp (fuzz/corpus/net, esp).

The frames are what a host on FastEthernet0/0 (10.0.0.2, 2001:DB8::2,
MAC 02:00:00:00:00:02) or the peer on Serial1/0 (12.1.1.2) sends to the
router of fuzz_net.c; the ESP seeds are inner packets for R1 of seed 001
(2.2.2.2 -> 1.1.1.1) and one raw ESP body.  Run it from the top of the
tree when a target's framing changes; the files are committed.
"""
import os
import struct

def cksum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff

def ip4(src, dst, proto, payload, ttl=64, frag=0):
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), 1, frag,
                    ttl, proto, 0, bytes(src), bytes(dst))
    h = h[:10] + struct.pack("!H", cksum(h)) + h[12:]
    return h + payload

def icmp_echo(ident=1, seq=1, data=b"abcdefgh"):
    m = struct.pack("!BBHHH", 8, 0, 0, ident, seq) + data
    return m[:2] + struct.pack("!H", cksum(m)) + m[4:]

def udp(sport, dport, data):
    return struct.pack("!HHHH", sport, dport, 8 + len(data), 0) + data

def ip6(src, dst, nh, payload, hlim=255):
    return struct.pack("!IHBB16s16s", 6 << 28, len(payload), nh, hlim,
                       src, dst) + payload

def icmp6(src, dst, typ, code, body):
    m = struct.pack("!BBH", typ, code, 0) + body
    ph = src + dst + struct.pack("!IxxxB", len(m), 58)
    return m[:2] + struct.pack("!H", cksum(ph + m)) + m[4:]

def a6(s):
    import ipaddress
    return ipaddress.IPv6Address(s).packed

BCAST = b"\xff" * 6
HOST = bytes([2, 0, 0, 0, 0, 2])
A_R = [10, 0, 0, 1]
A_H = [10, 0, 0, 2]

def eth(dst, typ, payload):
    return b"\0" + dst + HOST + struct.pack("!H", typ) + payload

def hdlc(typ, payload, addr=0x0f):
    return b"\1" + bytes([addr, 0]) + struct.pack("!H", typ) + payload

def solicited(addr):
    return a6("ff02::1:ff00:0")[:13] + addr[13:]

net = {}
arp = struct.pack("!HHBBH6s4s6s4s", 1, 0x0800, 6, 4, 1, HOST, bytes(A_H),
                  b"\0" * 6, bytes(A_R))
net["arp-request"] = eth(BCAST, 0x0806, arp)
net["arp-reply"] = eth(BCAST, 0x0806, arp[:7] + b"\2" + arp[8:])
net["icmp-echo"] = eth(BCAST, 0x0800, ip4(A_H, A_R, 1, icmp_echo()))
net["udp-closed"] = eth(BCAST, 0x0800, ip4(A_H, A_R, 17, udp(1000, 9, b"x")))
net["forward-ttl1"] = eth(BCAST, 0x0800,
                          ip4(A_H, [2, 2, 2, 2], 1, icmp_echo(), ttl=1))
net["frag-first"] = eth(BCAST, 0x0800, ip4(A_H, A_R, 1, icmp_echo(
    data=b"0123456789abcdef"), frag=0x2000))
h6, r6 = a6("2001:db8::2"), a6("2001:db8::1")
ns = icmp6(h6, solicited(r6), 135, 0, b"\0" * 4 + r6 + b"\1\1" + HOST)
net["nd-ns"] = eth(b"\x33\x33" + solicited(r6)[12:], 0x86dd,
                   ip6(h6, solicited(r6), 58, ns))
na = icmp6(h6, r6, 136, 0, b"\x60\0\0\0" + h6 + b"\2\1" + HOST)
net["nd-na"] = eth(BCAST, 0x86dd, ip6(h6, r6, 58, na))
e6 = icmp6(h6, r6, 128, 0, struct.pack("!HH", 1, 1) + b"abcdefgh")
net["icmp6-echo"] = eth(BCAST, 0x86dd, ip6(h6, r6, 58, e6, hlim=64))
net["hdlc-icmp-echo"] = hdlc(0x0800, ip4([12, 1, 1, 2], [12, 1, 1, 1], 1,
                                         icmp_echo()))
net["hdlc-slarp"] = hdlc(0x8035, struct.pack("!IIIH", 2, 7, 3, 0xffff),
                         addr=0x8f)
p6, q6 = a6("2001:db8:12::2"), a6("2001:db8:12::1")
net["hdlc-icmp6-echo"] = hdlc(0x86dd, ip6(p6, q6, 58, icmp6(
    p6, q6, 128, 0, struct.pack("!HH", 1, 1) + b"abcdefgh"), hlim=64))

esp = {}
esp["inner-echo"] = b"\0" + ip4([2, 2, 2, 2], [1, 1, 1, 1], 1, icmp_echo())
esp["inner-udp"] = b"\0" + ip4([2, 2, 2, 2], [1, 1, 1, 1], 17,
                               udp(1000, 7, b"hello"))
esp["inner-outside"] = b"\0" + ip4([2, 2, 2, 3], [1, 1, 1, 1], 1, icmp_echo())
esp["raw"] = b"\1" + struct.pack("!I", 1000) + bytes(range(8)) + b"\0" * 36

for d, seeds in (("fuzz/corpus/net", net), ("fuzz/corpus/esp", esp)):
    os.makedirs(d, exist_ok=True)
    for name, data in seeds.items():
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
