/*
 * pair: CCIE lab 13-1's two routers in one process (see pair.h).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/clock.h"
#include "lib/evloop.h"
#include "shell/session.h"
#include "tests/pair.h"

struct fixture	pair[PAIR_MAX];
int		pair_n = PAIR_NR;

const char *const pair_base_cfg[PAIR_NR] = {
	"hostname R1\n"
	"interface Loopback0\n ip address 1.1.1.1 255.255.255.255\n"
	"interface Serial1/2\n ip address 12.1.1.1 255.255.255.0\n"
	" no shutdown\n"
	"ip route 2.2.2.2 255.255.255.255 12.1.1.2\n",
	"hostname R2\n"
	"interface Loopback0\n ip address 2.2.2.2 255.255.255.255\n"
	"interface Serial1/1\n ip address 12.1.1.2 255.255.255.0\n"
	" no shutdown\n"
	"ip route 1.1.1.1 255.255.255.255 12.1.1.1\n",
};

void
pair_config(int r, const char *text)
{
	fx_config_notes(&pair[r], text);
}

void
pair_crypto_cfg(int r, const char *enc, const char *key, const char *rule)
{
	char	text[1024];

	snprintf(text, sizeof(text),
	    "crypto isakmp policy 10\n hash md5\n authentication pre-share\n"
	    " group 2\n encryption %s\n"
	    "crypto isakmp key %s address 12.1.1.%d\n"
	    "crypto ipsec transform-set TSET esp-3des esp-md5-hmac\n"
	    "access-list 100 %s\n"
	    "crypto map TST 10 ipsec-isakmp\n set peer 12.1.1.%d\n"
	    " match address 100\n set transform-set TSET\n"
	    "interface %s\n crypto map TST\n",
	    enc, key, r == R1 ? 2 : 1, rule, r == R1 ? 2 : 1,
	    r == R1 ? "Serial1/2" : "Serial1/1");
	pair_config(r, text);
}

const char *
pair_set_ping(const char *set, bool transport, int n)
{
	char	line[160];

	if (transport) {
		pair_crypto_cfg(R1, "3des", "cisco",
		    "permit icmp host 12.1.1.1 host 12.1.1.2");
		pair_crypto_cfg(R2, "3des", "cisco",
		    "permit icmp host 12.1.1.2 host 12.1.1.1");
	} else {
		pair_crypto_cfg(R1, "3des", "cisco",
		    "permit ip host 1.1.1.1 host 2.2.2.2");
		pair_crypto_cfg(R2, "3des", "cisco",
		    "permit ip host 2.2.2.2 host 1.1.1.1");
	}
	snprintf(line, sizeof(line), "crypto ipsec transform-set TSET %s\n%s",
	    set, transport ? " mode transport\n" : "");
	pair_config(R1, line);
	pair_config(R2, line);
	/* A 1 s timeout: the first echo, dropped while IKE runs, costs
	 * half the frozen time (and polling) of IOS's default 2 s. */
	snprintf(line, sizeof(line), transport ? "ping 12.1.1.2 repeat %d "
	    "timeout 1" : "ping 2.2.2.2 source loopback0 repeat %d timeout 1",
	    n);
	return pair_run_wait(R1, line);
}

bool
pair_drain(void)
{
	size_t	before[PAIR_MAX];
	bool	moved = false;
	int	i, r;

	for (i = 0; i < 50; i++) {
		for (r = 0; r < pair_n; r++)
			before[r] = pair[r].fx_out.sb_len;
		for (r = 0; r < pair_n; r++)
			evloop_once(pair[r].fx_rt.r_loop, 0);
		for (r = 0; r < pair_n; r++)
			if (pair[r].fx_out.sb_len != before[r])
				moved = true;
	}
	return moved;
}

void
pair_run_for(unsigned seconds)
{
	unsigned	i;

	for (i = 0; i < seconds * 10; i++) {
		pair_drain();
		clock_advance(100);
	}
	pair_drain();
}

const char *
pair_run_wait(int r, const char *cmd)
{
	int	i;

	strbuf_reset(&pair[r].fx_out);
	fx_run(&pair[r], cmd);
	for (i = 0; i < 10000 && session_busy(pair[r].fx_sess); i++) {
		pair_drain();
		clock_advance(100);
	}
	ck_assert_msg(!session_busy(pair[r].fx_sess), "%s did not end", cmd);
	return pair[r].fx_out.sb_buf;
}

bool
pair_has(int r, const char *text)
{
	return strstr(pair[r].fx_out.sb_buf, text) != NULL;
}

