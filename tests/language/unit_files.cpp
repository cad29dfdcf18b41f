// A unit's own file in a department budget (an imported file that declares
// its 单位): its 核对 are checked on that unit alone, and its 上年, 数值 and
// 计数 figures are the unit's own.  每个 单位 counts each unit's income and
// balances as well as its items.
#include "support/test_support.hpp"

#include <yusuan/query/expressions.hpp>

using namespace yusuan_test;

namespace {

// Two units, each a complete unit budget with its own published figures;
// the measure they share is in a file of neither.
const char* const rules = "口径 接待费 = 合计(经济 = 30217)\n";
const char* const unit_a =
    "年度 2025\n金额单位 元\n单位 A01 \"甲中心\" 类型 事业\n导入 \"rules.budget\"\n"
    "收入 一般公共预算 300.00 其中 财政拨款 300.00\n"
    "208 01 09 基本支出 人员经费 30101: 200.00\n"
    "208 01 09 基本支出 公用经费 30217: 100.00\n"
    "上年 接待费 120.00\n"
    "核对 支出合计 = 300.00\n"
    "核对 收入合计 = 300.00\n"
    "核对 财政拨款 = 300.00\n"
    "核对 合计 按 经济.款 { 301 01: 200.00  302 17: 100.00 }\n"
    "核对 接待费 较上年 减少 20.00\n";
const char* const unit_b =
    "年度 2025\n金额单位 元\n单位 B01 \"乙中心\" 类型 事业\n导入 \"rules.budget\"\n"
    "收入 一般公共预算 50.00 其中 财政拨款 50.00\n"
    "208 01 09 基本支出 公用经费 30217: 50.00\n"
    "上年 接待费 40.00\n"
    "核对 支出合计 = 50.00\n"
    "核对 收入合计 = 50.00\n"
    "核对 接待费 较上年 增加 10.00\n";

std::filesystem::path department(temp_dir& t, const std::string& own = "") {
  t.write("rules.budget", rules);
  t.write("a.budget", unit_a);
  t.write("b.budget", unit_b);
  return t.write("department.budget", "年度 2025\n金额单位 元\n部门 D1 \"某局\"\n导入 \"a.budget\"\n导入 \"b.budget\"\n" + own);
}

/// The department with one unit's file changed (`from` replaced by `to`).
std::filesystem::path with_changed(temp_dir& t, const char* file, std::string text, const std::string& from,
                                   const std::string& to) {
  const auto p = department(t);
  text.replace(text.find(from), from.size(), to);
  t.write(file, text);
  return p;
}

}  // namespace

TEST(lang_unit_files, each_units_constraints_hold_on_that_unit) {
  temp_dir t;
  auto r = compile_path(department(t, "核对 支出合计 = 350.00\n核对 收入合计 = 350.00\n"), no_catalog());
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& b = *r.value;
  ASSERT_EQ(b.units().size(), 3u);  // the department's own, 甲, 乙
  std::size_t passed = 0;
  for (const auto& c : b.constraints()) passed += c.passed;
  EXPECT_EQ(passed, b.constraints().size());
  EXPECT_EQ(b.constraints().size(), 10u);
  // each unit's says whose it is
  EXPECT_EQ(b.constraints()[0].text, "核对 支出合计 = 300.00 (单位 A01 甲中心)");
  EXPECT_EQ(b.constraints().back().text, "核对 收入合计 = 350.00");
  // the units' 上年 figures are theirs, not the department's
  ASSERT_EQ(b.prior_figures().size(), 2u);
  EXPECT_EQ(b.prior_figures()[0].of_unit, 1u);
  EXPECT_EQ(b.prior_figures()[1].of_unit, 2u);
  EXPECT_FALSE(b.prior("接待费").has_value());
}

