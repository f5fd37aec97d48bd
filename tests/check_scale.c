/*
 * check_scale: 200 spokes against one hub (tests/spokes.c, the lab of
 * bench/scale_bench at a size for `make check`).  Every spoke's tunnel
 * stays on the hub after the spoke forgot it: 200 ISAKMP SAs in QM_IDLE,
 * 200 dynamic flows each with its pair of SAs, every show listing all of
 * them, a sample's pings answered through their tunnels, then an
 * ESP-protected echo from every spoke's host answered through its own
 * tunnel (tests/spoke_esp.c) — each flow on the hub counting one more
 * packet decrypted and one more encrypted — and `clear crypto session`
 * taking them all down.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/crypto_int.h"
#include "lib/strbuf.h"
#include "shell/session.h"
#include "tests/spokes.h"

#define N	200
#define NKEYS	40

static struct strbuf	out;

static void
collect(void *arg, const char *text, size_t len)
{
	(void)arg;
	strbuf_add(&out, text, len);
}

static const struct console_ops capture = { collect, collect, NULL, NULL };

static size_t
occurrences(const char *hay, const char *needle)
{
	size_t	n = 0;

	while ((hay = strstr(hay, needle)) != NULL) {
		n++;
		hay += strlen(needle);
	}
	return n;
}

static const char *
run(struct session *s, const char *cmd)
{
	strbuf_reset(&out);
	(void)session_execute(s, cmd);
	return out.sb_buf != NULL ? out.sb_buf : "";
}

START_TEST(test_200_spokes)
{
	struct memlab	*ml = calloc(1, sizeof(*ml));
	struct session	*hs;
	struct sadb	*db;
	struct ipsec_flow *fl;
	char		 err[256];
	unsigned	 i, pinged = 0;

	ck_assert_ptr_nonnull(ml);
	ck_assert_msg(spokes_open(ml, err, sizeof(err)) == 0, "%s", err);
	db = &ml->ml_rt[SPOKES_HUB].r_sys.sy_crypto->c_sadb;
	for (i = 0; i < N; i++) {
		ck_assert_msg(spokes_up(ml, i, i % 20 == 0), "spoke %u", i);
		pinged += i % 20 == 0;
	}
	ck_assert_uint_eq(spokes_replies(), pinged);
	ck_assert_uint_eq(db->db_nisakmp, N);
	ck_assert_uint_eq(db->db_nup, N);
	ck_assert_uint_eq(db->db_nflows, N);
	ck_assert_uint_eq(db->db_nsa, 2 * N);
	/* The spoke kept nothing of the 200. */
	ck_assert_uint_eq(ml->ml_rt[SPOKES_SPOKE].r_sys.sy_crypto->c_sadb.
	    db_nisakmp, 0);

	strbuf_init(&out);
	hs = session_new(&ml->ml_rt[SPOKES_HUB], &capture, NULL);
	(void)session_execute(hs, "enable");
	ck_assert_uint_eq(occurrences(run(hs, "show crypto isakmp sa"),
	    "QM_IDLE"), N);
	/* The first and the last spoke, by their addresses. */
	ck_assert_ptr_nonnull(strstr(out.sb_buf, "12.1.1.2        12.2.0.1 "));
	ck_assert_ptr_nonnull(strstr(out.sb_buf, "12.1.1.2        12.2.0.200 "));
	ck_assert_uint_eq(occurrences(run(hs, "show crypto session"),
	    "Session status: UP-ACTIVE"), N);
	ck_assert_ptr_nonnull(strstr(out.sb_buf, "Peer: 12.2.0.200 port 500"));
	ck_assert_uint_eq(occurrences(run(hs, "show crypto ipsec sa"),
	    "current_peer 12.2.0."), N);

	/* Every tunnel passes traffic: N of N answered, and each flow
	 * saw it (the sample's flows their ping's too). */
	ck_assert_uint_eq(spokes_count(), N);
	ck_assert_uint_eq(spokes_echo_all(ml), N);
	i = 0;
	TAILQ_FOREACH(fl, &db->db_flows, fl_entry) {
		ck_assert_uint_eq(fl->fl_stats.fs_decrypt, i % 20 == 0 ? 2 : 1);
		ck_assert_uint_eq(fl->fl_stats.fs_encrypt, i % 20 == 0 ? 2 : 1);
		i++;
	}
	ck_assert_uint_eq(i, N);

	spokes_cut(true);
	(void)run(hs, "clear crypto session");
	memlab_pump(ml);
	ck_assert_uint_eq(db->db_nisakmp, 0);
	ck_assert_uint_eq(db->db_nup, 0);
	ck_assert_uint_eq(db->db_nflows, 0);
	ck_assert_uint_eq(db->db_nsa, 0);

	session_free(hs);
	strbuf_free(&out);
	spokes_close(ml);
	free(ml);
}
END_TEST

/*
 * A static-key hub: a `crypto isakmp key` per spoke's address and no
 * wildcard, each spoke with its own key, so every setup needs the hub's
 * lookup by address to find that spoke's key among all of them; every
 * tunnel then passes traffic, and the running-config lists every key.
 */
START_TEST(test_static_key_hub)
{
	struct memlab	*ml = calloc(1, sizeof(*ml));
	struct session	*hs;
	char		 err[256];
	unsigned	 i;

	ck_assert_ptr_nonnull(ml);
	ck_assert_msg(spokes_open(ml, err, sizeof(err)) == 0, "%s", err);
	spokes_static_keys(ml, NKEYS);
	for (i = 0; i < NKEYS; i++)
		ck_assert_msg(spokes_up(ml, i, false), "spoke %u", i);
	ck_assert_uint_eq(ml->ml_rt[SPOKES_HUB].r_sys.sy_crypto->c_sadb.db_nup,
	    NKEYS);
	ck_assert_uint_eq(spokes_echo_all(ml), NKEYS);

	strbuf_init(&out);
	hs = session_new(&ml->ml_rt[SPOKES_HUB], &capture, NULL);
	(void)session_execute(hs, "enable");
	ck_assert_uint_eq(occurrences(run(hs, "show running-config"),
	    "crypto isakmp key k"), NKEYS);
	ck_assert_ptr_nonnull(strstr(out.sb_buf,
	    "crypto isakmp key k39 address 12.2.0.40\n"));
	ck_assert_ptr_null(strstr(out.sb_buf, "crypto keyring"));
	session_free(hs);
	strbuf_free(&out);
	spokes_close(ml);
	free(ml);
}
END_TEST

int
main(void)
{
	Suite	*s = suite_create("scale");
	TCase	*tc = tcase_create("spokes");
	SRunner	*sr;
	int	 failed;

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_200_spokes);
	tcase_add_test(tc, test_static_key_hub);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
