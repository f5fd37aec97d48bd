/*
 * labstate: what `iosh-lab start` leaves for the commands that follow —
 * the lab's name and directory, the vty password, and each router's
 * console port and process — in $IOSH_LAB_HOME/NAME/lab, with
 * $IOSH_LAB_HOME/current naming the running lab.
 */
#ifndef IOSH_LAB_LABSTATE_H
#define IOSH_LAB_LABSTATE_H

#include <sys/types.h>

#include <stdbool.h>
#include <stddef.h>

#include "lab/topology.h"

struct lab_router {
	char		lr_name[TOPO_NAME_MAX];
	unsigned	lr_port;
	pid_t		lr_pid;
};

struct lab_state {
	char			*ls_home;	/* $IOSH_LAB_HOME */
	char			*ls_name;
	char			*ls_dir;	/* the lab directory */
	char			*ls_password;	/* NULL: none */
	struct lab_router	*ls_routers;
	size_t			 ls_nrouters;
};

void	lab_state_init(struct lab_state *, const char *name, const char *dir,
	    const char *password);
void	lab_state_add(struct lab_state *, const char *router, unsigned port,
	    pid_t);
/* Write the state and make it the current lab. */
int	lab_state_save(const struct lab_state *, char *err, size_t errlen);
/* Read the current lab; -1 if none (a message in ERR unless NULL). */
int	lab_state_load(struct lab_state *, char *err, size_t errlen);
/* Whether one of its routers is still an iosh process. */
bool	lab_state_running(const struct lab_state *);
/* SIGTERM every router, SIGKILL what is left after WAIT_MS, and return
 * when their exits are over (or WAIT_MS more has passed): a router is
 * over when it is gone or a zombie, its ports closed.  The lab is no
 * longer current.  Nvram directories stay. */
void	lab_state_stop(struct lab_state *, int wait_ms);
void	lab_state_router_dir(const struct lab_state *, const char *router,
	    char *buf, size_t len);
const struct lab_router *lab_state_router(const struct lab_state *,
	    const char *name);
void	lab_state_free(struct lab_state *);

#endif
