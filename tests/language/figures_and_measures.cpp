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
