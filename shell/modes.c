/*
 * modes: access to the mode table of grammar/modes.c, which is data only.
 */
#include "grammar/modes.h"

const struct mode_info *
mode_info(mode_id id)
{
	return &mode_table[id];
}
