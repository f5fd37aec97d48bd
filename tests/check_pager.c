/*
 * Unit tests for shell/pager.c: screen sizes, the keys typed at --More--
 * and the exact bytes written, erase sequence included.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shell/pager.h"

#define MORE	" --More-- "
#define ERASE	"\r          \r"

/* Queue "line 1\n" .. "line N\n". */
static void
add_lines(struct pager *pg, int n)
{
	char	buf[32];
	int	i, len;

	for (i = 1; i <= n; i++) {
		len = snprintf(buf, sizeof(buf), "line %d\n", i);
		pager_add(pg, buf, (size_t)len);
	}
}

/* "line FROM\n" .. "line TO\n", for comparing against what was shown. */
static void
expect_lines(struct strbuf *sb, int from, int to)
{
	for (; from <= to; from++)
		strbuf_printf(sb, "line %d\n", from);
}

START_TEST(test_erase_sequence)
{
	/* The erase must blank every column of the --More-- prompt. */
	ck_assert_str_eq(PAGER_MORE, MORE);
	ck_assert_str_eq(PAGER_ERASE, ERASE);
	ck_assert_uint_eq(strlen(PAGER_ERASE), strlen(PAGER_MORE) + 2);
	ck_assert_uint_eq(strspn(PAGER_ERASE + 1, " "), strlen(PAGER_MORE));
}
END_TEST

START_TEST(test_length_zero)
{
	struct pager	pg;
	struct strbuf	out, want;

	pager_init(&pg);
	strbuf_init(&out);
	strbuf_init(&want);
	add_lines(&pg, 100);
	ck_assert(pager_pending(&pg));
	ck_assert(!pager_start(&pg, 0, &out));
	expect_lines(&want, 1, 100);
	ck_assert_str_eq(out.sb_buf, want.sb_buf);
	ck_assert(!pager_pending(&pg));
	strbuf_free(&want);
	strbuf_free(&out);
	pager_free(&pg);
}
END_TEST

START_TEST(test_shorter_than_page)
{
	struct pager	pg;
	struct strbuf	out;

	pager_init(&pg);
	strbuf_init(&out);
	add_lines(&pg, 5);
	ck_assert(!pager_start(&pg, 24, &out));
	ck_assert_str_eq(out.sb_buf,
	    "line 1\nline 2\nline 3\nline 4\nline 5\n");
	ck_assert(!pager_pending(&pg));
	/* A key after the pager is done is not its business. */
	strbuf_reset(&out);
	ck_assert(!pager_key(&pg, ' ', &out));
	ck_assert_str_eq(out.sb_buf, "");
	strbuf_free(&out);
	pager_free(&pg);
}
END_TEST

START_TEST(test_exactly_one_screen)
{
	struct pager	pg;
	struct strbuf	out;

	pager_init(&pg);
	strbuf_init(&out);
	/* 23 lines fill a 24-row screen without a --More-- row. */
	add_lines(&pg, 23);
	ck_assert(!pager_start(&pg, 24, &out));
	ck_assert_ptr_null(strstr(out.sb_buf, "More"));
	strbuf_free(&out);
	pager_free(&pg);
}
END_TEST

START_TEST(test_nothing_queued)
{
	struct pager	pg;
	struct strbuf	out;

	pager_init(&pg);
	strbuf_init(&out);
	ck_assert(!pager_pending(&pg));
	ck_assert(!pager_start(&pg, 24, &out));
	ck_assert_str_eq(out.sb_buf, "");
	strbuf_free(&out);
	pager_free(&pg);
}
END_TEST

