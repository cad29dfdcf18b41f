// E02xx: malformed codes (E0201) and amounts (E0202), a project code used twice
// (E0203), a code with two names (E0204), unknown words (E0205), header and
// income lines (E0206), project fields and targets out of place (E0207).
#include "support/test_support.hpp"

#include <string>
#include <tuple>
#include <vector>

using namespace yusuan_test;

// --- E0201: malformed codes ----------------------------------------------------------------------

TEST(diag_values, E0201_malformed_functional_code) {
  auto r = compile("2080 30101: 5.00\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0201");
  EXPECT_EQ(d.message, "malformed code '2080'");
  EXPECT_EQ(d.label, "a functional code has 3, 5 or 7 digits");
  EXPECT_EQ(where(d), "1:1");
  EXPECT_TRUE(note_has(d, "functional codes (功能科目) have 3, 5 or 7 digits"));
}

TEST(diag_values, E0201_departmental_code_after_arrow) {
  auto r = compile("金额单位 万元\n208 01 09 30101 基本工资 → 30101: 5.00\n");
  const auto& d = one(r, "E0201");
  EXPECT_EQ(d.message, "a 部门经济科目 after '→': '30101'");
  EXPECT_EQ(d.label, "the code after '→' must be a 政府经济科目 (5xxxx)");
  EXPECT_EQ(where(d), "2:24");
  EXPECT_TRUE(note_has(d, "'→' maps the item's 部门经济科目 (3xxxx) to its 政府经济科目 (5xxxx)"));
  // a functional code there is named so too; a code of no kind is malformed
  EXPECT_EQ(one(compile("金额单位 万元\n208 01 09 30101 → 208: 5.00\n"), "E0201").message,
            "a functional code (功能科目) after '→': '208'");
  EXPECT_EQ(one(compile("金额单位 万元\n208 01 09 30101 → 2080: 5.00\n"), "E0201").message, "malformed code '2080'");
}

TEST(diag_values, E0201_other_malformed_codes) {
  auto r = compile("301011: 1.00\n208 01 09 4010: 1.00\n208 01 09 201 02: 1.00\n208 01 09 {\n  209 01: 1.00\n}\n");
  const auto ds = with_code(r, "E0201");
  ASSERT_EQ(ds.size(), 4u) << dump(r);
  EXPECT_EQ(ds[0]->label, "an economic code has 3 or 5 digits");
  EXPECT_EQ(where(*ds[0]), "1:1");
  EXPECT_EQ(ds[1]->label, "not a classification code");
  EXPECT_EQ(where(*ds[1]), "2:11");
  EXPECT_EQ(ds[2]->message, "two functional codes for one item: 208 01 09 and 201 02");
  EXPECT_EQ(where(*ds[2]), "3:11");
  EXPECT_EQ(ds[3]->message, "functional code 209 01 is not under the block's 208 01 09");
  EXPECT_EQ(where(*ds[3]), "5:3");
}

TEST(diag_values, E0201_two_departmental_codes_for_one_item) {
  auto r = compile("208 01 09 30101 30102: 1.00\n");
  const auto& d = one(r, "E0201");
  EXPECT_EQ(where(d), "1:17");
}

TEST(diag_values, E0201_line_without_amount_is_an_error) {
  // The statement runs on to the next line, whose second economic code gives it away.
  auto r = compile("208 01 09 30101 基本工资\n208 01 09 30102 津贴补贴: 1.00\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0201");
  EXPECT_EQ(d.message, "two 部门 economic codes for one item: 30101 and 30102");
  EXPECT_EQ(where(d), "2:11");
}

TEST(diag_values, E0201_codes_in_filters) {
  auto r = compile("208 01 09 30101: 1.00\n核对 合计(经济 = 50101) = 0\n核对 合计(功能 = 30101) = 0\n"
                   "核对 合计(政府经济 = 30101) = 0\n");
  const auto ds = with_code(r, "E0201");
  ASSERT_EQ(ds.size(), 3u) << dump(r);
  EXPECT_EQ(ds[0]->message, "'50101' is not a 部门 economic code");
  EXPECT_EQ(where(*ds[0]), "2:12");
  EXPECT_EQ(ds[1]->message, "'30101' is not a functional code");
  EXPECT_EQ(where(*ds[1]), "3:12");
  EXPECT_EQ(ds[2]->message, "'30101' is not a 政府 economic code");
  EXPECT_EQ(where(*ds[2]), "4:14");
}

