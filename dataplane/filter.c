/*
 * filter: `ip access-group` on the packet path — the interface's ACL
 * decides, its entry's hit counter counts, and an entry with `log`
 * (or `log-input`, logged the same way) reports through sys_log in
 * IOS's words:
 *
 *	%SEC-6-IPACCESSLOGS: list 1 denied 10.1.1.1 1 packet
 *	%SEC-6-IPACCESSLOGP: list 101 denied tcp 10.1.1.1(1025) ->
 *	    10.2.2.2(23), 1 packet
 *	%SEC-6-IPACCESSLOGDP: list 101 denied icmp 10.1.1.1 -> 10.2.2.2
 *	    (8/0), 1 packet
 *	%SEC-6-IPACCESSLOGNP: list 101 denied 47 10.1.1.1 -> 10.2.2.2,
 *	    1 packet
 *
 * The ports are shown only when the entry looks at them (IOS prints (0)
 * for `ip` entries).  As IOS, the first packet of a flow is logged at
 * once and the next ones are counted, then reported together ("4
 * packets") by a sweep every 5 minutes; a flow is remembered in a small
 * table, and one pushed out by another reports its count first.  The
 * table holds copies of what it prints, so editing or deleting the ACL
 * meanwhile is harmless.  An ACL that does not exist permits, as IOS.
 */
#include <stdio.h>
#include <string.h>

#include "dataplane/dp_int.h"
#include "dataplane/fwd.h"
#include "lib/clock.h"
#include "lib/evloop.h"
#include "lib/inet4.h"
#include "lib/system.h"

struct acl_log {
	const struct ace	*lg_ace;	/* identity only, never read */
	uint32_t		 lg_src, lg_dst;
	uint16_t		 lg_sport, lg_dport;
	int			 lg_type, lg_code;	/* ICMP */
	unsigned		 lg_proto;
	char			 lg_list[48];
	bool			 lg_extended, lg_permit, lg_ports;
	uint64_t		 lg_when;	/* last message, mono ms */
	uint64_t		 lg_count;	/* packets since then */
};

static void
log_emit(struct dataplane *dp, const struct acl_log *lg, uint64_t n)
{
	char		 s[16], d[16];
	const char	*verb = lg->lg_permit ? "permitted" : "denied";
	const char	*pl = n == 1 ? "" : "s";

	ip4_text(lg->lg_src, s);
	ip4_text(lg->lg_dst, d);
	if (!lg->lg_extended)
		sys_log(dp->d_sys, "SEC", 6, "IPACCESSLOGS", "list %s %s %s "
		    "%llu packet%s", lg->lg_list, verb, s,
		    (unsigned long long)n, pl);
	else if (lg->lg_proto == IPP_TCP || lg->lg_proto == IPP_UDP)
		sys_log(dp->d_sys, "SEC", 6, "IPACCESSLOGP", "list %s %s %s "
		    "%s(%u) -> %s(%u), %llu packet%s", lg->lg_list, verb,
		    lg->lg_proto == IPP_TCP ? "tcp" : "udp", s,
		    lg->lg_ports ? lg->lg_sport : 0, d,
		    lg->lg_ports ? lg->lg_dport : 0, (unsigned long long)n, pl);
	else if (lg->lg_proto == IPP_ICMP)
		sys_log(dp->d_sys, "SEC", 6, "IPACCESSLOGDP", "list %s %s icmp "
		    "%s -> %s (%d/%d), %llu packet%s", lg->lg_list, verb, s, d,
		    lg->lg_type, lg->lg_code, (unsigned long long)n, pl);
	else
		sys_log(dp->d_sys, "SEC", 6, "IPACCESSLOGNP", "list %s %s %u "
		    "%s -> %s, %llu packet%s", lg->lg_list, verb, lg->lg_proto,
		    s, d, (unsigned long long)n, pl);
}

