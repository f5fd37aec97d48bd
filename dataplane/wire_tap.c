/*
 * wire_tap: a Linux TAP device; each read(2) is one Ethernet frame and
 * each write(2) sends one (IFF_NO_PI: no packet-information header).
 *
 * A TAP made beforehand (`ip tuntap add dev NAME mode tap`) is attached
 * with its addresses and state intact; otherwise the kernel creates one
 * that disappears when the wire closes.  The host side configures it
 * (`ip link set NAME up`): iosh does not touch host networking.
 */
#include <sys/ioctl.h>

#include <linux/if.h>
#include <linux/if_tun.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "dataplane/wire_impl.h"

static int
tap_open(struct wire *w, const char *name, char *err, size_t errlen)
{
	struct ifreq	ifr;
	int		fd;

	if (*name == '\0') {
		snprintf(err, errlen, "tap: expected tap:NAME");
		return -1;
	}
	if (strlen(name) >= IFNAMSIZ) {
		snprintf(err, errlen, "tap: interface name '%s' too long "
		    "(at most %d characters)", name, IFNAMSIZ - 1);
		return -1;
	}
	if ((fd = open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC)) < 0) {
		snprintf(err, errlen, "tap: cannot open /dev/net/tun: %s",
		    strerror(errno));
		return -1;
	}
	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
	memcpy(ifr.ifr_name, name, strlen(name));
	if (ioctl(fd, TUNSETIFF, &ifr) < 0) {
		snprintf(err, errlen, "tap: cannot attach %s: %s", name,
		    strerror(errno));
		close(fd);
		return -1;
	}
	w->w_fd = fd;
	return 0;
}

static void
tap_read(struct wire *w)
{
	ssize_t	n;
	int	i;

	for (i = 0; i < WIRE_RX_BUDGET; i++) {
		if ((n = read(w->w_fd, w->w_buf, WIRE_FRAME_MAX)) < 0) {
			if (errno == EINTR)
				continue;
			if (errno != EAGAIN && errno != EWOULDBLOCK)
				wire_count_error(w, WIRE_IN, errno);
			return;
		}
		/* A TAP gives one frame per read(2). */
		w->w_stats.ws_in_batches++;
		wire_input(w, w->w_buf, (size_t)n, (size_t)n);
	}
}

static int
tap_send(struct wire *w, const uint8_t *frame, size_t len)
{
	ssize_t	n;

	do
		n = write(w->w_fd, frame, len);
	while (n < 0 && errno == EINTR);
	return n < 0 ? -1 : 0;
}

static void
tap_close(struct wire *w)
{
	close(w->w_fd);
}

const struct wire_ops wire_tap_ops = {
	.wo_kind = "tap",
	.wo_open = tap_open,
	.wo_read = tap_read,
	.wo_send = tap_send,
	.wo_close = tap_close,
};
