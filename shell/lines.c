/*
 * lines: IOS's defaults for a terminal line.  The vty lines accept every
 * transport by default; the console and aux ports are not network lines.
 */
#include <stdlib.h>

#include "shell/lines.h"

void
line_cfg_default(struct line_cfg *lc, unsigned index)
{
	*lc = (struct line_cfg){
		.lc_exec_min = 10,
		.lc_length = 24,
		.lc_width = 80,
		.lc_privilege = 1,
		.lc_transport = index >= LINE_VTY0 ? TRANSPORT_ALL :
		    TRANSPORT_NONE,
	};
}

void
line_cfg_clear(struct line_cfg *lc)
{
	free(lc->lc_password);
	lc->lc_password = NULL;
}
