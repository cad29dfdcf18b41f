// Templates of one's own: a two-table template written here (the one of the
// README) rendering a budget of this file; rows grouped by levels with
// subtotals, projects in an order of their own, a total row, 序号; the
// template-level settings (署名, 金额单位, 变量, 基于) and 模板 in a budget.
#include "support/test_support.hpp"

#include <yusuan/tables.hpp>

#include <string>
#include <vector>

using namespace yusuan_test;

namespace {

namespace tb = yusuan::tables;

// The third template: two tables, no C++.
constexpr std::string_view two_tables = R"(# 两表汇总: a summary in two tables.
模板 两表汇总
说明 "支出按功能分类汇总，项目按类型列出"
金额单位 万元
署名 "编制单位" "{单位名称}"

表 A 支出汇总表 {
  标题 "{年度}年支出汇总表"
  列 "科目编码"
  列 "科目名称"
  列 "支出/合计"     = 合计
  列 "支出/基本支出" = 合计(类型 = 基本支出)
  列 "支出/项目支出" = 合计(类型 = 项目支出)
  合计 "合计"
  按 功能.类 行 功能.代码, 功能.名称 {
    按 功能.项 行 功能.代码, 功能.名称
  }
}

表 B 项目表 {
  标题 "{年度}年项目表"
  列 "序号"
  列 "项目名称"
  列 "类型"
  列 "金额"           = 项目金额
  列 "其中：财政拨款" = 项目金额(资金 = 财政拨款)
  合计 "", "合计"
  按 项目 排序 类型 (特定目标类), 出现 行 序号.数字, 项目.名称, 项目.类型
}
)";

constexpr std::string_view example_budget = R"(标题 "示例单位 2025 年预算"
年度 2025
金额单位 元
单位 101001 "示例单位" 类型 行政
收入 一般公共预算 1,200,000.00
收入 事业收入 100,000.00
201 13 01 行政运行 基本支出 {
  人员经费 30101 基本工资: 600,000.00
  公用经费 30201 办公费: 200,000.00
}
项目 "信息化运维" 类型 其他运转类 功能 201 13 02 {
  30227 委托业务费: 150,000.00
}
项目 "专项调研" 类型 特定目标类 功能 201 13 02 {
  30227 委托业务费: 250,000.00
  30211 差旅费: 100,000.00 资金 事业收入
}
)";

const tb::table_template& third() {
  static const tb::table_template t = tb::read_template(two_tables, "two-tables.template");
  return t;
}
const yusuan::budget& example() {
  static const yusuan::budget b = yusuan::compile_string(example_budget, "example.budget");
  return b;
}

TEST(templates, a_template_of_ones_own_renders_a_budget) {
  EXPECT_EQ(third().name, "两表汇总");
  ASSERT_EQ(third().tables.size(), 2u);
  const auto all = tb::build_all(example(), third());
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].title, "2025年支出汇总表");
  EXPECT_EQ(all[0].label, "");
  EXPECT_EQ(all[0].unit_line(), "编制单位：示例单位 单位：万元");
  EXPECT_EQ(tb::to_string(all[0], "csv"),
            "科目编码,科目名称,支出/合计,支出/基本支出,支出/项目支出\n"
            "合计,,130.00,80.00,50.00\n"
            "201,一般公共服务支出,130.00,80.00,50.00\n"
            "2011301,行政运行,80.00,80.00,\n"
            "2011302,一般行政管理事务,50.00,,50.00\n");
  // projects: 特定目标类 first, then the others in order of declaration
  EXPECT_EQ(tb::to_string(all[1], "csv"),
            "序号,项目名称,类型,金额,其中：财政拨款\n"
            ",合计,,50.00,40.00\n"
            "1,专项调研,特定目标类,35.00,25.00\n"
            "2,信息化运维,其他运转类,15.00,15.00\n");
}

TEST(templates, the_readme_and_docs_show_this_template) {
  // the template the README and docs/templates.md show is the one rendered here
  EXPECT_TRUE(has(read_all("README.md"), two_tables));
  EXPECT_TRUE(has(read_all("docs/templates.md"), two_tables));
}

