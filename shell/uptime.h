/*
 * uptime: the two ways IOS writes how long it has been up: in words for
 * `show version` ("2 hours, 5 minutes") and compactly for log stamps
 * ("00:00:42", "1d02h", "1w2d").
 */
#ifndef IOSH_SHELL_UPTIME_H
#define IOSH_SHELL_UPTIME_H

#include <stdbool.h>
#include <stdint.h>

#include "lib/strbuf.h"

void	uptime_words(uint64_t ms, struct strbuf *);
void	uptime_compact(uint64_t ms, struct strbuf *);

#endif
