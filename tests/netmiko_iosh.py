"""Netmiko against iosh, as a network engineer's script drives IOS.

Run by tests/netmiko.sh with SSH_PORT, TELNET_PORT, NVRAM and NET_TEXTFSM
(the ntc-templates vendored in tests/data/ntc-templates) in the
environment.  Over SSH (`cisco_ios`) and telnet (`cisco_ios_telnet`) as
user oper (privilege 1, `login local`): enable() with the enable secret,
send_command, send_config_set, save_config, and send_command with
use_textfsm=True whose parsed rows must carry iosh's live state.  Prints
one line per check; exits 1 on the first failure.
"""
import os
import sys
import time

from netmiko import ConnectHandler
from netmiko.utilities import get_structured_data

FAILED = []


def check(what, got, want):
    if got != want:
        FAILED.append(what)
        print("FAIL: %s: got %r, want %r" % (what, got, want))
    else:
        print("ok: %s" % what)


def row(rows, key, value):
    """The parsed row whose KEY is VALUE (or None)."""
    for r in rows:
        if r.get(key) == value:
            return r
    return None


def session(device_type, port, loopback):
    conn = ConnectHandler(device_type=device_type, host="127.0.0.1",
                          port=port, username="oper", password="op",
                          secret="class", timeout=10, fast_cli=True)
    tag = device_type
    check(tag + ": prompt before enable", conn.find_prompt(), "R1>")
    conn.enable()
    check(tag + ": prompt after enable()", conn.find_prompt(), "R1#")

    out = conn.send_command("show privilege")
    check(tag + ": show privilege", out.strip(),
          "Current privilege level is 15")

    out = conn.send_config_set([
        "interface " + loopback["name"],
        "description " + loopback["desc"],
        "ip address %s 255.255.255.255" % loopback["ip"],
    ])
    check(tag + ": send_config_set left config mode",
          conn.find_prompt(), "R1#")
    check(tag + ": send_config_set had no error", "%" in out, False)

    out = conn.save_config()
    check(tag + ": save_config [OK]", "[OK]" in out, True)
    with open(os.path.join(os.environ["NVRAM"], "startup-config")) as f:
        saved = f.read()
    check(tag + ": startup-config has the new description",
          " description %s\n" % loopback["desc"] in saved, True)

    ver = conn.send_command("show version", use_textfsm=True)
    check(tag + ": show version parsed", isinstance(ver, list) and
          len(ver) == 1, True)
    if isinstance(ver, list) and ver:
        v = ver[0]
        check(tag + ": version.hostname", v["hostname"], "R1")
        check(tag + ": version.software_image", v["software_image"],
              "IOSH-LINUX")
        check(tag + ": version.version", v["version"],
              os.environ["IOSH_VERSION"])
        check(tag + ": version.hardware", v["hardware"],
              ["IOSH-LINUX"])
        check(tag + ": version.serial is the board ID",
              len(v["serial"]) == 1 and v["serial"][0].startswith("IOSH"),
              True)
        check(tag + ": version.config_register", v["config_register"],
              "0x2102")
        check(tag + ": version.reload_reason", v["reload_reason"],
              "power-on")

    brief = conn.send_command("show ip interface brief", use_textfsm=True)
    r = row(brief, "interface", loopback["name"]) \
        if isinstance(brief, list) else None
    check(tag + ": ip interface brief row of " + loopback["name"],
          r and (r["ip_address"], r["status"], r["proto"]),
          (loopback["ip"], "up", "up"))
    r = row(brief, "interface", "Loopback0") \
        if isinstance(brief, list) else None
    check(tag + ": ip interface brief row of Loopback0",
          r and (r["ip_address"], r["status"], r["proto"]),
          ("10.0.0.1", "up", "up"))

    desc = conn.send_command("show interfaces description",
                             use_textfsm=True)
    r = row(desc, "port", loopback["short"]) \
        if isinstance(desc, list) else None
    check(tag + ": interfaces description row",
          r and (r["status"], r["protocol"], r["description"]),
          ("up", "up", loopback["desc"]))

    users = conn.send_command("show users", use_textfsm=True)
    me = [u for u in users if u["line"].startswith("*")] \
        if isinstance(users, list) else []
    check(tag + ": show users marks this session (vty, oper, 127.0.0.1)",
          [(u["line"].split()[-2], u["user"], u["location"]) for u in me],
          [("vty", "oper", "127.0.0.1")])

    clock = conn.send_command("show clock", use_textfsm=True)
    check(tag + ": show clock parsed",
          isinstance(clock, list) and len(clock) == 1 and
          clock[0]["year"] == "2023" and clock[0]["month"] == "Nov", True)
    # R2 on FastEthernet0/0's wire (tests/netmiko.sh) advertised itself
    # once when it started; R1 may be asked before it arrived.
    for _ in range(20):
        cdp = conn.send_command("show cdp neighbors", use_textfsm=True)
        if isinstance(cdp, list) and row(cdp, "neighbor_name", "R2"):
            break
        time.sleep(0.25)
    r = row(cdp, "neighbor_name", "R2") if isinstance(cdp, list) else None
    check(tag + ": cdp neighbors row of R2",
          r and (r["local_interface"], r["capabilities"], r["platform"],
                 r["neighbor_interface"]),
          ("Fas 0/0", "R", "IOSH-LINU", "Fas 0/1"))
    det = conn.send_command("show cdp neighbors detail", use_textfsm=True)
    r = row(det, "neighbor_name", "R2") if isinstance(det, list) else None
    check(tag + ": cdp neighbors detail row of R2",
          r and (r["mgmt_address"], r["platform"], r["capabilities"],
                 r["local_interface"], r["neighbor_interface"],
                 r["neighbor_description"]),
          ("10.0.12.2", "cisco IOSH-LINUX", "Router", "FastEthernet0/0",
           "FastEthernet0/1", "iosh Software (IOSH-LINUX), Version %s, "
           "RELEASE SOFTWARE (iosh)" % os.environ["IOSH_VERSION"]))
    more_rows(conn, tag, loopback)
    conn.disconnect()


