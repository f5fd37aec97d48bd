/*
 * ikev2: `crypto ikev2 proposal|policy|keyring|profile NAME` and their
 * sub-modes (a keyring's `peer NAME` one level further), stored and
 * rendered but not acted on: iosh's IKE speaks IKEv1 only, so an IKEv2
 * block configures nothing that runs (README "Stored but inert", `show
 * iosh inert`).  Each sub-mode line is a definition of its own
 * (grammar/ikev2.c), so a line IOS refuses is refused; the definition's
 * argument is the line's slot, which fixes where IOS renders it whatever
 * the order typed.  A slot holds one line (a new one replaces it) except
 * the ones IOS lists several of (a policy's proposals and local
 * addresses, a profile's remote identities).
 */
#include <stdlib.h>
#include <string.h>

#include "crypto/cmds.h"
#include "crypto/crypto_int.h"
#include "lib/cmdarg.h"
#include "lib/nvgen.h"
#include "lib/slotlines.h"
#include "lib/system.h"
#include "lib/vty.h"
#include "lib/xalloc.h"

/* A block's lines, or a keyring peer's: canonical, ranked by slot. */
struct v2_lines {
	char			*vs_name;
	struct slotlines	 vs_lines;
};

struct v2_block {
	unsigned	 vb_kind;	/* V2_PROPOSAL ... V2_PROFILE */
	struct v2_lines	 vb_lines;	/* vs_name: the block's name */
	struct v2_lines	*vb_peers;	/* a keyring's, in the order made */
	size_t		 vb_npeers;
};

enum { V2_PROPOSAL, V2_POLICY, V2_KEYRING, V2_PROFILE, V2_NKIND };

struct ikev2 {
	struct v2_block	**v2_b;		/* in the order made */
	size_t		  v2_n;
	struct v2_block	 *v2_cur;	/* the block being edited */
	size_t		  v2_peer;	/* its peer being edited */
};

const unsigned ikev2_slot[V2S_N] = {
#define S(x)	[x] = x
	S(V2S_DESC), S(V2S_ENC), S(V2S_INTEG), S(V2S_GROUP), S(V2S_FVRF),
	S(V2S_LOCAL), S(V2S_PROPOSAL), S(V2S_ADDR), S(V2S_IDENT), S(V2S_PSK),
	S(V2S_PSK_LOCAL), S(V2S_PSK_REMOTE), S(V2S_IDREMOTE), S(V2S_IDLOCAL),
	S(V2S_AUTH_REMOTE), S(V2S_AUTH_LOCAL), S(V2S_KEYRING), S(V2S_IVRF),
	S(V2S_LIFETIME),
	S(V2S_DPD),
#undef S
};

static bool
slot_multi(unsigned slot)
{
	return slot == V2S_LOCAL || slot == V2S_PROPOSAL ||
	    slot == V2S_IDREMOTE;
}

static struct ikev2 *
v2_of(struct vty *vty)
{
	struct crypto	*c = vty->v_sys->sy_crypto;

	if (c->c_ikev2 == NULL)
		c->c_ikev2 = xcalloc(1, sizeof(*c->c_ikev2));
	return c->c_ikev2;
}

static void
lines_free(struct v2_lines *vs)
{
	slotlines_free(&vs->vs_lines);
	free(vs->vs_name);
}

static void
block_free(struct v2_block *b)
{
	size_t	i;

	lines_free(&b->vb_lines);
	for (i = 0; i < b->vb_npeers; i++)
		lines_free(&b->vb_peers[i]);
	free(b->vb_peers);
	free(b);
}

void
ikev2_free(struct crypto *c)
{
	struct ikev2	*v2 = c->c_ikev2;
	size_t		 i;

	if (v2 == NULL)
		return;
	for (i = 0; i < v2->v2_n; i++)
		block_free(v2->v2_b[i]);
	free(v2->v2_b);
	free(v2);
	c->c_ikev2 = NULL;
}

/* `crypto ikev2 proposal|policy|keyring|profile NAME`. */
int
crypto_ikev2_cmd(struct vty *vty, const struct cmd_args *m)
{
	static const mode_id	 modes[V2_NKIND] = { MODE_IKEV2_PROPOSAL,
				    MODE_IKEV2_POLICY, MODE_IKEV2_KEYRING,
				    MODE_IKEV2_PROFILE };
	struct ikev2		*v2 = v2_of(vty);
	const char		*name = cmd_arg(m, "name");
	unsigned		 kind = cmd_has(m, "proposal") ? V2_PROPOSAL :
				    cmd_has(m, "policy") ? V2_POLICY :
				    cmd_has(m, "keyring") ? V2_KEYRING :
				    V2_PROFILE;
	struct v2_block		*b;
	size_t			 i;

	for (i = 0; i < v2->v2_n; i++)
		if (v2->v2_b[i]->vb_kind == kind &&
		    strcmp(v2->v2_b[i]->vb_lines.vs_name, name) == 0)
			break;
	if (cmd_negated(m)) {
		if (i < v2->v2_n) {
			if (v2->v2_cur == v2->v2_b[i])
				v2->v2_cur = NULL;
			block_free(v2->v2_b[i]);
			memmove(&v2->v2_b[i], &v2->v2_b[i + 1],
			    (v2->v2_n - i - 1) * sizeof(b));
			v2->v2_n--;
		}
		return CMD_SUCCESS;
	}
	if (i == v2->v2_n) {
		b = xcalloc(1, sizeof(*b));
		b->vb_kind = kind;
		b->vb_lines.vs_name = xstrdup(name);
		v2->v2_b = xreallocarray(v2->v2_b, v2->v2_n + 1, sizeof(b));
		v2->v2_b[v2->v2_n++] = b;
	}
	v2->v2_cur = v2->v2_b[i];
	vty_enter(vty, modes[kind], v2->v2_cur);
	return CMD_SUCCESS;
}

