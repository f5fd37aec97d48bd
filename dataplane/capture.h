/*
 * capture: frames into a classic pcap file (the format tcpdump, tshark
 * and Wireshark all read), for `monitor capture`-style commands.
 *
 * The link type follows the interface, not the wire: Ethernet-type
 * interfaces write CAPTURE_LINKTYPE_ETHERNET; serial interfaces carry
 * Cisco HDLC frames (see wire.h) and write CAPTURE_LINKTYPE_C_HDLC, which
 * is also what dynamips writes for its serial links, so a capture of a
 * serial link shows the keepalives and the protocol field as IOS sends
 * them.  CAPTURE_LINKTYPE_RAW (bare IPv4/IPv6) suits tunnel interfaces.
 *
 * Files are written little-endian whatever the host, so they compare
 * byte for byte in tests.  Timestamps come from lib/clock (millisecond
 * resolution).  Records are buffered and written when the buffer fills,
 * on capture_flush() and on capture_close().
 */
#ifndef IOSH_DATAPLANE_CAPTURE_H
#define IOSH_DATAPLANE_CAPTURE_H

#include <stddef.h>
#include <stdint.h>

#define CAPTURE_LINKTYPE_ETHERNET	1
#define CAPTURE_LINKTYPE_RAW		101
#define CAPTURE_LINKTYPE_C_HDLC		104

#define CAPTURE_SNAPLEN_MAX		65535
#define CAPTURE_BUFSIZE			(128 * 1024)

struct capture;

struct capture_stats {
	uint64_t	cs_frames;	/* records written or buffered */
	uint64_t	cs_bytes;	/* frame bytes stored (after snaplen) */
	uint64_t	cs_errors;	/* records lost to write errors */
	uint64_t	cs_dropped;	/* records refused by the size limit */
};

/*
 * Create (or truncate) PATH and write the file header.  SNAPLEN 0 means
 * CAPTURE_SNAPLEN_MAX.  On error NULL, with a message in ERR.
 */
struct capture	*capture_open(const char *path, uint32_t linktype,
		    uint32_t snaplen, char *err, size_t errlen);
/* Keep the file within LIMIT bytes, header included (0: no limit, the
 * default): a record that would pass it is counted in cs_dropped, as a
 * full capture buffer drops on IOS. */
void		 capture_set_limit(struct capture *, uint64_t limit);
/* Append one record, stamped now; longer frames are cut at snaplen. */
void		 capture_frame(struct capture *, const uint8_t *frame,
		    size_t len);
/* Write what is buffered; -1 if a write failed (now or before). */
int		 capture_flush(struct capture *);
/* Flush and close; -1 if any write failed during the capture. */
int		 capture_close(struct capture *);
const struct capture_stats *capture_stats(const struct capture *);

#endif
