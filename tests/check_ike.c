/*
 * The IKE engine end to end: CCIE lab 13-1 (seed 001) between two routers
 * in one process, joined by a udp: serial wire on 127.0.0.1, configured
 * through their CLI, with a frozen clock that the test moves on only when
 * nothing is in flight (so retransmission and ping timeouts happen when
 * they would, and every loop is bounded).  Covered: the tunnel coming up
 * from the first ping (.!!!!), show crypto isakmp sa / ipsec sa with live
 * counters, a wrong pre-shared key, a policy mismatch and a proxy
 * mismatch each failing with IOS's lines and leaving no SA behind, 20%
 * loss on the wire overcome by retransmission, and clear crypto sa
 * telling the peer.
 */
#include <sys/socket.h>
#include <sys/stat.h>

#include <netinet/in.h>
#include <arpa/inet.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crypto/ike_int.h"
#include "dataplane/dp.h"
#include "dataplane/wire.h"
#include "lib/clock.h"
#include "lib/evloop.h"
#include "shell/router.h"
#include "tests/pair.h"

static void
setup(void)
{
	pair_open(NULL);
}

/* The rows of show crypto isakmp sa (header lines left out). */
static int
isakmp_rows(int r)
{
	const char	*out = fx_run(&pair[r], "show crypto isakmp sa"), *p;
	int		 n = 0;

	for (p = out; (p = strstr(p, "\n12.1.1.")) != NULL; p++)
		n++;
	return n;
}

/* R's "current outbound spi: ..." value, into BUF (32 bytes). */
static const char *
current_spi(int r, char *buf)
{
	const char	*out = fx_run(&pair[r], "show crypto ipsec sa"), *p;

	if ((p = strstr(out, "current outbound spi: ")) == NULL)
		return strcpy(buf, "none");
	p += strlen("current outbound spi: ");
	snprintf(buf, 32, "%.*s", (int)strcspn(p, "\n"), p);
	return buf;
}

/* How many SAs (inbound and outbound) R's show crypto ipsec sa lists. */
static int
sa_count(int r)
{
	const char	*out = fx_run(&pair[r], "show crypto ipsec sa"), *p;
	int		 n = 0;

	for (p = out; (p = strstr(p, "\n      spi: 0x")) != NULL; p++)
		n++;
	return n;
}

START_TEST(test_lab_13_1)
{
	const char	*out;
	char		*all;
	int		 n, a, b, c, end = 0;

	pair_crypto_cfg(0, "3des", "cisco", "permit ip host 1.1.1.1 host 2.2.2.2");
	pair_crypto_cfg(1, "3des", "cisco", "permit ip host 2.2.2.2 host 1.1.1.1");
	out = pair_run_wait(0, "ping 2.2.2.2 source loopback0");
	/* The first echo starts IKE and is dropped: `.`, then four `!`. */
	ck_assert_msg(sscanf(out, "Type escape sequence to abort.\n"
	    "Sending 5, 100-byte ICMP Echos to 2.2.2.2, timeout is 2 "
	    "seconds:\nPacket sent with a source address of 1.1.1.1\n"
	    ".!!!!\nSuccess rate is %d percent (4/5), round-trip min/avg/max = "
	    "%d/%d/%d ms\n%n", &n, &a, &b, &c, &end) == 4 && n == 80 &&
	    out[end] == '\0', "%s", out);
	ck_assert_str_eq(fx_run(&pair[0], "show crypto isakmp sa"),
	    "\nIPv4 Crypto ISAKMP SA\n"
	    "dst             src             state          conn-id status\n"
	    "12.1.1.2        12.1.1.1        QM_IDLE           1001 ACTIVE\n"
	    "\nIPv6 Crypto ISAKMP SA\n\n");
	out = fx_run(&pair[0], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "    #pkts encaps: 4, #pkts encrypt: 4, "
	    "#pkts digest: 4\n    #pkts decaps: 4, #pkts decrypt: 4, "
	    "#pkts verify: 4\n") != NULL, "%s", out);
	ck_assert_msg(strstr(out, "    #send errors 1, #recv errors 0\n") !=
	    NULL, "%s", out);
	ck_assert(strstr(out, "interface: Serial1/2\n    Crypto map tag: TST, "
	    "local addr 12.1.1.1\n") != NULL);
	ck_assert(strstr(out, "        transform: esp-3des esp-md5-hmac ,\n")
	    != NULL);
	/* The same flows asked for by peer or by map; none for others. */
	all = strdup(out);
	ck_assert_str_eq(fx_run(&pair[0], "show crypto ipsec sa peer "
	    "12.1.1.2"), all);
	ck_assert_str_eq(fx_run(&pair[0], "show crypto ipsec sa map TST"),
	    all);
	ck_assert_str_eq(fx_run(&pair[0], "show crypto ipsec sa peer "
	    "12.1.1.9"), "\n");
	ck_assert_str_eq(fx_run(&pair[0], "show crypto ipsec sa map OTHER"),
	    "\n");
	ck_assert_str_eq(fx_run(&pair[0], "show crypto ipsec sa peer "
	    "12.1.1.2 detail"), fx_run(&pair[0], "show crypto ipsec sa detail"));
	free(all);
	/* The responder decapsulated four and encapsulated four replies. */
	out = fx_run(&pair[1], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "#pkts encaps: 4, #pkts encrypt: 4") !=
	    NULL && strstr(out, "#pkts decaps: 4, #pkts decrypt: 4") != NULL,
	    "%s", out);
	/* Once up, every echo goes through. */
	out = pair_run_wait(0, "ping 2.2.2.2 source loopback0 repeat 10");
	ck_assert(strstr(out, "\n!!!!!!!!!!\nSuccess rate is 100 percent "
	    "(10/10)") != NULL);
	/* clear crypto sa: the peer is told and drops its SAs too. */
	fx_run(&pair[0], "clear crypto sa");
	pair_run_for(1);
	out = fx_run(&pair[1], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "\n      spi: 0x") == NULL, "%s", out);
}
END_TEST

/*
 * The same with `debug crypto isakmp` and `debug crypto ipsec` on R1, as
 * seed 001 runs it.  The transcript goes to $IKE_TRANSCRIPT when set:
 * tests/ike_seed.sh compares it with the seed's, line by line.
 */
START_TEST(test_lab_13_1_debug)
{
	const char	*path = getenv("IKE_TRANSCRIPT"), *out;
	FILE		*fp;

	pair_crypto_cfg(0, "3des", "cisco", "permit ip host 1.1.1.1 host 2.2.2.2");
	pair_crypto_cfg(1, "3des", "cisco", "permit ip host 2.2.2.2 host 1.1.1.1");
	ck_assert_str_eq(fx_run(&pair[0], "debug crypto isakmp"),
	    "Crypto ISAKMP debugging is on\n");
	ck_assert_str_eq(fx_run(&pair[0], "debug crypto ipsec"),
	    "Crypto IPSEC debugging is on\n");
	out = pair_run_wait(0, "ping 2.2.2.2 source loopback0");
	ck_assert(strstr(out, "Success rate is 80 percent (4/5)") != NULL);
	ck_assert(strstr(out, "ISAKMP:(1001):Old State = IKE_QM_I_QM1  New "
	    "State = IKE_QM_PHASE2_COMPLETE\n") != NULL);
	if (path != NULL) {
		ck_assert((fp = fopen(path, "w")) != NULL);
		fputs(out, fp);
		ck_assert_int_eq(fclose(fp), 0);
	}
}
END_TEST

