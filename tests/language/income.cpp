// Income lines (收入 …, 其中 …) and 年终结转结余, and the totals they give.
#include "support/test_support.hpp"

using namespace yusuan_test;

TEST(lang_income, lines_totals_and_year_end_balance) {
  auto r = compile("金额单位 万元\n收入 一般公共预算 100.00 其中 财政拨款 90.00\n收入 事业收入: 10.00\n"
                   "收入 上年结转结余 5.00\n年终结转结余 3.00\n208 01 09 30101: 112.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& b = *r.value;
  ASSERT_EQ(b.income().size(), 4u);
  EXPECT_EQ(b.income()[0].source, fund_source::general_budget);
  EXPECT_FALSE(b.income()[0].of_which.has_value());
  EXPECT_EQ(b.income()[0].amount, wan("100.00"));
  EXPECT_EQ(where(b.income()[0].span), "2:4");
  EXPECT_EQ(b.income()[1].source, fund_source::fiscal_appropriation);
  ASSERT_TRUE(b.income()[1].of_which.has_value());
  EXPECT_EQ(*b.income()[1].of_which, fund_source::general_budget);
  EXPECT_EQ(b.income()[1].amount, wan("90.00"));
  EXPECT_EQ(b.income()[2].source, fund_source::institution_revenue);
  EXPECT_EQ(b.income()[2].amount, wan("10.00"));
  EXPECT_EQ(b.income()[3].source, fund_source::carryover);
  EXPECT_EQ(b.income_total(), wan("110.00"));
  EXPECT_EQ(b.income_grand_total(), wan("115.00"));
  EXPECT_EQ(b.income_of(fund_source::institution_revenue), wan("10.00"));
  EXPECT_FALSE(b.income_of(fund_source::government_fund).has_value());
  ASSERT_TRUE(b.year_end_balance().has_value());
  EXPECT_EQ(*b.year_end_balance(), wan("3.00"));
  EXPECT_EQ(b.expenditure_total(), wan("112.00"));
  EXPECT_EQ(b.expenditure_grand_total(), wan("115.00"));
}

TEST(lang_income, each_unit_of_a_department_states_its_own_year_end_balance) {
  // the department's 年终结转结余 and its parts by fund are the sums of its units'
  auto r = compile("金额单位 元\n部门 801 \"测试局\"\n"
                   "单位 801001 \"甲\" 类型 行政\n收入 一般公共预算 100.00\n"
                   "年终结转结余 8.00 其中 一般公共预算 8.00\n208 01 09 30201: 92.00\n"
                   "单位 801002 \"乙\" 类型 事业\n收入 一般公共预算 50.00\n收入 事业收入 10.00\n"
                   "年终结转结余 6.00 其中 一般公共预算 2.00 其中 事业收入 4.00\n"
                   "208 01 09 30201: 48.00\n208 01 09 30202: 6.00 资金 事业收入\n"
                   "核对 年终结转结余 = 14.00\n核对 年终结转结余.一般公共预算 = 10.00\n核对 财政拨款年终结转 = 10.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.value->year_end_balance(), yuan("14.00"));
  EXPECT_EQ(r.value->year_end_balance(fund_source::general_budget), yuan("10.00"));
  EXPECT_EQ(r.value->year_end_balance(fund_source::institution_revenue), yuan("4.00"));
  EXPECT_EQ(where(r.value->year_end_balance_span()), "5:1");
  // one unit stating it twice is still E0206, at the second, with the first in a note
  auto twice = compile("金额单位 元\n单位 801001 \"甲\"\n年终结转结余 1.00\n单位 801002 \"乙\"\n年终结转结余 1.00\n"
                       "单位 801001 \"甲\"\n年终结转结余 2.00\n");
  const auto& d = one(twice, "E0206");
  EXPECT_EQ(where(d), "7:1");
  std::string at;
  EXPECT_TRUE(note_has(d, "first stated here", &at));
  EXPECT_EQ(at, "3:1");
}

TEST(lang_income, a_department_importing_unit_files_each_with_a_year_end_balance) {
  temp_dir dir;
  dir.write("a.budget", "金额单位 元\n单位 801001 \"甲\" 类型 行政\n收入 一般公共预算 10.00\n年终结转结余 0.00\n"
                        "208 01 09 30201: 10.00\n");
  dir.write("b.budget", "金额单位 元\n单位 801002 \"乙\" 类型 事业\n收入 一般公共预算 7.00\n年终结转结余 2.00\n"
                        "208 01 09 30201: 5.00\n");
  const auto main = dir.write("main.budget", "金额单位 元\n部门 801 \"测试局\"\n导入 \"a.budget\"\n导入 \"b.budget\"\n");
  const auto r = compile_path(main, no_catalog());
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.value->year_end_balance(), yuan("2.00"));
  EXPECT_EQ(r.value->expenditure_grand_total(), yuan("17.00"));
}

TEST(lang_income, a_sources_income_is_its_lines_over_the_units_not_the_parts_of_a_balance) {
  // the carry-over's parts come first: they are balances, not this year's income
  const std::string text =
      "金额单位 元\n单位 801001 \"甲\"\n收入 上年结转结余 10.00 其中 一般公共预算 6.00 其中 政府性基金 4.00\n"
      "收入 一般公共预算 100.00 其中 财政拨款 90.00\n收入 政府性基金 20.00\n208 01 09 30201: 106.00\n"
      "212 01 01 30227: 24.00 资金 政府性基金\n"
      "单位 801002 \"乙\"\n收入 一般公共预算 30.00 其中 财政拨款 30.00\n收入 上年结转结余 5.00 其中 一般公共预算 5.00\n"
      "208 01 09 30201: 35.00\n"
      "核对 一般公共预算 = 130.00\n核对 财政拨款 = 120.00\n核对 政府性基金 = 20.00\n核对 上年结转结余 = 15.00\n"
      "核对 年初结转结余.一般公共预算 = 11.00\n核对 财政拨款上年结转 = 15.00\n";
  auto r = compile(text);
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& b = *r.value;
  EXPECT_EQ(b.income_of(fund_source::general_budget), yuan("130.00"));
  EXPECT_EQ(b.income_of(fund_source::fiscal_appropriation), yuan("120.00"));
  EXPECT_EQ(b.income_of(fund_source::government_fund), yuan("20.00"));
  EXPECT_EQ(b.income_of(fund_source::carryover), yuan("15.00"));
  EXPECT_EQ(b.opening_balance(fund_source::general_budget), yuan("11.00"));
  EXPECT_FALSE(b.income_of(fund_source::institution_revenue).has_value());
}