def more_rows(conn, tag, loopback):
    """ip route, interfaces, access-lists and logging through TextFSM:
    R1's startup-config (tests/netmiko.sh) and this session's loopback."""
    routes = conn.send_command("show ip route", use_textfsm=True)
    got = sorted((r["protocol"], r["network"], r["prefix_length"],
                  r["distance"], r["metric"], r["nexthop_ip"],
                  r["nexthop_if"]) for r in routes) \
        if isinstance(routes, list) else routes
    want = [("C", "10.0.0.1", "32", "", "", "", "Loopback0"),
            ("C", "10.0.12.0", "24", "", "", "", "FastEthernet0/0"),
            ("L", "10.0.12.1", "32", "", "", "", "FastEthernet0/0"),
            ("S", "192.168.5.0", "24", "1", "0", "10.0.12.2", "")]
    check(tag + ": ip route rows (connected, local, static)",
          isinstance(got, list) and all(w in got for w in want) and
          ("C", loopback["ip"], "32", "", "", "", loopback["name"]) in got,
          True)

    ifs = conn.send_command("show interfaces", use_textfsm=True)
    r = row(ifs, "interface", "FastEthernet0/0") \
        if isinstance(ifs, list) else None
    check(tag + ": interfaces row of FastEthernet0/0",
          r and (r["link_status"], r["protocol_status"], r["ip_address"],
                 r["prefix_length"], r["description"], r["mtu"],
                 r["encapsulation"], r["bandwidth"], r["mac_address"] ==
                 r["bia"] != ""),
          ("up", "up", "10.0.12.1", "24", "to-R2", "1500", "ARPA",
           "100000 Kbit", True))
    r = row(ifs, "interface", loopback["name"]) \
        if isinstance(ifs, list) else None
    check(tag + ": interfaces row of " + loopback["name"],
          r and (r["link_status"], r["protocol_status"], r["ip_address"],
                 r["prefix_length"], r["description"]),
          ("up", "up", loopback["ip"], "32", loopback["desc"]))

    acls = conn.send_command("show access-lists", use_textfsm=True)
    check(tag + ": access-lists rows",
          isinstance(acls, list) and
          [(r["name"], r["type"], r["sn"], r["action"], r["protocol"],
            r["source"], r["destination"]) for r in acls],
          [("10", "Standard", "10", "permit", "",
            "10.1.1.0, wildcard bits 0.0.0.255", ""),
           ("EDGE", "Extended", "10", "permit", "tcp", "any",
            "host 10.0.12.1"),
           ("EDGE", "Extended", "20", "deny", "ip", "any", "any")])

    # The buffer (logging buffered 8192 informational) under service
    # timestamps log datetime msec, the clock frozen at 1700000000.
    logs = conn.send_command("show logging", use_textfsm=True)
    stamp = ("Nov", "14", "22:13:20.000")
    want = [stamp + ("SYS", "5", "CONFIG_I"), stamp + ("SSH", "5", "ENABLED")]
    want += [stamp + ("SYS", "5", "CONFIG_I")] * loopback["configs"]
    check(tag + ": logging rows: the console's key, each send_config_set",
          isinstance(logs, list) and
          [(r["month"], r["day"], r["time"], r["facility"], r["severity"],
            r["mnemonic"]) for r in logs], want)
    check(tag + ": logging rows' messages",
          isinstance(logs, list) and
          [r["message"][0].split(" by ")[0] if r["mnemonic"] == "CONFIG_I"
           else r["message"] for r in logs],
          ["Configured from console", ["SSH 1.99 has been enabled"]] +
          ["Configured from console"] * loopback["configs"])

