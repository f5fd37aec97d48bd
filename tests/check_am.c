/*
 * Aggressive Mode (crypto/ike_am.c) between two iosh routers in one
 * process (tests/pair.c: seed 001's pair, frozen clock).  R1's crypto map
 * entry takes the isakmp profile AM, which says `initiate mode
 * aggressive`; R2 answers in Aggressive Mode with its usual config.
 * Covered: the tunnel up from the first ping (.!!!!), both `show crypto
 * isakmp sa` rows, the responder's debug lines in seed 002's wording
 * (IKE_R_AM_AAA_AWAIT, IKE_R_AM2), a wrong key (R1 cannot verify HASH_R,
 * R2 gives up retransmitting AM2; no SA left) and an offer from a peer
 * R2 has no key for (refused at once, no SA), and `crypto isakmp
 * aggressive-mode disable` on either side (IOS's syslog line, the offer
 * dropped and counted with no SA made; the initiator falls back to Main
 * Mode), and a transaction message that fails to decode under the SA
 * (dropped, logged, counted; the SA stays).  Issue 15's profile lines
 * between the two: self-identity (fqdn, user-fqdn) against match
 * identity host / host domain / user, in Aggressive and Main Mode; the
 * profile's keepalive (DPD, Cap. D); local-address of keyrings and
 * profiles.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/crypto_int.h"
#include "crypto/ike_int.h"
#include "crypto/ike_keys.h"
#include "crypto/ike_prf.h"
#include "crypto/isakmp_build.h"
#include "crypto/isakmp_wire.h"
#include "lib/bytes.h"
#include "tests/pair.h"

static const char AM_PROFILE[] =
    "crypto isakmp profile AM\n"
    " match identity address 12.1.1.2 255.255.255.255\n"
    " initiate mode aggressive\n"
    "crypto map TST 10 ipsec-isakmp\n set isakmp-profile AM\n";

static const char NO_ROWS[] =
    "\nIPv4 Crypto ISAKMP SA\n"
    "dst             src             state          conn-id status\n"
    "\nIPv6 Crypto ISAKMP SA\n\n";

static void
setup(void)
{
	pair_open(NULL);
}

static void
am_pair(const char *key1, const char *key2)
{
	pair_crypto_cfg(R1, "3des", key1, "permit ip host 1.1.1.1 host 2.2.2.2");
	pair_config(R1, AM_PROFILE);
	pair_crypto_cfg(R2, "3des", key2, "permit ip host 2.2.2.2 host 1.1.1.1");
}

/* R2's lines as the responder, seed 002's hub transcript where it has
 * them (there with the 12.x prefix "ISAKMP (0:2): "); the ID block for
 * an address, and the rest of the engine's lines, as Main Mode has
 * them. */
static const char *const responder_lines[] = {
	"ISAKMP (0): received packet from 12.1.1.1 dport 500 sport 500 "
	    "Global (N) NEW SA",
	"ISAKMP:(0): processing SA payload. message ID = 0",
	"ISAKMP:(0): processing ID payload. message ID = 0",
	"ISAKMP (0): ID payload",
	"        next-payload : 13",
	"        type         : 1",
	"        address      : 12.1.1.1",
	"ISAKMP: Created a peer struct for 12.1.1.1, peer port 500",
	"ISAKMP:(0): processing vendor id payload",
	"ISAKMP:(0):Checking ISAKMP transform 1 against priority 10 policy",
	"ISAKMP:(0):atts are acceptable. Next payload is 0",
	"ISAKMP:(0): processing KE payload. message ID = 0",
	"ISAKMP:(0): processing NONCE payload. message ID = 0",
	"ISAKMP:(0):Input = IKE_MESG_FROM_PEER, IKE_AM_EXCH",
	"ISAKMP:(0):Old State = IKE_READY  New State = IKE_R_AM_AAA_AWAIT",
	"ISAKMP:(1001):SKEYID state generated",
	"ISAKMP:(1001): constructed NAT-T vendor-rfc3947 ID",
	"ISAKMP:(1001):SA is doing pre-shared key authentication using id "
	    "type ID_IPV4_ADDR",
	"ISAKMP (1001): ID payload",
	"        next-payload : 10",
	"        type         : 1",
	"        address      : 12.1.1.2",
	"        protocol     : 17",
	"        port         : 500",
	"        length       : 12",
	"ISAKMP:(1001):Total payload length: 12",
	"ISAKMP:(1001): sending packet to 12.1.1.1 my_port 500 peer_port 500 "
	    "(R) AG_INIT_EXCH",
	"ISAKMP:(1001):Input = IKE_MESG_FROM_AAA, PRESHARED_KEY_REPLY",
	"ISAKMP:(1001):Old State = IKE_R_AM_AAA_AWAIT  New State = IKE_R_AM2",
	"ISAKMP (1001): received packet from 12.1.1.1 dport 500 sport 500 "
	    "Global (R) AG_INIT_EXCH",
	"ISAKMP:(1001): processing HASH payload. message ID = 0",
	"ISAKMP:(1001): processing NOTIFY INITIAL_CONTACT protocol 1",
	"ISAKMP:(1001):SA authentication status:",
	"        authenticated",
	"ISAKMP:(1001):Process initial contact,",
	"ISAKMP:(1001):SA has been authenticated with 12.1.1.1",
	"ISAKMP:(1001):Input = IKE_MESG_FROM_PEER, IKE_AM_EXCH",
	"ISAKMP:(1001):Old State = IKE_R_AM2  New State = IKE_P1_COMPLETE",
	/* Quick Mode over the Aggressive Mode SA, unchanged. */
	"ISAKMP:(1001):Old State = IKE_QM_READY  New State = "
	    "IKE_QM_SPI_STARVE",
	NULL
};

