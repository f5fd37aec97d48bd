/*
 * cmd_passive: handlers of the global lines iosh stores without acting on
 * them (shell/passive.h).  Each sets or clears its field; the four that
 * IOS makes modes (controller, control-plane, dial-peer cor custom, mgcp
 * profile) enter their (empty) sub-mode as IOS does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/crypto.h"
#include "grammar/modes.h"
#include "parser/cmd.h"
#include "shell/cmds.h"
#include "shell/errors.h"
#include "dataplane/dp.h"
#include "shell/passive.h"
#include "shell/runcfg.h"
#include "shell/router.h"
#include "shell/session.h"

#define NEGATED(m)	(cmd_negated(m))

static struct passive *
pa_of(struct vty *vty)
{
	return &vty->v_router->r_passive;
}

/* IOS's caret answer for a word the grammar let through but that is out
 * of its range (a WORD checked by the handler). */
static int
invalid_at(struct vty *vty, const struct cmd_args *m, const char *name)
{
	struct strbuf	prompt, out;
	size_t		i, off = 0;

	for (i = 0; i < m->as_n; i++)
		if (strcmp(m->as_v[i].ca_name, name) == 0)
			off = m->as_v[i].ca_off;
	strbuf_init(&prompt);
	strbuf_init(&out);
	session_prompt(session_of(vty), &prompt);
	error_invalid(&out, prompt.sb_len + off);
	vty_out(vty, "%s", out.sb_buf);
	strbuf_free(&prompt);
	strbuf_free(&out);
	return CMD_WARNING;
}

void
passive_default(struct passive *pa)
{
	memset(pa, 0, sizeof(*pa));
	pa->pa_subnet_zero = true;
	pa->pa_classless = true;
}

int
cmd_boot_marker(struct vty *vty, const struct cmd_args *m)
{
	if (cmd_has(m, "boot-start-marker"))
		pa_of(vty)->pa_boot_start = !NEGATED(m);
	else
		pa_of(vty)->pa_boot_end = !NEGATED(m);
	return CMD_SUCCESS;
}

int
cmd_clock_timezone(struct vty *vty, const struct cmd_args *m)
{
	struct passive	*pa = pa_of(vty);
	const char	*name = cmd_arg(m, "zone"), *hours = cmd_arg(m, "hours");
	char		*end;
	long		 h;

	if (NEGATED(m)) {
		pa->pa_clock_tz = false;
		return CMD_SUCCESS;
	}
	h = strtol(hours, &end, 10);
	if (*end != '\0' || end == hours || h < -23 || h > 23)
		return invalid_at(vty, m, "hours");
	if (strlen(name) >= TZ_NAME_MAX)
		return invalid_at(vty, m, "zone");
	pa->pa_clock_tz = true;
	strcpy(pa->pa_tz_name, name);
	pa->pa_tz_hours = (int)h;
	pa->pa_tz_minutes = (unsigned)cmd_arg_num(m, "minutes", 0);
	return CMD_SUCCESS;
}

int
cmd_ip_subnet_zero(struct vty *vty, const struct cmd_args *m)
{
	pa_of(vty)->pa_subnet_zero = !cmd_is_no(m);
	return CMD_SUCCESS;
}

int
cmd_ip_cef(struct vty *vty, const struct cmd_args *m)
{
	pa_of(vty)->pa_cef = !NEGATED(m);
	return CMD_SUCCESS;
}

int
cmd_ip_audit_max_events(struct vty *vty, const struct cmd_args *m)
{
	pa_of(vty)->pa_audit_max_events = NEGATED(m) ? 0 :
	    (unsigned)cmd_arg_num(m, "events", 0);
	return CMD_SUCCESS;
}

int
cmd_ftp_write_enable(struct vty *vty, const struct cmd_args *m)
{
	if (cmd_is_default(m))
		pa_of(vty)->pa_ftp_write = TRI_UNSET;
	else
		pa_of(vty)->pa_ftp_write = cmd_is_no(m) ? TRI_OFF :
		    TRI_ON;
	return CMD_SUCCESS;
}

int
cmd_ip_http(struct vty *vty, const struct cmd_args *m)
{
	bool	on = !NEGATED(m);

	if (cmd_has(m, "secure-server"))
		pa_of(vty)->pa_http_secure = on;
	else
		pa_of(vty)->pa_http = on;
	return CMD_SUCCESS;
}

int
cmd_ip_classless(struct vty *vty, const struct cmd_args *m)
{
	pa_of(vty)->pa_classless = !cmd_is_no(m);
	return CMD_SUCCESS;
}

