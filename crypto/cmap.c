/*
 * cmap: crypto maps (`crypto map NAME SEQ ipsec-isakmp [dynamic DYN]`) and
 * dynamic crypto map templates (`crypto dynamic-map NAME SEQ`), and the
 * config-crypto-map sub-mode they share with IPsec profiles for the
 * `set` commands (struct ipsec_params).
 *
 * Maps are found through a sorted index and rendered in creation order;
 * a map's entries are an array sorted by sequence number, the order the
 * IKE engine evaluates them in.
 */
#include <stdlib.h>
#include <string.h>

#include "crypto/cmds.h"
#include "crypto/crypto_int.h"
#include "crypto/esp.h"
#include "lib/cmdarg.h"
#include "lib/inet4.h"
#include "lib/nvgen.h"
#include "lib/system.h"
#include "lib/vty.h"
#include "lib/xalloc.h"

static const char *
cmap_key(const void *o)
{
	return ((const struct cmap *)o)->cm_name;
}

void
cmap_init(struct crypto *c)
{
	c->c_map_idx.nt_key = cmap_key;
	TAILQ_INIT(&c->c_maps);
	c->c_dynmap_idx.nt_key = cmap_key;
	TAILQ_INIT(&c->c_dynmaps);
	TAILQ_INIT(&c->c_map_clients);
}

void
ipsec_params_free(struct ipsec_params *pp)
{
	size_t	i;

	for (i = 0; i < pp->pp_ntsets; i++)
		free(pp->pp_tsets[i]);
	free(pp->pp_isakmp_profile);
	memset(pp, 0, sizeof(*pp));
}

static void
entry_free(struct cmap_entry *ce)
{
	free(ce->ce_dynamic);
	free(ce->ce_desc);
	free(ce->ce_acl);
	free(ce->ce_peers);
	ipsec_params_free(&ce->ce_params);
	free(ce);
}

static void
cmap_free(struct cmap *cm)
{
	size_t	i;

	for (i = 0; i < cm->cm_n; i++)
		entry_free(cm->cm_entries[i]);
	free(cm->cm_entries);
	free(cm->cm_name);
	free(cm);
}

void
cmap_free_all(struct crypto *c)
{
	struct cmap	*cm;

	while ((cm = TAILQ_FIRST(&c->c_maps)) != NULL) {
		TAILQ_REMOVE(&c->c_maps, cm, cm_entry);
		cmap_free(cm);
	}
	ntab_free(&c->c_map_idx);
	while ((cm = TAILQ_FIRST(&c->c_dynmaps)) != NULL) {
		TAILQ_REMOVE(&c->c_dynmaps, cm, cm_entry);
		cmap_free(cm);
	}
	ntab_free(&c->c_dynmap_idx);
	cmap_client_free_all(c);
}

const struct cmap *
crypto_map_find(const struct crypto *c, const char *name)
{
	return ntab_find(&c->c_map_idx, name, NULL);
}

const struct cmap *
crypto_dynmap_find(const struct crypto *c, const char *name)
{
	return ntab_find(&c->c_dynmap_idx, name, NULL);
}

/* Index of SEQ in CM, or where it would go (*FOUND false). */
static size_t
entry_pos(const struct cmap *cm, unsigned seq, bool *found)
{
	size_t	lo = 0, hi = cm->cm_n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cm->cm_entries[mid]->ce_seq == seq) {
			*found = true;
			return mid;
		}
		if (cm->cm_entries[mid]->ce_seq < seq)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = false;
	return lo;
}

static void
map_unlink(struct crypto *c, struct cmap *cm)
{
	size_t	pos;

	if (cm->cm_is_dynamic) {
		ntab_find(&c->c_dynmap_idx, cm->cm_name, &pos);
		ntab_remove(&c->c_dynmap_idx, pos);
		TAILQ_REMOVE(&c->c_dynmaps, cm, cm_entry);
	} else {
		ntab_find(&c->c_map_idx, cm->cm_name, &pos);
		ntab_remove(&c->c_map_idx, pos);
		TAILQ_REMOVE(&c->c_maps, cm, cm_entry);
	}
	cmap_free(cm);
}

