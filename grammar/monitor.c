/*
 * monitor: privileged exec commands on interfaces' wires — IOS-XE's
 * `monitor capture` (Embedded Packet Capture) and iosh's own `test
 * interface NAME fault` (fault injection; IOS has none).  The interface
 * is one word the dataplane resolves ("Serial1/2", "fa0/0").
 */
#include "dataplane/cmds.h"
#include "grammar/modes.h"

#define MONCAP	"monitor capture WORD$cap"
#define MONCAP_HELP							\
	"Monitoring different system events\n"				\
	"Capture a packet\n"						\
	"Name of the capture point\n"

static const struct cmd_def monitor_exec_defs[] = {
	{ MONCAP " interface WORD$ifname (in|out|both)",
	  MONCAP_HELP
	  "Interface\n"
	  "Interface name and number\n"
	  "Inbound direction\n"
	  "Outbound direction\n"
	  "Inbound and outbound directions",
	  dp_moncap_interface_cmd, 0, NULL },
	{ MONCAP " start",
	  MONCAP_HELP
	  "Enable Packet Capture",
	  dp_moncap_start_cmd, 0, NULL },
	{ MONCAP " stop",
	  MONCAP_HELP
	  "Disable Packet Capture",
	  dp_moncap_stop_cmd, 0, NULL },
	{ MONCAP " export WORD$path",
	  MONCAP_HELP
	  "Export Capture Buffer\n"
	  "File path to export the capture to",
	  dp_moncap_export_cmd, 0, NULL },
	{ MONCAP " clear",
	  MONCAP_HELP
	  "Clear capture buffer",
	  dp_moncap_clear_cmd, 0, NULL },
	{ "no " MONCAP,
	  "Disable debugging functions\n"
	  MONCAP_HELP,
	  dp_moncap_delete_cmd, 0, NULL },
	{ "show monitor capture [WORD$cap]",
	  "Show running system information\n"
	  "Monitoring different system events\n"
	  "Capture a packet\n"
	  "Name of the capture point",
	  dp_show_moncap_cmd, CMD_FILTER, NULL },
	{ "test interface WORD$ifname fault (in|out|both) WORD$spec",
	  "Test subsystems, memory, and interfaces\n"
	  "Test an interface's wire\n"
	  "Interface name and number\n"
	  "Fault injection (loss, delay, jitter, dup, reorder, seed)\n"
	  "Inbound direction\n"
	  "Outbound direction\n"
	  "Inbound and outbound directions\n"
	  "Fault spec (loss=30,delay=10,seed=7) or none",
	  dp_test_fault_cmd, 0, NULL },
	{ "show interfaces WORD$ifname fault",
	  "Show running system information\n"
	  "Interface status and configuration\n"
	  "Interface name and number\n"
	  "Fault injection on the interface's wire",
	  dp_show_fault_cmd, CMD_FILTER, NULL },
};

const struct cmd_table monitor_exec_table = CMD_TABLE(monitor_exec_defs);
