// Carry-over balances in the tables: 预算04表 and the 上海 T1 and T4 print
// 上年结转 and 年终结转结余 (the 财政拨款 part where the table is of
// 财政拨款) and their totals meet; rows the published layout lacks are
// printed only when not 0 (零则不列); a balance stated in total only where a
// table shows it by fund is W0808; the balance names (年终结转结余.FUND,
// 财政拨款年终结转 …) in templates and in the budget's checks.
#include "support/test_support.hpp"

#include <yusuan/tables.hpp>

#include <string>
#include <vector>

using namespace yusuan_test;

namespace {

namespace tb = yusuan::tables;

// 一般公共预算: 10 + 100 = 105 + 5; 事业收入: 20 + 20 = 30 + 10.
const std::string by_fund =
    "年度 2025\n"
    "金额单位 元\n"
    "单位 801001 \"青禾市公共就业服务中心\" 类型 事业\n"
    "收入 一般公共预算 100.00\n"
    "收入 事业收入 20.00\n"
    "收入 上年结转结余 30.00 其中 一般公共预算 10.00 其中 事业收入 20.00\n"
    "年终结转结余 15.00 其中 一般公共预算 5.00 其中 事业收入 10.00\n"
    "208 01 09 基本支出 公用经费 30201 办公费: 105.00\n"
    "208 01 09 基本支出 公用经费 30202 印刷费: 30.00 资金 事业收入\n";

// The same balances in total only.
const std::string in_total =
    "年度 2025\n"
    "金额单位 元\n"
    "单位 801001 \"青禾市公共就业服务中心\" 类型 事业\n"
    "收入 一般公共预算 100.00\n"
    "收入 事业收入 20.00\n"
    "收入 上年结转结余 30.00\n"
    "年终结转结余 15.00\n"
    "208 01 09 基本支出 公用经费 30201 办公费: 105.00\n"
    "208 01 09 基本支出 公用经费 30202 印刷费: 30.00 资金 事业收入\n";

yusuan::budget budget_of(const std::string& text) { return yusuan::compile_string(text, "b.budget"); }

std::vector<std::string> csv(const yusuan::budget& b, std::string_view templ, std::string_view id) {
  tb::options o;
  o.templ = tb::find_template(templ);
  EXPECT_NE(o.templ, nullptr) << templ;
  return lines_of(tb::to_string(tb::build(b, id, o), "csv"));
}

/// The lines of `table` that start with `label` (a row's first cell).
std::vector<std::string> rows_starting(const std::vector<std::string>& table, const std::string& label) {
  std::vector<std::string> out;
  for (const auto& l : table)
    if (l.rfind(label + ",", 0) == 0) out.push_back(l);
  return out;
}

/// The lines of `table` holding `text` anywhere.
std::vector<std::string> rows_with(const std::vector<std::string>& table, const std::string& text) {
  std::vector<std::string> out;
  for (const auto& l : table)
    if (has(l, text)) out.push_back(l);
  return out;
}

yusuan::diagnostics template_checks(const yusuan::budget& b) {
  yusuan::diagnostics d;
  tb::check_notes(b, d);
  return d;
}

}  // namespace

TEST(balances, luoyang_04_counts_the_fiscal_part_of_each_balance) {
  const auto t = csv(budget_of(by_fund), "洛阳13表", "04");
  EXPECT_EQ(rows_starting(t, "二、上年结转"), (std::vector<std::string>{"二、上年结转,10.00,（五）教育支出,,,,,"}));
  EXPECT_EQ(rows_with(t, "二、年终结转结余"),
            (std::vector<std::string>{",,二、年终结转结余,5.00,5.00,,,"}));
  // 100 + 10 = 105 + 5: the 事业收入 part of 年终结转结余 (10.00) is not 财政拨款; the
  // 一般公共预算 part is in its column too (其中：财政拨款 is blank: no 其中 财政拨款 part)
  EXPECT_EQ(rows_starting(t, "收入合计"), (std::vector<std::string>{"收入合计,110.00,支出合计,110.00,110.00,105.00,,"}));
}

