/* slotlines: lines in IOS's render order (lib/slotlines.h). */
#include <stdlib.h>
#include <string.h>

#include "lib/slotlines.h"
#include "lib/xalloc.h"

void
slotlines_free(struct slotlines *ss)
{
	size_t	i;

	for (i = 0; i < ss->ss_n; i++) {
		free(ss->ss_l[i].sl_key);
		free(ss->ss_l[i].sl_text);
	}
	free(ss->ss_l);
	memset(ss, 0, sizeof(*ss));
}

void
slotlines_set(struct slotlines *ss, unsigned rank, const char *key,
    const char *text)
{
	size_t	i, at;

	for (i = 0; i < ss->ss_n; i++)
		if (ss->ss_l[i].sl_rank == rank && (key == NULL ||
		    (ss->ss_l[i].sl_key != NULL &&
		    strcmp(ss->ss_l[i].sl_key, key) == 0))) {
			free(ss->ss_l[i].sl_key);
			free(ss->ss_l[i].sl_text);
			memmove(&ss->ss_l[i], &ss->ss_l[i + 1],
			    (ss->ss_n - i - 1) * sizeof(*ss->ss_l));
			ss->ss_n--;
			break;
		}
	if (text == NULL)
		return;
	for (at = 0; at < ss->ss_n && ss->ss_l[at].sl_rank <= rank; at++)
		;
	ss->ss_l = xreallocarray(ss->ss_l, ss->ss_n + 1, sizeof(*ss->ss_l));
	memmove(&ss->ss_l[at + 1], &ss->ss_l[at],
	    (ss->ss_n - at) * sizeof(*ss->ss_l));
	ss->ss_l[at].sl_rank = rank;
	ss->ss_l[at].sl_key = key != NULL ? xstrdup(key) : NULL;
	ss->ss_l[at].sl_text = xstrdup(text);
	ss->ss_n++;
}
