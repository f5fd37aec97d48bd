# Benchmarks: `make bench` runs each and prints its ratios.  They are not
# tests (figures depend on the machine); `make check` does not run them.
BENCHES = bench/config_load.sh
EXTRA_DIST += $(BENCHES) bench/local.mk
bench: all
	@for b in $(BENCHES); do \
		IOSH=$(abs_top_builddir)/iosh $(SHELL) $(srcdir)/$$b || exit 1; \
	done
.PHONY: bench
