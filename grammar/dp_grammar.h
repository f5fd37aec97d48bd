/*
 * dp_grammar: syntax fragments the dataplane's tables share — the
 * interface types as IOS lists them under `?`, each bound to "type".
 */
#ifndef IOSH_GRAMMAR_DP_GRAMMAR_H
#define IOSH_GRAMMAR_DP_GRAMMAR_H

#define IF_TYPES							\
	"(ATM$type|BVI$type|Dialer$type|Embedded-Service-Engine$type|"	\
	"Ethernet$type|FastEthernet$type|GigabitEthernet$type|"		\
	"Loopback$type|Multilink$type|Null$type|Port-channel$type|"	\
	"Serial$type|TenGigabitEthernet$type|Tunnel$type|"		\
	"Virtual-Template$type|Vlan$type)"
#define IF_TYPES_HELP							\
	"ATM interface\n"						\
	"Bridge-Group Virtual Interface\n"				\
	"Dialer interface\n"						\
	"cisco embedded service engine module\n"			\
	"IEEE 802.3\n"							\
	"FastEthernet IEEE 802.3\n"					\
	"GigabitEthernet IEEE 802.3z\n"					\
	"Loopback interface\n"						\
	"Multilink-group interface\n"					\
	"Null interface\n"						\
	"Ethernet Channel of interfaces\n"				\
	"Serial\n"							\
	"Ten Gigabit Ethernet\n"					\
	"Tunnel interface\n"						\
	"Virtual Template interface\n"					\
	"Catalyst Vlans\n"

#endif