// --- E0202: malformed amounts --------------------------------------------------------------------

TEST(diag_values, E0202_malformed_amount) {
  auto r = compile("金额单位 万元\n208 01 09 30101: 3o.5\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0202");
  EXPECT_EQ(d.message, "malformed amount '3o.5'");
  EXPECT_EQ(d.expected, "an amount such as 1,234.56");
  EXPECT_HAS(d.label, "'o'");
  EXPECT_EQ(where(d), "2:19");  // at the 'o'
}

TEST(diag_values, E0202_a_thousands_separator_out_of_place_is_shown_at_that_separator) {
  for (const auto& [amount, at, label] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"1,00.00", "2:19", "this ',' is followed by 2 digits, not three"},
           {"10,0000.00", "2:20", "this ',' is followed by 4 digits, not three"},
           {"1,000,00", "2:23", "this ',' is followed by 2 digits, not three"},
           {"1234,567.00", "2:22", "the group before this ',' has 4 digits, not three"},
           {"1.000,00", "2:23", "a thousands separator after the decimal point"},
           {"１，００.00", "2:19", "this ',' is followed by 2 digits, not three"},
           {"0,500", "2:19", "a ',' after a leading 0 (a decimal point is written '.')"},  // it read 500.00
           {"０，５００", "2:19", "a ',' after a leading 0 (a decimal point is written '.')"}}) {
    auto r = compile("金额单位 元\n208 01 09 30101: " + amount + "\n");
    const auto& d = one(r, "E0202");
    EXPECT_EQ(d.message, "malformed amount '" + amount + "'");
    EXPECT_EQ(d.label, label) << amount;
    EXPECT_EQ(where(d), at) << amount;
    EXPECT_TRUE(note_has(d, "digits are grouped by three from the decimal point")) << amount;
  }
}

TEST(diag_values, E0202_finer_than_a_fen_in_wan_yuan) {
  auto r = compile("金额单位 万元\n208 01 09 30101: 0.0000001\n");
  const auto& d = one(r, "E0202");
  EXPECT_EQ(d.message, "amount '0.0000001' is finer than 1 分 in 万元");
  EXPECT_EQ(d.label, "1 分 is 0.000001 万元");
  EXPECT_EQ(where(d), "2:26");  // at the seventh decimal
}

TEST(diag_values, E0202_finer_than_a_fen_in_yuan) {
  auto r = compile("金额单位 元\n208 01 09 30101: 1.234\n");
  const auto& d = one(r, "E0202");
  EXPECT_EQ(d.message, "amount '1.234' is finer than 1 分 in 元");
  EXPECT_EQ(d.label, "1 分 is 0.01 元");
  EXPECT_EQ(where(d), "2:22");
}

