"""An SSH client that leaves while its `exit` is being answered.

Run by tests/ssh.sh: SSH_PORT TELNET_PORT PID PASSWORD.  With iosh
stopped (SIGSTOP), the client types `exit` and shuts its socket down,
and two telnet connections wait in the listener's queue; once iosh runs
again it reads the `exit`, its answers to the gone client fail (libssh
then closes the socket it holds) and it accepts the waiting connections
one per turn of its loop.  Both must be greeted.  Prints one line per
telnet connection; exits 1 if either was not greeted.
"""
import os
import signal
import socket
import sys
import time

import paramiko

port, tport, pid = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
client = paramiko.SSHClient()
client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
client.connect("127.0.0.1", port=port, username="anyone",
               password=sys.argv[4], look_for_keys=False, allow_agent=False,
               timeout=10)
chan = client.invoke_shell()
chan.settimeout(10)
seen = b""
deadline = time.time() + 10
while not seen.rstrip().endswith(b">") and time.time() < deadline:
    seen += chan.recv(1024)
if not seen.rstrip().endswith(b">"):
    print("FAIL: no exec prompt over SSH: %r" % seen)
    sys.exit(1)

os.kill(pid, signal.SIGSTOP)
try:
    chan.send("exit\r")
    time.sleep(0.2)
    client.get_transport().sock.shutdown(socket.SHUT_RDWR)
    waiting = [socket.create_connection(("127.0.0.1", tport), 5)
               for _ in range(2)]
    time.sleep(0.2)
finally:
    os.kill(pid, signal.SIGCONT)

bad = 0
for i, s in enumerate(waiting):
    s.settimeout(5)
    greeting = b""
    try:
        while b"User Access Verification" not in greeting:
            part = s.recv(200)
            if not part:
                break
            greeting += part
    except OSError as e:
        greeting += (" (%s)" % e).encode()
    ok = b"User Access Verification" in greeting
    bad += not ok
    print("%s: telnet connection %d after the SSH client left: %r" %
          ("ok" if ok else "FAIL", i + 1, greeting))
    s.close()
client.close()
sys.exit(1 if bad else 0)
