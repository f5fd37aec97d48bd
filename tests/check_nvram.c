/*
 * Unit tests for the configuration the shell keeps and its persistence:
 * IOS type 7 passwords against published pairs, service
 * password-encryption, the atomic save of startup-config, loading it at
 * start, erase, copy with its question, and reload.
 */
#include <check.h>
#include <dirent.h>
#include <signal.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/clock.h"
#include "shell/nvram.h"
#include "shell/router.h"
#include "shell/runcfg.h"
#include "shell/session.h"
#include "shell/startup.h"
#include "shell/type7.h"
#include "tests/fixture.h"

static struct fixture	 fx;
static char		 tmpdir[] = "/tmp/check_nvram.XXXXXX";
static char		 nvdir[sizeof(tmpdir) + 16];

static void
setup(void)
{
	clock_use_frozen(FX_EPOCH_MS);
	strcpy(tmpdir, "/tmp/check_nvram.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	/* Two levels that do not exist yet: created on the first save. */
	snprintf(nvdir, sizeof(nvdir), "%s/a/nvram", tmpdir);
	fx_open(&fx, nvdir);
}

static void
teardown(void)
{
	char	cmd[128];

	fx_close(&fx);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	ck_assert_int_eq(system(cmd), 0);
	clock_use_real();
}


static char *
running(void)
{
	struct strbuf	sb;

	strbuf_init(&sb);
	runcfg_render(&fx.fx_rt, &sb);
	return strbuf_steal(&sb);
}

static char *
startup(void)
{
	struct strbuf	sb;

	strbuf_init(&sb);
	ck_assert_int_eq(nvram_read(nvdir, NVRAM_STARTUP, &sb), 1);
	return strbuf_steal(&sb);
}

/* A restart on the same nvram: the startup-config loads without an
 * error line and renders back as WANT. */
static void
restart_loads(const char *want)
{
	struct strbuf	 report;
	char		*after;

	fx_close(&fx);
	fx_open(&fx, nvdir);
	strbuf_init(&report);
	ck_assert_int_eq(startup_load(&fx.fx_rt, &report), 0);
	ck_assert_str_eq(report.sb_buf, "");
	strbuf_free(&report);
	after = running();
	ck_assert_str_eq(after, want);
	free(after);
}

static void
configure(const char *const *lines)
{
	fx_run(&fx, "enable");
	fx_run(&fx, "configure terminal");
	for (; *lines != NULL; lines++)
		ck_assert_str_eq(fx_run(&fx, *lines), "");
	fx_run(&fx, "end");
}

START_TEST(test_type7_pairs)
{
	/* Published IOS pairs (the first two are seed 002's hub). */
	static const struct {
		const char	*hex, *clear;
	} pairs[] = {
		{ "121A0C041104", "cisco" },
		{ "0201024E070A0E2649", "gfullage" },
		{ "070C285F4D06", "cisco" },
		{ "094F471A1A0A", "cisco" },
		{ "02050D480809", "cisco" },
		{ "1511021F0725", "cisco" },
	};
	struct strbuf	sb;
	size_t		i;

	for (i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		strbuf_init(&sb);
		ck_assert_int_eq(type7_decode(pairs[i].hex, &sb), 0);
		ck_assert_str_eq(sb.sb_buf, pairs[i].clear);
		strbuf_reset(&sb);
		type7_encode(pairs[i].clear, (unsigned)((pairs[i].hex[0] -
		    '0') * 10 + pairs[i].hex[1] - '0'), &sb);
		ck_assert_str_eq(sb.sb_buf, pairs[i].hex);
		strbuf_free(&sb);
	}
}
END_TEST

START_TEST(test_type7_round_trip)
{
	static const char *const words[] = {
		"a", "cisco", "Secret Words 1!", "~`|{}[]:;\"'<>,.?/",
		"a-much-longer-password-than-the-fifty-three-byte-key-is-long",
	};
	struct strbuf	enc, dec;
	unsigned	salt;
	size_t		i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		for (salt = 0; salt <= 15; salt++) {
			strbuf_init(&enc);
			strbuf_init(&dec);
			type7_encode(words[i], salt, &enc);
			ck_assert_int_eq(type7_decode(enc.sb_buf, &dec), 0);
			ck_assert_str_eq(dec.sb_buf, words[i]);
			strbuf_free(&enc);
			strbuf_free(&dec);
		}
	/* The salt is a function of the text: one rendering per password. */
	ck_assert_uint_eq(type7_salt("cisco"), type7_salt("cisco"));
	ck_assert_uint_le(type7_salt("anything"), 15);
}
END_TEST

START_TEST(test_type7_invalid)
{
	static const char *const bad[] = {
		"", "1", "12", "121", "16AB", "99AB", "1Z1A", "12ZZ0C",
		"121A0C04110",
	};
	struct strbuf	sb;
	size_t		i;

	strbuf_init(&sb);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(type7_decode(bad[i], &sb) < 0, "%s", bad[i]);
	ck_assert_uint_eq(sb.sb_len, 0);
	strbuf_free(&sb);
}
END_TEST

START_TEST(test_password_encryption)
{
	static const char *const lines[] = {
		"username bob password cisco",
		"line vty 0 4",
		"password cisco",
		"line con 0",
		"password 7 121A0C041104",
		NULL,
	};
	struct strbuf	 want;
	char		*cfg;

	configure(lines);
	cfg = running();
	ck_assert_ptr_nonnull(strstr(cfg, "\nusername bob password 0 cisco\n"));
	ck_assert_ptr_nonnull(strstr(cfg, "\nline vty 0 4\n password cisco\n"));
	ck_assert_ptr_nonnull(strstr(cfg,
	    "\nline con 0\n password 7 121A0C041104\n"));
	free(cfg);
	fx_run(&fx, "configure terminal");
	ck_assert_str_eq(fx_run(&fx, "service password-encryption"), "");
	strbuf_init(&want);
	strbuf_puts(&want, "\nline vty 0 4\n password 7 ");
	type7_encode("cisco", type7_salt("cisco"), &want);
	strbuf_putc(&want, '\n');
	cfg = running();
	ck_assert_ptr_nonnull(strstr(cfg, "\nservice password-encryption\n"));
	ck_assert_ptr_nonnull(strstr(cfg, want.sb_buf));
	ck_assert_ptr_nonnull(strstr(cfg, "\nusername bob password 7 "));
	free(cfg);
	/* Turning it off decrypts nothing. */
	ck_assert_str_eq(fx_run(&fx, "no service password-encryption"), "");
	cfg = running();
	ck_assert_ptr_nonnull(strstr(cfg, want.sb_buf));
	free(cfg);
	strbuf_free(&want);
	/* A type 7 string that does not decode changes nothing. */
	fx_run(&fx, "line vty 0 4");
	ck_assert_str_eq(fx_run(&fx, "password 7 99XY"),
	    "% Invalid encrypted password: 99XY\n");
	ck_assert_str_eq(fx.fx_rt.r_lines[LINE_VTY0].lc_password.pw_text,
	    fx.fx_rt.r_lines[LINE_VTY0 + 4].lc_password.pw_text);
	ck_assert_int_eq(fx.fx_rt.r_lines[LINE_VTY0].lc_password.pw_type,
	    PW_TYPE7);
}
END_TEST

static int
not_dots(const struct dirent *de)
{
	return strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0;
}

/* The files in the nvram directory, sorted, one per line. */
static char *
listing(void)
{
	struct strbuf	  sb;
	struct dirent	**names;
	int		  i, n;

	strbuf_init(&sb);
	n = scandir(nvdir, &names, not_dots, alphasort);
	ck_assert_int_ge(n, 0);
	for (i = 0; i < n; i++) {
		strbuf_printf(&sb, "%s\n", names[i]->d_name);
		free(names[i]);
	}
	free(names);
	return strbuf_steal(&sb);
}

START_TEST(test_write_memory)
{
	static const char *const lines[] = {
		"hostname Saved", "ip cef", "no ip http server", NULL,
	};
	char	*cfg, *saved, *files;
	struct stat st;

	configure(lines);
	ck_assert_int_eq(stat(nvdir, &st), -1);
	ck_assert_str_eq(fx_run(&fx, "write memory"),
	    "Building configuration...\n[OK]\n");
	cfg = running();
	saved = startup();
	ck_assert_str_eq(saved, cfg);
	/* No temporary file is left beside it. */
	files = listing();
	ck_assert_str_eq(files, "startup-config\n");
	free(files);
	/* `write` alone is `write memory`; saving again replaces it. */
	fx_run(&fx, "configure terminal");
	fx_run(&fx, "hostname Again");
	fx_run(&fx, "end");
	ck_assert_str_eq(fx_run(&fx, "write"),
	    "Building configuration...\n[OK]\n");
	free(saved);
	saved = startup();
	ck_assert_ptr_nonnull(strstr(saved, "\nhostname Again\n"));
	files = listing();
	ck_assert_str_eq(files, "startup-config\n");
	free(files);
	free(cfg);
	free(saved);
}
END_TEST

/* A write that fails leaves no temporary file: here the rename, over a
 * directory that holds the name. */
START_TEST(test_write_failure_leaves_nothing)
{
	char	path[sizeof(nvdir) + 32], *files;

	fx_run(&fx, "enable");
	snprintf(path, sizeof(path), "%s/a", tmpdir);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	ck_assert_int_eq(mkdir(nvdir, 0700), 0);
	snprintf(path, sizeof(path), "%s/startup-config", nvdir);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	ck_assert_str_eq(fx_run(&fx, "write memory"),
	    "Building configuration...\n"
	    "%Error opening nvram:/startup-config (Is a directory)\n");
	files = listing();
	ck_assert_str_eq(files, "startup-config\n");
	free(files);
}
END_TEST

/* Stale temporary files of a killed write go at start: one from before
 * pids were in the name, one of a process that exited, one of this
 * process; one of a process still running (pid 1) stays. */
START_TEST(test_reap_stale_temporaries)
{
	static const char	text[] = "hostname Reaped\n";
	struct strbuf		 report;
	char			 name[sizeof(nvdir) + 300], want[128], *files;
	pid_t			 dead;
	FILE			*f;
	int			 i;
	const char		*stale[4];
	char			 buf[4][64];

	dead = fork();
	ck_assert_int_ge(dead, 0);
	if (dead == 0)
		_exit(0);
	ck_assert_int_eq(waitpid(dead, NULL, 0), dead);
	ck_assert_int_eq(nvram_write(nvdir, NVRAM_STARTUP, text,
	    sizeof(text) - 1), 0);
	snprintf(buf[0], sizeof(buf[0]), ".tmp.startup-config.Ab3xYz");
	snprintf(buf[1], sizeof(buf[1]), ".tmp.startup-config.%ld.Qw9rTy",
	    (long)dead);
	snprintf(buf[2], sizeof(buf[2]), ".tmp.backup-config.%ld.Zx8cVb",
	    (long)getpid());
	snprintf(buf[3], sizeof(buf[3]), ".tmp.startup-config.1.Lk4jHg");
	for (i = 0; i < 4; i++) {
		stale[i] = buf[i];
		snprintf(name, sizeof(name), "%s/%s", nvdir, stale[i]);
		ck_assert_ptr_nonnull(f = fopen(name, "w"));
		fputs("hostname Half", f);
		fclose(f);
	}
	strbuf_init(&report);
	ck_assert_int_eq(startup_load(&fx.fx_rt, &report), 0);
	ck_assert_str_eq(report.sb_buf, "");
	strbuf_free(&report);
	ck_assert_str_eq(fx_prompt(&fx), "Reaped>");
	files = listing();
	snprintf(want, sizeof(want), "%s\nstartup-config\n", stale[3]);
	ck_assert_str_eq(files, want);
	free(files);
	/* Nothing else to reap: the live one is still not ours. */
	ck_assert_uint_eq(nvram_reap(nvdir), 0);
}
END_TEST

START_TEST(test_copy_question)
{
	char	*cfg, *saved;

	fx_run(&fx, "enable");
	ck_assert_str_eq(fx_run(&fx, "copy running-config startup-config"), "");
	ck_assert_str_eq(fx_prompt(&fx),
	    "Destination filename [startup-config]? ");
	ck_assert_str_eq(fx_run(&fx, ""), "Building configuration...\n[OK]\n");
	ck_assert_str_eq(fx_prompt(&fx), "Router#");
	cfg = running();
	saved = startup();
	ck_assert_str_eq(saved, cfg);
	free(cfg);
	free(saved);
	/* The answer names the file. */
	fx_run(&fx, "copy running-config startup-config");
	ck_assert_str_eq(fx_run(&fx, "backup-config"),
	    "Building configuration...\n[OK]\n");
	cfg = listing();
	ck_assert_str_eq(cfg, "backup-config\nstartup-config\n");
	free(cfg);
}
END_TEST

START_TEST(test_load_on_start)
{
	static const char *const lines[] = {
		"hostname Booted",
		"username alice privilege 15 password 0 wonder",
		"aaa new-model",
		"aaa authentication login default local",
		"line con 0",
		"exec-timeout 0 0",
		NULL,
	};
	char	*before;

	configure(lines);
	fx_run(&fx, "write memory");
	before = running();
	restart_loads(before);
	ck_assert_str_eq(fx_prompt(&fx), "Booted>");
	free(before);
}
END_TEST

/* The type 6 master key lives in private NVRAM (0600, never in a
 * configuration): a saved configuration's type 6 keys load after a
 * restart and after a reload; `no key config-key` removes it. */
START_TEST(test_private_nvram_master_key)
{
	static const char *const lines[] = {
		"key config-key password-encrypt Mast3rKey",
		"password encryption aes",
		"crypto isakmp key cisco123 address 10.1.1.1",
		NULL,
	};
	struct strbuf	 report, priv;
	struct stat	 st;
	char		*before, *after, path[sizeof(nvdir) + 32];

	configure(lines);
	fx_run(&fx, "write memory");
	before = running();
	ck_assert_ptr_null(strstr(before, "Mast3rKey"));
	ck_assert_ptr_null(strstr(before, "cisco123"));
	ck_assert_ptr_nonnull(strstr(before, "crypto isakmp key 6 "));
	snprintf(path, sizeof(path), "%s/private-config", nvdir);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_uint_eq(st.st_mode & 0777, 0600);
	strbuf_init(&priv);
	ck_assert_int_eq(nvram_read(nvdir, "private-config", &priv), 1);
	ck_assert_str_eq(priv.sb_buf,
	    "key config-key password-encrypt Mast3rKey\n");
	strbuf_free(&priv);

	/* A new process: the type 6 key decrypts, nothing is reported. */
	fx_close(&fx);
	fx_open(&fx, nvdir);
	strbuf_init(&report);
	ck_assert_int_eq(startup_load(&fx.fx_rt, &report), 0);
	ck_assert_str_eq(report.sb_buf, "");
	after = running();
	ck_assert_str_eq(after, before);
	free(after);

	/* A reload keeps it too. */
	fx_run(&fx, "enable");
	strbuf_reset(&report);
	startup_reload(&fx.fx_rt, &report);
	ck_assert_str_eq(report.sb_buf, "");
	after = running();
	ck_assert_str_eq(after, before);
	free(after);

	/* Removed: the saved type 6 key is refused at the next start. */
	fx_run(&fx, "enable");
	fx_run(&fx, "configure terminal");
	ck_assert_str_eq(fx_run(&fx, "no key config-key password-encrypt"),
	    "");
	fx_run(&fx, "end");
	ck_assert_int_eq(stat(path, &st), -1);
	fx_close(&fx);
	fx_open(&fx, nvdir);
	strbuf_reset(&report);
	ck_assert_int_eq(startup_load(&fx.fx_rt, &report), 0);
	ck_assert_ptr_nonnull(strstr(report.sb_buf,
	    "% Master key not configured: type 6 key not used"));
	strbuf_free(&report);
	free(before);
}
END_TEST

/* flash: in the nvram directory: output modifiers write files there,
 * dir lists them, more reads them, delete removes them; nothing outside
 * the directory is reachable. */
START_TEST(test_flash)
{
	struct stat	 st;
	char		 path[sizeof(nvdir) + 32];
	const char	*out;
	long		 total, freeb;
	int		 end = 0;

	fx_run(&fx, "enable");
	ck_assert_str_eq(fx_run(&fx, "show privilege | redirect flash:p.txt"),
	    "");
	ck_assert_str_eq(fx_run(&fx, "show privilege | tee flash:t.txt"),
	    "Current privilege level is 15\n");
	ck_assert_str_eq(fx_run(&fx, "show privilege | append flash:t.txt"),
	    "");
	ck_assert_str_eq(fx_run(&fx, "more flash:t.txt"),
	    "Current privilege level is 15\n"
	    "Current privilege level is 15\n");
	snprintf(path, sizeof(path), "%s/flash/p.txt", nvdir);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_uint_eq(st.st_mode & 0777, 0600);
	out = fx_run(&fx, "dir");
	ck_assert_msg(strncmp(out, "Directory of flash:/\n\n"
	    "    1  -rw-          30  ", 47) == 0, "%s", out);
	ck_assert_msg(strstr(out, " +00:00  p.txt\n    2  -rw-          60  ")
	    != NULL && strstr(out, " +00:00  t.txt\n\n") != NULL, "%s", out);
	ck_assert_msg(sscanf(strstr(out, "t.txt\n\n") + 7, "%ld bytes total "
	    "(%ld bytes free)\n%n", &total, &freeb, &end) == 2 &&
	    end > 0 && freeb <= total, "%s", out);
	ck_assert_str_eq(fx_run(&fx, "show flash:"), fx_run(&fx, "dir"));
	ck_assert_str_eq(fx_run(&fx, "delete flash:p.txt"), "");
	ck_assert_str_eq(fx_run(&fx, "delete flash:p.txt"),
	    "%Error deleting flash:p.txt (No such file or directory)\n");
	ck_assert_str_eq(fx_run(&fx, "more flash:p.txt"),
	    "%Error opening flash:p.txt (No such file or directory)\n");
	ck_assert_str_eq(fx_run(&fx, "show clock | redirect flash:../x"),
	    "%Error opening flash:../x (Invalid argument)\n");
	ck_assert_str_eq(fx_run(&fx, "more flash:/.hidden"),
	    "%Error opening flash:/.hidden (Invalid argument)\n");
	ck_assert_str_eq(fx_run(&fx, "show clock | redirect tftp://1.2.3.4/x"),
	    "%Error opening tftp://1.2.3.4/x (Invalid argument): iosh has "
	    "the flash: file system only\n");
}
END_TEST

/*
 * `write memory` under kill -9 at random moments, KILL_ROUNDS times
 * (issue 19).  The router holds KILL_IFACES interfaces with 234-character
 * descriptions (a ~47 KB configuration: each save renders it, writes it
 * to a temporary file, fsyncs it and renames it over the old one).  Per
 * round the hostname changes, a child forked from this router saves
 * back to back, and is killed with SIGKILL after a delay drawn from a
 * seeded sequence (0 to the time a forked child takes for KILL_SAVES
 * saves, measured first); what nvram then holds must be a
 * whole configuration — byte for byte the file before the round or this
 * round's configuration — and nvram_reap (what the next start runs)
 * removes the temporary file a kill inside a save left.  At the end the
 * file loads into a fresh router without an error line and renders back
 * byte for byte: every file seen was one of those.  Temporary files left
 * show that kills landed inside saves.
 */
#define KILL_ROUNDS	200
#define KILL_IFACES	150
#define KILL_SAVES	2	/* the delays span two saves */

static double
ms_since(const struct timespec *t0)
{
	struct timespec	t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) * 1e3 +
	    (double)(t.tv_nsec - t0->tv_nsec) / 1e6;
}

