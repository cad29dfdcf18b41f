// `yusuan table FILE ID`: a disclosure table of a budget in text, CSV,
// Markdown or JSON, in another unit of amounts, and the errors of its
// arguments.
#include "support/test_support.hpp"

#include <yusuan/tables.hpp>

#include <string>

using namespace yusuan_test;

namespace {

namespace tb = yusuan::tables;

const std::string ref_arg = quote(reference_path);

}  // namespace

TEST(tables_cli, prints_a_table) {
  const auto r = run_cli("table " + ref_arg + " 03");
  EXPECT_EQ(r.exit, 0) << r.err;
  EXPECT_NE(r.out.find("2024年单位支出预算表"), std::string::npos);
  EXPECT_NE(r.out.find("社会保险经办机构"), std::string::npos);
  EXPECT_NE(r.out.find("38381.46"), std::string::npos);
}

TEST(tables_cli, csv_is_the_golden_file) {
  for (const char* id : {"03", "预算06表", "项目支出预算表"}) {
    const auto r = run_cli("table " + ref_arg + " '" + id + "' --format csv");
    EXPECT_EQ(r.exit, 0) << id << r.err;
    const std::string n = *tb::parse_id(id);
    EXPECT_EQ(r.out, read_all("tests/golden/" + n + ".csv")) << id;
  }
}

TEST(tables_cli, formats_and_units) {
  const auto md = run_cli("table " + ref_arg + " 08 --format md");
  EXPECT_EQ(md.exit, 0) << md.err;
  EXPECT_NE(md.out.find("| 9.20 |"), std::string::npos);
  const auto json = run_cli("table " + ref_arg + " 08 --format=json");
  EXPECT_EQ(json.exit, 0) << json.err;
  EXPECT_EQ(json.out.rfind("{", 0), 0u);
  EXPECT_NE(json.out.find("\"cells\": [9.20, null, 7.00, null, 7.00, 2.20]"), std::string::npos);
  const auto text = run_cli("table " + ref_arg + " 08 --format text");
  EXPECT_EQ(text.exit, 0) << text.err;
  EXPECT_NE(text.out.find("公务用车购置及运行费"), std::string::npos);
  const auto yuan = run_cli("table " + ref_arg + " 01 --format csv --unit 元");
  EXPECT_EQ(yuan.exit, 0) << yuan.err;
  EXPECT_NE(yuan.out.find("一、一般公共预算,383814600.00,"), std::string::npos) << yuan.out;
  const auto small_run = run_cli(std::string("table ") + small_path + " 12");
  EXPECT_EQ(small_run.exit, 0) << small_run.err;
}

TEST(tables_cli, text_never_carries_terminal_controls_from_the_budget) {
  // a unit's name with an escape sequence (set the window title) and BEL
  temp_dir t;
  t.write("a.budget", "年度 2024\n金额单位 元\n单位 1 \"\x1b]0;pwned\x07u\"\n208 01 09 30101: 1.00\n");
  for (const std::string format : {"text", "md"}) {
    const auto r = run_cli_in(t.path(), "table a.budget 1 --format " + format);
    ASSERT_EQ(r.exit, 0) << r.err;
    EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << format;
    EXPECT_EQ(r.out.find('\x07'), std::string::npos) << format;
    EXPECT_HAS(r.out, "\\e]0;pwned\\au");
  }
  // and query results too
  const auto q = run_cli_in(t.path(), "query a.budget 'sum by unit'");
  EXPECT_EQ(q.exit, 0) << q.err;
  EXPECT_EQ(q.out.find('\x1b'), std::string::npos);
  EXPECT_HAS(q.out, "\\e]0;pwned\\au");
  // JSON carries the name as it is, escaped as JSON
  EXPECT_HAS(run_cli_in(t.path(), "table a.budget 1 --format json").out, "\\u001b]0;pwned\\u0007u");
}

