/*
 * ike_debug: IOS's prefixes on the IKE engine's debug lines (see
 * ike_debug.h).
 */
#include <stdarg.h>
#include <stdio.h>

#include "crypto/crypto_int.h"
#include "crypto/ike_debug.h"
#include "crypto/isakmp_sa.h"
#include "lib/system.h"

bool
ike_debugging(const struct crypto *c)
{
	return crypto_debug_on(c, CRYPTO_DEBUG_ISAKMP);
}

static void
emit(const struct crypto *c, bool space_before, uint32_t connid,
    const char *fmt, va_list ap)
{
	char		 text[1536];
	const char	*t = text;

	vsnprintf(text, sizeof(text), fmt, ap);
	if (sys_version_15(c->c_sys)) {
		sys_debug(c->c_sys, "ISAKMP%s(%u):%s", space_before ? " " : ":",
		    connid, text);
		return;
	}
	while (*t == ' ')
		t++;
	sys_debug(c->c_sys, "ISAKMP (0:%u): %s", connid, t);
}

void
ike_debug(const struct crypto *c, uint32_t connid, const char *fmt, ...)
{
	va_list	ap;

	if (!ike_debugging(c))
		return;
	va_start(ap, fmt);
	emit(c, false, connid, fmt, ap);
	va_end(ap);
}

void
ike_debug_sp(const struct crypto *c, uint32_t connid, const char *fmt, ...)
{
	va_list	ap;

	if (!ike_debugging(c))
		return;
	va_start(ap, fmt);
	emit(c, true, connid, fmt, ap);
	va_end(ap);
}

bool
ike_debug_v12(const struct crypto *c)
{
	return !sys_version_15(c->c_sys);
}

void
ike_debug12(const struct crypto *c, uint32_t connid, enum ike_dbg12 form,
    const char *fmt, ...)
{
	char		 text[1536];
	const char	*t = text;
	va_list		 ap;

	if (!ike_debugging(c))
		return;
	va_start(ap, fmt);
	if (!ike_debug_v12(c)) {
		emit(c, form == IKE_DBG12_SLASH, connid, fmt, ap);
		va_end(ap);
		return;
	}
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	while (*t == ' ')
		t++;
	switch (form) {
	case IKE_DBG12_NOCOLON:
		sys_debug(c->c_sys, "ISAKMP (0:%u) %s", connid, t);
		break;
	case IKE_DBG12_BARE:
		sys_debug(c->c_sys, "ISAKMP: %s", t);
		break;
	case IKE_DBG12_SHORT:
		sys_debug(c->c_sys, "ISAKMP (%u): %s", connid, t);
		break;
	case IKE_DBG12_SLASH:
		sys_debug(c->c_sys, "ISAKMP (0/%u): %s", connid, t);
		break;
	}
}

void
ike_engine_debug(const struct crypto *c, const char *fmt, ...)
{
	char	text[256];
	va_list	ap;

	if (!crypto_debug_on(c, CRYPTO_DEBUG_ENGINE) || !ike_debug_v12(c))
		return;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	sys_debug(c->c_sys, "CryptoEngine0: %s", text);
}

/* One line under debug switch FLAG: PREFIX, then the text. */
static void
line(const struct crypto *c, unsigned flag, const char *prefix,
    const char *fmt, va_list ap)
{
	char	text[1536];

	if (!crypto_debug_on(c, flag))
		return;
	vsnprintf(text, sizeof(text), fmt, ap);
	sys_debug(c->c_sys, "%s%s", prefix, text);
}

void
ike_debug_raw(const struct crypto *c, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	line(c, CRYPTO_DEBUG_ISAKMP, "ISAKMP:", fmt, ap);
	va_end(ap);
}

void
ike_debug_text(const struct crypto *c, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	line(c, CRYPTO_DEBUG_ISAKMP, "", fmt, ap);
	va_end(ap);
}

void
ike_ipsec_debug(const struct crypto *c, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	line(c, CRYPTO_DEBUG_IPSEC, "", fmt, ap);
	va_end(ap);
}

void
ike_debug_vpi(const struct isakmp_attr *a, char *buf, size_t len)
{
	size_t	i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < a->at_len && i < 8 && n < len; i++)
		n += (size_t)snprintf(buf + n, len - n, " 0x%X", a->at_val[i]);
}
