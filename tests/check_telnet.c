/*
 * Unit tests for what the vty lines add: the login dialog (`login`,
 * `login local`, no password set, three tries), password comparison for
 * clear, type 7 and type 5 passwords, `enable` with and without enable
 * passwords on the console and on a vty, their rendering, and `terminal
 * monitor`; the NVT encoding of what a vty sends (exact bytes, and
 * libtelnet's decoding of them back).  The telnet protocol itself is
 * driven by tests/expect/telnet.exp.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "grammar/modes.h"
#include "lib/clock.h"
#include <libtelnet.h>

#include "shell/cmds.h"
#include "shell/console_telnet.h"
#include "shell/login.h"
#include "shell/router.h"
#include "shell/runcfg.h"
#include "shell/session.h"

static struct router	 rt;
static struct session	*sess;
static struct strbuf	 captured;

static void
capture(void *arg, const char *text, size_t len)
{
	(void)arg;
	strbuf_add(&captured, text, len);
}

static const struct console_ops capture_ops = { capture, capture };

static void
setup(void)
{
	char	err[256];

	clock_use_frozen(1700000000000LL);
	ck_assert_int_eq(router_init(&rt, "/usr/bin/iosh", err, sizeof(err)),
	    0);
	strbuf_init(&captured);
	sess = session_new(&rt, &capture_ops, NULL);
}

static void
teardown(void)
{
	router_free(&rt);
	strbuf_free(&captured);
	clock_use_real();
}

static const char *
run(const char *line)
{
	strbuf_reset(&captured);
	ck_assert(session_execute(sess, line));
	return captured.sb_buf;
}

/* Configure vty 0 4 with LINES (each a config-line command). */
static void
vty_config(const char *const *lines)
{
	run("enable");
	run("configure terminal");
	run("line vty 0 4");
	for (; *lines != NULL; lines++)
		ck_assert_str_eq(run(*lines), "");
	run("end");
	run("disable");
}

START_TEST(test_password_matches)
{
	struct password	pw = { PW_CLEAR, NULL };

	ck_assert(!password_matches(&pw, ""));
	ck_assert_int_eq(password_set(&pw, PW_CLEAR, "cisco", false), 0);
	ck_assert(password_matches(&pw, "cisco"));
	ck_assert(!password_matches(&pw, "Cisco"));
	/* "cisco" as IOS type 7. */
	ck_assert_int_eq(password_set(&pw, PW_TYPE7, "0822455D0A16", false),
	    0);
	ck_assert(password_matches(&pw, "cisco"));
	ck_assert(!password_matches(&pw, "cisc"));
	/* "cisco" as type 5 (salt "mERr"), as IOS prints it. */
	ck_assert_int_eq(password_set(&pw, PW_MD5,
	    "$1$mERr$hx5rVt7rPNoS4wqbXKX7m0", false), 0);
	ck_assert(password_matches(&pw, "cisco"));
	ck_assert(!password_matches(&pw, "class"));
	password_clear(&pw);
}
END_TEST

START_TEST(test_login_line)
{
	static const char *const cfg[] = { "password cisco", "login", NULL };
	struct login	lg;
	struct strbuf	out;

	vty_config(cfg);
	strbuf_init(&out);
	ck_assert_int_eq(login_start(&lg, &rt, LINE_VTY0, &out),
	    LOGIN_ASK_PASS);
	ck_assert_str_eq(out.sb_buf,
	    "\nUser Access Verification\n\nPassword: ");
	strbuf_reset(&out);
	ck_assert_int_eq(login_input(&lg, "wrong", &out), LOGIN_ASK_PASS);
	ck_assert_str_eq(out.sb_buf, "Password: ");
	strbuf_reset(&out);
	ck_assert_int_eq(login_input(&lg, "cisco", &out), LOGIN_DONE);
	ck_assert_str_eq(out.sb_buf, "");
	ck_assert_uint_eq(lg.lg_privilege, 1);
	login_free(&lg);

	strbuf_reset(&out);
	login_start(&lg, &rt, LINE_VTY0 + 4, &out);
	login_input(&lg, "a", &out);
	login_input(&lg, "b", &out);
	strbuf_reset(&out);
	ck_assert_int_eq(login_input(&lg, "c", &out), LOGIN_FAILED);
	ck_assert_str_eq(out.sb_buf, "% Bad passwords\n");
	login_free(&lg);
	strbuf_free(&out);
}
END_TEST