session("cisco_ios", int(os.environ["SSH_PORT"]),
        {"name": "Loopback1", "short": "Lo1", "ip": "10.9.9.1",
         "desc": "set-by-netmiko-over-ssh", "configs": 1})
session("cisco_ios_telnet", int(os.environ["TELNET_PORT"]),
        {"name": "Loopback2", "short": "Lo2", "ip": "10.9.9.2",
         "desc": "set-by-netmiko-over-telnet", "configs": 2})
def crypto_templates(ntc):
    """R1's crypto shows from tests/check_ike through Netmiko's TextFSM."""
    def parse(cmd, name):
        with open(os.path.join(ntc, name)) as f:
            return get_structured_data(f.read(), platform="cisco_ios",
                                       command=cmd)

    s = parse("show crypto session detail", "session_detail.txt")
    check("crypto session detail: one session parsed",
          isinstance(s, list) and len(s) == 1, True)
    if isinstance(s, list) and s:
        r = s[0]
        check("crypto session detail row",
              tuple(r[k] for k in ("interface", "session_status", "peer",
                                   "port", "local_ip", "remote_ip",
                                   "ikev1_status", "conn_id", "permit",
                                   "src_host", "dst_host", "active_sa",
                                   "origin")),
              ("Serial1/2", "UP-ACTIVE", "12.1.1.2", "500", "12.1.1.1",
               "12.1.1.2", "Active", "1001", "ip", "1.1.1.1", "2.2.2.2",
               "2", "crypto map"))
    sa = parse("show crypto ipsec sa detail", "ipsec_sa_detail_16.txt")
    check("crypto ipsec sa detail (16.9): two SAs parsed",
          isinstance(sa, list) and
          [(r["sa_orientation"], r["sa_type"]) for r in sa],
          [("inbound", "esp"), ("outbound", "esp")])
    if isinstance(sa, list) and len(sa) == 2:
        for r in sa:
            check("crypto ipsec sa detail %s row" % r["sa_orientation"],
                  tuple(r[k] for k in (
                      "interface", "crypto_map_tag", "local_addr",
                      "local_ident_addr", "remote_ident_addr",
                      "current_peer", "port", "pkts_encaps", "pkts_decaps",
                      "pkts_encaps_failed", "plaintext_mtu", "path_mtu",
                      "ip_mtu_idb", "sa_transform", "sa_crypto_map",
                      "sa_replay_window_size", "sa_status")),
                  ("Serial1/2", "TST", "12.1.1.1", "1.1.1.1", "2.2.2.2",
                   "12.1.1.2", "500", "4", "4", "1", "1446", "1500",
                   "Serial1/2", "esp-3des esp-md5-hmac", "TST", "64",
                   "ACTIVE(ACTIVE)"))
        check("crypto ipsec sa detail: current outbound spi is the "
              "outbound SA's", sa[0]["current_outbound_spi_hex"],
              sa[1]["sa_spi_hex"])


crypto_templates(os.environ["NTC_OUT"])
if FAILED:
    print("netmiko: %d checks failed" % len(FAILED))
    sys.exit(1)
print("netmiko: cisco_ios (SSH) and cisco_ios_telnet: enable, "
      "send_config_set, save_config and thirteen ntc-templates parse as IOS")