/*
 * A wrong key: R2 cannot read MM5 (%CRYPTO-4-IKMP_BAD_MESSAGE), R1
 * retransmits until IOS gives up, and both ISAKMP SAs are gone.
 */
START_TEST(test_wrong_psk)
{
	const char	*out;

	pair_crypto_cfg(0, "3des", "cisco", "permit ip host 1.1.1.1 host 2.2.2.2");
	pair_crypto_cfg(1, "3des", "wrong", "permit ip host 2.2.2.2 host 1.1.1.1");
	fx_run(&pair[0], "debug crypto isakmp");
	out = pair_run_wait(0, "ping 2.2.2.2 source loopback0");
	ck_assert(strstr(out, "Success rate is 0 percent (0/5)") != NULL);
	ck_assert(pair_has(1, "%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from "
	    "12.1.1.1 failed its sanity check or is malformed"));
	pair_run_for(70);
	ck_assert(pair_has(0, "ISAKMP:(1001): retransmitting phase 1 "
	    "MM_KEY_EXCH..."));
	ck_assert(pair_has(0, "ISAKMP:(1001):deleting SA reason \"Death by "
	    "retransmission P1\" state (I) MM_KEY_EXCH (peer 12.1.1.2)"));
	ck_assert_int_eq(isakmp_rows(0), 0);
	ck_assert_int_eq(isakmp_rows(1), 0);
}
END_TEST

/* No policy in common: R2 walks, refuses and says so. */
START_TEST(test_policy_mismatch)
{
	pair_crypto_cfg(0, "3des", "cisco", "permit ip host 1.1.1.1 host 2.2.2.2");
	pair_crypto_cfg(1, "aes", "cisco", "permit ip host 2.2.2.2 host 1.1.1.1");
	fx_run(&pair[1], "debug crypto isakmp");
	pair_run_wait(0, "ping 2.2.2.2 source loopback0 repeat 1");
	ck_assert(pair_has(1, "ISAKMP:(0):Checking ISAKMP transform 1 against "
	    "priority 10 policy\n"));
	ck_assert(pair_has(1, "ISAKMP:(0):Encryption algorithm offered does not "
	    "match policy!\n"));
	ck_assert(pair_has(1, "ISAKMP:(0):atts are not acceptable. Next payload "
	    "is 0\n"));
	ck_assert(pair_has(1, "ISAKMP:(0): phase 1 SA policy not acceptable! "
	    "(local 12.1.1.2 remote 12.1.1.1)\n"));
	ck_assert(pair_has(1, "%CRYPTO-6-IKMP_MODE_FAILURE: Processing of Main "
	    "mode failed with peer at 12.1.1.1\n"));
	ck_assert_int_eq(isakmp_rows(1), 0);
	pair_run_for(70);
	ck_assert_int_eq(isakmp_rows(0), 0);
}
END_TEST

/* Both policies say rsa-sig (keys are configured too): iosh has no
 * certificate or key pair to sign with, so R2 refuses the transform with
 * IOS's "no cert, and no keys" line and the negotiation fails as a policy
 * mismatch does, instead of going on with the pre-shared key. */
START_TEST(test_rsa_sig_no_cert)
{
	int	r;

	for (r = 0; r < 2; r++) {
		pair_crypto_cfg(r, "3des", "cisco", r == 0 ?
		    "permit ip host 1.1.1.1 host 2.2.2.2" :
		    "permit ip host 2.2.2.2 host 1.1.1.1");
		pair_config(r, "crypto isakmp policy 10\n"
		    " authentication rsa-sig\n");
		fx_run(&pair[r], "debug crypto isakmp");
	}
	pair_run_wait(0, "ping 2.2.2.2 source loopback0 repeat 1");
	ck_assert(pair_has(1, "ISAKMP:(0):atts are acceptable. Next payload "
	    "is 0\n"));
	ck_assert(pair_has(1, "ISAKMP:(0):No cert, and no keys (public or "
	    "pre-shared) with remote peer 12.1.1.1\n"));
	ck_assert(pair_has(1, "ISAKMP:(0): phase 1 SA policy not acceptable! "
	    "(local 12.1.1.2 remote 12.1.1.1)\n"));
	ck_assert(pair_has(1, "%CRYPTO-6-IKMP_MODE_FAILURE: Processing of Main "
	    "mode failed with peer at 12.1.1.1\n"));
	ck_assert(!pair_has(1, "SA is doing pre-shared key"));
	ck_assert(!pair_has(0, "SA is doing pre-shared key"));
	ck_assert_int_eq(isakmp_rows(1), 0);
	pair_run_for(70);
	ck_assert_int_eq(isakmp_rows(0), 0);
	ck_assert(!pair_has(0, "IKMP_MODE_FAILURE: Processing of Quick"));
}
END_TEST

/* R2's ACL does not mirror R1's: phase 1 stays, Quick Mode fails. */
START_TEST(test_proxy_mismatch)
{
	const char	*out;

	pair_crypto_cfg(0, "3des", "cisco", "permit ip host 1.1.1.1 host 2.2.2.2");
	pair_crypto_cfg(1, "3des", "cisco", "permit ip host 2.2.2.2 host 9.9.9.9");
	fx_run(&pair[1], "debug crypto isakmp");
	fx_run(&pair[1], "debug crypto ipsec");
	pair_run_wait(0, "ping 2.2.2.2 source loopback0 repeat 1");
	ck_assert(pair_has(1, "map_db_find_best did not find matching map\n"));
	ck_assert(pair_has(1, "IPSEC(ipsec_process_proposal): proxy identities not "
	    "supported\n"));
	ck_assert(pair_has(1, "ISAKMP:(1001): phase 2 SA policy not acceptable! "
	    "(local 12.1.1.2 remote 12.1.1.1)\n"));
	pair_run_for(70);
	ck_assert_int_eq(isakmp_rows(0), 1);
	out = fx_run(&pair[0], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "\n      spi: 0x") == NULL, "%s", out);
	out = fx_run(&pair[1], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "\n      spi: 0x") == NULL, "%s", out);
}
END_TEST

