# Benchmarks: `make bench` runs each and prints its ratios.  They are not
# tests (figures depend on the machine); `make check` does not run them.
BENCHES = bench/config_load.sh bench/config_corpus.sh bench/iperf_interop.sh \
	bench/ike_setup_interop.sh
# ike_setup_interop.sh drives strongSwan's charon over vici with this;
# both strongSwan benches start charon with charon_lib.sh.
EXTRA_DIST += bench/vici_setups.py bench/charon_lib.sh
# Programs built only for `make bench`: crypto/ primitives beside plain
# OpenSSL in the same run (bench/dh_bench.c, bench/esp_bench.c), and IKE
# setups between two routers beside the DH bound (bench/ike_bench.c).
# Captures whose repositories state no licence: listed, fetched on demand.
EXTRA_DIST += bench/config_corpus.fetch bench/config_corpus_fetch.sh
BENCH_PROGS = bench/dh_bench bench/esp_bench bench/ike_bench \
	bench/fastpath_bench bench/esp_alg_bench bench/nat_bench \
	bench/scale_bench
EXTRA_PROGRAMS = $(BENCH_PROGS)
bench_dh_bench_SOURCES = bench/dh_bench.c bench/benchlib.c bench/benchlib.h
bench_dh_bench_LDADD = libiosh.a $(CRYPTO_LIBS)
bench_esp_bench_SOURCES = bench/esp_bench.c bench/benchlib.c bench/benchlib.h
bench_esp_bench_LDADD = libiosh.a $(CRYPTO_LIBS)
# The transforms of issue 17 (GCM, GMAC, SHA-2 HMACs, null) beside EVP.
bench_esp_alg_bench_SOURCES = bench/esp_alg_bench.c bench/benchlib.c \
	bench/benchlib.h
bench_esp_alg_bench_LDADD = libiosh.a $(CRYPTO_LIBS)
# esp-seal beside Crypto++'s SEAL (test-only dependency, as check_seal).
if HAVE_CRYPTOPP
BENCH_PROGS += bench/seal_bench
bench_seal_bench_SOURCES = bench/seal_bench.c bench/benchlib.c \
	bench/benchlib.h tests/seal_cryptopp.cc
bench_seal_bench_CXXFLAGS = $(CRYPTOPP_CFLAGS)
bench_seal_bench_LDADD = libiosh.a $(CRYPTO_LIBS) $(CRYPTOPP_LIBS)
else
EXTRA_DIST += bench/seal_bench.c
endif
bench_ike_bench_SOURCES = bench/ike_bench.c bench/benchlib.c bench/benchlib.h \
	tests/memlab.c tests/memlab.h
bench_ike_bench_LDADD = libiosh.a $(READLINE_LIBS) $(CRYPTO_LIBS) \
	$(PCAP_LIBS) $(TELNET_LIBS) $(PCRE2_LIBS)
# The whole ESP data path in memory beside esp.c, and the outbound
# lookup at 1, 1,000 and 50,000 flows (bench/fastpath_bench.c).
bench_fastpath_bench_SOURCES = bench/fastpath_bench.c bench/benchlib.c \
	bench/benchlib.h tests/memlab.c tests/memlab.h
bench_fastpath_bench_LDADD = libiosh.a $(READLINE_LIBS) $(CRYPTO_LIBS) \
	$(PCAP_LIBS) $(TELNET_LIBS) $(PCRE2_LIBS)
# PAT: translations made per second, and a packet's translation with 100
# and 100,000 translations in the table (bench/nat_bench.c).
bench_nat_bench_SOURCES = bench/nat_bench.c bench/benchlib.c \
	bench/benchlib.h
bench_nat_bench_LDADD = libiosh.a $(READLINE_LIBS) $(CRYPTO_LIBS) \
	$(PCAP_LIBS) $(TELNET_LIBS) $(PCRE2_LIBS)
# N spokes against one hub: setup rate, memory per tunnel, show times
# over all of them (bench/scale_bench.c).
bench_scale_bench_SOURCES = bench/scale_bench.c bench/benchlib.c \
	bench/benchlib.h tests/memlab.c tests/memlab.h tests/spokes.c \
	tests/spokes.h tests/spoke_esp.c tests/spoke_esp.h
bench_scale_bench_LDADD = libiosh.a $(READLINE_LIBS) $(CRYPTO_LIBS) \
	$(PCAP_LIBS) $(TELNET_LIBS) $(PCRE2_LIBS)
CLEANFILES = $(BENCH_PROGS)
EXTRA_DIST += $(BENCHES) bench/local.mk
bench: all $(BENCH_PROGS)
	@for b in $(BENCHES); do \
		IOSH=$(abs_top_builddir)/iosh \
		IKE_BENCH=$(abs_top_builddir)/bench/ike_bench \
		$(SHELL) $(srcdir)/$$b || exit 1; \
	done
	@for b in $(BENCH_PROGS); do ./$$b || exit 1; done
.PHONY: bench
