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

/* The host key's private PEM (PKCS#8), read from the nvram directory the
 * first time; NULL until one is generated (SSH is then disabled, as on
 * IOS).  What console_ssh.c hands to libssh: the key is made and kept
 * with OpenSSL, so the rest of iosh does not link libssh. */
const char	*ssh_hostkey_pem(struct router *);
void		 ssh_hostkey_free(struct router *);

#endif