/* 20% loss each way on the wire: retransmission still brings it up. */
START_TEST(test_loss)
{
	const char	*out;
	int		 i;

	pair_crypto_cfg(0, "3des", "cisco", "permit ip host 1.1.1.1 host 2.2.2.2");
	pair_crypto_cfg(1, "3des", "cisco", "permit ip host 2.2.2.2 host 1.1.1.1");
	fx_run(&pair[0], "test interface Serial1/2 fault both loss=20,seed=7");
	for (i = 0; i < 20; i++) {
		out = pair_run_wait(0, "ping 2.2.2.2 source loopback0 repeat 5");
		if (strstr(out, "!") != NULL)
			break;
	}
	ck_assert_msg(i < 20, "no echo came back in 20 pings");
	ck_assert_int_eq(isakmp_rows(0), 1);
	out = fx_run(&pair[0], "show crypto isakmp sa");
	ck_assert(strstr(out, "QM_IDLE") != NULL);
}
END_TEST

/*
 * A wire that duplicates frames: each side tells a message it already
 * answered (ike_msgsum of the last one) from a new one, answers the copy
 * with its last message again and drops it, and the tunnel comes up.
 */
START_TEST(test_duplicates)
{
	const char	*out;

	pair_crypto_cfg(0, "3des", "cisco", "permit ip host 1.1.1.1 host 2.2.2.2");
	pair_crypto_cfg(1, "3des", "cisco", "permit ip host 2.2.2.2 host 1.1.1.1");
	fx_run(&pair[0], "test interface Serial1/2 fault both dup=30,seed=7");
	fx_run(&pair[0], "debug crypto isakmp");
	out = pair_run_wait(0, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, "packet is a duplicate of a previous "
	    "packet.") != NULL, "%s", out);
	ck_assert(strstr(out, "retransmitting due to retransmit phase") !=
	    NULL);
	ck_assert(strstr(out, "!") != NULL);
	ck_assert_int_eq(isakmp_rows(0), 1);
	out = fx_run(&pair[0], "show crypto isakmp sa");
	ck_assert(strstr(out, "QM_IDLE") != NULL);
}
END_TEST

/*
 * An SA's transform texts come from a memo of the last transform set
 * (ipsec_sa.c): a set changed between two setups — cipher, AES key
 * length, AH added — shows the new set's transforms, each protocol its
 * own.
 */
START_TEST(test_transform_changed)
{
	static const struct { const char *set, *esp, *ah; } v[] = {
		{ "esp-3des esp-sha-hmac", "esp-3des esp-sha-hmac", NULL },
		{ "esp-aes esp-sha-hmac", "esp-aes esp-sha-hmac", NULL },
		{ "esp-aes 256 esp-sha-hmac", "esp-aes 256 esp-sha-hmac", NULL },
		{ "ah-sha-hmac esp-aes 256 esp-sha-hmac",
		  "esp-aes 256 esp-sha-hmac", "ah-sha-hmac" },
	};
	char		 want[96];
	const char	*out;
	size_t		 i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		fx_run(&pair[0], "clear crypto sa");
		pair_run_for(1);
		out = pair_set_ping(v[i].set, false, 5);
		ck_assert_msg(strstr(out, "!") != NULL, "%s: %s", v[i].set, out);
		out = fx_run(&pair[0], "show crypto ipsec sa");
		snprintf(want, sizeof(want), "transform: %s ,\n", v[i].esp);
		ck_assert_msg(strstr(out, want) != NULL, "%s: %s", want, out);
		if (v[i].ah != NULL) {
			snprintf(want, sizeof(want), "transform: %s ,\n",
			    v[i].ah);
			ck_assert_msg(strstr(out, want) != NULL, "%s: %s",
			    want, out);
		}
		if (i > 0 && strcmp(v[i - 1].esp, v[i].esp) != 0) {
			snprintf(want, sizeof(want), "transform: %s ,\n",
			    v[i - 1].esp);
			ck_assert_msg(strstr(out, want) == NULL, "%s: %s",
			    want, out);
		}
	}
}
END_TEST

/*
 * The other algorithms: aes 256 / sha256 / group 14 for phase 1, esp-aes
 * 256 esp-sha-hmac with PFS group 5 for phase 2; R2's key from a keyring
 * (longest match wins over the global wildcard); `crypto logging
 * session` messages as the session comes and goes.
 */
START_TEST(test_strong_suite)
{
	const char	*out;
	static const char *const cfg[PAIR_NR] = {
	    "crypto isakmp policy 5\n encryption aes 256\n hash sha256\n"
	    " authentication pre-share\n group 14\n"
	    "crypto isakmp key s3cret address 12.1.1.2\n"
	    "crypto ipsec transform-set STRONG esp-aes 256 esp-sha-hmac\n"
	    "access-list 101 permit ip host 1.1.1.1 host 2.2.2.2\n"
	    "crypto map TST 10 ipsec-isakmp\n set peer 12.1.1.2\n"
	    " match address 101\n set transform-set STRONG\n set pfs group5\n"
	    "crypto logging session\n"
	    "interface Serial1/2\n crypto map TST\n",
	    "crypto isakmp policy 5\n encryption aes 256\n hash sha256\n"
	    " authentication pre-share\n group 14\n"
	    "crypto isakmp key wrong address 0.0.0.0 0.0.0.0\n"
	    "crypto keyring KR\n pre-shared-key address 12.1.1.0 "
	    "255.255.255.0 key s3cret\n"
	    "crypto ipsec transform-set STRONG esp-aes 256 esp-sha-hmac\n"
	    "access-list 101 permit ip host 2.2.2.2 host 1.1.1.1\n"
	    "crypto map TST 10 ipsec-isakmp\n set peer 12.1.1.1\n"
	    " match address 101\n set transform-set STRONG\n set pfs group5\n"
	    "interface Serial1/1\n crypto map TST\n",
	};

	pair_config(0, cfg[0]);
	pair_config(1, cfg[1]);
	out = pair_run_wait(0, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, ".!!!!\nSuccess rate is 80 percent (4/5)") !=
	    NULL, "%s", out);
	ck_assert(strstr(out, "%CRYPTO-5-SESSION_STATUS: Crypto tunnel is UP  "
	    ".  Peer 12.1.1.2:500       Id: 12.1.1.2\n") != NULL);
	out = fx_run(&pair[0], "show crypto isakmp sa detail");
	ck_assert_msg(strstr(out, "\n1001  12.1.1.1        12.1.1.2          "
	    "     ACTIVE aes  sha256 psk  14 23:59:58     \n") != NULL, "%s",
	    out);
	out = fx_run(&pair[0], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "PFS (Y/N): Y, DH group: group5\n") != NULL,
	    "%s", out);
	ck_assert(strstr(out, "transform: esp-aes 256 esp-sha-hmac ,\n") !=
	    NULL);
	ck_assert(strstr(out, "IV size: 16 bytes\n") != NULL);
	strbuf_reset(&pair[0].fx_out);
	fx_run(&pair[0], "clear crypto isakmp");
	ck_assert(pair_has(0, "%CRYPTO-5-SESSION_STATUS: Crypto tunnel is DOWN. "
	    "Peer 12.1.1.2:500       Id: 12.1.1.2\n"));
	pair_run_for(1);
	ck_assert_int_eq(isakmp_rows(1), 0);
}
END_TEST

