// Spending kinds (基本支出, 人员经费, 项目支出, …) and fund sources (资金 …):
// written on an item or on a block, and inherited by the items inside.
#include "support/test_support.hpp"

#include <yusuan/compile/builder.hpp>
#include <yusuan/query/expressions.hpp>

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
  for (const auto& it : items) EXPECT_EQ(it.balance_of, fund_source::carryover);  // of no balance
}

// Spending from last year's balance, with the fund that balance is of: on an
// item, after its amount, or on a block its items inherit; a block of another
// fund inside starts afresh.
TEST(lang_kinds_and_funds, spending_from_the_balance_of_a_fund) {
  auto r = compile("金额单位 万元\n208 01 09 30201: 1.00 资金 上年结转结余.政府性基金\n"
                   "208 01 09 资金 上年结转结余.一般公共预算 {\n  30202: 2.00\n  资金 事业收入 30203: 3.00\n"
                   "  资金 上年结转结余 30205: 4.00\n}\n208 01 09 资金 上年结转结余.财政拨款 30206: 5.00\n"
                   "核对 合计(资金 = 上年结转结余) = 12.00\n"
                   "核对 合计(资金 = 上年结转结余.一般公共预算) = 2.00\n"
                   "核对 合计(资金 = 上年结转结余.财政拨款) = 7.00\n"  // 财政拨款 takes 一般公共预算, as elsewhere
                   "核对 合计(资金 属于 (上年结转结余.政府性基金, 事业收入)) = 4.00\n"
                   "核对 合计(资金 = 一般公共预算) = 0.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto items = r.value->items();
  ASSERT_EQ(items.size(), 5u);
  const std::pair<fund_source, fund_source> want[] = {
      {fund_source::carryover, fund_source::government_fund},      {fund_source::carryover, fund_source::general_budget},
      {fund_source::institution_revenue, fund_source::carryover},  {fund_source::carryover, fund_source::carryover},
      {fund_source::carryover, fund_source::fiscal_appropriation}};
  for (std::size_t i = 0; i < items.size(); ++i) {
    EXPECT_EQ(items[i].fund, want[i].first) << i;
    EXPECT_EQ(items[i].balance_of, want[i].second) << i;
  }
  EXPECT_EQ(yusuan::fund_text(items[0]), "上年结转结余.政府性基金");
  EXPECT_EQ(yusuan::fund_text(items[3]), "上年结转结余");
  EXPECT_EQ(yusuan::fund_text(items[2]), "事业收入");
  for (const auto& c : r.value->constraints()) EXPECT_TRUE(c.passed) << c.text;
  // from C++: the same filters
  const auto& b = *r.value;
  EXPECT_EQ(yusuan::total(b, yusuan::fund_is(fund_source::carryover)).value(), wan("12.00"));
  EXPECT_EQ(yusuan::total(b, yusuan::fund_is(fund_source::carryover, fund_source::fiscal_appropriation)).value(),
            wan("7.00"));
  EXPECT_EQ(yusuan::to_text(yusuan::fund_is(fund_source::carryover, fund_source::government_fund)),
            "资金 = 上年结转结余.政府性基金");
}

TEST(lang_kinds_and_funds, two_funds_on_one_item_are_an_error) {
  // the last one used to win silently
  for (const std::string second : {"资金 政府性基金", "资金 上年结转结余.政府性基金", "资金 上年结转结余"}) {
    auto r = compile("金额单位 万元\n208 01 09 30201: 4.00 资金 上年结转结余.一般公共预算 " + second + "\n");
    const auto& d = one(r, "E0205");
    EXPECT_EQ(d.message, "conflicting funds: 上年结转结余.一般公共预算 and " + second.substr(std::string("资金 ").size()))
        << second;
    EXPECT_EQ(where(d), "2:43") << second;
    EXPECT_EQ(r.value, std::nullopt);
  }
  // the same fund twice, or a block's fund replaced by an item's, is fine
  auto same = compile("金额单位 万元\n208 01 09 资金 事业收入 30201: 4.00 资金 事业收入\n"
                      "208 01 09 资金 事业收入 {\n  30202: 1.00 资金 上年结转结余.事业收入\n}\n");
  ASSERT_TRUE(same.ok()) << dump(same);
  EXPECT_EQ(same.value->items()[1].balance_of, fund_source::institution_revenue);
}

TEST(lang_kinds_and_funds, a_fund_written_with_a_part_that_is_not_of_a_balance) {
  for (const std::string fund : {"一般公共预算.财政拨款", "上年结转结余.事业收人", "上年结转结余.上年结转结余", "上年结转结余."}) {
    auto r = compile("金额单位 万元\n208 01 09 30201: 1.00 资金 " + fund + "\n");
    const auto& d = one(r, "E0205");
    EXPECT_EQ(where(d), "2:26") << fund;
    EXPECT_EQ(d.span.length, fund.size()) << fund;
  }
  auto empty = compile("金额单位 万元\n208 01 09 30201: 1.00 资金 上年结转结余.\n");
  EXPECT_EQ(one(empty, "E0205").message, "a fund source is missing after '上年结转结余.'");
  auto typo = compile("金额单位 万元\n208 01 09 30201: 1.00 资金 上年结转结余.事业收人\n");
  EXPECT_EQ(one(typo, "E0205").label, "did you mean '事业收入'?");
  // in a filter of items likewise; 收入(…) takes any line's part
  auto filter = compile("金额单位 万元\n208 01 09 30201: 1.00\n核对 合计(资金 = 一般公共预算.财政拨款) = 0.00\n");
  EXPECT_EQ(one(filter, "E0205").message, "'一般公共预算.财政拨款' is not a fund source");
  // filters of items and of projects' amounts say what an item's 资金 says
  for (const std::string fund : {"一般公共预算.财政拨款", "上年结转结余.事业收人", "上年结转结余.上年结转结余", "上年结转结余."}) {
    const auto item = one(compile("金额单位 万元\n208 01 09 30201: 1.00 资金 " + fund + "\n"), "E0205");
    for (const std::string agg : {"合计", "项目金额"}) {
      auto r = compile("金额单位 万元\n208 01 09 30201: 1.00\n核对 " + agg + "(资金 = " + fund + ") = 0.00\n");
      const auto& d = one(r, "E0205");
      EXPECT_EQ(d.message, item.message) << agg << " " << fund;
      EXPECT_EQ(d.label, item.label) << agg << " " << fund;
      EXPECT_EQ(where(d), "3:" + std::to_string(agg == "合计" ? 12 : 14)) << agg << " " << fund;
    }
  }
  auto income = compile("金额单位 万元\n收入 一般公共预算 1.00 其中 财政拨款 1.00\n208 01 09 30201: 1.00\n"
                        "核对 收入(资金 = 一般公共预算.财政拨款) = 1.00\n");
  EXPECT_TRUE(income.ok()) << dump(income);
}
