// `yusuan check --format json`: every diagnostic object names the budget it
// was found checking ("budget"), whatever its "file" is (a rule file's, a
// closing note of no file), and a file that cannot be read (E0001) or is
// not UTF-8 (E0002) is its "file", not only words of its message.
#include "support/test_support.hpp"
#include "support/json.hpp"

using namespace yusuan_test;

namespace {

/// The objects of a JSON array of diagnostics, each as
/// "code|file|line|budget" (null: "-"; no "budget": "(none)").
std::vector<std::string> summary_of(const std::string& out) {
  json doc;
  EXPECT_TRUE(json_reader(out).read(doc)) << out;
  std::vector<std::string> rows;
  for (const auto& d : doc.array) {
    const json* file = d.get("file");
    const json* budget = d.get("budget");
    rows.push_back(d.get("code")->string + "|" + (file->type == json::kind::null ? "-" : file->string) + "|" +
                   std::to_string(static_cast<int>(d.get("line")->number)) + "|" +
                   (budget ? budget->string : "(none)"));
  }
  return rows;
}

}  // namespace

TEST(check_json, every_object_of_many_budgets_names_its_budget) {
  temp_dir t;
  const fs::path dir = t.path() / "region";
  fs::create_directories(dir);
  fs::copy_file("tests/data/dsl/cli_error.budget", dir / "a.budget");  // E0401
  t.write("region/gbk.budget", gbk_title);                             // E0002
  fs::create_symlink("nowhere", dir / "gone.budget");                  // E0001
  t.write("region/ok.budget", "金额单位 元\n208 01 09 30101: 1.00\n");  // fails the rule
  // a syntax error, then the note that counts the checks not run
  t.write("region/syn.budget", "金额单位 元\n208 01 09 30101: 1.00\n208 01 09 30102 2.00 x\n");
  const auto rule = t.write("rule.budget", "金额单位 元\n核对 支出合计 >= 100\n");
  const std::string d = dir.string(), r = rule.string();
  const std::vector<std::string> expected{
      "E0401|" + d + "/a.budget|3|" + d + "/a.budget",
      "E0002|" + d + "/gbk.budget|0|" + d + "/gbk.budget",
      "E0001|" + d + "/gone.budget|0|" + d + "/gone.budget",
      "E0501|" + r + "|2|" + d + "/ok.budget",
      "E0101|" + d + "/syn.budget|3|" + d + "/syn.budget",
      "|-|0|" + d + "/syn.budget",
  };
  std::string first;
  for (const std::string jobs : {"-j 1", "-j 3"}) {
    const auto out = run_cli("check --format json " + jobs + " --rules " + quote(rule) + " " + quote(dir));
    EXPECT_EQ(out.exit, 2) << out.err;  // an unreadable budget
    EXPECT_EQ(summary_of(out.out), expected) << jobs << out.out;
    if (first.empty()) first = out.out;
    EXPECT_EQ(out.out, first) << jobs;  // the same bytes whatever -j is
  }
  EXPECT_HAS(first, "\"message\":\"1 check was not run because of the errors above\"");
}

TEST(check_json, one_budget_names_the_file_it_cannot_read) {
  temp_dir t;
  const auto gbk = t.write("gbk.budget", gbk_title);
  const std::string missing = "tests/data/dsl/no_such_file.budget";
  // named one by one (one after the other) and with -j (on threads): alike
  for (const std::string how : {"", "-j 2 "}) {
    const auto r = run_cli("check --format json " + how + missing + " " + quote(gbk));
    EXPECT_EQ(r.exit, 2) << r.err;
    EXPECT_EQ(summary_of(r.out),
              (std::vector<std::string>{"E0001|" + missing + "|0|" + missing,
                                        "E0002|" + gbk.string() + "|0|" + gbk.string()}))
        << how << r.out;
  }
  // a list file that cannot be read is no budget's: its file, and no budget
  const auto list = run_cli("check --format json @" + quote(t.path() / "none.list"));
  EXPECT_EQ(list.exit, 2);
  EXPECT_EQ(summary_of(list.out), std::vector<std::string>{"E0001|" + (t.path() / "none.list").string() + "|0|(none)"});
  // every object has every field, pointing at a line or not
  const auto r = run_cli("check --format json " + missing);
  json doc;
  ASSERT_TRUE(json_reader(r.out).read(doc)) << r.out;
  ASSERT_EQ(doc.array.size(), 1u);
  for (const char* field : {"severity", "code", "message", "file", "line", "column", "source_line", "label", "expected",
                            "found", "notes", "budget"})
    EXPECT_NE(doc.array[0].get(field), nullptr) << field << " in " << r.out;
  EXPECT_EQ(doc.array[0].get("source_line")->string, "");
}