/*
 * Dead peer detection, periodic every 10 s: acknowledged while the wire
 * works; when it stops carrying anything, R1 retries and gives the peer
 * up with its SAs.
 */
START_TEST(test_dpd)
{
	pair_crypto_cfg(0, "3des", "cisco", "permit ip host 1.1.1.1 host 2.2.2.2");
	pair_crypto_cfg(1, "3des", "cisco", "permit ip host 2.2.2.2 host 1.1.1.1");
	pair_config(0, "crypto isakmp keepalive 10 periodic\n");
	pair_config(1, "crypto isakmp keepalive 10 periodic\n");
	pair_run_wait(0, "ping 2.2.2.2 source loopback0 repeat 2");
	fx_run(&pair[0], "debug crypto isakmp");
	pair_run_for(11);
	ck_assert(pair_has(0, "ISAKMP:(1001):DPD/R_U_THERE sent to peer 12.1.1.2, "
	    "sequence 0x1\n"));
	ck_assert(pair_has(0, "ISAKMP:(1001):DPD/R_U_THERE_ACK received from peer "
	    "12.1.1.2, sequence 0x1\n"));
	ck_assert_str_eq(fx_run(&pair[0],
	    "test interface Serial1/2 fault both loss=100"), "");
	pair_run_for(40);
	ck_assert(pair_has(0, "ISAKMP:(1001):peer 12.1.1.2 not responding!\n"));
	ck_assert_int_eq(isakmp_rows(0), 0);
	ck_assert(strstr(fx_run(&pair[0], "show crypto ipsec sa"),
	    "\n      spi: 0x") == NULL);
}
END_TEST

/*
 * Lifetimes: R2 holds its SAs to 120 s (R1 offers IOS's 3600) and says
 * so (RESPONDER-LIFETIME), so both sides count 120 s.  The pair carried
 * traffic, so R1 renegotiates it 30 s before the end (IOS's margin) and
 * the old one goes; the new pair carries nothing, so at its end it goes
 * on both sides unreplaced and the next packet negotiates (.!!!!).
 */
START_TEST(test_lifetime)
{
	const char	*out;
	char		 spi_before[32], spi[32];

	pair_crypto_cfg(0, "3des", "cisco", "permit ip host 1.1.1.1 host 2.2.2.2");
	pair_crypto_cfg(1, "3des", "cisco", "permit ip host 2.2.2.2 host 1.1.1.1");
	pair_config(1, "crypto map TST 10 ipsec-isakmp\n"
	    " set security-association lifetime seconds 120\n");
	fx_run(&pair[0], "debug crypto isakmp");
	pair_run_wait(0, "ping 2.2.2.2 source loopback0 repeat 2");
	ck_assert(pair_has(0, "ISAKMP:(1001): processing NOTIFY RESPONDER_LIFETIME "
	    "protocol 3\n"));
	out = fx_run(&pair[0], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "remaining key lifetime (k/sec): (4608000/"
	    "118)\n") != NULL, "%s", out);
	current_spi(0, spi_before);
	/* 118 s left: the soft lifetime is 88 s away. */
	pair_run_for(86);
	ck_assert_str_eq(current_spi(0, spi), spi_before);
	pair_run_for(4);
	ck_assert_str_ne(current_spi(0, spi), spi_before);
	ck_assert_str_ne(spi, "0x0(0)");
	/* The old pair goes 5 s after the new one is up, on both sides. */
	pair_run_for(6);
	ck_assert_int_eq(sa_count(0), 2);
	ck_assert_int_eq(sa_count(1), 2);
	pair_run_for(125);
	ck_assert(strstr(fx_run(&pair[0], "show crypto ipsec sa"),
	    "\n      spi: 0x") == NULL);
	ck_assert(strstr(fx_run(&pair[1], "show crypto ipsec sa"),
	    "\n      spi: 0x") == NULL);
	out = pair_run_wait(0, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, ".!!!!\nSuccess rate is 80 percent (4/5)") !=
	    NULL, "%s", out);
	ck_assert_int_eq(isakmp_rows(0), 1);
}
END_TEST

/*
 * A 12.x configuration: IOS 12's debug prefix "ISAKMP (0:N): " and SA
 * numbering from 1, `service timestamps debug datetime msec` stamps, the
 * 12.x `show crypto isakmp sa` with its slot column.
 */
START_TEST(test_version_12)
{
	const char	*out;

	pair_config(0, "version 12.4\nservice timestamps debug datetime msec\n");
	pair_config(1, "version 12.4\n");
	pair_crypto_cfg(0, "3des", "cisco", "permit ip host 1.1.1.1 host 2.2.2.2");
	pair_crypto_cfg(1, "3des", "cisco", "permit ip host 2.2.2.2 host 1.1.1.1");
	fx_run(&pair[0], "debug crypto isakmp");
	out = pair_run_wait(0, "ping 2.2.2.2 source loopback0");
	ck_assert(strstr(out, "Success rate is 80 percent (4/5)") != NULL);
	ck_assert(strstr(out, ": ISAKMP (0:1): SA has been authenticated with "
	    "12.1.1.2\n") != NULL);
	/* IOS's '*': the clock was never set by NTP or by hand. */
	ck_assert(strstr(out, "\n*Nov 14 22:13:21.123: ISAKMP (0:0): "
	    "beginning Main Mode exchange\n") != NULL);
	out = fx_run(&pair[0], "show crypto isakmp sa");
	ck_assert_msg(strstr(out, "dst             src             state    "
	    "      conn-id slot status\n12.1.1.2        12.1.1.1        QM_IDLE "
	    "             1    0 ACTIVE\n") != NULL, "%s", out);
}
END_TEST

/* Without NAT-T (no crypto ipsec nat-transparency udp-encapsulation):
 * no NAT-T vendor IDs, NAT-D not sent, IKE stays on 500. */
START_TEST(test_no_natt)
{
	pair_crypto_cfg(0, "3des", "cisco", "permit ip host 1.1.1.1 host 2.2.2.2");
	pair_crypto_cfg(1, "3des", "cisco", "permit ip host 2.2.2.2 host 1.1.1.1");
	pair_config(0, "no crypto ipsec nat-transparency udp-encapsulation\n");
	ck_assert(strstr(fx_run(&pair[0], "show running-config"),
	    "\nno crypto ipsec nat-transparency udp-encapsulation\n") != NULL);
	fx_run(&pair[0], "debug crypto isakmp");
	pair_run_wait(0, "ping 2.2.2.2 source loopback0");
	ck_assert(pair_has(0, "Success rate is 80 percent (4/5)"));
	ck_assert(!pair_has(0, "constructed NAT-T"));
	ck_assert(!pair_has(0, "received payload type 20"));
	ck_assert(pair_has(0, "my_port 500 peer_port 500 (I) QM_IDLE\n"));
}
END_TEST

