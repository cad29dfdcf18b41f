// Constraints (核对): how they are recorded, and the expressions and filters
// they are written with.  Failing constraints: diagnostics/constraints.cpp.
#include "support/test_support.hpp"
#include "language/full_budget.hpp"

using namespace yusuan_test;

TEST(lang_constraints, recorded_with_text_level_and_place) {
  auto r = compile(full_zh);
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& b = *r.value;
  ASSERT_EQ(b.constraints().size(), 10u);
  for (const auto& c : b.constraints()) EXPECT_TRUE(c.passed) << c.text;
  EXPECT_EQ(b.constraints()[0].text, "核对 三公经费 = 9.20");
  EXPECT_EQ(b.constraints()[0].level, severity::error);
  EXPECT_EQ(where(b.constraints()[0].span), "40:1");
  EXPECT_EQ(b.constraints()[8].level, severity::warning);
  EXPECT_EQ(b.constraints()[8].text, "核对 合计(类型 = 基本支出 且 非 经济 = 30101) ≤ 100.00 容差 0.01 警告 \"基本支出过高\"");
  EXPECT_EQ(b.constraints()[9].text, "核对 合计(功能.款 = 208 01 或 资金 not in (政府性基金)) = 120.00");
}

TEST(lang_constraints, expressions_and_filters) {
  auto r = compile("金额单位 万元\n208 01 09 基本支出 30101: 6.00\n208 01 09 项目支出 30201: 3.00\n"
                   "208 02 01 项目支出 30202: 1.00\n上年 支出合计 8.00\n"
                   "口径 基本 = 合计 其中 类型 = 基本支出\n"
                   "口径 差额 = 基本 - 合计(类型 = 项目支出) + 1.00\n"
                   "核对 差额 = 3.00\n"
                   "核对 -差额 = -3.00\n"
                   "核对 (基本 + 1.00) - 2.00 = 5.00\n"
                   "核对 计数(功能 = 208 01) = 2\n"
                   "核对 计数 = 3\n"
                   "核对 合计(非 (功能 = 208 02 或 类型 = 基本支出)) = 3.00\n"
                   "核对 合计(经济 not in (30101, 30201)) = 1.00\n"
                   "核对 合计(经济 ≠ 30101 且 功能.类 = 208) = 4.00\n"
                   "核对 合计(经济 = 302) = 4.00\n"
                   "核对 占比(基本, 支出合计) = 60%\n"
                   "核对 占比(基本, 支出合计) = 60.0%\n"
                   "核对 占比(基本支出, 合计) ≥ 59.99%\n"
                   "核对 增幅(支出合计) = 25.00%\n"
                   "核对 上年(支出合计) = 8.00\n"
                   "核对 支出合计 较上年 增长 25%\n"
                   "核对 支出合计 比上年 增加 2.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.value->find_measure("基本")->value, wan("6.00"));
  EXPECT_EQ(r.value->find_measure("差额")->value, wan("3.00"));
  for (const auto& c : r.value->constraints()) EXPECT_TRUE(c.passed) << c.text;
}

// Conditions on amounts: 金额 in filters, 最大(…) and 最小(…) of the items.
TEST(lang_constraints, a_minus_sign_negates_whatever_blanks_follow_it) {
  // the signs are counted, not the bytes from the first to the operand
  auto r = compile("金额单位 元\n208 01 09 30101 基本支出: 50.00\n"
                   "口径 负 = - 支出合计\n"
                   "核对 负 = -50.00\n"
                   "核对 - 支出合计 = -50.00\n"
                   "核对 -\t支出合计 = -50.00\n"
                   "核对 -  支出合计 = -50.00\n"
                   "核对 - - 支出合计 = 50.00\n"
                   "核对 -- 支出合计 = 50.00\n"
                   "核对 - -  - 支出合计 = -50.00\n"
                   "核对 - 50.00 = -50.00\n"
                   "核对 (- 支出合计) = -50.00\n"
                   "核对 1.00 + - 支出合计 = -49.00\n"
                   "核对 1.00 - - 支出合计 = 51.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  ASSERT_EQ(r.value->constraints().size(), 11u);
  for (const auto& c : r.value->constraints()) EXPECT_TRUE(c.passed) << c.text;
  auto wrong = compile("金额单位 元\n208 01 09 30101 基本支出: 50.00\n核对 - 支出合计 = 50.00\n");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.diagnostics.list().front().code, "E0501") << dump(wrong);
}

TEST(lang_constraints, amount_conditions_and_largest_and_smallest_items) {
  auto r = compile("允许负数\n金额单位 元\n208 01 09 基本支出 30101: 100.00\n208 01 09 基本支出 30201: -5.00\n"
                   "208 01 09 基本支出 30201: 2,000.00\n208 01 09 基本支出 30202: 0.00\n"
                   "核对 计数(金额 < 0) = 1\n"
                   "核对 计数(金额 = 0) = 1\n"
                   "核对 合计(金额 ≥ 100.00) = 2,100.00\n"
                   "核对 计数(金额 > 0.1万元) = 1\n"
                   "核对 最大(经济 = 302) = 2,000.00\n"
                   "核对 最小() = -5.00\n"
                   "核对 最大(经济 = 301) - 最小(经济 = 301) = 0\n"
                   "核对 max(金额 < 1,000.00) = 100.00\n",
                   no_catalog());
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.value->constraints().size(), 8u);
  for (const auto& c : r.value->constraints()) EXPECT_TRUE(c.passed) << c.text;
  auto bad = compile("金额单位 元\n208 01 09 基本支出 30101: 100.00\n核对 最大(经济 = 301) ≤ 99.00\n", no_catalog());
  const auto& d = one(bad, "E0501");
  EXPECT_NE(d.found.find("100.00"), std::string::npos) << d.found;
}

// 年初 + 收入 = 支出 + 年末 for each fund source, and the balances as values.
TEST(lang_constraints, balances_by_fund_source) {
  auto r = compile("金额单位 万元\n收入 一般公共预算 100.00\n收入 政府性基金 20.00\n"
                   "收入 上年结转结余 10.00 其中 一般公共预算 6.00 其中 政府性基金 4.00\n"
                   "年终结转结余 8.00 其中 一般公共预算 2.00 其中 政府性基金 6.00\n"
                   "208 01 09 基本支出 30101: 104.00\n212 01 01 项目支出 30227: 18.00 资金 政府性基金\n"
                   "核对 年初结转结余 = 10.00\n核对 年初结转结余.一般公共预算 = 6.00\n"
                   "核对 年终结转结余.政府性基金 = 6.00\n核对 opening-balance.政府性基金 + year-end-balance.一般公共预算 = 6.00\n",
                   no_catalog());
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& b = *r.value;
  EXPECT_TRUE(b.balances_by_fund());
  EXPECT_EQ(b.opening_balance(yusuan::fund_source::general_budget), wan("6.00"));
  EXPECT_EQ(b.year_end_balance(yusuan::fund_source::government_fund), wan("6.00"));
  EXPECT_EQ(b.year_end_balance(yusuan::fund_source::state_capital), std::nullopt);
  for (const auto& c : b.constraints()) EXPECT_TRUE(c.passed) << c.text;
}
