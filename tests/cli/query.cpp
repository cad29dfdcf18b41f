// yusuan query: thousands separators as the budget writes its amounts,
// unknown names as errors, values matching nothing as warnings.
#include "support/test_support.hpp"

using namespace yusuan_test;

namespace {
const std::string putuo = "budgets/putuo-commerce-commission-2025.budget";
}

TEST(query_cli, thousands_separators_follow_the_budget) {
  // the Putuo budget writes 16,671,057.00: its text output does too
  const auto grouped = run_cli("query " + putuo + " 'sum where econ.类 = 301'");
  EXPECT_EQ(grouped.exit, 0) << grouped.err;
  EXPECT_NE(grouped.out.find("16,671,057.00"), std::string::npos) << grouped.out;
  const auto plain = run_cli("query " + putuo + " 'sum where econ.类 = 301' --no-thousands");
  EXPECT_NE(plain.out.find("16671057.00"), std::string::npos) << plain.out;
  // csv and json never group digits
  for (const char* f : {"csv", "json"}) {
    const auto r = run_cli("query " + putuo + " 'sum where econ.类 = 301' --thousands --format " + f);
    EXPECT_EQ(r.exit, 0) << r.err;
    EXPECT_EQ(r.out.find("16,671,057"), std::string::npos) << f << r.out;
    EXPECT_NE(r.out.find("16671057.00"), std::string::npos) << f << r.out;
  }
  // the reference budget writes 1655.36: plain unless asked
  const std::string ref = reference_path;
  EXPECT_NE(run_cli("query " + ref + " 'sum where econ.类 = 303'").out.find("1306.53"), std::string::npos);
  EXPECT_NE(run_cli("query " + ref + " 'sum where econ.类 = 303' --thousands").out.find("1,306.53"), std::string::npos);
}

TEST(query_cli, an_unknown_name_exits_1_and_a_value_matching_nothing_warns) {
  const std::string ref = reference_path;
  const auto typo = run_cli("query --color never " + ref + " 'sum where kidn = 基本支出'");
  EXPECT_EQ(typo.exit, 1);
  EXPECT_TRUE(typo.out.empty()) << typo.out;
  EXPECT_NE(typo.err.find("error[E0305]: unknown dimension or tag key 'kidn'"), std::string::npos) << typo.err;
  EXPECT_NE(typo.err.find("did you mean 'kind'?"), std::string::npos) << typo.err;
  const auto nothing = run_cli("query --color never " + ref + " 'sum where econ = 30999' --format json");
  EXPECT_EQ(nothing.exit, 0) << nothing.err;
  EXPECT_NE(nothing.err.find("warning[W0306]"), std::string::npos) << nothing.err;
  EXPECT_EQ(nothing.out.front(), '[') << "the JSON result stays whole on standard output: " << nothing.out;
  EXPECT_EQ(nothing.out.find("W0306"), std::string::npos) << nothing.out;
}

namespace {
// A line of 201 03 01 last year that fell to zero this year.
const char* const this_year =
    "年度 2025\n金额单位 万元\n单位 801001 \"测试单位\" 类型 事业\n"
    "收入 一般公共预算 10.00 其中 财政拨款 10.00\n"
    "基本支出 {\n  人员经费 {\n    208 01 09 {\n      30101 基本工资 → 50501: 10.00\n    }\n  }\n}\n";
const char* const last_year =
    "年度 2024\n金额单位 万元\n单位 801001 \"测试单位\" 类型 事业\n"
    "收入 一般公共预算 15.00 其中 财政拨款 15.00\n"
    "基本支出 {\n  人员经费 {\n    208 01 09 {\n      30101 基本工资 → 50501: 10.00\n    }\n"
    "    201 03 01 {\n      30101 基本工资 → 50501: 5.00\n    }\n  }\n}\n";
}  // namespace

