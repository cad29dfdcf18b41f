// E05xx: failing constraints (E0501, or W0501 for a 警告 constraint) and
// percentages used where they do not fit (E0502).
#include "support/test_support.hpp"

using namespace yusuan_test;

// --- E0501 / W0501: failing constraints ----------------------------------------------------------

TEST(diag_constraints, E0501_failed_constraint) {
  auto r = compile("金额单位 万元\n208 01 09 公用经费 {\n  30217 公务接待费: 2.20\n  30231 公务用车运行维护费: 7.00\n"
                   "  30201 办公费: 5.00\n}\n口径 三公经费 = 合计(经济 in (30212, 30217, 30231, 31013))\n"
                   "  核对 三公经费 = 9.30\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0501");
  EXPECT_EQ(d.level, severity::error);
  EXPECT_EQ(d.message, "constraint failed: 核对 三公经费 = 9.30");
  EXPECT_EQ(d.expected, "9.30");
  EXPECT_EQ(d.found, "9.20 (difference -0.10 万元)");
  EXPECT_EQ(where(d), "8:3");
  ASSERT_EQ(d.notes.size(), 2u) << dump(r);  // the counted items, not 30201
  EXPECT_EQ(d.notes[0].message, "counted: 208 01 09 30217 2.20");
  EXPECT_EQ(where(d.notes[0].span), "3:3");
  EXPECT_EQ(d.notes[1].message, "counted: 208 01 09 30231 7.00");
  EXPECT_EQ(where(d.notes[1].span), "4:3");
}

TEST(diag_constraints, E0501_on_fiscal_appropriation_notes_the_funds_it_leaves_out) {
  // 财政拨款 is the 其中 of 一般公共预算; a table's 财政拨款收入 adds
  // 政府性基金 and 国有资本经营: a failure says so where the budget has them
  const std::string budget =
      "收入 一般公共预算 100,000.00 其中 财政拨款 100,000.00\n收入 政府性基金 50,000.00\n"
      "201 13 01 基本支出 30101: 100,000.00\n212 08 04 项目支出 30905: 50,000.00 资金 政府性基金\n";
  auto r = compile(budget + "核对 财政拨款 = 150,000.00\n");
  const auto& d = one(r, "E0501");
  EXPECT_EQ(d.found, "100,000.00 (difference -50,000.00 元)");
  ASSERT_FALSE(d.notes.empty());
  EXPECT_HAS(d.notes.back().message, "财政拨款 counts the 其中 财政拨款 of 一般公共预算 only");
  EXPECT_TRUE(compile(budget + "核对 财政拨款 + 政府性基金 + 国有资本经营 = 150,000.00\n").ok());
  // without fund income there is nothing to say
  auto plain = compile("收入 一般公共预算 100.00 其中 财政拨款 100.00\n201 13 01 基本支出 30101: 100.00\n"
                       "核对 财政拨款 = 150.00\n");
  for (const auto& n : one(plain, "E0501").notes) EXPECT_EQ(n.message.find("其中 财政拨款"), std::string::npos);
}

TEST(diag_constraints, E0501_a_constraint_of_thousands_of_terms_is_quoted_to_its_first_200_characters) {
  // the message repeated the whole statement: 1.5 MB on one line for 100,000 terms
  std::string c = "核对 支出合计";
  for (int i = 0; i < 1000; ++i) c += " + 支出合计";
  auto r = compile("208 01 09 30201: 1.00\n" + c + " = 0\n");
  const auto& d = one(r, "E0501");
  std::size_t cut = 0;  // the bytes of its first 200 characters
  for (int n = 0; n <= 200; ++cut)
    if ((static_cast<unsigned char>(c[cut]) & 0xC0) != 0x80 && ++n > 200) break;
  EXPECT_EQ(d.message, "constraint failed: " + c.substr(0, cut) + " …");
}

TEST(diag_constraints, E0701_a_change_past_a_percentage_is_named_a_change_in_either_form) {
  // 增幅(…) compared with a percentage said "the share"
  auto r = compile("金额单位 万元\n208 01 09 30201: 1.00\n数值 y 9223372036854.775807\n上年 y 0.000001\n"
                   "核对 y 较上年 增长 10%\n核对 增幅(y) = 1%\n");
  const auto overflow = with_code(r, "E0701");
  ASSERT_EQ(overflow.size(), 2u) << dump(r);
  for (const auto* d : overflow) EXPECT_HAS(d->message, "the year-on-year change 9223372036854.775806 / 0.000001 万元");
}

