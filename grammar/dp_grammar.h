/*
 * dp_grammar: syntax fragments the dataplane's tables share — the
 * interface types as IOS lists them under `?`, each bound to "type".
 */
#ifndef IOSH_GRAMMAR_DP_GRAMMAR_H
#define IOSH_GRAMMAR_DP_GRAMMAR_H

#define IF_TYPES							\
	"(ATM$type|Ethernet$type|FastEthernet$type|GigabitEthernet$type|" \
	"Loopback$type|Port-channel$type|Serial$type|Tunnel$type)"
#define IF_TYPES_HELP							\
	"ATM interface\n"						\
	"IEEE 802.3\n"							\
	"FastEthernet IEEE 802.3\n"					\
	"GigabitEthernet IEEE 802.3z\n"					\
	"Loopback interface\n"						\
	"Ethernet Channel of interfaces\n"				\
	"Serial\n"							\
	"Tunnel interface\n"

#endif