TEST(lang_unit_files, a_units_wrong_figure_fails_at_its_line_for_that_unit) {
  temp_dir t;
  auto r = compile_path(with_changed(t, "b.budget", unit_b, "核对 支出合计 = 50.00", "核对 支出合计 = 350.00"), no_catalog());
  ASSERT_FALSE(r.ok());
  const auto& d = one(r, "E0501");
  EXPECT_EQ(d.message, "constraint failed: 核对 支出合计 = 350.00 (单位 B01 乙中心)");
  EXPECT_EQ(where(d), "8:1");
  EXPECT_EQ(yusuan::resolve(d.span).file, (t.path() / "b.budget").string());
  EXPECT_EQ(d.found, "50.00 (difference -300.00 元)");
  EXPECT_EQ(with_code(r, "E0501").size(), 1u);  // 甲's hold
}

TEST(lang_unit_files, a_units_change_is_from_its_own_prior_figure) {
  temp_dir t;
  auto r = compile_path(with_changed(t, "a.budget", unit_a, "减少 20.00", "减少 30.00"), no_catalog());
  const auto& d = one(r, "E0501");
  EXPECT_EQ(d.expected, "减少 30.00");
  EXPECT_HAS(d.found, "减少 20.00");  // 100.00 against 甲's 120.00
}

TEST(lang_unit_files, figures_of_one_name_in_two_units_are_two) {
  temp_dir t;
  t.write("a.budget", "单位 A01 \"甲\"\n208 01 09 30217: 1.00\n上年 接待 1.00\n计数 车辆 2 辆\n");
  t.write("b.budget", "单位 B01 \"乙\"\n208 01 09 30217: 2.00\n上年 接待 2.00\n计数 车辆 3 辆\n");
  auto r = compile_path(t.write("d.budget", "导入 \"a.budget\"\n导入 \"b.budget\"\n"), no_catalog());
  ASSERT_TRUE(r.ok()) << dump(r);
  ASSERT_EQ(r.value->figures().size(), 2u);
  EXPECT_EQ(r.value->find_figure("车辆"), nullptr);  // neither is the department's

  // twice in one unit's file is twice
  t.write("a.budget", "单位 A01 \"甲\"\n208 01 09 30217: 1.00\n上年 接待 1.00\n上年 接待 1.00\n");
  auto twice = compile_path(t.path() / "d.budget", no_catalog());
  EXPECT_EQ(one(twice, "E0303").message, "prior-year figure '接待' is stated twice");
}

TEST(lang_unit_files, a_units_constraint_sees_no_figure_of_the_department) {
  temp_dir t;
  t.write("a.budget", "单位 A01 \"甲\"\n208 01 09 30217: 1.00\n核对 合计(经济 = 30217) ≤ 上年(接待)\n");
  t.write("b.budget", "单位 B01 \"乙\"\n208 01 09 30217: 2.00\n");
  auto r = compile_path(t.write("d.budget", "上年 接待 5.00\n导入 \"a.budget\"\n导入 \"b.budget\"\n"), no_catalog());
  const auto& d = one(r, "E0302");
  EXPECT_EQ(d.message, "no prior-year (上年) figure named '接待'");
  EXPECT_EQ(where(d), "3:24");
  EXPECT_EQ(yusuan::resolve(d.span).file, (t.path() / "a.budget").string());
  ASSERT_FALSE(d.notes.empty());
  EXPECT_HAS(d.notes.back().message, "for 单位 A01 甲");
}

// A file that only imports one unit's file is that unit's budget: its
// constraints and figures are the budget's.
TEST(lang_unit_files, a_budget_of_one_unit_takes_its_files_figures_as_its_own) {
  temp_dir t;
  department(t);
  auto r = compile_path(t.write("main.budget", "导入 \"a.budget\"\n"), no_catalog());
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.value->prior("接待费"), yusuan::money::parse("120.00"));
  EXPECT_EQ(r.value->constraints()[0].text, "核对 支出合计 = 300.00");  // no unit to say

  auto twice = compile_path(t.write("main.budget", "上年 接待费 1.00\n导入 \"a.budget\"\n"), no_catalog());
  const auto& d = one(twice, "E0303");
  EXPECT_EQ(d.message, "prior-year figure '接待费' is stated twice");
  EXPECT_EQ(where(d), "8:4");
  EXPECT_EQ(yusuan::resolve(d.span).file, (t.path() / "a.budget").string());
}

