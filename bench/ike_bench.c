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
 * IKE_BENCH_WIRE=veth:NS1:IF1:NS2:IF2 (bench/ike_setup_interop.sh): each
 * router in its own network namespace, FastEthernet0/0 a pcap: wire on
 * that namespace's end of a veth — IKE as real UDP/500 frames through
 * the kernel, as two strongSwans exchange it.  Both routers in this
 * process (each wire opened inside its namespace), polled in turn; with
 * IKE_BENCH_PROCS=2 R2 is a forked child answering from its event loop
 * and R1 waits in poll for each message, so every message also waits for
 * the scheduler to wake the other process.  Rates are then also given per
 * wall second, and the CPU time counts both processes.
 *
 * The bound is what the setup cannot avoid: each side makes a key pair
 * and derives the shared secret once (crypto/ike_dh, two sides per
 * setup); the ratio says how close the engine, codec, hashing, ciphers
 * and packet path come to it.  Both are measured on the event loop's
 * thread alone: ike_dh's maker thread (key pairs made ahead on another
 * CPU, for the wall clock) is stopped on mem: (by memlab) and for the
 * bound.  On veth: the setups run with it, as a router does, and their
 * CPU time counts its work too.  Both rates are in process CPU time (user +
 * system, so the kernel's share of the udp: wire counts), both routers on
 * one core: another job on the shared machine does not count against us.
 * IKE_BENCH_NOBOUND=1 skips the bound (setups/s only) so that a profile
 * of the run holds nothing but setups.
 */
#define _GNU_SOURCE	/* setns(2) */
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>

#include <netinet/in.h>
#include <arpa/inet.h>

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
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
#define MAX_ROUNDS	9

static struct router	udp_rt[2], *rt;
static struct session	*udp_ss[2], **ss;
/* IKE_BENCH_WIRE=mem: tests/memlab's two routers on mem: wires (seed
 * 001's lab), no system call on the way; NULL on the udp: wire. */
static struct memlab	*ml;
/* IKE_BENCH_WIRE=veth:... with IKE_BENCH_PROCS=2: R2's process (this
 * one is R1 only), else 0. */
static pid_t		 peer;
static bool		 veth;		/* IKE_BENCH_WIRE=veth:... */
/* The ISAKMP policy's `encryption` (IKE_BENCH_CIPHER): "3des" or "aes". */
static const char	*ike_cipher = "3des";

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

/* R1's (R == 0) or R2's crypto map tunnel on interface IF. */
static void
configure(int r, const char *ifname)
{
	char	text[1024];

	snprintf(text, sizeof(text), "interface Loopback0\n"
	    "ip address %s 255.255.255.255\n"
	    "interface %s\nip address %s 255.255.255.0\n"
	    "no shutdown\nexit\nip route %s 255.255.255.255 %s\n"
	    "crypto isakmp key cisco address %s\n"
	    "crypto ipsec transform-set T esp-3des esp-sha-hmac\nexit\n"
	    "access-list 100 permit ip host %s host %s\n"
	    "crypto map M 10 ipsec-isakmp\nset peer %s\n"
	    "match address 100\nset transform-set T\nexit\n"
	    "interface %s\ncrypto map M\nend",
	    r ? "2.2.2.2" : "1.1.1.1", ifname, r ? "12.1.1.2" : "12.1.1.1",
	    r ? "1.1.1.1" : "2.2.2.2", r ? "12.1.1.1" : "12.1.1.2",
	    r ? "12.1.1.1" : "12.1.1.2", r ? "2.2.2.2" : "1.1.1.1",
	    r ? "1.1.1.1" : "2.2.2.2", r ? "12.1.1.1" : "12.1.1.2", ifname);
	run(r, text);
}

/* Into the network namespace NAME (`ip netns add NAME`). */
static void
enter_ns(const char *name)
{
	char	path[256];
	int	fd;

	snprintf(path, sizeof(path), "/var/run/netns/%s", name);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0 ||
	    setns(fd, CLONE_NEWNET) != 0) {
		perror(path);
		exit(1);
	}
	close(fd);
}