/* Every 5 minutes: what was counted since the last message. */
static void
log_sweep(void *arg)
{
	struct dataplane	*dp = arg;
	struct fwd		*f = dp->d_fwd;
	struct acl_log		*lg;
	uint64_t		 now = clock_mono_ms();
	bool			 more = false;
	size_t			 i;

	f->f_acl_timer = NULL;
	for (i = 0; i < ACL_LOG_SLOTS; i++) {
		lg = &f->f_acl_log[i];
		if (lg->lg_count == 0)
			continue;
		log_emit(dp, lg, lg->lg_count);
		lg->lg_count = 0;
		lg->lg_when = now;
		more = true;
	}
	if (more)
		f->f_acl_timer = evloop_timer_add(dp->d_sys->sy_loop,
		    ACL_LOG_MS, log_sweep, dp);
}

static bool
log_same(const struct acl_log *lg, const struct ace *e,
    const struct acl_pkt *pk)
{
	return lg->lg_ace == e && lg->lg_src == pk->pk_src &&
	    lg->lg_dst == pk->pk_dst && lg->lg_proto == pk->pk_proto &&
	    lg->lg_sport == pk->pk_sport && lg->lg_dport == pk->pk_dport &&
	    lg->lg_type == pk->pk_icmp_type && lg->lg_code == pk->pk_icmp_code;
}

static void
filter_log(struct dataplane *dp, const struct dp_acl *acl,
    const struct ace *e, const struct acl_pkt *pk)
{
	struct fwd	*f = dp->d_fwd;
	struct acl_log	*lg;
	uint64_t	 now = clock_mono_ms();
	uint32_t	 h;

	if (f->f_acl_log == NULL)
		f->f_acl_log = xcalloc(ACL_LOG_SLOTS, sizeof(*f->f_acl_log));
	h = (pk->pk_src * 2654435761U) ^ pk->pk_dst ^ pk->pk_proto ^
	    ((uint32_t)pk->pk_sport << 16 | pk->pk_dport) ^
	    (uint32_t)(uintptr_t)e;
	lg = &f->f_acl_log[(h ^ h >> 16) % ACL_LOG_SLOTS];
	if (log_same(lg, e, pk) && (lg->lg_count > 0 ||
	    now - lg->lg_when < ACL_LOG_MS)) {
		lg->lg_count++;
		if (f->f_acl_timer == NULL)
			f->f_acl_timer = evloop_timer_add(dp->d_sys->sy_loop,
			    ACL_LOG_MS, log_sweep, dp);
		return;
	}
	if (lg->lg_count > 0)
		log_emit(dp, lg, lg->lg_count);
	lg->lg_ace = e;
	lg->lg_src = pk->pk_src;
	lg->lg_dst = pk->pk_dst;
	lg->lg_proto = pk->pk_proto;
	lg->lg_sport = pk->pk_sport;
	lg->lg_dport = pk->pk_dport;
	lg->lg_type = pk->pk_icmp_type;
	lg->lg_code = pk->pk_icmp_code;
	snprintf(lg->lg_list, sizeof(lg->lg_list), "%s", acl->acl_name);
	lg->lg_extended = acl->acl_extended;
	lg->lg_permit = e->ace_kind == ACE_PERMIT;
	lg->lg_ports = e->ace_proto == pk->pk_proto;
	lg->lg_when = now;
	lg->lg_count = 0;
	log_emit(dp, lg, 1);
}

bool
filter_pass(struct dataplane *dp, const char *name, const uint8_t *ip,
    size_t len)
{
	struct dp_acl	*acl = dp_acl_find(dp, name);
	struct acl_pkt	 pk;
	const struct ace *e;

	if (acl == NULL)
		return true;
	acl_pkt_from_ip(&pk, ip, len);
	e = acl_match(acl, &pk);
	if (e != NULL && e->ace_log)
		filter_log(dp, acl, e, &pk);
	return e != NULL && e->ace_kind == ACE_PERMIT;
}
