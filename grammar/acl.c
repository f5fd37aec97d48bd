/*
 * acl: access-list commands — numbered lists in (config), `ip
 * access-list standard|extended` and the entries of its two sub-modes.
 * The entry syntax is spelled once here, built from the name lists of
 * dataplane/acl_names.h, so tcp offers TCP's port names, udp UDP's, and
 * icmp the ICMP messages, as IOS's parser does.
 */
#include "dataplane/cmds.h"
#include "grammar/modes.h"

#define NEG	(CMD_NO | CMD_DEFAULT)

/* Alternatives built from the name lists, each bound to its slot. */
#define X_SP1(n, v, h)		"|" n "$sp1"
#define X_SP2(n, v, h)		"|" n "$sp2"
#define X_DP1(n, v, h)		"|" n "$dp1"
#define X_DP2(n, v, h)		"|" n "$dp2"
#define X_PROTO(n, v, h)	"|" n "$proto"
#define X_HELP(n, v, h)		h "\n"
#define X_ICMP(n, t, c, h)	"|" n "$iname"
#define X_ICMP_HELP(n, t, c, h)	h "\n"

#define PORT(list, X, b)	"(<0-65535>$" b list(X) ")"
#define PORT_HELP(list)		"Port number\n" list(X_HELP)
#define PORTS(list, o, X1, b1, X2, b2)					\
	"[(eq$" o "|gt$" o "|lt$" o "|neq$" o ") " PORT(list, X1, b1)	\
	"|range$" o " " PORT(list, X1, b1) " " PORT(list, X2, b2) "]"
#define PORTS_HELP(list)						\
	"Match only packets on a given port number\n"			\
	"Match only packets with a greater port number\n"		\
	"Match only packets with a lower port number\n"			\
	"Match only packets not on a given port number\n"		\
	PORT_HELP(list)							\
	"Match only packets in the range of port numbers\n"		\
	PORT_HELP(list) PORT_HELP(list)

#define SRC	"(any$src|host$src A.B.C.D$srchost|A.B.C.D$srcaddr "	\
		"A.B.C.D$srcwild)"
#define SRC_HELP							\
	"Any source host\n"						\
	"A single source host\n"					\
	"Source address\n"						\
	"Source address\n"						\
	"Source wildcard bits\n"
#define DST	"(any$dst|host$dst A.B.C.D$dsthost|A.B.C.D$dstaddr "	\
		"A.B.C.D$dstwild)"
#define DST_HELP							\
	"Any destination host\n"					\
	"A single destination host\n"					\
	"Destination address\n"						\
	"Destination address\n"						\
	"Destination wildcard bits\n"

#define SPORTS(list)	PORTS(list, "sop", X_SP1, "sp1", X_SP2, "sp2")
#define DPORTS(list)	PORTS(list, "dop", X_DP1, "dp1", X_DP2, "dp2")
#define ICMP_TYPE							\
	"[<0-255>$itype [<0-255>$icode]" ACL_ICMP_TYPES(X_ICMP) "]"
#define ICMP_TYPE_HELP							\
	"ICMP message type\n"						\
	"ICMP message code\n"						\
	ACL_ICMP_TYPES(X_ICMP_HELP)

/* An extended entry after permit/deny. */
#define EXT								\
	"(tcp$proto " SRC " " SPORTS(ACL_TCP_PORTS) " " DST " "		\
	DPORTS(ACL_TCP_PORTS) " [established]"				\
	"|udp$proto " SRC " " SPORTS(ACL_UDP_PORTS) " " DST " "		\
	DPORTS(ACL_UDP_PORTS)						\
	"|icmp$proto " SRC " " DST " " ICMP_TYPE			\
	"|(<0-255>$protonum" ACL_PROTOCOLS(X_PROTO) ") " SRC " " DST	\
	") [log|log-input]"
#define EXT_HELP							\
	"Transmission Control Protocol\n"				\
	SRC_HELP PORTS_HELP(ACL_TCP_PORTS) DST_HELP			\
	PORTS_HELP(ACL_TCP_PORTS)					\
	"Match established connections\n"				\
	"User Datagram Protocol\n"					\
	SRC_HELP PORTS_HELP(ACL_UDP_PORTS) DST_HELP			\
	PORTS_HELP(ACL_UDP_PORTS)					\
	"Internet Control Message Protocol\n"				\
	SRC_HELP DST_HELP ICMP_TYPE_HELP				\
	"An IP protocol number\n"					\
	ACL_PROTOCOLS(X_HELP)						\
	SRC_HELP DST_HELP						\
	"Log matches against this entry\n"				\
	"Log matches against this entry, including input interface"

