/*
 * isakmp_key: pre-shared keys by peer (struct psk_store), used both by the
 * global keys of `crypto isakmp key` (the keyring "default") and by each
 * `crypto keyring`; and the global ISAKMP keepalive settings.
 *
 * A store keeps its keys sorted by (kind, address, mask): adding or
 * replacing a key is a binary search, and the IKE engine's longest-match
 * lookup of a peer probes each prefix length with a binary search.
 */
#include <arpa/inet.h>

#include <stdlib.h>
#include <string.h>

#include "crypto/cmds.h"
#include "crypto/crypto_int.h"
#include "crypto/type6.h"
#include "crypto/ike_int.h"
#include "lib/cmdarg.h"
#include "lib/inet4.h"
#include "lib/nvgen.h"
#include "lib/system.h"
#include "lib/vty.h"
#include "lib/xalloc.h"

void
psk_store_init(struct psk_store *ps)
{
	TAILQ_INIT(&ps->ps_list);
	ps->ps_sorted = NULL;
	ps->ps_n = ps->ps_cap = ps->ps_noncontig = 0;
}

static void
psk_free(struct psk *k)
{
	free(k->pk_host);
	xsecret_free(k->pk_key);
	free(k->pk_cipher);
	free(k);
}

void
psk_store_free(struct psk_store *ps)
{
	struct psk	*k;

	while ((k = TAILQ_FIRST(&ps->ps_list)) != NULL) {
		TAILQ_REMOVE(&ps->ps_list, k, pk_entry);
		psk_free(k);
	}
	free(ps->ps_sorted);
	psk_store_init(ps);
}

static bool
mask_contiguous(uint32_t mask)
{
	return (~mask & (~mask + 1)) == 0;
}

static int
psk_cmp(const struct psk *a, const struct psk *b)
{
	int	c;

	if (a->pk_kind != b->pk_kind)
		return a->pk_kind < b->pk_kind ? -1 : 1;
	switch (a->pk_kind) {
	case PSK_IPV4:
		if (a->pk_addr != b->pk_addr)
			return a->pk_addr < b->pk_addr ? -1 : 1;
		if (a->pk_mask != b->pk_mask)
			return a->pk_mask < b->pk_mask ? -1 : 1;
		return 0;
	case PSK_IPV6:
		if ((c = memcmp(a->pk_addr6, b->pk_addr6, 16)) != 0)
			return c;
		if (a->pk_plen6 != b->pk_plen6)
			return a->pk_plen6 < b->pk_plen6 ? -1 : 1;
		return 0;
	case PSK_HOST:
		return strcasecmp(a->pk_host, b->pk_host);
	}
	return 0;
}

