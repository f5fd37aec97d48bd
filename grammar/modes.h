/*
 * modes: the mode table.  For every mode — numbered by the subsystem that
 * owns it, in its cmds.h (lib/vty.h) — its name, its parent, its prompt
 * suffix, the title IOS prints above a `?` listing, and the command tables
 * it is built from.  The shell compiles one command set per row at
 * start-up; adding a sub-mode is one enum value in its owner's cmds.h, one
 * row in grammar/modes.c and its table.
 */
#ifndef IOSH_GRAMMAR_MODES_H
#define IOSH_GRAMMAR_MODES_H

#include <stddef.h>

#include "lib/vty.h"
#include "parser/cmd.h"

/* Mode kinds. */
#define MODE_F_EXEC	0x01	/* an exec mode: output modifiers, telnet */
#define MODE_F_CONFIG	0x02	/* a configuration mode: no, default, do */

struct cmd_table {
	const struct cmd_def	*ct_defs;
	size_t			 ct_n;
};

#define CMD_TABLE(defs)	{ (defs), sizeof(defs) / sizeof((defs)[0]) }

#define MODE_MAX_TABLES	14

struct mode_info {
	mode_id			 mi_id;
	const char		*mi_name;	/* "config-line" */
	mode_id			 mi_parent;	/* MODE_NONE: none */
	const char		*mi_suffix;	/* prompt after the hostname */
	const char		*mi_title;	/* heading of the `?` listing */
	unsigned		 mi_flags;	/* MODE_F_* */
	struct cmd_def		 mi_exit;	/* its `exit`, worded per mode */
	/* Positive commands, then the forms that exist only after "no" or
	 * "default" (IOS accepts "no hostname" without its argument). */
	const struct cmd_table	*mi_tables[MODE_MAX_TABLES];	/* NULL-ended */
	const struct cmd_table	*mi_neg_tables[MODE_MAX_TABLES];
};

/* Prefix keywords of every configuration mode. */
struct mode_prefix {
	const char	*mp_keyword;
	const char	*mp_help;
	unsigned	 mp_bit;	/* PFX_* */
};

extern const struct mode_info	 mode_table[MODE_MAX];
extern const struct mode_prefix	 config_prefixes[];
extern const size_t		 config_nprefixes;
/* The output-modifier tail of exec commands flagged CMD_FILTER. */
extern const struct cmd_def	 filter_tail;

/* The row of a mode (shell/modes.c). */
const struct mode_info	*mode_info(mode_id);

/* The tables, one family per file; a mode is built from several. */
/* shell: grammar/exec.c, config.c, line.c, submode.c, passive.c, aaa.c */
extern const struct cmd_table	 exec_user_table, exec_priv_table;
extern const struct cmd_table	 config_table, config_neg_table;
extern const struct cmd_table	 line_table, line_neg_table;
extern const struct cmd_table	 submode_table;
extern const struct cmd_table	 empty_table;	/* a mode with no commands */
extern const struct cmd_table	 passive_table, passive_neg_table;
extern const struct cmd_table	 router_config_table, router_table, router_af_table;
extern const struct cmd_table	 router_af_if_table, router_af_topo_table;
extern const struct cmd_table	 archive_table;
extern const struct cmd_table	 router_config_neg_table, route_map_table;
extern const struct cmd_table	 vrf_table, vrf_af_table;
extern const struct cmd_table	 aaa_table, aaa_neg_table;
/* PKI (stored, inert): grammar/pki.c */
extern const struct cmd_table	 pki_config_table, pki_tp_table, pki_tp_neg_table;
extern const struct cmd_table	 pki_chain_table;
extern const struct cmd_table	 pki_cs_table;
extern const struct cmd_table	 pki_cs_neg_table;
/* IKEv2 blocks (stored, inert): grammar/ikev2.c */
extern const struct cmd_table	 ikev2_config_table, ikev2_proposal_table,
				 ikev2_proposal_neg_table, ikev2_policy_table,
				 ikev2_keyring_table, ikev2_peer_table,
				 ikev2_profile_table, ikev2_profile_neg_table;
extern const struct cmd_table	 nvram_exec_table;
/* the vty lines: grammar/vty.c */
extern const struct cmd_table	 vty_exec_table;
extern const struct cmd_table	 enable_table, enable_neg_table;
/* crypto: grammar/crypto.c, grammar/crypto_submodes.c */
extern const struct cmd_table	 crypto_exec_table;
extern const struct cmd_table	 crypto_config_table, crypto_config_neg_table;
extern const struct cmd_table	 crypto_if_table;
extern const struct cmd_table	 isakmp_policy_table, crypto_map_table;
extern const struct cmd_table	 transform_table, keyring_table;
extern const struct cmd_table	 isakmp_profile_table, isakmp_group_table;
extern const struct cmd_table	 ipsec_profile_table;
extern const struct cmd_table	 isakmp_policy_neg_table, crypto_map_neg_table;
extern const struct cmd_table	 transform_neg_table, keyring_neg_table;
extern const struct cmd_table	 isakmp_profile_neg_table;
extern const struct cmd_table	 isakmp_group_neg_table;
extern const struct cmd_table	 ipsec_profile_neg_table;
/* dataplane: grammar/interface.c, grammar/acl.c, grammar/ip.c */
extern const struct cmd_table	 dp_exec_table, dp_exec_priv_table;
/* grammar/monitor.c: capture and fault injection */
extern const struct cmd_table	 monitor_exec_table;
extern const struct cmd_table	 dp_config_table, dp_config_neg_table;
extern const struct cmd_table	 dhcp_config_table, dhcp_pool_table;
extern const struct cmd_table	 dhcp_pool_neg_table, dhcp_exec_table;
extern const struct cmd_table	 nat_config_table, nat_exec_table;
extern const struct cmd_table	 nat_config_neg_table;
extern const struct cmd_table	 interface_table, interface_neg_table;
extern const struct cmd_table	 ext_nacl_table, std_nacl_table, nacl_neg_table;
extern const struct cmd_table	 acl_config_table, acl_config_neg_table;

#endif