/* The value after LABEL in TEXT, up to the end of its line, into BUF. */
static const char *
field(const char *text, const char *label, char *buf, size_t len)
{
	const char	*p = strstr(text, label);

	if (p == NULL)
		return strcpy(buf, "none");
	p += strlen(label);
	snprintf(buf, len, "%.*s", (int)strcspn(p, "\n"), p);
	return buf;
}

static int
count(const char *text, const char *what)
{
	int	n = 0;

	for (; (text = strstr(text, what)) != NULL; text++)
		n++;
	return n;
}

/*
 * Volume rekey: with `crypto ipsec security-association lifetime
 * kilobytes 2560` (IOS's minimum) on both routers, 5000 pings of 1400
 * bytes (7 MB each way, the lifetime three times over) all come back:
 * R1 renegotiates at 90% of the kilobytes, traffic moves to the new SA,
 * the old one goes later.  Every rekey shows in R1's `debug crypto
 * ipsec` as a new current outbound SA, and the flow's counters hold
 * every packet.
 */
START_TEST(test_rekey_kilobytes)
{
	const char	*out;
	char		 spi0[32], spi1[32];
	int		 r, rekeys;

	for (r = 0; r < PAIR_NR; r++) {
		pair_crypto_cfg(r, "3des", "cisco", r == 0 ?
		    "permit ip host 1.1.1.1 host 2.2.2.2" :
		    "permit ip host 2.2.2.2 host 1.1.1.1");
		pair_config(r, "crypto ipsec security-association lifetime "
		    "kilobytes 2560\n");
	}
	out = fx_run(&pair[0], "show running-config");
	ck_assert_msg(strstr(out, "!\ncrypto ipsec security-association "
	    "lifetime kilobytes 2560\n!\ncrypto ipsec transform-set TSET ")
	    != NULL, "%s", out);
	out = fx_run(&pair[0], "show crypto map");
	ck_assert(strstr(out, "Security association lifetime: 2560 kilobytes/"
	    "3600 seconds\n") != NULL);
	pair_run_wait(0, "ping 2.2.2.2 source loopback0 repeat 2");
	ck_assert(pair_has(0, "Success rate is 50 percent (1/2)"));
	current_spi(0, spi0);
	fx_run(&pair[0], "debug crypto ipsec");
	out = pair_run_wait(0, "ping 2.2.2.2 source loopback0 size 1400 repeat "
	    "5000");
	ck_assert_msg(strstr(out, "Success rate is 100 percent (5000/5000)")
	    != NULL, "%s", strstr(out, "Success rate"));
	rekeys = count(out, "IPSEC(update_current_outbound_sa): updated peer "
	    "12.1.1.2 current outbound sa to SPI");
	ck_assert_int_ge(rekeys, 2);
	ck_assert(count(out, "IPSEC(create_sa): sa created,") == 2 * rekeys);
	ck_assert_str_ne(current_spi(0, spi1), spi0);
	fx_run(&pair[0], "undebug all");
	out = fx_run(&pair[0], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "#pkts encaps: 5001, #pkts encrypt: 5001")
	    != NULL, "%s", out);
	ck_assert(strstr(out, "#pkts decaps: 5001, #pkts decrypt: 5001") !=
	    NULL);
	ck_assert(strstr(out, "#send errors 1, #recv errors 0") != NULL);
	/* No one waits for a hard limit: old pairs go 5 s after. */
	pair_run_for(6);
	ck_assert_int_eq(sa_count(0), 2);
	ck_assert_int_eq(sa_count(1), 2);
	out = fx_run(&pair[1], "show crypto ipsec sa");
	ck_assert(strstr(out, "#pkts decaps: 5001,") != NULL);
	ck_assert(strstr(out, "#recv errors 0") != NULL);
}
END_TEST

/*
 * Time rekey: `crypto ipsec security-association lifetime seconds 120`
 * and ISAKMP lifetime 300 on both routers; a ping every 100 ms of frozen
 * time (10/s) for 410 s crosses four phase-2 rekeys (at 90, 180, 270, 360
 * s: 30 s before each 120 s lifetime) and one phase-1 rekey (at 270 s,
 * 90% of 300) and loses nothing.  The current outbound SPI shown changes
 * with each, the old ISAKMP SA is gone on both sides, and neither side
 * ever saw a packet with an unknown SPI.
 */
START_TEST(test_rekey_seconds)
{
	const char	*out;
	char		 spi[32], last[32], row0[128], row[128];
	int		 r, i, ok = 0, changes = 0;

	for (r = 0; r < PAIR_NR; r++) {
		pair_crypto_cfg(r, "3des", "cisco", r == 0 ?
		    "permit ip host 1.1.1.1 host 2.2.2.2" :
		    "permit ip host 2.2.2.2 host 1.1.1.1");
		pair_config(r, "crypto ipsec security-association lifetime "
		    "seconds 120\ncrypto isakmp policy 10\n lifetime 300\n");
	}
	ck_assert(strstr(fx_run(&pair[1], "show running-config"), "\ncrypto "
	    "ipsec security-association lifetime seconds 120\n") != NULL);
	pair_run_wait(0, "ping 2.2.2.2 source loopback0 repeat 2");
	ck_assert(pair_has(0, "Success rate is 50 percent (1/2)"));
	field(fx_run(&pair[0], "show crypto isakmp sa"), "\n12.1.1.2", row0,
	    sizeof(row0));
	current_spi(0, last);
	for (i = 0; i < 4100; i++) {
		out = pair_run_wait(0, "ping 2.2.2.2 source loopback0 repeat 1");
		if (strstr(out, "Success rate is 100 percent (1/1)") != NULL)
			ok++;
		if (i % 10 == 0 && strcmp(current_spi(0, spi), last) != 0) {
			changes++;
			strcpy(last, spi);
		}
	}
	ck_assert_int_eq(ok, 4100);
	ck_assert_int_ge(changes, 4);
	/* One ISAKMP SA on each side, not the first one. */
	ck_assert_int_eq(isakmp_rows(0), 1);
	ck_assert_int_eq(isakmp_rows(1), 1);
	field(fx_run(&pair[0], "show crypto isakmp sa"), "\n12.1.1.2", row,
	    sizeof(row));
	ck_assert_str_ne(row, row0);
	ck_assert_str_ne(row, "none");
	for (r = 0; r < PAIR_NR; r++) {
		out = fx_run(&pair[r], "show crypto ipsec sa");
		ck_assert_msg(strstr(out, "#send errors 0, #recv errors 0") !=
		    NULL || (r == 0 && strstr(out, "#send errors 1, #recv "
		    "errors 0") != NULL), "%s", out);
		ck_assert(strstr(pair[r].fx_out.sb_buf, "RECVD_PKT_INV_SPI") ==
		    NULL);
	}
	/* `no` restores IOS's default, which is not rendered. */
	pair_config(1, "no crypto ipsec security-association lifetime seconds\n");
	out = fx_run(&pair[1], "show running-config");
	ck_assert(strstr(out, "security-association lifetime") == NULL);
	out = fx_run(&pair[1], "show crypto map");
	ck_assert(strstr(out, "Security association lifetime: 4608000 "
	    "kilobytes/3600 seconds\n") != NULL);
}
END_TEST