TEST(query_cli, prior_shows_the_groups_of_either_year) {
  temp_dir dir;
  const std::string cur = quote(dir.write("cur.budget", this_year).string());
  const std::string pri = quote(dir.write("prior.budget", last_year).string());
  // 201 fell to zero: 合计 0.00, its 上年, -100 %; the 上年 column adds up to
  // the ungrouped 15.00
  auto r = run_cli("query " + cur + " 'sum by function.类' --prior " + pri);
  EXPECT_EQ(r.exit, 0) << r.err;
  // the codes' names are the catalog's, the budgets naming none
  EXPECT_EQ(r.out,
            "功能.类  功能.类.名称         合计   上年   增减  增幅(%)\n"
            "---------------------------------------------------------\n"
            "201      一般公共服务支出     0.00   5.00  -5.00  -100.00\n"
            "208      社会保障和就业支出  10.00  10.00   0.00     0.00\n");
  r = run_cli("query " + cur + " 'sum' --prior " + pri);
  EXPECT_EQ(r.out,
            " 合计   上年   增减  增幅(%)\n"
            "----------------------------\n"
            "10.00  15.00  -5.00   -33.33\n");
  // new this year: 上年 0.00, the whole as 增减, no 增幅 from a base of 0
  r = run_cli("query " + pri + " 'sum by function.类' --prior " + cur + " --format csv");
  EXPECT_EQ(r.out, "功能.类,功能.类.名称,合计,上年,增减,增幅(%)\n201,一般公共服务支出,5.00,0.00,5.00,\n"
                   "208,社会保障和就业支出,10.00,10.00,0.00,0.00\n");
  // ungrouped: nothing this year but something last year, and nothing in either
  r = run_cli("query " + cur + " 'sum where function = 201' --prior " + pri + " --format csv");
  EXPECT_EQ(r.out, "合计,上年,增减,增幅(%)\n0.00,5.00,-5.00,-100.00\n");
  r = run_cli("query " + cur + " 'sum share where function = 210' --prior " + pri + " --format csv");
  EXPECT_EQ(r.out, "合计,占比(%),上年,增减,增幅(%)\n0.00,,0.00,0.00,\n");
  r = run_cli("query " + cur + " 'count where function = 210' --prior " + pri + " --format csv");
  EXPECT_EQ(r.out, "计数,上年,增减,增幅(%)\n0,0,0,\n");
}

TEST(query_cli, prior_reads_last_years_budget_whose_constraints_fail) {
  // a published budget may disagree with itself: its items are compared, and
  // how many of its 核对 fail is said (it refused to run); any other error refuses
  temp_dir dir;
  const std::string cur = quote(dir.write("cur.budget", this_year).string());
  const std::string pri = quote(dir.write("prior.budget", std::string(last_year) + "核对 支出合计 = 99.00\n").string());
  auto r = run_cli("query " + cur + " 'sum' --prior " + pri);
  EXPECT_EQ(r.exit, 0) << r.err;
  EXPECT_EQ(r.out,
            " 合计   上年   增减  增幅(%)\n"
            "----------------------------\n"
            "10.00  15.00  -5.00   -33.33\n");
  EXPECT_HAS(r.err, "prior.budget: note: 1 constraint (核对) of last year's budget fails; its items are compared as they are");
  const std::string bad = quote(dir.write("bad.budget", std::string(last_year) + "208 01 09 30101: x\n").string());
  r = run_cli("query " + cur + " 'sum' --prior " + bad);
  EXPECT_EQ(r.exit, 1) << r.err;
  EXPECT_HAS(r.err, "error[E0101]");
  // this year's budget is checked as ever: its failed 核对 refuse the query
  const std::string failing = quote(dir.write("failing.budget", std::string(this_year) + "核对 支出合计 = 99.00\n").string());
  EXPECT_EQ(run_cli("query " + failing + " 'sum' --prior " + pri).exit, 1);
}