/*
 * The entry NAME SEQ of the static or dynamic maps, created if CREATE;
 * *CREATED tells whether it is new.
 */
static struct cmap_entry *
entry_get(struct crypto *c, bool dynamic, const char *name, unsigned seq,
    bool *created)
{
	struct ntab		 *idx = dynamic ? &c->c_dynmap_idx :
				    &c->c_map_idx;
	struct cmap		 *cm;
	struct cmap_entry	 *ce, **nv;
	size_t			  pos, cap;
	bool			  found;

	*created = false;
	if ((cm = ntab_find(idx, name, &pos)) == NULL) {
		cm = xcalloc(1, sizeof(*cm));
		cm->cm_name = xstrdup(name);
		cm->cm_is_dynamic = dynamic;
		ntab_insert(idx, pos, cm);
		if (dynamic)
			TAILQ_INSERT_TAIL(&c->c_dynmaps, cm, cm_entry);
		else
			TAILQ_INSERT_TAIL(&c->c_maps, cm, cm_entry);
	}
	pos = entry_pos(cm, seq, &found);
	if (found)
		return cm->cm_entries[pos];
	c->c_cfg_gen++;
	ce = xcalloc(1, sizeof(*ce));
	ce->ce_seq = seq;
	ce->ce_map = cm;
	if (cm->cm_n == cm->cm_cap) {
		cap = cm->cm_cap ? cm->cm_cap * 2 : 4;
		if ((nv = reallocarray(cm->cm_entries, cap, sizeof(*nv))) ==
		    NULL)
			abort();
		cm->cm_entries = nv;
		cm->cm_cap = cap;
	}
	memmove(&cm->cm_entries[pos + 1], &cm->cm_entries[pos],
	    (cm->cm_n - pos) * sizeof(*nv));
	cm->cm_entries[pos] = ce;
	cm->cm_n++;
	*created = true;
	return ce;
}

/* `no crypto map NAME [SEQ]`: the entry, or the whole map. */
static void
entry_delete(struct crypto *c, bool dynamic, const char *name,
    const char *seqtext)
{
	struct ntab	*idx = dynamic ? &c->c_dynmap_idx : &c->c_map_idx;
	struct cmap	*cm;
	size_t		 pos;
	bool		 found;

	if ((cm = ntab_find(idx, name, NULL)) == NULL)
		return;
	c->c_cfg_gen++;		/* the SPD points at the entries */
	if (seqtext == NULL) {
		map_unlink(c, cm);
		return;
	}
	pos = entry_pos(cm, (unsigned)strtoul(seqtext, NULL, 10), &found);
	if (!found)
		return;
	entry_free(cm->cm_entries[pos]);
	memmove(&cm->cm_entries[pos], &cm->cm_entries[pos + 1],
	    (cm->cm_n - pos - 1) * sizeof(*cm->cm_entries));
	if (--cm->cm_n == 0)
		map_unlink(c, cm);
}

int
crypto_map_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct crypto		*c = vty->v_sys->sy_crypto;
	const char		*dyn = cmd_arg(m, "dynmap");
	struct cmap_entry	*ce;
	bool			 created;

	if (cmd_negated(m)) {
		entry_delete(c, false, cmd_arg(m, "name"), cmd_arg(m, "seq"));
		return CMD_SUCCESS;
	}
	ce = entry_get(c, false, cmd_arg(m, "name"),
	    (unsigned)cmd_arg_num(m, "seq", 0), &created);
	xstrset(&ce->ce_dynamic, dyn);
	c->c_cfg_gen++;
	if (dyn != NULL)
		return CMD_SUCCESS;
	/* Text without a conversion: put, not formatted (half the
	 * handler, a new map entry each). */
	if (created)
		strbuf_puts(&vty->v_out, "% NOTE: This new crypto map will "
		    "remain disabled until a peer\n        and a valid access "
		    "list have been configured.\n");
	vty_enter(vty, MODE_CONFIG_CRYPTO_MAP, ce);
	return CMD_SUCCESS;
}