/* A keyring's `peer NAME`. */
int
ikev2_peer_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct ikev2	*v2 = v2_of(vty);
	struct v2_block	*b = v2->v2_cur;
	const char	*name = cmd_arg(m, "name");
	size_t		 i;

	if (b == NULL)
		return CMD_WARNING;
	for (i = 0; i < b->vb_npeers; i++)
		if (strcmp(b->vb_peers[i].vs_name, name) == 0)
			break;
	if (cmd_negated(m)) {
		if (i < b->vb_npeers) {
			lines_free(&b->vb_peers[i]);
			memmove(&b->vb_peers[i], &b->vb_peers[i + 1],
			    (b->vb_npeers - i - 1) * sizeof(*b->vb_peers));
			b->vb_npeers--;
		}
		return CMD_SUCCESS;
	}
	if (i == b->vb_npeers) {
		b->vb_peers = xreallocarray(b->vb_peers, b->vb_npeers + 1,
		    sizeof(*b->vb_peers));
		memset(&b->vb_peers[i], 0, sizeof(*b->vb_peers));
		b->vb_peers[i].vs_name = xstrdup(name);
		b->vb_npeers++;
	}
	v2->v2_peer = i;
	vty_enter(vty, MODE_IKEV2_KEYRING_PEER, b);
	return CMD_SUCCESS;
}

/* `exit` from a peer: back to its keyring. */
int
ikev2_peer_exit_cmd(struct vty *vty, const struct cmd_args *m)
{
	(void)m;
	vty_enter(vty, MODE_IKEV2_KEYRING, v2_of(vty)->v2_cur);
	return CMD_SUCCESS;
}

/* A sub-mode line into its slot (cmd_data); "no" removes the slot's
 * line, or for a slot of several lines the one it names. */
int
ikev2_line_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct ikev2	*v2 = v2_of(vty);
	unsigned	 slot = *(const unsigned *)cmd_data(m);
	struct v2_lines	*vs;
	struct strbuf	 line;
	const char	*text;

	if (v2->v2_cur == NULL)
		return CMD_WARNING;
	vs = vty->v_mode == MODE_IKEV2_KEYRING_PEER ?
	    &v2->v2_cur->vb_peers[v2->v2_peer] : &v2->v2_cur->vb_lines;
	strbuf_init(&line);
	cmd_args_canon(m, &line);
	/* IOS prints a remote identity address with its mask, a host's
	 * when none was typed. */
	if (slot == V2S_IDREMOTE && cmd_has(m, "address") &&
	    !cmd_has(m, "mask") && !cmd_negated(m))
		strbuf_puts(&line, " 255.255.255.255");
	text = line.sb_buf + (cmd_is_no(m) ? 3 : cmd_is_default(m) ? 8 : 0);
	/* A slot of several lines replaces by the whole line. */
	slotlines_set(&vs->vs_lines, slot, slot_multi(slot) ? text : NULL,
	    cmd_negated(m) ? NULL : text);
	strbuf_free(&line);
	return CMD_SUCCESS;
}

/*
 * IOS's order: proposals, policies, keyrings, profiles, each kind in the
 * order made, a "!" after each block; a keyring's peers each closed by
 * " !".
 */
void
ikev2_nvgen(const struct crypto *c, struct strbuf *sb)
{
	static const char *const kinds[V2_NKIND] = { "proposal", "policy",
				    "keyring", "profile" };
	const struct ikev2	*v2 = c->c_ikev2;
	const struct v2_block	*b;
	unsigned		 kind;
	size_t			 i, j, k, n = 0;

	if (v2 == NULL)
		return;
	for (kind = 0; kind < V2_NKIND; kind++)
		for (i = 0; i < v2->v2_n; i++) {
			b = v2->v2_b[i];
			if (b->vb_kind != kind)
				continue;
			if (n++ > 0)
				nv_line(sb, 0, "!");
			nv_line(sb, 0, "crypto ikev2 %s %s", kinds[kind],
			    b->vb_lines.vs_name);
			for (j = 0; j < b->vb_lines.vs_lines.ss_n; j++)
				nv_line(sb, 1, "%s",
				    b->vb_lines.vs_lines.ss_l[j].sl_text);
			for (j = 0; j < b->vb_npeers; j++) {
				nv_line(sb, 1, "peer %s",
				    b->vb_peers[j].vs_name);
				for (k = 0; k < b->vb_peers[j].vs_lines.ss_n;
				    k++)
					nv_line(sb, 2, "%s", b->vb_peers[j].
					    vs_lines.ss_l[k].sl_text);
				nv_line(sb, 1, "!");
			}
		}
}