TEST(query_cli, a_clause_given_twice_or_a_share_of_no_total_is_an_error) {
  const std::string ref = reference_path;
  auto r = run_cli("query --color never " + ref + " 'sum pivot kind pivot econ'");
  EXPECT_EQ(r.exit, 1);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_EQ(r.err,
            "error[E0505]: pivot given twice: a query has one pivot\n"
            "  --> <query>:1:16\n"
            "  |\n"
            "1 | sum pivot kind pivot econ\n"
            "  |                ^^^^^^^^^^ the second\n\n");
  r = run_cli("query --color never " + ref + " 'max by kind share'");
  EXPECT_EQ(r.exit, 1);
  EXPECT_EQ(r.err,
            "error[E0505]: share needs sum or count: the least or greatest amount is no part of a total\n"
            "  --> <query>:1:13\n"
            "  |\n"
            "1 | max by kind share\n"
            "  |             ^^^^^\n\n");
  // a count's share is of the total count
  r = run_cli("query " + ref + " 'count by kind.类 share' --format csv");
  EXPECT_EQ(r.exit, 0) << r.err;
  EXPECT_EQ(r.out, "类型.类,计数,占比(%)\n基本支出,23,54.76\n项目支出,19,45.24\n");
}

// An amount that is not zero but rounds to 0.00 in the unit asked for (30 元
// in 万元, 300,000 元 in 亿元) is counted in a note on standard error, so
// that a CSV or JSON result stays whole; amounts that show are not.
TEST(query_cli, amounts_that_show_as_zero_in_the_unit_asked_for_are_noted) {
  temp_dir t;
  t.write("z.budget", "金额单位 元\n208 01 09 基本支出 30101: 30.00\n208 01 09 基本支出 30102: 300000.00\n");
  const auto wan = run_cli_in(t.path(), "query z.budget 'sum by econ' --unit 万元");
  EXPECT_EQ(wan.exit, 0) << wan.err;
  EXPECT_HAS(wan.out, "30101  基本工资    0.00\n");
  EXPECT_EQ(wan.err, "note: 1 amount that is not zero shows as 0.00 in 万元 (rounded to 2 decimals): --unit 元 shows it\n");
  const auto yi = run_cli_in(t.path(), "query z.budget 'sum by econ' --unit 亿元 --format csv");
  EXPECT_EQ(yi.out, "经济,经济.名称,合计\n30101,基本工资,0.00\n30102,津贴补贴,0.00\n");
  EXPECT_EQ(yi.err,
            "note: 2 amounts that are not zero show as 0.00 in 亿元 (rounded to 2 decimals): --unit 元 shows them\n");
  // in 元 every amount shows; a zero amount is no news
  EXPECT_EQ(run_cli_in(t.path(), "query z.budget 'sum by econ' --unit 元").err, "");
  EXPECT_EQ(run_cli_in(t.path(), "query z.budget 'sum where econ = 30103' --unit 亿元").err.find("note:"),
            std::string::npos);
}

TEST(query_cli, rollup_marks_its_subtotals) {
  // an item coded only to its 类 has the code of the 类's subtotal: the 小计
  // column tells them apart, in every format; present for every rollup query
  temp_dir dir;
  const auto b = dir.write("levels.budget", "金额单位 万元\n208 01 09 30101: 10.00\n208 30201: 2.00\n");
  const auto csv = run_cli("query " + b.string() + " 'sum by function.项 rollup' --format csv");
  EXPECT_EQ(csv.exit, 0) << csv.err;
  EXPECT_EQ(csv.out, "功能.项,功能.项.名称,小计,合计\n208,社会保障和就业支出,小计,12.00\n208,社会保障和就业支出,,2.00\n"
                     "208 01,人力资源和社会保障管理事务,小计,10.00\n208 01 09,社会保险经办机构,,10.00\n");
  const auto json = run_cli("query " + b.string() + " 'sum by function.项 rollup' --format json");
  EXPECT_TRUE(has(json.out, "{\"功能.项\":\"208\",\"功能.项.名称\":\"社会保障和就业支出\",\"小计\":true,\"合计\":12.00},\n"
                            "  {\"功能.项\":\"208\",\"功能.项.名称\":\"社会保障和就业支出\",\"小计\":false,\"合计\":2.00}"))
      << json.out;
  const auto text = run_cli("query " + b.string() + " 'sum by function.类 rollup'");
  EXPECT_TRUE(has(text.out, "功能.类  功能.类.名称        小计   合计")) << text.out;
  // no rollup, no column
  EXPECT_EQ(run_cli("query " + b.string() + " 'sum by function.类' --format csv").out,
            "功能.类,功能.类.名称,合计\n208,社会保障和就业支出,12.00\n");
}