START_TEST(test_login_no_password)
{
	static const char *const cfg[] = { "login", NULL };
	static const char *const nologin[] = { "no login", NULL };
	struct login	lg;
	struct strbuf	out;

	strbuf_init(&out);
	/* A vty has `login` by default: no password set, nobody gets in. */
	ck_assert_int_eq(login_start(&lg, &rt, LINE_VTY0, &out),
	    LOGIN_FAILED);
	ck_assert_str_eq(out.sb_buf, "\nPassword required, but none set\n");
	login_free(&lg);
	strbuf_reset(&out);
	/* `no login`: straight to the exec. */
	vty_config(nologin);
	ck_assert_int_eq(login_start(&lg, &rt, LINE_VTY0, &out), LOGIN_DONE);
	ck_assert_str_eq(out.sb_buf, "");
	login_free(&lg);
	vty_config(cfg);
	ck_assert_int_eq(login_start(&lg, &rt, LINE_VTY0, &out),
	    LOGIN_FAILED);
	ck_assert_str_eq(out.sb_buf, "\nPassword required, but none set\n");
	login_free(&lg);
	strbuf_free(&out);
}
END_TEST

/* The hook crypto's XAUTH asks (lib/system.h): `aaa authentication login
 * LIST local` checks the usernames, clear and secret alike; no aaa
 * new-model, an unknown list or one without `local` cannot answer. */
START_TEST(test_auth_login_hook)
{
	struct system	*sy = &rt.r_sys;

	run("enable");
	run("configure terminal");
	ck_assert_str_eq(run("username vpnuser password 0 cisco123"), "");
	ck_assert_str_eq(run("username ops secret 0 t0ps3cret"), "");
	ck_assert_int_eq(sys_auth_login(sy, "userauthen", "vpnuser",
	    "cisco123"), SYS_AUTH_NO_LIST);
	ck_assert_str_eq(run("aaa new-model"), "");
	ck_assert_str_eq(run("aaa authentication login userauthen local"),
	    "");
	ck_assert_str_eq(run("aaa authentication login other group radius"),
	    "");
	run("end");
	ck_assert_int_eq(sys_auth_login(sy, "userauthen", "vpnuser",
	    "cisco123"), SYS_AUTH_PASS);
	ck_assert_int_eq(sys_auth_login(sy, "userauthen", "vpnuser",
	    "cisco124"), SYS_AUTH_FAIL);
	ck_assert_int_eq(sys_auth_login(sy, "userauthen", "ops",
	    "t0ps3cret"), SYS_AUTH_PASS);
	ck_assert_int_eq(sys_auth_login(sy, "userauthen", "nobody",
	    "cisco123"), SYS_AUTH_FAIL);
	ck_assert_int_eq(sys_auth_login(sy, "other", "vpnuser", "cisco123"),
	    SYS_AUTH_NO_LIST);
	ck_assert_int_eq(sys_auth_login(sy, NULL, "vpnuser", "cisco123"),
	    SYS_AUTH_NO_LIST);
	ck_assert_int_eq(sys_auth_login(sy, "nolist", "vpnuser", "cisco123"),
	    SYS_AUTH_NO_LIST);
}
END_TEST

