// Rules applied from outside (compile_options::rules): a rule file's own unit
// of amounts, 参数 and their overrides, conditions (当), per-entity
// constraints (每个), and the budget's own measures and parameters before
// the rules' defaults.  Written with the matchers of <yusuan/testing.hpp>.
#include "rules/rules_support.hpp"
#include "support/test_support.hpp"

#include <yusuan/rule_tests.hpp>
#include <yusuan/testing.hpp>

#include <string>
#include <tuple>

using namespace yusuan_test;
using namespace yusuan::testing;
using ::testing::Not;


TEST(rules, a_rule_file_reads_its_amounts_in_its_own_unit) {
  rules_file r("金额单位 万元\n核对 支出合计 ≤ 1.00 \"不超过一万元\"\n");
  // the budget is in 元: 9,000.00 元 is 0.90 万元, 12,000.00 元 is 1.20 万元
  EXPECT_THAT(compile_with_rules("208 01 09 30101: 9,000.00\n", {r.path}, quiet()), ChecksClean());
  const auto over = compile_with_rules("208 01 09 30101: 12,000.00\n", {r.path}, quiet());
  EXPECT_THAT(over, FailsRule("不超过一万元"));
  EXPECT_THAT(over, Reports("E0501", "expected ≤ 1.00, found 1.20"));
}

TEST(rules, a_failed_rule_points_at_the_rule_and_names_the_budget) {
  rules_file r("核对 支出合计 = 0\n");
  const auto c = compile_with_rules("208 01 09 30101: 1.00\n", {r.path}, quiet());
  ASSERT_THAT(c, Reports("E0501", "checked on the budget <test>"));
  const auto& d = *with_code(c.diags, "E0501").front();
  EXPECT_EQ(file_of(d), r.path.string());
  EXPECT_EQ(yusuan::resolve(d.span).line, 1u);
}

TEST(rules, the_budget_is_not_edited_and_its_own_constraints_stay_its_own) {
  rules_file r("核对 支出合计 ≥ 0\n");
  std::vector<yusuan::constraint_result> seen;
  auto o = quiet();
  o.on_constraint = [&](const yusuan::constraint_result& x) { seen.push_back(x); };
  const auto c = compile_with_rules("208 01 09 30101: 1.00\n核对 支出合计 = 1.00\n", {r.path}, o);
  EXPECT_THAT(c, ChecksClean());
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_FALSE(seen[0].from_rules);
  EXPECT_TRUE(seen[1].from_rules);
  EXPECT_EQ(c.value->constraints().size(), 2u);
}

TEST(rules, parameters_have_defaults_overrides_and_the_budgets_own_values) {
  rules_file r("金额单位 万元\n参数 上限 = 2.00\n参数 比例 = 50%\n核对 支出合计 ≤ 上限 \"超过上限\"\n"
               "核对 占比(人员经费, 支出合计) ≥ 比例 \"人员经费占比不足\"\n");
  const std::string budget = "金额单位 万元\n208 01 09 人员经费 30101: 1.00\n208 01 09 公用经费 30201: 2.00\n";
  const auto by_default = compile_with_rules(budget, {r.path}, quiet());
  EXPECT_THAT(by_default, FailsRule("超过上限"));
  EXPECT_THAT(by_default, FailsRule("人员经费占比不足"));  // 33% < 50%
  auto o = quiet();
  o.parameters = {{"上限", "3.00"}, {"比例", "30%"}};
  EXPECT_THAT(compile_with_rules(budget, {r.path}, o), ChecksClean());
  // a 参数 of the budget's own comes before the rule file's default
  EXPECT_THAT(compile_with_rules("金额单位 万元\n参数 上限 = 3.00\n参数 比例 = 33%\n" + budget.substr(budget.find('\n') + 1),
                                 {r.path}, quiet()),
              ChecksClean());
}

TEST(rules, a_parameter_is_a_threshold_compared_exactly_not_a_published_figure) {
  // 29.50% is not 30% or more, however 30% is written; 1.04 万元 is more
  // than 1 (as a published figure, 30% and 1 would round the other side)
  rules_file r("金额单位 万元\n参数 比例 = 30%\n参数 上限 = 1\n参数 压减 = 0.00%\n"
               "核对 占比(人员经费, 支出合计) ≥ 比例 \"比例不足\"\n"
               "核对 合计(经济 = 30201) ≤ 上限 \"超过上限\"\n"
               "核对 增幅(支出合计) ≤ -压减 \"未压减\"\n");
  const auto c = compile_with_rules("金额单位 万元\n208 01 09 人员经费 30101: 2.95\n208 01 09 公用经费 30201: 1.04\n"
                                    "208 01 09 公用经费 30202: 6.0101\n上年 支出合计 10.00\n",
                                    {r.path}, quiet());
  EXPECT_THAT(c, FailsRule("比例不足"));
  EXPECT_THAT(c, Reports("E0501", "expected ≥ 30%, found 29.50% (2.95 / 10.0001)"));
  EXPECT_THAT(c, FailsRule("超过上限"));
  EXPECT_THAT(c, Reports("E0501", "expected ≤ 1.00, found 1.04"));
  // +0.00% written, +0.00% rounded, yet it grew: shown with the decimals that tell it
  EXPECT_THAT(c, FailsRule("未压减"));
  EXPECT_THAT(c, Reports("E0501", "expected ≤ 0.00%, found 0.001% (0.0001 / 10.00)"));
  // at the threshold exactly, each holds
  const auto at = compile_with_rules("金额单位 万元\n208 01 09 人员经费 30101: 3.00\n208 01 09 公用经费 30201: 1.00\n"
                                     "208 01 09 公用经费 30202: 6.00\n上年 支出合计 10.00\n",
                                     {r.path}, quiet());
  EXPECT_THAT(at, ChecksClean());
  // a literal written in the budget's own constraint is a published figure
  EXPECT_THAT(compile_with_rules("金额单位 万元\n208 01 09 人员经费 30101: 2.95\n208 01 09 公用经费 30201: 7.05\n"
                                 "核对 占比(人员经费, 支出合计) ≥ 30% \"比例不足\"\n",
                                 {}, quiet()),
              ChecksClean());
}

TEST(rules, an_amount_or_percentage_written_in_a_rule_is_a_threshold_compared_exactly) {
  // as a 参数 is: 504,900.00 元 is 50.49 万元, over 50 (published, it would
  // round to 50 and pass)
  rules_file r("金额单位 万元\n核对 支出合计 ≤ 50 \"超过五十万元\"\n"
               "核对 合计(资金 = 政府性基金) = 0 \"不得有政府性基金支出\"\n"
               "核对 占比(人员经费, 支出合计) ≥ 30% \"人员经费占比不足\"\n");
  const auto over = compile_with_rules("金额单位 元\n208 01 09 人员经费 30101: 100,000.00\n"
                                       "208 01 09 公用经费 30201: 404,860.00\n208 01 09 公用经费 30201: 40.00 资金 政府性基金\n",
                                       {r.path}, quiet());
  EXPECT_THAT(over, FailsRule("超过五十万元"));
  EXPECT_THAT(over, Reports("E0501", "found 50.49"));
  EXPECT_THAT(over, FailsRule("不得有政府性基金支出"));  // 40.00 元 is 0.004 万元
  EXPECT_THAT(over, FailsRule("人员经费占比不足"));     // 19.81 %
  const auto share = compile_with_rules("金额单位 元\n208 01 09 人员经费 30101: 295.00\n208 01 09 公用经费 30201: 705.00\n",
                                        {r.path}, quiet());
  EXPECT_THAT(share, FailsRule("人员经费占比不足"));  // 29.5 %: not rounded up to 30 %
  EXPECT_THAT(share, Not(FailsRule("超过五十万元")));
  EXPECT_THAT(compile_with_rules("金额单位 元\n208 01 09 人员经费 30101: 300.00\n208 01 09 公用经费 30201: 700.00\n",
                                 {r.path}, quiet()),
              ChecksClean());
  // a budget's own 核对 compares its figures as published
  EXPECT_THAT(compile_with_rules("金额单位 元\n208 01 09 30101: 504,900.00\n核对 支出合计 ≤ 50万元\n", {}, quiet()),
              ChecksClean());
}