int
cmd_call_rsvp_sync(struct vty *vty, const struct cmd_args *m)
{
	pa_of(vty)->pa_rsvp_sync = !NEGATED(m);
	return CMD_SUCCESS;
}

int
cmd_dial_peer_cor(struct vty *vty, const struct cmd_args *m)
{
	pa_of(vty)->pa_cor_custom = !NEGATED(m);
	if (!NEGATED(m))
		vty_enter(vty, MODE_CONFIG_DP_CORLIST, NULL);
	return CMD_SUCCESS;
}

int
cmd_mgcp_profile(struct vty *vty, const struct cmd_args *m)
{
	pa_of(vty)->pa_mgcp_default = !NEGATED(m);
	if (!NEGATED(m))
		vty_enter(vty, MODE_CONFIG_MGCP_PROFILE, NULL);
	return CMD_SUCCESS;
}

int
cmd_control_plane(struct vty *vty, const struct cmd_args *m)
{
	pa_of(vty)->pa_control_plane = !NEGATED(m);
	if (!NEGATED(m))
		vty_enter(vty, MODE_CONFIG_CP, NULL);
	return CMD_SUCCESS;
}

int
cmd_controller_isa(struct vty *vty, const struct cmd_args *m)
{
	const char	*unit = cmd_arg(m, "unit");
	unsigned	 slot, port;

	/* <0-9>/<0-9>: the grammar has no slot/port token. */
	if (strlen(unit) != 3 || unit[0] < '0' || unit[0] > '9' ||
	    unit[1] != '/' || unit[2] < '0' || unit[2] > '9')
		return invalid_at(vty, m, "unit");
	slot = (unsigned)(unit[0] - '0');
	port = (unsigned)(unit[2] - '0');
	pa_of(vty)->pa_controller[slot * 10 + port] = !NEGATED(m);
	if (!NEGATED(m))
		vty_enter(vty, MODE_CONFIG_CONTROLLER, NULL);
	return CMD_SUCCESS;
}

/* The on/off platform lines.  Three are on by default in IOS and render
 * only as their "no" form; the others render only when on. */
int
cmd_platform_flag(struct vty *vty, const struct cmd_args *m)
{
	struct passive	*pa = pa_of(vty);
	bool		 on = !NEGATED(m);

	if (cmd_has(m, "icmp"))
		pa->pa_icmp_rl_off = cmd_is_no(m);
	else if (cmd_has(m, "ioam"))
		pa->pa_ioam_timestamp = on;
	else if (cmd_has(m, "ipv6"))
		pa->pa_ipv6_cef_off = cmd_is_no(m);
	else if (cmd_has(m, "multilink"))
		pa->pa_multilink_auth = on;
	else if (cmd_has(m, "forward-protocol"))
		pa->pa_forward_nd = on;
	else if (cmd_has(m, "auto-configure"))
		pa->pa_mmi_noauto = cmd_is_no(m);
	else if (cmd_has(m, "pvc"))
		pa->pa_mmi_nopvc = cmd_is_no(m);
	else if (cmd_has(m, "punt-keepalive"))
		pa->pa_no_punt_keepalive = cmd_is_no(m);
	else if (cmd_has(m, "console"))
		pa->pa_console_serial = on;
	else if (cmd_has(m, "subscriber"))
		pa->pa_subscriber_tmpl = on;
	else if (cmd_has(m, "diagnostic"))
		pa->pa_diag_minimal = on;
	else if (cmd_has(m, "spanning-tree"))
		pa->pa_stp_extend = on;
	else if (cmd_has(m, "cdp"))
		pa->pa_no_cdp_log_duplex = cmd_is_no(m);
	else if (cmd_has(m, "authentication"))
		pa->pa_http_auth_local = on;
	else if (cmd_has(m, "ioam"))
		pa->pa_ioam_timestamp = on;
	else if (cmd_has(m, "scheduler"))
		pa->pa_no_sched_allocate = cmd_is_no(m);
	else if (cmd_has(m, "lldp"))
		pa->pa_lldp_run = on;
	else if (cmd_has(m, "multicast-routing"))
		pa->pa_mcast_routing = on;
	else if (cmd_has(m, "scp"))
		pa->pa_scp_server = on;
	else if (cmd_has(m, "irb"))
		pa->pa_bridge_irb = on;
	return CMD_SUCCESS;
}

