/*
 * ifname: interface names as IOS reads and prints them.
 *
 * IOS accepts the type as any unique prefix, glued to the number or not
 * ("Serial1/2", "serial 1/2", "s1/2", "fa0/0", "lo0"), and prints the
 * canonical spelling.  The grammar offers the types as keywords for `?`
 * and a hidden one-word form; both end here, so every command that names
 * an interface (interface, ip route, tunnel source, ip nat, show) reads
 * it the same way.  The order of types is the order IOS lists them in.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dataplane/dp_int.h"
#include "lib/cmdarg.h"
#include "lib/vty.h"

static const struct {
	const char	*it_name;
	const char	*it_short;	/* in IOS's short tables (Fa0/0) */
	bool		 it_virtual;	/* one number, no slot */
	/* Taken when a prefix also fits another type ("e0/0" Ethernet,
	 * not Embedded-Service-Engine; "t0" Tunnel, not TenGigabit...). */
	bool		 it_prefer;
	bool		 it_subif;	/* has subinterfaces (.N) */
} if_types[IFT_COUNT] = {
	[IFT_LOOPBACK] =	{ "Loopback", "Lo", true, false, false },
	[IFT_PORT_CHANNEL] =	{ "Port-channel", "Po", true, false, true },
	[IFT_MULTILINK] =	{ "Multilink", "Mu", true, false, false },
	[IFT_TUNNEL] =		{ "Tunnel", "Tu", true, true, false },
	[IFT_EMBEDDED_SE] =	{ "Embedded-Service-Engine", "Em", false,
				  false, false },
	[IFT_ETHERNET] =	{ "Ethernet", "Et", false, true, true },
	[IFT_FASTETHERNET] =	{ "FastEthernet", "Fa", false, false, true },
	[IFT_GIGABITETHERNET] =	{ "GigabitEthernet", "Gi", false, false,
				  true },
	[IFT_TENGIGABITETHERNET] = { "TenGigabitEthernet", "Te", false, false,
				  true },
	[IFT_SERIAL] =		{ "Serial", "Se", false, false, true },
	[IFT_ATM] =		{ "ATM", "AT", false, false, true },
	[IFT_VIRTUAL_TEMPLATE] = { "Virtual-Template", "Vt", true, false,
				  false },
	[IFT_VLAN] =		{ "Vlan", "Vl", true, false, false },
	[IFT_DIALER] =		{ "Dialer", "Di", true, false, false },
	[IFT_BVI] =		{ "BVI", "BV", true, false, false },
	[IFT_NULL] =		{ "Null", "Nu", true, false, false },
};

#define IF_VIRTUAL_MAX	2147483647UL
#define IF_SLOT_MAX	9999UL

const char *
ifname_type_name(enum if_type t)
{
	return if_types[t].it_name;
}

void
ifname_short(const struct dp_iface *ifp, char *buf, size_t len)
{
	const char	*type = if_types[ifp->if_id.id_type].it_name;

	snprintf(buf, len, "%s%s", if_types[ifp->if_id.id_type].it_short,
	    ifp->if_name + strlen(type));
}

bool
ifname_virtual(enum if_type t)
{
	return if_types[t].it_virtual;
}

/* The type TEXT is a unique prefix of (LEN characters). */
static bool
type_lookup(const char *text, size_t len, enum if_type *out)
{
	unsigned	i, found = 0, preferred = 0;

	if (len == 0)
		return false;
	for (i = 0; i < IFT_COUNT; i++)
		if (strlen(if_types[i].it_name) >= len &&
		    strncasecmp(if_types[i].it_name, text, len) == 0) {
			if (strlen(if_types[i].it_name) == len) {
				*out = i;
				return true;
			}
			if (preferred == 0)
				*out = i;
			if (if_types[i].it_prefer) {
				*out = i;
				preferred++;
			}
			found++;
		}
	return found == 1 || preferred == 1;
}