TEST(rules, a_grouped_row_and_a_year_on_year_figure_written_in_a_rule_are_thresholds_compared_exactly) {
  // 0.910168 万元 was rounded to the row's 0.91, a change of 减少 0.500004 万元 to 减少 0.50 and a fall of
  // 5.004 % to 5 %: each passed
  rules_file r("金额单位 万元\n核对 合计 按 功能.类 {\n  208: 0.91\n} \"按类\"\n"
               "核对 支出合计 较上年 减少 0.50 \"减少\"\n核对 支出合计 较上年 下降 5% \"下降\"\n");
  const auto c = compile_with_rules("金额单位 元\n208 01 09 30201: 9,101.68\n上年 支出合计 14,101.72\n", {r.path}, quiet());
  EXPECT_THAT(c, FailsRule("按类"));
  EXPECT_THAT(c, Reports("E0501", "expected 0.91, found 0.910168 (difference +0.000168 万元)"));
  EXPECT_THAT(c, FailsRule("减少"));
  EXPECT_THAT(c, Reports("E0501", "expected 减少 0.50, found 减少 0.500004"));
  const auto exact = compile_with_rules("金额单位 元\n208 01 09 30201: 9,100.00\n上年 支出合计 14,100.00\n", {r.path},
                                        quiet());
  EXPECT_THAT(exact, Not(FailsRule("按类")));
  EXPECT_THAT(exact, Not(FailsRule("减少")));
  EXPECT_THAT(compile_with_rules("金额单位 元\n208 01 09 30201: 9,499.60\n上年 支出合计 10,000.00\n", {r.path}, quiet()),
              FailsRule("下降"));
  EXPECT_THAT(compile_with_rules("金额单位 元\n208 01 09 30201: 9,500.00\n上年 支出合计 10,000.00\n", {r.path}, quiet()),
              Not(FailsRule("下降")));
  // a budget's own 核对 compares them as published
  EXPECT_THAT(compile_with_rules("金额单位 元\n208 01 09 30201: 9,101.68\n上年 支出合计 14,101.72\n"
                                 "核对 合计 按 功能.类 {\n  208: 0.91万元\n}\n核对 支出合计 较上年 减少 0.50万元\n",
                                 {}, quiet()),
              ChecksClean());
}

TEST(rules, a_grouped_rules_missing_group_carries_its_message) {
  // a test could not name the rule: E0503 said only "group 208 … is missing"
  rules_file r("核对 合计(资金 = 政府性基金) 按 功能.类 { } \"不应安排政府性基金支出\"\n");
  const auto c = compile_with_rules("208 01 09 30201: 1.00 资金 政府性基金\n", {r.path}, quiet());
  EXPECT_THAT(c, Reports("E0503", "不应安排政府性基金支出: group 208 (1.00) is missing from '核对 合计(资金 = 政府性基金) 按 功能.类"));
}

TEST(rules, a_change_that_is_not_zero_is_never_shown_as_flat) {
  // a rise of 0.00001 % against a threshold of 3 % was "持平 0%"
  rules_file r("参数 压减比例 = 3%\n核对 支出合计 较上年 下降 压减比例 \"压减\"\n");
  const auto up = compile_with_rules("208 01 09 30201: 100,000.01\n上年 支出合计 100,000.00\n", {r.path}, quiet());
  EXPECT_THAT(up, Reports("E0501", "expected 下降 3%, found 增长 0.00001% (100,000.01 against 上年 100,000.00)"));
  const auto down = compile_with_rules("208 01 09 30201: 99,999.99\n上年 支出合计 100,000.00\n", {r.path}, quiet());
  EXPECT_THAT(down, Reports("E0501", "found 下降 0.00001%"));
  const auto flat = compile_with_rules("208 01 09 30201: 100,000.00\n上年 支出合计 100,000.00\n", {r.path}, quiet());
  EXPECT_THAT(flat, Reports("E0501", "found 持平 0%"));
}

TEST(rules, an_amount_in_a_filter_or_condition_named_as_a_parameter_is_looked_up_as_one) {
  // 金额 compared with a name: a 参数 of an amount, or E0302 / E0502 as in
  // 容差 and 较上年 (it was E0202 "malformed amount")
  const std::string budget = "208 01 09 30101: 12.00\n";
  rules_file unknown("核对 支出合计 ≤ 10.00 当 金额 ≥ 未声明\n");
  const auto u = compile_with_rules(budget, {unknown.path}, quiet());
  EXPECT_THAT(u, Reports("E0302", "no 参数 named '未声明'"));
  EXPECT_THAT(u, Not(Reports("E0202")));
  rules_file percent("参数 比例 = 5%\n核对 计数(金额 ≥ 比例) = 0\n");
  const auto p = compile_with_rules(budget, {percent.path}, quiet());
  EXPECT_THAT(p, Reports("E0502", "parameter '比例' is a percentage, not an amount"));
  EXPECT_THAT(p, Not(Reports("E0202")));
  rules_file amount("参数 起点 = 10.00\n核对 计数(金额 ≥ 起点) = 0 \"有大额支出\"\n核对 支出合计 ≤ 1.00 \"超过\" 当 金额 ≥ 起点\n");
  const auto a = compile_with_rules(budget, {amount.path}, quiet());
  EXPECT_THAT(a, FailsRule("有大额支出"));
  EXPECT_THAT(a, FailsRule("超过"));
}

TEST(rules, a_percentage_as_a_value_of_amount_is_E0202_at_the_percentage_not_a_syntax_error) {
  // 金额 ≥ 5% read as an amount followed by a stray '%' (E0101 "expected a
  // statement, found '%'" in a 当; "expected ')'" in a filter)
  const auto at = [](const yusuan::diagnostics& ds, std::string_view code) {
    std::string out;
    for (const auto& d : ds)
      if (d.code == code) out += where_in_file(d) + " " + d.message + "\n";
    return out;
  };
  const std::string budget = "208 01 09 30101: 12.00\n";
  rules_file when("核对 支出合计 ≤ 10.00 当 金额 ≥ 5%\n");
  const auto w = compile_with_rules(budget, {when.path}, quiet());
  EXPECT_EQ(at(w.diags, "E0202"), when.path.string() + ":1:24 '5%' is a percentage: 金额 compares with an amount\n");
  EXPECT_THAT(w, Not(Reports("E0101")));
  rules_file filter("核对 计数(金额 ≥ 5％) = 0\n");
  const auto f = compile_with_rules(budget, {filter.path}, quiet());
  EXPECT_EQ(at(f.diags, "E0202"), filter.path.string() + ":1:12 '5％' is a percentage: 金额 compares with an amount\n");
  EXPECT_THAT(f, Not(Reports("E0101")));
  // in a budget's own 核对, as in a rule file
  const auto own = compile(budget + "核对 合计(金额 > 1.5%) = 0\n");
  EXPECT_EQ(where(one(own, "E0202")), "2:12") << dump(own);
  // other values are read as before
  EXPECT_THAT(compile_with_rules(budget + "核对 计数(金额 ≥ 10.00) = 1\n核对 计数(经济 属于 (301, 302)) = 1\n", {}, quiet()),
              ChecksClean());
}

TEST(rules, a_ratio_past_a_threshold_of_six_decimals_shows_the_decimals_that_tell_it) {
  // 1/3 is 33.3333333…%, over 33.333333%: found and expected never read alike
  rules_file r("参数 三分之一 = 33.333333%\n核对 占比(人员经费, 支出合计) ≤ 三分之一 \"超过三分之一\"\n");
  const auto c = compile_with_rules("208 01 09 人员经费 30101: 1.00\n208 01 09 公用经费 30201: 2.00\n", {r.path}, quiet());
  EXPECT_THAT(c, FailsRule("超过三分之一"));
  EXPECT_THAT(c, Reports("E0501", "expected ≤ 33.333333%, found 33.3333333% (1.00 / 3.00)"));
}

TEST(rules, an_unknown_parameter_is_E0307) {
  rules_file r("参数 上限 = 2.00\n核对 支出合计 ≤ 上限\n");
  auto o = quiet();
  o.parameters = {{"下限", "1.00"}};
  const auto c = compile_with_rules("208 01 09 30101: 1.00\n", {r.path}, o);
  EXPECT_THAT(c, Reports("E0307", "no rule declares the parameter '下限'"));
  EXPECT_THAT(c, Reports("E0307", "the rules declare 上限"));
}

TEST(rules, a_malformed_override_is_one_error_and_the_rules_using_it_say_nothing_more) {
  rules_file r("参数 上限 = 2.00\n核对 计数(金额 ≥ 上限) = 0 警告 \"有大额支出\"\n核对 支出合计 ≤ 上限 \"超过上限\"\n");
  auto o = quiet();
  o.parameters = {{"上限", "1..0"}};
  const auto c = compile_with_rules("208 01 09 30101: 1.00\n", {r.path}, o);
  ASSERT_EQ(c.diags.error_count(), 1u) << ::testing::PrintToString(c);
  EXPECT_THAT(c, Reports("E0202", "malformed amount '1..0'"));
  EXPECT_EQ(file_of(*with_code(c.diags, "E0202").front()), "--set");
}

