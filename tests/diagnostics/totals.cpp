// E04xx: stated totals (E0401), project amounts (E0402), project groups (E0403),
// and income against expenditure (E0404).
#include "support/test_support.hpp"

using namespace yusuan_test;

// --- E0401: stated totals ------------------------------------------------------------------------

TEST(diag_totals, E0401_block_total_differs) {
  auto r = compile("金额单位 万元\n208 01 09 基本支出 合计 10.00 {\n  30101: 4.00\n  30102: 5.00\n}\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0401");
  EXPECT_EQ(d.message, "stated total 10.00 differs from the sum of its items 9.00");
  EXPECT_EQ(d.expected, "10.00");
  EXPECT_EQ(d.found, "9.00 (difference -1.00 万元)");
  EXPECT_EQ(where(d), "2:1");
  std::string at;
  EXPECT_TRUE(note_has(d, "208 01 09 30101 4.00", &at));
  EXPECT_EQ(at, "3:3");
  EXPECT_TRUE(note_has(d, "208 01 09 30102 5.00", &at));
  EXPECT_EQ(at, "4:3");
}

TEST(diag_totals, E0401_nested_totals) {
  auto r = compile("金额单位 万元\n208 01 09 合计 3.00 {\n  30101 合计 2.00 {\n    208 01 09: 1.00\n    208 01 09: 1.00\n"
                   "  }\n  30102: 1.00\n}\n");
  EXPECT_TRUE(r.ok()) << dump(r);
  auto bad = compile("金额单位 万元\n208 01 09 合计 3.00 {\n  30101 合计 2.50 {\n    208 01 09: 1.00\n"
                     "    208 01 09: 1.00\n  }\n  30102: 1.00\n}\n");
  const auto ds = with_code(bad, "E0401");
  ASSERT_EQ(ds.size(), 1u) << dump(bad);
  EXPECT_EQ(where(*ds[0]), "3:3");
}

TEST(diag_totals, E0401_of_which_exceeds_income) {
  auto r = compile("金额单位 万元\n收入 一般公共预算 1.00 其中 财政拨款 2.00\n208 01 09 30101: 1.00\n");
  const auto& d = one(r, "E0401");
  EXPECT_EQ(d.message, "其中 财政拨款 2.00 exceeds 一般公共预算 1.00");
  EXPECT_EQ(d.expected, "at most 1.00");
  EXPECT_EQ(where(d), "2:24");
}

// --- E0402: project amount -----------------------------------------------------------------------

TEST(diag_totals, E0402_project_amount_differs_from_its_items) {
  auto r = compile("金额单位 万元\n项目 \"甲\" 类型 特定目标类 功能 208 01 09 金额 20.00 {\n  30201 办公费: 15.00\n"
                   "  30202 印刷费: 4.00\n}\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0402");
  EXPECT_EQ(d.message, "project '甲' amount 20.00 differs from its items 19.00");
  EXPECT_EQ(d.expected, "20.00");
  EXPECT_EQ(d.found, "19.00 in its items (difference -1.00)");
  EXPECT_EQ(where(d), "2:33");
  std::string at;
  EXPECT_TRUE(note_has(d, "208 01 09 30201 甲 15.00", &at)) << dump(r);
  EXPECT_EQ(at, "3:3");
  EXPECT_TRUE(note_has(d, "30202 甲 4.00", &at));
  EXPECT_EQ(at, "4:3");
}

TEST(diag_totals, E0402_project_amount_mismatch_with_fields_inside) {
  auto r = compile("金额单位 万元\n项目 \"甲\" 功能 208 01 09 {\n  金额 5.00\n  30201: 2.00\n}\n");
  const auto& d = one(r, "E0402");
  EXPECT_EQ(where(d), "3:6");
}

TEST(diag_totals, E0402_project_in_a_group_needs_an_amount) {
  auto r = compile("金额单位 万元\n项目 \"甲\"\n项目组 \"组\" (甲) 208 01 09 {\n}\n");
  const auto& d = one(r, "E0402");
  EXPECT_EQ(d.message, "project '甲' in group '组' needs a 金额");
  EXPECT_EQ(where(d), "2:5");
}

// --- E0403: project groups -----------------------------------------------------------------------

TEST(diag_totals, E0403_group_breakdown_differs) {
  auto r = compile("金额单位 万元\n项目 \"甲\" 金额 30.00\n项目 \"乙\" 金额 10.00\n"
                   "项目组 \"运转\" (\"甲\", \"乙\") 208 01 09 其他运转类 {\n  30201: 30.00\n}\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0403");
  EXPECT_EQ(d.message, "the breakdown of group '运转' sums to 30.00, but its projects sum to 40.00");
  EXPECT_EQ(d.expected, "40.00 (Σ of the projects)");
  EXPECT_EQ(d.found, "30.00 (difference -10.00)");
  EXPECT_EQ(where(d), "4:6");
  std::string at;
  EXPECT_TRUE(note_has(d, "甲 30.00", &at));
  EXPECT_EQ(at, "2:5");
  EXPECT_TRUE(note_has(d, "乙 10.00", &at));
  EXPECT_EQ(at, "3:5");
}

TEST(diag_totals, E0403_project_with_items_in_a_group) {
  auto r = compile("金额单位 万元\n项目 \"甲\" 功能 208 01 09 {\n  30201: 1.00\n}\n项目组 \"组\" (甲) 208 01 09 {\n"
                   "  30201: 1.00\n}\n");
  const auto ds = with_code(r, "E0403");
  ASSERT_FALSE(ds.empty()) << dump(r);
  EXPECT_EQ(ds[0]->message, "project '甲' has items of its own and is also in group '组'");
  EXPECT_EQ(where(*ds[0]), "2:5");
}

// --- E0404: income and expenditure ---------------------------------------------------------------

