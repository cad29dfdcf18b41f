// A directory given to `yusuan check`, `yusuan fmt` or `yusuan test` stands
// for every *.budget entry under it that is not a directory: one that cannot
// be read (a link that leads nowhere or to itself, a FIFO) is reported as
// when it is named on the command line (E0001, exit 2), never passed over.
#include "support/test_support.hpp"

#include <sys/stat.h>

using namespace yusuan_test;

namespace {

/// A directory with one budget that checks clean (a.budget) and three
/// *.budget entries that cannot be read: a link to nothing, a link to
/// itself, a FIFO (which must not be opened: reading it would never end).
struct unreadable_entries {
  temp_dir t;
  fs::path dir = t.path() / "budgets";
  unreadable_entries() {
    fs::create_directories(dir);
    fs::copy_file(small_path, dir / "a.budget");
    fs::create_symlink(t.path() / "nonexistent", dir / "b.budget");
    fs::create_symlink("c.budget", dir / "c.budget");
    EXPECT_EQ(::mkfifo((dir / "p.budget").c_str(), 0600), 0);
    fs::create_directories(dir / "d.budget");  // a directory so named is walked, not read
  }
};

}  // namespace

TEST(directory_walk, check_reports_the_entries_it_cannot_read) {
  const unreadable_entries u;
  const std::string d = u.dir.string();
  for (const std::string jobs : {"", "-j 1 ", "-j 3 "}) {
    const auto r = run_cli("check " + jobs + quote(u.dir));
    EXPECT_EQ(r.exit, 2) << jobs << r.err;
    EXPECT_EQ(r.err, d + "/b.budget: 1 error, 0 warnings — error[E0001]: cannot read '" + d +
                         "/b.budget': no such file\n" + d + "/c.budget: 1 error, 0 warnings — error[E0001]: cannot read '" +
                         d + "/c.budget': Too many levels of symbolic links\n" + d +
                         "/p.budget: 1 error, 0 warnings — error[E0001]: cannot read '" + d +
                         "/p.budget': not a regular file (a pipe or a device)\n"
                         "4 budgets checked: 1 ok, 0 with errors, 3 unreadable; 8 items, 1 project, 7 constraints in the 1 ok budget; "
                         "0 warnings\n")
        << jobs;
  }
  // the same files named in a list: the same report
  const temp_dir l;
  const auto list = l.write("all.list", d + "/a.budget\n" + d + "/b.budget\n" + d + "/c.budget\n" + d + "/p.budget\n");
  const auto listed = run_cli("check @" + quote(list));
  EXPECT_EQ(listed.exit, 2);
  EXPECT_EQ(listed.err, run_cli("check " + quote(u.dir)).err);
}

TEST(directory_walk, fmt_check_reports_the_first_entry_it_cannot_read) {
  const unreadable_entries u;
  const auto r = run_cli("fmt --check " + quote(u.dir));
  EXPECT_EQ(r.exit, 2) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_HAS(r.err, "error[E0001]: cannot read the file '" + u.dir.string() + "/b.budget': no such file");
}

TEST(directory_walk, test_reports_the_entries_it_cannot_read_as_errors) {
  const unreadable_entries u;
  const auto r = run_cli("test " + quote(u.dir));
  EXPECT_EQ(r.exit, 2) << r.err;
  const std::string d = u.dir.string();
  EXPECT_HAS(r.out, "ERROR   " + d + "/b.budget\n        cannot read '" + d + "/b.budget': no such file\n");
  EXPECT_HAS(r.out, "ERROR   " + d + "/c.budget\n        cannot read '" + d +
                        "/c.budget': Too many levels of symbolic links\n");
  EXPECT_HAS(r.out, "ERROR   " + d + "/p.budget\n        cannot read '" + d +
                        "/p.budget': not a regular file (a pipe or a device)\n");
  EXPECT_HAS(r.out, ", 3 errors\n");
}

TEST(directory_walk, check_passes_over_files_of_tests_and_says_so) {
  // a file of tests has shared statements, then 测试 blocks: it is no budget
  temp_dir t;
  const fs::path dir = t.path() / "budgets";
  fs::create_directories(dir / "tests");
  fs::copy_file(small_path, dir / "a.budget");
  const std::string tests = "# tests\n金额单位 万元\n\n测试 \"通过\" {\n  208 01 09 30101: 1.00\n  应 通过\n}\n";
  t.write("budgets/tests/t.budget", tests);
  auto r = run_cli("check --color never " + dir.string());
  EXPECT_EQ(r.exit, 0) << r.out << r.err;
  EXPECT_HAS(r.err, "note: 1 file of tests (测试) passed over: run them with yusuan test\n");
  EXPECT_HAS(r.err, "1 budget checked: 1 ok, 0 with errors;");
  // named on its own, it is one error that says what it is
  auto one = run_cli("check --color never " + (dir / "tests" / "t.budget").string());
  EXPECT_EQ(one.exit, 1) << one.err;
  EXPECT_HAS(one.err, "error[E0101]: syntax error: a test (测试) is no statement of a budget\n");
  EXPECT_HAS(one.err, "run with `yusuan test FILE`");
  EXPECT_HAS(one.err, ": 1 error, 0 warnings");
  // and yusuan test runs it from the directory
  EXPECT_EQ(run_cli("test " + dir.string()).exit, 0);
}