// `--set 比例=5` for a parameter declared 5%: the mistake is the --set's,
// said there once; the declared value stands in, and the rules using the
// parameter say nothing more of it.
TEST(rules, an_override_of_the_wrong_kind_is_one_error_at_the_override) {
  rules_file r("参数 上限 = 2.00\n参数 比例 = 50%\n核对 支出合计 ≤ 上限 \"超过上限\"\n"
               "核对 占比(人员经费, 支出合计) ≥ 比例 \"人员经费占比不足\"\n");
  for (const auto& [name, value, message] :
       {std::tuple<std::string, std::string, std::string>{"比例", "30", "parameter '比例' is a percentage, not an amount"},
        {"上限", "3%", "parameter '上限' is an amount, not a percentage"}}) {
    auto o = quiet();
    o.parameters = {{name, value}};
    const auto c = compile_with_rules("金额单位 万元\n208 01 09 人员经费 30101: 1.00\n", {r.path}, o);
    ASSERT_EQ(c.diags.error_count(), 1u) << ::testing::PrintToString(c);
    EXPECT_THAT(c, Reports("E0502", message));
    const auto& d = *with_code(c.diags, "E0502").front();
    EXPECT_EQ(file_of(d), "--set");
    EXPECT_EQ(d.found, value);
    ASSERT_EQ(d.notes.size(), 1u);
    EXPECT_EQ(d.notes[0].message, "declared here");
  }
}

TEST(rules, a_parameter_declared_twice_is_E0303) {
  const auto c = compile_with_rules("参数 上限 = 2.00\n参数 上限 = 3.00\n", {}, quiet());
  EXPECT_THAT(c, Reports("E0303", "parameter '上限' is declared twice"));
}

TEST(rules, conditions_on_the_unit_type_year_and_department) {
  rules_file r("核对 支出合计 = 0 \"行政参公\" 当 单位类型 属于 (行政, 参公)\n"
               "核对 支出合计 = 0 \"2025年起\" 当 年度 ≥ 2025\n"
               "核对 支出合计 = 0 \"801部门\" 当 部门 = 801\n"
               "核对 支出合计 = 0 \"非事业\" 当 非 单位类型 = 事业\n");
  const auto a = compile_with_rules("年度 2024\n单位 1 \"甲\" 类型 参公\n部门 801 人社局\n208 01 09 30101: 1.00\n",
                                    {r.path}, quiet());
  EXPECT_THAT(a, FailsRule("行政参公"));
  EXPECT_THAT(a, Not(FailsRule("2025年起")));
  EXPECT_THAT(a, FailsRule("801部门"));
  EXPECT_THAT(a, FailsRule("非事业"));
  const auto b = compile_with_rules("年度 2025\n单位 1 \"乙\" 类型 事业\n部门 802 卫健委\n208 01 09 30101: 1.00\n",
                                    {r.path}, quiet());
  EXPECT_THAT(b, Not(FailsRule("行政参公")));
  EXPECT_THAT(b, FailsRule("2025年起"));
  EXPECT_THAT(b, Not(FailsRule("801部门")));
  EXPECT_THAT(b, Not(FailsRule("非事业")));
}

// A table carries its empty-table note exactly when it has no figures: both
// directions, stated with 当 表注.
TEST(rules, conditions_on_table_notes) {
  rules_file r("核对 合计(资金 = 政府性基金) = 0 \"有空表说明的表应当无数\" 当 表注 = 预算09表\n"
               "核对 合计(资金 = 政府性基金) ≠ 0 \"无数的表应当有空表说明\" 当 非 表注 = 预算09表\n");
  const std::string fund = "208 01 09 30101: 1.00 资金 政府性基金\n";
  const std::string none = "208 01 09 30101: 1.00\n";
  const std::string note = "表注 预算09表 \"本单位无政府性基金预算拨款安排的支出，故此表无数。\"\n";
  // an empty table with its note, a table with figures and no note: both hold
  EXPECT_THAT(compile_with_rules(none + note, {r.path}, quiet()), ChecksClean());
  EXPECT_THAT(compile_with_rules(fund, {r.path}, quiet()), ChecksClean());
  // the note on a table with figures, an empty table without its note: each fails its rule
  const auto noted = compile_with_rules(fund + note, {r.path}, quiet());
  EXPECT_THAT(noted, FailsRule("有空表说明的表应当无数"));
  EXPECT_THAT(noted, Not(FailsRule("无数的表应当有空表说明")));
  const auto bare = compile_with_rules(none, {r.path}, quiet());
  EXPECT_THAT(bare, FailsRule("无数的表应当有空表说明"));
  EXPECT_THAT(bare, Not(FailsRule("有空表说明的表应当无数")));
  // the same table by its number
  rules_file n("核对 合计(资金 = 政府性基金) = 0 \"按编号\" 当 表注 = 9\n");
  EXPECT_THAT(compile_with_rules(fund + note, {n.path}, quiet()), FailsRule("按编号"));
  EXPECT_THAT(compile_with_rules(fund, {n.path}, quiet()), Not(FailsRule("按编号")));
}

TEST(rules, each_project_is_reported_separately) {
  rules_file r("金额单位 万元\n参数 起点 = 10.00\n"
               "每个 项目: 核对 产出指标数 ≥ 1 \"缺少产出指标\" 当 金额 ≥ 起点\n"
               "每个 项目: 核对 合计(经济 = 30227) ≤ 50.00 \"委托业务费过高\"\n");
  const std::string budget =
      "金额单位 万元\n"
      "项目 \"甲\" 类型 特定目标类 功能 2080109 { 30227: 60.00 }\n"
      "项目 \"乙\" 类型 特定目标类 功能 2080109 { 30227: 20.00 }\n"
      "项目 \"丙\" 类型 特定目标类 功能 2080109 { 30227: 5.00 }\n"
      "项目 \"丁\" 类型 特定目标类 功能 2080109 { 30227: 30.00\n 绩效 { 产出 人次 ≥1人次 } }\n";
  const auto c = compile_with_rules(budget, {r.path}, quiet());
  EXPECT_THAT(c, FailsRule("缺少产出指标 (项目 甲)"));
  EXPECT_THAT(c, FailsRule("缺少产出指标 (项目 乙)"));
  EXPECT_THAT(c, Not(FailsRule("缺少产出指标 (项目 丙)")));  // under the threshold
  EXPECT_THAT(c, Not(FailsRule("缺少产出指标 (项目 丁)")));  // has one
  EXPECT_THAT(c, FailsRule("委托业务费过高 (项目 甲)"));  // the project's items only
  EXPECT_THAT(c, Not(FailsRule("委托业务费过高 (项目 乙)")));
  EXPECT_EQ(with_code(c.diags, "E0501").size(), 3u);
  for (const auto* d : with_code(c.diags, "E0501")) {
    if (d->message.find("委托业务费过高") != std::string::npos) {
      // the items counted are the project's own, not the budget's
      std::vector<std::string> counted;
      for (const auto& n : d->notes)
        if (n.message.starts_with("counted: ")) counted.push_back(n.message);
      EXPECT_EQ(counted, (std::vector<std::string>{"counted: 208 01 09 30227 甲 60.00"})) << dump(c.diags);
    } else {
      EXPECT_EQ(d->expected, "≥ 1");  // a count's comparison is shown with its comparator
      EXPECT_EQ(d->found, "0");
    }
  }
}

TEST(rules, a_failed_count_shows_its_comparator_and_lists_the_items_counted) {
  rules_file r("金额单位 万元\n参数 大额 = 10.00\n核对 计数(金额 ≥ 大额) = 0 \"大额支出待复核\"\n"
               "核对 项目数 ≠ 2 \"项目数\"\n");
  const auto c = compile_with_rules("金额单位 万元\n208 01 09 30101: 12.00\n208 01 09 30102: 3.00\n"
                                    "项目 \"甲\" 功能 2080109 { 30227: 1.00 }\n项目 \"乙\" 功能 2080109 { 30227: 1.00 }\n",
                                    {r.path}, quiet());
  ASSERT_EQ(with_code(c.diags, "E0501").size(), 2u) << dump(c.diags);
  const auto& big = *with_code(c.diags, "E0501")[0];
  EXPECT_EQ(big.message, "大额支出待复核");
  EXPECT_EQ(big.found, "1");
  std::vector<std::string> counted;
  for (const auto& n : big.notes)
    if (n.message.starts_with("counted: ")) counted.push_back(n.message);
  EXPECT_EQ(counted, (std::vector<std::string>{"counted: 208 01 09 30101 12.00"}));
  const auto& projects = *with_code(c.diags, "E0501")[1];
  EXPECT_EQ(projects.expected, "≠ 2");
  EXPECT_EQ(projects.found, "2");
}

TEST(rules, each_unit_of_a_department_is_reported_separately) {
  rules_file r("每个 单位: 核对 支出合计 ≤ 5.00 \"单位支出过高\" 当 单位类型 = 事业\n");
  const std::string budget =
      "单位 1 \"局本级\" 类型 行政\n208 01 09 30101: 9.00\n"
      "导入 \"a.budget\"\n导入 \"b.budget\"\n";
  temp_dir d;
  d.write("a.budget", "单位 2 \"甲中心\" 类型 事业\n208 01 09 30101: 6.00\n");
  d.write("b.budget", "单位 3 \"乙中心\" 类型 事业\n208 01 09 30101: 4.00\n");
  auto o = quiet();
  o.root = d.path();
  const auto c = compile_with_rules(budget, {r.path}, o);
  EXPECT_THAT(c, FailsRule("单位支出过高 (单位 2 甲中心)"));
  EXPECT_THAT(c, Not(FailsRule("乙中心")));
  EXPECT_THAT(c, Not(FailsRule("局本级")));  // 行政: the condition does not hold
}

