/*
 * acl_names: the names IOS gives to IP protocols, TCP and UDP ports and
 * ICMP messages in access lists, with their `?` help.  One list serves
 * the grammar (grammar/acl.c builds its alternatives from it) and the
 * dataplane (compiling a name to its number, printing a number by its
 * name, as IOS does), so the two cannot drift apart.
 *
 * Each X(name, value, help) — ICMP: X(name, type, code, help), code -1
 * for every code of the type.
 */
#ifndef IOSH_DATAPLANE_ACL_NAMES_H
#define IOSH_DATAPLANE_ACL_NAMES_H

#define ACL_PROTOCOLS(X)						\
	X("ahp", 51, "Authentication Header Protocol")			\
	X("eigrp", 88, "Cisco's EIGRP routing protocol")		\
	X("esp", 50, "Encapsulation Security Payload")			\
	X("gre", 47, "Cisco's GRE tunneling")				\
	X("igmp", 2, "Internet Gateway Message Protocol")		\
	X("ip", 256, "Any Internet Protocol")				\
	X("ipinip", 4, "IP in IP tunneling")				\
	X("nos", 94, "KA9Q NOS compatible IP over IP tunneling")	\
	X("ospf", 89, "OSPF routing protocol")				\
	X("pcp", 108, "Payload Compression Protocol")			\
	X("pim", 103, "Protocol Independent Multicast")

#define ACL_TCP_PORTS(X)						\
	X("bgp", 179, "Border Gateway Protocol (179)")			\
	X("chargen", 19, "Character generator (19)")			\
	X("cmd", 514, "Remote commands (rcmd, 514)")			\
	X("daytime", 13, "Daytime (13)")				\
	X("discard", 9, "Discard (9)")					\
	X("domain", 53, "Domain Name Service (53)")			\
	X("echo", 7, "Echo (7)")					\
	X("exec", 512, "Exec (rsh, 512)")				\
	X("finger", 79, "Finger (79)")					\
	X("ftp", 21, "File Transfer Protocol (21)")			\
	X("ftp-data", 20, "FTP data connections (20)")			\
	X("gopher", 70, "Gopher (70)")					\
	X("hostname", 101, "NIC hostname server (101)")			\
	X("ident", 113, "Ident Protocol (113)")				\
	X("irc", 194, "Internet Relay Chat (194)")			\
	X("klogin", 543, "Kerberos login (543)")			\
	X("kshell", 544, "Kerberos shell (544)")			\
	X("login", 513, "Login (rlogin, 513)")				\
	X("lpd", 515, "Printer service (515)")				\
	X("nntp", 119, "Network News Transport Protocol (119)")		\
	X("pop2", 109, "Post Office Protocol v2 (109)")			\
	X("pop3", 110, "Post Office Protocol v3 (110)")			\
	X("smtp", 25, "Simple Mail Transport Protocol (25)")		\
	X("sunrpc", 111, "Sun Remote Procedure Call (111)")		\
	X("tacacs", 49, "TAC Access Control System (49)")		\
	X("talk", 517, "Talk (517)")					\
	X("telnet", 23, "Telnet (23)")					\
	X("time", 37, "Time (37)")					\
	X("uucp", 540, "Unix-to-Unix Copy Program (540)")		\
	X("whois", 43, "Nicname (43)")					\
	X("www", 80, "World Wide Web (HTTP, 80)")

