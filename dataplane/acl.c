/*
 * acl: IP access lists — numbered (`access-list N ...`) and named
 * (`ip access-list standard|extended NAME` and its sub-mode).
 *
 * Entries are compiled when typed (protocol, address and wildcard with
 * the host bits cleared as IOS clears them, port ranges, ICMP type and
 * code), kept in sequence order with their hit counters, and printed
 * back from the compiled form: a port or ICMP message by its IOS name,
 * `host`/`any` for the all-zero/all-one wildcards.  Lists are hashed by
 * name; named lists render in creation order, numbered ones by number.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/acl_names.h"
#include "dataplane/cmds.h"
#include "dataplane/dp_int.h"
#include "dataplane/fwd.h"
#include "lib/cmdarg.h"
#include "lib/inet4.h"
#include "lib/nvgen.h"
#include "lib/system.h"
#include "lib/vty.h"

#define NEGATED(m)	(cmd_negated(m))
#define SEQ_STEP	10
#define PROTO_TCP	6
#define PROTO_UDP	17
#define PROTO_ICMP	1

struct name_num {
	const char	*nn_name;
	int		 nn_num;
};

struct icmp_name {
	const char	*in_name;
	int		 in_type, in_code;
};

#define NN(n, v, h)	{ n, v },
#define ICMPN(n, t, c, h) { n, t, c },
/* Looked up by name first to last: the protocols most rules name first
 * ("ip" again in the list is never reached; by number both give "ip"). */
static const struct name_num protocols[] = {
	{ "ip", ACE_PROTO_IP }, { "tcp", PROTO_TCP }, { "udp", PROTO_UDP },
	{ "icmp", PROTO_ICMP }, ACL_PROTOCOLS(NN)
};
static const struct name_num tcp_ports[] = { ACL_TCP_PORTS(NN) };
static const struct name_num udp_ports[] = { ACL_UDP_PORTS(NN) };
static const struct icmp_name icmp_names[] = { ACL_ICMP_TYPES(ICMPN) };
#undef NN
#undef ICMPN

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* A rule's ports and its ICMP message share their room (struct ace):
 * each is read only for the protocols that have it. */
static inline bool
ace_has_ports(const struct ace *e)
{
	return e->ace_proto == PROTO_TCP || e->ace_proto == PROTO_UDP;
}

static inline bool
ace_is_icmp(const struct ace *e)
{
	return e->ace_proto == PROTO_ICMP;
}

static int
nn_num(const struct name_num *t, size_t n, const char *name)
{
	const char	*a, *b;
	size_t		 i;

	/* Every rule looks its protocol up, a tcp or udp one its port
	 * names: the first two bytes pass over the other names (every
	 * name has two), the rest is compared in line — strcmp's call was
	 * most of a rule's protocol lookup. */
	for (i = 0; i < n; i++) {
		a = t[i].nn_name;
		if (a[0] != name[0] || a[1] != name[1])
			continue;
		for (a++, b = name + 1; *a == *b && *a != '\0'; a++, b++)
			;
		if (*a == *b)
			return t[i].nn_num;
	}
	return -1;
}

static const char *
nn_name(const struct name_num *t, size_t n, int num)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (t[i].nn_num == num)
			return t[i].nn_name;
	return NULL;
}

/* Lists: the hash and the creation-order chain. */

static unsigned
acl_hash(const char *s)
{
	unsigned	h = 2166136261U;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619U;
	return h % ACL_HASH;
}

struct dp_acl *
dp_acl_find(const struct dataplane *dp, const char *name)
{
	struct dp_acl	*acl;

	for (acl = dp->d_acl_hash[acl_hash(name)]; acl != NULL;
	    acl = acl->acl_hnext)
		if (strcmp(acl->acl_name, name) == 0)
			return acl;
	return NULL;
}

static struct dp_acl *
acl_make(struct dataplane *dp, const char *name, bool extended,
    bool numbered)
{
	struct dp_acl	*acl;
	unsigned	 h = acl_hash(name);
	size_t		 len = strlen(name);

	acl = xcalloc(1, sizeof(*acl) + len + 1);
	acl->acl_dp = dp;
	dp->d_gen++;
	memcpy(acl->acl_name, name, len + 1);
	acl->acl_extended = extended;
	acl->acl_numbered = numbered;
	if (numbered)
		acl->acl_number = strtoul(name, NULL, 10);
	acl->acl_hnext = dp->d_acl_hash[h];
	dp->d_acl_hash[h] = acl;
	acl->acl_prev = dp->d_acl_last;
	if (dp->d_acl_last != NULL)
		dp->d_acl_last->acl_next = acl;
	else
		dp->d_acl_first = acl;
	dp->d_acl_last = acl;
	dp->d_nacls++;
	return acl;
}