int
crypto_dynamic_map_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct crypto		*c = vty->v_sys->sy_crypto;
	struct cmap_entry	*ce;
	bool			 created;

	if (cmd_negated(m)) {
		entry_delete(c, true, cmd_arg(m, "name"), cmd_arg(m, "seq"));
		return CMD_SUCCESS;
	}
	ce = entry_get(c, true, cmd_arg(m, "name"),
	    (unsigned)cmd_arg_num(m, "seq", 0), &created);
	vty_enter(vty, MODE_CONFIG_CRYPTO_MAP, ce);
	return CMD_SUCCESS;
}

/* The parameters the sub-mode's `set` commands change. */
static struct ipsec_params *
params_of(struct vty *vty)
{
	/* A tunnel's policy holds a copy of its profile's (ipsec_tunnel.c):
	 * it is made again when the generation moves. */
	vty->v_sys->sy_crypto->c_cfg_gen++;
	if (vty->v_mode == MODE_IPSEC_PROFILE)
		return &((struct ipsec_profile *)vty->v_ctx)->ip_params;
	return &((struct cmap_entry *)vty->v_ctx)->ce_params;
}

int
cmap_set_peer_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct cmap_entry	*ce = vty->v_ctx;
	uint32_t		 peer = 0, *nv;
	size_t			 i;

	(void)cmd_arg_ip4(m, "addr", &peer);	/* the matcher's value */
	vty->v_sys->sy_crypto->c_cfg_gen++;

	for (i = 0; i < ce->ce_npeers; i++)
		if (ce->ce_peers[i] == peer)
			break;
	if (cmd_negated(m)) {
		if (i < ce->ce_npeers) {
			memmove(&ce->ce_peers[i], &ce->ce_peers[i + 1],
			    (ce->ce_npeers - i - 1) * sizeof(*nv));
			ce->ce_npeers--;
		}
		return CMD_SUCCESS;
	}
	if (i < ce->ce_npeers)
		return CMD_SUCCESS;
	if ((nv = reallocarray(ce->ce_peers, ce->ce_npeers + 1,
	    sizeof(*nv))) == NULL)
		abort();
	ce->ce_peers = nv;
	ce->ce_peers[ce->ce_npeers++] = peer;
	return CMD_SUCCESS;
}

/* set transform-set T1 [... T6]: every set must exist, or nothing changes. */
int
ipsec_set_tset_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct crypto		*c = vty->v_sys->sy_crypto;
	struct ipsec_params	*pp = params_of(vty);
	const char		*names[IPSEC_MAX_TSETS], *t;
	size_t			 n = 0, i, j;

	if (cmd_negated(m)) {
		for (i = 0; i < pp->pp_ntsets; i++)
			free(pp->pp_tsets[i]);
		pp->pp_ntsets = 0;
		return CMD_SUCCESS;
	}
	for (i = 0; i < IPSEC_MAX_TSETS &&
	    (t = cmd_arg_nth(m, "tset", i)) != NULL; i++) {
		if (crypto_transform_find(c, t) == NULL) {
			vty_out(vty, "ERROR: transform set with tag \"%s\" "
			    "does not exist.\n", t);
			return CMD_WARNING;
		}
		for (j = 0; j < n; j++)
			if (strcmp(names[j], t) == 0)
				break;
		if (j == n)
			names[n++] = t;
	}
	for (i = 0; i < pp->pp_ntsets; i++)
		free(pp->pp_tsets[i]);
	for (i = 0; i < n; i++)
		pp->pp_tsets[i] = xstrdup(names[i]);
	pp->pp_ntsets = n;
	return CMD_SUCCESS;
}

