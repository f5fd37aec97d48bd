/*
 * ike_bench: IKE setups per second between two iosh routers — Main Mode
 * and Quick Mode, pre-shared key, 3des/sha — for DH groups 2, 14 and 19,
 * beside the Diffie-Hellman bound measured in the same run.
 *
 * The two routers live in this process, configured through their CLI as
 * in tests/check_ike.c and joined by a udp: serial wire on 127.0.0.1, so
 * every one of the nine messages crosses the kernel; with IKE_BENCH_WIRE=mem
 * on tests/memlab's mem: wires instead, no system call at all.  One setup: R1
 * clears its SAs (telling R2), an echo from 1.1.1.1 to 2.2.2.2 hits the
 * crypto map, and both loops run until R1 has an outbound IPsec SA.
 *
 * The bound is what the setup cannot avoid: each side makes a key pair
 * and derives the shared secret once (crypto/ike_dh, two sides per
 * setup); the ratio says how close the engine, codec, hashing, ciphers
 * and packet path come to it.  Both rates are in process CPU time (user +
 * system, so the kernel's share of the udp: wire counts), both routers on
 * one core: another job on the shared machine does not count against us.
 */
#include <sys/socket.h>

#include <netinet/in.h>
#include <arpa/inet.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench/benchlib.h"
#include "crypto/crypto_int.h"
#include "crypto/ike_dh.h"
#include "dataplane/dp.h"
#include "lib/evloop.h"
#include "shell/router.h"
#include "shell/session.h"
#include "tests/memlab.h"

#define SETUPS		60
#define DH_ROUNDS	60
#define ROUNDS		3

static struct router	udp_rt[2], *rt;
static struct session	*udp_ss[2], **ss;
/* IKE_BENCH_WIRE=mem: tests/memlab's two routers on mem: wires (seed
 * 001's lab), no system call on the way; NULL on the udp: wire. */
static struct memlab	*ml;

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
discard(void *arg, const char *text, size_t len)
{
	(void)arg;
	(void)text;
	(void)len;
}

static const struct console_ops ops = { discard, discard, NULL, NULL };

static void
run(int r, const char *text)
{
	char	*copy, *line, *save = NULL;

	if ((copy = strdup(text)) == NULL)
		abort();
	for (line = strtok_r(copy, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		(void)session_execute(ss[r], line);
	free(copy);
}

static int
free_port(void)
{
	struct sockaddr_in	sin;
	socklen_t		len = sizeof(sin);
	int			fd = socket(AF_INET, SOCK_DGRAM, 0);

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sin, sizeof(sin)) != 0 ||
	    getsockname(fd, (struct sockaddr *)&sin, &len) != 0) {
		perror("ike_bench: socket");
		exit(1);
	}
	close(fd);
	return ntohs(sin.sin_port);
}

static void
lab(void)
{
	char		 err[256], spec[64];
	const char	*w = getenv("IKE_BENCH_WIRE");
	int		 p0, p1, r;

	if (w != NULL && strcmp(w, "mem") == 0) {
		if ((ml = calloc(1, sizeof(*ml))) == NULL ||
		    memlab_open(ml, "esp-3des esp-sha-hmac", err,
		    sizeof(err)) != 0) {
			fprintf(stderr, "ike_bench: memlab: %s\n", err);
			exit(1);
		}
		rt = ml->ml_rt;
		ss = ml->ml_ss;
		return;
	}
	rt = udp_rt;
	ss = udp_ss;
	p0 = free_port();
	p1 = free_port();
	for (r = 0; r < 2; r++) {
		if (router_init(&rt[r], "ike_bench", err, sizeof(err)) != 0) {
			fprintf(stderr, "ike_bench: %s\n", err);
			exit(1);
		}
		ss[r] = session_new(&rt[r], &ops, NULL);
		run(r, "enable\nconfigure terminal\nno logging console");
	}
	snprintf(spec, sizeof(spec), "udp:%d:127.0.0.1:%d", p0, p1);
	if (router_attach(&rt[0], "Serial1/2", spec, err, sizeof(err)) != 0)
		exit(1);
	snprintf(spec, sizeof(spec), "udp:%d:127.0.0.1:%d", p1, p0);
	if (router_attach(&rt[1], "Serial1/1", spec, err, sizeof(err)) != 0)
		exit(1);
	run(0, "interface Loopback0\nip address 1.1.1.1 255.255.255.255\n"
	    "interface Serial1/2\nip address 12.1.1.1 255.255.255.0\n"
	    "no shutdown\nexit\nip route 2.2.2.2 255.255.255.255 12.1.1.2\n"
	    "crypto isakmp key cisco address 12.1.1.2\n"
	    "crypto ipsec transform-set T esp-3des esp-sha-hmac\nexit\n"
	    "access-list 100 permit ip host 1.1.1.1 host 2.2.2.2\n"
	    "crypto map M 10 ipsec-isakmp\nset peer 12.1.1.2\n"
	    "match address 100\nset transform-set T\nexit\n"
	    "interface Serial1/2\ncrypto map M\nend");
	run(1, "interface Loopback0\nip address 2.2.2.2 255.255.255.255\n"
	    "interface Serial1/1\nip address 12.1.1.2 255.255.255.0\n"
	    "no shutdown\nexit\nip route 1.1.1.1 255.255.255.255 12.1.1.1\n"
	    "crypto isakmp key cisco address 12.1.1.1\n"
	    "crypto ipsec transform-set T esp-3des esp-sha-hmac\nexit\n"
	    "access-list 100 permit ip host 2.2.2.2 host 1.1.1.1\n"
	    "crypto map M 10 ipsec-isakmp\nset peer 12.1.1.1\n"
	    "match address 100\nset transform-set T\nexit\n"
	    "interface Serial1/1\ncrypto map M\nend");
}