/* R2's one ISAKMP SA, or NULL. */
static struct isakmp_sa *
r2_isakmp(void)
{
	return TAILQ_FIRST(&pair[R2].fx_rt.r_sys.sy_crypto->c_sadb.db_isakmp);
}

/* Both loops turned once at a time (no time passing) until R2's ISAKMP
 * SA has answered MM3 with MM4 (MM_KEY_EXCH); false if it never does. */
static bool
step_to_mm4(void)
{
	struct isakmp_sa	*is;
	int			 i, r;

	for (i = 0; i < 200; i++) {
		for (r = 0; r < PAIR_NR; r++)
			evloop_once(pair[r].fx_rt.r_loop, 0);
		if ((is = r2_isakmp()) != NULL &&
		    is->is_state == ISK_MM_KEY_EXCH)
			return true;
	}
	return false;
}

/* R's running command (a ping) to its end, time passing as needed. */
static const char *
finish(int r)
{
	int	i;

	for (i = 0; i < 10000 && session_busy(pair[r].fx_sess); i++) {
		pair_drain();
		clock_advance(100);
	}
	ck_assert(!session_busy(pair[r].fx_sess));
	return pair[r].fx_out.sb_buf;
}

/*
 * A Main Mode responder sends MM4 before it derives its keys, so that
 * the two sides' Diffie-Hellman run at once (ike_p1_keys_owe): the keys
 * are owed until the loop would wait (ike_idle) or the peer's next
 * message comes (ike_input), and never while a crypto debug is on (its
 * lines keep IOS's order).  An SA cleared while its keys are owed leaves
 * the list.
 */
START_TEST(test_responder_keys_owed)
{
	struct crypto		*c2 = pair[R2].fx_rt.r_sys.sy_crypto;
	struct ike_p1		*p;

	pair_crypto_cfg(0, "3des", "cisco", "permit ip host 1.1.1.1 host 2.2.2.2");
	pair_crypto_cfg(1, "3des", "cisco", "permit ip host 2.2.2.2 host 1.1.1.1");
	/* Settled by the idle work. */
	fx_run(&pair[R1], "ping 2.2.2.2 source loopback0");
	ck_assert(step_to_mm4());
	ck_assert_ptr_nonnull(p = TAILQ_FIRST(&c2->c_ike_owed));
	ck_assert_ptr_eq(p, r2_isakmp()->is_engine);
	ck_assert(p->p_keys_owed);
	ck_assert_ptr_nonnull(p->p_dh);
	ck_assert(ike_idle_want(c2));
	ike_idle(c2);
	ck_assert(TAILQ_EMPTY(&c2->c_ike_owed));
	ck_assert(!p->p_keys_owed);
	ck_assert_ptr_null(p->p_dh);		/* derived, freed */
	ck_assert_ptr_nonnull(strstr(finish(R1), "!!!!"));
	ck_assert_int_eq(isakmp_rows(R1), 1);
	ck_assert_ptr_nonnull(strstr(fx_run(&pair[R2], "show crypto isakmp sa"),
	    "QM_IDLE"));

	/* Settled when MM5 comes. */
	fx_run(&pair[R1], "clear crypto sa");
	fx_run(&pair[R1], "clear crypto isakmp");
	pair_run_for(1);
	ck_assert_ptr_null(r2_isakmp());
	fx_run(&pair[R1], "ping 2.2.2.2 source loopback0");
	ck_assert(step_to_mm4());
	ck_assert(!TAILQ_EMPTY(&c2->c_ike_owed));
	ck_assert_ptr_nonnull(strstr(finish(R1), "!!!!"));
	ck_assert(TAILQ_EMPTY(&c2->c_ike_owed));
	ck_assert_ptr_nonnull(strstr(fx_run(&pair[R2], "show crypto isakmp sa"),
	    "QM_IDLE"));

	/* Cleared while owed: off the list with its SA. */
	fx_run(&pair[R1], "clear crypto sa");
	fx_run(&pair[R1], "clear crypto isakmp");
	pair_run_for(1);
	fx_run(&pair[R1], "ping 2.2.2.2 source loopback0");
	ck_assert(step_to_mm4());
	ck_assert(!TAILQ_EMPTY(&c2->c_ike_owed));
	fx_run(&pair[R2], "clear crypto isakmp");
	ck_assert(TAILQ_EMPTY(&c2->c_ike_owed));
	finish(R1);

	/* With a debug on, derived at once. */
	fx_run(&pair[R1], "clear crypto sa");
	fx_run(&pair[R1], "clear crypto isakmp");
	pair_run_for(1);
	fx_run(&pair[R2], "debug crypto ipsec");
	fx_run(&pair[R1], "ping 2.2.2.2 source loopback0");
	ck_assert(step_to_mm4());
	ck_assert(TAILQ_EMPTY(&c2->c_ike_owed));
	ck_assert_ptr_null(((struct ike_p1 *)r2_isakmp()->is_engine)->p_dh);
	finish(R1);
}
END_TEST

/* Whether any of R's IPsec SAs keeps a copy of its keys. */
static bool
sa_keys_kept(int r)
{
	static const uint8_t		 zero[sizeof(((struct ipsec_sa *)0)->ps_keys)];
	const struct crypto		*c = pair[r].fx_rt.r_sys.sy_crypto;
	const struct ipsec_flow		*fl;
	const struct ipsec_sa		*ps;
	int				 n = 0;

	TAILQ_FOREACH(fl, &c->c_sadb.db_flows, fl_entry) {
		TAILQ_FOREACH(ps, &fl->fl_in, ps_entry)
			n += ps->ps_ws_enc != NULL ||
			    memcmp(ps->ps_keys, zero, sizeof(zero)) != 0;
		TAILQ_FOREACH(ps, &fl->fl_out, ps_entry)
			n += ps->ps_ws_enc != NULL ||
			    memcmp(ps->ps_keys, zero, sizeof(zero)) != 0;
	}
	return n > 0;
}