TEST(balances, luoyang_04_shows_a_balances_fiscal_part_alone_as_its_general_budget_part) {
  // 其中 财政拨款 alone stands for the 一般公共预算 part (language.md §5): its
  // row under 二、上年结转 shows it (it was blank)
  const auto t = csv(budget_of("年度 2025\n金额单位 万元\n单位 801001 \"甲单位\" 类型 行政\n收入 一般公共预算 100.00\n"
                               "收入 上年结转结余 10.00 其中 财政拨款 10.00\n208 01 01 基本支出 30101: 110.00\n"),
                     "洛阳13表", "04");
  EXPECT_EQ(rows_starting(t, "二、上年结转"), (std::vector<std::string>{"二、上年结转,10.00,（五）教育支出,,,,,"}));
  EXPECT_EQ(rows_starting(t, "（一）一般公共预算拨款"),
            (std::vector<std::string>{"（一）一般公共预算拨款,100.00,（一）一般公共服务支出,,,,,",
                                      "（一）一般公共预算拨款,10.00,（六）科学技术支出,,,,,"}));
  EXPECT_EQ(rows_starting(t, "收入合计"), (std::vector<std::string>{"收入合计,110.00,支出合计,110.00,110.00,110.00,,"}));
}

// Spending paid from a fund's balance is that fund's in the 财政拨款 tables:
// 一般公共预算 6 + 100 = 101 + 5 (4.00 of it paid from its balance), 政府性基金
// 4 + 20 = 18 + 6 (4.00 from its balance), and the totals meet; spending from
// a balance that names no fund is in neither (nor in 财政拨款).
const std::string from_balances =
    "年度 2025\n"
    "金额单位 万元\n"
    "收入 一般公共预算 100.00\n"
    "收入 政府性基金 20.00\n"
    "收入 上年结转结余 10.00 其中 一般公共预算 6.00 其中 政府性基金 4.00\n"
    "年终结转结余 11.00 其中 一般公共预算 5.00 其中 政府性基金 6.00\n"
    "208 01 09 基本支出 30101: 97.00\n"
    "208 01 09 项目支出 30201: 4.00 资金 上年结转结余.一般公共预算\n"
    "212 01 01 项目支出 30227: 14.00 资金 政府性基金\n"
    "212 01 01 项目支出 30227: 4.00 资金 上年结转结余.政府性基金\n";

TEST(balances, spending_from_a_funds_balance_is_in_that_funds_column) {
  const auto b = budget_of(from_balances);
  const auto t = csv(b, "洛阳13表", "04");
  EXPECT_EQ(rows_starting(t, "一、本年收入"),
            (std::vector<std::string>{"一、本年收入,120.00,一、本年支出,119.00,101.00,101.00,18.00,"}));
  EXPECT_EQ(rows_with(t, "社会保障和就业支出"), (std::vector<std::string>{"（三）国有资本经营预算拨款,,（八）社会保障和就业支出,101.00,101.00,101.00,,"}));
  EXPECT_EQ(rows_with(t, "城乡社区事务支出"), (std::vector<std::string>{",,（十二）城乡社区事务支出,18.00,,,18.00,"}));
  EXPECT_EQ(rows_starting(t, "收入合计"), (std::vector<std::string>{"收入合计,130.00,支出合计,130.00,106.00,101.00,24.00,"}));
  const auto t4 = csv(b, "上海9表", "T4");
  EXPECT_EQ(rows_starting(t4, "收入总计"), (std::vector<std::string>{"收入总计,1300000.00,支出总计,1300000.00,1060000.00,240000.00,"}));
  // the same spending from a balance that names no fund: E0405, and out of 04
  std::string unstated = from_balances;
  for (const std::string part : {".一般公共预算\n", ".政府性基金\n"}) unstated.replace(unstated.find(part), part.size() - 1, "");
  auto r = compile(unstated);
  EXPECT_EQ(with_code(r, "E0405").size(), 2u) << dump(r);
}

// 预算11表's columns of spending from balances: 财政性 (a balance that names
// no fund is), 财政专户管理资金 and 单位资金, by the fund the balance is of.
TEST(balances, luoyang_11_splits_the_spending_from_balances_by_fund) {
  const auto b = budget_of(
      "年度 2025\n金额单位 万元\n单位 801001 \"甲单位\" 类型 行政\n收入 一般公共预算 100.00\n收入 上年结转结余 20.00\n"
      "208 01 01 基本支出 30201: 100.00 项目类别=公用经费综合定额\n"
      "208 01 01 基本支出 30202: 6.00 资金 上年结转结余.事业收入 项目类别=公用经费综合定额\n"
      "208 01 01 基本支出 30203: 4.00 资金 上年结转结余 项目类别=公用经费综合定额\n"
      "208 01 01 基本支出 30205: 3.00 资金 上年结转结余.财政专户管理资金 项目类别=公用经费综合定额\n"
      "208 01 01 基本支出 30206: 7.00 资金 上年结转结余.一般公共预算 项目类别=公用经费综合定额\n");
  const auto t = csv(b, "洛阳13表", "11");
  ASSERT_FALSE(t.empty());
  EXPECT_TRUE(has(t[0], ",资金来源/财政性资金结余结转,资金来源/财政专户管理资金收入结余结转,资金来源/单位资金结余结转")) << t[0];
  EXPECT_EQ(rows_starting(t, "合计"), (std::vector<std::string>{"合计,,,120.00,100.00,100.00,,,,,,,,,,,,,,,,,,11.00,3.00,6.00"}));
}