TEST(templates, a_budget_names_its_template) {
  const std::string text = "模板 上海9表\n" + std::string(example_budget);
  const auto b = yusuan::compile_string(text, "named.budget");
  EXPECT_EQ(b.header().template_name, "上海9表");
  const auto t = tb::build(b, "T3");  // in the template the budget names
  EXPECT_EQ(t.title, "2025年预算单位支出预算总表");
  EXPECT_EQ(tb::build(b, "支出预算总表").title, t.title);
  // the options win over the budget's 模板
  tb::options o;
  o.templ = &third();
  EXPECT_EQ(tb::build(b, "A", o).title, "2025年支出汇总表");
  // a budget that names none: the default template
  EXPECT_EQ(tb::build(example(), "03").title, "2025年单位支出预算表");
  EXPECT_EQ(tb::template_of(example())->name, "洛阳13表");
}

TEST(templates, a_budget_without_a_year_has_titles_without_one) {
  // no 年度: "{年度}年…" and "{年度}年度…" drop the year and its 年 (not "0年…")
  const auto b = yusuan::compile_string("金额单位 万元\n单位 101001 \"甲单位\" 类型 行政\n收入 一般公共预算 1.00\n"
                                        "208 01 09 基本支出 30101: 1.00\n",
                                        "no_year.budget");
  EXPECT_EQ(b.year(), 0);
  EXPECT_EQ(tb::build(b, "03").title, "单位支出预算表");
  EXPECT_EQ(tb::build(b, "13").title, "市级单位预算项目绩效目标表");
  const auto fund = tb::build(b, "09");  // empty: its note row names the unit, and no year
  ASSERT_FALSE(fund.rows.empty());
  ASSERT_FALSE(fund.rows.back().cells.empty());
  EXPECT_EQ(fund.rows.back().cells[0].text, "备注：甲单位无政府性基金预算拨款安排的支出，故此表无数。");
  // with a year, as before
  EXPECT_EQ(tb::build(example(), "13").title, "2025年度市级单位预算项目绩效目标表");
  // templates of one's own: a 年 after spaces, a year in brackets ("预算 {年度} 年" read "预算  年")
  const std::vector<std::pair<std::string, std::string>> titles = {
      {"{年度}年支出表", "支出表"},          {"{年度} 年支出表", "支出表"},
      {"{年度}　年度支出表", "支出表"},      {"预算 {年度} 年 支出表", "预算 支出表"},
      {"支出表（{年度}）", "支出表"},        {"支出表({年度})注", "支出表注"},
      {"支出表 {年度}", "支出表 "},          {"{年度}年", ""},
      {"支出表（{年度}年）", "支出表"},
  };
  for (const auto& [pattern, title] : titles) {
    const auto t = tb::read_template("模板 甲\n表 A 甲表 {\n  标题 \"" + pattern + "\"\n  列 \"合计\" = 合计\n}\n", "t.template");
    EXPECT_EQ(tb::build_all(b, t).at(0).title, title) << pattern;
    EXPECT_EQ(tb::build_all(example(), t).at(0).title.find("2025") != std::string::npos, true) << pattern;
  }
}

TEST(templates, an_unknown_template_named_by_a_budget_is_located) {
  const auto b = yusuan::compile_string("年度 2025\n模板 上海10表\n", "unknown.budget");
  yusuan::diagnostics d;
  EXPECT_EQ(tb::template_of(b, d), nullptr);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].code, "E0804");
  EXPECT_EQ(where(d[0]), "2:4");
  EXPECT_EQ(d[0].found, "'上海10表'");
  EXPECT_NE(d[0].expected.find("上海9表部门"), std::string::npos) << d[0].expected;
  try {
    (void)tb::build(b, "1");
    ADD_FAILURE() << "no exception";
  } catch (const yusuan::budget_error& e) {
    EXPECT_EQ(e.code(), yusuan::errc::invalid_template);
  }
  std::error_code ec;
  EXPECT_TRUE(tb::build(b, "1", tb::options{}, ec).rows.empty());
  EXPECT_EQ(ec, yusuan::errc::invalid_template);
  // every table: the same two forms
  EXPECT_THROW((void)tb::build_all(b), yusuan::budget_error);
  ec = {};
  EXPECT_TRUE(tb::build_all(b, ec).empty());
  EXPECT_EQ(ec, yusuan::errc::invalid_template);
}

