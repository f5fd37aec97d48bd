/*
 * passive: how the stored global lines render, each in IOS's section and
 * order.  Some defaults show only in the releases that print them: 12.x
 * prints `ip subnet-zero` and `ip classless`, which 15.x leaves out; 15.x
 * prints the minutes of `clock timezone` and puts it after the AAA lines,
 * where 12.3 puts it before them.
 */
#include "crypto/crypto.h"
#include "lib/system.h"
#include "shell/passive.h"
#include "shell/router.h"
#include "shell/runcfg.h"

static void
timezone_nvgen(const struct passive *pa, bool v15, struct strbuf *sb)
{
	if (!pa->pa_clock_tz)
		return;
	strbuf_printf(sb, "clock timezone %s %d", pa->pa_tz_name,
	    pa->pa_tz_hours);
	if (v15 || pa->pa_tz_minutes != 0)
		strbuf_printf(sb, " %u", pa->pa_tz_minutes);
	strbuf_putc(sb, '\n');
}

/* The MMI lines 15.x prints right after the AAA lines. */
static void
mmi_nvgen(const struct passive *pa, struct strbuf *sb)
{
	if (pa->pa_mmi_poll != 0)
		nv_line(sb, 0, "mmi polling-interval %u", pa->pa_mmi_poll);
	if (pa->pa_mmi_noauto)
		nv_line(sb, 0, "no mmi auto-configure");
	if (pa->pa_mmi_nopvc)
		nv_line(sb, 0, "no mmi pvc");
	if (pa->pa_mmi_snmp != 0)
		nv_line(sb, 0, "mmi snmp-timeout %u", pa->pa_mmi_snmp);
}

static void	voice_card_nvgen(const struct passive *, struct strbuf *);

static void
global_nvgen(const struct router *r, bool v15, struct strbuf *sb)
{
	const struct passive	*pa = &r->r_passive;

	if (v15)
		timezone_nvgen(pa, v15, sb);
	mmi_nvgen(pa, sb);
	if (!pa->pa_subnet_zero)
		nv_line(sb, 0, "no ip subnet-zero");
	else if (!v15)
		nv_line(sb, 0, "ip subnet-zero");
	if (pa->pa_icmp_rl_off)
		nv_line(sb, 0, "no ip icmp rate-limit unreachable");
	if (!r->r_domain_lookup)
		nv_line(sb, 0, "no ip domain lookup");
	else if (r->r_sys.sy_nv_all)
		nv_line(sb, 0, "ip domain lookup");
	if (r->r_domain_name != NULL)
		nv_line(sb, 0, "ip domain%s%s", r->r_domain_dash ? "-name " :
		    " name ", r->r_domain_name);
	if (pa->pa_mcast_routing)
		nv_line(sb, 0, "ip multicast-routing ");
	if (pa->pa_cef)
		nv_line(sb, 0, "ip cef");
	if (pa->pa_ipv6_cef_off)
		nv_line(sb, 0, "no ipv6 cef");
	routing_vrf_nvgen(&r->r_routing, RB_IP_VRF, sb);
	if (pa->pa_subscriber_tmpl)
		nv_line(sb, 0, "subscriber templating");
	if (pa->pa_multilink_auth)
		nv_line(sb, 0, "multilink bundle-name authenticated");
	voice_card_nvgen(pa, sb);
	crypto_pki_nvgen(r->r_sys.sy_crypto, sb);
	if (pa->pa_udi_pid[0] != '\0')
		nv_line(sb, 0, "license udi pid %s sn %s", pa->pa_udi_pid,
		    pa->pa_udi_sn);
	if (pa->pa_diag_minimal)
		nv_line(sb, 0, "diagnostic bootup level minimal");
	if (pa->pa_archive) {
		nv_line(sb, 0, "archive");
		if (pa->pa_archive_path[0] != '\0')
			nv_line(sb, 1, "path %s", pa->pa_archive_path);
		if (pa->pa_archive_max != 0)
			nv_line(sb, 1, "maximum %u", pa->pa_archive_max);
		if (pa->pa_archive_wrmem)
			nv_line(sb, 1, "write-memory");
		if (pa->pa_archive_period != 0)
			nv_line(sb, 1, "time-period %u", pa->pa_archive_period);
		if (pa->pa_stp_extend || pa->pa_audit_max_events != 0 ||
		    pa->pa_ftp_write == TRI_ON || pa->pa_ftp_write == TRI_OFF)
			nv_line(sb, 0, "!");
	}
	if (pa->pa_stp_extend)
		nv_line(sb, 0, "spanning-tree extend system-id");
	if (pa->pa_audit_max_events != 0)
		nv_line(sb, 0, "ip audit po max-events %u",
		    pa->pa_audit_max_events);
	if (pa->pa_ftp_write == TRI_ON)
		nv_line(sb, 0, "ftp-server write-enable");
	else if (pa->pa_ftp_write == TRI_OFF)
		nv_line(sb, 0, "no ftp-server write-enable");
	if (pa->pa_bridge_irb)
		nv_line(sb, 0, "bridge irb");
}