/* `bridge N protocol ieee`, `bridge N route ip`: bridging, stored. */
int
cmd_bridge(struct vty *vty, const struct cmd_args *m)
{
	unsigned char	*b = &pa_of(vty)->pa_bridge[cmd_arg_num(m, "group",
			    0)];
	unsigned char	 bit = cmd_has(m, "protocol") ? 1 : 2;

	*b = (unsigned char)(NEGATED(m) ? *b & ~bit : *b | bit);
	return CMD_SUCCESS;
}

/* `ip tftp source-interface IF`: iosh has no TFTP client. */
int
cmd_tftp_source(struct vty *vty, const struct cmd_args *m)
{
	struct passive	*pa = pa_of(vty);
	struct dp_iface	*ifp;

	pa->pa_tftp_src[0] = '\0';
	if (NEGATED(m))
		return CMD_SUCCESS;
	if ((ifp = dp_iface_named(vty, m)) == NULL)
		return CMD_WARNING;
	snprintf(pa->pa_tftp_src, sizeof(pa->pa_tftp_src), "%s",
	    dp_iface_name(ifp));
	return CMD_SUCCESS;
}

/* `voice-card N`: a DSP card's (empty) mode, as IOS prints it. */
int
cmd_voice_card(struct vty *vty, const struct cmd_args *m)
{
	pa_of(vty)->pa_voice_card[cmd_arg_num(m, "slot", 0)] = !NEGATED(m);
	if (!NEGATED(m))
		vty_enter(vty, MODE_CONFIG_VOICECARD, NULL);
	return CMD_SUCCESS;
}

/* `archive`: its mode; `no archive` forgets its lines. */
int
cmd_archive(struct vty *vty, const struct cmd_args *m)
{
	struct passive	*pa = pa_of(vty);

	if (NEGATED(m)) {
		pa->pa_archive = pa->pa_archive_wrmem = false;
		pa->pa_archive_path[0] = '\0';
		pa->pa_archive_max = pa->pa_archive_period = 0;
		return CMD_SUCCESS;
	}
	pa->pa_archive = true;
	vty_enter(vty, MODE_CONFIG_ARCHIVE, NULL);
	return CMD_SUCCESS;
}

/* path, write-memory, maximum, time-period under `archive`. */
int
cmd_archive_line(struct vty *vty, const struct cmd_args *m)
{
	struct passive	*pa = pa_of(vty);
	const char	*url = cmd_arg(m, "url");

	if (cmd_has(m, "path")) {
		if (!NEGATED(m) && strlen(url) >= sizeof(pa->pa_archive_path))
			return invalid_at(vty, m, "url");
		strcpy(pa->pa_archive_path, NEGATED(m) ? "" : url);
	} else if (cmd_has(m, "write-memory"))
		pa->pa_archive_wrmem = !NEGATED(m);
	else if (cmd_has(m, "maximum"))
		pa->pa_archive_max = NEGATED(m) ? 0 :
		    (unsigned)cmd_arg_num(m, "n", 0);
	else
		pa->pa_archive_period = NEGATED(m) ? 0 :
		    (unsigned)cmd_arg_num(m, "mins", 0);
	return CMD_SUCCESS;
}

int
cmd_platform_number(struct vty *vty, const struct cmd_args *m)
{
	struct passive	*pa = pa_of(vty);
	unsigned	 v = NEGATED(m) ? 0 :
	    (unsigned)cmd_arg_num(m, "secs", 0);

	if (cmd_has(m, "synwait-time"))
		pa->pa_tcp_synwait = v;
	else if (cmd_has(m, "polling-interval"))
		pa->pa_mmi_poll = v;
	else
		pa->pa_mmi_snmp = v;
	return CMD_SUCCESS;
}

int
cmd_redundancy(struct vty *vty, const struct cmd_args *m)
{
	pa_of(vty)->pa_redundancy = !NEGATED(m);
	if (!NEGATED(m))
		vty_enter(vty, MODE_CONFIG_RED, NULL);
	return CMD_SUCCESS;
}

/* Lines passive_nvgen renders that are not inert: defaults IOS prints
 * whatever was configured (ip http, 12.x's subnet-zero and classless,
 * where iosh does what the line says), `no ip domain lookup`, which
 * iosh acts on (an unknown word in exec is not looked up), and `ip
 * domain name`, the RSA keys' name (ssh_cfg.c).  The "!" separators go
 * too. */