const char *
pair_lines_in_order(int r, const char *const *lines)
{
	const char	*at = pair[r].fx_out.sb_buf, *hit;
	size_t		 n;

	for (; *lines != NULL; lines++) {
		n = strlen(*lines);
		/* A whole line: after a timestamp's ": " or a newline. */
		for (hit = at; (hit = strstr(hit, *lines)) != NULL; hit++)
			if ((hit == pair[r].fx_out.sb_buf || hit[-1] == '\n' ||
			    hit[-1] == ' ') && hit[n] == '\n')
				break;
		if (hit == NULL)
			return *lines;
		at = hit + n;
	}
	return NULL;
}

void
pair_open(const char *const cfg[PAIR_NR])
{
	pair_open_on(cfg, "Serial1/2", "Serial1/1");
}

/* N routers up in privileged exec on the frozen clock (wires next). */
static void
open_routers(int n)
{
	int	r;

	pair_n = n;
	clock_use_frozen(FX_EPOCH_MS);
	for (r = 0; r < pair_n; r++) {
		fx_open(&pair[r], NULL);
		fx_run(&pair[r], "enable");
	}
}

/* Each router configured, a second gone, the output cleared. */
static void
configure_all(const char *const *cfg)
{
	int	r;

	for (r = 0; r < pair_n; r++)
		pair_config(r, cfg[r]);
	pair_run_for(1);
	for (r = 0; r < pair_n; r++)
		strbuf_reset(&pair[r].fx_out);
}

void
pair_open_on(const char *const cfg[PAIR_NR], const char *if1,
    const char *if2)
{
	int	p0, p1;

	open_routers(PAIR_NR);
	p0 = fx_udp_port();
	p1 = fx_udp_port();
	fx_attach_udp(&pair[R1], if1, p0, p1);
	fx_attach_udp(&pair[R2], if2, p1, p0);
	configure_all(cfg != NULL ? cfg : pair_base_cfg);
}

void
pair_open3(const char *const cfg[PAIR_MAX], const char *const ifs[4])
{
	int	p[4], i;

	open_routers(PAIR_MAX);
	for (i = 0; i < 4; i++)
		p[i] = fx_udp_port();
	fx_attach_udp(&pair[R1], ifs[0], p[0], p[1]);
	fx_attach_udp(&pair[R3], ifs[1], p[1], p[0]);
	fx_attach_udp(&pair[R3], ifs[2], p[2], p[3]);
	fx_attach_udp(&pair[R2], ifs[3], p[3], p[2]);
	configure_all(cfg);
}

void
pair_close(void)
{
	int	r;

	for (r = 0; r < pair_n; r++)
		fx_close(&pair[r]);
	pair_n = PAIR_NR;
	clock_use_real();
}

void
pair_capture_start(int r, const char *ifname)
{
	char	line[128];

	pair_config(r, "service internal");
	snprintf(line, sizeof(line), "monitor capture PAIR interface %s both",
	    ifname);
	ck_assert_str_eq(fx_run(&pair[r], line), "");
	ck_assert_str_eq(fx_run(&pair[r], "monitor capture PAIR start"),
	    "Started capture point : PAIR\n");
}

void
pair_capture_save(int r, const char *name, unsigned ike, unsigned esp)
{
	const char	*dir = getenv("CAPTURE_DIR");
	char		 tmp[] = "/tmp/pair_capture.XXXXXX", line[512];
	char		 pcap[256], keys[256], want[512];

	if (dir == NULL)
		ck_assert_ptr_nonnull(dir = mkdtemp(tmp));
	snprintf(pcap, sizeof(pcap), "%s/%s.pcap", dir, name);
	snprintf(keys, sizeof(keys), "%s/%s-keys", dir, name);
	ck_assert_str_eq(fx_run(&pair[r], "monitor capture PAIR stop"),
	    "Stopped capture point : PAIR\n");
	snprintf(line, sizeof(line), "monitor capture PAIR export %s", pcap);
	ck_assert_str_eq(fx_run(&pair[r], line), "Exported Successfully\n");
	snprintf(line, sizeof(line), "test crypto wireshark-keys %s", keys);
	snprintf(want, sizeof(want), "Wrote %u ISAKMP and %u ESP keys to %s\n",
	    ike, esp, keys);
	ck_assert_str_eq(fx_run(&pair[r], line), want);
	if (dir != tmp)
		return;
	snprintf(line, sizeof(line), "%s/esp_sa", keys);
	ck_assert_int_eq(unlink(line), 0);
	snprintf(line, sizeof(line), "%s/ikev1_decryption_table", keys);
	ck_assert_int_eq(unlink(line), 0);
	ck_assert_int_eq(rmdir(keys), 0);
	ck_assert_int_eq(unlink(pcap), 0);
	ck_assert_int_eq(rmdir(tmp), 0);
}