START_TEST(test_length_24_space)
{
	struct pager	pg;
	struct strbuf	out, want;

	pager_init(&pg);
	strbuf_init(&out);
	strbuf_init(&want);
	add_lines(&pg, 50);
	ck_assert(pager_start(&pg, 24, &out));
	expect_lines(&want, 1, 23);
	strbuf_puts(&want, MORE);
	ck_assert_str_eq(out.sb_buf, want.sb_buf);

	strbuf_reset(&out);
	strbuf_reset(&want);
	ck_assert(pager_key(&pg, ' ', &out));
	strbuf_puts(&want, ERASE);
	expect_lines(&want, 24, 46);
	strbuf_puts(&want, MORE);
	ck_assert_str_eq(out.sb_buf, want.sb_buf);

	strbuf_reset(&out);
	strbuf_reset(&want);
	ck_assert(!pager_key(&pg, ' ', &out));
	strbuf_puts(&want, ERASE);
	expect_lines(&want, 47, 50);
	ck_assert_str_eq(out.sb_buf, want.sb_buf);
	ck_assert(!pager_pending(&pg));
	strbuf_free(&want);
	strbuf_free(&out);
	pager_free(&pg);
}
END_TEST

START_TEST(test_enter_one_line)
{
	struct pager	pg;
	struct strbuf	out;

	pager_init(&pg);
	strbuf_init(&out);
	add_lines(&pg, 10);
	ck_assert(pager_start(&pg, 5, &out));
	ck_assert_str_eq(out.sb_buf,
	    "line 1\nline 2\nline 3\nline 4\n" MORE);
	strbuf_reset(&out);
	ck_assert(pager_key(&pg, '\r', &out));
	ck_assert_str_eq(out.sb_buf, ERASE "line 5\n" MORE);
	strbuf_reset(&out);
	ck_assert(pager_key(&pg, '\n', &out));
	ck_assert_str_eq(out.sb_buf, ERASE "line 6\n" MORE);
	strbuf_reset(&out);
	ck_assert(!pager_key(&pg, ' ', &out));
	ck_assert_str_eq(out.sb_buf,
	    ERASE "line 7\nline 8\nline 9\nline 10\n");
	strbuf_free(&out);
	pager_free(&pg);
}
END_TEST

/* q, Q and any other key stop the output and discard the rest. */
static const int stop_keys[] = { 'q', 'Q', 'x', 0x03, 0x1b, '\t', 'y' };

START_TEST(test_stop_keys)
{
	struct pager	pg;
	struct strbuf	out;

	pager_init(&pg);
	strbuf_init(&out);
	add_lines(&pg, 10);
	ck_assert(pager_start(&pg, 5, &out));
	strbuf_reset(&out);
	ck_assert(!pager_key(&pg, stop_keys[_i], &out));
	ck_assert_str_eq(out.sb_buf, ERASE);
	ck_assert(!pager_pending(&pg));
	/* The next command's output starts from a clean queue. */
	strbuf_reset(&out);
	pager_add(&pg, "next\n", 5);
	ck_assert(!pager_start(&pg, 5, &out));
	ck_assert_str_eq(out.sb_buf, "next\n");
	strbuf_free(&out);
	pager_free(&pg);
}
END_TEST

START_TEST(test_length_one)
{
	struct pager	pg;
	struct strbuf	out;

	pager_init(&pg);
	strbuf_init(&out);
	add_lines(&pg, 3);
	ck_assert(pager_start(&pg, 1, &out));
	ck_assert_str_eq(out.sb_buf, "line 1\n" MORE);
	strbuf_reset(&out);
	ck_assert(pager_key(&pg, ' ', &out));
	ck_assert_str_eq(out.sb_buf, ERASE "line 2\n" MORE);
	strbuf_reset(&out);
	ck_assert(!pager_key(&pg, ' ', &out));
	ck_assert_str_eq(out.sb_buf, ERASE "line 3\n");
	strbuf_free(&out);
	pager_free(&pg);
}
END_TEST

START_TEST(test_length_two)
{
	struct pager	pg;
	struct strbuf	out;

	pager_init(&pg);
	strbuf_init(&out);
	add_lines(&pg, 3);
	ck_assert(pager_start(&pg, 2, &out));
	ck_assert_str_eq(out.sb_buf, "line 1\n" MORE);
	strbuf_reset(&out);
	ck_assert(pager_key(&pg, '\r', &out));
	ck_assert_str_eq(out.sb_buf, ERASE "line 2\n" MORE);
	strbuf_reset(&out);
	ck_assert(!pager_key(&pg, ' ', &out));
	ck_assert_str_eq(out.sb_buf, ERASE "line 3\n");
	strbuf_free(&out);
	pager_free(&pg);
}
END_TEST