static const char *const initiator_lines[] = {
	"ISAKMP:(0): SA request profile is AM",
	"ISAKMP:(0):found peer pre-shared key matching 12.1.1.2",
	"ISAKMP:(0):Input = IKE_MESG_FROM_IPSEC, IKE_SA_REQ_AM",
	"ISAKMP:(0):Old State = IKE_READY  New State = IKE_I_AM1",
	"ISAKMP:(0): beginning Aggressive Mode exchange",
	"ISAKMP:(0): sending packet to 12.1.1.2 my_port 500 peer_port 500 "
	    "(I) AG_NO_STATE",
	"ISAKMP (0): received packet from 12.1.1.2 dport 500 sport 500 "
	    "Global (I) AG_NO_STATE",
	"ISAKMP:(1001):SA has been authenticated with 12.1.1.2",
	"ISAKMP:(1001): sending packet to 12.1.1.2 my_port 500 peer_port 500 "
	    "(I) AG_INIT_EXCH",
	"ISAKMP:(1001):Input = IKE_MESG_FROM_PEER, IKE_AM_EXCH",
	"ISAKMP:(1001):Old State = IKE_I_AM1  New State = IKE_P1_COMPLETE",
	"ISAKMP:(1001):Old State = IKE_QM_I_QM1  New State = "
	    "IKE_QM_PHASE2_COMPLETE",
	NULL
};

static const char UP_ROW[] =
    "\nIPv4 Crypto ISAKMP SA\n"
    "dst             src             state          conn-id status\n"
    "12.1.1.2        12.1.1.1        QM_IDLE           1001 ACTIVE\n"
    "\nIPv6 Crypto ISAKMP SA\n\n";

START_TEST(test_am_up)
{
	const char	*out, *miss;
	int		 n, a, b, c, end = 0;

	am_pair("cisco", "cisco");
	fx_run(&pair[R1], "debug crypto isakmp");
	fx_run(&pair[R2], "debug crypto isakmp");
	out = pair_run_wait(R1, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, "\n.!!!!\nSuccess rate is 80 percent (4/5)")
	    != NULL, "%s", out);
	miss = pair_lines_in_order(R2, responder_lines);
	ck_assert_msg(miss == NULL, "R2 lacks \"%s\" in order:\n%s", miss,
	    pair[R2].fx_out.sb_buf);
	miss = pair_lines_in_order(R1, initiator_lines);
	ck_assert_msg(miss == NULL, "R1 lacks \"%s\" in order:\n%s", miss,
	    pair[R1].fx_out.sb_buf);
	/* Aggressive Mode, not Main Mode, on either side. */
	ck_assert(!pair_has(R1, "IKE_MM_EXCH") && !pair_has(R2, "IKE_MM_EXCH"));
	ck_assert(!pair_has(R1, "Main Mode") && !pair_has(R2, "IKE_R_MM1"));
	fx_run(&pair[R1], "undebug all");
	fx_run(&pair[R2], "undebug all");
	ck_assert_str_eq(fx_run(&pair[R1], "show crypto isakmp sa"), UP_ROW);
	ck_assert_str_eq(fx_run(&pair[R2], "show crypto isakmp sa"), UP_ROW);
	/* Up: every echo passes; both sides counted them. */
	out = pair_run_wait(R1, "ping 2.2.2.2 source loopback0 repeat 10");
	ck_assert_msg(sscanf(strstr(out, "!!!!!!!!!!\n"), "!!!!!!!!!!\n"
	    "Success rate is %d percent (10/10), round-trip min/avg/max = "
	    "%d/%d/%d ms\n%n", &n, &a, &b, &c, &end) == 4 && n == 100,
	    "%s", out);
	out = fx_run(&pair[R2], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "#pkts encaps: 14, #pkts encrypt: 14") !=
	    NULL && strstr(out, "#pkts decaps: 14, #pkts decrypt: 14") != NULL,
	    "%s", out);
}
END_TEST

