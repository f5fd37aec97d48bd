/*
 * wire_mem: a medium in memory, for tests and benchmarks that run the
 * whole packet path without a system call.  `mem:NAME` (NAME is only a
 * label, it seeds the MAC like any spec) has no descriptor: what the
 * router sends goes to the sink set with wire_mem_sink(), what the
 * caller hands to wire_mem_inject() arrives as if read from the medium.
 * No sink: frames sent are counted and dropped.
 */

#include "dataplane/wire_impl.h"

static int
mem_open(struct wire *w, const char *args, char *err, size_t errlen)
{
	static struct wire_mem_sink	none;

	(void)args;
	(void)err;
	(void)errlen;
	w->w_fd = -1;
	w->w_priv = &none;	/* replaced by wire_mem_sink */
	return 0;
}

static void
mem_read(struct wire *w)
{
	(void)w;
}

static int
mem_send(struct wire *w, const uint8_t *frame, size_t len)
{
	const struct wire_mem_sink	*ms = w->w_priv;

	if (ms->ms_fn != NULL)
		ms->ms_fn(ms->ms_arg, frame, len);
	return 0;
}

static void
mem_close(struct wire *w)
{
	(void)w;
}

const struct wire_ops wire_mem_ops = {
	.wo_kind = "mem",
	.wo_open = mem_open,
	.wo_read = mem_read,
	.wo_send = mem_send,
	.wo_close = mem_close,
};

int
wire_mem_sink(struct wire *w, struct wire_mem_sink *ms)
{
	if (w == NULL || w->w_ops != &wire_mem_ops)
		return -1;
	w->w_priv = ms;
	return 0;
}

int
wire_mem_inject(struct wire *w, const uint8_t *frame, size_t len)
{
	if (w == NULL || w->w_ops != &wire_mem_ops)
		return -1;
	wire_input(w, frame, len, len);
	return 0;
}

/* As a read batch of a descriptor's wire (wire_readable). */
int
wire_mem_inject_batch(struct wire *w, const uint8_t *const *frames,
    const size_t *lens, size_t n)
{
	if (w == NULL || w->w_ops != &wire_mem_ops)
		return -1;
	wire_read_begin(w);
	wire_input_burst(w, frames, NULL, lens, n);
	wire_read_end(w);
	return 0;
}