TEST(diag_totals, E0404_income_differs_from_expenditure) {
  auto r = compile("金额单位 万元\n收入 一般公共预算 100.00\n收入 上年结转结余 2.00\n年终结转结余 1.00\n"
                   "208 01 09 30101: 90.00\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0404");
  EXPECT_EQ(d.message, "income total 102.00 differs from expenditure total 91.00");
  EXPECT_EQ(d.expected, "102.00 (收入总计)");
  EXPECT_EQ(d.found, "91.00 (支出总计; difference -11.00 万元)");
  EXPECT_EQ(where(d), "2:4");
  EXPECT_TRUE(note_has(d, "收入总计 = 本年收入合计 + 上年结转结余"));
}

TEST(diag_totals, E0404_not_checked_without_income) {
  auto r = compile("金额单位 万元\n208 01 09 30101: 90.00\n");
  EXPECT_TRUE(r.ok()) << dump(r);
}

// --- E0701: totals that cannot be represented -------------------------------------------------------------

TEST(diag_totals, E0701_expenditure_total_beyond_an_amount) {
  // each item fits in 64 bits of 分, their sum does not: a located error, not a clean check
  auto r = compile("金额单位 元\n208 01 09 30101: 90,000,000,000,000,000.00\n208 01 09 30102: 90,000,000,000,000,000.00\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0701");
  EXPECT_EQ(d.message, "the budget's expenditure total is more than an amount can hold");
  EXPECT_EQ(where(d), "2:1");
}

TEST(diag_totals, E0701_block_total_beyond_an_amount) {
  auto r = compile("金额单位 元\n208 01 09 {\n  30101: 90,000,000,000,000,000.00\n  30102: 90,000,000,000,000,000.00\n}\n"
                   "208 01 09 30103: -90,000,000,000,000,000.00\n");
  EXPECT_FALSE(r.ok());
  const auto ds = with_code(r, "E0701");
  ASSERT_EQ(ds.size(), 1u) << dump(r);
  EXPECT_EQ(ds[0]->message, "the items of this block sum to more than an amount can hold");
  EXPECT_EQ(where(*ds[0]), "2:1");
}

TEST(diag_totals, E0701_share_beyond_a_percentage) {
  auto r = compile("金额单位 元\n208 01 09 基本支出 30101: 90,000,000,000,000,000.00\n208 01 09 项目支出 30102: 0.01\n"
                   "核对 占比(合计(类型 = 基本支出), 合计(类型 = 项目支出)) = 5%\n");
  EXPECT_FALSE(r.ok());
  const auto ds = with_code(r, "E0701");
  ASSERT_EQ(ds.size(), 1u) << dump(r);
  EXPECT_EQ(ds[0]->message, "the share 90000000000000000.00 / 0.01 元 is more than a percentage can hold");
  EXPECT_EQ(ds[0]->label, "a percentage is at most 9,223,372,036,854,775,807 units of its last decimal");
  EXPECT_EQ(where(*ds[0]), "4:4");
  EXPECT_TRUE(with_code(r, "E0501").empty()) << dump(r);
}

TEST(diag_totals, E0701_share_beyond_a_percentage_in_the_budgets_unit) {
  auto r = compile("金额单位 万元\n208 01 09 基本支出 30101: 9,000,000,000,000.00\n208 01 09 项目支出 30102: 0.000001\n"
                   "核对 占比(合计(类型 = 基本支出), 合计(类型 = 项目支出)) = 5%\n");
  const auto ds = with_code(r, "E0701");
  ASSERT_EQ(ds.size(), 1u) << dump(r);
  EXPECT_EQ(ds[0]->message, "the share 9000000000000.00 / 0.000001 万元 is more than a percentage can hold");
}

TEST(diag_totals, E0701_change_beyond_a_percentage) {
  auto r = compile("金额单位 元\n208 01 09 30101: 90,000,000,000,000,000.00\n上年 支出合计 0.01\n"
                   "核对 支出合计 较上年 增长 5.00%\n");
  EXPECT_FALSE(r.ok());
  const auto ds = with_code(r, "E0701");
  ASSERT_EQ(ds.size(), 1u) << dump(r);
  EXPECT_EQ(ds[0]->message, "the year-on-year change 89999999999999999.99 / 0.01 元 is more than a percentage can hold");
  EXPECT_EQ(where(*ds[0]), "4:4");
}

TEST(diag_totals, a_published_figure_next_to_the_largest_amount_is_compared_unrounded) {
  // rounding 92,233,720,368,547,758.07 元 half up to 0.01 万元 passes the largest amount
  auto r = compile("金额单位 元\n208 01 09 30101: 92,233,720,368,547,758.07\n"
                   "核对 支出合计 = 9,223,372,036,854.77万元\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0501");
  EXPECT_EQ(d.expected, "9,223,372,036,854.77万元");
  EXPECT_EQ(d.found, "9,223,372,036,854.78万元 (difference +0.01 万元)");
  EXPECT_TRUE(with_code(r, "E0701").empty()) << dump(r);
}

// --- W0406 / W0407: items the tables cannot place ------------------------------------------------