/*
 * Different keys: R1 cannot verify R2's HASH_R in AM2 and gives up at
 * once; R2, which never gets AM3, retransmits AM2 five times and deletes
 * its SA.  No ISAKMP SA is left on either side.
 */
START_TEST(test_am_wrong_key)
{
	const char	*out;

	am_pair("cisco", "wrong");
	fx_run(&pair[R1], "debug crypto isakmp");
	/* One echo: one negotiation (each echo would start another). */
	out = pair_run_wait(R1, "ping 2.2.2.2 source loopback0 repeat 1");
	/* (The dots come between R1's debug lines.) */
	ck_assert(strstr(out, "Success rate is 0 percent (0/1)\n") != NULL);
	ck_assert(pair_has(R1, "ISAKMP:(1001):SA authentication status:\n"));
	ck_assert(pair_has(R1, "        not authenticated\n"));
	ck_assert(pair_has(R1, "%CRYPTO-6-IKMP_MODE_FAILURE: Processing of "
	    "Aggressive mode failed with peer at 12.1.1.2\n"));
	ck_assert(pair_has(R1, "ISAKMP:(1001):deleting SA reason \"Authentication "
	    "failed\" state (I) AG_NO_STATE (peer 12.1.1.2)\n"));
	ck_assert_str_eq(fx_run(&pair[R1], "show crypto isakmp sa"), NO_ROWS);
	/* R2 in AG_INIT_EXCH until its retransmissions run out. */
	ck_assert_str_eq(fx_run(&pair[R2], "show crypto isakmp sa"),
	    "\nIPv4 Crypto ISAKMP SA\n"
	    "dst             src             state          conn-id status\n"
	    "12.1.1.2        12.1.1.1        AG_INIT_EXCH      1001 ACTIVE\n"
	    "\nIPv6 Crypto ISAKMP SA\n\n");
	pair_run_for(70);
	ck_assert_str_eq(fx_run(&pair[R2], "show crypto isakmp sa"), NO_ROWS);
	ck_assert_str_eq(fx_run(&pair[R1], "show crypto isakmp sa"), NO_ROWS);
	ck_assert(strstr(fx_run(&pair[R2], "show crypto ipsec sa"),
	    "\n      spi: 0x") == NULL);
}
END_TEST

/*
 * R2 has no key for R1's address: the Aggressive Mode offer is refused
 * as IOS refuses it (no key, no acceptable offer, NO_PROPOSAL_CHOSEN)
 * and R2 keeps nothing.
 */
START_TEST(test_am_no_key)
{
	const char	*out;

	pair_crypto_cfg(R1, "3des", "cisco", "permit ip host 1.1.1.1 host 2.2.2.2");
	pair_config(R1, AM_PROFILE);
	pair_config(R2, "crypto isakmp policy 10\n hash md5\n"
	    " authentication pre-share\n group 2\n encryption 3des\n"
	    "crypto isakmp key cisco address 12.1.1.9\n");
	fx_run(&pair[R2], "debug crypto isakmp");
	out = pair_run_wait(R1, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, "Success rate is 0 percent (0/5)") != NULL,
	    "%s", out);
	ck_assert(pair_has(R2, "ISAKMP:(0):No pre-shared key with 12.1.1.1!\n"));
	ck_assert(pair_has(R2, "ISAKMP:(0):no offers accepted!\n"));
	ck_assert(pair_has(R2, "ISAKMP:(0): phase 1 SA policy not acceptable! "
	    "(local 12.1.1.2 remote 12.1.1.1)\n"));
	ck_assert(pair_has(R2, "%CRYPTO-6-IKMP_MODE_FAILURE: Processing of "
	    "Aggressive mode failed with peer at 12.1.1.1\n"));
	ck_assert(!pair_has(R2, "IKE_R_AM_AAA_AWAIT"));
	ck_assert_str_eq(fx_run(&pair[R2], "show crypto isakmp sa"), NO_ROWS);
	pair_run_for(70);
	ck_assert_str_eq(fx_run(&pair[R1], "show crypto isakmp sa"), NO_ROWS);
	ck_assert_str_eq(fx_run(&pair[R2], "show crypto isakmp sa"), NO_ROWS);
}
END_TEST

