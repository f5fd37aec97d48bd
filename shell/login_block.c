/*
 * login_block: the quiet mode of `login block-for` and `login delay`.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/clock.h"
#include "lib/cmdarg.h"
#include "lib/evloop.h"
#include "lib/nvgen.h"
#include "lib/xalloc.h"
#include "shell/cmds.h"
#include "shell/login_block.h"
#include "shell/router.h"

void
login_block_init(struct login_block *lb)
{
	memset(lb, 0, sizeof(*lb));
}

static void
lb_reset(struct router *r)
{
	struct login_block	*lb = &r->r_login_block;

	if (lb->lb_timer != NULL)
		evloop_timer_cancel(r->r_loop, lb->lb_timer);
	lb->lb_timer = NULL;
	free(lb->lb_fail);
	lb->lb_fail = NULL;
	lb->lb_nfail = 0;
	lb->lb_quiet = false;
}

void
login_block_free(struct router *r)
{
	lb_reset(r);
	login_block_init(&r->r_login_block);
}

unsigned
login_block_delay_ms(const struct login_block *lb)
{
	if (lb->lb_delay > 0)
		return lb->lb_delay * 1000;
	return lb->lb_block > 0 ? 1000 : 0;
}

bool
login_block_quiet(const struct login_block *lb)
{
	return lb->lb_quiet;
}

/* IOS's "at 00:01:12 UTC Mon Mar 1 1993". */
static void
lb_when(struct strbuf *sb)
{
	time_t		t = (time_t)(clock_wall_ms() / 1000);
	struct tm	tm;
	char		buf[64];

	gmtime_r(&t, &tm);
	strftime(buf, sizeof(buf), "%H:%M:%S UTC %a %b ", &tm);
	strbuf_printf(sb, "%s%d %d", buf, tm.tm_mday, tm.tm_year + 1900);
}

static void
lb_quiet_off(void *arg)
{
	struct router		*r = arg;
	struct login_block	*lb = &r->r_login_block;
	struct strbuf		 when;

	lb->lb_timer = NULL;
	lb->lb_quiet = false;
	strbuf_init(&when);
	lb_when(&when);
	log_msg(r, "SEC_LOGIN", 5, "QUIET_MODE_OFF",
	    "Quiet Mode is OFF, because block period timed out at %s",
	    when.sb_buf);
	strbuf_free(&when);
}

void
login_block_fail(struct router *r, const char *user, const char *source,
    unsigned localport)
{
	struct login_block	*lb = &r->r_login_block;
	uint64_t		 now = clock_mono_ms(), win;
	unsigned		 i, k, left;
	struct strbuf		 when;

	if (lb->lb_block == 0 || lb->lb_quiet)
		return;
	win = (uint64_t)lb->lb_within * 1000;
	/* Forget the failures that left the window. */
	for (i = k = 0; i < lb->lb_nfail; i++)
		if (now - lb->lb_fail[i] < win)
			lb->lb_fail[k++] = lb->lb_fail[i];
	lb->lb_nfail = k;
	if (lb->lb_fail == NULL)
		lb->lb_fail = xcalloc(lb->lb_attempts, sizeof(*lb->lb_fail));
	lb->lb_fail[lb->lb_nfail++] = now;
	if (lb->lb_nfail < lb->lb_attempts)
		return;
	/* What is left of the window that began at the oldest failure. */
	left = (unsigned)((win - (now - lb->lb_fail[0]) + 999) / 1000);
	lb->lb_nfail = 0;
	lb->lb_quiet = true;
	strbuf_init(&when);
	lb_when(&when);
	log_msg(r, "SEC_LOGIN", 1, "QUIET_MODE_ON",
	    "Still timeleft for watching failures is %u secs, [user: %s] "
	    "[Source: %s] [localport: %u] [Reason: Login Authentication "
	    "Failed] [ACL: sl_def_acl] at %s", left, user != NULL ? user : "",
	    source, localport, when.sb_buf);
	strbuf_free(&when);
	lb->lb_timer = evloop_timer_add(r->r_loop, lb->lb_block * 1000,
	    lb_quiet_off, r);
}

void
login_block_nvgen(const struct login_block *lb, struct strbuf *sb)
{
	if (lb->lb_block > 0)
		nv_line(sb, 0, "login block-for %u attempts %u within %u",
		    lb->lb_block, lb->lb_attempts, lb->lb_within);
	if (lb->lb_delay > 0)
		nv_line(sb, 0, "login delay %u", lb->lb_delay);
}

/* `[no] login block-for SECS attempts N within SECS` */
int
cmd_login_block_for(struct vty *vty, const struct cmd_args *m)
{
	struct router		*r = vty->v_router;
	struct login_block	*lb = &r->r_login_block;

	lb_reset(r);
	if (cmd_negated(m)) {
		lb->lb_block = lb->lb_attempts = lb->lb_within = 0;
		return CMD_SUCCESS;
	}
	lb->lb_block = (unsigned)cmd_arg_num(m, "block", 0);
	lb->lb_attempts = (unsigned)cmd_arg_num(m, "tries", 0);
	lb->lb_within = (unsigned)cmd_arg_num(m, "watch", 0);
	return CMD_SUCCESS;
}

/* `[no] login delay SECS` */
int
cmd_login_delay(struct vty *vty, const struct cmd_args *m)
{
	struct login_block	*lb = &vty->v_router->r_login_block;

	lb->lb_delay = cmd_negated(m) ? 0 : (unsigned)cmd_arg_num(m, "secs", 1);
	return CMD_SUCCESS;
}
