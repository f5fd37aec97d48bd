/*
 * isakmp_msg: an ISAKMP message as received — the 28-byte header and the
 * chain of generic payloads behind it, as views into the caller's buffer.
 *
 * Decoding never allocates and never copies a payload: a hub parses
 * thousands of messages a second, so a message is one fixed struct (a
 * bounded array of payload views) that the caller may keep on its stack.
 * The buffer must outlive the struct.  Every length is checked before a
 * byte it covers is read (the three checks of iked's ikev2_pld.c: the
 * generic header fits, its length is at least the header, the payload
 * fits in what is left).
 *
 * Decisions, each where RFC 2408 leaves room:
 * - The header's length may be smaller than the datagram (the bytes past
 *   it are ignored and counted in im_extra) but never larger
 *   (ISAKMP_E_TRUNCATED): RFC 2408 5.1 only forbids reading past the
 *   message, and a peer that pads its UDP datagram is still heard.
 * - Version 1.0 only; another major or minor version is refused with
 *   the reason the INVALID-MAJOR/MINOR-VERSION notify would carry.
 * - A cleartext chain must end exactly at the header's length; bytes
 *   after the last payload are ISAKMP_E_TRAILING (UNEQUAL-PAYLOAD-
 *   LENGTHS).  A decrypted body (isakmp_decode_plain) may carry padding
 *   after its last payload, as RFC 2409 5.3 and every implementation
 *   pad to the cipher block: its bytes are counted in im_extra and not
 *   inspected (strongSwan and IOS pad with zeros, others not; no hash
 *   covers padding, so checking it proves nothing).
 * - Payload types the codec does not know (reserved 22-127, private
 *   128-255 other than NAT-T's drafts) are kept in the chain as raw
 *   views and skipped by the engine: IKEv1 has no critical bit, and IOS
 *   ignores what it does not understand.  Proposal and transform
 *   payloads at the top level are ISAKMP_E_PAYLOAD_TYPE: they only exist
 *   inside an SA.
 * - The reserved byte of a generic header is not checked (IOS does not
 *   check it either); the builder writes zero.
 * - At most ISAKMP_MAX_PAYLOADS payloads per message.
 */
#ifndef IOSH_CRYPTO_ISAKMP_MSG_H
#define IOSH_CRYPTO_ISAKMP_MSG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "crypto/isakmp_wire.h"
#include "lib/bytes.h"

/* More than any IKEv1 implementation sends (vpnc's Aggressive Mode
 * first message has 13), few enough for a stack array. */
#define ISAKMP_MAX_PAYLOADS	48

/* Why a message or payload was refused; isakmp_err_str() gives IOS's
 * wording, isakmp_err_notify() the notify type to answer with. */
enum isakmp_err {
	ISAKMP_OK = 0,
	ISAKMP_E_TRUNCATED,		/* shorter than header or its length */
	ISAKMP_E_BAD_LENGTH,		/* header length below 28 */
	ISAKMP_E_MAJOR_VERSION,
	ISAKMP_E_MINOR_VERSION,
	ISAKMP_E_PAYLOAD_TRUNCATED,	/* generic header does not fit */
	ISAKMP_E_PAYLOAD_LENGTH,	/* length below its type's minimum */
	ISAKMP_E_PAYLOAD_OVERRUN,	/* length past the message end */
	ISAKMP_E_PAYLOAD_TYPE,		/* misplaced type in a chain */
	ISAKMP_E_TOO_MANY_PAYLOADS,
	ISAKMP_E_TRAILING,		/* bytes after the last payload */
	ISAKMP_E_DOI,			/* SA with a DOI other than IPsec */
	ISAKMP_E_SITUATION,		/* secrecy or integrity labels */
	ISAKMP_E_PROPOSAL,		/* proposal syntax: lengths, count */
	ISAKMP_E_TRANSFORM,		/* transform syntax */
	ISAKMP_E_ATTRIBUTE,		/* attribute overflows its container */
	ISAKMP_E_TOO_MANY,		/* proposals or attributes past bound */
	ISAKMP_E_ID,			/* ID data wrong for its type */
	ISAKMP_E_NONCE,			/* nonce outside 8..256 bytes */
	ISAKMP_E_EMPTY,			/* KE, hash, NAT-D... without data */
	ISAKMP_E_SPI,			/* SPI size or count does not fit */
	ISAKMP_E_NOSPACE,		/* builder: output buffer full */
	ISAKMP_E_BUILD,			/* builder: payload left open, or
					 * a length past 65535 */
	ISAKMP_E_COUNT
};