/* A standard entry after permit/deny. */
#define STD								\
	"(any$src|host$src A.B.C.D$srchost|A.B.C.D$srcaddr "		\
	"[A.B.C.D$srcwild]) [log]"
#define STD_HELP							\
	"Any source host\n"						\
	"A single host address\n"					\
	"Host address\n"						\
	"Address to match\n"						\
	"Wildcard bits\n"						\
	"Log matches against this entry"

#define ACTION		"(permit|deny) "
#define ACTION_HELP	"Specify packets to forward\nSpecify packets to reject\n"

#define NUM_STD		"access-list (<1-99>$num|<1300-1999>$num) "
#define NUM_STD_HELP							\
	"Add an access list entry\n"					\
	"IP standard access list\n"					\
	"IP standard access list (expanded range)\n"
#define NUM_EXT		"access-list (<100-199>$num|<2000-2699>$num) "
#define NUM_EXT_HELP							\
	"Add an access list entry\n"					\
	"IP extended access list\n"					\
	"IP extended access list (expanded range)\n"

static const struct cmd_def acl_config_defs[] = {
	{ NUM_STD ACTION STD,
	  NUM_STD_HELP ACTION_HELP STD_HELP,
	  dp_access_list_cmd, NEG, NULL },
	{ NUM_STD "remark LINE",
	  NUM_STD_HELP
	  "Access list entry comment\n"
	  "Comment up to 100 characters",
	  dp_access_list_cmd, NEG, NULL },
	{ NUM_EXT ACTION EXT,
	  NUM_EXT_HELP ACTION_HELP EXT_HELP,
	  dp_access_list_cmd, NEG, NULL },
	{ NUM_EXT "remark LINE",
	  NUM_EXT_HELP
	  "Access list entry comment\n"
	  "Comment up to 100 characters",
	  dp_access_list_cmd, NEG, NULL },
	{ "ip access-list standard (<1-99>$name|<1300-1999>$name|WORD$name)",
	  "Global IP configuration subcommands\n"
	  "Named access-list\n"
	  "Standard Access List\n"
	  "Standard IP access-list number\n"
	  "Standard IP access-list number (expanded range)\n"
	  "Access-list name",
	  dp_ip_access_list_cmd, NEG, NULL },
	{ "ip access-list extended (<100-199>$name|<2000-2699>$name|WORD$name)",
	  "Global IP configuration subcommands\n"
	  "Named access-list\n"
	  "Extended Access List\n"
	  "Extended IP access-list number\n"
	  "Extended IP access-list number (expanded range)\n"
	  "Access-list name",
	  dp_ip_access_list_cmd, NEG, NULL },
};

static const struct cmd_def acl_config_neg_defs[] = {
	{ "access-list (<1-99>$num|<100-199>$num|<1300-1999>$num|"
	  "<2000-2699>$num)",
	  "Add an access list entry\n"
	  "IP standard access list\n"
	  "IP extended access list\n"
	  "IP standard access list (expanded range)\n"
	  "IP extended access list (expanded range)",
	  dp_no_access_list_cmd, NEG, NULL },
};

#define SEQ		"[<1-2147483647>$seq] "
#define SEQ_HELP	"Sequence Number\n"
#define REMARK								\
	{ "remark [LINE]",						\
	  "Access list entry comment\n"					\
	  "Comment up to 100 characters",				\
	  nacl_remark_cmd, NEG, NULL }

static const struct cmd_def ext_nacl_defs[] = {
	{ SEQ ACTION EXT,
	  SEQ_HELP ACTION_HELP EXT_HELP,
	  nacl_entry_cmd, NEG, NULL },
	REMARK,
};

static const struct cmd_def std_nacl_defs[] = {
	{ SEQ ACTION STD,
	  SEQ_HELP ACTION_HELP STD_HELP,
	  nacl_entry_cmd, NEG, NULL },
	REMARK,
};

static const struct cmd_def nacl_neg_defs[] = {
	{ "<1-2147483647>$seq",
	  "Sequence Number",
	  nacl_no_seq_cmd, NEG, NULL },
};

const struct cmd_table acl_config_table = CMD_TABLE(acl_config_defs);
const struct cmd_table acl_config_neg_table = CMD_TABLE(acl_config_neg_defs);
const struct cmd_table ext_nacl_table = CMD_TABLE(ext_nacl_defs);
const struct cmd_table std_nacl_table = CMD_TABLE(std_nacl_defs);
const struct cmd_table nacl_neg_table = CMD_TABLE(nacl_neg_defs);