// 每个 单位 counts each unit's income and balances, not the department's.
TEST(lang_unit_files, each_unit_counts_its_own_income_and_balances) {
  temp_dir t;
  t.write("a.budget", "单位 A01 \"甲\"\n收入 一般公共预算 3.00\n年终结转结余 1.00\n208 01 09 30101: 2.00\n");
  t.write("b.budget", "单位 B01 \"乙\"\n收入 一般公共预算 4.00\n收入 事业收入 1.00\n208 02 01 30101: 5.00\n");
  const auto p = t.write("d.budget",
                         "导入 \"a.budget\"\n导入 \"b.budget\"\n"
                         "每个 单位: 核对 收入总计 = 支出总计\n"
                         "每个 单位: 核对 一般公共预算 ≤ 支出合计 + 年终结转结余\n");
  auto r = compile_path(p, no_catalog());
  EXPECT_TRUE(r.ok()) << dump(r);

  // a unit that does not balance fails for that unit
  t.write("b.budget", "单位 B01 \"乙\"\n收入 一般公共预算 4.00\n208 02 01 30101: 5.00\n");
  auto unbalanced = compile_path(p, no_catalog());
  const auto& d = one(unbalanced, "E0501");
  EXPECT_EQ(d.message, "constraint failed: 每个 单位: 核对 收入总计 = 支出总计 (单位 B01 乙)");
  EXPECT_EQ(d.expected, "5.00");
  EXPECT_HAS(d.found, "4.00");
}

// 当 上年 = NAME asks for the figures the constraint is checked with: the
// department's for its own, the unit's for the unit's
TEST(lang_unit_files, a_condition_on_a_figure_asks_for_the_figures_it_is_checked_with) {
  temp_dir t;
  const auto p = department(t, "核对 接待费 ≤ 上年(接待费) 当 上年 = 接待费\n"
                               "核对 接待费 ≤ 1.00 当 数值 = 车辆\n");
  std::string a = unit_a;
  a += "核对 接待费 ≤ 上年(接待费) 当 上年 = 接待费\n数值 车辆 1.00\n核对 接待费 ≤ 1.00 \"甲\" 当 数值 = 车辆\n";
  t.write("a.budget", a);
  auto r = compile_path(p, no_catalog());
  // the department states neither figure: its two are not checked; 甲's
  // first holds (100.00 ≤ 120.00), its second fails
  const auto& d = one(r, "E0501");
  EXPECT_EQ(d.message, "甲 (单位 A01 甲中心)");
  EXPECT_TRUE(with_code(r, "E0302").empty()) << dump(r);
}

// 每个 单位 and 每个 项目 in a unit's file are that unit and its projects;
// 项目数, 项目金额合计 and 项目金额(…) count the unit's projects.
TEST(lang_unit_files, each_and_project_quantities_in_a_units_file_are_the_units) {
  temp_dir t;
  t.write("a.budget", "单位 A01 \"甲\"\n208 01 09 30101: 1.00\n"
                      "每个 单位: 核对 支出合计 ≤ 1.00\n每个 项目: 核对 项目金额 ≤ 1.00\n"
                      "核对 项目数 = 0\n核对 项目金额合计 = 0\n核对 产出指标数 = 0\n");
  t.write("b.budget", "单位 B01 \"乙\"\n项目 \"乙项目\" 金额 20.00 {\n  208 01 09 30227: 20.00\n"
                      "  绩效 { 产出 人次 ≥10人次 }\n}\n"
                      "每个 项目: 核对 项目金额 = 20.00\n核对 项目数 = 1\n核对 项目金额合计 = 20.00\n");
  auto r = compile_path(t.write("d.budget", "导入 \"a.budget\"\n导入 \"b.budget\"\n"), no_catalog());
  ASSERT_TRUE(r.ok()) << dump(r);
  std::vector<std::string> texts;
  for (const auto& c : r.value->constraints()) texts.push_back(c.text);
  EXPECT_EQ(texts, (std::vector<std::string>{
                       "每个 单位: 核对 支出合计 ≤ 1.00 (单位 A01 甲)", "核对 项目数 = 0 (单位 A01 甲)",
                       "核对 项目金额合计 = 0 (单位 A01 甲)", "核对 产出指标数 = 0 (单位 A01 甲)",
                       "每个 项目: 核对 项目金额 = 20.00 (项目 乙项目)", "核对 项目数 = 1 (单位 B01 乙)",
                       "核对 项目金额合计 = 20.00 (单位 B01 乙)"}));
}