TEST(diag_values, E0202_six_decimals_in_wan_yuan_are_whole_fen) {
  auto r = compile("金额单位 万元\n208 01 09 30101: 0.000001\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.value->items()[0].amount, yuan("0.01"));
}

TEST(diag_values, E0202_count_must_be_whole) {
  auto r = compile("计数 车辆 4.5 辆\n");
  const auto& d = one(r, "E0202");
  EXPECT_EQ(d.message, "a count must be a whole number");
  EXPECT_EQ(where(d), "1:7");
}

TEST(diag_values, E0202_past_the_range_of_an_amount_or_a_count_says_so) {
  auto amount = compile("金额单位 元\n208 01 09 30101: 123456789012345678901\n");
  const auto& a = one(amount, "E0202");
  EXPECT_EQ(a.message, "amount '123456789012345678901' is more than an amount can hold");
  EXPECT_EQ(a.label, "amounts are at most 92,233,720,368,547,758.07 元 either side of 0");
  EXPECT_EQ(where(a), "2:18");
  EXPECT_EQ(one(compile("金额单位 亿元\n208 01 09 30101: 1000000000\n"), "E0202").message,
            "amount '1000000000' is more than an amount can hold");
  auto count = compile("计数 车 999999999999999999 辆\n");
  const auto& c = one(count, "E0202");
  EXPECT_EQ(c.message, "a count '999999999999999999' is out of range");
  EXPECT_EQ(c.label, "18 digits: a count has at most 17");
  EXPECT_EQ(where(c), "1:6");
  EXPECT_TRUE(compile("计数 车 99999999999999999 辆\n").ok());
}

TEST(diag_values, E0202_a_whole_number_past_the_range_of_an_amount_where_an_amount_is_wanted) {
  // 1000000000 亿元 is 10^17 元: a count, but no amount
  const std::string head = "金额单位 亿元\n208 01 09 30101: 1.00\n";
  for (const auto& [text, at] : {std::pair<std::string, std::string>{"核对 支出合计 <= 1000000000\n", "3:12"},
                                 {"核对 1000000000 > 支出合计\n", "3:4"},
                                 {"核对 支出合计 + -1000000000 < 0\n", "3:12"},
                                 {"核对 占比(支出合计, 1000000000) < 1%\n", "3:13"},
                                 {"参数 上限 = 1000000000\n", "3:9"},
                                 // a measure defined as one: the error is at its definition
                                 {"口径 上限 = 1000000000\n核对 支出合计 <= 上限\n", "3:9"},
                                 {"口径 上限 = -1000000000\n核对 支出合计 + 上限 < 0\n", "3:10"},
                                 {"口径 上限 = 1000000000\n口径 再 = 上限\n核对 占比(支出合计, 再) < 1%\n", "3:9"}}) {
    auto r = compile(head + text);
    const auto& d = one(r, "E0202");
    EXPECT_EQ(d.message, "amount '1000000000' is more than an amount can hold") << text;
    EXPECT_EQ(where(d), at) << text;
    EXPECT_EQ(r.diagnostics.error_count(), 1u) << text << dump(r);
  }
  // as a count it is one
  EXPECT_TRUE(compile(head + "口径 上限 = 1000000000\n核对 项目数 <= 上限\n").ok());
}

// --- E0203: duplicate project code ---------------------------------------------------------------

TEST(diag_values, E0203_duplicate_project_code) {
  auto r = compile("金额单位 万元\n项目 \"甲\" 编码 4103002 金额 1.00\n项目 \"乙\" 编码 4103002 金额 2.00\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0203");
  EXPECT_EQ(d.message, "duplicate project code 4103002");
  EXPECT_EQ(d.label, "also the code of '甲'");
  EXPECT_EQ(where(d), "3:11");
  std::string at;
  EXPECT_TRUE(note_has(d, "first used here", &at));
  EXPECT_EQ(at, "2:11");
}

TEST(diag_values, E0203_a_project_code_that_is_another_projects_name) {
  // 项目 = 1001 would name either: in either order
  auto r = compile("项目 \"1001\" 金额 0.00\n项目 乙 编码 1001 金额 0.00\n");
  const auto& d = one(r, "E0203");
  EXPECT_EQ(d.message, "project code 1001 is the name of another project");
  EXPECT_EQ(d.label, "the name of '1001'");
  EXPECT_EQ(where(d), "2:9");
  auto r2 = compile("项目 甲 编码 1002 金额 0.00\n项目 \"1002\" 金额 0.00\n");
  const auto& d2 = one(r2, "E0203");
  EXPECT_EQ(d2.message, "project name '1002' is the code of another project");
  EXPECT_EQ(d2.label, "the code of '甲'");
  EXPECT_EQ(where(d2), "2:5");  // the name, inside its quotes
  std::string at;
  EXPECT_TRUE(note_has(d2, "that code", &at));
  EXPECT_EQ(at, "1:9");
}

// --- E0204: one code, two names ------------------------------------------------------------------

TEST(diag_values, E0204_code_with_two_names) {
  auto r = compile("金额单位 万元\n208 01 09 社会保险经办机构 30101 基本工资: 1.00\n"
                   "208 01 09 30101 工资: 1.00\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0204");
  EXPECT_EQ(d.message, "code 30101 has two names: '基本工资' and '工资'");
  EXPECT_EQ(d.expected, "'基本工资'");
  EXPECT_EQ(d.found, "'工资'");
  EXPECT_EQ(where(d), "3:17");
  std::string at;
  EXPECT_TRUE(note_has(d, "first named here", &at));
  EXPECT_EQ(at, "2:26");
}

TEST(diag_values, E0204_functional_code_with_two_names) {
  auto r = compile("208 01 09 社保: 1.00\n2080109 社保经办: 1.00\n208 01 09: 1.00\n");
  const auto& d = one(r, "E0204");
  EXPECT_EQ(d.message, "code 2080109 has two names: '社保' and '社保经办'");
  EXPECT_EQ(where(d), "2:9");
  std::string at;
  EXPECT_TRUE(note_has(d, "first named here", &at));
  EXPECT_EQ(at, "1:11");
}

// --- E0205: unknown words ------------------------------------------------------------------------

TEST(diag_values, E0205_unknown_income_source) {
  auto r = compile("收入 捐赠收入 1.00\n收入 财政拨款 1.00\n收入 一般公共预算 1.00 其中 不知道 1.00\n");
  const auto ds = with_code(r, "E0205");
  ASSERT_EQ(ds.size(), 3u) << dump(r);
  EXPECT_EQ(ds[0]->message, "unknown income source '捐赠收入'");
  EXPECT_EQ(ds[0]->found, "'捐赠收入'");
  EXPECT_HAS(ds[0]->expected, "一般公共预算");
  EXPECT_EQ(where(*ds[0]), "1:4");
  EXPECT_EQ(ds[1]->message, "unknown income source '财政拨款'");  // only a 其中 part
  EXPECT_EQ(where(*ds[1]), "2:4");
  EXPECT_EQ(ds[2]->message, "unknown income source '不知道'");
  EXPECT_EQ(where(*ds[2]), "3:19");
}

TEST(diag_values, E0205_a_part_that_is_not_a_part_of_its_line) {
  // only 财政拨款 is a part of 一般公共预算; 上年结转结余 splits by any other source; other lines have no parts
  auto r = compile("金额单位 元\n收入 一般公共预算 100.00 其中 事业收入 50.00\n"
                   "收入 上年结转结余 10.00 其中 上年结转结余 10.00\n收入 事业收入 5.00 其中 财政拨款 5.00\n");
  const auto ds = with_code(r, "E0205");
  ASSERT_EQ(ds.size(), 3u) << dump(r);
  EXPECT_EQ(ds[0]->message, "其中 事业收入 is not a part of 一般公共预算");
  EXPECT_EQ(ds[0]->label, "only 财政拨款 is a part of 一般公共预算");
  EXPECT_EQ(ds[0]->expected, "其中 财政拨款");
  EXPECT_EQ(where(*ds[0]), "2:21");
  EXPECT_EQ(ds[1]->message, "其中 上年结转结余 is not a part of 上年结转结余");
  EXPECT_EQ(ds[1]->label, "上年结转结余 is split by the fund sources it came from");
  EXPECT_EQ(ds[2]->message, "其中 财政拨款 is not a part of 事业收入");
  EXPECT_EQ(ds[2]->label, "a line of 事业收入 has no parts");
}

TEST(diag_values, E0206_a_part_stated_twice) {
  auto r = compile("金额单位 元\n收入 一般公共预算 100.00 其中 财政拨款 100.00 其中 财政拨款 60.00\n"
                   "208 01 09 30101: 100.00\n");
  const auto& d = one(r, "E0206");
  EXPECT_EQ(d.message, "其中 财政拨款 of 一般公共预算 is stated twice");
  EXPECT_EQ(where(d), "2:36");
  std::string at;
  EXPECT_TRUE(note_has(d, "first stated here", &at));
  EXPECT_EQ(at, "2:21");
}

TEST(diag_values, E0205_unknown_kind) {
  auto r = compile("208 01 09 30101: 1.00\n核对 合计(类型 = 杂项) = 0\n项目 \"p\" 类型 基本支出 金额 1.00\n");
  const auto ds = with_code(r, "E0205");
  ASSERT_EQ(ds.size(), 2u) << dump(r);
  EXPECT_EQ(ds[0]->message, "unknown kind '杂项'");
  EXPECT_HAS(ds[0]->expected, "其他运转类");
  EXPECT_EQ(where(*ds[0]), "2:12");
  EXPECT_EQ(ds[1]->message, "unknown project type '基本支出'");
  EXPECT_EQ(ds[1]->expected, "其他运转类 or 特定目标类");
  EXPECT_EQ(where(*ds[1]), "3:11");
}

TEST(diag_values, E0205_conflicting_kinds) {
  auto r = compile("208 01 09 基本支出 {\n  项目支出 30201: 1.00\n}\n208 01 09 人员经费 公用经费 30101: 1.00\n");
  const auto ds = with_code(r, "E0205");
  ASSERT_EQ(ds.size(), 2u) << dump(r);
  EXPECT_EQ(ds[0]->message, "kind 项目支出 conflicts with the block's 基本支出");
  EXPECT_EQ(where(*ds[0]), "2:3");
  EXPECT_EQ(ds[1]->message, "conflicting kinds: 人员经费 and 公用经费");
  EXPECT_EQ(where(*ds[1]), "4:16");
}

TEST(diag_values, E0205_unknown_fund) {
  auto r = compile("208 01 09 资金 不知道 30101: 1.00\n核对 合计(资金 = 也不知道) = 0\n");
  const auto ds = with_code(r, "E0205");
  ASSERT_EQ(ds.size(), 2u) << dump(r);
  EXPECT_EQ(ds[0]->message, "unknown fund source '不知道'");
  EXPECT_EQ(where(*ds[0]), "1:14");
  EXPECT_EQ(ds[1]->message, "unknown fund source '也不知道'");
  EXPECT_EQ(where(*ds[1]), "2:12");
}

TEST(diag_values, E0205_a_misspelt_word_gets_the_whole_vocabulary_and_the_nearest) {
  // every word of the vocabulary is expected (none cut off), the nearest suggested
  auto fund = compile("208 01 09 30101: 1.00 资金 事业收人\n");
  const auto& f = one(fund, "E0205");
  EXPECT_EQ(f.label, "did you mean '事业收入'?");
  EXPECT_EQ(f.expected, "一般公共预算, 财政拨款, 政府性基金, 国有资本经营, 财政专户管理资金, 事业收入, 事业单位经营收入, "
                        "上级补助收入, 附属单位上缴收入 or 其他收入");
  auto income = compile("收入 一般公共预箅 1.00\n208 01 09 30101: 1.00\n");
  EXPECT_EQ(one(income, "E0205").label, "did you mean '一般公共预算'?");
  auto appropriation = compile("收入 财政拨款 1.00\n208 01 09 30101: 1.00\n");
  const auto& a = one(appropriation, "E0205");
  ASSERT_FALSE(a.notes.empty());
  EXPECT_HAS(a.notes[0].message, "其中 财政拨款");
  auto kind = compile("208 01 09 30101: 1.00\n核对 合计(类型 = 人员经废) = 0\n");
  EXPECT_EQ(one(kind, "E0205").label, "did you mean '人员经费'?");
  auto type = compile("单位 803019 \"洛阳市社会保险中心\" 类型 企业\n");
  EXPECT_EQ(one(type, "E0205").label, "");  // two characters: one edit from too many words
  // nothing near: no suggestion
  auto far = compile("208 01 09 30101: 1.00 资金 完全不同的词语\n");
  EXPECT_EQ(one(far, "E0205").label, "");
}

TEST(diag_values, E0205_unknown_unit_type) {
  auto r = compile("单位 803019 \"洛阳市社会保险中心\" 类型 国企\n");
  const auto& d = one(r, "E0205");
  EXPECT_EQ(d.message, "unknown unit type '国企'");
  EXPECT_EQ(d.expected, "行政, 参公 or 事业");
  EXPECT_EQ(d.found, "'国企'");
  EXPECT_EQ(where(d), "1:26");
}

TEST(diag_values, E0205_unknown_unit_of_amounts) {
  auto r = compile("金额单位 美元\n");
  const auto& d = one(r, "E0205");
  EXPECT_EQ(d.message, "unknown unit of amounts '美元'");
  EXPECT_EQ(d.expected, "元, 万元 or 亿元");
  EXPECT_EQ(d.found, "'美元'");
  EXPECT_EQ(where(d), "1:6");
}

// --- E0206: header and income lines --------------------------------------------------------------

TEST(diag_values, E0206_a_unit_of_amounts_after_unit) {
  // 单位 万元 for 金额单位 万元: once a budget unit named 万元, every amount 10,000 times too small
  auto r = compile("单位 万元\n收入 一般公共预算 10.00\n208 01 09 30101: 10.00\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0206");
  EXPECT_EQ(d.message, "'万元' is a unit of amounts, not a budget unit");
  EXPECT_EQ(d.label, "write 金额单位 万元");
  EXPECT_EQ(where(d), "1:4");
  EXPECT_EQ(r.diagnostics.error_count(), 1u) << dump(r);
  EXPECT_EQ(one(compile("unit 元\n208 01 09 30101: 10.00\n"), "E0206").label, "write amounts 元");
  // a unit with a code or a type may be named anything
  EXPECT_TRUE(compile("单位 801 万元\n208 01 09 30101: 10.00\n").ok());
}

TEST(diag_values, E0206_invalid_year) {
  auto r = compile("年度 24\n");
  const auto& d = one(r, "E0206");
  EXPECT_EQ(d.message, "invalid year");
  EXPECT_EQ(d.label, "expected a year such as 2024, found '24'");
  EXPECT_EQ(where(d), "1:4");
}

TEST(diag_values, E0206_year_mismatch) {
  auto r = compile("年度 2024\n# 另一年\n年度 2025\n");
  const auto& d = one(r, "E0206");
  EXPECT_EQ(d.message, "year 2025 differs from the budget's year 2024");
  EXPECT_EQ(where(d), "3:4");
  std::string at;
  EXPECT_TRUE(note_has(d, "the year was declared here", &at));
  EXPECT_EQ(at, "1:4");
  // the same year again does not move where it was declared (the note pointed at the last repeat)
  auto again = compile("年度 2024\n年度 2024\n年度 2025\n");
  EXPECT_TRUE(note_has(one(again, "E0206"), "the year was declared here", &at));
  EXPECT_EQ(at, "1:4");
}

TEST(diag_values, E0206_year_mismatch_in_an_import) {
  temp_dir t;
  t.write("part.budget", "年度 2023\n");
  const auto p = t.write("main.budget", "年度 2024\n导入 \"part.budget\"\n");
  auto r = compile_path(p);
  const auto& d = one(r, "E0206");
  EXPECT_EQ(d.message, "year 2023 differs from the budget's year 2024");
  EXPECT_EQ(file_of(d), (t.path() / "part.budget").string());
  EXPECT_EQ(where(d), "1:4");
}

TEST(diag_values, E0206_duplicate_income_line) {
  auto r = compile("金额单位 万元\n收入 一般公共预算 1.00\n收入 一般公共预算 1.00\n");
  const auto& d = one(r, "E0206");
  EXPECT_EQ(d.message, "income line '一般公共预算' is stated twice");
  EXPECT_EQ(where(d), "3:4");
  std::string at;
  EXPECT_TRUE(note_has(d, "first stated here", &at));
  EXPECT_EQ(at, "2:4");
}

TEST(diag_values, E0206_year_end_balance_twice) {
  auto r = compile("年终结转结余 0.00\n年终结转结余 1.00\n");
  const auto& d = one(r, "E0206");
  EXPECT_EQ(d.message, "年终结转结余 is stated twice");
  EXPECT_EQ(where(d), "2:1");
}

// --- E0207: project fields and targets out of place ----------------------------------------------

TEST(diag_values, E0207_project_field_outside_a_project) {
  auto r = compile("金额单位 万元\n编码 410300200000000033610\n  金额 5.00\n");
  const auto ds = with_code(r, "E0207");
  ASSERT_EQ(ds.size(), 2u) << dump(r);
  EXPECT_EQ(ds[0]->message, "project field outside a project");
  EXPECT_EQ(ds[0]->label, "write it inside 项目 … { }");
  EXPECT_EQ(where(*ds[0]), "2:1");
  EXPECT_EQ(where(*ds[1]), "3:3");
}

TEST(diag_values, E0207_targets_outside_a_project) {
  auto r = compile("绩效 {\n  产出 完成率 ≥95%\n}\n");
  EXPECT_FALSE(r.ok());
  const auto ds = with_code(r, "E0207");
  ASSERT_FALSE(ds.empty()) << dump(r);
  EXPECT_EQ(ds[0]->message, "绩效 outside a project");
  EXPECT_EQ(ds[0]->label, "write it inside 项目 … { }");
  EXPECT_EQ(where(*ds[0]), "1:1");
  EXPECT_TRUE(with_code(r, "E0103").empty()) << dump(r);  // the block is still opened and closed
}

TEST(diag_values, E0207_no_misleading_cascade_inside_a_stray_targets_block) {
  auto r = compile("绩效 {\n  产出 完成率 ≥95%\n}\n");
  EXPECT_EQ(with_code(r, "E0207").size(), 1u) << dump(r);
}

TEST(diag_values, E0207_target_outside_targets_block) {
  auto r = compile("金额单位 万元\n产出 完成率 ≥95%\n项目 \"p\" 金额 1.00 {\n  效益 落实情况 按时足额发放\n}\n");
  const auto ds = with_code(r, "E0207");
  ASSERT_EQ(ds.size(), 2u) << dump(r);
  EXPECT_EQ(ds[0]->message, "performance target outside 绩效 { }");
  EXPECT_EQ(ds[0]->label, "write it inside a project's 绩效 { } block");
  EXPECT_EQ(where(*ds[0]), "2:1");
  EXPECT_EQ(ds[1]->message, "performance target outside 绩效 { }");
  EXPECT_EQ(where(*ds[1]), "4:3");
}

// --- One grammar for item lines (found by fuzzing) ---------------------------------------------

TEST(diag_values, E0201_malformed_codes_on_plain_item_lines) {
  // the same text is rejected whether or not a kind word comes first
  for (const std::string line : {"208 01 11 301.01: 1.00", "208 01 11 3 01 01: 1.00", "2 08 01 11 30101: 1.00",
                                 "20801 11 30101: 1.00", "208 01 11 30101 → 501.01: 1.00"}) {
    for (const std::string prefix : {"", "基本支出 "}) {
      auto r = compile("金额单位 元\n" + prefix + line + "\n");
      EXPECT_FALSE(r.ok()) << prefix + line;
      EXPECT_TRUE(r.diagnostics.has_errors()) << prefix + line;
      if (r.value) {
        EXPECT_TRUE(r.value->items().empty()) << prefix + line;
      }
    }
  }
}

TEST(diag_values, E0101_no_break_space_between_code_groups_is_reported_there) {
  auto r = compile("金额单位 元\n208 01\xC2\xA0" "09 30101: 1.00\n");
  EXPECT_FALSE(r.ok());
  ASSERT_FALSE(r.diagnostics.empty());
  const auto& d = r.diagnostics[0];
  EXPECT_EQ(where(d), "2:8") << dump(r);  // the group after it, as for a tab (a no-break space is a blank)
  EXPECT_HAS(d.message, "no-break space");
}

TEST(diag_values, E0101_a_tab_or_ideographic_space_splitting_a_code_is_named_there) {
  auto tab = compile("金额单位 元\n208\t01 09 30101: 1.00\n");
  ASSERT_FALSE(tab.diagnostics.empty());
  EXPECT_EQ(where(tab.diagnostics[0]), "2:5") << dump(tab);  // the group after it
  EXPECT_EQ(tab.diagnostics[0].expected, "a plain space between the groups of a code, not a tab");
  auto wide = compile("金额单位 元\n208 01\xE3\x80\x80" "09 30101: 1.00\n");
  ASSERT_FALSE(wide.diagnostics.empty());
  EXPECT_EQ(where(wide.diagnostics[0]), "2:8") << dump(wide);
  EXPECT_EQ(wide.diagnostics[0].expected, "a plain space between the groups of a code, not an ideographic space (U+3000)");
  // between whole codes both are blanks
  EXPECT_TRUE(compile("金额单位 元\n208 01 09\t30101: 1.00\n208 01 09\xE3\x80\x80" "30102: 1.00\n").ok());
}

TEST(diag_values, E0101_spaces_splitting_a_code_are_named_there) {
  // once two E0201 "malformed code" for 01 and 11
  auto r = compile("金额单位 元\n208  01 11 30101: 1.00\n");
  ASSERT_EQ(r.diagnostics.error_count(), 1u) << dump(r);
  EXPECT_EQ(where(r.diagnostics[0]), "2:6");
  EXPECT_EQ(r.diagnostics[0].expected, "a plain space between the groups of a code, not more than one");
  EXPECT_EQ(where(one(compile("金额单位 元\n208 01   09 30101: 1.00\n"), "E0101")), "2:10");
  // between whole codes, and before what is no group, more than one space is fine
  EXPECT_TRUE(compile("金额单位 元\n208 01 09  30101: 1.00\n208 01 09   30102   基本工资: 1.00\n").ok());
}

TEST(diag_values, E0201_a_code_in_full_width_digits_after_another_code) {
  // once read as the name of 208 01 11, with only a W0604 and the item lacking its economic code
  auto r = compile("金额单位 元\n208 01 11 ３０１０１: 1.00\n");
  const auto& d = one(r, "E0201");
  EXPECT_EQ(d.message, "a code in full-width digits: '３０１０１'");
  EXPECT_EQ(d.label, "read as the name of 208 01 11");
  EXPECT_EQ(where(d), "2:11");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_HAS(d.notes[0].message, "codes are written in ASCII digits: 30101");
  EXPECT_EQ(r.diagnostics.error_count(), 1u) << dump(r);
  // a name that holds full-width digits among other characters is a name
  EXPECT_TRUE(compile("金额单位 元\n208 01 11 第１项: 1.00\n").ok());
}

TEST(diag_values, E0206_years_and_editions_with_many_digits) {
  for (const std::string text : {"年度 99999999999\n", "科目版本 99999999999\n", "年度 2024\n计数 车辆 99999999999999999999 辆\n"}) {
    auto r = compile(text);
    EXPECT_FALSE(r.ok()) << text;
    EXPECT_TRUE(r.diagnostics.has_errors()) << text;
  }
}

TEST(diag_values, E0202_amounts_of_many_digits_in_a_constraint) {
  auto r = compile("金额单位 元\n208 01 09 30101: 1.00\n核对 合计 = 123456789012345678901234567890.00\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0202");
  EXPECT_EQ(where(d), "3:9");
}

TEST(diag_values, E0711_more_units_than_an_item_can_number) {
  std::string text = "金额单位 元\n";
  for (int i = 0; i <= 65535; ++i) text += "单位 U" + std::to_string(i) + " 名称\n208 01 09 30101: 1.00\n";
  auto r = compile(text);
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0711");
  EXPECT_EQ(d.message, "too many budget units");
  EXPECT_EQ(where(d), std::to_string(2 + 2 * 65535) + ":4");
}