// 预算12表 and 13 attribute a project's spending from balances by the fund
// the balance is of: 12's three 财政拨款结转结余 columns (a balance that names
// no fund is 一般公共预算's), 财政专户管理资金 and 单位资金; 13's 政府预算资金
// takes only the balances of 财政 funds.
TEST(balances, luoyang_12_and_13_attribute_a_projects_spending_from_balances_by_fund) {
  const auto b = budget_of(
      "年度 2025\n金额单位 万元\n单位 801001 \"甲单位\" 类型 行政\n收入 一般公共预算 100.00\n收入 上年结转结余 30.00\n"
      "项目 \"甲\" 类型 特定目标类 功能 208 01 01 {\n"
      "  30201: 10.00 资金 上年结转结余.政府性基金\n  30202: 4.00 资金 上年结转结余\n"
      "  30203: 6.00 资金 上年结转结余.事业收入\n  30205: 3.00 资金 上年结转结余.财政专户管理资金\n"
      "  30206: 7.00 资金 上年结转结余.一般公共预算\n}\n208 01 01 基本支出 30101: 100.00\n");
  const auto t12 = csv(b, "洛阳13表", "12");
  ASSERT_FALSE(t12.empty());
  EXPECT_TRUE(has(t12[0], ",财政拨款结转结余/一般公共预算,财政拨款结转结余/政府性基金预算,财政拨款结转结余/国有资本经营预算,"
                          "财政专户管理资金,单位资金"))
      << t12[0];
  EXPECT_EQ(rows_starting(t12, "特定目标类"),
            (std::vector<std::string>{"特定目标类,甲,甲单位,30.00,,,,11.00,10.00,,3.00,6.00"}));
  const auto t13 = csv(b, "洛阳13表", "13");
  EXPECT_EQ(rows_starting(t13, ""), (std::vector<std::string>{",甲,30.00,21.00,3.00,6.00,,,,,,,,"}));
  // 项目金额(…) in a budget's own measures reads 上年结转结余.FUND as tables do
  auto r = compile("金额单位 万元\n项目 \"甲\" 类型 特定目标类 功能 208 01 01 {\n"
                   "  30201: 10.00 资金 上年结转结余.政府性基金\n  30202: 4.00 资金 上年结转结余\n}\n"
                   "核对 项目金额(资金 = 上年结转结余.政府性基金) = 10.00\n核对 项目金额(资金 = 上年结转结余) = 14.00\n"
                   "核对 项目金额(资金 = 政府性基金) = 0\n");
  EXPECT_TRUE(r.ok()) << dump(r);
  EXPECT_TRUE(r.diagnostics.list().empty()) << dump(r);
}

