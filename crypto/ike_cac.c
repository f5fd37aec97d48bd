/*
 * ike_cac: Call Admission Control for IKE, as IOS 12.4(6)T and later
 * (`crypto call admission limit ike sa N`, `... ike in-negotiation-sa N`,
 * `show crypto call admission statistics`).
 *
 * Every new phase-1 request (a first Main or Aggressive Mode message) is
 * admitted here before any state is made for it.  The in-negotiation
 * count is bounded even without the command (IKE_CAC_DEFAULT_NEGO): a
 * half-open responder SA costs a few KB and lives for its five
 * retransmissions, so spoofed first messages would otherwise grow the
 * heap without limit (issue 19: 60,000 of them, 151 MB).
 *
 * At the bound, iosh first reclaims the oldest responder SA whose peer
 * never answered our second message (MM_SA_SETUP / AG_INIT_EXCH as
 * responder): a spoofed source never answers, a real peer answers within
 * a round trip, so a flood cannot lock real peers out.  Only when nothing
 * can be reclaimed is the request denied, counted, and logged (rate-
 * limited, once a minute) as IOS logs it.
 */
#include <stdio.h>

#include "crypto/cmds.h"
#include "crypto/ike_int.h"
#include "lib/clock.h"
#include "lib/cmdarg.h"
#include "lib/system.h"
#include "lib/vty.h"

/* Default in-negotiation bound without the command: about 2.5 KB each
 * (measured: 151 MB / 60,000), so at most ~2.5 MB of half-open state. */
#define IKE_CAC_DEFAULT_NEGO	1000u

/* A responder SA whose peer never came back after our first reply. */
static bool
reclaimable(const struct isakmp_sa *is)
{
	return !is->is_initiator && is->is_engine != NULL &&
	    (is->is_state == ISK_MM_SA_SETUP ||
	    is->is_state == ISK_MM_NO_STATE ||
	    is->is_state == ISK_AG_INIT_EXCH);
}

/* The SAs not yet up: every SA but those phase 1 completed (a walk of
 * all SAs per request made setups at 10,000 tunnels half as fast). */
unsigned
ike_cac_negotiating(const struct crypto *c)
{
	return (unsigned)(c->c_sadb.db_nisakmp - c->c_sadb.db_nup);
}

unsigned
ike_cac_nego_limit(const struct crypto *c)
{
	return c->c_cac_nego_limit != 0 ? c->c_cac_nego_limit :
	    IKE_CAC_DEFAULT_NEGO;
}

static bool
deny(struct crypto *c, const struct sa_addr *local,
    const struct sa_addr *peer, uint64_t *counter, const char *why)
{
	char	l[SA_TEXT_LEN], r[SA_TEXT_LEN];

	c->c_cac_in_rejected++;
	(*counter)++;
	if (!ratelog_ok(&c->c_rl_cac, clock_mono_ms()))
		return false;
	sa_text(peer, r);
	sa_text(local, l);
	sys_log(c->c_sys, "CRYPTO", 4, "IKE_DENIED", "IKE denied from %s to "
	    "%s. Reason: %s", r, l, why);
	return false;
}

bool
ike_cac_admit(struct crypto *c, const struct sa_addr *local,
    const struct sa_addr *peer)
{
	struct isakmp_sa	*is;

	c->c_cac_in_requests++;
	if (c->c_cac_sa_limit != 0 &&
	    c->c_sadb.db_nisakmp >= c->c_cac_sa_limit)
		return deny(c, local, peer, &c->c_cac_rej_sa,
		    "Call admission control: IKE SA limit reached");
	if (ike_cac_negotiating(c) >= ike_cac_nego_limit(c)) {
		TAILQ_FOREACH(is, &c->c_sadb.db_isakmp, is_entry)
			if (reclaimable(is))
				break;
		if (is == NULL)
			return deny(c, local, peer, &c->c_cac_rej_nego,
			    "Call admission control: in-negotiation SA "
			    "limit reached");
		c->c_cac_reaped++;
		ike_p1_free(is->is_engine);
	}
	c->c_cac_in_accepted++;
	return true;
}

int
crypto_call_admission_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct crypto	*c = vty->v_sys->sy_crypto;
	unsigned	*lim = cmd_has(m, "in-negotiation-sa") ?
	    &c->c_cac_nego_limit : &c->c_cac_sa_limit;

	*lim = cmd_negated(m) ? 0 : (unsigned)cmd_arg_num(m, "n", 0);
	return CMD_SUCCESS;
}

void
ike_cac_nvgen(const struct crypto *c, struct strbuf *sb)
{
	if (c->c_cac_sa_limit != 0)
		strbuf_printf(sb, "crypto call admission limit ike sa %u\n",
		    c->c_cac_sa_limit);
	if (c->c_cac_nego_limit != 0)
		strbuf_printf(sb, "crypto call admission limit ike "
		    "in-negotiation-sa %u\n", c->c_cac_nego_limit);
}

int
show_crypto_call_admission_cmd(struct vty *vty, const struct cmd_args *m)
{
	const struct crypto	*c = vty->v_sys->sy_crypto;
	unsigned		 nego = ike_cac_negotiating(c);

	(void)m;
	strbuf_printf(&vty->v_out,
	    "\n-----------------------------------------------------------"
	    "---------\n"
	    "              Crypto Call Admission Control Statistics\n"
	    "-----------------------------------------------------------"
	    "---------\n"
	    "System Resource Limit:        0 Max IKE SAs:   %5u Max in nego: "
	    "%5u\n"
	    "Total IKE SA Count:       %5zu active:        %5zu negotiating: "
	    "%5u\n"
	    "Incoming IKE Requests:    %5llu accepted:      %5llu rejected:    "
	    "%5llu\n"
	    "Outgoing IKE Requests:        0 accepted:          0 rejected:    "
	    "    0\n"
	    "Rejected IKE Requests:    %5llu rsrc low:          0 SA limit:    "
	    "%5llu\n"
	    "                                                 in-neg:      "
	    "%5llu\n\n",
	    c->c_cac_sa_limit, c->c_cac_nego_limit,
	    c->c_sadb.db_nisakmp, c->c_sadb.db_nisakmp - nego, nego,
	    (unsigned long long)c->c_cac_in_requests,
	    (unsigned long long)c->c_cac_in_accepted,
	    (unsigned long long)c->c_cac_in_rejected,
	    (unsigned long long)c->c_cac_in_rejected,
	    (unsigned long long)c->c_cac_rej_sa,
	    (unsigned long long)c->c_cac_rej_nego);
	return CMD_SUCCESS;
}

int
clear_crypto_call_admission_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct crypto	*c = vty->v_sys->sy_crypto;

	(void)m;
	c->c_cac_in_requests = c->c_cac_in_accepted = 0;
	c->c_cac_in_rejected = c->c_cac_rej_sa = c->c_cac_rej_nego = 0;
	return CMD_SUCCESS;
}