TEST(tables_cli, usage_errors) {
  EXPECT_EQ(run_cli("table " + ref_arg + " 14").exit, 2);
  EXPECT_EQ(run_cli("table " + ref_arg + " 预算99表").exit, 2);
  EXPECT_EQ(run_cli("table " + ref_arg).exit, 2);
  EXPECT_EQ(run_cli("table " + ref_arg + " 03 --format xml").exit, 2);
  EXPECT_EQ(run_cli("table " + ref_arg + " 03 --unit 千元").exit, 2);
  EXPECT_EQ(run_cli("table " + ref_arg + " 03 --bogus").exit, 2);
  EXPECT_EQ(run_cli("table tests/data/no_such.budget 03").exit, 2);
  const auto bad = run_cli("table " + ref_arg + " 14");
  EXPECT_NE(bad.err.find("unknown table '14'"), std::string::npos) << bad.err;
  const auto help = run_cli("table --help");
  EXPECT_EQ(help.exit, 0);
  EXPECT_NE(help.out.find("Usage: yusuan table"), std::string::npos);
  const auto main_help = run_cli("--help");
  EXPECT_NE(main_help.out.find("table FILE ID"), std::string::npos);
}

TEST(tables_cli, budget_errors_exit_1) {
  EXPECT_EQ(run_cli("table tests/data/dsl/cli_error.budget 03").exit, 1);
}

TEST(tables_cli, all_tables_in_every_text_format) {
  const auto json = run_cli("table " + ref_arg + " all --format json");
  ASSERT_EQ(json.exit, 0) << json.err;
  EXPECT_EQ(json.out.rfind("[\n{", 0), 0u);
  std::size_t objects = 0;
  for (std::size_t p = json.out.find("\"label\": \"预算"); p != std::string::npos; p = json.out.find("\"label\": \"预算", p + 1))
    ++objects;
  EXPECT_EQ(objects, 13u);
  const auto csv = run_cli("table " + ref_arg + " all --format csv");
  ASSERT_EQ(csv.exit, 0) << csv.err;
  // Each table's section: its label and title, then exactly its own CSV.
  for (const char* id : {"01", "08", "13"}) {
    const std::string one = run_cli("table " + ref_arg + " " + id + " --format csv").out;
    const std::string label = std::string("预算") + id + "表 ";
    const std::size_t at = csv.out.find(label);
    ASSERT_NE(at, std::string::npos) << id;
    const std::size_t body = csv.out.find('\n', at) + 1;
    EXPECT_EQ(csv.out.substr(body, one.size()), one) << id;
  }
  const auto md = run_cli("table " + ref_arg + " 全部 --format md");
  ASSERT_EQ(md.exit, 0);
  // each table as `table ID --format md` prints it, a blank line between: its title once
  std::string each;
  for (int i = 1; i <= 13; ++i) {
    const std::string id = (i < 10 ? "0" : "") + std::to_string(i);
    each += (i > 1 ? "\n" : "") + run_cli("table " + ref_arg + " " + id + " --format md").out;
  }
  EXPECT_EQ(md.out, each);
  EXPECT_EQ(md.out.find("预算13表 "), md.out.rfind("预算13表 "));
  const auto text = run_cli("table " + ref_arg + " all");
  ASSERT_EQ(text.exit, 0);
  EXPECT_NE(text.out.find("2024年单位收支预算表"), std::string::npos);
  EXPECT_NE(text.out.find("2024年度市级单位预算项目绩效目标表"), std::string::npos);
}

