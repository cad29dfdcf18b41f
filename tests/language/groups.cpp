// Project groups (项目组): projects whose money is broken down together.
#include "support/test_support.hpp"

using namespace yusuan_test;

TEST(lang_groups, members_amount_and_coordinates) {
  auto r = compile("金额单位 万元\n项目 \"甲\" 编码 P1 金额 30.00\n项目 \"乙\" 金额 10.00\n"
                   "项目组 \"运转\" (P1, \"乙\") 208 01 09 其他运转类 资金 政府性基金 {\n  30201: 25.00\n  30202: 15.00\n}\n"
                   "核对 合计(项目 = 运转) = 40.00\n核对 合计(项目 = 甲) = 0.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& b = *r.value;
  ASSERT_EQ(b.groups().size(), 1u);
  const auto& g = b.groups()[0];
  EXPECT_EQ(g.name, "运转");
  ASSERT_EQ(g.members.size(), 2u);
  EXPECT_EQ(g.members[0], 0u);
  EXPECT_EQ(g.members[1], 1u);
  EXPECT_EQ(g.amount, wan("40.00"));
  EXPECT_EQ(where(g.span), "4:6");
  EXPECT_EQ(b.projects()[0].group, 0u);
  EXPECT_EQ(b.projects()[1].group, 0u);
  for (const auto& it : b.items()) {
    EXPECT_EQ(it.group, 0u);
    EXPECT_EQ(it.project, yusuan::npos32);
    EXPECT_EQ(it.kind, spending_kind::operating);
    EXPECT_EQ(it.fund, fund_source::government_fund);
    EXPECT_EQ(it.function, fn("208 01 09"));
  }
}