// A file a unit's file imports (its projects) is part of that unit: its
// constraints and figures are the unit's.
TEST(lang_unit_files, a_file_a_units_file_imports_is_part_of_that_unit) {
  temp_dir t;
  t.write("b/projects.budget", "项目 \"乙项目\" 金额 20.00 {\n  208 01 09 30227: 20.00\n}\n"
                               "上年 \"项目支出\" 15.00\n核对 项目支出 = 20.00\n");
  t.write("b.budget", "单位 B01 \"乙\"\n导入 \"b/projects.budget\"\n核对 项目支出 较上年 增加 5.00\n");
  t.write("a.budget", "单位 A01 \"甲\"\n项目 \"甲项目\" 金额 10.00 {\n  208 01 09 30227: 10.00\n}\n");
  auto r = compile_path(t.write("d.budget", "导入 \"a.budget\"\n导入 \"b.budget\"\n核对 项目支出 = 30.00\n"),
                        no_catalog());
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.value->constraints()[0].text, "核对 项目支出 = 20.00 (单位 B01 乙)");
  EXPECT_FALSE(r.value->prior("项目支出").has_value());
}

// A unit's 数值 outranks a rule file's 口径 of its name in the unit's
// constraints, as the budget's own does; the same 口径 in each unit's file is
// one measure, another definition is E0303.
TEST(lang_unit_files, measures_and_figures_of_one_name) {
  temp_dir t;
  const auto rules = t.write("r.budget", "口径 政府采购 = 合计(经济 = 302)\n");
  t.write("a.budget", "单位 A01 \"甲\"\n208 01 09 30201: 1.00\n数值 政府采购 20.00\n核对 政府采购 = 20.00\n"
                      "口径 接待 = 合计(经济 = 30217)\n");
  t.write("b.budget", "单位 B01 \"乙\"\n208 01 09 30217: 2.00\n口径 接待 = 合计(经济 = 30217)\n核对 接待 = 2.00\n");
  const auto d = t.write("d.budget", "导入 \"a.budget\"\n导入 \"b.budget\"\n");
  compile_options o = no_catalog();
  o.rules = {rules};
  auto r = compile_path(d, o);
  ASSERT_TRUE(r.ok()) << dump(r);

  t.write("b.budget", "单位 B01 \"乙\"\n208 01 09 30217: 2.00\n口径 接待 = 合计(经济 = 30217) + 0\n");
  auto other = compile_path(d, no_catalog());
  EXPECT_EQ(one(other, "E0303").message, "measure '接待' is defined twice");
}

// The note on 财政拨款 looks at the income of the unit checked.
TEST(lang_unit_files, the_note_on_fiscal_appropriation_is_of_the_units_income) {
  temp_dir t;
  t.write("a.budget", "单位 A01 \"甲\"\n收入 一般公共预算 1.00 其中 财政拨款 1.00\n收入 政府性基金 2.00\n"
                      "208 01 09 30101: 3.00\n核对 财政拨款 = 3.00\n");
  t.write("b.budget", "单位 B01 \"乙\"\n收入 一般公共预算 1.00 其中 财政拨款 1.00\n208 01 09 30101: 1.00\n"
                      "核对 财政拨款 = 2.00\n");
  auto r = compile_path(t.write("d.budget", "导入 \"a.budget\"\n导入 \"b.budget\"\n"), no_catalog());
  const auto failed = with_code(r, "E0501");
  ASSERT_EQ(failed.size(), 2u) << dump(r);
  const auto noted = [](const diagnostic* d) {
    for (const auto& n : d->notes)
      if (n.message.find("this unit also has 政府性基金") != std::string::npos) return true;
    return false;
  };
  EXPECT_TRUE(noted(failed[0]));   // 甲 has 政府性基金 income
  EXPECT_FALSE(noted(failed[1]));  // 乙 has none
}