TEST(balances, a_departments_units_may_state_the_general_budget_part_either_way) {
  // 甲 writes its balances' 一般公共预算 part as 其中 财政拨款, 乙 as 其中
  // 一般公共预算: each unit's counts (it counted only 乙's: 4.00 and 2.00)
  temp_dir dir;
  dir.write("a.budget", "金额单位 万元\n单位 801001 \"甲单位\" 类型 行政\n收入 一般公共预算 100.00\n"
                        "收入 上年结转结余 6.00 其中 财政拨款 6.00\n年终结转结余 1.00 其中 财政拨款 1.00\n"
                        "208 01 09 基本支出 30101: 100.00\n208 01 09 项目支出 30227: 5.00 资金 上年结转结余.财政拨款\n");
  dir.write("b.budget", "金额单位 万元\n单位 801002 \"乙单位\" 类型 行政\n收入 一般公共预算 10.00\n"
                        "收入 上年结转结余 4.00 其中 一般公共预算 4.00\n年终结转结余 2.00 其中 一般公共预算 2.00\n"
                        "208 01 09 基本支出 30101: 10.00\n208 01 09 项目支出 30227: 2.00 资金 上年结转结余.一般公共预算\n");
  const auto dept = dir.write("dept.budget", "年度 2025\n金额单位 万元\n部门 801 \"测试局\"\n导入 \"a.budget\"\n导入 \"b.budget\"\n"
                                             "核对 年初结转结余.一般公共预算 = 10.00\n核对 财政拨款上年结转 = 10.00\n"
                                             "核对 年终结转结余.一般公共预算 = 3.00\n核对 财政拨款年终结转 = 3.00\n"
                                             "核对 收入(资金 = 上年结转结余.一般公共预算) = 10.00\n"
                                             "核对 收入(资金 = 上年结转结余.财政拨款) = 6.00\n");
  auto r = compile_path(dept, no_catalog());
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_TRUE(r.diagnostics.list().empty()) << dump(r);  // no W0412: each unit spends within its balance
  const auto t = csv(*r.value, "洛阳13表", "04");
  EXPECT_EQ(rows_starting(t, "二、上年结转"), (std::vector<std::string>{"二、上年结转,10.00,（五）教育支出,,,,,"}));
  EXPECT_EQ(rows_starting(t, "收入合计"), (std::vector<std::string>{"收入合计,120.00,支出合计,120.00,120.00,118.00,,"}));
  // 02's 上年结转结余/一般公共预算 column (收入(资金 = 上年结转结余.一般公共预算)) takes 甲's
  // 其中 财政拨款 (it was blank for 甲, and 4.00 in 合计)
  const auto t02 = csv(*r.value, "洛阳13表", "02");
  EXPECT_EQ(rows_starting(t02, "合计"), (std::vector<std::string>{"合计,,120.00,110.00,110.00,,,,,,,,,,10.00,10.00,,,,"}));
  EXPECT_EQ(rows_starting(t02, "801001"), (std::vector<std::string>{"801001,甲单位,106.00,100.00,100.00,,,,,,,,,,6.00,6.00,,,,"}));
  EXPECT_EQ(rows_starting(t02, "801002"), (std::vector<std::string>{"801002,乙单位,14.00,10.00,10.00,,,,,,,,,,4.00,4.00,,,,"}));
}

TEST(balances, luoyang_01_counts_the_whole_balances) {
  const auto t = csv(budget_of(by_fund), "洛阳13表", "01");
  EXPECT_EQ(rows_with(t, "收入总计"), (std::vector<std::string>{"收入总计,150.00,支出总计,150.00"}));
}

TEST(balances, shanghai_t1_prints_the_balances_its_layout_has_no_line_for) {
  const auto t = csv(budget_of(by_fund), "上海9表", "T1");
  EXPECT_EQ(t, (std::vector<std::string>{
                   "本年收入/项目,本年收入/预算数,本年支出/项目,本年支出/预算数/合计,本年支出/预算数/基本支出/"
                   "人员经费,本年支出/预算数/基本支出/公用经费,本年支出/预算数/项目支出",
                   "一、财政拨款收入,100.00,一、社会保障和就业支出,135.00,,135.00,",
                   "1、一般公共预算资金,100.00,年终结转结余,15.00,,,",
                   "2、政府性基金,,,,,,",
                   "3、国有资本经营预算,,,,,,",
                   "二、事业收入,20.00,,,,,",
                   "三、事业单位经营收入,,,,,,",
                   "四、其他收入,,,,,,",
                   "上年结转结余,30.00,,,,,",
                   "收入总计,150.00,支出总计,150.00,,135.00,"}));
  const auto dept = csv(budget_of(by_fund), "上海9表部门", "T1");
  EXPECT_EQ(rows_with(dept, "年终结转结余"), (std::vector<std::string>{"1. 一般公共预算资金,100.00,年终结转结余,15.00"}));
  EXPECT_EQ(rows_starting(dept, "上年结转结余"), (std::vector<std::string>{"上年结转结余,30.00,,"}));
  EXPECT_EQ(rows_starting(dept, "收入总计"), (std::vector<std::string>{"收入总计,150.00,支出总计,150.00"}));
}

