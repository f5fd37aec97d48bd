/* dp: placeholder, replaced by the dataplane configuration work. */
#include <stdlib.h>

#include "dataplane/dp.h"

struct dataplane {
	struct system	*d_sys;
};

struct dataplane *
dp_new(struct system *sys)
{
	struct dataplane	*dp;

	if ((dp = calloc(1, sizeof(*dp))) == NULL)
		abort();
	dp->d_sys = sys;
	return dp;
}

void
dp_free(struct dataplane *dp)
{
	free(dp);
}

void
dp_nvgen(const struct dataplane *dp, enum nv_section sec, struct strbuf *sb)
{
	(void)dp;
	(void)sec;
	(void)sb;
}

struct dp_iface *dp_iface_first(const struct dataplane *dp) { (void)dp; return NULL; }
struct dp_iface *dp_iface_next(const struct dp_iface *i) { (void)i; return NULL; }
struct dp_iface *dp_iface_find(const struct dataplane *dp, const char *n) { (void)dp; (void)n; return NULL; }
const char *dp_iface_name(const struct dp_iface *i) { (void)i; return ""; }
const char *dp_iface_crypto_map(const struct dp_iface *i) { (void)i; return NULL; }
void dp_iface_set_crypto_map(struct dp_iface *i, const char *n) { (void)i; (void)n; }
const char *dp_iface_tunnel_protection(const struct dp_iface *i) { (void)i; return NULL; }
void dp_iface_set_tunnel_protection(struct dp_iface *i, const char *n) { (void)i; (void)n; }
bool dp_iface_ipv4(const struct dp_iface *i, uint32_t *a, uint32_t *m) { (void)i; (void)a; (void)m; return false; }
struct dp_acl *dp_acl_find(const struct dataplane *dp, const char *n) { (void)dp; (void)n; return NULL; }
const char *dp_acl_name(const struct dp_acl *a) { (void)a; return ""; }
bool dp_acl_extended(const struct dp_acl *a) { (void)a; return false; }
size_t dp_acl_count(const struct dp_acl *a) { (void)a; return 0; }
void dp_acl_entry_text(const struct dp_acl *a, size_t i, struct strbuf *sb) { (void)a; (void)i; (void)sb; }
