// Full-width and ASCII punctuation, statement separators and comments.
#include "support/test_support.hpp"

using namespace yusuan_test;

TEST(lang_punctuation, variants_and_comments) {
  auto r = compile("金额单位 万元  # 注释\n// 整行注释\n208 01 09 30101：1.00\n208 01 09 ｛ 30102: 2.00 ｝ # 块\n"
                   "208 01 09 30103: 3.00; 208 01 09 30107: 4.00\n口径 甲 ＝ 合计(经济 属于 (30101， 30102、30103))\n"
                   "核对 甲 ＝ 6.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.value->items().size(), 4u);
  EXPECT_EQ(r.value->find_measure("甲")->value, wan("6.00"));
}

TEST(lang_punctuation, fullwidth_parentheses) {
  auto r = compile("208 01 09 30101: 1.00\n核对 合计（经济 = 30101） = 1.00\n核对 合计(经济 in （30101）) = 1.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  ASSERT_EQ(r.value->constraints().size(), 2u);
  for (const auto& c : r.value->constraints()) EXPECT_TRUE(c.passed) << c.text;
}