TEST(balances, shanghai_t1_prints_no_balance_rows_where_there_is_none) {
  const auto t = csv(budget_of("年度 2025\n金额单位 元\n收入 一般公共预算 100.00\n收入 上年结转结余 0.00\n"
                               "年终结转结余 0.00\n208 01 09 基本支出 公用经费 30201: 100.00\n"),
                     "上海9表", "T1");
  EXPECT_TRUE(rows_with(t, "结转").empty());
  EXPECT_TRUE(rows_with(t, "财政专户管理资金").empty());
  EXPECT_EQ(t.size(), 9u);
  EXPECT_EQ(t.back(), "收入总计,100.00,支出总计,100.00,,100.00,");
}

TEST(balances, shanghai_t1_prints_income_its_layout_has_no_line_for) {
  const auto t = csv(budget_of("年度 2025\n金额单位 元\n收入 一般公共预算 100.00\n收入 上级补助收入 7.00\n"
                               "208 01 09 基本支出 公用经费 30201: 107.00\n"),
                     "上海9表", "T1");
  EXPECT_EQ(rows_starting(t, "上级补助收入"), (std::vector<std::string>{"上级补助收入,7.00,,,,,"}));
  EXPECT_TRUE(rows_starting(t, "附属单位上缴收入").empty());
  EXPECT_EQ(t.back(), "收入总计,107.00,支出总计,107.00,,107.00,");
}

TEST(balances, shanghai_t4_counts_the_fiscal_part_of_each_balance) {
  const auto t = csv(budget_of(by_fund), "上海9表", "T4");
  EXPECT_EQ(t, (std::vector<std::string>{
                   "财政拨款收入/项目,财政拨款收入/预算数,财政拨款支出/项目,财政拨款支出/合计,财政拨款支出/一般公共预算,"
                   "财政拨款支出/政府性基金预算,财政拨款支出/国有资本经营预算",
                   "一、一般公共预算资金,100.00,一、社会保障和就业支出,105.00,105.00,,",
                   "二、政府性基金,,年终结转结余,5.00,5.00,,",
                   "三、国有资本经营预算,,,,,,",
                   "上年结转,10.00,,,,,",
                   "收入总计,110.00,支出总计,110.00,110.00,,"}));
}

TEST(balances, a_balance_in_total_only_where_a_table_shows_its_parts_is_w0808) {
  const auto d = template_checks(budget_of(in_total));
  ASSERT_EQ(with_code(d, "W0808").size(), 2u) << dump(d);
  EXPECT_EQ(d.error_count(), 0u);
  const auto& opening = *with_code(d, "W0808")[0];
  EXPECT_EQ(opening.message,
            "上年结转结余 is stated in total only, but table 02 单位收入预算表 of template 洛阳13表 shows its parts by "
            "fund source");
  EXPECT_EQ(where(opening), "6:4");
  const auto& closing = *with_code(d, "W0808")[1];
  EXPECT_EQ(closing.message,
            "年终结转结余 is stated in total only, but table 04 财政拨款收支预算表 of template 洛阳13表 shows its parts "
            "by fund source");
  EXPECT_EQ(where(closing), "7:1");
  EXPECT_TRUE(note_has(closing, "`年终结转结余 AMOUNT 其中 一般公共预算 AMOUNT")) << dump(d);
  // in the 上海 templates it is T4 (T1 shows the whole balances)
  const auto sh = template_checks(budget_of("模板 上海9表\n" + in_total));
  ASSERT_EQ(with_code(sh, "W0808").size(), 2u) << dump(sh);
  EXPECT_TRUE(has(with_code(sh, "W0808")[1]->message, "table T4 财政拨款收支预算总表 of template 上海9表")) << dump(sh);
}

TEST(balances, balances_by_fund_or_of_zero_get_no_w0808) {
  EXPECT_TRUE(with_code(template_checks(budget_of(by_fund)), "W0808").empty());
  const auto zero = template_checks(budget_of("金额单位 元\n收入 一般公共预算 100.00\n收入 上年结转结余 0.00\n"
                                              "年终结转结余 0.00\n208 01 09 基本支出 30201: 100.00\n"));
  EXPECT_TRUE(with_code(zero, "W0808").empty()) << dump(zero);
}