TEST(rules, each_unit_of_a_department_whose_own_file_holds_no_item_is_its_units_only) {
  // the department's file states no unit and no item: it only imports its
  // units' files, and its own unit (无) is no unit to check
  rules_file r("每个 单位: 核对 支出合计 > 0 \"每个单位须有支出\"\n"
               "每个 单位: 核对 占比(公用经费, 支出合计) ≤ 85% \"公用经费占比过高\"\n");
  temp_dir d;
  d.write("a.budget", "单位 2 \"甲中心\" 类型 事业\n208 01 09 人员经费 30101: 6.00\n");
  d.write("b.budget", "单位 3 \"乙中心\" 类型 事业\n208 01 09 公用经费 30201: 4.00\n");
  auto o = quiet();
  o.root = d.path();
  std::vector<std::string> checked;
  o.on_constraint = [&](const yusuan::constraint_result& x) { checked.push_back(x.text); };
  const auto c = compile_with_rules("部门 100 \"某部门\"\n导入 \"a.budget\"\n导入 \"b.budget\"\n", {r.path}, o);
  EXPECT_THAT(c, FailsRule("公用经费占比过高 (单位 3 乙中心)"));
  EXPECT_THAT(c, Not(FailsRule("无")));
  EXPECT_THAT(c, Not(Reports("E0502")));  // the share of a unit of no item
  EXPECT_EQ(checked.size(), 4u);          // two rules × two units
  // a prior figure under 每个 单位: the note counts the two units
  rules_file prior("每个 单位: 核对 支出合计 ≤ 上年(支出合计)\n");
  const auto p = compile_with_rules("部门 100 \"某部门\"\n上年 支出合计 9.00\n导入 \"a.budget\"\n导入 \"b.budget\"\n",
                                    {prior.path}, o);
  EXPECT_THAT(p, Reports("E0302", "each of the budget's 2 units"));
  // the department's own items make it a unit, named 无
  const auto own = compile_with_rules("部门 100 \"某部门\"\n208 01 09 30101: 0.00\n导入 \"a.budget\"\n导入 \"b.budget\"\n",
                                      {r.path}, o);
  EXPECT_THAT(own, FailsRule("每个单位须有支出 (单位 无)"));
}

TEST(rules, a_condition_on_the_unit_type_of_a_department_holds_when_one_of_its_units_is_of_it) {
  // the department's own file states no unit type: 机关运行经费 (the
  // 公用经费 of its 行政 and 参公 units) is checked for it all the same
  rules_file r("核对 支出合计 ≤ 5.00 \"行政部门支出过高\" 当 单位类型 属于 (行政, 参公)\n"
               "核对 支出合计 ≤ 5.00 \"事业部门支出过高\" 当 单位类型 = 事业\n"
               "核对 支出合计 ≤ 5.00 \"非行政部门支出过高\" 当 单位类型 ≠ 行政\n");
  temp_dir d;
  d.write("a.budget", "单位 2 \"甲局\" 类型 行政\n208 01 09 30101: 6.00\n");
  d.write("b.budget", "单位 3 \"乙中心\" 类型 参公\n208 01 09 30101: 4.00\n");
  auto o = quiet();
  o.root = d.path();
  const auto c = compile_with_rules("部门 100 \"某部门\"\n导入 \"a.budget\"\n导入 \"b.budget\"\n", {r.path}, o);
  EXPECT_THAT(c, FailsRule("行政部门支出过高"));
  EXPECT_THAT(c, Not(FailsRule("事业部门支出过高")));  // no unit of the department is 事业
  EXPECT_THAT(c, Not(FailsRule("非行政部门支出过高")));  // one of its units is 行政
  // a unit budget: its own unit's type, as before
  EXPECT_THAT(compile_with_rules("单位 1 \"丙中心\" 类型 事业\n208 01 09 30101: 9.00\n", {r.path}, quiet()),
              FailsRule("事业部门支出过高"));
}

TEST(rules, a_percentage_the_figures_leave_undefined_names_the_instance_and_is_a_warning_under_warning) {
  // under 每个 项目 a project has no 基本支出: the share of it is undefined
  const std::string budget =
      "项目 \"甲\" 类型 特定目标类 功能 2080109 {\n  30227: 60.00\n}\n"
      "项目 \"乙\" 类型 特定目标类 功能 2080109 {\n  30227: 40.00\n}\n";
  rules_file error_rule("每个 项目: 核对 占比(人员经费, 基本支出) ≤ 90% \"人员经费占比偏高\"\n");
  const auto e = compile_with_rules(budget, {error_rule.path}, quiet());
  EXPECT_THAT(e, Reports("E0502", "for 项目 甲"));
  EXPECT_THAT(e, Reports("E0502", "for 项目 乙"));
  EXPECT_FALSE(e.value);
  rules_file warning_rule("每个 项目: 核对 占比(人员经费, 基本支出) ≤ 90% 警告 \"人员经费占比偏高\"\n");
  const auto w = compile_with_rules(budget, {warning_rule.path}, quiet());
  EXPECT_THAT(w, ChecksClean());
  EXPECT_THAT(w, Reports("W0502", "for 项目 乙"));
  EXPECT_THAT(w, Reports("W0502", "it neither passes nor fails"));
  EXPECT_THAT(w, Not(Reports("E0502")));
  EXPECT_EQ(with_code(w.diags, "W0502").size(), 2u);
  // a mistake in writing the rule stays an error under 警告
  rules_file wrong("核对 占比(人员经费, 支出合计) ≤ 1.00 警告\n");
  EXPECT_THAT(compile_with_rules(budget, {wrong.path}, quiet()), Reports("E0502"));
}

TEST(rules, a_condition_on_the_unit_names_the_department_s_own_items_as_filters_do) {
  // 当 单位 = 无: the unit of neither a code nor a name (the items of the
  // department's own file), as `合计(单位 = 无)` reads it (the condition
  // never held, and 当 单位 ≠ 无 held for it)
  rules_file eq("每个 单位: 核对 支出合计 ≤ 5.00 \"本级支出过高\" 当 单位 = 无\n");
  rules_file ne("每个 单位: 核对 支出合计 ≤ 5.00 \"单位支出过高\" 当 单位 ≠ 无\n");
  temp_dir d;
  d.write("a.budget", "单位 2 \"甲中心\" 类型 事业\n208 01 09 30101: 6.00\n");
  d.write("b.budget", "单位 3 \"乙中心\" 类型 事业\n208 01 09 30101: 4.00\n");
  const std::string budget = "部门 1 \"测试局\"\n208 01 09 30101: 9.00\n导入 \"a.budget\"\n导入 \"b.budget\"\n";
  auto o = quiet();
  o.root = d.path();
  const auto own = compile_with_rules(budget, {eq.path}, o);
  EXPECT_EQ(with_code(own.diags, "E0501").size(), 1u) << dump(own.diags);
  EXPECT_THAT(own, FailsRule("本级支出过高 (单位 无)"));  // it read "(单位 )"
  const auto others = compile_with_rules(budget, {ne.path}, o);
  EXPECT_EQ(with_code(others.diags, "E0501").size(), 1u) << dump(others.diags);
  EXPECT_THAT(others, FailsRule("单位支出过高 (单位 2 甲中心)"));
}

TEST(rules, a_prior_year_figure_under_each_unit_of_several_or_each_project_is_E0302_once) {
  // 上年 figures are the whole budget's: a unit of two (or a project) would
  // be compared with the department's, and pass where it grew
  rules_file r("口径 接待 = 合计(经济 = 30217)\n"
               "每个 单位: 核对 接待 ≤ 上年(接待) \"不得增长\" 当 上年 = 接待\n"
               "每个 单位: 核对 增幅(接待) ≤ 0% \"增幅\"\n"
               "每个 单位: 核对 接待 较上年 持平 \"较上年\"\n"
               "口径 接待增幅 = 增幅(接待)\n"
               "每个 单位: 核对 接待增幅 ≤ 0% \"经口径\"\n");
  const std::string two_units = "单位 1 \"局本级\" 类型 行政\n208 01 01 30217: 3.00\n"
                                "单位 2 \"中心\" 类型 行政\n208 01 09 30217: 8.00\n上年 接待 11.00\n";
  const auto c = compile_with_rules(two_units, {r.path}, quiet());
  EXPECT_EQ(with_code(c.diags, "E0302").size(), 4u) << dump(c.diags);  // once each, not once per unit
  // at what compares with the 上年 figure: the name in 上年(接待), 增幅(接待), the 较上年 quantity, the measure
  std::vector<std::string> at;
  for (const auto* d : with_code(c.diags, "E0302")) {
    const auto& text = d->span.file->text();
    at.push_back(std::string(text.substr(d->span.offset, d->span.length)) + " " + where(*d));
  }
  EXPECT_EQ(at, (std::vector<std::string>{"接待 2:19", "增幅(接待) 3:11", "接待 4:11", "接待增幅 6:11"})) << dump(c.diags);
  EXPECT_THAT(c, Reports("E0302", "上年 figures are the whole budget's, not each unit's"));
  EXPECT_TRUE(with_code(c.diags, "E0501").empty()) << dump(c.diags);
  // where the condition holds for no unit, the rule does not apply: nothing to say
  rules_file cond("每个 单位: 核对 合计 ≤ 上年(接待) 当 单位类型 = 事业\n");
  EXPECT_THAT(compile_with_rules(two_units, {cond.path}, quiet()), ChecksClean());
  // a budget of one unit: the unit is the budget, and its 上年 figure its own
  const auto one = compile_with_rules("单位 1 \"局本级\" 类型 行政\n208 01 01 30217: 3.00\n上年 接待 2.00\n",
                                      {r.path}, quiet());
  EXPECT_TRUE(with_code(one.diags, "E0302").empty()) << dump(one.diags);
  EXPECT_THAT(one, FailsRule("不得增长 (单位 1 局本级)"));
  // each project: never its own 上年 figure
  rules_file proj("每个 项目: 核对 合计 ≤ 上年(支出合计)\n");
  const auto p = compile_with_rules("项目 \"甲\" 类型 特定目标类 功能 2080109 { 30227: 6.00 }\n上年 支出合计 9.00\n",
                                    {proj.path}, quiet());
  EXPECT_THAT(p, Reports("E0302", "上年 figures are the whole budget's, not each project's"));
}

