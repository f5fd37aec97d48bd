/*
 * exec: the commands of user exec, and those privileged exec adds.  The
 * privileged exec set is built from both tables (grammar/modes.c).
 */
#include "grammar/dp_grammar.h"
#include "grammar/modes.h"
#include "shell/cmds.h"

static const struct cmd_def exec_user_defs[] = {
	{ "enable",
	  "Turn on privileged commands",
	  cmd_enable, 0 },
	{ "exit",
	  "Exit from the EXEC",
	  cmd_exit_exec, 0 },
	{ "logout",
	  "Exit from the EXEC",
	  cmd_exit_exec, 0 },
	{ "show version",
	  "Show running system information\n"
	  "System hardware and software status",
	  cmd_show_version, CMD_FILTER },
	{ "show history",
	  "Show running system information\n"
	  "Display the session command history",
	  cmd_show_history, CMD_FILTER },
	{ "show clock",
	  "Show running system information\n"
	  "Display the system clock",
	  cmd_show_clock, CMD_FILTER },
	{ "show privilege",
	  "Show running system information\n"
	  "Show current privilege level",
	  cmd_show_privilege, CMD_FILTER },
	{ "show ip ssh",
	  "Show running system information\n"
	  "IP information\n"
	  "Information on SSH",
	  cmd_show_ip_ssh, CMD_FILTER },
	{ "show ssh",
	  "Show running system information\n"
	  "Status of SSH server connections",
	  cmd_show_ssh, CMD_FILTER },
	{ "show inventory",
	  "Show running system information\n"
	  "Show the physical inventory",
	  cmd_show_inventory, CMD_FILTER },
	{ "telnet WORD$host [<1-65535>$port]",
	  "Open a telnet connection\n"
	  "IP address or hostname of a remote system\n"
	  "Port number",
	  cmd_telnet, 0 },
	{ "connect WORD$host [<1-65535>$port]",
	  "Open a terminal connection\n"
	  "IP address or hostname of a remote system\n"
	  "Port number",
	  cmd_telnet, 0 },
	{ "show line",
	  "Show running system information\n"
	  "TTY line information",
	  cmd_show_line, CMD_FILTER },
	{ "show terminal",
	  "Show running system information\n"
	  "Display terminal configuration parameters",
	  cmd_show_terminal, CMD_FILTER },
	{ "show hosts",
	  "Show running system information\n"
	  "IP domain-name, lookup style, nameservers, and host table",
	  cmd_show_hosts, CMD_FILTER },
	{ "show ip protocols",
	  "Show running system information\n"
	  "IP information\n"
	  "IP routing protocol process parameters and statistics",
	  cmd_show_ip_protocols, CMD_FILTER },
	{ "show users",
	  "Show running system information\n"
	  "Display information about terminal lines",
	  cmd_show_users, CMD_FILTER },
	{ "terminal length <0-512>$lines",
	  "Set terminal line parameters\n"
	  "Set number of lines on a screen\n"
	  "Number of lines on screen (0 for no pausing)",
	  cmd_terminal_length, 0 },
	{ "terminal width <0-512>$columns",
	  "Set terminal line parameters\n"
	  "Set width of the display terminal\n"
	  "Number of characters on a screen line",
	  cmd_terminal_width, 0 },
};

static const struct cmd_def exec_priv_defs[] = {
	{ "disable",
	  "Turn off privileged commands",
	  cmd_disable, 0 },
	{ "show running-config [all]",
	  "Show running system information\n"
	  "Current operating configuration\n"
	  "Configuration with defaults",
	  cmd_show_running_config, CMD_FILTER },
	{ "show running-config interface " IF_TYPES " WORD$num",
	  "Show running system information\n"
	  "Current operating configuration\n"
	  "Show interface configuration\n"
	  IF_TYPES_HELP
	  "Interface number",
	  cmd_show_running_config_interface, CMD_FILTER },
	{ "show running-config interface WORD$name",
	  "Show running system information\n"
	  "Current operating configuration\n"
	  "Show interface configuration\n"
	  "Interface name and number",
	  cmd_show_running_config_interface, CMD_FILTER | CMD_HIDDEN },
	{ "show logging",
	  "Show running system information\n"
	  "Show the contents of logging buffers",
	  cmd_show_logging, CMD_FILTER },
	{ "dir [flash:]",
	  "List files on a filesystem\n"
	  "Directory or file name",
	  cmd_dir, CMD_FILTER },
	{ "show flash:",
	  "Show running system information\n"
	  "display information about flash: file system",
	  cmd_dir, CMD_FILTER },
	{ "more WORD$url",
	  "Display the contents of a file\n"
	  "File to display",
	  cmd_more, CMD_FILTER },
	{ "delete WORD$url",
	  "Delete a file\n"
	  "URL of the file to be deleted",
	  cmd_delete, 0 },
	{ "write terminal",
	  "Write running configuration to memory, network, or terminal\n"
	  "Write to terminal",
	  cmd_write_terminal, CMD_FILTER },
	{ "show debugging",
	  "Show running system information\n"
	  "State of each debugging option",
	  cmd_show_debugging, CMD_FILTER },
	{ "undebug all",
	  "Disable debugging functions (see also 'debug')\n"
	  "Enable all debugging",
	  cmd_undebug_all, 0 },
	{ "no debug all",
	  "Disable debugging functions\n"
	  "Debugging functions (see also 'undebug')\n"
	  "Enable all debugging",
	  cmd_undebug_all, 0 },
	{ "configure terminal",
	  "Enter configuration mode\n"
	  "Configure from the terminal",
	  cmd_configure_terminal, 0 },
};

const struct cmd_table exec_user_table = CMD_TABLE(exec_user_defs);
const struct cmd_table exec_priv_table = CMD_TABLE(exec_priv_defs);