static const char AM_DISABLED[] = "%CRYPTO-5-IKMP_AG_MODE_DISABLED: Unable "
    "to initiate or respond to Aggressive Mode while disabled\n";

/*
 * R2 (the hub) says `crypto isakmp aggressive-mode disable`: R1's AM1 is
 * refused with IOS's line each time it comes (the first and the
 * retransmissions), counted as dropped, and R2 makes no SA at all; R1
 * dies by retransmission and keeps nothing.  The command is in R2's
 * running config and goes with `no`.
 */
START_TEST(test_am_disabled_responder)
{
	struct crypto	*c2 = pair[R2].fx_rt.r_sys.sy_crypto;
	const char	*out, *p;
	unsigned long	 bad0 = c2->c_ike_bad;
	int		 n = 0;

	am_pair("cisco", "cisco");
	pair_config(R2, "crypto isakmp aggressive-mode disable\n");
	ck_assert(strstr(fx_run(&pair[R2], "show running-config"),
	    "\ncrypto isakmp aggressive-mode disable\n") != NULL);
	fx_run(&pair[R2], "debug crypto isakmp");
	out = pair_run_wait(R1, "ping 2.2.2.2 source loopback0 repeat 1");
	ck_assert_msg(strstr(out, "Success rate is 0 percent (0/1)\n") != NULL,
	    "%s", out);
	ck_assert(pair_has(R2, AM_DISABLED));
	ck_assert(!pair_has(R2, "IKE_R_AM_AAA_AWAIT"));
	ck_assert(!pair_has(R2, "insert sa successfully"));
	pair_run_for(70);
	/* AM1 and its 5 retransmissions: six refusals, six drops. */
	for (p = pair[R2].fx_out.sb_buf; (p = strstr(p, AM_DISABLED)) != NULL;
	    p++)
		n++;
	ck_assert_int_eq(n, 6);
	ck_assert_uint_eq(c2->c_ike_bad - bad0, 6);
	ck_assert_str_eq(fx_run(&pair[R1], "show crypto isakmp sa"), NO_ROWS);
	ck_assert_str_eq(fx_run(&pair[R2], "show crypto isakmp sa"), NO_ROWS);
	ck_assert(strstr(fx_run(&pair[R2], "show crypto ipsec sa"),
	    "\n      spi: 0x") == NULL);
	/* `no` lets Aggressive Mode in again. */
	pair_config(R2, "no crypto isakmp aggressive-mode disable\n");
	ck_assert(strstr(fx_run(&pair[R2], "show running-config"),
	    "aggressive-mode disable") == NULL);
	out = pair_run_wait(R1, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, "Success rate is 80 percent (4/5)") != NULL,
	    "%s", out);
	ck_assert(pair_has(R2, "New State = IKE_R_AM2"));
}
END_TEST

/*
 * R1 (whose profile says `initiate mode aggressive`) has Aggressive Mode
 * disabled: it logs IOS's line and begins Main Mode instead, which R2
 * answers; the tunnel comes up.
 */
START_TEST(test_am_disabled_initiator)
{
	const char	*out;

	am_pair("cisco", "cisco");
	pair_config(R1, "crypto isakmp aggressive-mode disable\n");
	fx_run(&pair[R1], "debug crypto isakmp");
	out = pair_run_wait(R1, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, "Success rate is 80 percent (4/5)") != NULL,
	    "%s", out);
	ck_assert(pair_has(R1, AM_DISABLED));
	ck_assert(pair_has(R1, "ISAKMP:(0):Can not start Aggressive mode, "
	    "trying Main mode.\n"));
	ck_assert(pair_has(R1, "Old State = IKE_READY  New State = IKE_I_MM1"));
	ck_assert(!pair_has(R1, "beginning Aggressive Mode exchange"));
}
END_TEST