/* "1/2", "0", "1/0/3", "0/1.100" within the limits of the type. */
static bool
num_parse(const char *s, struct if_id *id)
{
	unsigned long	 v;
	char		*end;

	id->id_nnum = 0;
	id->id_sub = 0;
	for (;;) {
		if (!isdigit((unsigned char)*s) || id->id_nnum == IF_MAXNUM)
			return false;
		v = strtoul(s, &end, 10);
		if (v > (ifname_virtual(id->id_type) ? IF_VIRTUAL_MAX :
		    IF_SLOT_MAX))
			return false;
		id->id_num[id->id_nnum++] = (uint32_t)v;
		if (*end == '.' && if_types[id->id_type].it_subif &&
		    isdigit((unsigned char)end[1])) {
			v = strtoul(end + 1, &end, 10);
			if (v == 0 || v > 4294967295UL || *end != '\0')
				return false;
			id->id_sub = (uint32_t)v;
		}
		if (*end == '\0')
			break;
		if (*end != '/' || id->id_sub != 0)
			return false;
		s = end + 1;
	}
	/* Null has only Null0; VLANs are 1-4094. */
	if (id->id_type == IFT_NULL && id->id_num[0] != 0)
		return false;
	if (id->id_type == IFT_VLAN && (id->id_num[0] < 1 ||
	    id->id_num[0] > 4094))
		return false;
	return !ifname_virtual(id->id_type) || id->id_nnum == 1;
}

/*
 * TYPE and NUM as two words, or TYPE alone with the number glued to it
 * (NUM NULL).
 */
bool
ifname_parse(const char *type, const char *num, struct if_id *id)
{
	size_t	len;

	memset(id, 0, sizeof(*id));
	len = num != NULL ? strlen(type) : strcspn(type, "0123456789");
	if (!type_lookup(type, len, &id->id_type))
		return false;
	return num_parse(num != NULL ? num : type + len, id);
}

/* N in decimal at P; the end. */
static char *
put_u32(char *p, uint32_t n)
{
	char	d[10];
	size_t	k = 0;

	do
		d[k++] = (char)('0' + n % 10);
	while ((n /= 10) != 0);
	while (k > 0)
		*p++ = d[--k];
	return p;
}

/* The name, built whole, then cut to LEN as snprintf would: a
 * configuration's every interface made is named here, and the four
 * snprintf calls were most of making one. */
void
ifname_format(const struct if_id *id, char *buf, size_t len)
{
	char		 s[IF_NAMELEN + 4 * 11], *p = s;
	const char	*t = if_types[id->id_type].it_name;
	size_t		 n = strlen(t);
	unsigned	 i;

	if (len == 0)
		return;
	if (n > IF_NAMELEN)
		n = IF_NAMELEN;
	memcpy(p, t, n);
	p += n;
	for (i = 0; i < id->id_nnum && i < IF_MAXNUM; i++) {
		if (i > 0)
			*p++ = '/';
		p = put_u32(p, id->id_num[i]);
	}
	if (id->id_sub != 0) {
		*p++ = '.';
		p = put_u32(p, id->id_sub);
	}
	n = (size_t)(p - s);
	if (n >= len)
		n = len - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
}

int
ifid_cmp(const struct if_id *a, const struct if_id *b)
{
	unsigned	i;

	if (a->id_type != b->id_type)
		return a->id_type < b->id_type ? -1 : 1;
	for (i = 0; i < a->id_nnum && i < b->id_nnum; i++)
		if (a->id_num[i] != b->id_num[i])
			return a->id_num[i] < b->id_num[i] ? -1 : 1;
	if (a->id_nnum != b->id_nnum)
		return a->id_nnum < b->id_nnum ? -1 : 1;
	/* A subinterface right after its parent, by number. */
	if (a->id_sub != b->id_sub)
		return a->id_sub < b->id_sub ? -1 : 1;
	return 0;
}

bool
ifname_resolve(const char *name, char *out, size_t outlen)
{
	struct if_id	id;
	char		buf[IF_NAMELEN];
	const char	*sp;

	if ((sp = strchr(name, ' ')) != NULL) {
		if ((size_t)(sp - name) >= sizeof(buf))
			goto bad;
		memcpy(buf, name, (size_t)(sp - name));
		buf[sp - name] = '\0';
		if (!ifname_parse(buf, sp + 1, &id))
			goto bad;
	} else if (!ifname_parse(name, NULL, &id))
		goto bad;
	ifname_format(&id, out, outlen);
	return true;
bad:
	return false;
}

bool
ifname_arg(struct vty *vty, const struct cmd_args *m, const char *arg,
    char *out, size_t outlen)
{
	if (ifname_resolve(cmd_arg(m, arg), out, outlen))
		return true;
	vty_invalid(vty, cmd_arg_off(m, arg));
	return false;
}
