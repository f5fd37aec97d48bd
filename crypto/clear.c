/*
 * clear: `clear crypto isakmp`, `clear crypto sa` and `clear crypto
 * session [remote A.B.C.D]`, which tear the negotiated SAs down and tell
 * the peers (delete notifications), as IOS.
 */
#include <string.h>

#include "crypto/cmds.h"
#include "crypto/crypto_int.h"
#include "crypto/ike.h"
#include "crypto/ike_int.h"
#include "crypto/isakmp_wire.h"
#include "lib/bytes.h"
#include "lib/cmdarg.h"
#include "lib/inet4.h"
#include "lib/system.h"
#include "lib/vty.h"

int
clear_crypto_isakmp_cmd(struct vty *vty, const struct cmd_args *m)
{
	(void)m;
	ike_clear_isakmp(vty->v_sys->sy_crypto);
	return CMD_SUCCESS;
}

int
clear_crypto_sa_cmd(struct vty *vty, const struct cmd_args *m)
{
	(void)m;
	ipsec_clear(vty->v_sys->sy_crypto);
	return CMD_SUCCESS;
}

/*
 * One peer's session: its flows (each inbound SA's delete sent under a
 * live phase 1) and then its ISAKMP SAs (their delete sent), so the
 * peer forgets them as we do; a VPN client's mode-config address goes
 * back to the pool with its phase 1.  Freeing a peer's last SA frees the
 * peer, so whether it has ISAKMP SAs is read before its flows go.
 */
static void
clear_peer(struct crypto *c, struct sadb_peer *pe)
{
	struct ipsec_flow	*fl, *fnext;
	struct isakmp_sa	*is, *inext;
	struct ipsec_sa		*ps;
	struct ike_p1		*p;
	bool			 ike = !TAILQ_EMPTY(&pe->pe_isakmp);

	for (fl = TAILQ_FIRST(&pe->pe_flows); fl != NULL; fl = fnext) {
		fnext = TAILQ_NEXT(fl, fl_pentry);
		TAILQ_FOREACH(ps, &fl->fl_in, ps_entry)
			if ((p = ipsec_peer_p1(c, &fl->fl_peer)) != NULL)
				ipsec_sa_delete_notify(p, ps);
		ipsec_flow_drop(c, fl);
	}
	if (!ike)
		return;
	for (is = TAILQ_FIRST(&pe->pe_isakmp); is != NULL; is = inext) {
		inext = TAILQ_NEXT(is, is_pentry);
		if (is->is_engine != NULL)
			ike_p1_clear(is->is_engine);
	}
}

int
clear_crypto_session_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct crypto		*c = vty->v_sys->sy_crypto;
	const char		*peer = cmd_arg(m, "peer");
	struct sadb_peer	*pe;
	struct sa_addr		 a;
	uint32_t		 v4;

	if (peer == NULL) {
		ipsec_clear(c);
		ike_clear_isakmp(c);
		return CMD_SUCCESS;
	}
	(void)ip4_parse(peer, &v4);
	sa_addr_v4(&a, v4);
	if ((pe = sadb_peer_find(&c->c_sadb, &a)) != NULL)
		clear_peer(c, pe);
	return CMD_SUCCESS;
}