/* voice-card N, each an empty block closed by "!". */
static void
voice_card_nvgen(const struct passive *pa, struct strbuf *sb)
{
	unsigned	i;

	for (i = 0; i < sizeof(pa->pa_voice_card); i++)
		if (pa->pa_voice_card[i]) {
			nv_line(sb, 0, "!");
			nv_line(sb, 0, "voice-card %u", i);
		}
}

/* bridge N protocol ieee / route ip, before control-plane. */
static void
bridge_nvgen(const struct passive *pa, struct strbuf *sb)
{
	unsigned	i;
	bool		any = false;

	for (i = 0; i < 256; i++) {
		if (pa->pa_bridge[i] & 1)
			nv_line(sb, 0, "bridge %u protocol ieee", i);
		if (pa->pa_bridge[i] & 2)
			nv_line(sb, 0, "bridge %u route ip", i);
		any = any || pa->pa_bridge[i] != 0;
	}
	if (any)
		nv_line(sb, 0, "!");
}

/* After the lines, as IOS prints them: ntp, then the scheduler. */
static void
ntp_nvgen(const struct passive *pa, struct strbuf *sb)
{
	size_t	i;

	if (pa->pa_ntp[0][0] != '\0' || pa->pa_no_sched_allocate)
		nv_line(sb, 0, "!");
	for (i = 0; i < NTP_MAX && pa->pa_ntp[i][0] != '\0'; i++)
		nv_line(sb, 0, "ntp server %s", pa->pa_ntp[i]);
	if (pa->pa_no_sched_allocate)
		nv_line(sb, 0, "no scheduler allocate");
}

static void
controller_nvgen(const struct passive *pa, struct strbuf *sb)
{
	unsigned	i;
	bool		first = true;

	for (i = 0; i < CONTROLLER_MAX; i++) {
		if (!pa->pa_controller[i])
			continue;
		if (!first)
			nv_line(sb, 0, "!");
		nv_line(sb, 0, "controller ISA %u/%u", i / 10, i % 10);
		first = false;
	}
}

static void
trailer_nvgen(const struct passive *pa, struct strbuf *sb)
{
	const struct {
		bool		 on;
		const char	*line;
	} items[] = {
		{ pa->pa_control_plane, "control-plane" },
		{ pa->pa_rsvp_sync, "call rsvp-sync" },
		{ pa->pa_mgcp_default, "mgcp profile default" },
		{ pa->pa_cor_custom, "dial-peer cor custom" },
	};
	size_t	i;
	bool	first = true;

	for (i = 0; i < sizeof(items) / sizeof(items[0]); i++) {
		if (!items[i].on)
			continue;
		if (!first)
			nv_line(sb, 0, "!");
		nv_line(sb, 0, "%s", items[i].line);
		first = false;
	}
}