/* Router R alone in namespace NS, FastEthernet0/0 on pcap:IF. */
static void
veth_router(int r, const char *ns, const char *ifname)
{
	char	err[256], spec[64];

	enter_ns(ns);
	if (router_init(&rt[r], "ike_bench", err, sizeof(err)) != 0) {
		fprintf(stderr, "ike_bench: %s\n", err);
		exit(1);
	}
	ss[r] = session_new(&rt[r], &ops, NULL);
	run(r, "enable\nconfigure terminal\nno logging console");
	snprintf(spec, sizeof(spec), "pcap:%s", ifname);
	if (router_attach(&rt[r], "FastEthernet0/0", spec, err,
	    sizeof(err)) != 0) {
		fprintf(stderr, "ike_bench: %s\n", err);
		exit(1);
	}
	configure(r, "FastEthernet0/0");
}

static void	pump(int);

/* R2's MAC address before the first setup: Main Mode 1 sent to an
 * address without an ARP entry would be dropped and wait for its
 * retransmission.  Echoes to R2, outside the crypto ACL, learn it (the
 * first one's ARP request). */
static void
learn_arp(void)
{
	struct dp_echo_req	er;
	double			t1;
	int			i;

	for (i = 0; i < 3; i++) {
		memset(&er, 0, sizeof(er));
		er.er_dst = 0x0c010102;
		er.er_src = 0x0c010101;
		er.er_id = 98;
		er.er_size = 100;
		(void)dp_echo_send(rt[0].r_sys.sy_dp, &er);
		for (t1 = now(); now() - t1 < 0.1; )
			pump(5);
	}
}

/* veth:NS1:IF1:NS2:IF2 — R1 in NS1, R2 in NS2, here; or (IKE_BENCH_PROCS=2)
 * R2 forked into NS2, answering every group (one ISAKMP policy each),
 * until R1 ends it. */
static void
veth_lab(const char *spec)
{
	const char		*e;
	char			*f[5], *copy, *save = NULL, text[512];
	char			 c;
	int			 i, ready[2];

	if ((copy = strdup(spec + 5)) == NULL)
		abort();
	for (i = 0; i < 5; i++)
		if ((f[i] = strtok_r(i ? NULL : copy, ":", &save)) == NULL)
			break;
	if (i != 4) {
		fprintf(stderr, "ike_bench: expected veth:NS1:IF1:NS2:IF2\n");
		exit(1);
	}
	rt = udp_rt;
	ss = udp_ss;
	veth = true;
	if ((e = getenv("IKE_BENCH_PROCS")) == NULL || atoi(e) != 2) {
		veth_router(0, f[0], f[1]);
		veth_router(1, f[2], f[3]);
		free(copy);
		learn_arp();
		return;
	}
	fflush(stdout);
	if (pipe(ready) != 0 || (peer = fork()) < 0) {
		perror("ike_bench: fork");
		exit(1);
	}
	if (peer == 0) {
		(void)prctl(PR_SET_PDEATHSIG, SIGTERM);
		veth_router(1, f[2], f[3]);
		snprintf(text, sizeof(text), "configure terminal\n"
		    "crypto isakmp policy 2\nencryption %s\nhash sha\n"
		    "authentication pre-share\ngroup 2\n"
		    "crypto isakmp policy 14\nencryption %s\nhash sha\n"
		    "authentication pre-share\ngroup 14\n"
		    "crypto isakmp policy 19\nencryption %s\nhash sha\n"
		    "authentication pre-share\ngroup 19\nend", ike_cipher,
		    ike_cipher, ike_cipher);
		run(1, text);
		/* Configured and on the wire: R1 may begin. */
		if (write(ready[1], "", 1) != 1)
			exit(1);
		for (;;)
			(void)evloop_once(rt[1].r_loop, -1);
	}
	veth_router(0, f[0], f[1]);
	free(copy);
	if (read(ready[0], &c, 1) != 1) {
		fprintf(stderr, "ike_bench: R2 did not start\n");
		exit(1);
	}
	close(ready[0]);
	close(ready[1]);
	learn_arp();
}