TEST(rules, a_measure_the_budget_defines_is_the_budgets_own) {
  rules_file r("口径 公用 = 合计(经济 = 302)\n核对 公用 ≤ 1.00 \"公用过高\"\n");
  EXPECT_THAT(compile_with_rules("208 01 09 30201: 5.00\n", {r.path}, quiet()), FailsRule("公用过高"));
  // the budget's own 公用 (0.00 here) is used, not the rule file's
  const auto own = compile_with_rules("208 01 09 30201: 5.00\n口径 公用 = 合计(经济 = 301)\n", {r.path}, quiet());
  EXPECT_THAT(own, ChecksClean());
  EXPECT_THAT(own, HasMeasure("公用", "0.00"));
}

TEST(rules, an_unknown_condition_or_entity_is_an_error) {
  EXPECT_THAT(compile_with_rules("核对 支出合计 = 0 当 经济 = 301\n", {}, quiet()),
              Reports("E0304", "'经济' cannot be a condition of 当"));
  EXPECT_THAT(compile_with_rules("每个 科目: 核对 支出合计 = 0\n", {}, quiet()), Reports("E0205", "unknown 每个 '科目'"));
  EXPECT_THAT(compile_with_rules("核对 支出合计 = 0 当 单位类型 = 公司\n", {}, quiet()),
              Reports("E0205", "unknown unit type '公司'"));
}

TEST(rules, the_lines_of_a_test_split_words_at_every_blank_of_the_language) {
  // a vertical tab, a form feed and U+3000 are blanks in a budget: in a test's
  // 应 line too (once a vertical tab was part of a word there, and formatting
  // the file, which makes it a space, changed what the test said)
  temp_dir dir;
  const auto file = dir.write("t.budget",
                              "测试 \"a\" {\n  应\v等于 三公经费 10.00\v\n  应\f通过\u3000\n}\n"
                              "测试 \"b\" {\n  应 等于 三公经费 10.00\v\x01\n}\n");
  std::vector<std::string> errors;
  const auto tests = yusuan::read_rule_tests(file, errors);
  ASSERT_GE(tests.size(), 1u);
  ASSERT_EQ(tests[0].expectations.size(), 2u);
  EXPECT_EQ(tests[0].expectations[0].what, yusuan::rule_expectation::kind::equals);
  EXPECT_EQ(tests[0].expectations[0].name, "三公经费");
  EXPECT_EQ(tests[0].expectations[0].amount, "10.00");
  EXPECT_EQ(tests[0].expectations[1].what, yusuan::rule_expectation::kind::pass);
  // test b: a word (U+0001) after the amount
  ASSERT_FALSE(errors.empty());
  EXPECT_NE(errors[0].find("t.budget:6: expected 应 通过"), std::string::npos) << errors[0];
}

TEST(rules, a_test_is_compiled_with_its_own_lines_and_the_shared_statements_and_named_by_the_files_lines) {
  // line breaks CR LF (lines 1–6), a CR alone (7), LF; a shared statement
  // between the tests (8) and after them (17); test c starts on the line
  // test b ends on
  temp_dir dir;
  dir.write("rules.budget", "核对 支出合计 ≤ 100.00 \"支出超过上限\"\n");
  const auto file = dir.write("t.budget",
                              "年度 2024\r\n测试 \"a\" {\r\n  规则 \"rules.budget\"\r\n  208 01 09 30201: 200.00\r\n"
                              "  应 通过\r\n}\r\n# 共用\r208 01 09 30205 水费: 1.00\n\n测试 \"b\" {\n"
                              "  208 01 09 30201: 50.00\n  208 01 09 30202 办公费: 5..0\n  应 通过\n"
                              "} 测试 \"c\" { 208 01 09 30201: 1.0.0\n 应 通过\n}\n单位 x 名称 y\n");
  std::vector<std::string> errors;
  const auto tests = yusuan::read_rule_tests(file, errors);
  ASSERT_TRUE(errors.empty()) << errors.front();
  ASSERT_EQ(tests.size(), 3u);
  EXPECT_EQ(tests[0].line, 2);
  EXPECT_EQ(tests[1].line, 10);
  EXPECT_EQ(tests[2].line, 14);
  EXPECT_EQ(tests[1].expectations.at(0).line, 13);
  // test a: the file's lines 1–6 (its own), 8 and 17 (shared); the comment
  // on line 7, the blank line 9 and tests b and c are left out
  using yusuan::line_origin;
  const auto a = tests[0].budget(), b = tests[1].budget(), c = tests[2].budget();
  auto lines = [](const yusuan::rule_test_budget& x) {
    std::vector<std::uint32_t> out;
    for (const auto& l : x.lines) out.push_back(l.line);
    return out;
  };
  EXPECT_EQ(lines(a), (std::vector<std::uint32_t>{1, 2, 3, 4, 5, 6, 8, 17}));
  EXPECT_EQ(lines(b), (std::vector<std::uint32_t>{1, 8, 10, 11, 12, 13, 14, 17}));
  EXPECT_EQ(lines(c), (std::vector<std::uint32_t>{1, 8, 14, 15, 16, 17}));
  // each line from its first character to its last that says something (and
  // the columns left out before it); the other tests and the test's own lines
  // (测试, 规则, 应, the brace) blanked
  EXPECT_EQ(c.text, "年度 2024\n208 01 09 30205 水费: 1.00\n208 01 09 30201: 1.0.0\n\n\n单位 x 名称 y\n");
  EXPECT_EQ(c.lines[2], (line_origin{14, 11}));
  EXPECT_EQ(b.lines[3], (line_origin{11, 2}));
  EXPECT_EQ(b.text.substr(b.text.find("208 01 09 30201: 50")), "208 01 09 30201: 50.00\n"
                                                               "208 01 09 30202 办公费: 5..0\n\n\n单位 x 名称 y\n");

  // what each test finds, located in the file
  auto locations = [](const yusuan::rule_test_result& r) {
    std::vector<std::string> out;
    for (const auto& d : r.diags)
      if (d.span) {
        const auto at = yusuan::resolve(d.span);
        out.push_back(d.code + " " + fs::path(at.file).filename().string() + ":" + std::to_string(at.line) + ":" +
                      std::to_string(at.column));
      }
    std::sort(out.begin(), out.end());
    return out;
  };
  // (the rule is not checked after the syntax error: its figures would lack
  // the statement left out)
  EXPECT_EQ(locations(yusuan::run_rule_test(tests[0])), (std::vector<std::string>{"E0101 t.budget:17:9"}));
  EXPECT_EQ(locations(yusuan::run_rule_test(tests[1])),
            (std::vector<std::string>{"E0101 t.budget:17:9", "E0202 t.budget:12:26", "W0604 t.budget:12:19"}));
  EXPECT_EQ(locations(yusuan::run_rule_test(tests[2])),
            (std::vector<std::string>{"E0101 t.budget:17:9", "E0202 t.budget:14:32"}));
  // and shows the file's line and column, and the line in its snippet
  std::ostringstream text;
  const auto r = yusuan::run_rule_test(tests[2]);
  for (const auto& d : r.diags)
    if (d.code == "E0202") yusuan::render_text(text, d);
  EXPECT_HAS(text.str(), "t.budget:14:32\n");
  EXPECT_HAS(text.str(), "14 | 208 01 09 30201: 1.0.0\n");
  // in JSON the source line is as long as the file's before the text, so
  // that "column" indexes it
  EXPECT_HAS(yusuan::to_json(r.diags), "\"line\":14,\"column\":32");
  EXPECT_HAS(yusuan::to_json(r.diags), "\"source_line\":\"           208 01 09 30201: 1.0.0\"");
}

