# bench/charon_lib.sh — sourced by the benchmarks that run strongSwan
# (iperf_interop.sh, ike_setup_interop.sh).
#
# charon_start NETNS DIR PIDFILE: charon in NETNS, in a mount namespace
# of its own with DIR/run over /run (its pid file, /var/run/charon.pid,
# is compiled in), reading DIR/strongswan.conf (whose vici socket is
# DIR/charon.vici), output in DIR/charon.out, its pid in PIDFILE; then
# DIR/swanctl.conf loaded.  Fails if the configuration did not load.
charon_present() {	# charon and its user-space ESP plugin installed
	[ -x "${charon:-/usr/lib/ipsec/charon}" ] &&
	    [ -f /usr/lib/ipsec/plugins/libstrongswan-kernel-libipsec.so ]
}

charon_start() {
	mkdir -p "$2/run"
	STRONGSWAN_CONF=$2/strongswan.conf ip netns exec "$1" unshare -m \
	    --propagation private sh -c "mount --bind $2/run /run && \
exec ${charon:-/usr/lib/ipsec/charon}" >"$2/charon.out" 2>&1 &
	echo $! >"$3"
	for i in $(seq 1 50); do [ -S "$2/charon.vici" ] && break; sleep 0.1
	done
	STRONGSWAN_CONF=$2/strongswan.conf timeout 20 swanctl --load-all \
	    --file "$2/swanctl.conf" >/dev/null 2>&1
}

# charon_conf DIR LOCAL REMOTE LOCAL_TS REMOTE_TS IKE_PROPOSALS ESP_PROPOSALS:
# DIR/strongswan.conf (kernel-libipsec: the user-space ESP, as this
# kernel has none; no logging) and DIR/swanctl.conf with connection and
# child "gw": IKEv1 Main Mode, PSK "cisco", started by vici/swanctl only.
charon_conf() {
	mkdir -p "$1"
	cat >"$1/strongswan.conf" <<CONF
charon {
    load = random nonce openssl pem pkcs1 x509 pubkey hmac md5 sha1 sha2 aes gmp kernel-libipsec kernel-netlink socket-default vici
    install_routes = yes
    syslog { daemon { default = -1 } }
    plugins { vici { socket = unix://$1/charon.vici } }
}
swanctl {
    load = random nonce openssl pem pkcs1 x509 pubkey
    socket = unix://$1/charon.vici
}
CONF
	cat >"$1/swanctl.conf" <<CONF
connections { gw { version = 1
        local_addrs = $2
        remote_addrs = $3
        proposals = $6
        local { auth = psk
            id = $2 }
        remote { auth = psk
            id = $3 }
        children { gw { local_ts = $4
            remote_ts = $5
            esp_proposals = $7
            start_action = none } } } }
secrets { ike-gw { id-1 = $2
    id-2 = $3
    secret = cisco } }
CONF
}
