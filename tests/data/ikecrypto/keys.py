# The key-schedule answers of tests/check_ikecrypto.c (test_key_schedule),
# computed with Python's hmac module, independently of ike_keys.c:
# python3 keys.py
import hmac, hashlib
psk=b'cisco123'; ni=bytes(range(16)); nr=bytes(range(0x80,0x90))
gxy=bytes((i*7+3)&255 for i in range(128)); ci=bytes.fromhex('0102030405060708'); cr=bytes.fromhex('1112131415161718')
for h in ('md5','sha1','sha256'):
    sk=hmac.new(psk,ni+nr,h).digest()
    d=hmac.new(sk,gxy+ci+cr+b'\0',h).digest()
    a=hmac.new(sk,d+gxy+ci+cr+b'\1',h).digest()
    e=hmac.new(sk,a+gxy+ci+cr+b'\2',h).digest()
    print(h,'skeyid',sk.hex()); print(h,'d',d.hex()); print(h,'a',a.hex()); print(h,'e',e.hex())
    # Ka for 32 bytes
    k=b''; prev=b'\0'
    while len(k)<32:
        prev=hmac.new(e,prev,h).digest(); k+=prev
    print(h,'ka32',k[:32].hex())
    spi=bytes.fromhex('aee1b991'); 
    km=b''; prev=b''
    while len(km)<36:
        prev=hmac.new(d,prev+b'\3'+spi+ni+nr,h).digest(); km+=prev
    print(h,'keymat36',km[:36].hex())
    gqm=bytes(range(64))
    km=b''; prev=b''
    while len(km)<36:
        prev=hmac.new(d,prev+gqm+b'\3'+spi+ni+nr,h).digest(); km+=prev
    print(h,'keymat36pfs',km[:36].hex())
    mid=bytes.fromhex('8e341411')
    print(h,'hash3',hmac.new(a,b'\0'+mid+ni+nr,h).digest().hex())