// Two units of a department may each have a project of one name (培训费):
// a unit's items and constraints name its own, the department's filters and
// queries every project of the name, an item of the department's own file
// none (E0203).
namespace {
std::filesystem::path two_training_projects(temp_dir& t, const std::string& own = "") {
  // 甲's item names its project before declaring it: not 乙's, declared first
  t.write("b.budget", "单位 B01 \"乙\"\n项目 \"培训费\" 金额 20.00 {\n  208 01 09 30216: 20.00\n}\n"
                      "核对 合计(项目 = 培训费) = 20.00\n");
  t.write("a.budget", "单位 A01 \"甲\"\n208 01 09 30216: 7.00 项目 培训费\n"
                      "项目 \"培训费\" 类型 其他运转类 {\n  208 01 09 30216: 3.00\n}\n"
                      "核对 合计(项目 = 培训费) = 10.00\n每个 项目: 核对 项目金额 = 10.00\n");
  return t.write("d.budget", "导入 \"b.budget\"\n导入 \"a.budget\"\n" + own);
}
}  // namespace

TEST(lang_unit_files, two_units_may_each_have_a_project_of_one_name) {
  temp_dir t;
  // 每个 项目 is each of them, named with its unit
  auto r = compile_path(two_training_projects(t, "核对 合计(项目 = 培训费) = 30.00\n每个 项目: 核对 合计 ≤ 20.00\n"),
                        no_catalog());
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& b = *r.value;
  ASSERT_EQ(b.projects().size(), 2u);
  EXPECT_EQ(b.units()[b.projects()[0].unit].code, "B01");
  EXPECT_EQ(b.units()[b.projects()[1].unit].code, "A01");
  for (const auto& it : b.items()) EXPECT_EQ(b.units()[b.projects()[it.project].unit].code, b.units()[it.unit].code);
  EXPECT_EQ(b.items()[1].kind, yusuan::spending_kind::operating);  // from 甲's project, named before it
  for (const auto& c : b.constraints()) EXPECT_TRUE(c.passed) << c.text;
  ASSERT_EQ(b.constraints().size(), 6u);
  EXPECT_EQ(b.constraints()[4].text, "每个 项目: 核对 合计 ≤ 20.00 (项目 培训费, 单位 B01 乙)");
  EXPECT_EQ(b.constraints()[5].text, "每个 项目: 核对 合计 ≤ 20.00 (项目 培训费, 单位 A01 甲)");
  EXPECT_EQ(b.find_projects("培训费").size(), 2u);
  // a query names every project of the name, unless the unit is named too
  auto sum = [&](const char* text) {
    const auto table = yusuan::run(b, yusuan::parse_query(text, b));
    return table.rows.empty() ? yusuan::quantity() : *table.rows[0].values[0];
  };
  EXPECT_EQ(sum("sum where project = 培训费"), yuan("30.00"));
  EXPECT_EQ(sum("sum where unit = A01 and project = 培训费"), yuan("10.00"));
  EXPECT_EQ(sum("sum where project != 培训费"), yusuan::quantity());
  EXPECT_EQ(yusuan::to_text(yusuan::parse_query("sum where project in (培训费, 培训费)", b).where), "项目 属于 (培训费)");
}