static char *
slurp(const char *path)
{
	static char	buf[4096];
	FILE		*fp;
	size_t		 n;

	ck_assert_ptr_nonnull(fp = fopen(path, "r"));
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

/*
 * `test crypto wireshark-keys` is an internal command (issue 19): without
 * `service internal` it does not exist (IOS's caret under its word, no
 * file written) and SAs keep no second copy of their keys; SAs made under
 * `service internal` do, and the files are created anew, mode 0600: a
 * symbolic link planted under a file's name is replaced, not followed,
 * and a directory that is a symbolic link is refused.
 */
START_TEST(test_wireshark_keys_internal)
{
	char		 dir[] = "/tmp/check_ike_ws.XXXXXX", out_dir[64];
	char		 cmd[128], path[256], victim[128], link_dir[64];
	const char	*out;
	struct stat	 st;
	FILE		*fp;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(out_dir, sizeof(out_dir), "%s/ws", dir);
	snprintf(cmd, sizeof(cmd), "test crypto wireshark-keys %s", out_dir);
	/* Neither listed by `?` nor run. */
	ck_assert_ptr_null(strstr(fx_run(&pair[R1], "test crypto ?"),
	    "wireshark-keys"));
	out = fx_run(&pair[R1], cmd);
	ck_assert_uint_eq(strspn(out, " "), strlen(fx_prompt(&pair[R1])) +
	    strlen("test crypto "));
	ck_assert_str_eq(out + strspn(out, " "),
	    "^\n% Invalid input detected at '^' marker.\n\n");
	ck_assert_int_eq(stat(out_dir, &st), -1);

	pair_crypto_cfg(R1, "3des", "cisco", "permit ip host 1.1.1.1 host 2.2.2.2");
	pair_crypto_cfg(R2, "3des", "cisco", "permit ip host 2.2.2.2 host 1.1.1.1");
	out = pair_run_wait(R1, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, ".!!!!") != NULL, "%s", out);
	ck_assert(!sa_keys_kept(R1));
	ck_assert(!sa_keys_kept(R2));
	pair_config(R1, "service internal");
	ck_assert_ptr_nonnull(strstr(fx_run(&pair[R1], "show running-config"),
	    "\nno service password-encryption\nservice internal\n"));
	snprintf(path, sizeof(path), "Wrote 1 ISAKMP and 0 ESP keys to %s\n"
	    "2 ESP SAs made before service internal kept no keys\n", out_dir);
	ck_assert_str_eq(fx_run(&pair[R1], cmd), path);

	/* New SAs under service internal keep their keys. */
	fx_run(&pair[R1], "clear crypto sa");
	pair_run_for(1);
	out = pair_run_wait(R1, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, "!!!!") != NULL, "%s", out);
	ck_assert(sa_keys_kept(R1));
	ck_assert(!sa_keys_kept(R2));
	snprintf(victim, sizeof(victim), "%s/victim", dir);
	ck_assert_ptr_nonnull(fp = fopen(victim, "w"));
	fputs("keep\n", fp);
	fclose(fp);
	snprintf(path, sizeof(path), "%s/esp_sa", out_dir);
	ck_assert_int_eq(unlink(path), 0);
	ck_assert_int_eq(symlink(victim, path), 0);
	snprintf(path, sizeof(path), "Wrote 1 ISAKMP and 2 ESP keys to %s\n",
	    out_dir);
	ck_assert_str_eq(fx_run(&pair[R1], cmd), path);
	ck_assert_str_eq(slurp(victim), "keep\n");
	snprintf(path, sizeof(path), "%s/esp_sa", out_dir);
	ck_assert_int_eq(lstat(path, &st), 0);
	ck_assert(S_ISREG(st.st_mode));
	ck_assert_uint_eq(st.st_mode & 07777, 0600);
	ck_assert_ptr_nonnull(strstr(slurp(path),
	    "\"IPv4\",\"12.1.1.1\",\"12.1.1.2\",\"0x"));
	snprintf(path, sizeof(path), "%s/ikev1_decryption_table", out_dir);
	ck_assert_int_eq(lstat(path, &st), 0);
	ck_assert_uint_eq(st.st_mode & 07777, 0600);

	/* A directory that is a symbolic link is refused (O_NOFOLLOW with
	 * O_DIRECTORY: ENOTDIR on Linux). */
	snprintf(link_dir, sizeof(link_dir), "%s/ln", dir);
	ck_assert_int_eq(symlink(out_dir, link_dir), 0);
	snprintf(cmd, sizeof(cmd), "test crypto wireshark-keys %s", link_dir);
	snprintf(path, sizeof(path), "%% %s: Not a directory\n", link_dir);
	ck_assert_str_eq(fx_run(&pair[R1], cmd), path);

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* How many times the eight hex digits of ADDR appear in TEXT. */
static int
addr_count(const char *text, unsigned addr)
{
	char		 hex[9];
	const char	*p;
	int		 n = 0;

	snprintf(hex, sizeof(hex), "%08X", addr);
	for (p = text; (p = strstr(p, hex)) != NULL; p++)
		n++;
	return n;
}

/*
 * No heap address in the debug lines (issue 19): where IOS prints its
 * structures' addresses, both ends print identifiers made from the SA's
 * conn-id (1001: 0x6400FA40 for the peer struct), never where our state
 * lives.
 */
START_TEST(test_debug_no_addresses)
{
	const struct crypto	*c;
	const struct isakmp_sa	*is;
	const char		*out;
	char			 r2out[65536];
	int			 r;

	pair_crypto_cfg(R1, "3des", "cisco", "permit ip host 1.1.1.1 host 2.2.2.2");
	pair_crypto_cfg(R2, "3des", "cisco", "permit ip host 2.2.2.2 host 1.1.1.1");
	for (r = 0; r < PAIR_NR; r++)
		fx_run(&pair[r], "debug crypto isakmp");
	pair[R2].fx_out.sb_len = 0;
	out = pair_run_wait(R1, "ping 2.2.2.2 source loopback0");
	snprintf(r2out, sizeof(r2out), "%s", pair[R2].fx_out.sb_buf);
	ck_assert_msg(strstr(out, " New peer created peer = 0x6400FA40 "
	    "peer_handle = 0x800003E9\n") != NULL, "%s", out);
	ck_assert(strstr(out, " Locking peer struct 0x6400FA40, refcount 1 "
	    "for isakmp_initiator\n") != NULL);
	ck_assert(strstr(out, "/12.1.1.2/500/,  and inserted successfully "
	    "6400FA40.\n") != NULL);
	ck_assert_msg(strstr(r2out, " Locking peer struct 0x6400FA40, "
	    "refcount 1 for crypto_isakmp_process_block\n") != NULL, "%s",
	    r2out);
	for (r = 0; r < PAIR_NR; r++) {
		c = pair[r].fx_rt.r_sys.sy_crypto;
		ck_assert_ptr_nonnull(is = TAILQ_FIRST(&c->c_sadb.db_isakmp));
		ck_assert_ptr_nonnull(is->is_engine);
		ck_assert_int_eq(addr_count(r == R1 ? out : r2out,
		    (unsigned)(uintptr_t)is->is_engine), 0);
		ck_assert_int_eq(addr_count(r == R1 ? out : r2out,
		    (unsigned)(uintptr_t)is), 0);
	}
}
END_TEST

/*
 * Type 6 keys end to end (issue 19): R1 stores its key encrypted; R2,
 * given the same master key, is configured with R1's type 6 line as
 * saved, and the tunnel comes up: the key IKE uses is the decrypted one
 * (the cipher text as a key would fail MM5).
 */