TEST(diag_constraints, E0501_comparisons_and_tolerance) {
  auto r = compile("金额单位 万元\n208 01 09 30101: 10.00\n"
                   "核对 合计 ≤ 9.99\n"           // fails
                   "核对 合计 = 10.01 容差 0.01\n"  // passes
                   "核对 合计 ≥ 10.02 容差 0.01\n"  // fails
                   "核对 合计 ≠ 10.00\n"          // fails
                   "核对 合计 < 10.00\n"          // fails
                   "核对 合计 > 9.99\n");         // passes
  const auto ds = with_code(r, "E0501");
  ASSERT_EQ(ds.size(), 4u) << dump(r);
  EXPECT_EQ(where(*ds[0]), "3:1");
  EXPECT_EQ(ds[0]->expected, "≤ 9.99");
  EXPECT_EQ(ds[0]->found, "10.00 (difference +0.01 万元)");
  EXPECT_EQ(where(*ds[1]), "5:1");
  EXPECT_EQ(where(*ds[2]), "6:1");
  EXPECT_EQ(where(*ds[3]), "7:1");
}

TEST(diag_constraints, E0202_a_tolerance_below_zero) {
  auto r = compile("208 01 09 30101: 1.00\n核对 支出合计 = 1.00 容差 -0.01\n");
  const auto ds = with_code(r, "E0202");
  ASSERT_EQ(ds.size(), 1u) << dump(r);
  EXPECT_EQ(where(*ds[0]), "2:19");
  EXPECT_EQ(ds[0]->message, "a tolerance (容差) below zero");
  EXPECT_EQ(ds[0]->found, "-0.01");
  EXPECT_TRUE(with_code(r, "E0501").empty()) << "not checked: " << dump(r);
}

TEST(diag_constraints, E0501_year_on_year) {
  auto r = compile("金额单位 万元\n208 01 09 30101: 120.00\n上年 支出总计 130.00\n"
                   "核对 支出总计 较上年 减少 11.00\n核对 支出总计 较上年 下降 7.70%\n核对 支出总计 较上年 持平\n");
  const auto ds = with_code(r, "E0501");
  ASSERT_EQ(ds.size(), 3u) << dump(r);
  EXPECT_EQ(ds[0]->expected, "减少 11.00");
  EXPECT_EQ(ds[0]->found, "减少 10.00 (120.00 against 上年 130.00)");
  EXPECT_EQ(where(*ds[0]), "4:1");
  EXPECT_EQ(ds[1]->expected, "下降 7.70%");
  EXPECT_EQ(ds[1]->found, "下降 7.69% (120.00 against 上年 130.00)");
  EXPECT_EQ(ds[2]->expected, "持平 (no change)");
}

TEST(diag_constraints, E0501_custom_message) {
  auto r = compile("金额单位 万元\n208 01 09 30101: 10.00\n核对 合计 = 9.00 \"支出应为 9 万元\"\n");
  const auto& d = one(r, "E0501");
  EXPECT_EQ(d.message, "支出应为 9 万元");
  EXPECT_TRUE(note_has(d, "constraint: 核对 合计 = 9.00 \"支出应为 9 万元\""));
}