START_TEST(test_login_local)
{
	static const char *const cfg[] = { "login local", NULL };
	struct login	lg;
	struct strbuf	out;

	run("enable");
	run("configure terminal");
	ck_assert_str_eq(run("username admin privilege 15 password 0 s3cret"),
	    "");
	run("end");
	vty_config(cfg);
	strbuf_init(&out);
	ck_assert_int_eq(login_start(&lg, &rt, LINE_VTY0, &out),
	    LOGIN_ASK_USER);
	ck_assert_str_eq(out.sb_buf,
	    "\nUser Access Verification\n\nUsername: ");
	strbuf_reset(&out);
	ck_assert_int_eq(login_input(&lg, "nobody", &out), LOGIN_ASK_PASS);
	ck_assert_str_eq(out.sb_buf, "Password: ");
	strbuf_reset(&out);
	ck_assert_int_eq(login_input(&lg, "s3cret", &out), LOGIN_ASK_USER);
	ck_assert_str_eq(out.sb_buf, "% Login invalid\n\nUsername: ");
	login_input(&lg, "admin", &out);
	strbuf_reset(&out);
	ck_assert_int_eq(login_input(&lg, "s3cret", &out), LOGIN_DONE);
	ck_assert_uint_eq(lg.lg_privilege, 15);
	login_free(&lg);
	strbuf_free(&out);
}
END_TEST

/* `username NAME secret TEXT` is kept as type 5, and login local checks
 * a password against the hash; a type 5 string that is not one is
 * refused with IOS's text. */
START_TEST(test_login_local_secret)
{
	static const char *const cfg[] = { "login local", NULL };
	struct login	 lg;
	struct strbuf	 out, rc;
	const char	*line;

	run("enable");
	run("configure terminal");
	ck_assert_str_eq(run("username ops secret 0 t0ps3cret"), "");
	ck_assert_str_eq(run("username bad secret 5 t0ps3cret"),
	    "ERROR: The secret you entered is not a valid encrypted secret.\n"
	    "To enter an UNENCRYPTED secret, do not specify type 5 "
	    "encryption.\n"
	    "When you properly enter an UNENCRYPTED secret, it will be "
	    "encrypted.\n");
	run("end");
	strbuf_init(&rc);
	runcfg_render(&rt, &rc);
	ck_assert_ptr_null(strstr(rc.sb_buf, "username bad"));
	ck_assert_ptr_null(strstr(rc.sb_buf, "t0ps3cret"));
	ck_assert_ptr_nonnull(line = strstr(rc.sb_buf,
	    "\nusername ops secret 5 $1$"));
	/* "$1$" + 4 salt + "$" + 22 hash characters, then the line ends. */
	ck_assert_int_eq(strchr(line + 1, '\n') - (line + 23), 3 + 4 + 1 + 22);
	strbuf_free(&rc);
	vty_config(cfg);
	strbuf_init(&out);
	ck_assert_int_eq(login_start(&lg, &rt, LINE_VTY0, &out),
	    LOGIN_ASK_USER);
	login_input(&lg, "ops", &out);
	ck_assert_int_eq(login_input(&lg, "wrong", &out), LOGIN_ASK_USER);
	login_input(&lg, "ops", &out);
	ck_assert_int_eq(login_input(&lg, "t0ps3cret", &out), LOGIN_DONE);
	login_free(&lg);
	strbuf_free(&out);
}
END_TEST

START_TEST(test_enable)
{
	struct strbuf	cfg;

	/* The console needs no password when none is set; a vty does. */
	run("enable");
	ck_assert_int_eq(sess->s_vty.v_mode, MODE_PRIV_EXEC);
	run("disable");
	sess->s_line = LINE_VTY0;
	ck_assert_str_eq(run("enable"), "% No password set\n");
	ck_assert_int_eq(sess->s_vty.v_mode, MODE_USER_EXEC);

	sess->s_line = LINE_CON;
	run("enable");
	run("configure terminal");
	ck_assert_str_eq(run("enable password 0 class"), "");
	run("end");
	run("disable");
	sess->s_line = LINE_VTY0;
	ck_assert_str_eq(run("enable"), "");
	ck_assert(sess->s_secret);
	run("x");
	run("y");
	ck_assert_str_eq(run("z"), "% Bad passwords\n");
	ck_assert_int_eq(sess->s_vty.v_mode, MODE_USER_EXEC);
	run("enable");
	run("class");
	ck_assert_int_eq(sess->s_vty.v_mode, MODE_PRIV_EXEC);

	run("configure terminal");
	ck_assert_str_eq(run("enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0"),
	    "");
	ck_assert_str_eq(run("service password-encryption"), "");
	run("end");
	strbuf_init(&cfg);
	runcfg_render(&rt, &cfg);
	ck_assert_ptr_nonnull(strstr(cfg.sb_buf, "\n!\n"
	    "enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0\n"
	    "enable password 7 0822404F1A0A\n!\n"));
	strbuf_free(&cfg);
	run("disable");
	run("enable");
	run("class");
	ck_assert_str_eq(run("cisco"), "");
	ck_assert_int_eq(sess->s_vty.v_mode, MODE_PRIV_EXEC);
	run("disable");
	run("enable");
	run("a");
	run("b");
	ck_assert_str_eq(run("c"), "% Bad secrets\n");
}
END_TEST