int
ipsec_set_pfs_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct ipsec_params	*pp = params_of(vty);
	const char		*g = cmd_arg(m, "dh");

	if (cmd_negated(m))
		pp->pp_pfs = 0;
	else
		pp->pp_pfs = g != NULL ?
		    (unsigned)strtoul(g + strlen("group"), NULL, 10) : 1;
	return CMD_SUCCESS;
}

int
ipsec_set_isakmp_profile_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct ipsec_params	*pp = params_of(vty);

	xstrset(&pp->pp_isakmp_profile, cmd_negated(m) ? NULL : cmd_arg(m, "profile"));
	return CMD_SUCCESS;
}

int
ipsec_set_lifetime_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct ipsec_params	*pp = params_of(vty);
	bool			 no = cmd_negated(m);

	if (cmd_has(m, "seconds"))
		pp->pp_seconds = no ? 0 : cmd_arg_num(m, "secs", 0);
	else
		pp->pp_kilobytes = no ? 0 : cmd_arg_num(m, "kb", 0);
	return CMD_SUCCESS;
}

/* `set security-association replay window-size [N]|disable`: this
 * entry's own, over the global one (ipsec_replay.c); `no` goes back to
 * the global one. */
int
ipsec_set_replay_cmd(struct vty *vty, const struct cmd_args *m)
{
	static const char *const words[] = { "128", "256", "512", "1024" };
	struct ipsec_params	*pp = params_of(vty);
	size_t			 i;

	pp->pp_replay = 0;
	if (cmd_negated(m))
		return CMD_SUCCESS;
	if (cmd_has(m, "disable")) {
		pp->pp_replay = ESP_REPLAY_OFF;
		return CMD_SUCCESS;
	}
	pp->pp_replay = 64;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (cmd_has(m, words[i]))
			pp->pp_replay = 128 << i;
	return CMD_SUCCESS;
}

int
cmap_match_address_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct cmap_entry	*ce = vty->v_ctx;

	vty->v_sys->sy_crypto->c_cfg_gen++;
	xstrset(&ce->ce_acl, cmd_negated(m) ?
	    NULL : cmd_arg(m, "acl"));
	return CMD_SUCCESS;
}

int
cmap_description_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct cmap_entry	*ce = vty->v_ctx;

	xstrset(&ce->ce_desc, cmd_negated(m) ?
	    NULL : cmd_arg(m, "text"));
	return CMD_SUCCESS;
}

int
cmap_reverse_route_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct cmap_entry	*ce = vty->v_ctx;

	ce->ce_rri = !cmd_negated(m);
	return CMD_SUCCESS;
}

void
ipsec_params_nvgen(const struct ipsec_params *pp, unsigned indent,
    struct strbuf *sb)
{
	size_t	i;

	if (pp->pp_seconds != 0)
		nv_line(sb, indent, "set security-association lifetime "
		    "seconds %u", pp->pp_seconds);
	if (pp->pp_kilobytes != 0)
		nv_line(sb, indent, "set security-association lifetime "
		    "kilobytes %lu", pp->pp_kilobytes);
	if (pp->pp_replay == ESP_REPLAY_OFF)
		nv_line(sb, indent, "set security-association replay disable");
	else if (pp->pp_replay != 0)
		nv_line(sb, indent, "set security-association replay "
		    "window-size %d", pp->pp_replay);
	if (pp->pp_ntsets > 0) {
		strbuf_pad(sb, ' ', indent);
		strbuf_puts(sb, "set transform-set");
		for (i = 0; i < pp->pp_ntsets; i++)
			strbuf_printf(sb, " %s", pp->pp_tsets[i]);
		strbuf_putc(sb, '\n');
	}
	if (pp->pp_pfs != 0)
		nv_line(sb, indent, "set pfs group%u", pp->pp_pfs);
	if (pp->pp_isakmp_profile != NULL)
		nv_line(sb, indent, "set isakmp-profile %s",
		    pp->pp_isakmp_profile);
}