const char	*isakmp_err_str(enum isakmp_err);
uint16_t	 isakmp_err_notify(enum isakmp_err);

/* The fixed header, in host order. */
struct isakmp_hdr {
	uint8_t		ih_icookie[ISAKMP_COOKIE_LEN];
	uint8_t		ih_rcookie[ISAKMP_COOKIE_LEN];
	uint8_t		ih_next;	/* type of the first payload */
	uint8_t		ih_version;	/* major << 4 | minor */
	uint8_t		ih_exchange;	/* ISAKMP_XCHG_* */
	uint8_t		ih_flags;	/* ISAKMP_FLAG_* */
	uint32_t	ih_msgid;
	uint32_t	ih_length;	/* whole message, header included */
};

/* One payload of a chain: a view into the message. */
struct isakmp_pld {
	uint8_t		 pl_type;	/* as the previous next-payload said */
	uint8_t		 pl_next;	/* its own next-payload field */
	uint16_t	 pl_len;	/* generic header included */
	const uint8_t	*pl_raw;	/* the generic header */
	const uint8_t	*pl_body;	/* pl_raw + ISAKMP_GEN_LEN */
	size_t		 pl_bodylen;
};

struct isakmp_msg {
	struct isakmp_hdr	 im_hdr;
	const uint8_t		*im_raw;	/* the datagram */
	/* The bytes after the header up to ih_length: the payload chain
	 * of a cleartext message, the ciphertext of an encrypted one
	 * (then im_npld is 0 until isakmp_decode_plain). */
	const uint8_t		*im_body;
	size_t			 im_bodylen;
	bool			 im_encrypted;
	/* Datagram bytes past ih_length, or the padding after the last
	 * payload of a decrypted body. */
	size_t			 im_extra;
	unsigned		 im_npld;
	struct isakmp_pld	 im_pld[ISAKMP_MAX_PAYLOADS];
};

/*
 * Decode the datagram BUF of LEN bytes into MSG.  A cleartext message is
 * decoded whole; an encrypted one (E flag) yields its header and
 * im_body, the ciphertext, for the engine to decrypt.
 */
enum isakmp_err	isakmp_decode(struct isakmp_msg *, const uint8_t *buf,
		    size_t len);

/*
 * Walk the decrypted body PLAIN of LEN bytes of a message that
 * isakmp_decode left encrypted: the chain starts with the header's next
 * payload, padding after the last payload is allowed.  The payload
 * views point into PLAIN.
 */
enum isakmp_err	isakmp_decode_plain(struct isakmp_msg *,
		    const uint8_t *plain, size_t len);

/* The first payload of TYPE after index FROM (-1: from the start), or
 * -1; e.g. `for (i = -1; (i = isakmp_msg_find(m, ISAKMP_PL_VID, i)) >=
 * 0;)` walks the vendor IDs in order. */
int		isakmp_msg_find(const struct isakmp_msg *, uint8_t type,
		    int from);

/*
 * The bytes of the payloads after payload I up to the end of the last
 * one (padding excluded), in *LEN: what a Quick Mode or Informational
 * HASH covers behind the M-ID (RFC 2409 5.5, 5.7).  NULL with *LEN 0 if I
 * is the last payload or out of range.
 */
const uint8_t	*isakmp_msg_rest(const struct isakmp_msg *, unsigned i,
		    size_t *len);

#endif
