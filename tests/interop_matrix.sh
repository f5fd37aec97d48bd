#!/bin/bash
# The algorithm matrix against strongSwan, both ways: IKE des, 3des, aes
# 128/192/256 x md5, sha1, sha256, sha384 x DH groups 1, 2, 5, 14, 15, 19,
# 20, 21, 24; ESP esp-des, esp-3des, esp-aes 128/192/256 x esp-md5-hmac,
# esp-sha-hmac; PFS on and off.  18 cases, sampled so that every group
# appears twice and every other value at least twice; in each, iosh
# initiates (its ping gets through) and then strongSwan does (swanctl
# --initiate, Linux's ping gets through), and swanctl names the
# algorithms iosh was configured with.
#
# Needs root, namespaces, TUN/TAP and strongSwan (tests/interop_lib.sh);
# skips (77) without them.  Every wait is bounded.

. "${top_srcdir:-.}/tests/interop_lib.sh"

# iosh's words | strongSwan's words | swanctl's names
enc_ios=("des" "3des" "aes 128" "aes 192" "aes 256")
enc_ss=(des 3des aes128 aes192 aes256)
enc_show=(DES_CBC 3DES_CBC AES_CBC-128 AES_CBC-192 AES_CBC-256)
hash_ios=(md5 sha sha256 sha384)
hash_ss=(md5 sha1 sha256 sha384)
hash_show=(HMAC_MD5_96 HMAC_SHA1_96 HMAC_SHA2_256_128 HMAC_SHA2_384_192)
grp_ios=(1 2 5 14 15 19 20 21 24)
grp_ss=(modp768 modp1024 modp1536 modp2048 modp3072 ecp256 ecp384 ecp521
    modp2048s256)
grp_show=(MODP_768 MODP_1024 MODP_1536 MODP_2048 MODP_3072 ECP_256 ECP_384
    ECP_521 MODP_2048_256)
esp_ios=("esp-des" "esp-3des" "esp-aes" "esp-aes 192" "esp-aes 256")
esp_ss=(des 3des aes128 aes192 aes256)
esp_show=(DES_CBC 3DES_CBC AES_CBC-128 AES_CBC-192 AES_CBC-256)
auth_ios=(esp-md5-hmac esp-sha-hmac)
auth_ss=(md5 sha1)
auth_show=(HMAC_MD5_96 HMAC_SHA1_96)
# PFS groups used every third case.
pfs_ios=(group2 group5 group14)
pfs_ss=(modp1024 modp1536 modp2048)

ss_start
ok=0
for i in $(seq 0 17); do
	e=$((i % 5)) h=$((i % 4)) g=$((i % 9)) x=$(((i + 1) % 5)) a=$((i % 2))
	pi=""
	ps=""
	if [ $((i % 3)) -eq 0 ]; then
		pi=${pfs_ios[$((i / 3 % 3))]}
		ps=-${pfs_ss[$((i / 3 % 3))]}
	fi
	what="case $i: ${enc_ios[$e]}/${hash_ios[$h]}/group ${grp_ios[$g]}, \
${esp_ios[$x]} ${auth_ios[$a]}${pi:+, pfs $pi}"
	ss_conns "${enc_ss[$e]}-${hash_ss[$h]}-${grp_ss[$g]}" \
	    "${esp_ss[$x]}-${auth_ss[$a]}$ps"
	ios_crypto "${enc_ios[$e]}" "${hash_ios[$h]}" "${grp_ios[$g]}" \
	    "${esp_ios[$x]} ${auth_ios[$a]}" "$pi"
	ss_clear

	# iosh initiates: the first echo starts IKE, the others pass.
	m=$(mark)
	send "ping 2.2.2.2 source loopback0 repeat 3 timeout 1"
	wait_for "^Success rate is" "$m" 15 || fail "$what: ping did not end"
	since "$m" | grep -Eq '^\.?!!!?$' || fail "$what: iosh's ping"
	swan --list-sas >"$D/sas" 2>&1
	want="${enc_show[$e]}/${hash_show[$h]}"
	grep -q "$want" "$D/sas" && grep -q "${grp_show[$g]}" "$D/sas" &&
	    grep -q "ESP:${esp_show[$x]}/${auth_show[$a]}" "$D/sas" ||
	    fail "$what: strongSwan's SAs: $(cat "$D/sas")"

	# strongSwan initiates; Linux's ping to iosh's loopback passes.
	ss_clear
	swan --initiate --child lab >"$D/initiate" 2>&1 ||
	    fail "$what: swanctl --initiate: $(tail -3 "$D/initiate")"
	in_ns ping -c 2 -W 2 -I 2.2.2.2 1.1.1.1 >"$D/lping" 2>&1
	grep -q " 2 received" "$D/lping" ||
	    fail "$what: Linux's ping after strongSwan initiated"
	ok=$((ok + 1))
	echo "ok: $what"
done
echo "matrix: $ok cases, each both ways"
exit 0