TEST(balances, a_template_that_shows_no_part_gets_no_w0808) {
  yusuan::diagnostics rd;
  const auto t = tb::read_template("模板 x\n表 A 甲 {\n  列 \"k\"\n  列 \"a\" = 年终结转结余\n  行 \"x\"\n}\n", "x.template",
                                   rd);
  ASSERT_TRUE(t) << dump(rd);
  yusuan::diagnostics d;
  tb::check_notes(budget_of(in_total), *t, d);
  EXPECT_TRUE(with_code(d, "W0808").empty()) << dump(d);
  // a measure of the template that names a part counts
  const auto via = tb::read_template("模板 x\n口径 结余 = 年终结转结余.一般公共预算\n表 A 甲 {\n  列 \"k\"\n  列 \"a\" = 结余\n"
                                     "  行 \"x\"\n}\n",
                                     "x.template", rd);
  ASSERT_TRUE(via) << dump(rd);
  yusuan::diagnostics d2;
  tb::check_notes(budget_of(in_total), *via, d2);
  ASSERT_EQ(with_code(d2, "W0808").size(), 1u) << dump(d2);
  EXPECT_TRUE(has(with_code(d2, "W0808")[0]->message, "年终结转结余 is stated in total only, but table A 甲"));
}

TEST(balances, rows_omitted_when_zero_and_where_the_option_does_not_belong) {
  const std::string head = "模板 x\n表 A 甲 {\n  列 \"k\"\n  列 \"a\" = 空\n";
  yusuan::diagnostics rd;
  const auto t = tb::read_template(head +
                                       "  行 \"有\" = 年终结转结余 零则不列\n"
                                       "  行 \"无\" = 年终结转结余.政府性基金 零则不列\n"
                                       "  行 \"零\" = 上年结转结余 omit-zero\n"
                                       "  行 \"留\" = 上年结转结余\n}\n",
                                   "x.template", rd);
  ASSERT_TRUE(t) << dump(rd);
  tb::options o;
  o.templ = &*t;
  const auto b = budget_of("金额单位 元\n收入 一般公共预算 10.00\n收入 上年结转结余 0.00\n年终结转结余 10.00\n"
                           "208 01 09 基本支出 30201: 0.00\n");
  EXPECT_EQ(lines_of(tb::to_string(tb::build(b, "A", o), "csv")), (std::vector<std::string>{"k,a", "有,10.00", "留,0.00"}));

  yusuan::diagnostics d;
  EXPECT_FALSE(tb::read_template(head + "  列 \"b\" = 合计 零则不列\n  行 \"x\"\n}\n", "x.template", d));
  ASSERT_EQ(with_code(d, "E0805").size(), 1u) << dump(d);
  EXPECT_EQ(with_code(d, "E0805")[0]->message, "零则不列 is an option of a row");
  EXPECT_EQ(where(*with_code(d, "E0805")[0]), "5:14");
  yusuan::diagnostics g;
  EXPECT_FALSE(tb::read_template(head + "  按 功能.类 行 功能.类 零则不列\n}\n", "x.template", g));
  ASSERT_EQ(with_code(g, "E0805").size(), 1u) << dump(g);
  EXPECT_EQ(with_code(g, "E0805")[0]->message, "零则不列 is an option of a 行 or 合计 row");
}

TEST(balances, a_row_after_a_group_with_its_own_row_is_a_row_of_its_own) {
  // 按 … 行 … takes one row of its own; a 行 on the next line is the next row
  yusuan::diagnostics rd;
  const auto t = tb::read_template("模板 x\n表 A 甲 {\n  列 \"k\"\n  列 \"a\" = 合计\n  按 功能.类 行 功能.类\n"
                                   "  行 \"结余\" = 年终结转结余\n}\n",
                                   "x.template", rd);
  ASSERT_TRUE(t) << dump(rd);
  tb::options o;
  o.templ = &*t;
  const auto b = budget_of("金额单位 元\n收入 一般公共预算 12.00\n年终结转结余 2.00\n208 01 09 基本支出 30201: 10.00\n");
  EXPECT_EQ(lines_of(tb::to_string(tb::build(b, "A", o), "csv")),
            (std::vector<std::string>{"k,a", "208,10.00", "结余,2.00"}));
}

TEST(balances, the_budgets_checks_name_the_fiscal_part_of_each_balance) {
  const auto r = compile(by_fund +
                         "核对 财政拨款上年结转 = 10.00\n"
                         "核对 财政拨款年终结转 = 5.00\n"
                         "核对 年终结转结余.事业收入 = 10.00\n"
                         "核对 fiscal-year-end-balance = 5.00\n");
  EXPECT_TRUE(r.ok()) << dump(r);
  const auto wrong = compile(by_fund + "核对 财政拨款年终结转 = 15.00\n");
  EXPECT_EQ(with_code(wrong, "E0501").size(), 1u) << dump(wrong);
}
