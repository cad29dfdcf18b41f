// Spending kinds (基本支出, 人员经费, 项目支出, …) and fund sources (资金 …):
// written on an item or on a block, and inherited by the items inside.
#include "support/test_support.hpp"

#include <yusuan/compile/builder.hpp>

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
  EXPECT_EQ(items[2].kind, spending_kind::personnel);  // 基本支出 on 301: 人员经费
  EXPECT_EQ(items[3].kind, spending_kind::specific);
  EXPECT_EQ(items[4].kind, spending_kind::project);
  EXPECT_EQ(items[5].kind, spending_kind::unspecified);
  EXPECT_EQ(items[6].kind, spending_kind::personnel);
}

TEST(lang_kinds_and_funds, kind_word_at_the_start_of_the_line_after_an_item) {
  auto r = compile("金额单位 万元\n208 01 09 基本支出 {\n  30201: 1.00\n  人员经费 30102: 2.00\n}\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.value->items()[0].kind, spending_kind::public_funds);  // from 302
  EXPECT_EQ(r.value->items()[1].kind, spending_kind::personnel);     // from the word
}

// One meaning of 人员经费 and 公用经费: an item declared only 基本支出 is
// 人员经费 on 301 / 303 and 公用经费 on 302 / 310 / 307 / 309 / 399, for
// constraints, measures, filters, queries and tables alike.
TEST(lang_kinds_and_funds, basic_spending_takes_the_sub_kind_of_its_economic_class) {
  auto r = compile("金额单位 元\n208 01 09 基本支出 {\n  30101: 1.00\n  30302: 2.00\n  30201: 4.00\n  31002: 8.00\n"
                   "  30905: 16.00\n  39999: 32.00\n  30701: 64.00\n}\n"
                   "208 01 09 基本支出 公用经费 30101: 128.00\n"  // a declared sub-kind is kept (W0606)
                   "核对 合计(类型 = 人员经费) = 3.00\n"
                   "核对 合计(类型 = 公用经费) = 252.00\n"
                   "核对 合计(类型 = 基本支出) = 255.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto items = r.value->items();
  ASSERT_EQ(items.size(), 8u);
  EXPECT_EQ(items[0].kind, spending_kind::personnel);
  EXPECT_EQ(items[1].kind, spending_kind::personnel);
  for (std::size_t i = 2; i < 7; ++i) EXPECT_EQ(items[i].kind, spending_kind::public_funds) << i;
  EXPECT_EQ(items[7].kind, spending_kind::public_funds);
  auto q = yusuan::parse_query("sum where kind = 公用经费", *r.value);
  EXPECT_EQ(yusuan::run(*r.value, q).total, yusuan::money::parse("252.00"));
}

TEST(lang_kinds_and_funds, the_builder_gives_basic_spending_its_sub_kind) {
  yusuan::budget_builder bb;
  yusuan::item it;
  it.amount = yusuan::money::parse("5.00");
  it.function = *yusuan::function_code::parse("2080109");
  it.econ = *yusuan::econ_code::parse("30201");
  it.kind = spending_kind::basic;
  bb.add(it);
  const auto b = bb.build();
  EXPECT_EQ(b.items()[0].kind, spending_kind::public_funds);
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