static void
acl_release(struct dp_acl *acl)
{
	size_t	i;

	/* Only remarks have text to free: an ACL without any (acl_nrules
	 * counts the others) is not read again, where reading every rule
	 * of a large configuration's ACLs at exit was a cache miss per
	 * line of rules. */
	if (acl->acl_nrules < acl->acl_n)
		for (i = 0; i < acl->acl_n; i++)
			if (acl->acl_ace[i].ace_kind == ACE_REMARK)
				free(acl->acl_ace[i].ace_remark);
	free(acl->acl_ace);
	free(acl);
}

static void
acl_delete(struct dataplane *dp, struct dp_acl *acl)
{
	struct dp_acl	**pp;

	for (pp = &dp->d_acl_hash[acl_hash(acl->acl_name)]; *pp != acl;
	    pp = &(*pp)->acl_hnext)
		;
	*pp = acl->acl_hnext;
	if (acl->acl_prev != NULL)
		acl->acl_prev->acl_next = acl->acl_next;
	else
		dp->d_acl_first = acl->acl_next;
	if (acl->acl_next != NULL)
		acl->acl_next->acl_prev = acl->acl_prev;
	else
		dp->d_acl_last = acl->acl_prev;
	dp->d_nacls--;
	dp->d_gen++;
	acl_release(acl);
}

void
acl_free_all(struct dataplane *dp)
{
	struct dp_acl	*acl, *next;

	for (acl = dp->d_acl_first; acl != NULL; acl = next) {
		next = acl->acl_next;
		acl_release(acl);
	}
}

/* Entries. */

static uint32_t
last_seq(const struct dp_acl *acl)
{
	return acl->acl_n > 0 ? acl->acl_ace[acl->acl_n - 1].ace_seq : 0;
}

