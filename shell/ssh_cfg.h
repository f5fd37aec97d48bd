/*
 * ssh_cfg: what IOS configures of its SSH server — `ip domain name`, the
 * RSA host key `crypto key generate rsa` makes (kept in the nvram
 * directory, mode 0600, as IOS keeps it in private NVRAM), `ip ssh
 * version` — and `show ip ssh`, `show ssh`.
 */
#ifndef IOSH_SHELL_SSH_CFG_H
#define IOSH_SHELL_SSH_CFG_H

#include <stdbool.h>

struct router;
struct ssh_key_struct;
struct vty_conn;

/* The host key, read from the nvram directory the first time; NULL
 * until one is generated (SSH is then disabled, as on IOS). */
struct ssh_key_struct	*ssh_hostkey(struct router *);
void			 ssh_hostkey_free(struct router *);
/* console_ssh.c: VC's SSH cipher, MAC and user, when it is an SSH exec. */
bool			 ssh_conn_info(const struct vty_conn *,
			    const char **cipher, const char **hmac,
			    const char **user);

#endif
