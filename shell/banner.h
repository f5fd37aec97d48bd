/*
 * banner: `banner exec|incoming|login|motd c TEXT c`, stored and rendered
 * (iosh shows none of them: its console and vty lines print no banner).
 */
#ifndef IOSH_SHELL_BANNER_H
#define IOSH_SHELL_BANNER_H

#include "lib/strbuf.h"

enum banner_kind { BANNER_EXEC, BANNER_INCOMING, BANNER_LOGIN,
	BANNER_MOTD, BANNER_COUNT };

struct banners {
	char	*bn_text[BANNER_COUNT];	/* between the delimiters, or NULL */
};

void	banners_free(struct banners *);
/* As IOS prints them: the delimiter as ^C, in exec, incoming, login,
 * motd order. */
void	banners_nvgen(const struct banners *, struct strbuf *);

#endif