/*
 * A transaction exchange message (XAUTH, mode-config) that fails to
 * decode under a live ISAKMP SA is dropped, logged and counted with the
 * other malformed ISAKMP: R1 sends R2, over their Aggressive Mode SA,
 * (a) a body that decrypts to no payloads and (b) a SET rightly
 * encrypted and hashed whose XAUTH_STATUS is a 9-byte string.  The SA
 * stays up.
 */
#define BAD_MSG "%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from 12.1.1.1 " \
	"failed its sanity check or is malformed"

static void
xact_send(struct ike_p1 *p, uint32_t msgid, bool junk)
{
	struct isakmp_build	b;
	struct isakmp_hdr	h;
	uint8_t			msg[512], mid[4], iv[16], hv[IKE_PRF_MAX];
	uint8_t			zero[IKE_PRF_MAX] = { 0 };
	size_t			hoff, len, hl = ike_hash_len(p->p_hash);

	ike_p1_hdr(p, &h, ISAKMP_XCHG_TRANSACTION);
	h.ih_msgid = msgid;
	put32(mid, msgid);
	isakmp_build_init(&b, msg, sizeof(msg), &h);
	hoff = isakmp_build_payload(&b, ISAKMP_PL_HASH, zero, hl);
	isakmp_build_cfg_begin(&b, ISAKMP_CFG_SET, 0);
	isakmp_build_attr_tlv(&b, XAUTH_STATUS, (const uint8_t *)"123456789",
	    9);
	isakmp_build_end(&b);
	ck_assert_int_eq(isakmp_build_finish(&b, &len), ISAKMP_OK);
	ck_assert_int_eq(ike_qm_hash1(&p->p_keys, mid, msg + hoff + hl,
	    len - (hoff + hl), hv), 0);
	memcpy(msg + hoff, hv, hl);
	ck_assert_int_eq(ike_iv_phase2(p->p_hash, p->p_iv, p->p_block, mid,
	    iv), 0);
	if (junk) {
		/* Four cipher blocks that are no payloads once decrypted. */
		len = ISAKMP_HDR_LEN + 32;
		memset(msg + ISAKMP_HDR_LEN, 0xA5, 32);
		msg[19] = 0x01;		/* the encryption flag */
		put32(msg + 24, (uint32_t)len);
	} else
		ck_assert_uint_ne(len = ike_encrypt_msg(p, msg, len,
		    sizeof(msg), iv), 0);
	ck_assert_int_eq(dp_udp_send(fx_dp(&pair[R1]), 0, 500,
	    0x0C010102, 500, msg, len), 0);
	pair_drain();
}

START_TEST(test_am_bad_transaction)
{
	struct crypto		*c1 = pair[R1].fx_rt.r_sys.sy_crypto;
	struct crypto		*c2 = pair[R2].fx_rt.r_sys.sy_crypto;
	struct isakmp_sa	*is;
	const char		*out, *q;
	uint64_t		 bad0;
	int			 n = 0;

	am_pair("cisco", "cisco");
	out = pair_run_wait(R1, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, "Success rate is 80 percent (4/5)") != NULL,
	    "%s", out);
	ck_assert_ptr_nonnull(is = TAILQ_FIRST(&c1->c_sadb.db_isakmp));
	ck_assert_ptr_nonnull(is->is_engine);
	pair_drain();
	strbuf_reset(&pair[R2].fx_out);
	bad0 = c2->c_ike_bad;
	xact_send(is->is_engine, 0x11223344, true);
	ck_assert_uint_eq(c2->c_ike_bad - bad0, 1);
	xact_send(is->is_engine, 0x55667788, false);
	ck_assert_uint_eq(c2->c_ike_bad - bad0, 2);
	for (q = pair[R2].fx_out.sb_buf; (q = strstr(q, BAD_MSG)) != NULL; q++)
		n++;
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(fx_run(&pair[R2], "show crypto isakmp sa"), UP_ROW);
	out = pair_run_wait(R1, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, "Success rate is 100 percent (5/5)") != NULL,
	    "%s", out);
}
END_TEST