static void
entry_body_nvgen(const struct cmap_entry *ce, struct strbuf *sb)
{
	char	a[16];
	size_t	i;

	if (ce->ce_desc != NULL)
		nv_line(sb, 1, "description %s", ce->ce_desc);
	for (i = 0; i < ce->ce_npeers; i++)
		nv_line(sb, 1, "set peer %s", ip4_text(ce->ce_peers[i], a));
	ipsec_params_nvgen(&ce->ce_params, 1, sb);
	if (ce->ce_acl != NULL)
		nv_line(sb, 1, "match address %s", ce->ce_acl);
	if (ce->ce_rri)
		nv_line(sb, 1, "reverse-route");
}

void
dynmap_nvgen(const struct crypto *c, struct strbuf *sb)
{
	const struct cmap	*cm;
	size_t			 i;

	TAILQ_FOREACH(cm, &c->c_dynmaps, cm_entry) {
		for (i = 0; i < cm->cm_n; i++) {
			nv_line(sb, 0, "crypto dynamic-map %s %u", cm->cm_name,
			    cm->cm_entries[i]->ce_seq);
			entry_body_nvgen(cm->cm_entries[i], sb);
		}
	}
}

/* IOS closes every static entry with "!" (the shell adds the last). */
void
cmap_nvgen(const struct crypto *c, struct strbuf *sb)
{
	const struct cmap	*cm;
	const struct cmap_entry	*ce;
	const struct cmap_client *mc;
	size_t			 i;
	bool			 first = true;

	/* A map's client lines come just before its entries; those of a
	 * map with no entries yet, first. */
	TAILQ_FOREACH(mc, &c->c_map_clients, mc_entry)
		if (crypto_map_find(c, mc->mc_name) == NULL) {
			cmap_client_nvgen(mc, sb);
			first = false;
		}
	TAILQ_FOREACH(cm, &c->c_maps, cm_entry) {
		if ((mc = crypto_map_client_find(c, cm->cm_name)) != NULL) {
			if (!first)
				nv_line(sb, 0, "!");
			cmap_client_nvgen(mc, sb);
			first = true;
		}
		for (i = 0; i < cm->cm_n; i++) {
			ce = cm->cm_entries[i];
			if (!first)
				nv_line(sb, 0, "!");
			first = false;
			if (ce->ce_dynamic != NULL) {
				nv_line(sb, 0, "crypto map %s %u ipsec-isakmp "
				    "dynamic %s", cm->cm_name, ce->ce_seq,
				    ce->ce_dynamic);
				continue;
			}
			nv_line(sb, 0, "crypto map %s %u ipsec-isakmp",
			    cm->cm_name, ce->ce_seq);
			entry_body_nvgen(ce, sb);
		}
	}
}

static bool
params_use(const struct ipsec_params *pp, const char *name)
{
	size_t	i;

	for (i = 0; i < pp->pp_ntsets; i++)
		if (strcmp(pp->pp_tsets[i], name) == 0)
			return true;
	return false;
}

bool
ipsec_tset_in_use(const struct crypto *c, const char *name)
{
	const struct cmap		*cm;
	const struct ipsec_profile	*ip;
	size_t				 i;

	TAILQ_FOREACH(cm, &c->c_maps, cm_entry)
		for (i = 0; i < cm->cm_n; i++)
			if (params_use(&cm->cm_entries[i]->ce_params, name))
				return true;
	TAILQ_FOREACH(cm, &c->c_dynmaps, cm_entry)
		for (i = 0; i < cm->cm_n; i++)
			if (params_use(&cm->cm_entries[i]->ce_params, name))
				return true;
	TAILQ_FOREACH(ip, &c->c_ipsec_profiles, ip_entry)
		if (params_use(&ip->ip_params, name))
			return true;
	return false;
}
