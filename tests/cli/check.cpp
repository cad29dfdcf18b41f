// `yusuan check`: exit codes (0 clean, 1 budget errors, 2 I/O and usage errors),
// text and JSON output, --werror, --max-errors, --help and --version.
#include "support/test_support.hpp"
#include "support/json.hpp"

using namespace yusuan_test;

TEST(check_cli, ok_budget_exits_0) {
  auto r = run_cli("check tests/data/small.budget");
  EXPECT_EQ(r.exit, 0) << r.err;
  EXPECT_HAS(r.err, "tests/data/small.budget: ok: 8 items, 1 project, 7 constraints checked");
  EXPECT_EQ(r.out, "");
  auto q = run_cli("check -q tests/data/small.budget");
  EXPECT_EQ(q.exit, 0);
  EXPECT_EQ(q.err, "");
}

TEST(check_cli, budget_error_exits_1) {
  auto r = run_cli("check tests/data/dsl/cli_error.budget");
  EXPECT_EQ(r.exit, 1) << r.err;
  EXPECT_HAS(r.err, "error[E0401]: stated total 10.00 differs from the sum of its items 9.00");
  EXPECT_HAS(r.err, "--> tests/data/dsl/cli_error.budget:3:1");
  EXPECT_HAS(r.err, "tests/data/dsl/cli_error.budget: 1 error, 0 warnings");
}

TEST(check_cli, several_files) {
  auto r = run_cli("check tests/data/small.budget tests/data/dsl/cli_error.budget");
  EXPECT_EQ(r.exit, 1) << r.err;
  auto m = run_cli("check tests/data/dsl/cli_error.budget tests/data/dsl/no_such_file.budget");
  EXPECT_EQ(m.exit, 2) << m.err;  // I/O errors win
}

TEST(check_cli, missing_file_exits_2) {
  auto r = run_cli("check tests/data/dsl/no_such_file.budget");
  EXPECT_EQ(r.exit, 2) << r.err;
  EXPECT_HAS(r.err, "error[E0001]: cannot read 'tests/data/dsl/no_such_file.budget': no such file");
}

TEST(check_cli, not_utf8_exits_2) {
  temp_dir t;
  const auto p = t.write("gbk.budget", gbk_title);
  auto r = run_cli("check " + quote(p));
  EXPECT_EQ(r.exit, 2) << r.err;
  EXPECT_HAS(r.err, "error[E0002]");
  EXPECT_HAS(r.err, "iconv -f GBK -t UTF-8");
}

TEST(check_cli, usage_errors_exit_2) {
  auto unknown = run_cli("check --frobnicate tests/data/small.budget");
  EXPECT_EQ(unknown.exit, 2);
  EXPECT_HAS(unknown.err, "unknown option '--frobnicate'");
  auto nofile = run_cli("check");
  EXPECT_EQ(nofile.exit, 2);
  EXPECT_HAS(nofile.err, "check needs at least one budget file");
  auto nothing = run_cli("");
  EXPECT_EQ(nothing.exit, 2);
  EXPECT_HAS(nothing.err, "Usage: yusuan");
  auto command = run_cli("frobnicate");
  EXPECT_EQ(command.exit, 2);
  EXPECT_HAS(command.err, "unknown command 'frobnicate'");
  auto format = run_cli("check --format xml tests/data/small.budget");
  EXPECT_EQ(format.exit, 2);
  EXPECT_HAS(format.err, "--format must be one of text, json");
  auto max = run_cli("check --max-errors -1 tests/data/small.budget");
  EXPECT_EQ(max.exit, 2);
  EXPECT_HAS(max.err, "--max-errors needs a whole number (0: no limit), not '-1'");
  auto missing_value = run_cli("check tests/data/small.budget --format");
  EXPECT_EQ(missing_value.exit, 2);
  EXPECT_HAS(missing_value.err, "--format needs a value");
}

TEST(check_cli, werror) {
  auto w = run_cli("check tests/data/dsl/cli_warning.budget");
  EXPECT_EQ(w.exit, 0) << w.err;
  EXPECT_HAS(w.err, "warning[W0501]: 基本支出超过 8.00 万元");
  EXPECT_HAS(w.err, "1 warning");
  auto e = run_cli("check --werror tests/data/dsl/cli_warning.budget");
  EXPECT_EQ(e.exit, 1) << e.err;
  EXPECT_HAS(e.err, "error[W0501]");
  // of several, the summary counts the items of the budgets still ok (it counted the one --werror failed)
  auto many = run_cli(std::string("check --werror -j 1 ") + small_path + " tests/data/dsl/cli_warning.budget");
  EXPECT_EQ(many.exit, 1) << many.err;
  EXPECT_HAS(many.err, "2 budgets checked: 1 ok, 1 with errors; 8 items, 1 project, 7 constraints in the 1 ok budget");
}

TEST(check_cli, a_budget_named_twice_is_checked_and_counted_once) {
  // a line repeated in a list, a path and another path of the same file: counted twice before
  temp_dir t;
  const std::string small = fs::absolute(small_path).string();  // a list's paths are relative to the list
  const auto list = t.write("budgets.list", small + "\n" + small + "\n" + fs::absolute("tests/data/../data/small.budget").string() + "\n");
  const auto r = run_cli("check @" + list.string());
  EXPECT_EQ(r.exit, 0) << r.err;
  EXPECT_HAS(r.err, "note: " + small + " and 1 more are named more than once: each checked once\n");
  EXPECT_HAS(r.err, "1 budget checked: 1 ok, 0 with errors; 8 items, 1 project, 7 constraints");
}