START_TEST(test_no_trailing_newline)
{
	struct pager	pg;
	struct strbuf	out;

	pager_init(&pg);
	strbuf_init(&out);
	pager_add(&pg, "a\nb\nc", 5);
	ck_assert(!pager_start(&pg, 24, &out));
	ck_assert_str_eq(out.sb_buf, "a\nb\nc");

	/* The unterminated last line is a line of its own screen. */
	strbuf_reset(&out);
	pager_add(&pg, "a\nb\nc", 5);
	ck_assert(pager_start(&pg, 3, &out));
	ck_assert_str_eq(out.sb_buf, "a\nb\n" MORE);
	strbuf_reset(&out);
	ck_assert(!pager_key(&pg, '\r', &out));
	ck_assert_str_eq(out.sb_buf, ERASE "c");
	ck_assert(!pager_pending(&pg));
	strbuf_free(&out);
	pager_free(&pg);
}
END_TEST

START_TEST(test_long_line)
{
	struct pager	 pg;
	struct strbuf	 out, want;
	char		*line;

	pager_init(&pg);
	strbuf_init(&out);
	strbuf_init(&want);
	/* 1000 columns wrap on any screen, yet count as one line. */
	line = malloc(1001);
	ck_assert_ptr_nonnull(line);
	memset(line, 'x', 1000);
	line[1000] = '\n';
	pager_add(&pg, line, 1001);
	pager_add(&pg, "short\n", 6);
	pager_add(&pg, line, 1001);
	ck_assert(pager_start(&pg, 3, &out));
	strbuf_add(&want, line, 1001);
	strbuf_puts(&want, "short\n" MORE);
	ck_assert_str_eq(out.sb_buf, want.sb_buf);
	strbuf_reset(&out);
	strbuf_reset(&want);
	ck_assert(!pager_key(&pg, ' ', &out));
	strbuf_puts(&want, ERASE);
	strbuf_add(&want, line, 1001);
	ck_assert_str_eq(out.sb_buf, want.sb_buf);
	free(line);
	strbuf_free(&want);
	strbuf_free(&out);
	pager_free(&pg);
}
END_TEST

START_TEST(test_blank_lines)
{
	struct pager	pg;
	struct strbuf	out;

	pager_init(&pg);
	strbuf_init(&out);
	/* Empty lines are lines too. */
	pager_add(&pg, "\n\n\nx\n", 5);
	ck_assert(pager_start(&pg, 3, &out));
	ck_assert_str_eq(out.sb_buf, "\n\n" MORE);
	strbuf_reset(&out);
	ck_assert(!pager_key(&pg, ' ', &out));
	ck_assert_str_eq(out.sb_buf, ERASE "\nx\n");
	strbuf_free(&out);
	pager_free(&pg);
}
END_TEST

static Suite *
pager_suite(void)
{
	Suite	*s;
	TCase	*tc;

	s = suite_create("pager");
	tc = tcase_create("pager");
	tcase_add_test(tc, test_erase_sequence);
	tcase_add_test(tc, test_length_zero);
	tcase_add_test(tc, test_shorter_than_page);
	tcase_add_test(tc, test_exactly_one_screen);
	tcase_add_test(tc, test_nothing_queued);
	tcase_add_test(tc, test_length_24_space);
	tcase_add_test(tc, test_enter_one_line);
	tcase_add_loop_test(tc, test_stop_keys, 0,
	    (int)(sizeof(stop_keys) / sizeof(stop_keys[0])));
	tcase_add_test(tc, test_length_one);
	tcase_add_test(tc, test_length_two);
	tcase_add_test(tc, test_no_trailing_newline);
	tcase_add_test(tc, test_long_line);
	tcase_add_test(tc, test_blank_lines);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr;
	int	 failed;

	sr = srunner_create(pager_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
