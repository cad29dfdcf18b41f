// Amounts with a unit (9,101.68万元) and numbers as published (full-width
// digits, ，．－): a stated figure is compared as the document rounded it.
// The diagnostics of failing comparisons: diagnostics/constraints.cpp.
#include "support/test_support.hpp"

using namespace yusuan_test;

namespace {

// A budget in 元 whose narrative states its figures in 万元: 9,101,680.49 元
// is 910.168049 万元, published as 910.17; last year's 12,000,000.00 元 makes
// the change 减少 289.831951 万元, published as 289.83.
constexpr const char* yuan_budget = "金额单位 元\n"
                                    "208 01 09 基本支出 30101: 9,101,680.49\n"
                                    "上年 支出合计 12,000,000.00\n";

bool passes(const std::string& constraint) {
  auto r = compile(std::string(yuan_budget) + constraint + "\n");
  if (!r.ok()) return false;
  for (const auto& c : r.value->constraints())
    if (!c.passed) return false;
  return true;
}

}  // namespace

TEST(lang_published, an_amount_may_carry_its_unit) {
  auto r = compile("金额单位 元\n208 01 09 30101: 1.5万元\n208 01 09 30102: 0.000001亿元\n208 01 09 30103: 3元\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  ASSERT_EQ(r.value->items().size(), 3u);
  EXPECT_EQ(r.value->items()[0].amount, yuan("15000.00"));
  EXPECT_EQ(r.value->items()[1].amount, yuan("100.00"));
  EXPECT_EQ(r.value->items()[2].amount, yuan("3.00"));
}

TEST(lang_published, a_wan_yuan_figure_of_a_yuan_budget_is_rounded_as_published) {
  EXPECT_TRUE(passes("核对 支出合计 = 910.17万元"));
  EXPECT_TRUE(passes("核对 支出合计 = 910.16万元 容差 0.01万元"));
  EXPECT_TRUE(passes("核对 支出合计 = 910万元"));      // no decimals: rounded to a whole 万元
  EXPECT_TRUE(passes("核对 支出合计 = 910.2万元"));    // one decimal
  EXPECT_TRUE(passes("核对 支出合计 = 0.09亿元"));
  EXPECT_TRUE(passes("核对 910.17万元 = 支出合计"));  // on either side
  EXPECT_TRUE(passes("核对 支出合计 ≤ 910.17万元"));
  EXPECT_FALSE(passes("核对 支出合计 = 910.16万元"));
  EXPECT_FALSE(passes("核对 支出合计 < 910.17万元"));
  EXPECT_TRUE(passes("核对 支出合计 = 910.168万元"));  // three decimals: 910.168049 is 910.168
  EXPECT_FALSE(passes("核对 支出合计 = 910.169万元"));
  EXPECT_TRUE(passes("核对 支出合计 = 910.168049万元"));
  EXPECT_FALSE(passes("核对 支出合计 = 910.168048万元"));
  // without a unit, a figure is in the file's unit, rounded to its decimals
  EXPECT_TRUE(passes("核对 支出合计 = 9,101,680.49"));
  EXPECT_FALSE(passes("核对 支出合计 = 9,101,680.48"));
  EXPECT_TRUE(passes("核对 支出合计 = 9,101,680.5"));
  EXPECT_TRUE(passes("核对 支出合计 = 9,101,680"));
  EXPECT_FALSE(passes("核对 支出合计 = 9,101,681"));
}

TEST(lang_published, a_negative_figure_is_rounded_as_published) {
  // -支出合计 is -910.168049 万元: published as -910.17 (half up, away from zero)
  EXPECT_TRUE(passes("核对 -支出合计 = -910.17万元"));
  EXPECT_TRUE(passes("核对 -支出合计 = - 910.17万元"));
  EXPECT_TRUE(passes("核对 -910.17万元 = -支出合计"));
  EXPECT_TRUE(passes("核对 -支出合计 = -910万元"));
  EXPECT_FALSE(passes("核对 -支出合计 = -910.16万元"));
  EXPECT_FALSE(passes("核对 -支出合计 = -910.18万元"));
  EXPECT_TRUE(passes("核对 -支出合计 = －910.17万元"));  // a full-width minus
  EXPECT_FALSE(passes("核对 -支出合计 = 0.00万元 - 910.17万元"));  // a difference is no figure: exact
}

TEST(lang_published, a_change_is_rounded_as_published) {
  EXPECT_TRUE(passes("核对 支出合计 较上年 减少 289.83万元"));
  EXPECT_FALSE(passes("核对 支出合计 较上年 减少 289.84万元"));
  EXPECT_TRUE(passes("核对 支出合计 较上年 减少 289.84万元 容差 0.01万元"));
  EXPECT_FALSE(passes("核对 支出合计 较上年 增加 289.83万元"));
  EXPECT_TRUE(passes("核对 支出合计 较上年 减少 2,898,319.51"));
}

TEST(lang_published, a_change_of_wan_yuan_data_at_fewer_decimals) {
  // 万元 data kept to 6 decimals (exact 元): the narrative's 2,389.52 is rounded
  auto r = compile("金额单位 万元\n208 01 09 30101: 10,000.000001\n上年 支出合计 12,389.522466\n"
                   "核对 支出合计 较上年 减少 2,389.52\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_TRUE(r.value->constraints()[0].passed);
}

TEST(lang_published, grouped_rows_are_published_figures) {
  EXPECT_TRUE(passes("核对 合计 按 经济 { 30101: 910.17万元 }"));
  EXPECT_TRUE(passes("核对 合计 按 经济 { 30101: 910.16万元 } 容差 0.01万元"));
  EXPECT_FALSE(passes("核对 合计 按 经济 { 30101: 910.16万元 }"));
}

TEST(lang_published, tolerance_is_honoured_where_accepted) {
  EXPECT_TRUE(passes("核对 支出合计 = 9,101,680.00 容差 0.49"));
  EXPECT_FALSE(passes("核对 支出合计 = 9,101,680.00 容差 0.48"));
  EXPECT_TRUE(passes("核对 支出合计 较上年 减少 2,898,319.00 容差 0.51"));
  EXPECT_FALSE(passes("核对 支出合计 较上年 减少 2,898,319.00 容差 0.50"));
  EXPECT_TRUE(passes("核对 合计 按 经济 { 30101: 9,101,680.00 } 容差 0.49"));
  EXPECT_FALSE(passes("核对 合计 按 经济 { 30101: 9,101,680.00 } 容差 0.48"));
  // and rejected where it is not: a percentage is compared at its decimals
  auto r = compile(std::string(yuan_budget) + "核对 支出合计 较上年 下降 24.15% 容差 0.01\n");
  EXPECT_EQ(one(r, "E0502").message, "容差 does not apply to a percentage");
  auto s = compile(std::string(yuan_budget) + "核对 占比(基本支出, 支出合计) = 100% 容差 0.01\n");
  EXPECT_EQ(one(s, "E0502").message, "容差 does not apply to a percentage");
  // a tolerance written as a percentage is one error, whatever is compared
  auto p = compile(std::string(yuan_budget) + "核对 占比(基本支出, 支出合计) = 100% 容差 1%\n");
  ASSERT_EQ(p.diagnostics.error_count(), 1u) << dump(p);
  EXPECT_EQ(one(p, "E0502").message, "容差 does not apply to a percentage");
  for (const char* t : {"0.01%", "1％"}) {
    auto a = compile(std::string(yuan_budget) + "核对 支出合计 = 1.00 容差 " + t + "\n");
    ASSERT_EQ(a.diagnostics.error_count(), 1u) << dump(a);
    const auto& d = one(a, "E0502");
    EXPECT_EQ(d.message, "容差 is an amount, not a percentage");
    EXPECT_EQ(d.found, t);
  }
}

TEST(lang_published, full_width_numbers_read_as_ascii) {
  auto r = compile("金额单位 元\n208 01 09 30101: ９１，０１６，７７５．３５\n208 01 09 30102: －５．００\n"
                   "核对 支出合计 = 91,016,770.35\n核对 合计(经济 = 30102) = －5.00\n核对 计数 = ２\n"
                   "核对 占比(合计(经济 = 30101), 支出合计) = １００．００％\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.value->items()[0].amount, yuan("91016775.35"));
  EXPECT_EQ(r.value->items()[1].amount, yuan("-5.00"));
  for (const auto& c : r.value->constraints()) EXPECT_TRUE(c.passed) << c.text;
}

TEST(lang_published, the_minus_sign_of_a_pdf_reads_as_a_minus) {
  // U+2212 (−), as text copied from a PDF writes it: a syntax error before
  auto r = compile("金额单位 元\n允许负数\n208 01 09 30101: 10.00\n208 01 09 30102: −5.00\n核对 合计(经济 = 30102) = −5.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.value->items()[1].amount, yuan("-5.00"));
  ASSERT_EQ(r.value->constraints().size(), 1u);
  EXPECT_TRUE(r.value->constraints()[0].passed);
  // a malformed amount after it is located at its character, as after '-'
  EXPECT_EQ(where(one(compile("金额单位 元\n208 01 09 30101: −5.0x\n"), "E0202")), "2:22");
}

TEST(lang_published, full_width_malformed_amount_is_located) {
  auto r = compile("金额单位 元\n208 01 09 30101: １２．３４５\n");
  const auto& d = one(r, "E0202");
  EXPECT_EQ(d.message, "amount '１２．３４５' is finer than 1 分 in 元");
  EXPECT_EQ(where(d), "2:23");  // the '５' that is finer than 1 分
}
