/*
 * gre_tun: a GRE endpoint for Linux in user space, for tests/gre_netns.sh
 * on kernels built without ip_gre (this CI's cannot load modules).
 *
 *	gre_tun LOCAL REMOTE IFNAME SECONDS
 *
 * LOCAL and REMOTE IPv6 addresses make it an ip6gre endpoint instead
 * (GRE straight after the IPv6 header, a raw IPv6 socket: the kernel
 * hands it the GRE packet without the header; no ip6_gre module here).
 *
 * Creates the TUN device IFNAME and joins it to a raw IPv4 socket of
 * protocol 47: what Linux routes into IFNAME leaves as GRE (RFC 2784, no
 * key, no checksum) from LOCAL to REMOTE; GRE from REMOTE has its header
 * checked (version 0; checksum, key and sequence fields skipped as RFC
 * 2890 lays them out) and its inner IPv4 or IPv6 packet handed to Linux
 * on IFNAME.  So everything above the encapsulation — addresses, routes,
 * ping and its replies — is Linux's own stack, as with `ip tunnel add
 * ... mode gre`.  The kernel answers no protocol-unreachable for GRE
 * while a raw socket takes it.  Exits after SECONDS; counts on stderr.
 */
#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define GRE_C	0x8000
#define GRE_K	0x2000
#define GRE_S	0x1000
#define GRE_VER	0x0007

static int
tun_open(const char *name)
{
	struct ifreq	 ifr;
	int		 fd = open("/dev/net/tun", O_RDWR);

	if (fd == -1)
		return -1;
	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_flags = IFF_TUN | IFF_NO_PI;
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", name);
	if (ioctl(fd, TUNSETIFF, &ifr) == -1) {
		close(fd);
		return -1;
	}
	return fd;
}

/* The inner packet of the GRE datagram PKT (outer IPv4 header first,
 * unless V6: then the GRE header itself). */
static const uint8_t *
gre_inner(const uint8_t *pkt, size_t len, size_t *inlen, int v6)
{
	size_t		 ihl = 0, off;
	uint16_t	 flags, proto;

	if (!v6) {
		if (len < 20 || (pkt[0] >> 4) != 4)
			return NULL;
		ihl = (size_t)(pkt[0] & 0x0f) * 4;
		if (ihl < 20)
			return NULL;
	}
	if (len < ihl + 4)
		return NULL;
	flags = (uint16_t)(pkt[ihl] << 8 | pkt[ihl + 1]);
	proto = (uint16_t)(pkt[ihl + 2] << 8 | pkt[ihl + 3]);
	if ((flags & GRE_VER) != 0 || (proto != 0x0800 && proto != 0x86dd))
		return NULL;
	off = ihl + 4;
	if (flags & GRE_C)
		off += 4;
	if (flags & GRE_K)
		off += 4;
	if (flags & GRE_S)
		off += 4;
	if (off >= len)
		return NULL;
	*inlen = len - off;
	return pkt + off;
}

int
main(int argc, char *argv[])
{
	struct sockaddr_storage	 local, remote, from;
	struct sockaddr_in	*l4 = (struct sockaddr_in *)&local;
	struct sockaddr_in	*r4 = (struct sockaddr_in *)&remote;
	struct sockaddr_in6	*l6 = (struct sockaddr_in6 *)&local;
	struct sockaddr_in6	*r6 = (struct sockaddr_in6 *)&remote;
	struct pollfd		 pfd[2];
	uint8_t			 buf[65536 + 4];
	unsigned long		 out = 0, in = 0, bad = 0;
	socklen_t		 alen;
	time_t			 end;
	int			 tun, raw, v6;

	if (argc != 5) {
		fprintf(stderr, "usage: gre_tun LOCAL REMOTE IFNAME SECONDS\n");
		return 2;
	}
	memset(&local, 0, sizeof(local));
	memset(&remote, 0, sizeof(remote));
	v6 = strchr(argv[1], ':') != NULL;
	if (v6) {
		l6->sin6_family = r6->sin6_family = AF_INET6;
		alen = sizeof(*l6);
		if (inet_pton(AF_INET6, argv[1], &l6->sin6_addr) != 1 ||
		    inet_pton(AF_INET6, argv[2], &r6->sin6_addr) != 1) {
			fprintf(stderr, "gre_tun: bad address\n");
			return 2;
		}
	} else {
		l4->sin_family = r4->sin_family = AF_INET;
		alen = sizeof(*l4);
		if (inet_pton(AF_INET, argv[1], &l4->sin_addr) != 1 ||
		    inet_pton(AF_INET, argv[2], &r4->sin_addr) != 1) {
			fprintf(stderr, "gre_tun: bad address\n");
			return 2;
		}
	}
	end = time(NULL) + atoi(argv[4]);
	if ((tun = tun_open(argv[3])) == -1) {
		perror("gre_tun: tun");
		return 1;
	}
	if ((raw = socket(v6 ? AF_INET6 : AF_INET, SOCK_RAW, IPPROTO_GRE)) ==
	    -1 || bind(raw, (struct sockaddr *)&local, alen) == -1) {
		perror("gre_tun: raw socket");
		return 1;
	}
	pfd[0].fd = tun;
	pfd[1].fd = raw;
	pfd[0].events = pfd[1].events = POLLIN;
	while (time(NULL) < end) {
		if (poll(pfd, 2, 200) <= 0)
			continue;
		if (pfd[0].revents & POLLIN) {
			/* Linux's packet, behind a 4-byte GRE header. */
			ssize_t n = read(tun, buf + 4, sizeof(buf) - 4);

			if (n > 0) {
				buf[0] = buf[1] = 0;
				buf[2] = (buf[4] >> 4) == 6 ? 0x86 : 0x08;
				buf[3] = (buf[4] >> 4) == 6 ? 0xdd : 0x00;
				if (sendto(raw, buf, (size_t)n + 4, 0,
				    (struct sockaddr *)&remote, alen) > 0)
					out++;
			}
		}
		if (pfd[1].revents & POLLIN) {
			socklen_t	 fl = sizeof(from);
			ssize_t		 n = recvfrom(raw, buf, sizeof(buf), 0,
			    (struct sockaddr *)&from, &fl);
			const uint8_t	*inner;
			size_t		 ilen;

			if (n <= 0)
				continue;
			if ((v6 ? memcmp(&((struct sockaddr_in6 *)&from)->
			    sin6_addr, &r6->sin6_addr, 16) != 0 :
			    ((struct sockaddr_in *)&from)->sin_addr.s_addr !=
			    r4->sin_addr.s_addr) ||
			    (inner = gre_inner(buf, (size_t)n, &ilen, v6)) ==
			    NULL) {
				bad++;
				continue;
			}
			if (write(tun, inner, ilen) == (ssize_t)ilen)
				in++;
		}
	}
	fprintf(stderr, "gre_tun: %lu out, %lu in, %lu dropped\n", out, in,
	    bad);
	return 0;
}