/* The first element whose sequence is at least SEQ. */
static size_t
seq_pos(const struct dp_acl *acl, uint32_t seq)
{
	size_t	lo = 0, hi = acl->acl_n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (acl->acl_ace[mid].ace_seq < seq)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* A new ACL's first array: room for as many entries as the ACL filled
 * before it, within these bounds. */
#define ACE_FIRST_MIN	8
#define ACE_FIRST_MAX	64

static size_t
ace_first_cap(const struct dataplane *dp)
{
	if (dp->d_acl_seen < ACE_FIRST_MIN)
		return ACE_FIRST_MIN;
	return dp->d_acl_seen < ACE_FIRST_MAX ? dp->d_acl_seen : ACE_FIRST_MAX;
}

static void
ace_insert(struct dp_acl *acl, size_t pos, const struct ace *e)
{
	/* Half again, not twice: an ACL's array is most of a large
	 * configuration's memory, and every page of it the load touches is
	 * a fault (a third of the bench's, at 20 rules an ACL with room for
	 * 32).  A configuration's ACLs tend to be alike, so a new one is
	 * given first the room the last one filled (up to 64 entries, 4.5
	 * KB): 2,000 ACLs of 20 rules took 8, 12, 18 then 27 (a quarter of
	 * their room empty, three copies each), now 20. */
	if (acl->acl_n == acl->acl_cap) {
		acl->acl_cap = acl->acl_cap ? acl->acl_cap + acl->acl_cap / 2 :
		    ace_first_cap(acl->acl_dp);
		acl->acl_ace = realloc(acl->acl_ace, acl->acl_cap *
		    sizeof(*acl->acl_ace));
		if (acl->acl_ace == NULL)
			abort();
	}
	/* A rule at the end, nearly every one, moves none. */
	if (pos < acl->acl_n)
		memmove(&acl->acl_ace[pos + 1], &acl->acl_ace[pos],
		    (acl->acl_n - pos) * sizeof(*acl->acl_ace));
	acl->acl_ace[pos] = *e;
	acl->acl_n++;
	acl->acl_dp->d_acl_seen = acl->acl_n;
	acl->acl_dp->d_gen++;
	if (e->ace_kind != ACE_REMARK)
		acl->acl_nrules++;
}

static void
ace_remove(struct dp_acl *acl, size_t pos)
{
	/* A rule's room for text is its counter. */
	if (acl->acl_ace[pos].ace_kind != ACE_REMARK)
		acl->acl_nrules--;
	else
		free(acl->acl_ace[pos].ace_remark);
	acl->acl_dp->d_gen++;
	memmove(&acl->acl_ace[pos], &acl->acl_ace[pos + 1],
	    (acl->acl_n - pos - 1) * sizeof(*acl->acl_ace));
	acl->acl_n--;
}

/* Same rule, counters and sequence aside.  The addresses first: an
 * ACL's rules differ there far more often than in action or protocol,
 * and every rule added is compared with every rule before it. */
static inline bool
ace_same(const struct ace *a, const struct ace *b)
{
	return a->ace_src.aa_addr == b->ace_src.aa_addr &&
	    a->ace_dst.aa_addr == b->ace_dst.aa_addr &&
	    a->ace_kind == b->ace_kind && a->ace_proto == b->ace_proto &&
	    a->ace_src.aa_wild == b->ace_src.aa_wild &&
	    a->ace_dst.aa_wild == b->ace_dst.aa_wild &&
	    /* the ports or the ICMP message, zeroed whole before */
	    memcmp(&a->ace_sport, &b->ace_sport, 2 * sizeof(a->ace_sport)) ==
	    0 && a->ace_established == b->ace_established &&
	    a->ace_log == b->ace_log;
}

/* Add rule E (SEQ 0: after the last).  False: IOS refused it. */
static bool
acl_add(struct vty *vty, struct dp_acl *acl, struct ace *e, uint32_t seq)
{
	size_t	pos, i;

	if (e->ace_kind == ACE_REMARK) {
		e->ace_seq = last_seq(acl);
		ace_insert(acl, acl->acl_n, e);
		return true;
	}
	/* IOS keeps one copy of a rule typed twice. */
	if (seq == 0)
		for (i = 0; i < acl->acl_n; i++)
			if (ace_same(&acl->acl_ace[i], e))
				return true;
	if (seq == 0) {
		seq = last_seq(acl) + SEQ_STEP;
		pos = acl->acl_n;
	} else {
		pos = seq_pos(acl, seq);
		if (pos < acl->acl_n && acl->acl_ace[pos].ace_seq == seq &&
		    acl->acl_ace[pos].ace_kind != ACE_REMARK) {
			vty_out(vty, "%% Duplicate sequence number\n");
			return false;
		}
		/* After the remarks that follow the previous rule. */
		while (pos < acl->acl_n && acl->acl_ace[pos].ace_seq < seq)
			pos++;
	}
	e->ace_seq = seq;
	ace_insert(acl, pos, e);
	return true;
}

/* Compiling a typed rule. */

/* Side SRC's (else the destination's) address of a rule (grammar/acl.c's
 * SRC and DST bind these names).  The names are literals at each call,
 * so that their keys are constants (lib/cmdarg.h): built per rule from
 * the side's name they cost a strlen and copies each. */
static void
addr_from(const struct cmd_args *m, bool src, struct ace_addr *a)
{
	const char	*v;
	uint32_t	 wild = 0;

	v = src ? cmd_arg(m, "src") : cmd_arg(m, "dst");
	if (v != NULL && strcmp(v, "any") == 0) {
		a->aa_addr = 0;
		a->aa_wild = 0xffffffffU;
		return;
	}
	if (v != NULL && strcmp(v, "host") == 0) {
		if (src)
			cmd_arg_ip4(m, "srchost", &a->aa_addr);
		else
			cmd_arg_ip4(m, "dsthost", &a->aa_addr);
		a->aa_wild = 0;
		return;
	}
	if (src) {
		cmd_arg_ip4(m, "srcaddr", &a->aa_addr);
		cmd_arg_ip4(m, "srcwild", &wild);
	} else {
		cmd_arg_ip4(m, "dstaddr", &a->aa_addr);
		cmd_arg_ip4(m, "dstwild", &wild);
	}
	/* IOS clears the address bits the wildcard ignores. */
	a->aa_wild = wild;
	a->aa_addr &= ~wild;
}

static uint16_t
port_value(const char *v, unsigned proto)
{
	int	n;

	if (v[0] >= '0' && v[0] <= '9')
		return (uint16_t)strtoul(v, NULL, 10);
	n = proto == PROTO_TCP ? nn_num(tcp_ports, NELEM(tcp_ports), v) :
	    nn_num(udp_ports, NELEM(udp_ports), v);
	return (uint16_t)(n < 0 ? 0 : n);
}

static void
ports_from(const struct cmd_args *m, char side, unsigned proto,
    struct ace_ports *p)
{
	char		 k[8] = { side };
	const char	*op;

	/* "sop", "sp1", "sp2", built in place (no snprintf): a tcp or udp
	 * rule's names. */
	memcpy(k + 1, "op", 3);
	memset(p, 0, sizeof(*p));
	if ((op = cmd_arg(m, k)) == NULL) {
		p->ap_hi = 65535;
		return;
	}
	memcpy(k + 1, "p1", 3);
	p->ap_p1 = port_value(cmd_arg(m, k), proto);
	p->ap_lo = p->ap_hi = p->ap_p1;
	if (strcmp(op, "eq") == 0)
		p->ap_op = PORT_EQ;
	else if (strcmp(op, "neq") == 0)
		p->ap_op = PORT_NEQ;
	else if (strcmp(op, "gt") == 0) {
		p->ap_op = PORT_GT;
		p->ap_lo = p->ap_p1 == 65535 ? 65535 : p->ap_p1 + 1;
		p->ap_hi = 65535;
	} else if (strcmp(op, "lt") == 0) {
		p->ap_op = PORT_LT;
		p->ap_lo = 0;
		p->ap_hi = p->ap_p1 == 0 ? 0 : p->ap_p1 - 1;
	} else {
		p->ap_op = PORT_RANGE;
		memcpy(k + 1, "p2", 3);
		p->ap_hi = port_value(cmd_arg(m, k), proto);
	}
}

/* An icmp rule's message (E's ports' room, zeroed). */
static bool
icmp_from(const struct cmd_args *m, struct ace *e)
{
	const char	*v;
	size_t		 i;

	e->ace_icmp_type = e->ace_icmp_code = ACE_ICMP_ANY;
	e->ace_icmp_name = -1;
	e->ace_established = cmd_has(m, "established");
	if ((v = cmd_arg(m, "iname")) != NULL) {
		for (i = 0; i < NELEM(icmp_names); i++)
			if (strcmp(icmp_names[i].in_name, v) == 0)
				break;
		e->ace_icmp_type = icmp_names[i].in_type;
		e->ace_icmp_code = icmp_names[i].in_code;
	} else if (cmd_arg(m, "itype") != NULL) {
		e->ace_icmp_type = (int16_t)cmd_arg_num(m, "itype", 0);
		if (cmd_arg(m, "icode") != NULL)
			e->ace_icmp_code = (int16_t)cmd_arg_num(m, "icode", 0);
	}
	/* A number that has a name is printed by it, as IOS does (every
	 * name has a type: a rule without one has no name and skips the
	 * walk of the table). */
	for (i = 0; e->ace_icmp_type != ACE_ICMP_ANY &&
	    i < NELEM(icmp_names); i++)
		if (icmp_names[i].in_type == e->ace_icmp_type &&
		    icmp_names[i].in_code == e->ace_icmp_code)
			e->ace_icmp_name = (int16_t)i;
	return true;
}

/* The rule of a match; false (after IOS's message) if IOS refuses it. */
static bool
ace_from(struct vty *vty, const struct cmd_args *m, bool extended,
    struct ace *e)
{
	const char	*proto;
	int		 n;

	memset(e, 0, sizeof(*e));
	e->ace_kind = cmd_has(m, "permit") ? ACE_PERMIT : ACE_DENY;
	e->ace_log = cmd_has(m, "log-input") ? 2 : cmd_has(m, "log") ? 1 : 0;
	addr_from(m, true, &e->ace_src);
	if (!extended) {
		e->ace_proto = ACE_PROTO_IP;
		e->ace_dst.aa_wild = 0xffffffffU;
		e->ace_sport.ap_hi = e->ace_dport.ap_hi = 65535;
		return true;
	}
	if ((proto = cmd_arg(m, "proto")) != NULL)
		n = nn_num(protocols, NELEM(protocols), proto);
	else
		n = (int)cmd_arg_num(m, "protonum", 0);
	e->ace_proto = (uint16_t)n;
	addr_from(m, false, &e->ace_dst);
	/* Only tcp and udp rules have ports, only tcp ones established,
	 * only icmp ones a type (grammar/acl.c's EXT): a rule of another
	 * protocol, most of a configuration's, asks none of those names. */
	if (ace_is_icmp(e))
		return icmp_from(m, e);
	if (!ace_has_ports(e)) {
		e->ace_sport.ap_hi = e->ace_dport.ap_hi = 65535;
		return true;
	}
	ports_from(m, 's', e->ace_proto, &e->ace_sport);
	ports_from(m, 'd', e->ace_proto, &e->ace_dport);
	if (e->ace_sport.ap_op == PORT_RANGE &&
	    e->ace_sport.ap_lo > e->ace_sport.ap_hi) {
		vty_out(vty, "%% Invalid port range\n");
		return false;
	}
	if (e->ace_dport.ap_op == PORT_RANGE &&
	    e->ace_dport.ap_lo > e->ace_dport.ap_hi) {
		vty_out(vty, "%% Invalid port range\n");
		return false;
	}
	e->ace_established = cmd_has(m, "established");
	return true;
}

/* Printing. */

static void
addr_text(const struct ace_addr *a, bool extended, bool show,
    struct strbuf *sb)
{
	char	s[16], w[16];

	ip4_text(a->aa_addr, s);
	ip4_text(a->aa_wild, w);
	if (a->aa_wild == 0xffffffffU)
		strbuf_puts(sb, "any");
	else if (a->aa_wild == 0)
		strbuf_printf(sb, extended ? "host %s" : "%s", s);
	else if (!extended && show)
		strbuf_printf(sb, "%s, wildcard bits %s", s, w);
	else
		strbuf_printf(sb, "%s %s", s, w);
}

static void
port_text(unsigned proto, uint16_t port, struct strbuf *sb)
{
	const char	*n = NULL;

	if (proto == PROTO_TCP)
		n = nn_name(tcp_ports, NELEM(tcp_ports), port);
	else if (proto == PROTO_UDP)
		n = nn_name(udp_ports, NELEM(udp_ports), port);
	if (n != NULL)
		strbuf_printf(sb, " %s", n);
	else
		strbuf_printf(sb, " %u", port);
}

static void
ports_text(unsigned proto, const struct ace_ports *p, struct strbuf *sb)
{
	static const char *const ops[] = {
		[PORT_EQ] = "eq", [PORT_GT] = "gt", [PORT_LT] = "lt",
		[PORT_NEQ] = "neq", [PORT_RANGE] = "range",
	};

	if (p->ap_op == PORT_ANY)
		return;
	strbuf_printf(sb, " %s", ops[p->ap_op]);
	port_text(proto, p->ap_p1, sb);
	if (p->ap_op == PORT_RANGE)
		port_text(proto, p->ap_hi, sb);
}

/* An icmp rule's message: by its name when it has one. */
static void
icmp_text(const struct ace *e, struct strbuf *sb)
{
	if (e->ace_icmp_name >= 0)
		strbuf_printf(sb, " %s", icmp_names[e->ace_icmp_name].in_name);
	else if (e->ace_icmp_type != ACE_ICMP_ANY) {
		strbuf_printf(sb, " %d", e->ace_icmp_type);
		if (e->ace_icmp_code != ACE_ICMP_ANY)
			strbuf_printf(sb, " %d", e->ace_icmp_code);
	}
}

/*
 * One entry as IOS prints it.  PAD: the running configuration's
 * "deny   " (IOS aligns deny with permit there); SHOW: the form of
 * `show access-lists` (standard wildcards spelled out).
 */
void
ace_text(const struct ace *e, bool extended, bool pad, bool show,
    struct strbuf *sb)
{
	const char	*p;

	if (e->ace_kind == ACE_REMARK) {
		strbuf_puts(sb, "remark");
		if (e->ace_remark != NULL)
			strbuf_printf(sb, " %s", e->ace_remark);
		return;
	}
	strbuf_puts(sb, e->ace_kind == ACE_PERMIT ? "permit " :
	    pad ? "deny   " : "deny ");
	if (!extended) {
		addr_text(&e->ace_src, false, show, sb);
		if (e->ace_log)
			strbuf_puts(sb, " log");
		return;
	}
	if ((p = nn_name(protocols, NELEM(protocols), (int)e->ace_proto)) !=
	    NULL)
		strbuf_puts(sb, p);
	else
		strbuf_printf(sb, "%u", (unsigned)e->ace_proto);
	strbuf_putc(sb, ' ');
	addr_text(&e->ace_src, true, show, sb);
	if (ace_has_ports(e))
		ports_text(e->ace_proto, &e->ace_sport, sb);
	strbuf_putc(sb, ' ');
	addr_text(&e->ace_dst, true, show, sb);
	if (ace_has_ports(e))
		ports_text(e->ace_proto, &e->ace_dport, sb);
	if (e->ace_established)
		strbuf_puts(sb, " established");
	if (ace_is_icmp(e))
		icmp_text(e, sb);
	if (e->ace_log)
		strbuf_puts(sb, e->ace_log == 2 ? " log-input" : " log");
}

/* Matching, for the forwarder: the first rule that matches decides,
 * and counts the hit; no rule matching is IOS's implicit deny. */
static bool
port_match(const struct ace_ports *p, uint16_t port)
{
	if (p->ap_op == PORT_NEQ)
		return port != p->ap_p1;
	return port >= p->ap_lo && port <= p->ap_hi;
}

struct ace *
acl_match(struct dp_acl *acl, const struct acl_pkt *pk)
{
	struct ace	*e;
	size_t		 i;

	for (i = 0; i < acl->acl_n; i++) {
		e = &acl->acl_ace[i];
		if (e->ace_kind == ACE_REMARK)
			continue;
		if ((pk->pk_src & ~e->ace_src.aa_wild) != e->ace_src.aa_addr ||
		    (pk->pk_dst & ~e->ace_dst.aa_wild) != e->ace_dst.aa_addr)
			continue;
		if (e->ace_proto != ACE_PROTO_IP &&
		    e->ace_proto != pk->pk_proto)
			continue;
		if (ace_has_ports(e) &&
		    (!port_match(&e->ace_sport, pk->pk_sport) ||
		    !port_match(&e->ace_dport, pk->pk_dport)))
			continue;
		if (e->ace_established && !pk->pk_established)
			continue;
		if (ace_is_icmp(e) &&
		    ((e->ace_icmp_type != ACE_ICMP_ANY &&
		    e->ace_icmp_type != pk->pk_icmp_type) ||
		    (e->ace_icmp_code != ACE_ICMP_ANY &&
		    e->ace_icmp_code != pk->pk_icmp_code)))
			continue;
		e->ace_hits++;
		return e;
	}
	return NULL;
}

void
acl_pkt_from_ip(struct acl_pkt *pk, const uint8_t *ip, size_t len)
{
	size_t		 hl = (size_t)(ip[0] & 15) * 4;
	const uint8_t	*l4 = ip + hl;
	bool		 first = (get16(ip + 6) & 0x1fff) == 0;

	memset(pk, 0, sizeof(*pk));
	pk->pk_src = get32(ip + 12);
	pk->pk_dst = get32(ip + 16);
	pk->pk_proto = ip[9];
	pk->pk_icmp_type = pk->pk_icmp_code = -1;
	if (first && (pk->pk_proto == PROTO_TCP || pk->pk_proto == PROTO_UDP) &&
	    len >= hl + 4) {
		pk->pk_sport = get16(l4);
		pk->pk_dport = get16(l4 + 2);
		if (pk->pk_proto == PROTO_TCP && len >= hl + 14)
			pk->pk_established = (l4[13] & 0x14) != 0; /* ACK, RST */
	}
	if (first && pk->pk_proto == PROTO_ICMP && len >= hl + 2) {
		pk->pk_icmp_type = l4[0];
		pk->pk_icmp_code = l4[1];
	}
}

bool
acl_permits(struct dp_acl *acl, const struct acl_pkt *pk)
{
	const struct ace	*e = acl_match(acl, pk);

	return e != NULL && e->ace_kind == ACE_PERMIT;
}

/* The contract of dp.h: rules only, remarks left out. */

int
dp_acl_classify(struct dp_acl *acl, const uint8_t *ip, size_t len,
    bool *permit)
{
	struct acl_pkt	 pk;
	struct ace	*e;
	int		 n = 0;
	size_t		 i;

	*permit = false;
	if (len < 20 || (ip[0] >> 4) != 4 || (size_t)(ip[0] & 15) * 4 > len)
		return -1;
	acl_pkt_from_ip(&pk, ip, len);
	if ((e = acl_match(acl, &pk)) == NULL)
		return -1;
	/* The flow cache counts it again for the flow's next packets. */
	if (acl->acl_dp != NULL)
		fc_rec_hit(acl->acl_dp, &e->ace_hits);
	*permit = e->ace_kind == ACE_PERMIT;
	for (i = 0; &acl->acl_ace[i] != e; i++)
		if (acl->acl_ace[i].ace_kind != ACE_REMARK)
			n++;
	return n;
}

static void
rule_ports(const struct ace_ports *p, uint16_t *lo, uint16_t *hi, bool *neq)
{
	*neq = p->ap_op == PORT_NEQ;
	if (*neq)
		*lo = *hi = p->ap_p1;
	else if (p->ap_op == PORT_ANY) {
		*lo = 0;
		*hi = 65535;
	} else {
		*lo = p->ap_lo;
		*hi = p->ap_hi;
	}
}

bool
dp_acl_rule(const struct dp_acl *acl, size_t n, struct dp_rule *ru)
{
	const struct ace	*e;
	size_t			 i;

	for (i = 0; i < acl->acl_n; i++) {
		e = &acl->acl_ace[i];
		if (e->ace_kind == ACE_REMARK || n-- != 0)
			continue;
		memset(ru, 0, sizeof(*ru));
		ru->ru_permit = e->ace_kind == ACE_PERMIT;
		ru->ru_proto = e->ace_proto == ACE_PROTO_IP ? 0 :
		    (uint8_t)e->ace_proto;
		ru->ru_src = e->ace_src.aa_addr;
		ru->ru_src_wild = e->ace_src.aa_wild;
		ru->ru_dst = e->ace_dst.aa_addr;
		ru->ru_dst_wild = e->ace_dst.aa_wild;
		if (!ace_has_ports(e)) {	/* any port */
			ru->ru_sport_hi = ru->ru_dport_hi = 65535;
			return true;
		}
		if (e->ace_sport.ap_op == PORT_EQ)
			ru->ru_sport = e->ace_sport.ap_lo;
		if (e->ace_dport.ap_op == PORT_EQ)
			ru->ru_dport = e->ace_dport.ap_lo;
		rule_ports(&e->ace_sport, &ru->ru_sport_lo, &ru->ru_sport_hi,
		    &ru->ru_sport_neq);
		rule_ports(&e->ace_dport, &ru->ru_dport_lo, &ru->ru_dport_hi,
		    &ru->ru_dport_neq);
		return true;
	}
	return false;
}

const char *
dp_acl_name(const struct dp_acl *acl)
{
	return acl->acl_name;
}

bool
dp_acl_extended(const struct dp_acl *acl)
{
	return acl->acl_extended;
}

size_t
dp_acl_count(const struct dp_acl *acl)
{
	return acl->acl_nrules;
}

void
dp_acl_entry_text(const struct dp_acl *acl, size_t n, struct strbuf *sb)
{
	size_t	i;

	for (i = 0; i < acl->acl_n; i++) {
		if (acl->acl_ace[i].ace_kind == ACE_REMARK)
			continue;
		if (n-- == 0) {
			ace_text(&acl->acl_ace[i], acl->acl_extended, false,
			    false, sb);
			return;
		}
	}
}

/* Commands. */

static bool
number_extended(unsigned long n)
{
	return (n >= 100 && n <= 199) || (n >= 2000 && n <= 2699);
}

static struct dp_acl *
acl_numbered(struct dataplane *dp, const char *num)
{
	struct dp_acl	*acl = dp_acl_find(dp, num);

	if (acl == NULL)
		acl = acl_make(dp, num, number_extended(strtoul(num, NULL, 10)),
		    true);
	return acl;
}

static void
remark_from(const struct cmd_args *m, struct ace *e)
{
	memset(e, 0, sizeof(*e));
	e->ace_kind = ACE_REMARK;
	if (cmd_arg(m, "LINE") != NULL)
		e->ace_remark = xstrdup(cmd_arg(m, "LINE"));
}

/* `access-list N ...`: its `no` form removes the whole list, as IOS. */
int
dp_access_list_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dataplane	*dp = vty->v_sys->sy_dp;
	const char		*num = cmd_arg(m, "num");
	struct dp_acl		*acl;
	struct ace		 e;
	bool			 made;

	if (NEGATED(m))
		return dp_no_access_list_cmd(vty, m);
	if (cmd_has(m, "remark"))
		remark_from(m, &e);
	else if (!ace_from(vty, m, number_extended(strtoul(num, NULL, 10)),
	    &e))
		return CMD_WARNING;
	made = dp_acl_find(dp, num) == NULL;
	acl = acl_numbered(dp, num);
	if (!acl_add(vty, acl, &e, 0)) {
		if (e.ace_kind == ACE_REMARK)
			free(e.ace_remark);
		if (made)
			acl_delete(dp, acl);
		return CMD_WARNING;
	}
	return CMD_SUCCESS;
}