TEST(rules, a_test_names_the_files_line_and_column_at_its_end_and_after_characters_blanked) {
  temp_dir dir;
  // an error at the end of the test's text is at the end of its statement;
  // a blanked two- or four-byte character is one column, as in the file
  const auto file = dir.write("t.budget",
                              "年度 2024\n\n\n\n测试 \"a\" {\n应 通过\n核对 支出合计 ≤\n}\n\n\n"
                              "测试 \"é\" { 208 01 09 30201: 1.0.0\n应 通过\n}\n"
                              "测试 \"\U00020000\" { 208 01 09 30201: 2.0.0\n应 通过\n}\n");
  std::vector<std::string> errors;
  const auto tests = yusuan::read_rule_tests(file, errors);
  ASSERT_TRUE(errors.empty()) << errors.front();
  ASSERT_EQ(tests.size(), 3u);
  auto where = [](const yusuan::rule_test& t, std::string_view code) {
    const auto r = yusuan::run_rule_test(t);
    for (const auto& d : r.diags)
      if (d.code == code) {
        const auto at = yusuan::resolve(d.span);
        return std::to_string(at.line) + ":" + std::to_string(at.column);
      }
    return std::string("none");
  };
  EXPECT_EQ(where(tests[0], "E0101"), "7:10");
  EXPECT_EQ(where(tests[1], "E0202"), "11:30");
  EXPECT_EQ(where(tests[2], "E0202"), "14:30");
}

TEST(rules, tests_on_one_line_with_a_comment_each_read_only_their_own_part_of_it) {
  // a line of tests with a comment after them (or separators between them):
  // the comment says nothing, so no test's budget holds the line's other tests
  temp_dir dir;
  std::string line;
  for (int i = 0; i < 3; ++i) line += "测试 \"t" + std::to_string(i) + "\" { } ; ";
  const auto file = dir.write("t.budget", line + "# 三个\n");
  std::vector<std::string> errors;
  const auto tests = yusuan::read_rule_tests(file, errors);
  ASSERT_EQ(tests.size(), 3u);
  for (const auto& t : tests) {
    const auto b = t.budget();
    EXPECT_EQ(b.text, "\n") << t.name;  // its own line, all blanked
    ASSERT_EQ(b.lines.size(), 1u);
    EXPECT_EQ(b.lines[0].line, 1u);
  }
}

TEST(rules, a_quoted_string_of_a_test_ends_on_its_line_whatever_ends_the_line) {
  // a CR alone ends a line: the path of 规则 is not closed by the quote of
  // the 应 line after it
  temp_dir dir;
  const auto file = dir.write("t.budget", "测试 \"a\" {\r规则 \"r.budget\r应 报错 E0501 \"x\"\r}\r");
  std::vector<std::string> errors;
  const auto tests = yusuan::read_rule_tests(file, errors);
  ASSERT_FALSE(errors.empty());
  EXPECT_NE(errors[0].find("t.budget:2: expected the path of a rule file"), std::string::npos) << errors[0];
  ASSERT_EQ(tests.size(), 1u);
  EXPECT_TRUE(tests[0].rules.empty());
  ASSERT_EQ(tests[0].expectations.size(), 1u);
  EXPECT_EQ(tests[0].expectations[0].code, "E0501");
}

TEST(rules, a_test_may_follow_a_statement_on_its_line_after_a_separator) {
  temp_dir dir;
  const auto file = dir.write("t.budget", "标题 \"共用\"; 测试 \"a\" {\n208 01 09 30101: 1.00； 应 通过\n}\n");
  std::vector<std::string> errors;
  const auto tests = yusuan::read_rule_tests(file, errors);
  ASSERT_TRUE(errors.empty()) << errors.front();
  ASSERT_EQ(tests.size(), 1u);
  EXPECT_EQ(tests[0].line, 1);
  ASSERT_EQ(tests[0].expectations.size(), 1u);
  EXPECT_EQ(tests[0].expectations[0].what, yusuan::rule_expectation::kind::pass);
  const auto b = tests[0].budget();
  EXPECT_EQ(b.text, "标题 \"共用\";\n208 01 09 30101: 1.00；\n\n");
  EXPECT_TRUE(yusuan::run_rule_test(tests[0]).passed);
}

TEST(rules, a_separator_after_the_rule_files_of_a_test_ends_its_rules_line) {
  // 规则 "r.budget"; …: the separator is the 规则 line's, not left to the
  // budget (where a separator alone is a syntax error, E0101)
  temp_dir dir;
  dir.write("r.budget", "核对 合计 ≤ 100 \"上限\"\n");
  const auto file = dir.write("t.budget",
                              "测试 \"ascii\" {\n  规则 \"r.budget\"; 年度 2024\n  208 01 09 30101: 1.00\n  应 通过\n}\n"
                              "测试 \"全角\" {\n  规则 \"r.budget\"；\n  208 01 09 30101: 200.00\n  应 报错 E0501\n}\n");
  std::vector<std::string> errors;
  const auto tests = yusuan::read_rule_tests(file, errors);
  ASSERT_TRUE(errors.empty()) << errors.front();
  ASSERT_EQ(tests.size(), 2u);
  EXPECT_EQ(tests[0].budget().text, "\n年度 2024\n208 01 09 30101: 1.00\n\n\n");
  EXPECT_EQ(tests[1].budget().text, "\n\n208 01 09 30101: 200.00\n\n\n");
  for (const auto& t : tests) {
    ASSERT_EQ(t.rules.size(), 1u) << t.name;
    const auto result = yusuan::run_rule_test(t);
    EXPECT_TRUE(result.passed) << t.name;
  }
}

TEST(rules, a_rule_file_that_cannot_be_read_is_a_problem_of_its_test_located_at_its_path) {
  temp_dir dir;
  dir.write("r.budget", "核对 合计 ≤ 100 \"上限\"\n");
  const auto file = dir.write("t.budget", "测试 \"a\" {\n  规则 \"r.budget\" \"none.budget\"\n  应 通过\n}\n"
                                          "测试 \"b\" {\n  规则 \"r.budget\"\n  应 通过\n}\n");
  yusuan::diagnostics diags;
  const auto tests = yusuan::read_rule_tests(file, diags);
  EXPECT_TRUE(diags.empty());
  ASSERT_EQ(tests.size(), 2u);
  ASSERT_EQ(tests[0].problems.size(), 1u);
  EXPECT_EQ(tests[0].problems[0].code, "E0001");
  EXPECT_EQ(tests[0].problems[0].message, "cannot read '" + (dir.path() / "none.budget").string() + "': no such file");
  EXPECT_EQ(where(tests[0].problems[0]), "2:17");
  EXPECT_EQ(tests[0].rules.size(), 2u);
  EXPECT_TRUE(tests[1].problems.empty());
  // the form with strings, and the throwing form, say the same
  std::vector<std::string> errors;
  (void)yusuan::read_rule_tests(file, errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], file.string() + ":2: cannot read '" + (dir.path() / "none.budget").string() + "': no such file");
  try {
    (void)yusuan::read_rule_tests(file);
    ADD_FAILURE() << "no budget_error for a rule file that cannot be read";
  } catch (const yusuan::budget_error& e) {
    EXPECT_EQ(e.diagnostic_code(), "E0001") << e.what();
  }
}

TEST(rules, the_matchers_check_the_tables_as_yusuan_check_does) {
  // the template a budget names and its table notes (tables::check_notes)
  const std::string item = "208 01 09 30101: 1.00 资金 政府性基金\n";
  const auto unknown_template = compile_with_rules("模板 上海10表\n" + item, {}, quiet());
  EXPECT_THAT(unknown_template, Reports("E0804", "上海10表"));
  EXPECT_THAT(unknown_template, Not(ChecksClean()));
  EXPECT_FALSE(unknown_template.value);
  EXPECT_THAT(compile_with_rules("表注 预算14表 \"此表无数。\"\n" + item, {}, quiet()), Reports("E0806", "预算14表"));
  EXPECT_THAT(compile_with_rules("表注 预算09表 \"此表无数。\"\n" + item, {}, quiet()), Reports("E0807"));
  EXPECT_THAT(compile_with_rules("模板 上海9表\n" + item, {}, quiet()), ChecksClean());
}

TEST(rules, the_tables_are_checked_when_a_constraint_fails_too) {
  // a failed 核对 (the budget's or a rule's) is reported beside the notes'
  // errors and warnings; it does not hide them
  const std::string item = "208 01 09 30101: 1.00 资金 政府性基金\n表注 预算09表 \"此表无数。\"\n";
  const auto own = compile_with_rules(item + "核对 支出合计 = 2.00 \"合计不符\"\n", {}, quiet());
  EXPECT_THAT(own, FailsRule("合计不符"));
  EXPECT_THAT(own, Reports("E0807"));
  rules_file r("核对 支出合计 = 2.00 \"规则不符\"\n");
  const auto ruled = compile_with_rules(item, {r.path}, quiet());
  EXPECT_THAT(ruled, FailsRule("规则不符"));
  EXPECT_THAT(ruled, Reports("E0807"));
  // not when an error left part of the budget out: its tables would be of an incomplete budget
  const auto broken = compile_with_rules(item + "208 01 09 30101: x\n", {}, quiet());
  EXPECT_THAT(broken, Reports("E0101"));
  EXPECT_THAT(broken, Not(Reports("E0807")));
}

