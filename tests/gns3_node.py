"""iosh's GNS3 start command on a terminal, as a GNS3 docker node runs it.

Run by tests/gns3.sh: argv is the command that starts the node (the
entrypoint inside the node's namespace); PEER_NS is the namespace of the
hosts at the far ends of eth0 (192.0.2.2) and eth1 (198.51.100.2).  The
command gets a pseudo-terminal as its stdin, stdout and stderr, as a GNS3
docker container has (GNS3's telnet console is that terminal).  Checks:
the prompt with the container's hostname, `show interfaces description`
naming each adapter, addresses configured at the console answering pings
from the far end of the right adapter, `write memory`.  Prints one line
per check; exits 1 if any failed.
"""
import os
import pty
import re
import select
import subprocess
import sys
import time

FAILED = []
transcript = b""


def check(what, ok, detail=""):
    print(("ok: " if ok else "FAIL: ") + what +
          ("" if ok else ": " + detail))
    if not ok:
        FAILED.append(what)


master, slave = pty.openpty()
node = subprocess.Popen(sys.argv[1:], stdin=slave, stdout=slave,
                        stderr=slave, start_new_session=True)
os.close(slave)


def expect(pattern, timeout=10.0):
    """Read the console until PATTERN (bytes regex) matches what came
    since the last expect; the text read, or None at the timeout."""
    global transcript
    start = len(transcript)
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if re.search(pattern, transcript[start:]):
            return transcript[start:]
        r, _, _ = select.select([master], [], [], 0.1)
        if r:
            try:
                data = os.read(master, 4096)
            except OSError:
                break
            if not data:
                break
            transcript += data
    return None


def send(line):
    os.write(master, line.encode() + b"\r")


def cmd(line, timeout=10.0):
    """Type LINE; what came from its echo to the next prompt, or None."""
    send(line)
    return expect(re.escape(line.encode()) +
                  rb"\r?\n[\s\S]*R7(\([a-z-]*\))?[>#]$", timeout)


def ping(addr):
    return subprocess.run(["timeout", "5", "ip", "netns", "exec",
                           os.environ["PEER_NS"], "ping", "-c", "1", "-W",
                           "1", addr], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode == 0


try:
    send("")
    got = expect(rb"R7>", 20)
    check("the console prompts R7> (the container's hostname)",
          got is not None, repr(transcript[-500:]))
    cmd("terminal length 0")
    got = cmd("show interfaces description") or b""
    rows = [l.split(None, 3) for l in got.decode(errors="replace")
            .replace("\r", "").split("\n")]
    check("show interfaces description: Gi0/0 is adapter eth0",
          ["Gi0/0", "up", "up", "GNS3 adapter eth0"] in rows, repr(got))
    check("show interfaces description: Gi0/1 is adapter eth1",
          ["Gi0/1", "up", "up", "GNS3 adapter eth1"] in rows, repr(got))
    for line in ("enable", "configure terminal",
                 "interface GigabitEthernet0/0",
                 "ip address 192.0.2.1 255.255.255.0",
                 "interface GigabitEthernet0/1",
                 "ip address 198.51.100.1 255.255.255.0", "end"):
        cmd(line)
    got = cmd("write memory")
    got = got if got and b"[OK]" in got else None
    check("write memory [OK]", got is not None, repr(transcript[-300:]))
    # The sanitizer build answers its first ARP slowly: 5 tries each.
    for addr in ("192.0.2.1", "198.51.100.1"):
        ok = any(ping(addr) for _ in range(5))
        check("the far end of the right adapter pings " + addr, ok)
    got = cmd("show ip interface brief") or b""
    check("show ip interface brief: Gi0/0 192.0.2.1 up up",
          re.search(rb"GigabitEthernet0/0 +192\.0\.2\.1 +YES \w+ +up +up",
                    got) is not None, repr(got))
finally:
    node.terminate()
    try:
        node.wait(10)
    except subprocess.TimeoutExpired:
        node.kill()
        node.wait()
    os.close(master)

if FAILED:
    sys.stdout.write("--- console\n" +
                     transcript.decode(errors="replace") + "\n")
    sys.exit(1)
print("gns3 node: prompt, adapters mapped, pings on both, write memory")
