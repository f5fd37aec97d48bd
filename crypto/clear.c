/*
 * clear: `clear crypto isakmp` and `clear crypto sa`, which tear the
 * negotiated SAs down and tell the peers (delete notifications), as IOS.
 */
#include "crypto/cmds.h"
#include "crypto/crypto_int.h"
#include "crypto/ike.h"
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