TEST(diag_totals, W0406_an_item_without_a_functional_code) {
  auto r = compile("金额单位 万元\n基本支出 人员经费 30101: 100.00\n208 01 09 基本支出 30102: 1.00\n"
                   "基本支出 30201: 2.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& d = one(r, "W0406");
  EXPECT_EQ(d.level, yusuan::severity::warning);
  EXPECT_EQ(d.message, "30101 has no functional code (功能科目)");
  EXPECT_EQ(where(d), "2:1");
  ASSERT_GE(d.notes.size(), 2u);
  EXPECT_NE(d.notes[0].message.find("tables classified by function leave it out"), std::string::npos);
  EXPECT_NE(d.notes[1].message.find("30201"), std::string::npos);  // the other one, located
  EXPECT_EQ(yusuan::resolve(d.notes[1].span).line, 4u);
  // inherited from the project: nothing to say
  auto p = compile("金额单位 万元\n项目 \"甲\" 类型 特定目标类 功能 2080109 {\n  30201: 1.00\n}\n");
  EXPECT_TRUE(with_code(p, "W0406").empty()) << dump(p);
}

TEST(diag_totals, W0407_an_item_without_a_kind_beside_items_with_one) {
  auto r = compile("金额单位 万元\n208 01 09 基本支出 30101: 15.00\n208 01 09 30201: 1.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& d = one(r, "W0407");
  EXPECT_EQ(d.message, "208 01 09 30201 is neither 基本支出 nor 项目支出");
  EXPECT_EQ(where(d), "3:1");
  // no item has a kind: the budget does not split its spending, nothing to say
  auto none = compile("金额单位 万元\n208 01 09 30101: 15.00\n208 01 09 30201: 1.00\n");
  EXPECT_TRUE(with_code(none, "W0407").empty()) << dump(none);
  // a kind from the block or the project counts
  auto inherited = compile("金额单位 万元\n208 01 09 基本支出 {\n  30101: 15.00\n}\n"
                           "项目 \"乙\" 类型 其他运转类 功能 2080109 {\n  30201: 1.00\n}\n");
  EXPECT_TRUE(with_code(inherited, "W0407").empty()) << dump(inherited);
}

// --- E0405: balances by fund source ------------------------------------------------------------

TEST(diag_totals, E0405_a_fund_source_that_does_not_balance) {
  // the totals agree (E0404 is silent), but 4.00 of 政府性基金 money is spent as 一般公共预算
  auto r = compile("金额单位 万元\n收入 一般公共预算 100.00\n收入 政府性基金 20.00\n"
                   "收入 上年结转结余 10.00 其中 一般公共预算 6.00 其中 政府性基金 4.00\n"
                   "年终结转结余 8.00 其中 一般公共预算 2.00 其中 政府性基金 6.00\n"
                   "208 01 09 基本支出 30101: 108.00\n212 01 01 项目支出 30227: 14.00 资金 政府性基金\n");
  EXPECT_TRUE(with_code(r, "E0404").empty()) << dump(r);
  const auto ds = with_code(r, "E0405");
  ASSERT_EQ(ds.size(), 2u) << dump(r);
  EXPECT_EQ(ds[0]->message, "一般公共预算: 年初结转结余 + 收入 106.00 differs from 支出 + 年终结转结余 110.00");
  EXPECT_EQ(where(*ds[0]), "2:4");
  EXPECT_EQ(ds[0]->found, "110.00 (支出 108.00 + 年末 2.00; difference +4.00 万元)");
  EXPECT_EQ(ds[1]->message, "政府性基金: 年初结转结余 + 收入 24.00 differs from 支出 + 年终结转结余 20.00");
}

TEST(diag_totals, E0405_counts_spending_from_a_balance_in_its_fund) {
  // 4.00 of 一般公共预算 and 4.00 of 政府性基金 paid from their balances
  const std::string head = "金额单位 万元\n收入 一般公共预算 100.00\n收入 政府性基金 20.00\n"
                           "收入 上年结转结余 10.00 其中 一般公共预算 6.00 其中 政府性基金 4.00\n"
                           "年终结转结余 8.00 其中 一般公共预算 2.00 其中 政府性基金 6.00\n"
                           "208 01 09 基本支出 30101: 100.00\n212 01 01 项目支出 30227: 14.00 资金 政府性基金\n";
  auto r = compile(head + "208 01 09 项目支出 30201: 4.00 资金 上年结转结余.一般公共预算\n"
                          "212 01 01 项目支出 30227: 4.00 资金 上年结转结余.政府性基金\n");
  EXPECT_TRUE(r.ok()) << dump(r);
  EXPECT_TRUE(r.diagnostics.list().empty()) << dump(r);
  // the wrong fund's balance: both funds are off by 4.00
  auto swapped = compile(head + "208 01 09 项目支出 30201: 4.00 资金 上年结转结余.政府性基金\n"
                                "212 01 01 项目支出 30227: 4.00 资金 上年结转结余.政府性基金\n");
  const auto ds = with_code(swapped, "E0405");
  ASSERT_EQ(ds.size(), 2u) << dump(swapped);
  EXPECT_EQ(ds[0]->found, "102.00 (支出 100.00 + 年末 2.00; difference -4.00 万元)");
  EXPECT_EQ(ds[1]->found, "28.00 (支出 22.00 + 年末 6.00; difference +4.00 万元)");
  EXPECT_EQ(ds[0]->notes.size(), 1u);  // every item says whose balance pays it
  // without the fund: counted in none, and the note says how to write it
  auto unstated = compile(head + "208 01 09 项目支出 30201: 4.00 资金 上年结转结余\n"
                                 "212 01 01 项目支出 30227: 4.00 资金 上年结转结余\n");
  const auto us = with_code(unstated, "E0405");
  ASSERT_EQ(us.size(), 2u) << dump(unstated);
  ASSERT_EQ(us[0]->notes.size(), 2u);
  EXPECT_EQ(us[0]->notes[1].message,
            "2 items paid from 上年结转结余 (8.00) name no fund and count in none: write the fund the balance is of, as in "
            "资金 上年结转结余.一般公共预算");
  EXPECT_TRUE(note_has(*us[1], "资金 上年结转结余.政府性基金"));
}

TEST(diag_totals, E0405_of_a_fund_without_an_income_or_balance_line_is_at_its_first_item) {
  // 政府性基金 is spent but has no line: reported at its first item, not at another fund's line
  auto r = compile("金额单位 万元\n收入 一般公共预算 100.00\n收入 事业收入 50.00\n"
                   "收入 上年结转结余 10.00 其中 一般公共预算 10.00\n年终结转结余 0.00\n208 01 09 30101: 110.00\n"
                   "208 01 09 30201: 30.00 资金 政府性基金\n208 01 09 30202: 20.00 资金 事业收入\n");
  const auto ds = with_code(r, "E0405");
  ASSERT_EQ(ds.size(), 2u) << dump(r);
  EXPECT_EQ(ds[0]->message, "政府性基金: 年初结转结余 + 收入 0.00 differs from 支出 + 年终结转结余 30.00");
  EXPECT_EQ(where(*ds[0]), "7:1");
  EXPECT_EQ(where(*ds[1]), "3:4");  // 事业收入 at its income line
}

// --- W0412: spending from a balance the budget does not have ------------------------------------

TEST(diag_totals, W0412_spending_more_of_a_funds_balance_than_its_part) {
  // every fund balances (E0405 is silent), but 6.00 is paid from a 政府性基金 balance of 4.00
  const std::string head = "金额单位 万元\n收入 一般公共预算 100.00\n收入 政府性基金 20.00\n"
                           "收入 上年结转结余 10.00 其中 一般公共预算 6.00 其中 政府性基金 4.00\n"
                           "208 01 09 基本支出 30101: 106.00\n";
  auto r = compile(head + "212 01 01 项目支出 30227: 18.00 资金 政府性基金\n"
                          "212 01 01 项目支出 30227: 6.00 资金 上年结转结余.政府性基金\n");
  EXPECT_TRUE(r.ok()) << dump(r);
  EXPECT_TRUE(with_code(r, "E0405").empty()) << dump(r);
  const auto ds = with_code(r, "W0412");
  ASSERT_EQ(ds.size(), 1u) << dump(r);
  EXPECT_EQ(ds[0]->message, "items paid from 上年结转结余.政府性基金 spend 6.00, more than its 政府性基金 part 4.00");
  EXPECT_EQ(where(*ds[0]), "7:1");  // the first item paid from it
  EXPECT_EQ(ds[0]->expected, "at most 4.00 (its 政府性基金 part)");
  EXPECT_EQ(ds[0]->found, "6.00 (1 item; difference +2.00 万元)");
  ASSERT_EQ(ds[0]->notes.size(), 2u);
  EXPECT_EQ(ds[0]->notes[1].message, "the balance is stated here");
  EXPECT_EQ(where(ds[0]->notes[1].span), "4:35");  // the part 政府性基金 4.00
  // within the part: nothing to say
  auto within = compile(head + "212 01 01 项目支出 30227: 20.00 资金 政府性基金\n"
                               "212 01 01 项目支出 30227: 4.00 资金 上年结转结余.政府性基金\n");
  EXPECT_TRUE(within.diagnostics.list().empty()) << dump(within);
  // 财政拨款 is the 一般公共预算 part when that is not stated
  auto fiscal = compile("金额单位 万元\n收入 一般公共预算 100.00\n收入 上年结转结余 10.00 其中 财政拨款 6.00 其中 事业收入 4.00\n"
                        "年终结转结余 4.00 其中 事业收入 4.00\n208 01 09 基本支出 30101: 99.00\n208 01 09 项目支出 30201: 7.00 资金 上年结转结余.一般公共预算\n");
  const auto fs = with_code(fiscal, "W0412");
  ASSERT_EQ(fs.size(), 1u) << dump(fiscal);
  EXPECT_EQ(fs[0]->message, "items paid from 上年结转结余.一般公共预算 spend 7.00, more than its 一般公共预算 part 6.00");
  // items that write .财政拨款 are named as they write it (the message said .一般公共预算)
  auto written = compile("金额单位 万元\n收入 一般公共预算 100.00\n收入 上年结转结余 10.00 其中 财政拨款 6.00 其中 事业收入 4.00\n"
                         "年终结转结余 4.00 其中 事业收入 4.00\n208 01 09 基本支出 30101: 99.00\n"
                         "208 01 09 项目支出 30201: 7.00 资金 上年结转结余.财政拨款\n");
  const auto ws = with_code(written, "W0412");
  ASSERT_EQ(ws.size(), 1u) << dump(written);
  EXPECT_EQ(ws[0]->message, "items paid from 上年结转结余.财政拨款 spend 7.00, more than its 一般公共预算 part 6.00");
}

TEST(diag_totals, W0412_points_at_the_item_that_goes_past_the_balance) {
  // 3.00 + 3.00 of a part of 4.00: the second item goes past it (the first is within), noted with the first
  auto r = compile("金额单位 万元\n收入 一般公共预算 100.00\n收入 政府性基金 20.00\n"
                   "收入 上年结转结余 10.00 其中 一般公共预算 6.00 其中 政府性基金 4.00\n"
                   "208 01 09 基本支出 30101: 106.00\n212 01 01 项目支出 30227: 18.00 资金 政府性基金\n"
                   "212 01 01 项目支出 30227: 3.00 资金 上年结转结余.政府性基金\n"
                   "212 01 01 项目支出 30226: 3.00 资金 上年结转结余.政府性基金\n");
  const auto ds = with_code(r, "W0412");
  ASSERT_EQ(ds.size(), 1u) << dump(r);
  EXPECT_EQ(where(*ds[0]), "8:1");
  EXPECT_EQ(ds[0]->label, "the one that goes past the balance");
  ASSERT_FALSE(ds[0]->notes.empty());
  bool noted = false;
  for (const auto& n : ds[0]->notes)
    if (n.message == "the first item paid from it") noted = where(n.span) == "7:1";
  EXPECT_TRUE(noted) << dump(r);
}

TEST(diag_totals, W0412_spending_from_a_balance_the_budget_does_not_state) {
  // income and expenditure agree (E0404 is silent): the items are this year's 事业收入 paid as if from a balance
  auto r = compile("金额单位 万元\n收入 一般公共预算 100.00\n收入 事业收入 8.00\n208 01 09 基本支出 30101: 100.00\n"
                   "208 01 09 项目支出 30201: 5.00 资金 上年结转结余\n208 01 09 项目支出 30202: 3.00 资金 上年结转结余\n");
  EXPECT_TRUE(r.ok()) << dump(r);
  const auto ds = with_code(r, "W0412");
  ASSERT_EQ(ds.size(), 1u) << dump(r);
  EXPECT_EQ(ds[0]->message, "items paid from 上年结转结余 spend 8.00, more than the budget's 上年结转结余 0.00");
  EXPECT_EQ(where(*ds[0]), "5:1");
  EXPECT_EQ(ds[0]->found, "8.00 (2 items; difference +8.00 万元)");
  EXPECT_TRUE(note_has(*ds[0], "states no 收入 上年结转结余"));
  // a balance overspent in all is reported once, not again for its parts
  auto both = compile("金额单位 万元\n收入 一般公共预算 100.00\n收入 上年结转结余 2.00 其中 一般公共预算 2.00\n"
                      "208 01 09 基本支出 30101: 97.00\n208 01 09 项目支出 30201: 5.00 资金 上年结转结余.一般公共预算\n");
  const auto bs = with_code(both, "W0412");
  ASSERT_EQ(bs.size(), 1u) << dump(both);
  EXPECT_EQ(bs[0]->message, "items paid from 上年结转结余 spend 5.00, more than the budget's 上年结转结余 2.00");
  // a file without income lines (items or rules only) is not checked
  EXPECT_TRUE(with_code(compile("208 01 09 项目支出 30201: 5.00 资金 上年结转结余\n"), "W0412").empty());
  // negative figures on purpose: a refund to a balance spends none of it
  auto refund = compile("金额单位 万元\n允许负数\n收入 一般公共预算 10.00\n收入 上年结转结余 -5.00\n"
                        "208 01 09 基本支出 30101: 6.00\n208 01 09 项目支出 30201: -1.00 资金 上年结转结余\n");
  EXPECT_TRUE(refund.ok()) << dump(refund);
  EXPECT_TRUE(with_code(refund, "W0412").empty()) << dump(refund);
}

TEST(diag_totals, E0405_each_unit_that_states_its_income_balances_its_funds) {
  // each unit states its income: each unit's funds balance, 4.00 of 政府性基金
  // spent as 一般公共预算 in 甲 and the other way round in 乙 (the department
  // as a whole balances by fund, and each unit's totals agree: E0404 is silent)
  temp_dir dir;
  dir.write("a.budget", "金额单位 万元\n单位 801001 \"甲单位\" 类型 事业\n收入 一般公共预算 100.00\n收入 政府性基金 20.00\n"
                        "收入 上年结转结余 3.00 其中 一般公共预算 3.00\n年终结转结余 3.00 其中 一般公共预算 3.00\n"
                        "208 01 09 30101: 104.00\n212 01 01 30227: 16.00 资金 政府性基金\n");
  const auto b_unit = [&](const std::string& general, const std::string& fund) {
    dir.write("b.budget", "金额单位 万元\n单位 801002 \"乙单位\" 类型 事业\n收入 一般公共预算 50.00\n收入 政府性基金 10.00\n"
                          "208 01 09 30101: " + general + "\n212 01 01 30227: " + fund + " 资金 政府性基金\n");
  };
  const auto dept = dir.write("dept.budget", "金额单位 万元\n部门 801 \"测试局\"\n导入 \"a.budget\"\n导入 \"b.budget\"\n");
  b_unit("46.00", "14.00");
  auto r = compile_path(dept, no_catalog());
  EXPECT_TRUE(with_code(r, "E0404").empty()) << dump(r);
  const auto ds = with_code(r, "E0405");
  ASSERT_EQ(ds.size(), 4u) << dump(r);
  EXPECT_EQ(ds[0]->message, "unit 801001 甲单位: 一般公共预算: 年初结转结余 + 收入 103.00 differs from 支出 + 年终结转结余 107.00");
  EXPECT_TRUE(ds[0]->span.file->name().ends_with("a.budget")) << ds[0]->span.file->name();
  EXPECT_EQ(where(*ds[0]), "3:4");
  EXPECT_EQ(ds[0]->found, "107.00 (支出 104.00 + 年末 3.00; difference +4.00 万元)");
  EXPECT_EQ(ds[3]->message, "unit 801002 乙单位: 政府性基金: 年初结转结余 + 收入 10.00 differs from 支出 + 年终结转结余 14.00");
  EXPECT_EQ(where(*ds[3]), "4:4");
  EXPECT_TRUE(note_has(*ds[3], "each unit's funds balance"));
  // the items of the department's own file are a unit of no code or name
  const auto own = dir.write("own.budget", "金额单位 万元\n部门 801 \"测试局\"\n收入 一般公共预算 5.00\n收入 政府性基金 1.00\n"
                                           "收入 上年结转结余 1.00 其中 一般公共预算 1.00\n208 01 09 30101: 7.00\n"
                                           "导入 \"a.budget\"\n导入 \"b.budget\"\n");
  auto o = compile_path(own, no_catalog());
  const auto os = with_code(o, "E0405");
  ASSERT_FALSE(os.empty()) << dump(o);
  EXPECT_EQ(os[0]->message, "unit 无 (the items of the department's own file): 一般公共预算: 年初结转结余 + 收入 6.00 differs from "
                            "支出 + 年终结转结余 7.00");
  // 甲's funds balanced, 乙's too: nothing to report
  dir.write("a.budget", "金额单位 万元\n单位 801001 \"甲单位\" 类型 事业\n收入 一般公共预算 100.00\n收入 政府性基金 20.00\n"
                        "收入 上年结转结余 3.00 其中 一般公共预算 3.00\n年终结转结余 3.00 其中 一般公共预算 3.00\n"
                        "208 01 09 30101: 100.00\n212 01 01 30227: 20.00 资金 政府性基金\n");
  b_unit("50.00", "10.00");
  auto ok = compile_path(dept, no_catalog());
  EXPECT_TRUE(ok.ok()) << dump(ok);
  EXPECT_TRUE(with_code(ok, "E0405").empty()) << dump(ok);
}

TEST(diag_totals, W0412_each_unit_that_states_its_income_spends_its_own_balance) {
  // 乙 spends 10.00 from a balance it does not have; 甲's balance of 10.00
  // is not spent: the department's totals agree
  temp_dir dir;
  dir.write("a.budget", "金额单位 万元\n单位 801001 \"甲单位\" 类型 行政\n收入 一般公共预算 100.00\n收入 上年结转结余 10.00\n"
                        "208 01 09 基本支出 30101: 110.00\n");
  dir.write("b.budget", "金额单位 万元\n单位 801002 \"乙单位\" 类型 行政\n收入 一般公共预算 10.00\n"
                        "208 01 09 项目支出 30227: 10.00 资金 上年结转结余\n");
  const auto dept = dir.write("dept.budget", "金额单位 万元\n部门 801 \"测试局\"\n导入 \"a.budget\"\n导入 \"b.budget\"\n");
  auto r = compile_path(dept, no_catalog());
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& d = one(r, "W0412");
  EXPECT_EQ(d.message, "unit 801002 乙单位: items paid from 上年结转结余 spend 10.00, more than the unit's 上年结转结余 0.00");
  EXPECT_TRUE(d.span.file->name().ends_with("b.budget")) << d.span.file->name();
  EXPECT_EQ(where(d), "4:1");
  EXPECT_TRUE(note_has(d, "the unit states no 收入 上年结转结余"));
  EXPECT_TRUE(note_has(d, "each spends only its own balance"));
}

TEST(diag_totals, E0405_not_checked_without_balances_by_fund) {
  // no 其中 on either balance: the budget does not state them by fund
  auto r = compile("金额单位 万元\n收入 一般公共预算 100.00\n收入 政府性基金 20.00\n收入 上年结转结余 10.00\n"
                   "208 01 09 基本支出 30101: 130.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_TRUE(with_code(r, "E0405").empty());
}

TEST(diag_totals, E0401_parts_of_the_year_end_balance_exceed_it) {
  auto r = compile("金额单位 万元\n收入 一般公共预算 10.00\n年终结转结余 1.00 其中 一般公共预算 2.00\n"
                   "208 01 09 基本支出 30101: 9.00\n");
  const auto& d = one(r, "E0401");
  EXPECT_EQ(d.message, "the 其中 parts of 年终结转结余 add up to 2.00, not 1.00");
  EXPECT_EQ(where(d), "3:1");
  EXPECT_EQ(d.expected, "1.00 (年终结转结余)");
  EXPECT_EQ(d.found, "2.00 (Σ of its 其中 parts by fund source)");
}

TEST(diag_totals, E0401_a_balances_fiscal_part_past_its_general_budget_part) {
  // 其中 财政拨款 beside 其中 一般公共预算 is part of it, in either balance
  auto r = compile("金额单位 万元\n收入 一般公共预算 110.00\n收入 上年结转结余 10.00 其中 一般公共预算 6.00 其中 事业收入 4.00 "
                   "其中 财政拨款 8.00\n年终结转结余 10.00 其中 一般公共预算 10.00 其中 财政拨款 15.00\n"
                   "208 01 09 基本支出 30101: 110.00\n");
  const auto ds = with_code(r, "E0401");
  ASSERT_EQ(ds.size(), 2u) << dump(r);
  EXPECT_EQ(ds[0]->message, "其中 财政拨款 8.00 exceeds the 一般公共预算 part 6.00 of 上年结转结余");
  EXPECT_EQ(where(*ds[0]), "3:48");
  EXPECT_EQ(ds[0]->expected, "at most 6.00");
  EXPECT_EQ(ds[1]->message, "其中 财政拨款 15.00 exceeds the 一般公共预算 part 10.00 of 年终结转结余");
  // within it: nothing to say
  auto ok = compile("金额单位 万元\n收入 一般公共预算 110.00\n收入 上年结转结余 10.00 其中 一般公共预算 6.00 其中 事业收入 4.00 "
                    "其中 财政拨款 6.00\n年终结转结余 10.00 其中 一般公共预算 10.00 其中 财政拨款 5.00\n"
                    "208 01 09 基本支出 30101: 110.00\n");
  EXPECT_TRUE(with_code(ok, "E0401").empty()) << dump(ok);
}

TEST(diag_totals, E0401_parts_of_a_balance_short_of_it) {
  // stated by fund, a balance is all its parts: 10.00 of each is in no fund
  auto r = compile("金额单位 元\n收入 一般公共预算 100.00\n"
                   "收入 上年结转结余 30.00 其中 一般公共预算 10.00 其中 政府性基金 10.00\n"
                   "年终结转结余 10.00 其中 一般公共预算 0.00\n208 01 09 基本支出 30101: 120.00\n");
  const auto ds = with_code(r, "E0401");
  ASSERT_EQ(ds.size(), 2u) << dump(r);
  EXPECT_EQ(ds[0]->message, "the 其中 parts of 上年结转结余 add up to 20.00, not 30.00");
  EXPECT_EQ(where(*ds[0]), "3:4");
  EXPECT_EQ(ds[1]->message, "the 其中 parts of 年终结转结余 add up to 0.00, not 10.00");
  // 其中 财政拨款 alone stands for the 一般公共预算 part; beside it, it is part of that part
  EXPECT_TRUE(compile("金额单位 元\n收入 一般公共预算 100.00\n收入 上年结转结余 6.00 其中 财政拨款 6.00\n"
                      "年终结转结余 2.00 其中 财政拨款 2.00\n208 01 09 基本支出 30101: 104.00\n")
                  .ok());
  EXPECT_TRUE(compile("金额单位 元\n收入 一般公共预算 100.00\n"
                      "收入 上年结转结余 6.00 其中 一般公共预算 6.00 其中 财政拨款 5.00\n"
                      "208 01 09 基本支出 30101: 106.00\n")
                  .ok());
}

TEST(diag_totals, E0405_counts_a_balances_fiscal_part_as_its_general_budget_part) {
  // 6 + 100 = 104 + 2 with the balances' parts written as 财政拨款
  auto r = compile("金额单位 万元\n收入 一般公共预算 100.00\n收入 上年结转结余 6.00 其中 财政拨款 6.00\n"
                   "年终结转结余 2.00 其中 财政拨款 2.00\n208 01 09 人员经费 30101: 104.00\n"
                   "核对 年初结转结余.一般公共预算 = 6.00\n核对 年终结转结余.一般公共预算 = 2.00\n"
                   "核对 财政拨款上年结转 = 6.00\n");
  EXPECT_TRUE(r.ok()) << dump(r);
  auto off = compile("金额单位 万元\n收入 一般公共预算 100.00\n收入 上年结转结余 6.00 其中 财政拨款 6.00\n"
                     "年终结转结余 2.00 其中 财政拨款 2.00\n208 01 09 人员经费 30101: 105.00\n");
  const auto& d = one(off, "E0405");
  EXPECT_EQ(d.expected, "106.00 (年初 6.00 + 收入 100.00)");
}

TEST(diag_totals, E0404_each_unit_that_states_its_income_balances) {
  const std::string two_units =
      "金额单位 元\n部门 801 \"测试局\"\n"
      "单位 801001 \"甲\" 类型 行政\n收入 一般公共预算 100.00\n208 01 09 30201: 90.00\n"
      "单位 801002 \"乙\" 类型 事业\n收入 一般公共预算 50.00\n208 01 09 30201: 60.00\n";
  auto r = compile(two_units);
  const auto ds = with_code(r, "E0404");
  ASSERT_EQ(ds.size(), 2u) << dump(r);  // the department balances: 150 = 150
  EXPECT_EQ(ds[0]->message, "unit 801001 甲: income total 100.00 differs from expenditure total 90.00");
  EXPECT_EQ(where(*ds[0]), "4:4");
  EXPECT_EQ(ds[0]->expected, "100.00 (the unit's 收入总计)");
  EXPECT_EQ(ds[0]->found, "90.00 (its items and 年终结转结余; difference -10.00 元)");
  EXPECT_EQ(ds[1]->message, "unit 801002 乙: income total 50.00 differs from expenditure total 60.00");
  // each unit's 年终结转结余 is its own
  EXPECT_TRUE(compile("金额单位 元\n单位 801001 \"甲\"\n收入 一般公共预算 100.00\n年终结转结余 10.00\n"
                      "208 01 09 30201: 90.00\n单位 801002 \"乙\"\n收入 一般公共预算 50.00\n208 01 09 30201: 50.00\n")
                  .ok());
  // income stated for the department only (a unit with items has none): only the whole balances
  auto whole = compile("金额单位 元\n单位 801001 \"甲\"\n收入 一般公共预算 150.00\n208 01 09 30201: 90.00\n"
                       "单位 801002 \"乙\"\n208 01 09 30201: 60.00\n");
  EXPECT_TRUE(whole.ok()) << dump(whole);
}

// --- W0408: negative items -------------------------------------------------------------------------

TEST(diag_totals, W0408_a_negative_item_unless_the_budget_allows_them) {
  auto r = compile("金额单位 万元\n208 01 09 基本支出 30101: 10.00\n208 01 09 基本支出 30201: -1.50\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& d = one(r, "W0408");
  EXPECT_EQ(d.message, "208 01 09 30201 has a negative amount -1.50");
  EXPECT_EQ(where(d), "3:1");
  auto allowed = compile("允许负数\n金额单位 万元\n208 01 09 基本支出 30101: 10.00\n208 01 09 基本支出 30201: -1.50\n");
  ASSERT_TRUE(allowed.ok()) << dump(allowed);
  EXPECT_TRUE(with_code(allowed, "W0408").empty());
  EXPECT_TRUE(allowed.value->header().allow_negative);
  auto english = compile("allow-negative\n208 01 09 basic 30201: -1.50\n");
  EXPECT_TRUE(with_code(english, "W0408").empty()) << dump(english);
}

// --- W0411: negative income and balances ---------------------------------------------------------

TEST(diag_totals, W0411_a_negative_income_line_part_or_balance_unless_the_budget_allows_them) {
  const std::string text =
      "金额单位 万元\n"
      "收入 一般公共预算 10.00\n"
      "收入 上年结转结余 -2.00 其中 一般公共预算 -2.00\n"
      "年终结转结余 -1.00 其中 一般公共预算 -1.00\n"
      "208 01 09 基本支出 30101: 9.00\n";
  auto r = compile(text);
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& d = one(r, "W0411");
  EXPECT_EQ(d.message, "收入 上年结转结余 is negative: -2.00");
  EXPECT_EQ(where(d), "3:4");
  ASSERT_EQ(d.notes.size(), 4u) << dump(r);
  EXPECT_EQ(d.notes[1].message, "also 上年结转结余 其中 一般公共预算 -2.00");
  EXPECT_EQ(where(d.notes[1].span), "3:20");
  EXPECT_EQ(d.notes[2].message, "also 年终结转结余 -1.00");
  EXPECT_EQ(where(d.notes[2].span), "4:1");
  EXPECT_EQ(d.notes[3].message, "also 年终结转结余 其中 一般公共预算 -1.00");
  auto allowed = compile("允许负数\n" + text);
  ASSERT_TRUE(allowed.ok()) << dump(allowed);
  EXPECT_TRUE(with_code(allowed, "W0411").empty()) << dump(allowed);
  // a negative income line, and a negative part of a positive line
  auto part = compile("收入 一般公共预算 10.00 其中 财政拨款 -1.00\n收入 事业收入 -1.00\n208 01 09 基本支出 30101: 9.00\n");
  ASSERT_TRUE(part.ok()) << dump(part);
  const auto& p = one(part, "W0411");
  EXPECT_EQ(p.message, "一般公共预算 其中 财政拨款 is negative: -1.00");
  EXPECT_EQ(where(p), "1:20");
  ASSERT_EQ(p.notes.size(), 2u) << dump(part);
  EXPECT_EQ(p.notes[1].message, "also 收入 事业收入 -1.00");
  // none at all in a budget of positive figures
  auto plain = compile("收入 一般公共预算 10.00\n年终结转结余 1.00\n208 01 09 基本支出 30101: 9.00\n");
  ASSERT_TRUE(plain.ok()) << dump(plain);
  EXPECT_TRUE(with_code(plain, "W0411").empty()) << dump(plain);
}

// --- diagnostics show every decimal an amount has ---------------------------------------------------

TEST(diag_totals, amounts_in_diagnostics_are_shown_exactly) {
  // 38.384 万元 is not 38.38: the note shows the item as written
  auto r = compile("金额单位 万元\n208 01 09 基本支出 30101: 38.384\n核对 合计 = 38.39\n");
  const auto& d = one(r, "E0501");
  ASSERT_FALSE(d.notes.empty());
  EXPECT_EQ(d.notes[0].message, "counted: 208 01 09 30101 38.384");
  auto block = compile("金额单位 万元\n208 01 09 基本支出 合计 10.00 {\n  30101: 9.995\n}\n");
  const auto& e = one(block, "E0401");
  EXPECT_NE(e.found.find("9.995"), std::string::npos) << dump(block);
}

// --- W0409: coordinates on the line after an item ------------------------------------------------------

TEST(diag_totals, W0409_coordinates_indented_under_an_item_begin_the_next) {
  // once silent: 资金 事业收入 went to 30102, not to the 30101 it is indented under
  auto r = compile("金额单位 万元\n收入 一般公共预算 10.00\n收入 事业收入 5.00\n208 01 09 30101: 10.00\n"
                   "  资金 事业收入\n208 01 09 30102: 5.00\n");
  const auto& d = one(r, "W0409");
  EXPECT_EQ(d.message, "'资金 事业收入' begins the item below it, not the item above");
  EXPECT_EQ(where(d), "5:3");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(where(d.notes[0].span), "4:1");
  // not for coordinates that start an item at its own indentation, or before its code on its line
  EXPECT_TRUE(with_code(compile("金额单位 万元\n208 01 09 30101: 10.00\n资金 事业收入\n208 01 09 30102: 5.00\n"), "W0409").empty());
  EXPECT_TRUE(with_code(compile("金额单位 万元\n208 01 09 30101: 10.00\n  资金 事业收入 208 01 09 30102: 5.00\n"), "W0409").empty());
  // nor after a statement that is no item
  EXPECT_TRUE(with_code(compile("金额单位 万元\n208 01 09 {\n  人员经费\n  30101: 5.00\n}\n"), "W0409").empty());
}

TEST(diag_totals, W0409_a_bare_project_line_indented_under_an_item_puts_nothing_in_it) {
  // once silent: the item stayed out of 甲, and 甲 was an empty project
  auto r = compile("金额单位 万元\n208 01 09 30201: 1.00\n  项目 \"甲\"\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& d = one(r, "W0409");
  EXPECT_EQ(d.message, "'项目 \"甲\"' declares an empty project; it does not put the item above in it");
  EXPECT_EQ(where(d), "3:3");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(where(d.notes[0].span), "2:1");
  // a project with fields or a block, or one not indented under an item, is declared as written
  for (const char* text : {"金额单位 万元\n208 01 09 30201: 1.00\n  项目 \"甲\" 类型 特定目标类\n",
                           "金额单位 万元\n208 01 09 30201: 1.00\n  项目 \"甲\" {\n  }\n",
                           "金额单位 万元\n208 01 09 30201: 1.00\n项目 \"甲\"\n"})
    EXPECT_TRUE(with_code(compile(text), "W0409").empty()) << text;
}

// --- W0410: a budget that states nothing ------------------------------------------------------------------

TEST(diag_totals, W0410_a_budget_that_states_nothing) {
  for (const char* text : {"", "# 只有注释\n", "金额单位 万元\n标题 \"甲\"\n"}) {
    auto r = compile(text);
    EXPECT_TRUE(r.ok()) << text;
    const auto& d = one(r, "W0410");
    EXPECT_EQ(d.message, "the budget states nothing: no item, income line, project or figure");
    EXPECT_EQ(where(d), "1:1");
  }
  for (const char* text : {"208 01 09 30101: 0.00\n", "收入 一般公共预算 1.00\n", "数值 甲 1.00\n", "上年 甲 1.00\n",
                           "项目 \"甲\" 类型 其他运转类\n"})
    EXPECT_TRUE(with_code(compile(text), "W0410").empty()) << text;
}

TEST(diag_totals, E0404_amounts_follow_the_budgets_thousands_separators) {
  auto r = compile("收入 一般公共预算 1,000,000.00\n208 01 09 30101: 1,000,040.00\n");
  const auto& d = one(r, "E0404");
  EXPECT_EQ(d.message, "income total 1,000,000.00 differs from expenditure total 1,000,040.00");
  EXPECT_EQ(d.found, "1,000,040.00 (支出总计; difference +40.00 元)");
  auto plain = compile("收入 一般公共预算 1000000.00\n208 01 09 30101: 1000040.00\n");
  EXPECT_EQ(one(plain, "E0404").message, "income total 1000000.00 differs from expenditure total 1000040.00");
}