TEST(rules, reading_tests_and_rule_files_in_the_throwing_and_the_non_throwing_forms) {
  temp_dir dir;
  const auto good = dir.write("good.budget", "测试 \"a\" {\n  208 01 09 30101: 1.00\n  应 通过\n}\n");
  const auto bad = dir.write("bad.budget", "测试 \"a\" {\n  208 01 09 30101: 1.00\n  应 报错 X9999\n}\n");
  EXPECT_EQ(yusuan::read_rule_tests(good).size(), 1u);
  try {
    (void)yusuan::read_rule_tests(bad);
    ADD_FAILURE() << "no budget_error for a malformed test";
  } catch (const yusuan::budget_error& e) {
    ASSERT_EQ(e.diagnostics().error_count(), 1u) << e.what();
    EXPECT_EQ(e.diagnostics()[0].code, "E0101");
    EXPECT_EQ(where(e.diagnostics()[0]), "3:3") << e.what();
  }
  EXPECT_THROW((void)yusuan::read_rule_tests(dir.path() / "none.budget"), yusuan::budget_error);
  // rule coverage: a rule file that cannot be read lists nothing, and says so
  yusuan::rule_coverage cov;
  yusuan::diagnostics d;
  EXPECT_FALSE(cov.add_rule_file(dir.path() / "none.budget", d));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].code, "E0001");
  EXPECT_THROW(cov.add_rule_file(dir.path()), yusuan::budget_error);  // a directory
  const auto rules = dir.write("rules.budget", "核对 合计 ≤ 100 \"上限\"\n");
  EXPECT_TRUE(cov.add_rule_file(rules, d));
  EXPECT_EQ(cov.entries().size(), 1u);
}

TEST(rules, a_change_from_a_prior_year_figure_of_0_to_0_is_none) {
  // 增幅 and 较上年 from 0 to 0: 0%, compared as any other; from 0 to more: E0502
  rules_file r("参数 比例 = 5%\n核对 增幅(支出合计) ≤ 0% \"不得增长\"\n核对 增幅(支出合计) ≤ 比例 \"参数\"\n"
               "核对 支出合计 较上年 下降 0% \"持平\"\n口径 变化 = 增幅(支出合计)\n核对 变化 = 0% \"经口径\"\n");
  EXPECT_THAT(compile_with_rules("上年 支出合计 0.00\n", {r.path}, quiet()), ChecksClean());
  const auto grew = compile_with_rules("208 01 09 30201: 1.00\n上年 支出合计 0.00\n", {r.path}, quiet());
  EXPECT_THAT(grew, Reports("E0502", "the 上年 figure is 0: no percentage change"));
  EXPECT_TRUE(with_code(grew.diags, "E0501").empty()) << dump(grew.diags);
  // 0% is compared as any percentage: ≥ 1% fails
  rules_file at_least("核对 增幅(支出合计) ≥ 1% \"至少增长\"\n");
  EXPECT_THAT(compile_with_rules("上年 支出合计 0.00\n", {at_least.path}, quiet()), FailsRule("至少增长"));
}

TEST(rules, a_condition_on_the_year_of_a_budget_without_one_is_W0308_and_not_checked) {
  rules_file r("核对 支出合计 ≤ 0.50 \"上限\" 当 年度 ≥ 2024\n核对 支出合计 ≤ 0.50 \"上限2\" 当 非 (年度 < 2024 或 单位类型 = 事业)\n"
               "核对 支出合计 ≤ 0.50 \"无条件\" 当 单位类型 = 行政\n");
  const auto c = compile_with_rules("208 01 09 30101: 1.00\n", {r.path}, quiet());
  EXPECT_EQ(with_code(c.diags, "W0308").size(), 2u) << dump(c.diags);
  EXPECT_THAT(c, Not(FailsRule("上限")));
  EXPECT_THAT(c, Not(FailsRule("上限2")));
  // with its year, the rule applies
  EXPECT_THAT(compile_with_rules("年度 2024\n208 01 09 30101: 1.00\n", {r.path}, quiet()), FailsRule("上限"));
}

TEST(rules, a_parameter_misused_is_named_as_a_parameter) {
  // the budget's own value of a rule's 参数, of the other kind: at the budget's value
  rules_file r("参数 机关运行经费上限 = 500,000.00\n核对 支出合计 ≤ 机关运行经费上限 \"超过上限\"\n");
  const auto kind = compile_with_rules("参数 机关运行经费上限 = 35%\n208 01 09 30201: 1.00\n", {r.path}, quiet());
  EXPECT_THAT(kind, Reports("E0502", "parameter '机关运行经费上限' is an amount in the rules, not a percentage"));
  EXPECT_EQ(with_code(kind.diags, "E0502").size(), 1u) << dump(kind.diags);
  // used above its declaration: said so, with the declaration
  rules_file above("核对 支出合计 ≤ 支出上限 \"超过\"\n参数 支出上限 = 50.00\n");
  const auto c = compile_with_rules("208 01 09 30201: 1.00\n", {above.path}, quiet());
  EXPECT_THAT(c, Reports("E0302", "parameter '支出上限' is used above its declaration"));
  // a name close to a parameter's: did you mean
  rules_file near("参数 支出上限额 = 50.00\n核对 支出合计 ≤ 支出上线额 \"超过\"\n");
  EXPECT_THAT(compile_with_rules("208 01 09 30201: 1.00\n", {near.path}, quiet()), Reports("E0302", "unknown measure"));
  const auto n = compile_with_rules("208 01 09 30201: 1.00\n", {near.path}, quiet());
  EXPECT_HAS(dump(n.diags), "did you mean '支出上限额'?");
  // of the other kind where it is compared: named, at the parameter (it said only that a percentage
  // compares with 占比, at the other side)
  rules_file pct("参数 上限 = 5%\n核对 支出合计 ≤ 上限\n");
  const auto p = compile_with_rules("208 01 09 30201: 1.00\n", {pct.path}, quiet());
  EXPECT_THAT(p, Reports("E0502", "parameter '上限' is a percentage, not an amount"));
  const auto at = with_code(p.diags, "E0502");
  ASSERT_EQ(at.size(), 1u) << dump(p.diags);
  EXPECT_EQ(where(*at[0]), "2:11");  // 上限, not 支出合计
  rules_file amt("参数 比例 = 5.00\n核对 占比(支出合计, 支出合计) ≤ 比例\n");
  const auto a = compile_with_rules("208 01 09 30201: 1.00\n", {amt.path}, quiet());
  EXPECT_THAT(a, Reports("E0502", "parameter '比例' is an amount, not a percentage"));
  rules_file sum("参数 上限 = 5%\n核对 支出合计 - 上限 ≥ 0\n");
  EXPECT_THAT(compile_with_rules("208 01 09 30201: 1.00\n", {sum.path}, quiet()),
              Reports("E0502", "parameter '上限' is a percentage, not an amount"));
}

TEST(rules, a_parameter_in_a_year_on_year_claim_and_a_tolerance) {
  rules_file r("金额单位 万元\n参数 压减比例 = 10%\n参数 压减额 = 1.00\n参数 容许 = 0.50\n"
               "口径 三公 = 合计(经济 = 30217)\n"
               "核对 三公 较上年 下降 压减比例 \"比例\"\n核对 三公 较上年 减少 压减额 \"额\"\n"
               "核对 三公 = 9.40 容差 容许 \"容差\"\n");
  const std::string budget = "金额单位 万元\n208 01 01 30217: 9.00\n上年 三公 10.00\n";
  EXPECT_THAT(compile_with_rules(budget, {r.path}, quiet()), ChecksClean());
  auto o = quiet();
  o.parameters = {{"压减比例", "20%"}, {"容许", "0.30"}};
  const auto set = compile_with_rules(budget, {r.path}, o);
  EXPECT_THAT(set, FailsRule("比例"));
  EXPECT_THAT(set, FailsRule("容差"));
  EXPECT_THAT(set, Not(FailsRule("额")));
  // of the other kind, unknown, or a keyword where the value goes
  rules_file bad("参数 额 = 1.00\n参数 比例 = 5%\n核对 支出合计 较上年 下降 额\n核对 支出合计 = 1.00 容差 比例\n"
                 "核对 支出合计 较上年 下降 比列x\n");
  const auto b = compile_with_rules("208 01 01 30217: 9.00\n上年 支出合计 10.00\n", {bad.path}, quiet());
  EXPECT_THAT(b, Reports("E0502", "parameter '额' is an amount, not a percentage"));
  EXPECT_THAT(b, Reports("E0502", "parameter '比例' is a percentage, not an amount"));
  EXPECT_THAT(b, Reports("E0302", "no 参数 named '比列x'"));
  auto when = compile("上年 支出合计 10.00\n核对 支出合计 较上年 下降 当 年度 = 2024\n");
  EXPECT_EQ(one(when, "E0101").expected, "a percentage such as 6.06%") << dump(when);
}