int
dp_no_access_list_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dataplane	*dp = vty->v_sys->sy_dp;
	struct dp_acl		*acl = dp_acl_find(dp, cmd_arg(m, "num"));

	if (acl != NULL)
		acl_delete(dp, acl);
	return CMD_SUCCESS;
}

static bool
all_digits(const char *s)
{
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

int
dp_ip_access_list_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dataplane	*dp = vty->v_sys->sy_dp;
	const char		*name = cmd_arg(m, "name");
	bool			 extended = cmd_has(m, "extended");
	struct dp_acl		*acl = dp_acl_find(dp, name);
	bool			 numbered = all_digits(name);

	if (numbered && number_extended(strtoul(name, NULL, 10)) != extended) {
		vty_out(vty, "%% Invalid access list name.\n");
		return CMD_WARNING;
	}
	if (NEGATED(m)) {
		if (acl != NULL && acl->acl_extended == extended)
			acl_delete(dp, acl);
		return CMD_SUCCESS;
	}
	if (acl != NULL && acl->acl_extended != extended) {
		vty_out(vty, "%% A named %s IP access list with this name "
		    "already exists\n", acl->acl_extended ? "extended" :
		    "standard");
		return CMD_WARNING;
	}
	if (acl == NULL)
		acl = acl_make(dp, name, extended, numbered);
	vty_enter(vty, extended ? MODE_CONFIG_EXT_NACL : MODE_CONFIG_STD_NACL,
	    acl);
	return CMD_SUCCESS;
}