TEST(lang_unit_files, a_project_name_of_two_units_names_none_outside_their_files) {
  temp_dir t;
  auto r = compile_path(two_training_projects(t, "208 01 09 30216: 1.00 项目 培训费\n"), no_catalog());
  const auto& d = one(r, "E0203");
  EXPECT_EQ(d.message, "project name '培训费' is that of projects of 2 units");
  EXPECT_EQ(where(d), "3:26");
  EXPECT_EQ(std::filesystem::path(file_of(d)).filename(), "d.budget");
  ASSERT_EQ(d.notes.size(), 2u);
  EXPECT_EQ(d.notes[0].message, "a project of 单位 B01 乙");
  EXPECT_EQ(d.notes[1].message, "a project of 单位 A01 甲");
  // nor is it a member of a group of the department's
  temp_dir tg;
  auto grouped = compile_path(two_training_projects(tg, "项目组 \"组\" (培训费) 208 01 09 {\n  30216: 1.00\n}\n"),
                              no_catalog());
  EXPECT_EQ(one(grouped, "E0203").message, "project name '培训费' is that of projects of 2 units");
  // in one unit, the name is the project's: a second is declared twice
  temp_dir t2;
  t2.write("a.budget", "单位 A01 \"甲\"\n导入 \"a2.budget\"\n项目 \"培训费\" 金额 1.00\n");
  t2.write("a2.budget", "项目 \"培训费\" 金额 2.00\n");
  t2.write("b.budget", "单位 B01 \"乙\"\n");
  auto twice = compile_path(t2.write("d.budget", "导入 \"a.budget\"\n导入 \"b.budget\"\n"), no_catalog());
  EXPECT_EQ(one(twice, "E0303").message, "project '培训费' is declared twice");
}

// A grouped 核对 of a unit's file with a message names the unit once: its
// text, which the row's message quotes, names it already.  The row's items
// are in notes.
TEST(lang_unit_files, a_failed_row_of_a_units_grouped_constraint_names_the_unit_once) {
  temp_dir t;
  t.write("a.budget", "单位 A01 \"甲\"\n208 01 09 30101: 1.00\n208 01 09 30217: 2.00\n"
                      "核对 合计 按 经济.款 { 301 01: 1.00  302 17: 3.00 } \"经济分类不符\"\n");
  t.write("b.budget", "单位 B01 \"乙\"\n208 01 09 30101: 1.00\n");
  auto r = compile_path(t.write("d.budget", "导入 \"a.budget\"\n导入 \"b.budget\"\n"), no_catalog());
  const auto& d = one(r, "E0501");
  EXPECT_EQ(d.message, "经济分类不符: row 302 17 of '核对 合计 按 经济.款 (单位 A01 甲)'");
  ASSERT_EQ(d.notes.size(), 1u) << dump(r);
  EXPECT_EQ(d.notes[0].message, "in this row: 208 01 09 30217 2.00");
  EXPECT_EQ(where(d.notes[0].span), "3:1");
}

TEST(lang_unit_files, a_row_by_project_names_the_units_own) {
  temp_dir t;
  // in 甲's file its own; in the department's by the row's 单位, else E0203
  // (a missing group's row then names the project by its 编码)
  t.write("c.budget", "单位 C01 \"丙\"\n项目 \"培训费\" 编码 C0101 金额 5.00 {\n  208 01 09 30216: 5.00\n}\n");
  auto r = compile_path(two_training_projects(t, "导入 \"c.budget\"\n核对 合计(项目 = 培训费) 按 单位, 项目 {\n"
                                                 "  B01, 培训费: 20.00\n  A01, 培训费: 10.00\n  C01, 培训费: 5.00\n}\n"),
                        no_catalog());
  ASSERT_TRUE(r.ok()) << dump(r);
  t.write("a.budget", "单位 A01 \"甲\"\n项目 \"培训费\" 金额 10.00 {\n  208 01 09 30216: 10.00\n}\n"
                      "核对 合计 按 项目 { 培训费: 10.00 }\n");
  r = compile_path(t.path() / "d.budget", no_catalog());
  ASSERT_TRUE(r.ok()) << dump(r);
  t.write("d.budget", "导入 \"b.budget\"\n导入 \"a.budget\"\n导入 \"c.budget\"\n"
                      "核对 合计(项目 = 培训费) 按 项目 { 培训费: 35.00 }\n");
  r = compile_path(t.path() / "d.budget", no_catalog());
  EXPECT_EQ(one(r, "E0203").message, "project name '培训费' is that of projects of 3 units");
  const auto missing = with_code(r, "E0503");
  EXPECT_TRUE(std::any_of(missing.begin(), missing.end(), [](const auto* m) { return m->label == "add a row: C0101: 5.00"; }))
      << dump(r);
}