#define ACL_UDP_PORTS(X)						\
	X("biff", 512, "Biff (mail notification, comsat, 512)")		\
	X("bootpc", 68, "Bootstrap Protocol (BOOTP) client (68)")	\
	X("bootps", 67, "Bootstrap Protocol (BOOTP) server (67)")	\
	X("discard", 9, "Discard (9)")					\
	X("dnsix", 195, "DNSIX security protocol auditing (195)")	\
	X("domain", 53, "Domain Name Service (DNS, 53)")		\
	X("echo", 7, "Echo (7)")					\
	X("isakmp", 500, "Internet Security Association and Key "	\
	    "Management Protocol (500)")				\
	X("mobile-ip", 434, "Mobile IP registration (434)")		\
	X("nameserver", 42, "IEN116 name service (obsolete, 42)")	\
	X("netbios-dgm", 138, "NetBios datagram service (138)")		\
	X("netbios-ns", 137, "NetBios name service (137)")		\
	X("netbios-ss", 139, "NetBios session service (139)")		\
	X("non500-isakmp", 4500, "Internet Security Association and "	\
	    "Key Management Protocol (4500)")				\
	X("ntp", 123, "Network Time Protocol (123)")			\
	X("rip", 520, "Routing Information Protocol (router, "		\
	    "in.routed, 520)")						\
	X("snmp", 161, "Simple Network Management Protocol (161)")	\
	X("snmptrap", 162, "SNMP Traps (162)")				\
	X("sunrpc", 111, "Sun Remote Procedure Call (111)")		\
	X("syslog", 514, "System Logger (514)")				\
	X("tacacs", 49, "TAC Access Control System (49)")		\
	X("talk", 517, "Talk (517)")					\
	X("tftp", 69, "Trivial File Transfer Protocol (69)")		\
	X("time", 37, "Time (37)")					\
	X("who", 513, "Who service (rwho, 513)")			\
	X("xdmcp", 177, "X Display Manager Control Protocol (177)")

#define ACL_ICMP_TYPES(X)						\
	X("administratively-prohibited", 3, 13, "Administratively prohibited") \
	X("alternate-address", 6, -1, "Alternate address")		\
	X("conversion-error", 31, -1, "Datagram conversion")		\
	X("dod-host-prohibited", 3, 10, "Host prohibited")		\
	X("dod-net-prohibited", 3, 9, "Net prohibited")			\
	X("echo", 8, -1, "Echo (ping)")					\
	X("echo-reply", 0, -1, "Echo reply")				\
	X("general-parameter-problem", 12, 0, "Parameter problem")	\
	X("host-isolated", 3, 8, "Host isolated")			\
	X("host-precedence-unreachable", 3, 14,				\
	    "Host unreachable for precedence")				\
	X("host-redirect", 5, 1, "Host redirect")			\
	X("host-tos-redirect", 5, 3, "Host redirect for TOS")		\
	X("host-tos-unreachable", 3, 12, "Host unreachable for TOS")	\
	X("host-unknown", 3, 7, "Host unknown")				\
	X("host-unreachable", 3, 1, "Host unreachable")			\
	X("information-reply", 16, -1, "Information replies")		\
	X("information-request", 15, -1, "Information requests")	\
	X("mask-reply", 18, -1, "Mask replies")				\
	X("mask-request", 17, -1, "Mask requests")			\
	X("mobile-redirect", 32, -1, "Mobile host redirect")		\
	X("net-redirect", 5, 0, "Network redirect")			\
	X("net-tos-redirect", 5, 2, "Net redirect for TOS")		\
	X("net-tos-unreachable", 3, 11, "Network unreachable for TOS")	\
	X("net-unreachable", 3, 0, "Net unreachable")			\
	X("network-unknown", 3, 6, "Network unknown")			\
	X("no-room-for-option", 12, 2, "Parameter required but no room") \
	X("option-missing", 12, 1, "Parameter required but not present") \
	X("packet-too-big", 3, 4, "Fragmentation needed and DF set")	\
	X("parameter-problem", 12, -1, "All parameter problems")	\
	X("port-unreachable", 3, 3, "Port unreachable")			\
	X("precedence-unreachable", 3, 15, "Precedence cutoff")		\
	X("protocol-unreachable", 3, 2, "Protocol unreachable")		\
	X("reassembly-timeout", 11, 1, "Reassembly timeout")		\
	X("redirect", 5, -1, "All redirects")				\
	X("router-advertisement", 9, -1, "Router discovery advertisements") \
	X("router-solicitation", 10, -1, "Router discovery solicitations") \
	X("source-quench", 4, -1, "Source quenches")			\
	X("source-route-failed", 3, 5, "Source route failed")		\
	X("time-exceeded", 11, -1, "All time exceededs")		\
	X("timestamp-reply", 14, -1, "Timestamp replies")		\
	X("timestamp-request", 13, -1, "Timestamp requests")		\
	X("traceroute", 30, -1, "Traceroute")				\
	X("ttl-exceeded", 11, 0, "TTL exceeded")			\
	X("unreachable", 3, -1, "All unreachables")

#endif