/* CPU seconds of this process and its reaped children (the wall time
 * of the kill test depends on the machine's load; this does not). */
static double
cpu_s(void)
{
	struct rusage	ru, rc;

	ck_assert_int_eq(getrusage(RUSAGE_SELF, &ru), 0);
	ck_assert_int_eq(getrusage(RUSAGE_CHILDREN, &rc), 0);
	return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
	    rc.ru_utime.tv_sec + rc.ru_stime.tv_sec) +
	    (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec +
	    rc.ru_utime.tv_usec + rc.ru_stime.tv_usec) / 1e6;
}

/* A child of this router that saves SAVES times and exits; returned
 * once it has begun (the fork is slow under ASan: the delays count from
 * the first save). */
static pid_t
saver(unsigned saves)
{
	pid_t	pid;
	int	go[2];
	char	c;

	ck_assert_int_eq(pipe(go), 0);
	if ((pid = fork()) == 0) {
		(void)write(go[1], "", 1);
		while (saves-- > 0)
			(void)fx_run(&fx, "write memory");
		_exit(0);
	}
	ck_assert_int_gt(pid, 0);
	close(go[1]);
	ck_assert_int_eq(read(go[0], &c, 1), 1);
	close(go[0]);
	return pid;
}

START_TEST(test_write_memory_kill9)
{
	char		 line[320], desc[240], *prev, *now, *want, *files;
	unsigned short	 xs[3] = { 19, 200, 9 };	/* erand48's seed */
	unsigned	 r, i, torn = 0, moved = 0;
	pid_t		 pid;
	int		 st;
	struct timespec	 t0, start;
	double		 spread;

	clock_gettime(CLOCK_MONOTONIC, &start);
	fx_run(&fx, "enable");
	fx_run(&fx, "configure terminal");
	for (i = 0; i < KILL_IFACES; i++) {
		snprintf(line, sizeof(line), "interface Loopback%u", i);
		ck_assert_str_eq(fx_run(&fx, line), "");
		memset(desc, 'a' + (char)(i % 26), 234);
		desc[234] = '\0';
		snprintf(line, sizeof(line), "description %s", desc);
		ck_assert_str_eq(fx_run(&fx, line), "");
		snprintf(line, sizeof(line),
		    "ip address 10.%u.%u.1 255.255.255.255", i / 250, i % 250);
		ck_assert_str_eq(fx_run(&fx, line), "");
	}
	fx_run(&fx, "end");
	fx_run(&fx, "write memory");
	prev = startup();
	ck_assert_uint_gt(strlen(prev), 45000);
	/* The window: KILL_SAVES saves in a freshly forked child (its
	 * first save pays the copy-on-write of the heap). */
	pid = saver(KILL_SAVES);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ck_assert_int_eq(waitpid(pid, &st, 0), pid);
	spread = ms_since(&t0);
	for (r = 1; r <= KILL_ROUNDS; r++) {
		fx_run(&fx, "configure terminal");
		snprintf(line, sizeof(line), "hostname Round%u", r);
		fx_run(&fx, line);
		fx_run(&fx, "end");
		want = running();
		pid = saver(1000);
		usleep((useconds_t)(erand48(xs) * spread * 1000));
		ck_assert_int_eq(kill(pid, SIGKILL), 0);
		ck_assert_int_eq(waitpid(pid, &st, 0), pid);
		ck_assert(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
		now = startup();
		ck_assert_msg(strcmp(now, prev) == 0 || strcmp(now, want) == 0,
		    "round %u: nvram holds %zu bytes, neither whole file", r,
		    strlen(now));
		moved += strcmp(now, prev) != 0;
		torn += nvram_reap(nvdir);
		files = listing();
		ck_assert_str_eq(files, "startup-config\n");
		free(files);
		free(prev);
		free(want);
		prev = now;
	}
	restart_loads(prev);
	/* Both outcomes happened: kills before a save finished and after. */
	ck_assert_uint_gt(moved, 0);
	ck_assert_uint_lt(moved, KILL_ROUNDS);
	fprintf(stderr, "write memory kill -9: %u rounds in %.1f s, %.1f s of "
	    "CPU (a save %.1f ms), %u saw a new file, %u temporary files left "
	    "by kills inside a save\n", KILL_ROUNDS, ms_since(&start) / 1e3,
	    cpu_s(), spread / KILL_SAVES, moved, torn);
	free(prev);
}
END_TEST

START_TEST(test_load_reports_errors)
{
	static const char	text[] =
	    "!\nhostname Half\nbogus line\nend\nhostname Never\n";
	struct strbuf		report;

	ck_assert_int_eq(nvram_write(nvdir, NVRAM_STARTUP, text,
	    sizeof(text) - 1), 0);
	strbuf_init(&report);
	ck_assert_int_eq(startup_load(&fx.fx_rt, &report), 0);
	ck_assert_str_eq(report.sb_buf,
	    "Half(config)#bogus line\n"
	    "               ^\n"
	    "% Invalid input detected at '^' marker.\n\n");
	strbuf_free(&report);
	ck_assert_str_eq(fx.fx_rt.r_hostname, "Half");
}
END_TEST

/*
 * The startup-config is read a buffer (64 KB) at a time, its lines run as
 * they come: a text of many buffers — a line longer than one, CRLF line
 * ends, a last line without its newline — loads as startup_apply runs
 * the same text whole; a NUL ends the text where it ends the string.
 */
START_TEST(test_load_streamed)
{
	struct strbuf	 text, report, report2;
	char		*streamed, *whole;
	size_t		 i;

	strbuf_init(&text);
	strbuf_puts(&text, "hostname Streamed\r\n!");
	for (i = 0; i < 100000; i++)
		strbuf_putc(&text, 'x');
	strbuf_puts(&text, "\n");
	for (i = 1; i <= 3000; i++)
		strbuf_printf(&text, "interface Loopback%zu\r\n"
		    " ip address 10.%zu.%zu.1 255.255.255.0\n", i, i / 250,
		    i % 250);
	strbuf_puts(&text, "bogus line\nip route 0.0.0.0 0.0.0.0 10.0.1.2");
	ck_assert_int_eq(nvram_write(nvdir, NVRAM_STARTUP, text.sb_buf,
	    text.sb_len), 0);
	strbuf_init(&report);
	ck_assert_int_eq(startup_load(&fx.fx_rt, &report), 0);
	streamed = running();
	fx_close(&fx);
	fx_open(&fx, NULL);
	strbuf_init(&report2);
	startup_apply(&fx.fx_rt, text.sb_buf, &report2);
	whole = running();
	ck_assert_str_eq(streamed, whole);
	ck_assert_str_eq(report.sb_buf, report2.sb_buf);
	ck_assert_ptr_nonnull(strstr(streamed, "interface Loopback3000\n"
	    " ip address 10.12.0.1 255.255.255.0\n"));
	ck_assert_ptr_nonnull(strstr(streamed,
	    "ip route 0.0.0.0 0.0.0.0 10.0.1.2\n"));
	ck_assert_ptr_nonnull(strstr(report.sb_buf, "#bogus line\n"));
	free(streamed);
	free(whole);
	strbuf_free(&report);
	strbuf_free(&report2);

	/* A NUL: the line before it runs, nothing after. */
	fx_close(&fx);
	fx_open(&fx, nvdir);
	ck_assert_int_eq(nvram_write(nvdir, NVRAM_STARTUP,
	    "hostname A\nhostname B\0hostname C\n", 33), 0);
	strbuf_init(&report);
	ck_assert_int_eq(startup_load(&fx.fx_rt, &report), 0);
	ck_assert_str_eq(report.sb_buf, "");
	ck_assert_str_eq(fx.fx_rt.r_hostname, "B");
	strbuf_free(&report);
	strbuf_free(&text);
}
END_TEST

/*
 * startup_load_to writes the report to a stream line by line (iosh's
 * start): the same bytes as startup_load's report, lines that answer
 * (a new crypto map's NOTE) and errors alike, the same configuration;
 * and an unreadable startup-config's error line there too.
 */
START_TEST(test_load_to_stream)
{
	struct strbuf	 text, report;
	char		*buf = NULL, *held, *streamed;
	char		 path[sizeof(nvdir) + 32];
	size_t		 len = 0, i;
	FILE		*fp;

	strbuf_init(&text);
	for (i = 1; i <= 300; i++)
		strbuf_printf(&text, "crypto map VPN %zu ipsec-isakmp\n"
		    " set peer 10.0.%zu.1\nbogus %zu\n", i, i % 250, i);
	strbuf_puts(&text, "hostname Streamed\nend\n");
	ck_assert_int_eq(nvram_write(nvdir, NVRAM_STARTUP, text.sb_buf,
	    text.sb_len), 0);
	strbuf_init(&report);
	ck_assert_int_eq(startup_load(&fx.fx_rt, &report), 0);
	held = running();
	fx_close(&fx);
	fx_open(&fx, nvdir);
	ck_assert_ptr_nonnull(fp = open_memstream(&buf, &len));
	ck_assert_int_eq(startup_load_to(&fx.fx_rt, fp), 0);
	ck_assert_int_eq(fclose(fp), 0);
	streamed = running();
	ck_assert_str_eq(streamed, held);
	ck_assert_uint_eq(len, report.sb_len);
	ck_assert_str_eq(buf, report.sb_buf);
	ck_assert_ptr_nonnull(strstr(buf, "#crypto map VPN 300 ipsec-isakmp\n"
	    "% NOTE: This new crypto map will remain disabled"));
	ck_assert_ptr_nonnull(strstr(buf, "#bogus 300\n"));
	free(buf);
	free(held);
	free(streamed);
	strbuf_free(&report);
	strbuf_free(&text);

	/* Unreadable (a directory where the file was): the error line goes
	 * to the stream. */
	snprintf(path, sizeof(path), "%s/%s", nvdir, NVRAM_STARTUP);
	ck_assert_int_eq(unlink(path), 0);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	buf = NULL;
	ck_assert_ptr_nonnull(fp = open_memstream(&buf, &len));
	ck_assert_int_eq(startup_load_to(&fx.fx_rt, fp), -1);
	ck_assert_int_eq(fclose(fp), 0);
	ck_assert_str_eq(buf, "%Error opening nvram:/startup-config "
	    "(Is a directory)\n");
	free(buf);
	ck_assert_int_eq(rmdir(path), 0);
}
END_TEST

START_TEST(test_erase)
{
	fx_run(&fx, "enable");
	ck_assert_str_eq(fx_run(&fx, "show startup-config"),
	    "startup-config is not present\n");
	fx_run(&fx, "write memory");
	ck_assert_str_eq(fx_run(&fx, "erase startup-config"), "");
	ck_assert_str_eq(fx_prompt(&fx),
	    "Erasing the nvram filesystem will remove "
	    "all configuration files! Continue? [confirm]");
	ck_assert_str_eq(fx_run(&fx, "n"), "");
	ck_assert_str_eq(fx_prompt(&fx), "Router#");
	ck_assert_ptr_nonnull(strstr(fx_run(&fx, "show startup-config"),
	    "Using "));
	fx_run(&fx, "write erase");
	ck_assert_str_eq(fx_run(&fx, ""), "[OK]\nErase of nvram: complete\n");
	ck_assert_str_eq(fx_run(&fx, "show startup-config"),
	    "startup-config is not present\n");
}
END_TEST

START_TEST(test_show_startup)
{
	char		*cfg;
	struct strbuf	 want;

	fx_run(&fx, "enable");
	fx_run(&fx, "write memory");
	cfg = running();
	strbuf_init(&want);
	strbuf_printf(&want, "Using %zu out of 262144 bytes\n%s\n",
	    strlen(cfg), cfg);
	ck_assert_str_eq(fx_run(&fx, "show startup-config"), want.sb_buf);
	strbuf_free(&want);
	free(cfg);
}
END_TEST

START_TEST(test_reload)
{
	fx_run(&fx, "enable");
	fx_run(&fx, "configure terminal");
	fx_run(&fx, "hostname Saved");
	fx_run(&fx, "end");
	fx_run(&fx, "write memory");
	/* Unchanged: only the confirmation. */
	ck_assert_str_eq(fx_run(&fx, "reload"), "");
	ck_assert_str_eq(fx_prompt(&fx), "Proceed with reload? [confirm]");
	ck_assert_str_eq(fx_run(&fx, "no"), "");
	ck_assert_str_eq(fx_prompt(&fx), "Saved#");
	/* Changed: IOS offers to save first; a wrong answer asks again. */
	fx_run(&fx, "configure terminal");
	fx_run(&fx, "hostname Lost");
	fx_run(&fx, "end");
	fx_run(&fx, "reload");
	ck_assert_str_eq(fx_prompt(&fx),
	    "System configuration has been modified. Save? [yes/no]: ");
	ck_assert_str_eq(fx_run(&fx, "maybe"),
	    "% Please answer 'yes' or 'no'.\n");
	ck_assert_str_eq(fx_prompt(&fx),
	    "System configuration has been modified. Save? [yes/no]: ");
	ck_assert_str_eq(fx_run(&fx, "no"), "");
	ck_assert_str_eq(fx_prompt(&fx), "Proceed with reload? [confirm]");
	ck_assert_str_eq(fx_run(&fx, ""), "");
	/* Back from the startup-config, in user exec. */
	ck_assert_str_eq(fx_prompt(&fx), "Saved>");
	ck_assert_str_eq(fx.fx_rt.r_hostname, "Saved");
	/* yes saves before the reload. */
	fx_run(&fx, "enable");
	fx_run(&fx, "configure terminal");
	fx_run(&fx, "hostname Kept");
	fx_run(&fx, "end");
	fx_run(&fx, "reload");
	ck_assert_str_eq(fx_run(&fx, "yes"),
	    "Building configuration...\n[OK]\n");
	fx_run(&fx, "");
	ck_assert_str_eq(fx_prompt(&fx), "Kept>");
}
END_TEST

START_TEST(test_reload_without_startup)
{
	fx_run(&fx, "enable");
	/* A fresh router is what a reload without startup-config gives. */
	fx_run(&fx, "reload");
	ck_assert_str_eq(fx_prompt(&fx), "Proceed with reload? [confirm]");
	fx_run(&fx, "");
	ck_assert_str_eq(fx_prompt(&fx), "Router>");
}
END_TEST

static Suite *
nvram_suite(void)
{
	Suite	*s = suite_create("nvram");
	TCase	*tc = tcase_create("nvram");

	/* Each test forks and writes files with fsync: seconds on a loaded
	 * machine under ASan, not the default 4. */
	/* The kill -9 test sleeps as long as saves take: slow when loaded. */
	tcase_set_timeout(tc, 120);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_load_to_stream);
	tcase_add_test(tc, test_type7_pairs);
	tcase_add_test(tc, test_type7_round_trip);
	tcase_add_test(tc, test_type7_invalid);
	tcase_add_test(tc, test_password_encryption);
	tcase_add_test(tc, test_write_memory);
	tcase_add_test(tc, test_write_failure_leaves_nothing);
	tcase_add_test(tc, test_reap_stale_temporaries);
	tcase_add_test(tc, test_copy_question);
	tcase_add_test(tc, test_load_on_start);
	tcase_add_test(tc, test_private_nvram_master_key);
	tcase_add_test(tc, test_flash);
	tcase_add_test(tc, test_load_reports_errors);
	tcase_add_test(tc, test_load_streamed);
	tcase_add_test(tc, test_write_memory_kill9);
	tcase_add_test(tc, test_erase);
	tcase_add_test(tc, test_show_startup);
	tcase_add_test(tc, test_reload);
	tcase_add_test(tc, test_reload_without_startup);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(nvram_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
