/*
 * isakmp_build: writing an ISAKMP message into a caller's buffer.
 *
 * The builder owns the bookkeeping the RFCs make error-prone: a payload
 * is opened with its type, which is written into the next-payload field
 * of the payload before it (or of the header for the first); closing it
 * writes its length; a proposal's transform count is written when it
 * closes; the header's length when the message is finished.  Payloads
 * nest (SA > proposal > transform), each level chaining its own
 * children.  Nothing is allocated: a full buffer or a misuse sets
 * ib_err, later calls do nothing, and isakmp_build_finish reports it,
 * so a sender checks once.
 *
 * An encrypted message is built as plaintext with ISAKMP_FLAG_E set in
 * the header; the engine then pads and encrypts the bytes after the
 * header in place and stores the new length with isakmp_build_length.
 * A HASH the engine computes over the payloads after it is built as a
 * zeroed placeholder (isakmp_build_payload returns where its data goes)
 * and filled in after isakmp_build_finish.
 */
#ifndef IOSH_CRYPTO_ISAKMP_BUILD_H
#define IOSH_CRYPTO_ISAKMP_BUILD_H

#include <stddef.h>
#include <stdint.h>

#include "crypto/isakmp_msg.h"

/* Message > payload > proposal > transform. */
#define ISAKMP_BUILD_DEPTH	4

struct isakmp_build {
	uint8_t		*ib_buf;
	size_t		 ib_cap;
	size_t		 ib_len;	/* bytes written so far */
	enum isakmp_err	 ib_err;	/* first failure, sticky */
	unsigned	 ib_depth;	/* open payloads */
	struct {
		size_t	 lv_start;	/* generic header of the open one */
		size_t	 lv_prevnext;	/* next-payload field to chain */
		size_t	 lv_cntoff;	/* child count field, or 0 */
		unsigned lv_nchild;
	}		 ib_lv[ISAKMP_BUILD_DEPTH];
};

/* Start a message in BUF (CAP bytes) with the header H; its next
 * payload and length are filled in by the builder. */
void		isakmp_build_init(struct isakmp_build *, uint8_t *buf,
		    size_t cap, const struct isakmp_hdr *h);
/* Open a payload of TYPE at the current level; returns the offset of
 * its generic header in the buffer. */
size_t		isakmp_build_begin(struct isakmp_build *, uint8_t type);
/* Close the innermost open payload. */
void		isakmp_build_end(struct isakmp_build *);
void		isakmp_build_put(struct isakmp_build *, const void *, size_t);
void		isakmp_build_u8(struct isakmp_build *, uint8_t);
void		isakmp_build_u16(struct isakmp_build *, uint16_t);
void		isakmp_build_u32(struct isakmp_build *, uint32_t);
/* Check that nothing is left open and write the header's length; the
 * message is ib_buf[0 .. *len). */
enum isakmp_err	isakmp_build_finish(struct isakmp_build *, size_t *len);
/* Store LEN as the header length of the message at MSG. */
void		isakmp_build_length(uint8_t *msg, uint32_t len);

/*
 * A payload whose body is opaque bytes: KE, NONCE, HASH, SIG, VID,
 * NAT-D (20 or 130), CERTREQ and CERT (encoding byte first), or a type
 * the codec does not know.  DATA may be NULL to reserve LEN zero bytes.
 * Returns the offset of the body in the buffer.
 */
size_t		isakmp_build_payload(struct isakmp_build *, uint8_t type,
		    const uint8_t *data, size_t len);

#endif