static struct psk *
psk_search(const struct psk_store *ps, const struct psk *key, size_t *pos)
{
	size_t	lo = 0, hi = ps->ps_n, mid;
	int	c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = psk_cmp(key, ps->ps_sorted[mid]);
		if (c == 0) {
			*pos = mid;
			return ps->ps_sorted[mid];
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	*pos = lo;
	return NULL;
}

void
psk_store_set(struct psk_store *ps, const struct psk *tmpl)
{
	struct psk	 *k, **nv;
	size_t		  pos, cap;

	if ((k = psk_search(ps, tmpl, &pos)) != NULL) {
		xsecret_set(&k->pk_key, tmpl->pk_key);
		xstrset(&k->pk_cipher, tmpl->pk_cipher);
		k->pk_encrypted = tmpl->pk_encrypted;
		k->pk_no_xauth = tmpl->pk_no_xauth;
		return;
	}
	k = xcalloc(1, sizeof(*k));
	*k = *tmpl;
	k->pk_host = tmpl->pk_host ? xstrdup(tmpl->pk_host) : NULL;
	k->pk_key = xstrdup(tmpl->pk_key);
	k->pk_cipher = tmpl->pk_cipher ? xstrdup(tmpl->pk_cipher) : NULL;
	if (ps->ps_n == ps->ps_cap) {
		cap = ps->ps_cap ? ps->ps_cap * 2 : 16;
		if ((nv = reallocarray(ps->ps_sorted, cap, sizeof(*nv))) ==
		    NULL)
			abort();
		ps->ps_sorted = nv;
		ps->ps_cap = cap;
	}
	memmove(&ps->ps_sorted[pos + 1], &ps->ps_sorted[pos],
	    (ps->ps_n - pos) * sizeof(*ps->ps_sorted));
	ps->ps_sorted[pos] = k;
	ps->ps_n++;
	if (k->pk_kind == PSK_IPV4 && !mask_contiguous(k->pk_mask))
		ps->ps_noncontig++;
	TAILQ_INSERT_TAIL(&ps->ps_list, k, pk_entry);
}

bool
psk_store_del(struct psk_store *ps, const struct psk *tmpl)
{
	struct psk	*k;
	size_t		 pos;

	if ((k = psk_search(ps, tmpl, &pos)) == NULL)
		return false;
	memmove(&ps->ps_sorted[pos], &ps->ps_sorted[pos + 1],
	    (ps->ps_n - pos - 1) * sizeof(*ps->ps_sorted));
	ps->ps_n--;
	if (k->pk_kind == PSK_IPV4 && !mask_contiguous(k->pk_mask))
		ps->ps_noncontig--;
	TAILQ_REMOVE(&ps->ps_list, k, pk_entry);
	psk_free(k);
	return true;
}

static unsigned
popcount32(uint32_t v)
{
	unsigned	n = 0;

	for (; v != 0; v &= v - 1)
		n++;
	return n;
}

const struct psk *
psk_lookup_v4(const struct psk_store *ps, uint32_t addr)
{
	struct psk	 probe, *k, *best = NULL;
	size_t		 pos;
	int		 plen;

	memset(&probe, 0, sizeof(probe));
	probe.pk_kind = PSK_IPV4;
	for (plen = 32; plen >= 0 && best == NULL; plen--) {
		probe.pk_mask = plen == 0 ? 0 : 0xffffffffU << (32 - plen);
		probe.pk_addr = addr & probe.pk_mask;
		best = psk_search(ps, &probe, &pos);
	}
	/* Odd masks cannot be probed by length: scan them (rare). */
	if (ps->ps_noncontig > 0) {
		TAILQ_FOREACH(k, &ps->ps_list, pk_entry) {
			if (k->pk_kind != PSK_IPV4 ||
			    mask_contiguous(k->pk_mask) ||
			    (addr & k->pk_mask) != k->pk_addr)
				continue;
			if (best == NULL || popcount32(k->pk_mask) >
			    popcount32(best->pk_mask))
				best = k;
		}
	}
	return best;
}

const struct psk *
psk_lookup_v6(const struct psk_store *ps, const uint8_t addr[16])
{
	struct psk	 probe;
	const struct psk *k;
	size_t		 pos;
	int		 plen, i;

	memset(&probe, 0, sizeof(probe));
	probe.pk_kind = PSK_IPV6;
	for (plen = 128; plen >= 0; plen--) {
		memcpy(probe.pk_addr6, addr, 16);
		for (i = plen; i < 128; i++)
			probe.pk_addr6[i / 8] &= ~(0x80 >> (i % 8));
		probe.pk_plen6 = plen;
		if ((k = psk_search(ps, &probe, &pos)) != NULL)
			return k;
	}
	return NULL;
}

const struct psk *
psk_lookup(const struct psk_store *ps, const struct sa_addr *a)
{
	if (a->sa_family == 6)
		return psk_lookup_v6(ps, a->sa_addr);
	return psk_lookup_v4(ps, sa_addr_get4(a));
}

const struct psk *
psk_lookup_host(const struct psk_store *ps, const char *host)
{
	struct psk	probe;
	size_t		pos;

	memset(&probe, 0, sizeof(probe));
	probe.pk_kind = PSK_HOST;
	probe.pk_host = (char *)host;
	return psk_search(ps, &probe, &pos);
}

void
psk_peer_text(const struct psk *k, struct strbuf *sb)
{
	char	a[16], m[16], a6[INET6_ADDRSTRLEN];

	switch (k->pk_kind) {
	case PSK_IPV4:
		strbuf_puts(sb, ip4_text(k->pk_addr, a));
		if (k->pk_mask != 0xffffffffU)
			strbuf_printf(sb, " %s", ip4_text(k->pk_mask, m));
		break;
	case PSK_IPV6:
		inet_ntop(AF_INET6, k->pk_addr6, a6, sizeof(a6));
		strbuf_printf(sb, "%s/%u", a6, k->pk_plen6);
		break;
	case PSK_HOST:
		strbuf_puts(sb, k->pk_host);
		break;
	}
}

/*
 * Fill TMPL from the peer part of a match: `address A.B.C.D [mask]`,
 * `address ipv6 X::/N` or `hostname NAME`.  IOS takes a bare 0.0.0.0 as
 * the wildcard (mask 0.0.0.0) and any other bare address as a host.
 */
void
psk_from_args(const struct cmd_args *m, struct psk *tmpl)
{
	const char	*s;
	char		 buf[INET6_ADDRSTRLEN + 8], *slash;
	int		 i;

	memset(tmpl, 0, sizeof(*tmpl));
	if ((s = cmd_arg(m, "prefix")) != NULL) {
		tmpl->pk_kind = PSK_IPV6;
		strncpy(buf, s, sizeof(buf) - 1);
		buf[sizeof(buf) - 1] = '\0';
		if ((slash = strchr(buf, '/')) != NULL) {
			*slash = '\0';
			tmpl->pk_plen6 = (unsigned)strtoul(slash + 1, NULL, 10);
		}
		if (inet_pton(AF_INET6, buf, tmpl->pk_addr6) != 1)
			memset(tmpl->pk_addr6, 0, 16);
		for (i = tmpl->pk_plen6; i < 128; i++)
			tmpl->pk_addr6[i / 8] &= ~(0x80 >> (i % 8));
	} else if ((s = cmd_arg(m, "host")) != NULL) {
		tmpl->pk_kind = PSK_HOST;
		tmpl->pk_host = (char *)s;
	} else {
		tmpl->pk_kind = PSK_IPV4;
		/* The matcher's value, not the word parsed again. */
		(void)cmd_arg_ip4(m, "addr", &tmpl->pk_addr);
		if ((s = cmd_arg(m, "mask")) != NULL)
			(void)ip4_parse(s, &tmpl->pk_mask);
		else
			tmpl->pk_mask = tmpl->pk_addr == 0 ? 0 : 0xffffffffU;
		tmpl->pk_addr &= tmpl->pk_mask;
	}
	tmpl->pk_key = (char *)cmd_arg(m, "secret");
	tmpl->pk_encrypted = cmd_has(m, "6");
	tmpl->pk_no_xauth = cmd_has(m, "no-xauth");
}

int
crypto_isakmp_key_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct crypto	*c = vty->v_sys->sy_crypto;
	struct psk	 tmpl;

	psk_from_args(m, &tmpl);
	if (cmd_negated(m))
		psk_store_del(&c->c_keys, &tmpl);
	else if (!psk_type6_in(vty, c, &tmpl))	/* crypto/type6.c */
		return CMD_WARNING;
	else {
		psk_store_set(&c->c_keys, &tmpl);
		psk_type6_done(&tmpl);
	}
	return CMD_SUCCESS;
}

