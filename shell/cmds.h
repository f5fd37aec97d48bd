/*
 * cmds: the shell's command handlers, named by the grammar tables.  Each
 * reads its arguments from the match and changes state owned by the shell
 * (modes, the router's name, terminal and line settings, timestamps).
 */
#ifndef IOSH_SHELL_CMDS_H
#define IOSH_SHELL_CMDS_H

struct vty;
struct cmd_match;

/* Exec (shell/cmd_exec.c). */
int	cmd_enable(struct vty *, const struct cmd_match *);
int	cmd_disable(struct vty *, const struct cmd_match *);
int	cmd_exit_exec(struct vty *, const struct cmd_match *);
int	cmd_configure_terminal(struct vty *, const struct cmd_match *);
int	cmd_show_version(struct vty *, const struct cmd_match *);
int	cmd_show_history(struct vty *, const struct cmd_match *);
int	cmd_terminal_length(struct vty *, const struct cmd_match *);
int	cmd_terminal_width(struct vty *, const struct cmd_match *);

/* Configuration (shell/cmd_config.c). */
int	cmd_exit_config(struct vty *, const struct cmd_match *);
int	cmd_end(struct vty *, const struct cmd_match *);
int	cmd_hostname(struct vty *, const struct cmd_match *);
int	cmd_ip_domain_lookup(struct vty *, const struct cmd_match *);
int	cmd_service_timestamps(struct vty *, const struct cmd_match *);
int	cmd_line(struct vty *, const struct cmd_match *);

/* The running configuration (shell/runcfg.c). */
int	cmd_show_running_config(struct vty *, const struct cmd_match *);
int	cmd_version(struct vty *, const struct cmd_match *);

/* Line configuration (shell/cmd_line.c). */
int	cmd_line_exec_timeout(struct vty *, const struct cmd_match *);
int	cmd_line_logging_sync(struct vty *, const struct cmd_match *);
int	cmd_line_password(struct vty *, const struct cmd_match *);
int	cmd_line_login(struct vty *, const struct cmd_match *);
int	cmd_line_length(struct vty *, const struct cmd_match *);
int	cmd_line_width(struct vty *, const struct cmd_match *);
int	cmd_line_privilege(struct vty *, const struct cmd_match *);
int	cmd_line_transport(struct vty *, const struct cmd_match *);

#endif