/*
 * Issue 15: R1's profile says `self-identity user-fqdn` (or `fqdn`, its
 * hostname): its AM1 carries ID_USER_FQDN (ID_FQDN), and R2 picks the
 * profile whose `match identity user` (`host`, `host domain`) names it,
 * with IOS's "peer matches" line; the other profile, which names
 * another peer, is passed over.  The tunnel comes up through it.
 */
/* The ID block of R1's AM1 on R2 (8 bytes of header, the name). */
static const char *const user_id_lines[] = {
	"ISAKMP (0): ID payload",
	"        next-payload : 13",
	"        type         : 3",
	"        FQDN name    : vpn@r1.example.com",
	"        protocol     : 17",
	"        port         : 500",
	"        length       : 26",
	"ISAKMP:(0): peer matches USERS profile",
	"ISAKMP:(0):Old State = IKE_READY  New State = IKE_R_AM_AAA_AWAIT",
	NULL
};

static const char *const host_id_lines[] = {
	"        type         : 2",
	"        FQDN name    : spoke1",
	"        length       : 14",
	"ISAKMP:(0): peer matches HOSTS profile",
	NULL
};

static const char *const addr_id_lines[] = {
	"        type         : 1",
	"        address      : 12.1.1.1",
	"ISAKMP:(0):: peer matches *none* of the profiles",
	NULL
};

static void
name_pair(const char *self, const char *r2_profiles)
{
	char	cfg[256];

	am_pair("cisco", "cisco");
	snprintf(cfg, sizeof(cfg), "crypto isakmp profile AM\n%s", self);
	pair_config(R1, cfg);
	pair_config(R2, r2_profiles);
	fx_run(&pair[R2], "debug crypto isakmp");
}

START_TEST(test_am_self_user_fqdn)
{
	const char	*out;

	name_pair(" self-identity user-fqdn vpn@r1.example.com\n",
	    "crypto isakmp profile OTHER\n"
	    " match identity user ops@r1.example.com\n"
	    "crypto isakmp profile USERS\n"
	    " match identity user vpn@r1.example.com\n");
	out = pair_run_wait(R1, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, "Success rate is 80 percent (4/5)") != NULL,
	    "%s", out);
	ck_assert_ptr_null(pair_lines_in_order(R2, user_id_lines));
	ck_assert(pair_has(R2, "ISAKMP:(0): peer matches USERS profile\n"));
	ck_assert(!pair_has(R2, "peer matches OTHER profile"));
	ck_assert(!pair_has(R2, "*none* of the profiles"));
	ck_assert_str_eq(fx_run(&pair[R2], "show crypto isakmp sa"), UP_ROW);
}
END_TEST

START_TEST(test_am_self_fqdn_host)
{
	const char	*out;

	/* No `ip domain name`: the FQDN is the hostname. */
	pair_config(R1, "hostname spoke1\n");
	name_pair(" self-identity fqdn\n",
	    "crypto isakmp profile OTHER\n"
	    " match identity host spoke9\n"
	    "crypto isakmp profile HOSTS\n"
	    " match identity host spoke1\n");
	out = pair_run_wait(R1, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, "Success rate is 80 percent (4/5)") != NULL,
	    "%s", out);
	ck_assert_ptr_null(pair_lines_in_order(R2, host_id_lines));
	ck_assert(!pair_has(R2, "peer matches OTHER profile"));
}
END_TEST

START_TEST(test_am_host_domain)
{
	const struct isakmp_profile	*pr;

	pair_config(R2, "crypto isakmp profile DOM\n"
	    " match identity host domain example.com\n");
	pr = crypto_isakmp_profile_find(pair[R2].fx_rt.r_sys.sy_crypto, "DOM");
	ck_assert_ptr_nonnull(pr);
	ck_assert(profile_id_matches(pr, IPSEC_ID_FQDN, "r1.example.com"));
	ck_assert(profile_id_matches(pr, IPSEC_ID_FQDN, "R1.EXAMPLE.COM"));
	ck_assert(profile_id_matches(pr, IPSEC_ID_FQDN, "example.com"));
	ck_assert(!profile_id_matches(pr, IPSEC_ID_FQDN, "r1.xexample.com"));
	ck_assert(!profile_id_matches(pr, IPSEC_ID_FQDN, "example.com.evil"));
	ck_assert(!profile_id_matches(pr, IPSEC_ID_USER_FQDN,
	    "a@r1.example.com"));
	pair_config(R2, "crypto isakmp profile DOM\n"
	    " no match identity host domain example.com\n");
	ck_assert(!profile_id_matches(pr, IPSEC_ID_FQDN, "r1.example.com"));
}
END_TEST