namespace {

const std::string putuo_arg = quote("budgets/putuo-commerce-commission-2025.budget");

TEST(tables_cli, templates_lists_the_templates_with_their_tables) {
  const auto r = run_cli("templates");
  EXPECT_EQ(r.exit, 0) << r.err;
  EXPECT_TRUE(has(r.out, "洛阳13表 (luoyang-13, 13表) [default]")) << r.out;
  EXPECT_TRUE(has(r.out, "   8  08 预算08表 一般公共预算“三公”经费预算表")) << r.out;
  EXPECT_TRUE(has(r.out, "上海9表部门 (shanghai-9-department) 基于 上海9表")) << r.out;
  EXPECT_TRUE(has(r.out, "   9  T9 “三公”经费和机关运行经费预算表")) << r.out;
  const auto one = run_cli("templates shanghai-9");
  EXPECT_EQ(one.exit, 0) << one.err;
  EXPECT_TRUE(has(one.out, "上海9表 (shanghai-9, 上海9表单位)")) << one.out;
  EXPECT_FALSE(has(one.out, "洛阳13表")) << one.out;
  const auto bad = run_cli("templates --color never 上海10表");
  EXPECT_EQ(bad.exit, 2);
  EXPECT_TRUE(has(bad.err, "E0804")) << bad.err;
}

TEST(tables_cli, the_budgets_template_and_every_form_of_a_table_id) {
  // the Putuo budget names 模板 上海9表: its 表3 by number, id, 表N, name, title and a unique prefix
  const std::string golden = read_all("tests/golden/putuo/3.csv");
  for (const char* id : {"3", "03", "T3", "表3", "支出预算总表", "2025年支出预算总表", "支出预算"}) {
    const auto r = run_cli("table " + putuo_arg + " '" + id + "' --format csv");
    EXPECT_EQ(r.exit, 0) << id << r.err;
    EXPECT_EQ(r.out, golden) << id;
  }
  const auto amb = run_cli("table --color never " + putuo_arg + " 一般公共预算");
  EXPECT_EQ(amb.exit, 2);
  EXPECT_TRUE(has(amb.err, "E0803")) << amb.err;
  const auto unknown = run_cli("table --color never " + putuo_arg + " T10");
  EXPECT_EQ(unknown.exit, 2);
  EXPECT_TRUE(has(unknown.err, "E0801")) << unknown.err;
}

TEST(tables_cli, a_number_and_the_id_that_has_it_name_one_table_and_templates_lists_it) {
  // the ids out of the order of the tables: 1 is T1, the second table
  temp_dir t;
  t.write("n.template", "模板 n\n表 T2 乙表 {\n  列 \"a\" = 合计\n  行\n}\n表 T1 甲表 {\n  列 \"b\" = 合计\n  行\n}\n");
  t.write("a.budget", "模板 \"n.template\"\n金额单位 元\n208 01 09 30101: 1.00 基本支出\n");
  const std::string budget = quote(t.path() / "a.budget");
  for (const char* id : {"1", "01", "T1", "表1", "甲表"}) {
    const auto r = run_cli("table " + budget + " " + id + " --format csv");
    EXPECT_EQ(r.exit, 0) << id << r.err;
    EXPECT_EQ(r.out, "b\n1.00\n") << id;
  }
  const auto list = run_cli_in(t.path(), "templates n.template");
  EXPECT_EQ(list.exit, 0) << list.err;
  EXPECT_EQ(list.out, "n\n   2  T2 乙表\n   1  T1 甲表\n");
}

TEST(tables_cli, all_tables_of_the_putuo_budget_and_another_template) {
  const auto all = run_cli("table " + putuo_arg + " all --format csv");
  EXPECT_EQ(all.exit, 0) << all.err;
  for (int n = 1; n <= 9; ++n)
    EXPECT_TRUE(has(all.out, read_all("tests/golden/putuo/" + std::to_string(n) + ".csv"))) << n;
  // each section starts with the table's id where the template gives it no label (it was the title alone)
  EXPECT_TRUE(all.out.starts_with("T1 2025年预算单位财务收支预算总表\n")) << all.out.substr(0, 200);
  EXPECT_TRUE(has(all.out, "\n\nT9 ")) << all.out;
  // the 部门 variant: the same figures under the department's name
  const auto dept = run_cli("table " + putuo_arg + " T9 --template 上海9表部门");
  EXPECT_EQ(dept.exit, 0) << dept.err;
  EXPECT_TRUE(has(dept.out, "2025年部门“三公”经费和机关运行经费预算表")) << dept.out;
  EXPECT_TRUE(has(dept.out, "编制部门：上海市普陀区商务委员会")) << dept.out;
  EXPECT_TRUE(has(dept.out, "171.01")) << dept.out;
  // and in the 13 tables of 洛阳
  const auto ly = run_cli("table " + putuo_arg + " 08 --template 洛阳13表 --format csv");
  EXPECT_EQ(ly.exit, 0) << ly.err;
  EXPECT_TRUE(has(ly.out, "10000.00")) << ly.out;  // 公务接待费 1.00 万元, in 元
}

}  // namespace
