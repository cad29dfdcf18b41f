// Strings with escapes, the keys of grouped rows (a string first, the group
// of no key), negative whole numbers as counts, and the other forms the typed
// syntax tree reads exactly as written.
#include "support/test_support.hpp"

using namespace yusuan_test;

TEST(lang_strings, escaped_quotes_and_backslashes) {
  auto r = compile("金额单位 元\n项目 \"甲\\\"乙\" 金额 1.00 {\n  208 01 09 30227: 1.00\n}\n"
                   "项目 “丙\\丁” 金额 2.00 {\n  208 01 09 30227: 2.00\n}\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  ASSERT_EQ(r.value->projects().size(), 2u);
  EXPECT_EQ(r.value->projects()[0].name, "甲\"乙");
  EXPECT_EQ(r.value->projects()[1].name, "丙\\丁");  // “…” has no escapes
}

TEST(lang_rows, a_string_as_the_first_key) {
  auto r = compile("金额单位 元\n项目 \"甲 乙\" 金额 1.00 {\n  208 01 09 30227: 1.00\n}\n"
                   "核对 合计 按 项目 { \"甲 乙\": 1.00 }\n"
                   "核对 合计 按 项目, 经济 { \"甲 乙\", 30227: 1.00 }\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  ASSERT_EQ(r.value->constraints().size(), 2u);
  EXPECT_TRUE(r.value->constraints()[0].passed);
  EXPECT_TRUE(r.value->constraints()[1].passed);
}

TEST(lang_rows, the_group_of_no_key_in_every_spelling) {
  // items without a project: their group is written 无, (none) or （无）
  for (const std::string none : {"无", "(none)", "（无）"}) {
    auto r = compile("金额单位 元\n项目 甲 金额 1.00 {\n  208 01 09 30227: 1.00\n}\n208 01 09 30101: 2.00\n"
                     "核对 合计 按 项目 { 甲: 1.00; " + none + ": 2.00 }\n");
    ASSERT_TRUE(r.ok()) << none << "\n" << dump(r);
    EXPECT_TRUE(r.value->constraints()[0].passed) << none;
  }
  // the row E0503 suggests for a missing group can be pasted back as it is
  auto missing = compile("金额单位 元\n208 01 09 30101: 2.00\n项目 甲 金额 1.00 {\n  208 01 09 30227: 1.00\n}\n"
                         "核对 合计 按 项目 { 甲: 1.00 }\n");
  const auto& d = one(missing, "E0503");
  EXPECT_EQ(d.label, "add a row: 无: 2.00");
}

TEST(lang_rows, the_row_suggested_for_a_missing_group_quotes_a_name_that_is_no_word) {
  // a project named a,b"c is written as a string; pasted back, the row is read and the constraint passes
  const std::string head = "金额单位 元\n项目 甲 金额 1.00 {\n  208 01 09 30227: 1.00\n}\n"
                           "项目 \"a,b\\\"c\" 金额 2.00 {\n  208 01 09 30227: 2.00\n}\n";
  auto missing = compile(head + "核对 合计 按 项目 { 甲: 1.00 }\n");
  const auto& d = one(missing, "E0503");
  EXPECT_EQ(d.label, "add a row: \"a,b\\\"c\": 2.00");
  auto pasted = compile(head + "核对 合计 按 项目 { 甲: 1.00; " + d.label.substr(std::string("add a row: ").size()) + " }\n");
  ASSERT_TRUE(pasted.ok()) << dump(pasted);
  EXPECT_TRUE(pasted.value->constraints()[0].passed);
  // a unit without a code is named by its name
  auto unit = compile("金额单位 元\n单位 \"本级\"\n208 01 09 30101: 1.00\n单位 \"甲 中心\"\n208 01 09 30101: 2.00\n"
                      "核对 合计 按 单位 { 本级: 1.00 }\n");
  EXPECT_EQ(one(unit, "E0503").label, "add a row: \"甲 中心\": 2.00");
}

TEST(lang_rows, the_suggested_row_of_units_without_a_type_can_be_pasted) {
  const std::string head = "金额单位 万元\n单位 801001 \"甲单位\"\n208 01 09 30101: 10.00\n";
  auto missing = compile(head + "核对 合计 按 单位类型 { 行政: 0.00 }\n");
  const auto& d = one(missing, "E0503");
  EXPECT_EQ(d.label, "add a row: 未知: 10.00");
  auto pasted = compile(head + "核对 合计 按 单位类型 { 未知: 10.00 }\n");
  ASSERT_TRUE(pasted.ok()) << dump(pasted);
  EXPECT_TRUE(pasted.value->constraints()[0].passed);
}

TEST(lang_rows, a_balances_fund_is_no_key_of_a_grouping_by_fund) {
  auto r = compile("金额单位 万元\n208 01 09 30101: 10.00 资金 上年结转结余.政府性基金\n"
                   "核对 合计 按 资金 { 上年结转结余.政府性基金: 10.00 }\n");
  const auto& d = one(r, "E0504");
  EXPECT_EQ(d.message, "'上年结转结余.政府性基金' is not a key of 资金来源");
  EXPECT_EQ(d.label, "grouped by 资金, the spending from every balance is the row 上年结转结余");
  auto fine = compile("金额单位 万元\n208 01 09 30101: 10.00 资金 上年结转结余.政府性基金\n"
                      "核对 合计 按 资金 { 上年结转结余: 10.00 }\n");
  EXPECT_TRUE(fine.ok()) << dump(fine);
}

TEST(lang_rows, the_items_of_a_department_file_without_a_unit_are_the_group_of_no_key) {
  // a department's own file declares no 单位 and imports its units': its
  // items belong to no named unit, the row 无 (it printed as "")
  temp_dir dir;
  dir.write("a.budget", "金额单位 万元\n单位 801001 \"甲单位\" 类型 事业\n210 11 02 30110: 27.00\n");
  const std::string head = "金额单位 万元\n部门 801 \"测试局\"\n导入 \"a.budget\"\n208 01 11 30101: 150.00\n";
  const auto missing = dir.write("missing.budget", head + "核对 合计 按 单位 {\n  801001: 27.00\n}\n");
  auto r = compile_path(missing, no_catalog());
  const auto& d = one(r, "E0503");
  EXPECT_EQ(d.message, "group 无 (150.00) is missing from '核对 合计 按 单位'");
  EXPECT_EQ(d.label, "add a row: 无: 150.00");
  const auto pasted = dir.write("pasted.budget", head + "核对 合计 按 单位 {\n  801001: 27.00\n  无: 150.00\n}\n");
  auto ok = compile_path(pasted, no_catalog());
  ASSERT_TRUE(ok.ok()) << dump(ok);
  EXPECT_TRUE(ok.value->constraints()[0].passed);
  // a wrong figure for it is reported at its row
  const auto wrong = dir.write("wrong.budget", head + "核对 合计 按 单位 {\n  801001: 27.00\n  无: 15.00\n}\n");
  auto w = compile_path(wrong, no_catalog());
  EXPECT_EQ(where(one(w, "E0501")), "7:3");
}

TEST(lang_rows, a_filter_by_the_unit_of_no_code_or_name_is_written_as_its_row_is) {
  // the department's own items: 无 in a filter, as in a grouped 核对's row
  // and as a grouping by 单位 prints their key (it printed as "", and
  // `where unit = 无` matched nothing)
  temp_dir dir;
  dir.write("a.budget", "金额单位 万元\n单位 801001 \"甲单位\" 类型 事业\n210 11 02 30110: 27.00\n");
  const auto path = dir.write("dept.budget", "金额单位 万元\n部门 801 \"测试局\"\n导入 \"a.budget\"\n"
                                             "208 01 11 30101: 150.00\n核对 合计(单位 = 无) = 150.00\n"
                                             "核对 合计(单位 != 无) = 27.00\n");
  auto r = compile_path(path, no_catalog());
  ASSERT_TRUE(r.ok()) << dump(r);
  for (const auto& c : r.value->constraints()) EXPECT_TRUE(c.passed);
  const yusuan::budget& b = *r.value;
  for (const char* text : {"sum where unit = 无", "合计 其中 单位 = 无", "sum where unit not in (801001)"}) {
    const auto q = yusuan::parse_query(text, b);
    EXPECT_EQ(yusuan::run(b, q).total, wan("150.00")) << text;
  }
  const auto by_unit = yusuan::run(b, yusuan::parse_query("sum by unit", b));
  ASSERT_EQ(by_unit.rows.size(), 2u);
  EXPECT_EQ(by_unit.value({"(none)"})->amount(), wan("150.00"));
  EXPECT_EQ(by_unit.value({"801001"})->amount(), wan("27.00"));
  // in a budget whose units all have a code, 无 is no unit
  auto unit = compile("金额单位 万元\n单位 801001 \"甲单位\" 类型 事业\n208 01 11 30101: 1.00\n核对 合计(单位 = 无) = 0\n");
  EXPECT_EQ(one(unit, "E0301").message, "unknown unit '无'");
  // a query of it is answered, 0.00, with W0306 (it was a silent 0.00), as
  // in a department whose own file states no item; not when one value of a
  // list matches, nor for the department above
  auto coded = compile("金额单位 万元\n单位 801001 \"甲单位\" 类型 事业\n208 01 11 30101: 1.00\n");
  ASSERT_TRUE(coded.ok()) << dump(coded);
  const auto only_units = dir.write("units.budget", "金额单位 万元\n部门 801 \"测试局\"\n导入 \"a.budget\"\n");
  auto dept_of_units = compile_path(only_units, no_catalog());
  ASSERT_TRUE(dept_of_units.ok()) << dump(dept_of_units);
  for (const yusuan::budget* x : {&*coded.value, &*dept_of_units.value}) {
    yusuan::diagnostics d;
    const auto q = yusuan::parse_query("sum where unit = 无", *x, d);
    ASSERT_TRUE(q.has_value()) << dump(d);
    EXPECT_EQ(yusuan::run(*x, *q).total, wan("0.00"));
    ASSERT_EQ(d.size(), 1u) << dump(d);
    EXPECT_EQ(d.list()[0].code, "W0306");
    EXPECT_EQ(d.list()[0].message, "no item has 单位 无");
    ASSERT_EQ(d.list()[0].notes.size(), 1u);
    EXPECT_TRUE(d.list()[0].notes[0].message.starts_with("单位 无 is the items of a department's own file"));
    yusuan::diagnostics list;
    (void)yusuan::parse_query("sum where unit in (无, 801001)", *x, list);
    EXPECT_TRUE(list.empty()) << dump(list);
  }
  yusuan::diagnostics own;
  (void)yusuan::parse_query("sum where unit = 无", b, own);
  EXPECT_TRUE(own.empty()) << dump(own);
}

TEST(lang_counts, negative_whole_numbers_are_counts) {
  auto r = compile("金额单位 元\n208 01 09 30101: 1.00\n计数 公务用车 2 辆\n核对 -公务用车 = -2\n核对 公务用车 - 3 = -1\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  ASSERT_EQ(r.value->constraints().size(), 2u);
  EXPECT_TRUE(r.value->constraints()[0].passed);
  EXPECT_TRUE(r.value->constraints()[1].passed);
  auto wrong = compile("金额单位 元\n208 01 09 30101: 1.00\n计数 公务用车 2 辆\n核对 -公务用车 = -3\n");
  const auto& d = one(wrong, "E0501");
  EXPECT_EQ(d.expected, "-3");
  EXPECT_EQ(d.found, "-2");
}

TEST(lang_counts, signed_whole_numbers_in_every_spelling_are_counts) {
  // a sign glued to the digits (+, - or the full-width －, full-width digits
  // too) reads as the same whole number as a minus before it
  for (const std::string lit : {"+2", "２", "-2", "－２", "－2"}) {
    const bool negative = lit.find('-') != std::string::npos || lit.find("－") != std::string::npos;
    auto r = compile("金额单位 元\n208 01 09 30101: 1.00\n计数 公务用车 2 辆\n核对 " +
                     std::string(negative ? "-公务用车" : "公务用车") + " = " + lit + "\n");
    ASSERT_TRUE(r.ok()) << lit << "\n" << dump(r);
    EXPECT_TRUE(r.value->constraints()[0].passed) << lit;
  }
  auto wrong = compile("金额单位 元\n208 01 09 30101: 1.00\n计数 公务用车 2 辆\n核对 公务用车 = +3\n");
  const auto& d = one(wrong, "E0501");
  EXPECT_EQ(d.expected, "3");
  EXPECT_EQ(d.found, "2");
  // with a decimal point or a unit it stays an amount
  for (const std::string lit : {"+2.00", "－２．００", "2元"}) {
    auto amount = compile("金额单位 元\n208 01 09 30101: 1.00\n计数 公务用车 2 辆\n核对 公务用车 = " + lit + "\n");
    EXPECT_EQ(one(amount, "E0502").code, "E0502") << lit;
  }
}

TEST(lang_blocks, a_coarser_kind_inside_a_finer_block) {
  auto r = compile("金额单位 元\n208 01 09 人员经费 {\n  基本支出 30101: 1.00\n}\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.value->items()[0].kind, spending_kind::personnel);
}

TEST(lang_header, amount_unit_after_any_amount_is_an_error) {
  for (const std::string first : {"收入 一般公共预算 100.00\n", "年终结转结余 1.00\n", "上年 三公经费 1.00\n",
                                  "数值 政府采购 1.00\n", "项目 甲 金额 1.00\n"}) {
    auto r = compile(first + "金额单位 万元\n208 01 09 30101: 100.00\n");
    const auto& d = one(r, "E0206");
    EXPECT_EQ(d.message, "金额单位 must come before the first amount of the file") << first;
  }
}

TEST(lang_header, amounts_after_a_late_amount_unit_are_read_in_it) {
  // one error, not a cascade: the figures below are read in the unit asked
  // for, and the constraint (whose figures mix two units) is not checked
  auto r = compile("金额单位 元\n208 01 09 30101: 9,101,680.49\n金额单位 万元\n核对 支出合计 = 910.168049\n");
  ASSERT_EQ(r.diagnostics.error_count(), 1u) << dump(r);
  EXPECT_EQ(r.diagnostics.list().back().message, "1 check was not run because of the errors above") << dump(r);
  const auto& d = one(r, "E0206");
  EXPECT_TRUE(note_has(d, "write the unit after each of them: 910.17万元")) << dump(r);
}

TEST(lang_expressions, carets_cover_both_operands_of_a_sum) {
  auto r = compile("金额单位 元\n计数 公务用车 1 辆\n核对 公务用车 + 支出合计 = 102\n");
  const auto& d = one(r, "E0502");
  EXPECT_EQ(where(d), "3:4");
  EXPECT_EQ(d.span.length, std::string("公务用车 + 支出合计").size());
}