int
nacl_entry_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dp_acl	*acl = vty->v_ctx;
	struct ace	 e;
	size_t		 i;

	if (!ace_from(vty, m, acl->acl_extended, &e))
		return CMD_WARNING;
	if (NEGATED(m)) {
		for (i = 0; i < acl->acl_n; i++)
			if (ace_same(&acl->acl_ace[i], &e)) {
				ace_remove(acl, i);
				break;
			}
		return CMD_SUCCESS;
	}
	return acl_add(vty, acl, &e, (uint32_t)cmd_arg_num(m, "seq", 0)) ?
	    CMD_SUCCESS : CMD_WARNING;
}

int
nacl_remark_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dp_acl	*acl = vty->v_ctx;
	struct ace	 e;
	size_t		 i;

	remark_from(m, &e);
	if (NEGATED(m)) {
		for (i = 0; i < acl->acl_n; i++)
			if (acl->acl_ace[i].ace_kind == ACE_REMARK &&
			    ((e.ace_remark == NULL &&
			    acl->acl_ace[i].ace_remark == NULL) ||
			    (e.ace_remark != NULL &&
			    acl->acl_ace[i].ace_remark != NULL &&
			    strcmp(e.ace_remark,
			    acl->acl_ace[i].ace_remark) == 0))) {
				ace_remove(acl, i);
				break;
			}
		free(e.ace_remark);
		return CMD_SUCCESS;
	}
	acl_add(vty, acl, &e, 0);
	return CMD_SUCCESS;
}

