/*
 * capture: classic pcap writer (magic a1b2c3d4, version 2.4, microsecond
 * timestamps), buffered in memory so a busy interface costs one write(2)
 * per CAPTURE_BUFSIZE bytes rather than one per frame.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dataplane/capture.h"
#include "lib/bytes.h"
#include "lib/clock.h"
#include "lib/xalloc.h"

#define PCAP_MAGIC		0xa1b2c3d4u
#define PCAP_HDRLEN		24
#define PCAP_RECHDRLEN		16

struct capture {
	int			 c_fd;
	uint32_t		 c_snaplen;
	int			 c_failed;	/* a write failed: stop writing */
	uint64_t		 c_size;	/* the file's size, buffer included */
	uint64_t		 c_limit;	/* 0: none */
	struct capture_stats	 c_stats;
	size_t			 c_len;		/* bytes buffered */
	uint8_t			 c_buf[CAPTURE_BUFSIZE];
};

static int
write_all(int fd, const uint8_t *p, size_t len)
{
	ssize_t	n;

	while (len > 0) {
		if ((n = write(fd, p, len)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int
capture_flush(struct capture *c)
{
	if (!c->c_failed && c->c_len > 0 &&
	    write_all(c->c_fd, c->c_buf, c->c_len) < 0)
		c->c_failed = 1;
	c->c_len = 0;
	return c->c_failed ? -1 : 0;
}

struct capture *
capture_open(const char *path, uint32_t linktype, uint32_t snaplen,
    char *err, size_t errlen)
{
	struct capture	*c;
	int		 fd;

	if (snaplen == 0 || snaplen > CAPTURE_SNAPLEN_MAX)
		snaplen = CAPTURE_SNAPLEN_MAX;
	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0644)) < 0) {
		snprintf(err, errlen, "capture: cannot create %s: %s", path,
		    strerror(errno));
		return NULL;
	}
	c = xcalloc(1, sizeof(*c));
	c->c_fd = fd;
	c->c_snaplen = snaplen;
	put32le(c->c_buf, PCAP_MAGIC);
	put16le(c->c_buf + 4, 2);		/* version 2.4 */
	put16le(c->c_buf + 6, 4);
	put32le(c->c_buf + 8, 0);		/* timestamps are UTC */
	put32le(c->c_buf + 12, 0);	/* sigfigs */
	put32le(c->c_buf + 16, snaplen);
	put32le(c->c_buf + 20, linktype);
	c->c_len = PCAP_HDRLEN;
	c->c_size = PCAP_HDRLEN;
	return c;
}

void
capture_set_limit(struct capture *c, uint64_t limit)
{
	c->c_limit = limit;
}

void
capture_frame(struct capture *c, const uint8_t *frame, size_t len)
{
	int64_t		 ms = clock_wall_ms();
	size_t		 caplen = len < c->c_snaplen ? len : c->c_snaplen;
	uint8_t		*p;

	if (c->c_failed) {
		c->c_stats.cs_errors++;
		return;
	}
	if (c->c_limit != 0 &&
	    c->c_size + PCAP_RECHDRLEN + caplen > c->c_limit) {
		c->c_stats.cs_dropped++;
		return;
	}
	if (c->c_len + PCAP_RECHDRLEN + caplen > sizeof(c->c_buf)) {
		capture_flush(c);
		if (c->c_failed) {
			c->c_stats.cs_errors++;
			return;
		}
	}
	if (ms < 0)
		ms = 0;
	p = c->c_buf + c->c_len;
	put32le(p, (uint32_t)(ms / 1000));
	put32le(p + 4, (uint32_t)(ms % 1000) * 1000);
	put32le(p + 8, (uint32_t)caplen);
	put32le(p + 12, (uint32_t)len);
	c->c_len += PCAP_RECHDRLEN;
	/* snaplen + 16 < CAPTURE_BUFSIZE: after a flush a record fits. */
	memcpy(c->c_buf + c->c_len, frame, caplen);
	c->c_len += caplen;
	c->c_size += PCAP_RECHDRLEN + caplen;
	c->c_stats.cs_frames++;
	c->c_stats.cs_bytes += caplen;
}

int
capture_close(struct capture *c)
{
	int	rv;

	if (c == NULL)
		return 0;
	rv = capture_flush(c);
	if (close(c->c_fd) < 0)
		rv = -1;
	free(c);
	return rv;
}

const struct capture_stats *
capture_stats(const struct capture *c)
{
	return &c->c_stats;
}