int
crypto_isakmp_keepalive_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct crypto	*c = vty->v_sys->sy_crypto;

	if (cmd_negated(m)) {
		c->c_ka_interval = c->c_ka_retry = 0;
		c->c_ka_mode = KA_DEFAULT;
		return CMD_SUCCESS;
	}
	c->c_ka_interval = cmd_arg_num(m, "seconds", 0);
	c->c_ka_retry = cmd_arg_num(m, "retry", 0);
	c->c_ka_mode = cmd_has(m, "periodic") ? KA_PERIODIC :
	    cmd_has(m, "on-demand") ? KA_ON_DEMAND : KA_DEFAULT;
	return CMD_SUCCESS;
}

int
crypto_isakmp_nat_keepalive_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct crypto	*c = vty->v_sys->sy_crypto;

	if (cmd_negated(m))
		c->c_nat_ka = 0;
	else
		c->c_nat_ka = cmd_arg_num(m, "seconds", 0);
	return CMD_SUCCESS;
}

/* Aggressive Mode refused both ways (crypto/ike_am.c). */
int
crypto_isakmp_am_disable_cmd(struct vty *vty, const struct cmd_args *m)
{
	vty->v_sys->sy_crypto->c_am_disabled = !cmd_negated(m);
	return CMD_SUCCESS;
}

/* %CRYPTO-5-SESSION_STATUS messages are off until this is said. */
int
crypto_logging_session_cmd(struct vty *vty, const struct cmd_args *m)
{
	vty->v_sys->sy_crypto->c_log_session =
	    !cmd_negated(m);
	return CMD_SUCCESS;
}

/* NAT traversal is on by default; `no crypto ipsec nat-transparency
 * udp-encapsulation` keeps IKE from offering it (no NAT-T vendor IDs). */
int
crypto_natt_cmd(struct vty *vty, const struct cmd_args *m)
{
	vty->v_sys->sy_crypto->c_natt_off =
	    cmd_is_no(m);
	return CMD_SUCCESS;
}

const struct psk_store *
crypto_default_keys(const struct crypto *c)
{
	return &c->c_keys;
}

/* The global keys, then the keepalives, as IOS lists them after the
 * policies. */
void
isakmp_key_nvgen(const struct crypto *c, struct strbuf *sb)
{
	const struct psk	*k;

	TAILQ_FOREACH(k, &c->c_keys.ps_list, pk_entry) {
		strbuf_printf(sb, "crypto isakmp key %s%s ",
		    k->pk_encrypted ? "6 " : "", psk_shown(k));
		strbuf_puts(sb, k->pk_kind == PSK_HOST ? "hostname " :
		    k->pk_kind == PSK_IPV6 ? "address ipv6 " : "address ");
		psk_peer_text(k, sb);
		if (k->pk_no_xauth)
			strbuf_puts(sb, " no-xauth");
		strbuf_putc(sb, '\n');
	}
	if (c->c_ka_interval != 0) {
		strbuf_printf(sb, "crypto isakmp keepalive %u",
		    c->c_ka_interval);
		if (c->c_ka_retry != 0 && c->c_ka_retry != 2)
			strbuf_printf(sb, " %u", c->c_ka_retry);
		if (c->c_ka_mode == KA_PERIODIC)
			strbuf_puts(sb, " periodic");
		strbuf_putc(sb, '\n');
	}
	if (c->c_nat_ka != 0)
		nv_line(sb, 0, "crypto isakmp nat keepalive %u", c->c_nat_ka);
	if (c->c_am_disabled)
		nv_line(sb, 0, "crypto isakmp aggressive-mode disable");
	if (c->c_log_session)
		nv_line(sb, 0, "crypto logging session");
	ike_cac_nvgen(c, sb);
	if (c->c_natt_off)
		nv_line(sb, 0, "no crypto ipsec nat-transparency "
		    "udp-encapsulation");
}