int
nacl_no_seq_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dp_acl	*acl = vty->v_ctx;
	uint32_t	 seq = (uint32_t)cmd_arg_num(m, "seq", 0);
	size_t		 pos = seq_pos(acl, seq);

	if (pos < acl->acl_n && acl->acl_ace[pos].ace_seq == seq &&
	    acl->acl_ace[pos].ace_kind != ACE_REMARK)
		ace_remove(acl, pos);
	return CMD_SUCCESS;
}

/* Rendering. */

static int
acl_num_cmp(const void *a, const void *b)
{
	const struct dp_acl	*x = *(const struct dp_acl *const *)a;
	const struct dp_acl	*y = *(const struct dp_acl *const *)b;

	return x->acl_number < y->acl_number ? -1 :
	    x->acl_number > y->acl_number;
}

/* The numbered lists, by number. */
static size_t
numbered_sorted(const struct dataplane *dp, struct dp_acl ***out)
{
	struct dp_acl	*acl, **v;
	size_t		 n = 0;

	v = xcalloc(dp->d_nacls + 1, sizeof(*v));
	for (acl = dp->d_acl_first; acl != NULL; acl = acl->acl_next)
		if (acl->acl_numbered)
			v[n++] = acl;
	if (n > 1)
		qsort(v, n, sizeof(*v), acl_num_cmp);
	*out = v;
	return n;
}