/* CPU seconds of R2's process (0 without one). */
static double
peer_cpu(void)
{
	char		path[64], buf[1024], *p;
	unsigned long	ut, st;
	FILE		*fp;

	if (peer <= 0)
		return 0;
	snprintf(path, sizeof(path), "/proc/%d/stat", (int)peer);
	if ((fp = fopen(path, "r")) == NULL)
		return 0;
	p = fgets(buf, sizeof(buf), fp);
	fclose(fp);
	/* Fields 14 and 15, counted after the ")" that ends the name. */
	if (p == NULL || (p = strrchr(buf, ')')) == NULL ||
	    sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u "
	    "%lu %lu", &ut, &st) != 2)
		return 0;
	return (double)(ut + st) / sysconf(_SC_CLK_TCK);
}

static void
lab(void)
{
	char		 err[256], spec[64];
	const char	*w = getenv("IKE_BENCH_WIRE");
	int		 p0, p1, r;

	if (w != NULL && strncmp(w, "veth:", 5) == 0) {
		veth_lab(w);
		return;
	}
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
	configure(0, "Serial1/2");
	configure(1, "Serial1/1");
}

static void
set_group(unsigned g)
{
	char	text[256];
	int	r;

	snprintf(text, sizeof(text), "configure terminal\n"
	    "crypto isakmp policy 10\nencryption %s\nhash sha\n"
	    "authentication pre-share\ngroup %u\nend", ike_cipher, g);
	for (r = 0; r < (peer > 0 ? 1 : 2); r++)
		run(r, text);
}

static bool
tunnel_up(void)
{
	const struct ipsec_flow	*fl;

	fl = TAILQ_FIRST(&rt[0].r_sys.sy_crypto->c_sadb.db_flows);
	return fl != NULL && TAILQ_FIRST(&fl->fl_out) != NULL;
}

/* R2 (in this process) holds no ISAKMP or IPsec SA: the deletes of
 * R1's clear have arrived. */
static bool
peer_cleared(void)
{
	const struct sadb	*db = &rt[1].r_sys.sy_crypto->c_sadb;

	return db->db_nisakmp == 0 && db->db_nsa == 0 && db->db_nflows == 0;
}

/* Both routers' loops once, and on mem: the frames between them; R1's
 * alone with R2 in another process, waiting up to WAIT ms for it. */