TEST(lang_unit_files, blocks_and_reopenings_of_a_project_of_another_unit) {
  temp_dir t;
  // a block of 甲's file names 甲's project declared before it, not 乙's
  const auto d = two_training_projects(t);
  t.write("a.budget", "单位 A01 \"甲\"\n208 01 09 项目 培训费 {\n  30216: 1.00\n}\n项目 \"培训费\" 金额 1.00\n");
  auto r = compile_path(d, no_catalog());
  EXPECT_EQ(one(r, "E0301").message, "unknown project '培训费'");
  EXPECT_EQ(std::filesystem::path(file_of(one(r, "E0301"))).filename(), "a.budget");
  // the department's file reopens the one unit's project of a name; a
  // declaration there is the department's own
  temp_dir t2;
  t2.write("b.budget", "单位 B01 \"乙\"\n项目 \"培训费\" 编码 B0101 {\n  208 01 09 30216: 20.00\n}\n");
  auto reopened = compile_path(t2.write("d.budget", "导入 \"b.budget\"\n项目 \"培训费\" {\n  208 01 09 30216: 3.00\n}\n"
                                                    "项目 \"会议费\" 金额 2.00 {\n  208 01 09 30215: 2.00\n}\n"),
                               no_catalog());
  ASSERT_TRUE(reopened.ok()) << dump(reopened);
  ASSERT_EQ(reopened.value->projects().size(), 2u);
  EXPECT_EQ(yusuan::total(*reopened.value, yusuan::project_is(*reopened.value, "B0101")).value(), yuan("23.00"));
  // two units' projects of the name: E0203, for a reopening and a block
  temp_dir t3;
  auto shared = compile_path(two_training_projects(t3, "项目 \"培训费\" {\n  208 01 09 30216: 3.00\n}\n"), no_catalog());
  EXPECT_EQ(one(shared, "E0203").message, "project name '培训费' is that of projects of 2 units");
  temp_dir t4;
  auto block = compile_path(two_training_projects(t4, "208 01 09 项目 培训费 {\n  30216: 3.00\n}\n"), no_catalog());
  EXPECT_EQ(one(block, "E0203").message, "project name '培训费' is that of projects of 2 units");
  EXPECT_TRUE(with_code(block, "E0301").empty()) << dump(block);
}

TEST(lang_unit_files, a_query_with_last_year_matches_projects_by_their_unit) {
  temp_dir t;
  const auto now = compile_path(two_training_projects(t), no_catalog());
  ASSERT_TRUE(now.ok()) << dump(now);
  temp_dir last;  // last year only 乙 had a 培训费
  last.write("b.budget", "单位 B01 \"乙\"\n项目 \"培训费\" 金额 25.00 {\n  208 01 09 30216: 25.00\n}\n");
  last.write("a.budget", "单位 A01 \"甲\"\n208 01 09 30216: 1.00\n");
  const auto before = compile_path(last.write("d.budget", "导入 \"b.budget\"\n导入 \"a.budget\"\n"), no_catalog());
  ASSERT_TRUE(before.ok()) << dump(before);
  const auto q = yusuan::parse_query("sum by project order by sum desc", *now.value, *before.value);
  const auto table = yusuan::run_with_prior(*now.value, *before.value, q);
  ASSERT_GE(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0].labels[0], "培训费");  // 乙's, 20.00
  EXPECT_EQ(table.rows[0].prior, yuan("25.00"));
  EXPECT_EQ(table.rows[1].labels[0], "培训费");  // 甲's, 10.00
  EXPECT_EQ(table.rows[1].prior, yuan("0.00"));
}
