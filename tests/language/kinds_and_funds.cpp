// Spending kinds (基本支出, 人员经费, 项目支出, …) and fund sources (资金 …):
// written on an item or on a block, and inherited by the items inside.
#include "support/test_support.hpp"

using namespace yusuan_test;

TEST(lang_kinds_and_funds, kinds_inherited_from_blocks) {
  auto r = compile("金额单位 万元\n208 01 09 基本支出 {\n  人员经费 {\n    30102: 2.00\n  }\n"
                   "  公用经费 30201: 3.00 # a kind word after '}'\n  30101: 1.00\n}\n208 01 09 项目支出 {\n"
                   "  特定目标类 30202: 5.00\n  30201: 4.00\n}\n208 01 09 30203: 6.00\n"
                   "208 01 09 人员经费 30107: 7.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto items = r.value->items();
  ASSERT_EQ(items.size(), 7u);
  EXPECT_EQ(items[0].kind, spending_kind::personnel);
  EXPECT_EQ(items[1].kind, spending_kind::public_funds);
  EXPECT_EQ(items[2].kind, spending_kind::basic);
  EXPECT_EQ(items[3].kind, spending_kind::specific);
  EXPECT_EQ(items[4].kind, spending_kind::project);
  EXPECT_EQ(items[5].kind, spending_kind::unspecified);
  EXPECT_EQ(items[6].kind, spending_kind::personnel);
}

TEST(lang_kinds_and_funds, kind_word_at_the_start_of_the_line_after_an_item) {
  auto r = compile("金额单位 万元\n208 01 09 基本支出 {\n  30101: 1.00\n  人员经费 30102: 2.00\n}\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.value->items()[0].kind, spending_kind::basic);
  EXPECT_EQ(r.value->items()[1].kind, spending_kind::personnel);
}

TEST(lang_kinds_and_funds, kind_block_after_an_item) {
  auto r = compile("金额单位 万元\n208 01 09 基本支出 {\n  30101: 1.00\n  人员经费 {\n    30102: 2.00\n  }\n}\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.value->items()[1].kind, spending_kind::personnel);
}

TEST(lang_kinds_and_funds, funds_of_blocks_and_items) {
  auto r = compile("金额单位 万元\n208 01 09 资金 政府性基金 {\n  资金 财政专户管理资金 30102: 2.00\n  30101: 1.00\n}\n"
                   "208 01 09 资金 \"国有资本经营\" 30103: 3.00\n208 01 09 30107: 4.00\n"
                   "核对 合计(资金 = 政府性基金) = 1.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto items = r.value->items();
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].fund, fund_source::special_account);
  EXPECT_EQ(items[1].fund, fund_source::government_fund);
  EXPECT_EQ(items[2].fund, fund_source::state_capital);
  EXPECT_EQ(items[3].fund, fund_source::general_budget);  // the default
}