static void
pump(int wait)
{
	if (ml != NULL) {
		memlab_pump(ml);
		return;
	}
	if (peer > 0) {		/* R2 is another process: wait for it */
		evloop_once(rt[0].r_loop, wait);
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
	/* Let the deletes reach R2.  memlab_pump already runs until no
	 * frame moves, so on mem: once is enough.  With R2 in this process
	 * (udp:, veth: one process) pump until R2 holds no SA: the first
	 * pump has taken them, and the twenty fixed pumps this replaced
	 * were 38 idle poll(2)s and clock reads per setup — the bench's
	 * cost, not IKE's or the wire's.  With R2 in another process R1
	 * cannot look; the deletes are ahead of the next Main Mode 1 on
	 * the same wire and R2 reads them in order, so R1's loop turns
	 * once, as on mem:. */
	for (r = 0; r < 20; r++) {
		pump(0);
		if (ml != NULL || peer > 0 || peer_cleared())
			break;
	}
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
		pump(5);
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
 * per round (default 60), IKE_BENCH_ROUNDS rounds (default 3) interleaved
 * with the bound, medians. */
int
main(int argc, char **argv)
{
	static const unsigned	defgroups[] = { 2, 14, 19 };
	const char		*e = getenv("IKE_BENCH_SETUPS");
	int			setups = e != NULL ? atoi(e) : SETUPS;
	const char		*er = getenv("IKE_BENCH_ROUNDS");
	const char		*ec;
	int			rounds = er != NULL ? atoi(er) : ROUNDS;
	double			t0, w0, c0, rate[MAX_ROUNDS], vr, vb;
	double			bound[MAX_ROUNDS], wall[MAX_ROUNDS];
	unsigned		g;
	int			i, k, n, ngroups;
	/* IKE_BENCH_NOBOUND=1: setups only, for profiling them alone (perf
	 * without call graphs, strace -c); no ratio is printed. */
	bool			nobound = (ec = getenv("IKE_BENCH_NOBOUND")) != NULL &&
				    atoi(ec) == 1;

	ngroups = argc > 1 ? argc - 1 : 3;
	if ((ec = getenv("IKE_BENCH_CIPHER")) != NULL) {
		if (strcmp(ec, "aes") != 0 && strcmp(ec, "3des") != 0) {
			fprintf(stderr, "ike_bench: IKE_BENCH_CIPHER: aes or "
			    "3des\n");
			return 1;
		}
		ike_cipher = ec;
	}
	if (rounds < 1 || rounds > MAX_ROUNDS)
		rounds = ROUNDS;
	lab();
	printf("ike_bench: Main Mode + Quick Mode setups/s between two iosh "
	    "routers (IKE %s/sha, psk; ESP 3des/sha) on a %s wire, beside the DH bound (2 x "
	    "keygen+derive per setup); median of %d rounds of %d\n",
	    strcmp(ike_cipher, "aes") == 0 ? "aes-128" : "3des",
	    ml != NULL ? "mem:" : peer > 0 ? "veth (pcap:, two processes)" :
	    veth ? "veth (pcap:, one process)" : "udp:", rounds, setups);
	for (i = 0; i < ngroups; i++) {
		g = argc > 1 ? (unsigned)atoi(argv[i + 1]) : defgroups[i];
		set_group(g);
		if (!setup_once()) {
			fprintf(stderr, "ike_bench: group %u: no tunnel\n", g);
			return 1;
		}
		for (k = 0; k < rounds; k++) {
			t0 = cpu_now();
			c0 = peer_cpu();
			w0 = now();
			for (n = 0; n < setups; n++)
				if (!setup_once()) {
					fprintf(stderr, "ike_bench: group %u: "
					    "setup %d failed\n", g, n);
					return 1;
				}
			wall[k] = setups / (now() - w0);
			rate[k] = setups / (cpu_now() - t0 + peer_cpu() - c0);
			ike_dh_maker_enable(false);
			bound[k] = nobound ? 0 : dh_bound(g);
			ike_dh_maker_enable(ml == NULL);
		}
		vr = median(rate, rounds);
		vb = median(bound, rounds);
		if (nobound) {
			printf("  group %-2u  %8.1f setups/s  (DH bound "
			    "skipped)\n", g, vr);
			continue;
		}
		printf("  group %-2u  %8.1f setups/s  DH bound %8.1f/s  "
		    "ratio %.2f", g, vr, vb, vr / vb);
		if (veth)	/* the wire's latency is in this one */
			printf("  wall %8.1f setups/s", median(wall, rounds));
		printf("\n");
	}
	if (ml != NULL) {
		memlab_close(ml);
		free(ml);
		return 0;
	}
	if (peer > 0) {
		(void)kill(peer, SIGTERM);
		(void)waitpid(peer, NULL, 0);
		session_free(ss[0]);
		router_free(&rt[0]);
		return 0;
	}
	session_free(ss[0]);
	session_free(ss[1]);
	router_free(&rt[0]);
	router_free(&rt[1]);
	return 0;
}
