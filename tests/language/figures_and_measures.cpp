// Prior-year figures (上年), figures (数值, 计数) and measures (口径).
#include "support/test_support.hpp"
#include "language/full_budget.hpp"

using namespace yusuan_test;

TEST(lang_figures_and_measures, prior_figures_counts_and_measures) {
  auto r = compile(full_zh);
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& b = *r.value;
  ASSERT_EQ(b.prior_figures().size(), 2u);
  EXPECT_EQ(b.prior_figures()[0].name, "支出总计");
  EXPECT_EQ(b.prior_figures()[0].amount, wan("130.00"));
  EXPECT_EQ(b.prior("三公经费"), wan("8.80"));
  EXPECT_FALSE(b.prior("无").has_value());
  ASSERT_EQ(b.figures().size(), 2u);
  const auto* f = b.find_figure("政府采购");
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(f->is_money);
  EXPECT_EQ(f->amount, wan("0.00"));
  const auto* c = b.find_figure("车辆");
  ASSERT_NE(c, nullptr);
  EXPECT_FALSE(c->is_money);
  EXPECT_EQ(c->count, 4);
  EXPECT_EQ(c->unit, "辆");
  EXPECT_EQ(where(c->span), "38:4");
  ASSERT_EQ(b.measures().size(), 1u);
  const auto* m = b.find_measure("三公经费");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->value, wan("9.20"));
  EXPECT_EQ(m->definition.kind, yusuan::expr::op::sum);
  EXPECT_EQ(where(m->span), "39:4");
}

TEST(lang_figures_and_measures, measure_definition_span) {
  const std::string text = "口径 甲 = 合计(经济 = 30101)\n208 01 09 30101: 1.00\n";
  auto r = compile(text);
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& sp = r.value->find_measure("甲")->definition.span;
  EXPECT_EQ(where(sp), "1:8");  // 口径 甲 = |合计(…)
  EXPECT_EQ(sp.length, std::string("合计(经济 = 30101)").size());
}

TEST(lang_figures_and_measures, counts_of_up_to_17_digits_compare_with_their_literals) {
  // a whole number compared with a count is a count, in any unit of amounts,
  // though past what an amount holds (10^9 亿元 is 10^17 元)
  for (const char* unit : {"元", "万元", "亿元"})
    for (const char* n : {"999999999", "1000000000", "999999999999999", "1000000000000000", "99999999999999999"}) {
      const std::string text = std::string("金额单位 ") + unit + "\n计数 人次 " + n + " 人次\n核对 人次 = " + n +
                               "\n核对 " + n + " >= 人次\n核对 人次 - 1 < " + n + "\n核对 -" + n + " = -人次\n";
      auto r = compile(text);
      EXPECT_TRUE(r.ok()) << text << dump(r);
    }
  auto r = compile("金额单位 亿元\n计数 人次 1000000000 人次\n核对 人次 = 1000000001\n");
  const auto& d = one(r, "E0501");
  EXPECT_EQ(d.expected, "1000000001");
  EXPECT_EQ(d.found, "1000000000");
}