TEST(check_cli, json_output) {
  auto r = run_cli("check --format json tests/data/dsl/cli_error.budget tests/data/dsl/cli_warning.budget");
  EXPECT_EQ(r.exit, 1) << r.err;
  json doc;
  ASSERT_TRUE(json_reader(r.out).read(doc)) << r.out;
  ASSERT_EQ(doc.type, json::kind::array);
  ASSERT_EQ(doc.array.size(), 2u) << r.out;
  for (const auto& d : doc.array) {
    ASSERT_EQ(d.type, json::kind::object);
    for (const char* key : {"severity", "code", "message", "file", "line", "column", "notes", "expected", "found", "label"})
      EXPECT_NE(d.get(key), nullptr) << key << " in " << r.out;
  }
  const auto& e = doc.array[0];
  EXPECT_EQ(e.get("severity")->string, "error");
  EXPECT_EQ(e.get("code")->string, "E0401");
  EXPECT_EQ(e.get("message")->string, "stated total 10.00 differs from the sum of its items 9.00");
  EXPECT_EQ(e.get("file")->string, "tests/data/dsl/cli_error.budget");
  EXPECT_EQ(e.get("line")->number, 3);
  EXPECT_EQ(e.get("column")->number, 1);
  EXPECT_EQ(e.get("expected")->string, "10.00");
  ASSERT_EQ(e.get("notes")->type, json::kind::array);
  ASSERT_EQ(e.get("notes")->array.size(), 2u);
  const auto& n = e.get("notes")->array[0];
  EXPECT_EQ(n.get("message")->string, "208 01 09 30101 4.00");
  EXPECT_EQ(n.get("file")->string, "tests/data/dsl/cli_error.budget");
  EXPECT_EQ(n.get("line")->number, 4);
  EXPECT_EQ(n.get("column")->number, 3);
  const auto& w = doc.array[1];
  EXPECT_EQ(w.get("severity")->string, "warning");
  EXPECT_EQ(w.get("code")->string, "W0501");
  EXPECT_EQ(w.get("message")->string, "基本支出超过 8.00 万元");
  EXPECT_EQ(w.get("file")->string, "tests/data/dsl/cli_warning.budget");
  EXPECT_EQ(w.get("line")->number, 7);
  EXPECT_EQ(w.get("column")->number, 1);
}

TEST(check_cli, json_output_when_clean_is_an_empty_array) {
  auto r = run_cli("check --format=json tests/data/small.budget");
  EXPECT_EQ(r.exit, 0) << r.err;
  json doc;
  ASSERT_TRUE(json_reader(r.out).read(doc)) << r.out;
  ASSERT_EQ(doc.type, json::kind::array);
  EXPECT_TRUE(doc.array.empty());
}

TEST(check_cli, json_output_of_an_io_error) {
  auto r = run_cli("check --format json tests/data/dsl/no_such_file.budget");
  EXPECT_EQ(r.exit, 2);
  json doc;
  ASSERT_TRUE(json_reader(r.out).read(doc)) << r.out;
  ASSERT_EQ(doc.array.size(), 1u);
  EXPECT_EQ(doc.array[0].get("code")->string, "E0001");
  // no place in it, but the file it is about
  EXPECT_EQ(doc.array[0].get("file")->string, "tests/data/dsl/no_such_file.budget");
  EXPECT_EQ(doc.array[0].get("line")->number, 0);
}

TEST(check_cli, max_errors) {
  auto r = run_cli("check --format json --max-errors 3 tests/data/dsl/ten_syntax_errors.budget");
  EXPECT_EQ(r.exit, 1) << r.err;
  json doc;
  ASSERT_TRUE(json_reader(r.out).read(doc)) << r.out;
  std::size_t syntax = 0;
  const json* summary = nullptr;
  for (const auto& d : doc.array) {
    if (d.get("code")->string == "E0101") ++syntax;
    if (d.get("code")->string == "E0102") summary = &d;
  }
  EXPECT_EQ(syntax, 3u);
  ASSERT_NE(summary, nullptr) << r.out;
  EXPECT_EQ(summary->get("message")->string, "7 more errors not shown");
}

TEST(check_cli, max_errors_zero_reports_every_error) {
  auto r = run_cli("check --format json --max-errors 0 tests/data/dsl/ten_syntax_errors.budget");
  EXPECT_EQ(r.exit, 1) << r.err;
  json doc;
  ASSERT_TRUE(json_reader(r.out).read(doc)) << r.out;
  ASSERT_EQ(doc.array.size(), 10u) << r.out;
  for (const auto& d : doc.array) EXPECT_EQ(d.get("code")->string, "E0101") << r.out;
}

TEST(check_cli, help_and_version) {
  auto h = run_cli("--help");
  EXPECT_EQ(h.exit, 0);
  EXPECT_HAS(h.out, "Usage: yusuan <command>");
  auto ch = run_cli("check --help");
  EXPECT_EQ(ch.exit, 0);
  EXPECT_HAS(ch.out, "--werror");
  auto v = run_cli("--version");
  EXPECT_EQ(v.exit, 0);
  EXPECT_EQ(v.out.rfind("yusuan ", 0), 0u) << v.out;
}