static void
passive_strip_defaults(struct strbuf *sb)
{
	static const char *const acted[] = {
		"no ip http server", "no ip http secure-server",
		"ip subnet-zero", "ip classless", "no ip domain lookup", "!",
	};
	static const char *const acted_prefix[] = {
		"ip domain name ", "ip domain-name ",
	};
	struct strbuf	 out;
	const char	*p = sb->sb_buf, *nl;
	size_t		 i, len;
	bool		 keep;

	strbuf_init(&out);
	for (; *p != '\0'; p = nl + 1) {
		nl = strchr(p, '\n');
		len = (size_t)(nl - p);
		keep = true;
		for (i = 0; i < sizeof(acted) / sizeof(acted[0]); i++)
			if (strlen(acted[i]) == len &&
			    strncmp(p, acted[i], len) == 0)
				keep = false;
		for (i = 0; i < sizeof(acted_prefix) / sizeof(acted_prefix[0]);
		    i++)
			if (strncmp(p, acted_prefix[i], strlen(acted_prefix[i]))
			    == 0)
				keep = false;
		if (keep)
			strbuf_printf(&out, "%.*s\n", (int)len, p);
	}
	strbuf_free(sb);
	*sb = out;
}

/* `show iosh inert`: every configured line iosh stores and renders but
 * does not act on, in running-config order: what passive_nvgen renders,
 * since that is exactly the set of stored-but-inert lines. */
int
cmd_show_iosh_inert(struct vty *vty, const struct cmd_args *m)
{
	struct strbuf	sb;
	int		sec;

	(void)m;
	strbuf_init(&sb);
	for (sec = 0; sec < NV_COUNT; sec++)
		passive_nvgen(vty->v_router, (enum nv_section)sec, &sb);
	passive_strip_defaults(&sb);
	aaa_inert_nvgen(&vty->v_router->r_aaa, &sb);
	ikev2_nvgen(vty->v_router->r_sys.sy_crypto, &sb);
	dp_inert_nvgen(vty->v_router->r_sys.sy_dp, &sb);
	vty_out(vty, "%s", sb.sb_buf != NULL ? sb.sb_buf : "");
	strbuf_free(&sb);
	return CMD_SUCCESS;
}

int
cmd_license_udi(struct vty *vty, const struct cmd_args *m)
{
	struct passive	*pa = pa_of(vty);
	const char	*pid = cmd_arg(m, "udipid"), *sn = cmd_arg(m, "udisn");

	if (NEGATED(m)) {
		pa->pa_udi_pid[0] = pa->pa_udi_sn[0] = '\0';
		return CMD_SUCCESS;
	}
	if (strlen(pid) >= TZ_NAME_MAX)
		return invalid_at(vty, m, "udipid");
	if (strlen(sn) >= TZ_NAME_MAX)
		return invalid_at(vty, m, "udisn");
	strcpy(pa->pa_udi_pid, pid);
	strcpy(pa->pa_udi_sn, sn);
	return CMD_SUCCESS;
}

/* virtual-service NAME: the CSR1000v's management service, one name. */
int
cmd_virtual_service(struct vty *vty, const struct cmd_args *m)
{
	pa_of(vty)->pa_virtual_service = !NEGATED(m);
	if (NEGATED(m))
		return CMD_SUCCESS;
	if (strcmp(cmd_arg(m, "svc"), "csr_mgmt") != 0)
		return invalid_at(vty, m, "svc");
	vty_enter(vty, MODE_CONFIG_VIRT_SERV, NULL);
	return CMD_SUCCESS;
}

/* ntp server ADDR|NAME: kept in the order configured, once each. */
int
cmd_ntp_server(struct vty *vty, const struct cmd_args *m)
{
	struct passive	*pa = pa_of(vty);
	const char	*srv = cmd_arg(m, "ntpsrv");
	size_t		 i, free_at = NTP_MAX;

	if (strlen(srv) >= DOMAIN_NAME_MAX)
		return invalid_at(vty, m, "ntpsrv");
	for (i = 0; i < NTP_MAX; i++) {
		if (strcmp(pa->pa_ntp[i], srv) == 0) {
			if (NEGATED(m)) {
				memmove(pa->pa_ntp[i], pa->pa_ntp[i + 1],
				    (NTP_MAX - i - 1) * DOMAIN_NAME_MAX);
				pa->pa_ntp[NTP_MAX - 1][0] = '\0';
			}
			return CMD_SUCCESS;
		}
		if (pa->pa_ntp[i][0] == '\0' && free_at == NTP_MAX)
			free_at = i;
	}
	if (NEGATED(m))
		return CMD_SUCCESS;
	if (free_at == NTP_MAX) {
		vty_out(vty, "%%NTP: Maximum number of servers reached\n");
		return CMD_WARNING;
	}
	strcpy(pa->pa_ntp[free_at], srv);
	return CMD_SUCCESS;
}
