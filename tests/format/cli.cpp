// yusuan fmt on the command line: printing, --check (a diff, exit 1),
// --write, --list, directories, standard input, what it refuses.
#include "support/test_support.hpp"

#include <sys/stat.h>

using namespace yusuan_test;

namespace {
const std::string messy = "年度 2024\n208 01 09 {\n30101: 1.00\n   30102:   12.00   # 注\n}\n";
const std::string tidy = "年度 2024\n208 01 09 {\n  30101:  1.00\n  30102: 12.00 # 注\n}\n";
}  // namespace

TEST(fmt_cli, prints_the_formatted_text) {
  temp_dir t;
  const auto f = t.write("a.budget", messy);
  const auto r = run_cli("fmt " + quote(f));
  EXPECT_EQ(r.exit, 0) << r.err;
  EXPECT_EQ(r.out, tidy);
  EXPECT_EQ(read_all(f), messy);  // the file is left as it was
  const auto in = run_cli_in({}, "fmt -", f);
  EXPECT_EQ(in.exit, 0) << in.err;
  EXPECT_EQ(in.out, tidy);
}

TEST(fmt_cli, check_prints_a_diff_and_fails_for_a_file_that_is_not_formatted) {
  temp_dir t;
  const auto bad = t.write("a.budget", messy);
  const auto good = t.write("b.budget", tidy);
  const auto ok = run_cli("fmt --check " + quote(good));
  EXPECT_EQ(ok.exit, 0) << ok.err;
  EXPECT_EQ(ok.out, "");
  const auto r = run_cli("fmt --check " + quote(good) + " " + quote(bad));
  EXPECT_EQ(r.exit, 1) << r.err;
  EXPECT_EQ(r.out, "--- " + bad.string() + "\n+++ " + bad.string() + " (formatted)\n" +
                       "@@ -1,5 +1,5 @@\n"
                       " 年度 2024\n"
                       " 208 01 09 {\n"
                       "-30101: 1.00\n"
                       "-   30102:   12.00   # 注\n"
                       "+  30101:  1.00\n"
                       "+  30102: 12.00 # 注\n"
                       " }\n");
  EXPECT_EQ(read_all(bad), messy);
}

TEST(fmt_cli, check_says_when_line_ends_differ) {
  // every line shows as changed and looks the same: the report says why
  temp_dir t;
  const auto crlf = t.write("crlf.budget", "金额单位 元\r\n208 01 09 30101: 1.00\r\n");
  const auto r = run_cli("fmt --check " + quote(crlf));
  EXPECT_EQ(r.exit, 1) << r.err;
  EXPECT_TRUE(r.out.starts_with(crlf.string() + ": its lines end in CR LF (or CR); the formatted file's end in LF\n")) << r.out;
  // a byte order mark is kept: a file with one and nothing else to change is formatted
  const auto bom = t.write("bom.budget", "\xEF\xBB\xBF金额单位 元\n208 01 09 30101: 1.00\n");
  EXPECT_EQ(run_cli("fmt --check " + quote(bom)).exit, 0);
}

TEST(fmt_cli, write_rewrites_only_the_files_that_are_not_formatted) {
  temp_dir t;
  const auto bad = t.write("dir/a.budget", messy);
  const auto good = t.write("dir/sub/b.budget", tidy);
  t.write("dir/notes.txt", messy);
  ::chmod(bad.c_str(), 0640);
  const auto before = fs::last_write_time(good);
  const auto list = run_cli("fmt --list " + quote(t.path() / "dir"));
  EXPECT_EQ(list.exit, 1) << list.err;  // a file is not formatted
  EXPECT_EQ(list.out, bad.string() + "\n");
  const auto r = run_cli("fmt --write " + quote(t.path() / "dir"));
  EXPECT_EQ(r.exit, 0) << r.err;
  EXPECT_EQ(read_all(bad), tidy);
  EXPECT_EQ(read_all(good), tidy);
  EXPECT_EQ(fs::last_write_time(good), before);
  EXPECT_EQ(read_all(t.path() / "dir/notes.txt"), messy);
  EXPECT_EQ(fs::status(bad).permissions() & fs::perms::all, fs::perms(0640));
  EXPECT_EQ(run_cli("fmt --check " + quote(t.path() / "dir")).exit, 0);
  const auto none = run_cli("fmt --list " + quote(t.path() / "dir"));
  EXPECT_EQ(none.exit, 0) << none.err;
  EXPECT_EQ(none.out, "");
}

