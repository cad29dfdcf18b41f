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
