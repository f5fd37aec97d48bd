/*
 * aaa: `aaa new-model`, the login and network method lists, `aaa
 * session-id`, and `username`; the forms that exist only after "no".
 * A method list is up to four methods, tried in order.
 */
#include "grammar/modes.h"
#include "shell/cmds.h"

#define NEG	(CMD_NO | CMD_DEFAULT)

#define LOGIN_METHOD	"(enable|group WORD$group|line|local|local-case|none)"
#define LOGIN_HELP							\
	"Use enable password for authentication.\n"			\
	"Use Server-group\n"						\
	"Server-group name\n"						\
	"Use line password for authentication.\n"			\
	"Use local username authentication.\n"				\
	"Use case-sensitive local username authentication.\n"		\
	"NO authentication."
#define NET_METHOD	"(group WORD$group|if-authenticated|local|none)"
#define NET_HELP							\
	"Use Server-group\n"						\
	"Server-group name\n"						\
	"Succeed if user has authenticated.\n"				\
	"Use local database.\n"						\
	"No authorization (always succeeds)."
#define LIST		"(default|WORD$list)"
#define LIST_HELP							\
	"The default authentication list.\n"				\
	"Named authentication list."

#define USER		"username WORD$name [privilege <0-15>$priv]"
#define USER_HELP							\
	"Establish User Name Authentication\n"				\
	"User name\n"							\
	"Set user privilege level\n"					\
	"User privilege level"

static const struct cmd_def aaa_defs[] = {
	{ "aaa new-model",
	  "Authentication, Authorization and Accounting.\n"
	  "Enable NEW access control commands and functions.(Disables OLD "
	  "commands.)",
	  cmd_aaa_new_model, NEG },
	{ "aaa authentication login " LIST " " LOGIN_METHOD " [" LOGIN_METHOD
	  " [" LOGIN_METHOD " [" LOGIN_METHOD "]]]",
	  "Authentication, Authorization and Accounting.\n"
	  "Authentication configurations parameters.\n"
	  "Set authentication lists for logins.\n"
	  LIST_HELP "\n" LOGIN_HELP "\n" LOGIN_HELP "\n" LOGIN_HELP "\n"
	  LOGIN_HELP,
	  cmd_aaa_authentication_login, NEG },
	{ "aaa authorization network " LIST " " NET_METHOD " [" NET_METHOD
	  " [" NET_METHOD " [" NET_METHOD "]]]",
	  "Authentication, Authorization and Accounting.\n"
	  "Authorization configurations parameters.\n"
	  "For network services. (PPP, SLIP, ARAP)\n"
	  LIST_HELP "\n" NET_HELP "\n" NET_HELP "\n" NET_HELP "\n" NET_HELP,
	  cmd_aaa_authorization_network, NEG },
	{ "aaa authorization exec " LIST " " NET_METHOD " [" NET_METHOD
	  " [" NET_METHOD " [" NET_METHOD "]]]",
	  "Authentication, Authorization and Accounting.\n"
	  "Authorization configurations parameters.\n"
	  "For starting an exec (shell).\n"
	  LIST_HELP "\n" NET_HELP "\n" NET_HELP "\n" NET_HELP "\n" NET_HELP,
	  cmd_aaa_authorization_exec, NEG },
	{ "aaa session-id (common|unique)",
	  "Authentication, Authorization and Accounting.\n"
	  "AAA Session ID\n"
	  "Common Session ID\n"
	  "Unique Session ID",
	  cmd_aaa_session_id, NEG },
	{ USER " password [0|7] LINE$pw",
	  USER_HELP "\n"
	  "Specify the password for the user\n"
	  "Specifies an UNENCRYPTED password will follow\n"
	  "Specifies a HIDDEN password will follow\n"
	  "The UNENCRYPTED (cleartext) user password",
	  cmd_username, NEG },
	{ USER " secret [0|5] WORD$pw",
	  USER_HELP "\n"
	  "Specify the secret for the user\n"
	  "Specifies an UNENCRYPTED secret will follow\n"
	  "Specifies an ENCRYPTED secret will follow\n"
	  "The UNENCRYPTED (cleartext) user secret",
	  cmd_username, NEG },
};

static const struct cmd_def aaa_neg_defs[] = {
	{ "aaa authentication login " LIST,
	  "Authentication, Authorization and Accounting.\n"
	  "Authentication configurations parameters.\n"
	  "Set authentication lists for logins.\n"
	  LIST_HELP,
	  cmd_aaa_authentication_login, NEG },
	{ "aaa authorization network " LIST,
	  "Authentication, Authorization and Accounting.\n"
	  "Authorization configurations parameters.\n"
	  "For network services. (PPP, SLIP, ARAP)\n"
	  LIST_HELP,
	  cmd_aaa_authorization_network, NEG },
	{ "aaa authorization exec " LIST,
	  "Authentication, Authorization and Accounting.\n"
	  "Authorization configurations parameters.\n"
	  "For starting an exec (shell).\n"
	  LIST_HELP,
	  cmd_aaa_authorization_exec, NEG },
	{ "aaa session-id",
	  "Authentication, Authorization and Accounting.\n"
	  "AAA Session ID",
	  cmd_aaa_session_id, NEG },
	{ "username WORD$name",
	  "Establish User Name Authentication\n"
	  "User name",
	  cmd_username, NEG },
};

const struct cmd_table aaa_table = CMD_TABLE(aaa_defs);
const struct cmd_table aaa_neg_table = CMD_TABLE(aaa_neg_defs);