TEST(diag_constraints, W0501_warning_constraint) {
  auto r = compile("金额单位 万元\n208 01 09 基本支出 {\n  30101: 4.00\n  30102: 5.00\n}\n"
                   "核对 合计(类型 = 基本支出) ≤ 8.00 容差 0.01 警告 \"基本支出偏高\"\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.diagnostics.warning_count(), 1u);
  EXPECT_EQ(r.diagnostics.error_count(), 0u);
  const auto& d = one(r, "W0501");
  EXPECT_EQ(d.level, severity::warning);
  EXPECT_EQ(d.message, "基本支出偏高");
  EXPECT_EQ(d.expected, "≤ 8.00");
  EXPECT_EQ(d.found, "9.00 (difference +1.00 万元)");
  EXPECT_EQ(where(d), "6:1");
  EXPECT_TRUE(note_has(d, "counted: 208 01 09 30101 4.00"));
  ASSERT_EQ(r.value->constraints().size(), 1u);
  EXPECT_FALSE(r.value->constraints()[0].passed);
  EXPECT_EQ(r.value->constraints()[0].level, severity::warning);
  // --werror semantics
  auto ds = r.diagnostics;
  ds.promote_warnings();
  EXPECT_TRUE(ds.has_errors());
  EXPECT_EQ(ds.warning_count(), 0u);
}

// --- E0502: percentages --------------------------------------------------------------------------

TEST(diag_constraints, E0502_percentage_compared_with_an_amount) {
  auto r = compile("金额单位 万元\n208 01 09 基本支出 30101: 1.00\n口径 三公 = 合计(经济 = 30217)\n"
                   "核对 占比(基本支出, 支出合计) = 5.00\n核对 三公 = 5%\n");
  EXPECT_FALSE(r.ok());
  const auto ds = with_code(r, "E0502");
  ASSERT_EQ(ds.size(), 2u) << dump(r);
  EXPECT_EQ(ds[0]->message, "compare 占比(…) and 增幅(…) with a percentage such as 6.06%");
  EXPECT_EQ(where(*ds[0]), "4:1");
  EXPECT_EQ(ds[1]->message, "a percentage can only be compared with 占比(…) or 增幅(…)");
  EXPECT_EQ(where(*ds[1]), "5:4");
}

TEST(diag_constraints, E0502_share_of_zero) {
  auto r = compile("金额单位 万元\n208 01 09 基本支出 30101: 1.00\n核对 占比(项目支出, 合计(类型 = 项目支出)) = 5%\n");
  const auto& d = one(r, "E0502");
  EXPECT_EQ(d.message, "the share's whole is 0");
  EXPECT_EQ(yusuan::resolve(d.span).line, 3u);
}

TEST(diag_constraints, E0502_share_of_zero_points_at_the_share) {
  auto r = compile("金额单位 万元\n208 01 09 基本支出 30101: 1.00\n核对 占比(项目支出, 合计(类型 = 项目支出)) = 5%\n");
  const auto& d = one(r, "E0502");
  EXPECT_EQ(where(d), "3:4");
}

// --- E0501 with a published figure: exact, rounded and stated ------------------------------------

TEST(diag_constraints, E0501_published_figure_shows_exact_rounded_and_stated) {
  auto r = compile("金额单位 元\n208 01 09 30101: 9,101,680.49\n上年 支出合计 12,000,000.00\n"
                   "核对 支出合计 = 910.16万元\n"
                   "核对 支出合计 较上年 减少 289.84万元\n"
                   "核对 合计 按 经济 { 30101: 910.16万元 }\n");
  const auto ds = with_code(r, "E0501");
  ASSERT_EQ(ds.size(), 3u) << dump(r);
  EXPECT_EQ(ds[0]->expected, "910.16万元");
  EXPECT_EQ(ds[0]->found,
            "910.17万元 (exact 910.168049万元, rounded half up to 2 decimals) (difference +0.01 万元)");
  EXPECT_EQ(ds[1]->expected, "减少 289.84万元");
  EXPECT_EQ(ds[1]->found,
            "减少 289.83万元 (exact 减少 289.831951万元, rounded half up to 2 decimals) "
            "(9,101,680.49 against 上年 12,000,000.00 元)");
  EXPECT_EQ(where(*ds[2]), "6:14");
  EXPECT_EQ(ds[2]->expected, "910.16万元");
  EXPECT_EQ(ds[2]->found,
            "910.17万元 (exact 910.168049万元, rounded half up to 2 decimals) (difference +0.01 万元)");
}

TEST(diag_constraints, E0501_change_of_wan_yuan_data_prints_exact_value) {
  // 万元 data with 元 precision: the narrative's figure is the exact change rounded
  auto r = compile("金额单位 万元\n208 01 09 30101: 10,000.000001\n上年 支出合计 12,389.522466\n"
                   "核对 支出合计 较上年 减少 2,389.53\n");
  const auto& d = one(r, "E0501");
  EXPECT_EQ(d.expected, "减少 2,389.53");
  EXPECT_HAS(d.found, "减少 2,389.52 (exact 减少 2,389.522465, rounded half up to 2 decimals)");
}

TEST(diag_constraints, E0506_largest_of_no_item) {
  auto r = compile("金额单位 万元\n208 01 09 基本支出 30101: 1.00\n核对 最小(经济 = 399) = 0\n");
  const auto& d = one(r, "E0506");
  EXPECT_EQ(d.message, "最小(…) of no item");
  EXPECT_EQ(d.label, "no item passes this filter");
  EXPECT_EQ(where(d), "3:4");
}

TEST(diag_constraints, E0303_a_row_of_a_grouped_constraint_stated_twice) {
  const std::string items = "金额单位 万元\n208 01 09 30101: 6.00\n210 11 01 30101: 2.00\n";
  // the same row twice, with the same figure: the sum alone would pass
  auto same = compile(items + "核对 合计 按 功能.类 {\n  208: 6.00\n  210: 2.00\n  208: 6.00\n}\n");
  const auto& d = one(same, "E0303");
  EXPECT_EQ(d.message, "row 208 of '核对 合计 按 功能.类' is stated twice");
  EXPECT_EQ(where(d), "7:3");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(where(d.notes[0].span), "5:3");
  EXPECT_EQ(same.diagnostics.error_count(), 1u) << dump(same);
  // one key written two ways is one row
  auto spelt = compile(items + "核对 合计 按 功能 {\n  208 01 09: 6.00\n  2080109: 6.00\n  210 11 01: 2.00\n}\n");
  EXPECT_EQ(with_code(spelt, "E0303").size(), 1u) << dump(spelt);
  // two dimensions: a key pair repeated, not a key
  auto pairs = compile(items + "核对 合计 按 功能.类, 经济 {\n  208, 30101: 6.00\n  210, 30101: 2.00\n}\n");
  EXPECT_TRUE(pairs.ok()) << dump(pairs);
}

TEST(diag_constraints, a_grouped_row_of_a_tag_value_no_item_carries_is_a_group_of_0) {
  // a transcribed row whose items were left out: expected against found, as
  // for a code no item has, not "not a key"
  const std::string items = "金额单位 万元\n208 01 09 30299: 6.00 类别=甲\n";
  auto r = compile(items + "核对 合计 按 类别 {\n  甲: 6.00\n  乙: 2.00\n}\n");
  const auto& d = one(r, "E0501");
  EXPECT_EQ(where(d), "5:3");
  EXPECT_EQ(d.expected, "2.00");
  EXPECT_EQ(d.found, "0.00 (difference -2.00 万元)");
  EXPECT_TRUE(with_code(r, "E0504").empty()) << dump(r);
  // a row of 0 for it holds
  EXPECT_TRUE(compile(items + "核对 合计 按 类别 { 甲: 6.00; 乙: 0.00 }\n").ok());
  // a key that is no key of its dimension is still E0504
  auto level = compile(items + "核对 合计 按 功能.类 { 208 01: 6.00 }\n");
  EXPECT_EQ(one(level, "E0504").message, "'208 01' is not a key of 功能科目 at level 1");
}

TEST(diag_constraints, E0501_a_failed_row_of_a_grouped_constraint_notes_its_items) {
  // 30110 under 208 instead of 210: the row it went to lists it
  auto r = compile("金额单位 万元\n208 01 11 30101: 150.00\n208 01 11 30110: 27.00\n"
                   "核对 合计 按 功能.类 {\n  208: 150.00\n  210: 27.00\n}\n");
  const auto ds = with_code(r, "E0501");
  ASSERT_EQ(ds.size(), 2u) << dump(r);
  const auto& d = *ds[0];
  EXPECT_EQ(d.message, "constraint failed: row 208 of '核对 合计 按 功能.类'");
  ASSERT_EQ(d.notes.size(), 2u) << dump(r);
  EXPECT_EQ(d.notes[0].message, "in this row: 208 01 11 30101 150.00");
  EXPECT_EQ(d.notes[1].message, "in this row: 208 01 11 30110 27.00");
  EXPECT_EQ(where(d.notes[1].span), "3:1");
  EXPECT_TRUE(ds[1]->notes.empty()) << "row 210 has no item";
  // five items at most, and how many more
  std::string many = "金额单位 万元\n";
  for (int i = 1; i <= 7; ++i) many += "208 01 11 30101: 1.00\n";
  auto r7 = compile(many + "核对 合计 按 功能.类 { 208: 8.00 }\n");
  const auto& d7 = one(r7, "E0501");
  ASSERT_EQ(d7.notes.size(), 6u) << dump(r7);
  EXPECT_EQ(d7.notes[5].message, "and 2 more items in this row");
}