/* Without self-identity R1 sends its address: no name profile matches. */
START_TEST(test_am_no_self_identity)
{
	const char	*out;

	name_pair("",
	    "crypto isakmp profile USERS\n"
	    " match identity user vpn@r1.example.com\n");
	out = pair_run_wait(R1, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, "Success rate is 80 percent (4/5)") != NULL,
	    "%s", out);
	ck_assert_ptr_null(pair_lines_in_order(R2, addr_id_lines));
	ck_assert(!pair_has(R2, "peer matches USERS profile"));
}
END_TEST

/*
 * `keepalive 10 retry 2` in R2's profile: DPD for R1 with no `crypto
 * isakmp keepalive` (Cap. D on R2's SA, not on R1's, whose profile has
 * none); when R1 goes silent R2 asks R_U_THERE after 10 s, then every
 * 2 s, and after five more unanswered deletes the SA.
 */
START_TEST(test_profile_keepalive)
{
	const char	*out;

	name_pair(" self-identity user-fqdn vpn@r1.example.com\n",
	    "crypto isakmp profile USERS\n"
	    " match identity user vpn@r1.example.com\n"
	    " keepalive 10 retry 2\n");
	out = pair_run_wait(R1, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, "Success rate is 80 percent (4/5)") != NULL,
	    "%s", out);
	/* D on R2's row (the profile's keepalive), none on R1's. */
	out = fx_run(&pair[R2], "show crypto isakmp sa detail");
	ck_assert_msg(strstr(out, "psk  2  23:59:58 D   \n") != NULL, "%s", out);
	out = fx_run(&pair[R1], "show crypto isakmp sa detail");
	ck_assert_msg(strstr(out, "psk  2  23:59:58     \n") != NULL, "%s", out);
	/* R1 goes silent (its crypto map leaves the link, so its SAs
	 * and its IKE go): R2's ESP out and nothing heard for 10 s,
	 * R_U_THERE, then every 2 s; the sixth unanswered kills it. */
	fx_run(&pair[R2], "debug crypto isakmp");
	strbuf_reset(&pair[R2].fx_out);
	pair_config(R1, "interface Serial1/2\n shutdown\n");
	out = pair_run_wait(R2, "ping 1.1.1.1 source loopback0 repeat 1");
	pair_run_for(30);
	ck_assert_msg(pair_has(R2, "DPD/R_U_THERE sent to peer 12.1.1.1, "
	    "sequence"), "%s", pair[R2].fx_out.sb_buf);
	ck_assert(pair_has(R2, "peer 12.1.1.1 not responding!"));
	ck_assert_str_eq(fx_run(&pair[R2], "show crypto isakmp sa"), NO_ROWS);
}
END_TEST

/*
 * Issue 15: a keyring with `local-address` serves only negotiations on
 * that local address.  R2's only key for R1 is in keyring K: with
 * local-address 12.1.1.99 (not R2's) R2 has no key and refuses R1's AM1;
 * with local-address Serial1/1 (12.1.1.2, where R1's AM1 arrives) the
 * key is found in K and the tunnel comes up.
 */
static void
keyring_pair(const char *local)
{
	char	cfg[256];

	am_pair("cisco", "cisco");
	snprintf(cfg, sizeof(cfg), "no crypto isakmp key cisco address "
	    "12.1.1.1\ncrypto keyring K\n local-address %s\n"
	    " pre-shared-key address 0.0.0.0 0.0.0.0 key cisco\n", local);
	pair_config(R2, cfg);
	fx_run(&pair[R2], "debug crypto isakmp");
}

START_TEST(test_keyring_local_address_other)
{
	const char	*out;

	keyring_pair("12.1.1.99");
	out = pair_run_wait(R1, "ping 2.2.2.2 source loopback0 repeat 1");
	ck_assert_msg(strstr(out, "Success rate is 0 percent (0/1)") != NULL,
	    "%s", out);
	ck_assert(pair_has(R2, "ISAKMP: Looking for a matching key for "
	    "12.1.1.1 in default\n"));
	ck_assert(!pair_has(R2, "in K"));
	ck_assert(pair_has(R2, "ISAKMP:(0):No pre-shared key with 12.1.1.1!\n"));
	ck_assert_str_eq(fx_run(&pair[R2], "show crypto isakmp sa"), NO_ROWS);
}
END_TEST