static void
set_group(unsigned g)
{
	char	text[256];
	int	r;

	snprintf(text, sizeof(text), "configure terminal\n"
	    "crypto isakmp policy 10\nencryption 3des\nhash sha\n"
	    "authentication pre-share\ngroup %u\nend", g);
	for (r = 0; r < 2; r++)
		run(r, text);
}

static bool
tunnel_up(void)
{
	const struct ipsec_flow	*fl;

	fl = TAILQ_FIRST(&rt[0].r_sys.sy_crypto->c_sadb.db_flows);
	return fl != NULL && TAILQ_FIRST(&fl->fl_out) != NULL;
}

/* Both routers' loops once, and on mem: the frames between them. */
static void
pump(void)
{
	if (ml != NULL) {
		memlab_pump(ml);
		return;
	}
	evloop_once(rt[0].r_loop, 0);
	evloop_once(rt[1].r_loop, 0);
}

/* One setup from nothing; false if it did not finish in time. */
static bool
setup_once(void)
{
	struct dp_echo_req	er;
	double			t0 = now();
	int			r;

	run(0, "clear crypto sa\nclear crypto isakmp");
	for (r = 0; r < 20; r++)
		pump();
	memset(&er, 0, sizeof(er));
	er.er_dst = 0x02020202;
	er.er_src = 0x01010101;
	er.er_id = 99;
	er.er_size = 100;
	er.er_pattern = 0xabcd;
	(void)dp_echo_send(rt[0].r_sys.sy_dp, &er);
	while (!tunnel_up()) {
		if (now() - t0 > 5)
			return false;
		pump();
	}
	return true;
}

/* Per second, the DH work of one setup: two sides, keygen + derive. */
static double
dh_bound(unsigned g)
{
	struct ike_dh	*a, *b;
	const uint8_t	*pub;
	uint8_t		 out[IKE_DH_MAX_LEN];
	size_t		 len;
	double		 t0 = cpu_now();
	int		 i;

	b = ike_dh_new(g);
	pub = ike_dh_public(b, &len);
	for (i = 0; i < DH_ROUNDS * 2; i++) {
		a = ike_dh_new(g);
		if (a == NULL || ike_dh_derive(a, pub, len, out,
		    ike_dh_secret_len(g)) != 0) {
			fprintf(stderr, "ike_bench: DH group %u failed\n", g);
			exit(1);
		}
		ike_dh_free(a);
	}
	ike_dh_free(b);
	return DH_ROUNDS / (cpu_now() - t0);
}

/* Groups from the command line (default 2 14 19); IKE_BENCH_SETUPS setups
 * per round (default 60), ROUNDS rounds interleaved with the bound, medians. */
int
main(int argc, char **argv)
{
	static const unsigned	defgroups[] = { 2, 14, 19 };
	const char		*e = getenv("IKE_BENCH_SETUPS");
	int			setups = e != NULL ? atoi(e) : SETUPS;
	double			t0, rate[ROUNDS], bound[ROUNDS], vr, vb;
	unsigned		g;
	int			i, k, n, ngroups;

	ngroups = argc > 1 ? argc - 1 : 3;
	lab();
	printf("ike_bench: Main Mode + Quick Mode setups/s between two iosh "
	    "routers (3des/sha, psk) on a %s wire, beside the DH bound (2 x "
	    "keygen+derive per setup); median of %d rounds of %d\n",
	    ml != NULL ? "mem:" : "udp:", ROUNDS, setups);
	for (i = 0; i < ngroups; i++) {
		g = argc > 1 ? (unsigned)atoi(argv[i + 1]) : defgroups[i];
		set_group(g);
		if (!setup_once()) {
			fprintf(stderr, "ike_bench: group %u: no tunnel\n", g);
			return 1;
		}
		for (k = 0; k < ROUNDS; k++) {
			t0 = cpu_now();
			for (n = 0; n < setups; n++)
				if (!setup_once()) {
					fprintf(stderr, "ike_bench: group %u: "
					    "setup %d failed\n", g, n);
					return 1;
				}
			rate[k] = setups / (cpu_now() - t0);
			bound[k] = dh_bound(g);
		}
		vr = median(rate, ROUNDS);
		vb = median(bound, ROUNDS);
		printf("  group %-2u  %8.1f setups/s  DH bound %8.1f/s  "
		    "ratio %.2f\n", g, vr, vb, vr / vb);
	}
	if (ml != NULL) {
		memlab_close(ml);
		free(ml);
		return 0;
	}
	session_free(ss[0]);
	session_free(ss[1]);
	router_free(&rt[0]);
	router_free(&rt[1]);
	return 0;
}