void
passive_nvgen(const struct router *r, enum nv_section sec, struct strbuf *sb)
{
	const struct passive	*pa = &r->r_passive;
	bool			 v15 = sys_version_15(&r->r_sys);

	switch (sec) {
	case NV_VERSION:
		if (pa->pa_no_punt_keepalive)
			nv_line(sb, 0, "no platform punt-keepalive "
			    "disable-kernel-core");
		if (pa->pa_console_serial)
			nv_line(sb, 0, "platform console serial");
		break;
	case NV_LINE:
		ntp_nvgen(pa, sb);
		break;
	case NV_BOOT:
		if (pa->pa_boot_start)
			nv_line(sb, 0, "boot-start-marker");
		if (pa->pa_boot_end)
			nv_line(sb, 0, "boot-end-marker");
		routing_vrf_nvgen(&r->r_routing, RB_VRF_DEF, sb);
		break;
	case NV_AAA:
		if (!v15)
			timezone_nvgen(pa, v15, sb);
		break;
	case NV_GLOBAL:
		global_nvgen(r, v15, sb);
		break;
	case NV_CONTROLLER:
		if (pa->pa_redundancy)
			nv_line(sb, 0, "redundancy");
		if (pa->pa_lldp_run)
			nv_line(sb, 0, "lldp run");
		if (pa->pa_no_cdp_log_duplex)
			nv_line(sb, 0, "no cdp log mismatch duplex");
		if (pa->pa_tcp_synwait != 0)
			nv_line(sb, 0, "ip tcp synwait-time %u",
			    pa->pa_tcp_synwait);
		controller_nvgen(pa, sb);
		break;
	case NV_ROUTER:
		routing_nvgen(&r->r_routing, false, sb);
		if (pa->pa_virtual_service) {
			if (r->r_routing.rt_n != 0)
				nv_line(sb, 0, "!");
			nv_line(sb, 0, "virtual-service csr_mgmt");
		}
		break;
	case NV_IP:
		if (pa->pa_forward_nd)
			nv_line(sb, 0, "ip forward-protocol nd");
		if (r->r_routing.rt_bgp_community_new)
			nv_line(sb, 0, "ip bgp-community new-format");
		nv_line(sb, 0, "%sip http server", pa->pa_http ? "" : "no ");
		if (pa->pa_http_auth_local)
			nv_line(sb, 0, "ip http authentication local");
		nv_line(sb, 0, "%sip http secure-server",
		    pa->pa_http_secure ? "" : "no ");
		if (pa->pa_tftp_src[0] != '\0')
			nv_line(sb, 0, "ip tftp source-interface %s",
			    pa->pa_tftp_src);
		if (pa->pa_ioam_timestamp)
			nv_line(sb, 0, "ipv6 ioam timestamp");
		if (!pa->pa_classless)
			nv_line(sb, 0, "no ip classless");
		else if (!v15)
			nv_line(sb, 0, "ip classless");
		break;
	case NV_SYSLOG:
		routing_lists_nvgen(&r->r_routing, sb);
		break;
	case NV_CRYPTO:
		/* After `ip ssh version`, as IOS 15 prints it. */
		if (pa->pa_scp_server)
			nv_line(sb, 0, "ip scp server enable");
		break;
	case NV_TRAILER:
		bridge_nvgen(pa, sb);
		/* The route-maps close the section of the access-lists;
		 * snmp-server follows them. */
		if (r->r_routing.rt_n != 0 || r->r_snmp.sn_lines.ss_n != 0) {
			size_t	len = sb->sb_len;

			routing_nvgen(&r->r_routing, true, sb);
			if (sb->sb_len != len && r->r_snmp.sn_lines.ss_n != 0)
				nv_line(sb, 0, "!");
			snmp_nvgen(&r->r_snmp, sb);
			if (sb->sb_len != len && (pa->pa_control_plane ||
			    pa->pa_rsvp_sync || pa->pa_mgcp_default ||
			    pa->pa_cor_custom ||
			    r->r_banners.bn_text[BANNER_EXEC] != NULL ||
			    r->r_banners.bn_text[BANNER_INCOMING] != NULL ||
			    r->r_banners.bn_text[BANNER_LOGIN] != NULL ||
			    r->r_banners.bn_text[BANNER_MOTD] != NULL))
				nv_line(sb, 0, "!");
		}
		trailer_nvgen(pa, sb);
		/* IOS prints the banners after control-plane, a "!" between. */
		if ((pa->pa_control_plane || pa->pa_rsvp_sync ||
		    pa->pa_mgcp_default || pa->pa_cor_custom) &&
		    (r->r_banners.bn_text[BANNER_EXEC] != NULL ||
		    r->r_banners.bn_text[BANNER_INCOMING] != NULL ||
		    r->r_banners.bn_text[BANNER_LOGIN] != NULL ||
		    r->r_banners.bn_text[BANNER_MOTD] != NULL))
			nv_line(sb, 0, "!");
		banners_nvgen(&r->r_banners, sb);
		break;
	default:
		break;
	}
}