START_TEST(test_keyring_local_address_ours)
{
	const char	*out;

	keyring_pair("Serial1/1");
	out = pair_run_wait(R1, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, "Success rate is 80 percent (4/5)") != NULL,
	    "%s", out);
	ck_assert(pair_has(R2, "ISAKMP: Looking for a matching key for "
	    "12.1.1.1 in K : success\n"));
	ck_assert_str_eq(fx_run(&pair[R2], "show crypto isakmp sa"), UP_ROW);
}
END_TEST

/*
 * A profile with `local-address` is matched only on that local address:
 * R2's USERS profile (local-address 12.1.1.99) is passed over for R1's
 * ID_USER_FQDN, its twin on Serial1/1 is chosen.
 */
START_TEST(test_profile_local_address)
{
	const char	*out;

	name_pair(" self-identity user-fqdn vpn@r1.example.com\n",
	    "crypto isakmp profile USERS\n"
	    " match identity user vpn@r1.example.com\n"
	    " local-address 12.1.1.99\n"
	    "crypto isakmp profile HERE\n"
	    " match identity user vpn@r1.example.com\n"
	    " local-address Serial1/1\n");
	out = pair_run_wait(R1, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, "Success rate is 80 percent (4/5)") != NULL,
	    "%s", out);
	ck_assert(pair_has(R2, "ISAKMP:(0): peer matches HERE profile\n"));
	ck_assert(!pair_has(R2, "peer matches USERS profile"));
}
END_TEST

/*
 * Main Mode too: R1's crypto map profile (no `initiate mode aggressive`)
 * says `self-identity user-fqdn`, so its MM5 carries ID_USER_FQDN; R2
 * picks USERS by it ("peer matches USERS profile") and sends its own
 * address ID in MM6.
 */
START_TEST(test_mm_self_user_fqdn)
{
	const char	*out;

	pair_crypto_cfg(R1, "3des", "cisco", "permit ip host 1.1.1.1 host 2.2.2.2");
	pair_config(R1, "crypto isakmp profile MM\n"
	    " self-identity user-fqdn vpn@r1.example.com\n"
	    "crypto map TST 10 ipsec-isakmp\n set isakmp-profile MM\n");
	pair_crypto_cfg(R2, "3des", "cisco", "permit ip host 2.2.2.2 host 1.1.1.1");
	pair_config(R2, "crypto isakmp profile USERS\n"
	    " match identity user vpn@r1.example.com\n");
	fx_run(&pair[R1], "debug crypto isakmp");
	fx_run(&pair[R2], "debug crypto isakmp");
	out = pair_run_wait(R1, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, "Success rate is 80 percent (4/5)") != NULL,
	    "%s", out);
	ck_assert(pair_has(R1, "SA is doing pre-shared key authentication "
	    "using id type ID_USER_FQDN\n"));
	ck_assert(pair_has(R2, "New State = IKE_R_MM5"));
	ck_assert(pair_has(R2, "        FQDN name    : vpn@r1.example.com\n"));
	ck_assert(pair_has(R2, " peer matches USERS profile\n"));
	ck_assert(pair_has(R2, "SA is doing pre-shared key authentication "
	    "using id type ID_IPV4_ADDR\n"));
}
END_TEST

static Suite *
am_suite(void)
{
	Suite	*s = suite_create("am");
	TCase	*tc = tcase_create("am");

	tcase_add_checked_fixture(tc, setup, pair_close);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_am_up);
	tcase_add_test(tc, test_am_wrong_key);
	tcase_add_test(tc, test_am_no_key);
	tcase_add_test(tc, test_am_disabled_responder);
	tcase_add_test(tc, test_am_disabled_initiator);
	tcase_add_test(tc, test_am_bad_transaction);
	tcase_add_test(tc, test_am_self_user_fqdn);
	tcase_add_test(tc, test_am_self_fqdn_host);
	tcase_add_test(tc, test_am_host_domain);
	tcase_add_test(tc, test_am_no_self_identity);
	tcase_add_test(tc, test_profile_keepalive);
	tcase_add_test(tc, test_keyring_local_address_other);
	tcase_add_test(tc, test_keyring_local_address_ours);
	tcase_add_test(tc, test_profile_local_address);
	tcase_add_test(tc, test_mm_self_user_fqdn);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(am_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