void
acl_nvgen(const struct dataplane *dp, bool named, struct strbuf *sb)
{
	struct dp_acl	*acl, **v;
	struct strbuf	 e;
	size_t		 i, j, n;

	strbuf_init(&e);
	for (acl = dp->d_acl_first; named && acl != NULL;
	    acl = acl->acl_next) {
		if (acl->acl_numbered)
			continue;
		nv_line(sb, 0, "ip access-list %s %s",
		    acl->acl_extended ? "extended" : "standard",
		    acl->acl_name);
		for (j = 0; j < acl->acl_n; j++) {
			strbuf_reset(&e);
			ace_text(&acl->acl_ace[j], acl->acl_extended, true,
			    false, &e);
			nv_line(sb, 1, "%s", e.sb_buf);
		}
	}
	n = named ? 0 : numbered_sorted(dp, &v);
	for (i = 0; i < n; i++)
		for (j = 0; j < v[i]->acl_n; j++) {
			strbuf_reset(&e);
			ace_text(&v[i]->acl_ace[j], v[i]->acl_extended, true,
			    false, &e);
			nv_line(sb, 0, "access-list %s %s", v[i]->acl_name,
			    e.sb_buf);
		}
	if (!named)
		free(v);
	strbuf_free(&e);
}

static void
acl_show_one(const struct dp_acl *acl, struct strbuf *sb)
{
	const struct ace	*e;
	size_t			 i;

	strbuf_printf(sb, "%s IP access list %s\n",
	    acl->acl_extended ? "Extended" : "Standard", acl->acl_name);
	for (i = 0; i < acl->acl_n; i++) {
		e = &acl->acl_ace[i];
		if (e->ace_kind == ACE_REMARK)
			continue;
		strbuf_printf(sb, "    %u ", e->ace_seq);
		ace_text(e, acl->acl_extended, false, true, sb);
		if (e->ace_hits != 0)
			strbuf_printf(sb, " (%llu match%s)",
			    (unsigned long long)e->ace_hits,
			    e->ace_hits == 1 ? "" : "es");
		strbuf_putc(sb, '\n');
	}
}

/* `show [ip] access-lists [NAME]`: numbered lists by number, then the
 * named ones in the order they were made. */
void
acl_show(const struct dataplane *dp, const char *name, struct strbuf *sb)
{
	struct dp_acl	*acl, **v;
	size_t		 i, n;

	if (name != NULL) {
		if ((acl = dp_acl_find(dp, name)) != NULL)
			acl_show_one(acl, sb);
		return;
	}
	n = numbered_sorted(dp, &v);
	for (i = 0; i < n; i++)
		acl_show_one(v[i], sb);
	free(v);
	for (acl = dp->d_acl_first; acl != NULL; acl = acl->acl_next)
		if (!acl->acl_numbered)
			acl_show_one(acl, sb);
}

int
dp_show_access_lists_cmd(struct vty *vty, const struct cmd_args *m)
{
	acl_show(vty->v_sys->sy_dp, cmd_arg(m, "name"), &vty->v_out);
	return CMD_SUCCESS;
}