TEST(templates, a_cell_past_what_an_amount_holds_is_an_error_code_in_the_non_throwing_forms) {
  // the items add up to 0; two 项 each sum past the largest amount
  const auto b = yusuan::compile_string(
      "金额单位 元\n"
      "208 01 09 30101:  92233720368547758.07\n208 01 09 30102:  92233720368547758.07\n"
      "208 02 01 30101: -92233720368547758.07\n208 02 01 30102: -92233720368547758.07\n",
      "wide.budget", no_catalog());
  EXPECT_THROW((void)tb::build_all(b), yusuan::overflow_error);
  std::error_code ec;
  EXPECT_TRUE(tb::build_all(b, ec).empty());
  EXPECT_EQ(ec, yusuan::errc::overflow);
  bool some_table_overflows = false;
  for (const auto& id : tb::table_ids()) {
    ec = {};
    const auto t = tb::build(b, id, tb::options{}, ec);
    if (ec) {
      EXPECT_EQ(ec, yusuan::errc::overflow) << id;
      EXPECT_TRUE(t.rows.empty()) << id;
      EXPECT_THROW((void)tb::build(b, id), yusuan::overflow_error) << id;
      some_table_overflows = true;
    }
  }
  EXPECT_TRUE(some_table_overflows);
}

TEST(templates, a_template_file_named_by_a_budget) {
  temp_dir dir;
  dir.write("tables/two.template", std::string(two_tables));
  const auto file = dir.write("b.budget", "模板 \"tables/two.template\"\n" + std::string(example_budget));
  const auto b = yusuan::compile_file(file);
  EXPECT_EQ(tb::template_of(b)->name, "两表汇总");
  EXPECT_EQ(tb::build(b, "项目表").title, "2025年项目表");
}

TEST(templates, a_template_file_is_found_beside_the_budget_whatever_the_current_directory) {
  // budget text compiled from memory: beside it means under compile_options::root
  temp_dir dir;
  dir.write("tables/two.template", std::string(two_tables));
  const std::string text = "模板 \"tables/two.template\"\n" + std::string(example_budget);
  yusuan::compile_options o = no_catalog();
  o.root = dir.path();
  const auto here = fs::current_path();
  fs::current_path("/");
  yusuan::diagnostics d;
  const auto from_text = yusuan::compile_string(text, "b.budget", d, o);
  fs::current_path(here);
  ASSERT_TRUE(from_text) << dump(d);
  EXPECT_EQ(from_text->header().directory, fs::weakly_canonical(dir.path()).string());
  EXPECT_EQ(tb::build(*from_text, "项目表").title, "2025年项目表");
  EXPECT_TRUE(tb::check_notes(*from_text, d)) << dump(d);
  // a file given by a relative path; the tables built after the current
  // directory has changed
  dir.write("b.budget", text);
  fs::current_path(dir.path());
  const auto b = yusuan::compile_file("b.budget", d, no_catalog());
  fs::current_path(here);
  ASSERT_TRUE(b) << dump(d);
  EXPECT_EQ(tb::template_of(*b)->name, "两表汇总");
}

TEST(templates, derived_templates_and_variables) {
  constexpr std::string_view derived = R"(模板 两表汇总·部门
基于 两表汇总
署名 "编制部门" "{部门名称}"
变量 单位名 "部门"
表 B 项目表 {
  标题 "{年度}年{单位名}项目表"
  列 "项目名称"
  列 "金额" = 项目金额
  按 项目 行 项目.名称
}
)";
  yusuan::diagnostics d;
  const auto t = tb::read_template(derived, "derived.template", d, {&third()});
  ASSERT_TRUE(t) << dump(d);
  EXPECT_EQ(t->base, "两表汇总");
  ASSERT_EQ(t->tables.size(), 2u);
  const auto a = tb::build(example(), *t, "A");  // the base's, under the new signature
  EXPECT_EQ(a.unit_line(), "编制部门：示例单位 单位：万元");
  const auto b = tb::build(example(), *t, "B");  // redefined in place
  EXPECT_EQ(b.title, "2025年部门项目表");
  EXPECT_EQ(tb::to_string(b, "csv"), "项目名称,金额\n信息化运维,15.00\n专项调研,35.00\n");
  // the throwing forms take the templates a template may be based on too
  EXPECT_EQ(tb::read_template(derived, "derived.template", {&third()}).base, "两表汇总");
  temp_dir dir;
  const auto file = dir.write("derived.template", std::string(derived));
  EXPECT_EQ(tb::read_template_file(file, {&third()}).tables.size(), 2u);
  EXPECT_THROW((void)tb::read_template_file(file), yusuan::budget_error);  // 两表汇总 unknown without it
}

