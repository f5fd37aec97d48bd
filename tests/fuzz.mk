# libFuzzer smoke runs of the fuzz targets (fuzz/run.sh builds them).
TESTS += tests/fuzz_smoke.sh
EXTRA_DIST += tests/fuzz_smoke.sh fuzz/run.sh fuzz/reach.h fuzz/mkseeds.py \
	fuzz/campaign.sh \
	fuzz/fuzz_cmdline.c fuzz/fuzz_config.c fuzz/fuzz_isakmp.c \
	fuzz/fuzz_ike.c fuzz/corpus/isakmp fuzz/corpus/ike \
	fuzz/fuzz_ikex.c fuzz/corpus/ikex \
	fuzz/fuzz_esp.c fuzz/corpus/esp fuzz/fuzz_net.c fuzz/corpus/net \
	fuzz/fuzz_telnet.c fuzz/corpus/telnet \
	fuzz/fuzz_dhcp.c fuzz/corpus/dhcp \
	fuzz/corpus/cmdline/s1 fuzz/corpus/cmdline/s2 fuzz/corpus/cmdline/s3 \
	fuzz/corpus/cmdline/s4 fuzz/corpus/cmdline/s5 fuzz/corpus/cmdline/s6 \
	fuzz/corpus/cmdline/s7 \
	fuzz/corpus/config/000-siteb fuzz/corpus/config/001-r1 \
	fuzz/corpus/config/001-r2 fuzz/corpus/config/002-hub \
	fuzz/corpus/config/002-spoke fuzz/corpus/config/003-r2 \
	fuzz/corpus/config/003-r3 fuzz/corpus/config/004-r1 \
	fuzz/corpus/config/004-r2
clean-local: clean-fuzz
clean-fuzz:
	rm -rf fuzz-out fuzz-out.*.log
