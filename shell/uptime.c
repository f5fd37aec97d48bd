/*
 * uptime: IOS's wordings of time since boot.  `show version` names each
 * non-zero unit from years down and always ends with minutes; log stamps
 * switch format at a day and at a week.
 */
#include "shell/uptime.h"

#define MIN_MS		60000ULL
#define HOUR_MIN	60ULL
#define DAY_MIN		(24 * HOUR_MIN)
#define WEEK_MIN	(7 * DAY_MIN)
#define YEAR_MIN	(365 * DAY_MIN)

static void
unit(struct strbuf *sb, unsigned long long n, const char *name, bool last)
{
	if (n == 0 && !last)
		return;
	strbuf_printf(sb, "%llu %s%s%s", n, name, n == 1 ? "" : "s",
	    last ? "" : ", ");
}

void
uptime_words(uint64_t ms, struct strbuf *sb)
{
	unsigned long long	m = ms / MIN_MS;

	unit(sb, m / YEAR_MIN, "year", false);
	m %= YEAR_MIN;
	unit(sb, m / WEEK_MIN, "week", false);
	m %= WEEK_MIN;
	unit(sb, m / DAY_MIN, "day", false);
	m %= DAY_MIN;
	unit(sb, m / HOUR_MIN, "hour", false);
	unit(sb, m % HOUR_MIN, "minute", true);
}

void
uptime_compact(uint64_t ms, struct strbuf *sb)
{
	unsigned long long	s = ms / 1000, h = s / 3600, d = h / 24;

	if (d == 0)
		strbuf_printf(sb, "%02llu:%02llu:%02llu", h, s / 60 % 60,
		    s % 60);
	else if (d < 7)
		strbuf_printf(sb, "%llud%02lluh", d, h % 24);
	else
		strbuf_printf(sb, "%lluw%llud", d / 7, d % 7);
}