TEST(templates, shipped_templates_and_their_ids) {
  const auto& all = tb::standard_templates();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(tb::default_template().name, "洛阳13表");
  const auto* sh = tb::find_template("shanghai-9");
  ASSERT_NE(sh, nullptr);
  EXPECT_EQ(sh->name, "上海9表");
  EXPECT_EQ(sh->tables.size(), 9u);
  EXPECT_EQ(tb::find_template("上海9表部门")->base, "上海9表");
  auto index = [&](std::string_view id) { return tb::find_table(*sh, id).index; };
  EXPECT_EQ(index("T3"), 2u);
  EXPECT_EQ(index("3"), 2u);
  EXPECT_EQ(index("03"), 2u);
  EXPECT_EQ(index("支出预算总表"), 2u);
  EXPECT_EQ(index("2025年支出预算总表"), 2u);
  EXPECT_EQ(index("财政拨款"), 3u);  // a prefix only T4 has
  EXPECT_EQ(index("收入"), 1u);
  const auto amb = tb::find_table(*sh, "一般公共预算");
  EXPECT_FALSE(amb.index);
  EXPECT_EQ(amb.candidates, (std::vector<std::size_t>{4, 7}));
  const auto d = tb::table_lookup_error(*sh, "一般公共预算", amb);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].code, "E0803");
  EXPECT_EQ(notes(d[0]), (std::vector<std::string>{"it could be T5 一般公共预算支出功能分类预算表",
                                                   "it could be T8 一般公共预算基本支出部门预算经济分类预算表"}));
  EXPECT_FALSE(tb::find_table(*sh, "T10").index);
  EXPECT_TRUE(tb::find_table(*sh, "T10").candidates.empty());
  EXPECT_EQ(tb::table_lookup_error(*sh, "T10", tb::find_table(*sh, "T10"))[0].code, "E0801");
  try {
    (void)tb::build(example(), *sh, "一般公共预算");
    ADD_FAILURE() << "no exception";
  } catch (const yusuan::error& e) {
    EXPECT_EQ(e.diagnostic_code(), "E0803");
    EXPECT_EQ(e.code(), yusuan::errc::unknown_table);
  }
}

TEST(templates, a_measure_the_budget_lacks_is_located_in_the_template) {
  const auto t = tb::read_template("模板 x\n表 A 甲 {\n  列 \"a\" = 未定义口径\n  行\n}\n", "m.template");
  try {
    (void)tb::build(example(), t, "A");
    ADD_FAILURE() << "no exception";
  } catch (const yusuan::budget_error& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    const auto& d = e.diagnostics()[0];
    EXPECT_EQ(d.code, "E0805");
    EXPECT_EQ(where_in_file(d), "m.template:3:11");
    EXPECT_EQ(d.message, "unknown measure or figure '未定义口径'");
    EXPECT_EQ(e.code(), yusuan::errc::invalid_template);
  }
}

TEST(templates, rows_are_neither_grouped_nor_ordered_by_amount) {
  // an error where the template is read (it was an internal error where a table was built)
  for (const auto& [body, at] : {std::pair<std::string, std::string>{"  按 金额 行 \"{金额}\"\n", "m.template:5:5"},
                                 {"  按 功能 排序 金额 行 功能.名称\n", "m.template:5:11"}}) {
    yusuan::diagnostics d;
    const auto t = tb::read_template("模板 x\n表 A 甲 {\n  列 \"名称\"\n  列 \"金额\" = 合计\n" + body + "}\n",
                                     "m.template", d);
    EXPECT_FALSE(t) << body;
    ASSERT_FALSE(d.empty()) << body;
    EXPECT_EQ(d[0].code, "E0304") << body;
    EXPECT_EQ(d[0].message, "items cannot be grouped by their amount (金额)") << body;
    EXPECT_EQ(where_in_file(d[0]), at) << body;
  }
}

TEST(templates, a_budget_measure_comes_before_the_templates) {
  // 上海9表 defines 机关运行经费 for budgets that do not: this one does
  const std::string text = "模板 上海9表\n" + std::string(example_budget) + "口径 机关运行经费 = 合计(经济 = 30201)\n";
  const auto b = yusuan::compile_string(text, "own.budget");
  EXPECT_EQ(tb::to_string(tb::build(b, "T9"), "csv").substr(tb::to_string(tb::build(b, "T9"), "csv").find('\n') + 1),
            ",,,,,,20.00\n");
}

}  // namespace