START_TEST(test_terminal_monitor)
{
	run("enable");
	ck_assert(!sess->s_monitor);
	run("terminal monitor");
	ck_assert(sess->s_monitor);
	run("terminal no monitor");
	ck_assert(!sess->s_monitor);
}
END_TEST


/* What a telnet client's libtelnet decodes from the bytes a vty sent. */
static void
decoded(telnet_t *tn, telnet_event_t *ev, void *arg)
{
	(void)tn;
	if (ev->type == TELNET_EV_DATA)
		strbuf_add(arg, ev->data.buffer, ev->data.size);
}

START_TEST(test_nvt_encode)
{
	/* Plain runs between every byte that needs escaping, escapes back
	 * to back, one at each end. */
	static const char	 in[] = "\377ab\ncd\r\r\377\377ef\r\n"
	    "\n\000g\377";
	static const char	 want[] = "\377\377ab\r\ncd\r\0\r\0"
	    "\377\377\377\377ef\r\0\r\n\r\n\000g\377\377";
	static const telnet_telopt_t none[] = { { -1, 0, 0 } };
	struct strbuf		 out, back;
	telnet_t		*tn;

	strbuf_init(&out);
	strbuf_init(&back);
	telnet_nvt_encode(in, sizeof(in) - 1, &out);
	ck_assert_uint_eq(out.sb_len, sizeof(want) - 1);
	ck_assert_mem_eq(out.sb_buf, want, sizeof(want) - 1);
	/* Appends: what was in OUT stays, and nothing is added for nothing. */
	telnet_nvt_encode("x", 1, &out);
	telnet_nvt_encode("", 0, &out);
	ck_assert_uint_eq(out.sb_len, sizeof(want));
	ck_assert_int_eq(out.sb_buf[sizeof(want) - 1], 'x');
	/* A client's libtelnet takes IAC IAC for one data byte 255 and
	 * passes CR LF and CR NUL on as they are (its users turn them into
	 * line ends): the escapes decode, nothing else moves. */
	tn = telnet_init(none, decoded, 0, &back);
	ck_assert_ptr_nonnull(tn);
	telnet_recv(tn, out.sb_buf, out.sb_len);
	telnet_free(tn);
	ck_assert_uint_eq(back.sb_len, 25);
	ck_assert_mem_eq(back.sb_buf, "\377ab\r\ncd\r\0\r\0\377\377ef"
	    "\r\0\r\n\r\n\000g\377x", 25);
	strbuf_free(&out);
	strbuf_free(&back);
}
END_TEST

static Suite *
telnet_suite(void)
{
	Suite	*s = suite_create("telnet");
	TCase	*tc = tcase_create("vty");

	/* Each case builds routers (about a CPU second under ASan): Check's
	 * 4 s default failed them in a loaded `make -j distcheck`. */
	tcase_set_timeout(tc, 30);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_password_matches);
	tcase_add_test(tc, test_login_line);
	tcase_add_test(tc, test_login_no_password);
	tcase_add_test(tc, test_login_local);
	tcase_add_test(tc, test_auth_login_hook);
	tcase_add_test(tc, test_login_local_secret);
	tcase_add_test(tc, test_enable);
	tcase_add_test(tc, test_terminal_monitor);
	tcase_add_test(tc, test_nvt_encode);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(telnet_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