TEST(rules, one_name_for_a_measure_a_figure_and_a_parameter_is_E0303_and_the_budgets_figure_is_its_own) {
  // in one file: E0303, whichever comes first
  for (const std::string text : {"参数 上限 = 50.00\n口径 上限 = 合计(经济 = 301)\n",
                                 "口径 上限 = 合计(经济 = 301)\n参数 上限 = 50.00\n",
                                 "数值 上限 3.00\n口径 上限 = 合计(经济 = 301)\n",
                                 "口径 上限 = 合计(经济 = 301)\n数值 上限 3.00\n", "参数 上限 = 50.00\n数值 上限 3.00\n"}) {
    auto r = compile("208 01 01 30101: 4.00\n" + text);
    EXPECT_EQ(with_code(r, "E0303").size(), 1u) << text << dump(r);
  }
  // a rule file's 口径 of the name of the budget's own 数值: the budget's
  // figure stands, for its own constraints and the rules' alike
  rules_file r("口径 一般性支出 = 合计(经济 = 30211)\n核对 一般性支出 ≤ 3.00 \"一般性支出过高\"\n");
  const auto c = compile_with_rules("208 01 01 30211: 4.00\n数值 一般性支出 3.00\n核对 一般性支出 = 3.00\n", {r.path}, quiet());
  EXPECT_THAT(c, ChecksClean());
}

TEST(rules, should_equal_reads_counts_of_measures_and_built_in_quantities) {
  // a 口径 of 计数(…) is a count: 应 等于 compares its number, not an amount of 0
  temp_dir dir;
  const auto file = dir.write("t.budget",
                              "口径 大额行数 = 计数(金额 ≥ 10.00)\n"
                              "测试 \"count\" {\n  208 01 09 30101: 10.00\n  208 01 09 30102: 12.00\n"
                              "  应 等于 大额行数 2\n  应 等于 支出合计 22.00\n  应 等于 项目数 0\n}\n"
                              "测试 \"wrong\" {\n  208 01 09 30101: 10.00\n  208 01 09 30102: 12.00\n"
                              "  应 等于 大额行数 0\n  应 等于 支出合计 21.00\n  应 等于 无此名 1.00\n}\n");
  std::vector<std::string> errors;
  const auto tests = yusuan::read_rule_tests(file, errors);
  ASSERT_TRUE(errors.empty()) << errors.front();
  ASSERT_EQ(tests.size(), 2u);
  const auto right = yusuan::run_rule_test(tests[0]);
  EXPECT_TRUE(right.passed) << ::testing::PrintToString(right.failures);
  const auto wrong = yusuan::run_rule_test(tests[1]);
  EXPECT_FALSE(wrong.passed);
  EXPECT_EQ(wrong.failures, (std::vector<std::string>{"应 等于 大额行数 0: expected 0, found 2",
                                                      "应 等于 支出合计 21.00: expected 21.00, found 22.00",
                                                      "应 等于 无此名 1.00: no measure, figure or built-in quantity named '无此名'"}));
}

TEST(rules, constraints_as_warnings_builds_a_budget_whose_constraints_fail) {
  const std::string text = "金额单位 万元\n208 01 09 30101: 1.00\n核对 支出合计 = 2.00\n核对 合计 按 经济 { 30101: 3.00 }\n";
  auto strict = compile(text);
  EXPECT_FALSE(strict.ok());
  EXPECT_EQ(with_code(strict, "E0501").size(), 2u) << dump(strict);  // the constraint, and the row of the grouped one
  compile_options o = quiet();
  o.constraints_as_warnings = true;
  yusuan::diagnostics diags;
  const auto b = yusuan::compile_string(text, "t.budget", diags, o);
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->expenditure_total(), yusuan::money::parse("1.00", yusuan::unit::wan_yuan));
  std::vector<std::string> codes;
  for (const auto& d : diags) codes.push_back(d.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"W0501", "W0501"}));
}

TEST(rules, a_set_value_is_read_in_the_rule_files_unit_whether_or_not_the_budget_declares_the_parameter) {
  // one --set, one threshold for every budget: 16 is 16 万元 in the rule file's unit, not 16 元 in a budget of 元
  rules_file r("金额单位 万元\n参数 会议费上限 = 20.00\n核对 合计(经济 = 30215) ≤ 会议费上限 \"会议费超过上限\"\n");
  const std::string items = "金额单位 元\n208 01 09 30215: 150,000.00\n";
  const std::string own = "金额单位 元\n参数 会议费上限 = 100,000.00\n208 01 09 30215: 150,000.00\n";
  EXPECT_THAT(compile_with_rules(items, {r.path}, quiet()), ChecksClean());     // 15 万元 ≤ 20 万元
  EXPECT_THAT(compile_with_rules(own, {r.path}, quiet()), FailsRule("会议费超过上限"));  // the budget's own 100,000 元
  auto o = quiet();
  o.parameters = {{"会议费上限", "16"}};
  EXPECT_THAT(compile_with_rules(items, {r.path}, o), ChecksClean());
  EXPECT_THAT(compile_with_rules(own, {r.path}, o), ChecksClean());
  o.parameters = {{"会议费上限", "14"}};
  EXPECT_THAT(compile_with_rules(items, {r.path}, o), FailsRule("会议费超过上限"));
  EXPECT_THAT(compile_with_rules(own, {r.path}, o), FailsRule("会议费超过上限"));
  // a value that names its unit is read in it
  o.parameters = {{"会议费上限", "160000元"}};
  EXPECT_THAT(compile_with_rules(own, {r.path}, o), ChecksClean());
}

TEST(rules, a_parameter_as_the_figure_of_a_year_on_year_claim_is_compared_exactly) {
  // Δ = 1.04 - 2.44 = -1.40: not 减少 1, however 1 is written (it is no published figure to round to)
  for (const std::string one : {"1", "1.00"}) {
    rules_file r("金额单位 万元\n口径 接待 = 合计(经济 = 30217)\n参数 压减额 = " + one +
                 "\n核对 接待 较上年 减少 压减额 \"压减不足\"\n");
    const auto c = compile_with_rules("金额单位 万元\n上年 接待 2.44\n208 01 09 30217: 1.04\n", {r.path}, quiet());
    EXPECT_THAT(c, FailsRule("压减不足")) << one;
    EXPECT_THAT(c, Reports("E0501", "expected 减少 1.00, found 减少 1.40")) << one;
    EXPECT_THAT(compile_with_rules("金额单位 万元\n上年 接待 2.44\n208 01 09 30217: 1.44\n", {r.path}, quiet()),
                ChecksClean())
        << one;
  }
  // a fall of 4.60 % is no fall of 5 %, however 5 % is written; 5.00 % exactly is
  for (const std::string five : {"5%", "5.00%"}) {
    rules_file r("金额单位 万元\n口径 接待 = 合计(经济 = 30217)\n参数 比例 = " + five +
                 "\n核对 接待 较上年 下降 比例 \"降幅不符\"\n");
    const auto c = compile_with_rules("金额单位 万元\n上年 接待 100.00\n208 01 09 30217: 95.40\n", {r.path}, quiet());
    EXPECT_THAT(c, FailsRule("降幅不符")) << five;
    EXPECT_THAT(c, Reports("E0501", "found 下降 4.60%")) << five;
    EXPECT_THAT(compile_with_rules("金额单位 万元\n上年 接待 100.00\n208 01 09 30217: 95.00\n", {r.path}, quiet()),
                ChecksClean())
        << five;
    // 4.996 % rounds to 5.00 % but is not 5 %: shown with the decimals that tell them apart
    const auto near = compile_with_rules("金额单位 万元\n上年 接待 100.00\n208 01 09 30217: 95.004\n", {r.path}, quiet());
    EXPECT_THAT(near, Reports("E0501", "found 下降 4.996%")) << five;
  }
}

TEST(rules, a_tag_no_item_carries_is_no_warning_in_a_rule_file) {
  // rules serve budgets with and without the tag, as the standard library's do
  rules_file r("核对 合计(项目类别 = 公用经费综合定额) ≤ 100.00\n");
  const auto c = compile_with_rules("208 01 09 30201: 1.00\n", {r.path}, quiet());
  EXPECT_THAT(c, ChecksClean());
  EXPECT_TRUE(with_code(c.diags, "W0305").empty()) << dump(c.diags);
  // the budget's own filter is the budget's: W0305
  const auto own = compile_with_rules("208 01 09 30201: 1.00\n核对 合计(项目类别 = 公用经费综合定额) ≤ 100.00\n", {r.path},
                                      quiet());
  EXPECT_EQ(with_code(own.diags, "W0305").size(), 1u) << dump(own.diags);
}