TEST(fmt_cli, a_file_that_does_not_parse_is_reported_and_left_alone) {
  temp_dir t;
  const std::string broken = "年度 2024\n收入 一般公共预算 abc\n";
  const auto f = t.write("a.budget", broken);
  for (const char* mode : {"", "--check ", "--write "}) {
    const auto r = run_cli(std::string("fmt ") + mode + quote(f));
    EXPECT_EQ(r.exit, 1) << mode;
    EXPECT_HAS(r.err, "error[E0101]: syntax error: expected an amount");
    EXPECT_HAS(r.err, "a.budget:2:");
    EXPECT_EQ(read_all(f), broken);
  }
}

TEST(fmt_cli, spelling_rewrites_the_keywords) {
  temp_dir t;
  const auto f = t.write("a.budget", "年度 2024\n核对 支出合计 = 0 警告\n");
  const auto en = run_cli("fmt --spelling en " + quote(f));
  EXPECT_EQ(en.exit, 0) << en.err;
  EXPECT_EQ(en.out, "year 2024\nexpect 支出合计 = 0 warning\n");
  const auto bad = run_cli("fmt --spelling fr " + quote(f));
  EXPECT_EQ(bad.exit, 2);
  EXPECT_HAS(bad.err, "--spelling must be one of zh, en, as-written, not 'fr'");
}

TEST(fmt_cli, usage_and_input_errors_exit_with_2) {
  temp_dir t;
  const auto f = t.write("a.budget", tidy);
  EXPECT_EQ(run_cli("fmt").exit, 2);
  EXPECT_EQ(run_cli("fmt --check --write " + quote(f)).exit, 2);
  EXPECT_EQ(run_cli("fmt --write -").exit, 2);
  const auto missing = run_cli("fmt " + quote(t.path() / "nope.budget"));
  EXPECT_EQ(missing.exit, 2);
  EXPECT_HAS(missing.err, "no such file");
  const fs::path fifo = t.path() / "pipe.budget";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const auto pipe = run_cli("fmt " + quote(fifo));
  EXPECT_EQ(pipe.exit, 2);
  EXPECT_HAS(pipe.err, "not a regular file");
  const auto full = run_cli("fmt " + quote(f) + " -o /dev/full");
  EXPECT_EQ(full.exit, 2);
  // a file that is not UTF-8, as for check: the byte, its line, how to convert; the bytes never shown
  const auto gbk = t.write("gbk.budget", "# ok\n\xb1\xea\xcc\xe2 \"x\"\n");
  for (const std::string c : {"fmt ", "fmt --check "}) {
    const auto r = run_cli(c + quote(gbk));
    EXPECT_EQ(r.exit, 2) << c;
    EXPECT_HAS(r.err, "error[E0002]: '" + gbk.string() + "' is not UTF-8 (byte 0xb1 at line 2)\n");
    EXPECT_HAS(r.err, "iconv -f GBK -t UTF-8");
    EXPECT_EQ(r.err.find("\xb1"), std::string::npos) << r.err;
  }
  const auto help = run_cli("fmt --help");
  EXPECT_EQ(help.exit, 0);
  EXPECT_HAS(help.out, "Usage: yusuan fmt");
}

TEST(fmt_cli, write_goes_through_symbolic_and_hard_links) {
  temp_dir t;
  const auto real = t.write("real.budget", messy);
  fs::create_symlink("real.budget", t.path() / "link.budget");
  const auto r = run_cli("fmt --write " + quote(t.path() / "link.budget"));
  EXPECT_EQ(r.exit, 0) << r.err;
  EXPECT_TRUE(fs::is_symlink(t.path() / "link.budget"));
  EXPECT_EQ(read_all(real), tidy);
  const auto other = t.write("other.budget", messy);
  fs::create_hard_link(other, t.path() / "hard.budget");
  EXPECT_EQ(run_cli("fmt --write " + quote(other)).exit, 0);
  EXPECT_EQ(read_all(t.path() / "hard.budget"), tidy);
}