START_TEST(test_type6_tunnel)
{
	char		 key[160];
	const char	*out, *p;

	pair_config(R1, "key config-key password-encrypt testkey123\n"
	    "password encryption aes");
	pair_crypto_cfg(R1, "3des", "cisco", "permit ip host 1.1.1.1 host 2.2.2.2");
	out = fx_run(&pair[R1], "show running-config");
	ck_assert_ptr_null(strstr(out, "crypto isakmp key cisco "));
	ck_assert_ptr_nonnull(p = strstr(out, "crypto isakmp key 6 "));
	p += strlen("crypto isakmp key ");
	snprintf(key, sizeof(key), "%.*s", (int)(strchr(p + 2, ' ') - p), p);
	pair_config(R2, "key config-key password-encrypt testkey123");
	pair_crypto_cfg(R2, "3des", key, "permit ip host 2.2.2.2 host 1.1.1.1");
	out = pair_run_wait(R1, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, ".!!!!") != NULL, "%s", out);
}
END_TEST

/*
 * R1's output of CMD, written to NTC_OUT/FILE when NTC_OUT is set, and
 * its first line checked.
 */
static void
ntc_dump(const char *cmd, const char *file, const char *first)
{
	const char	*dir = getenv("NTC_OUT"), *out = fx_run(&pair[0], cmd);
	char		 path[4096];
	FILE		*fp;

	ck_assert_msg(strncmp(out, first, strlen(first)) == 0, "%s", out);
	if (dir == NULL)
		return;
	snprintf(path, sizeof(path), "%s/%s", dir, file);
	ck_assert_ptr_nonnull(fp = fopen(path, "w"));
	fputs(out, fp);
	ck_assert_int_eq(fclose(fp), 0);
}

/*
 * The lab's tunnel up, R1's detail shows for tests/netmiko.sh, which
 * parses them with ntc-templates as Netmiko does (CK_RUN_CASE=ntc): the
 * session in 15.1's layout, the SAs in IOS XE's too (version 16.9: the
 * layout of the template's samples — plaintext mtu, replay window size,
 * ACTIVE(ACTIVE), the tagged counters, no #send errors line).
 */
START_TEST(test_ntc_outputs)
{
	const char	*out;
	char		*all;

	pair_crypto_cfg(0, "3des", "cisco", "permit ip host 1.1.1.1 host 2.2.2.2");
	pair_crypto_cfg(1, "3des", "cisco", "permit ip host 2.2.2.2 host 1.1.1.1");
	out = pair_run_wait(0, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, "\n.!!!!\n") != NULL, "%s", out);
	ntc_dump("show crypto session detail", "session_detail.txt",
	    "Crypto session current status\n");
	ntc_dump("show crypto ipsec sa detail", "ipsec_sa_detail.txt",
	    "\ninterface: Serial1/2\n");
	/* `remote ADDR`: that peer's session, or none. */
	all = strdup(fx_run(&pair[0], "show crypto session detail"));
	ck_assert_str_eq(fx_run(&pair[0], "show crypto session remote "
	    "12.1.1.2 detail"), all);
	free(all);
	all = strdup(fx_run(&pair[0], "show crypto session"));
	ck_assert_ptr_nonnull(strstr(all, "Peer: 12.1.1.2 port 500 "));
	ck_assert_str_eq(fx_run(&pair[0], "show crypto session remote "
	    "12.1.1.2"), all);
	free(all);
	ck_assert_str_eq(fx_run(&pair[0], "show crypto session remote "
	    "12.1.1.9"), "Crypto session current status\n\n");
	/* brief: one row, the interface's short name, up since phase 1. */
	ck_assert_str_eq(fx_run(&pair[0], "show crypto session brief"),
	    "Status: A- Active, U - Up, D - Down, I - Idle, S - Standby, "
	    "N - Negotiating \n        K - No IKE\nivrf = (none)\n"
	    "Peer            I/F          Username        Group/Phase1_id"
	    "          Uptime   Status\n"
	    "12.1.1.2        Se1/2                        12.1.1.2       "
	    "          00:00:02 UA\n");
	fx_config(&pair[0], "version 16.9");
	ntc_dump("show crypto ipsec sa detail", "ipsec_sa_detail_16.txt",
	    "\ninterface: Serial1/2\n");
	out = fx_run(&pair[0], "show crypto ipsec sa detail");
	ck_assert_msg(strstr(out, "     plaintext mtu 1446, path mtu 1500, "
	    "ip mtu 1500, ip mtu idb Serial1/2\n") != NULL &&
	    strstr(out, "        replay detection support: Y  replay window "
	    "size: 64\n        Status: ACTIVE(ACTIVE)\n") != NULL &&
	    strstr(out, "#send errors") == NULL, "%s", out);
	/* Not in the detail of 15.x: the summary line is there. */
	fx_config(&pair[0], "version 15.1");
	ck_assert_ptr_nonnull(strstr(fx_run(&pair[0],
	    "show crypto ipsec sa detail"), "    #send errors 1, "
	    "#recv errors 0\n\n     local crypto endpt.: 12.1.1.1, remote "
	    "crypto endpt.: 12.1.1.2\n     path mtu 1500, ip mtu 1500, "));
}
END_TEST

static Suite *
ike_suite(void)
{
	Suite	*s = suite_create("ike");
	TCase	*tc = tcase_create("lab13-1");

	tcase_add_checked_fixture(tc, setup, pair_close);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_lab_13_1);
	tcase_add_test(tc, test_wrong_psk);
	tcase_add_test(tc, test_policy_mismatch);
	tcase_add_test(tc, test_rsa_sig_no_cert);
	tcase_add_test(tc, test_proxy_mismatch);
	tcase_add_test(tc, test_loss);
	tcase_add_test(tc, test_duplicates);
	tcase_add_test(tc, test_transform_changed);
	tcase_add_test(tc, test_strong_suite);
	tcase_add_test(tc, test_dpd);
	tcase_add_test(tc, test_lifetime);
	tcase_add_test(tc, test_version_12);
	tcase_add_test(tc, test_no_natt);
	tcase_add_test(tc, test_responder_keys_owed);
	suite_add_tcase(s, tc);
	tc = tcase_create("ntc");
	tcase_add_checked_fixture(tc, setup, pair_close);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_ntc_outputs);
	suite_add_tcase(s, tc);
	/* Rekeys under steady traffic: long in frozen time. */
	tc = tcase_create("rekey");
	tcase_add_checked_fixture(tc, setup, pair_close);
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, test_rekey_kilobytes);
	tcase_add_test(tc, test_rekey_seconds);
	suite_add_tcase(s, tc);
	/* Issue 19: secrets and addresses kept from vty users. */
	tc = tcase_create("wskeys");
	tcase_add_checked_fixture(tc, setup, pair_close);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_wireshark_keys_internal);
	tcase_add_test(tc, test_debug_no_addresses);
	tcase_add_test(tc, test_type6_tunnel);
	suite_add_tcase(s, tc);
	/* Alone in its case, so tests/ike_seed.sh can run just it. */
	tc = tcase_create("seed001");
	tcase_add_checked_fixture(tc, setup, pair_close);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_lab_13_1_debug);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(ike_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
