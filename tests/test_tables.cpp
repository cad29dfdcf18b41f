// Tests of <yusuan/tables.hpp>: the disclosure tables 预算01表 … 预算13表 of
// the reference budget against the hand transcriptions tests/golden/NN.csv,
// their consistency on tests/data/small.budget and on a department budget of
// two units, and the text, Markdown and JSON layouts.  `yusuan table`:
// tests/cli/table.cpp.
#include "support/test_support.hpp"

#include <yusuan/catalog.hpp>
#include <yusuan/tables.hpp>

#include <algorithm>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using namespace yusuan_test;

namespace {

namespace tb = yusuan::tables;

/// tests/data/department.budget: a department budget of two units.
const yusuan::budget& multi() {
  static const yusuan::budget b = [] {
    auto r = compile_path("tests/data/department.budget");
    if (!r) {
      ADD_FAILURE() << dump(r);
      return yusuan::budget{};
    }
    return *r.value;
  }();
  return b;
}

/// A line diff: the lines that differ, with their numbers.
std::string line_diff(const std::string& expected, const std::string& actual) {
  const auto e = lines_of(expected), a = lines_of(actual);
  std::ostringstream os;
  for (std::size_t i = 0; i < std::max(e.size(), a.size()); ++i) {
    const std::string* x = i < e.size() ? &e[i] : nullptr;
    const std::string* y = i < a.size() ? &a[i] : nullptr;
    if (x && y && *x == *y) continue;
    os << "line " << i + 1 << ":\n";
    if (x) os << "  - " << *x << "\n";
    if (y) os << "  + " << *y << "\n";
  }
  if (!expected.empty() && expected.back() != '\n') os << "(expected has no final newline)\n";
  if (!actual.empty() && actual.back() != '\n') os << "(actual has no final newline)\n";
  return os.str();
}

std::string csv(const tb::table& t) { return tb::to_string(t, "csv"); }

/// The amount in a cell, blank as zero.
money amount(const tb::table& t, const tb::row& r, std::string_view header) {
  const auto i = t.column_index(header);
  EXPECT_NE(i, static_cast<std::size_t>(-1)) << header;
  if (i >= r.cells.size() || !r.cells[i].amount) return money{};
  return *r.cells[i].amount;
}

// ---------------------------------------------------------------------------
// The reference budget against the golden transcriptions
// ---------------------------------------------------------------------------

class golden : public ::testing::TestWithParam<std::string> {};

TEST_P(golden, csv_equals_the_transcription) {
  const std::string id = GetParam();
  const fs::path file = fs::path("tests/golden") / (id + ".csv");
  ASSERT_TRUE(fs::is_regular_file(file)) << file;
  const std::string expected = read_all(file);
  const std::string actual = csv(tb::build(reference_budget(), id));
  EXPECT_EQ(actual, expected) << "预算" << id << "表 differs from " << file.string() << ":\n"
                              << line_diff(expected, actual);
}

INSTANTIATE_TEST_SUITE_P(tables, golden,
                         ::testing::Values("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12",
                                           "13"),
                         [](const auto& info) { return "t" + info.param; });

// The Putuo budget (模板 上海9表 in its header) against tests/golden/putuo/N.csv,
// transcribed from the published document independently of the budget file.
const yusuan::budget& putuo() {
  static const yusuan::budget b = yusuan::compile_file("budgets/putuo-commerce-commission-2025.budget");
  return b;
}

class putuo_golden : public ::testing::TestWithParam<std::string> {};

TEST_P(putuo_golden, csv_equals_the_transcription) {
  const std::string n = GetParam();
  const fs::path file = fs::path("tests/golden/putuo") / (n + ".csv");
  ASSERT_TRUE(fs::is_regular_file(file)) << file;
  const std::string expected = read_all(file);
  const std::string actual = csv(tb::build(putuo(), "T" + n));  // the budget's own template
  EXPECT_EQ(actual, expected) << "表" << n << " differs from " << file.string() << ":\n"
                              << line_diff(expected, actual);
}

INSTANTIATE_TEST_SUITE_P(putuo, putuo_golden, ::testing::Values("1", "2", "3", "4", "5", "6", "7", "8", "9"),
                         [](const auto& info) { return "t" + info.param; });

TEST(tables, putuo_names_its_template) {
  EXPECT_EQ(putuo().header().template_name, "上海9表");
  EXPECT_EQ(tb::template_of(putuo())->name, "上海9表");
  const auto all = tb::build_all(putuo());
  ASSERT_EQ(all.size(), 9u);
  EXPECT_EQ(all[8].title, "2025年单位“三公”经费和机关运行经费预算表");
  EXPECT_EQ(all[8].unit_line(), "编制单位：上海市普陀区商务委员会 单位：万元");
  EXPECT_EQ(all[0].unit_line(), "编制单位：上海市普陀区商务委员会 单位：元");
}

TEST(tables, metadata_of_the_reference) {
  const auto t = tb::build(reference_budget(), "03");
  EXPECT_EQ(t.id, "03");
  EXPECT_EQ(t.label, "预算03表");
  EXPECT_EQ(t.title, "2024年单位支出预算表");
  EXPECT_EQ(t.unit_line(), "单位名称：洛阳市社会保险中心 单位：万元");
  EXPECT_EQ(tb::build(reference_budget(), "11").title, "行政（事业）单位机构运转经费预算表");
  EXPECT_EQ(tb::build(reference_budget(), "13").title, "2024年度市级单位预算项目绩效目标表");
  EXPECT_EQ(tb::build(reference_budget(), "08").title, "2024年一般公共预算“三公”经费预算表");
}

TEST(tables, empty_tables_print_the_budgets_note) {
  const auto t = tb::build(reference_budget(), "09");
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].role, tb::row_role::total);
  EXPECT_EQ(t.rows[1].role, tb::row_role::note);
  EXPECT_EQ(t.rows[1].cells[0].text, "备注：洛阳市社保局2024年无政府性基金预算拨款安排的支出，故此表无数。");
}

TEST(tables, empty_table_without_a_note_gets_a_default_sentence) {
  // small.budget has no 表注.
  const auto t9 = tb::build(small_budget(), "09"), t10 = tb::build(small_budget(), "10");
  ASSERT_EQ(t9.rows.size(), 2u);
  EXPECT_EQ(t9.rows[1].cells[0].text, "备注：洛阳市社会保险中心2024年无政府性基金预算拨款安排的支出，故此表无数。");
  ASSERT_EQ(t10.rows.size(), 2u);
  EXPECT_EQ(t10.rows[1].cells[0].text, "备注：洛阳市社会保险中心2024年无国有资本经营预算拨款安排的支出，故此表无数。");
}

TEST(tables, class_rows_are_the_templates) {
  // 01 and 04 print every functional 类 of their template, with figures for
  // the budget's classes only; 04 prints 210 twice (its old name, blank).
  const auto t01 = tb::build(reference_budget(), "01");
  ASSERT_EQ(t01.rows.size(), 33u);
  EXPECT_EQ(t01.rows.front().cells[2].text, "一、一般公共服务");
  EXPECT_EQ(t01.rows[29].cells[2].text, "三十四、抗疫特别国债安排的支出");
  EXPECT_EQ(t01.text(t01.rows[4], 3), "3.35");
  EXPECT_EQ(t01.text(t01.rows[0], 3), "");
  const auto t04 = tb::build(reference_budget(), "04");
  std::size_t tenth = 0;
  for (const auto& r : t04.rows)
    if (r.cells[2].text == "（九）医疗卫生与计划生育支出" || r.cells[2].text == "（十）卫生健康支出") ++tenth;
  EXPECT_EQ(tenth, 2u);
  EXPECT_EQ(t04.rows[9].cells[2].text, "（九）医疗卫生与计划生育支出");
  EXPECT_EQ(t04.text(t04.rows[9], 3), "");
  EXPECT_EQ(t04.text(t04.rows[10], 3), "131.48");
}

TEST(tables, ids) {
  EXPECT_EQ(tb::parse_id("03"), "03");
  EXPECT_EQ(tb::parse_id("3"), "03");
  EXPECT_EQ(tb::parse_id("13"), "13");
  EXPECT_EQ(tb::parse_id("预算06表"), "06");
  EXPECT_EQ(tb::parse_id("T6"), "06");
  EXPECT_EQ(tb::parse_id("单位支出"), "03");  // a prefix one table has
  EXPECT_EQ(tb::parse_id("单位支出预算表"), "03");
  EXPECT_EQ(tb::parse_id("2024年单位支出预算表"), "03");
  EXPECT_EQ(tb::parse_id("2024年度市级单位预算项目绩效目标表"), "13");
  EXPECT_EQ(tb::parse_id("行政（事业）单位机构运转经费预算表"), "11");
  EXPECT_EQ(tb::parse_id("一般公共预算“三公”经费预算表"), "08");
  for (const char* bad : {"", "0", "00", "14", "预算14表", "预算表", "x", "2024", "2024年", "单位", "T14"})
    EXPECT_FALSE(tb::parse_id(bad).has_value()) << bad;
  // An unknown id: a yusuan::error with errc::unknown_table, or the same code
  // without throwing.
  try {
    (void)tb::build(reference_budget(), "14");
    ADD_FAILURE() << "build(b, \"14\") did not throw";
  } catch (const yusuan::error& e) {
    EXPECT_EQ(e.code(), yusuan::errc::unknown_table);
    EXPECT_EQ(e.diagnostic_code(), "E0801");
    EXPECT_NE(std::string(e.what()).find("unknown table '14'"), std::string::npos) << e.what();
  }
  std::error_code ec;
  EXPECT_TRUE(tb::build(reference_budget(), "14", ec).rows.empty());
  EXPECT_EQ(ec, yusuan::errc::unknown_table);
  const tb::table t03 = tb::build(reference_budget(), "预算03表", ec);
  EXPECT_FALSE(ec);
  EXPECT_EQ(t03.id, "03");
  EXPECT_EQ(tb::to_string(t03, "csv"), tb::to_string(tb::build(reference_budget(), "03"), "csv"));
  EXPECT_EQ(tb::table_ids().size(), 13u);
}

TEST(tables, unit_option) {
  tb::options o;
  o.amount_unit = yusuan::unit::yuan;
  const auto t = tb::build(reference_budget(), "03", o);
  EXPECT_EQ(t.unit_line(), "单位名称：洛阳市社会保险中心 单位：元");
  EXPECT_EQ(t.text(t.rows[0], 5), "383814600.00");
  const auto t13 = tb::build(reference_budget(), "13", o);
  EXPECT_EQ(t13.columns[2].header(), "项目金额（元）/资金总额");
  EXPECT_EQ(tb::build(reference_budget(), "13").columns[2].header(), "项目金额（万元）/资金总额");
}

// ---------------------------------------------------------------------------
// Every table of small.budget, and consistent totals
// ---------------------------------------------------------------------------

TEST(tables, every_table_renders_for_the_small_budget) {
  for (const auto& id : tb::table_ids()) {
    SCOPED_TRACE(id);
    tb::table t;
    ASSERT_NO_THROW(t = tb::build(small_budget(), id));
    EXPECT_FALSE(t.rows.empty());
    for (const auto& r : t.rows) EXPECT_EQ(r.cells.size(), t.columns.size());
    for (const char* f : {"text", "csv", "md", "json"}) {
      std::string s;
      ASSERT_NO_THROW(s = tb::to_string(t, f)) << f;
      EXPECT_FALSE(s.empty()) << f;
    }
    const auto c = lines_of(csv(t));
    EXPECT_EQ(c.size(), t.rows.size() + 1);
  }
}

/// 预算03表-shaped checks: per row 合计 = 基本 + 项目, 基本 = Σ four, 项目 = Σ two;
/// per column Σ of the 项 rows = 合计 row = Σ unit rows.
void check_expenditure_table(const tb::table& t) {
  SCOPED_TRACE(t.label);
  const std::vector<std::string> values{"合计",
                                        "基本支出/小计",
                                        "基本支出/人员经费/工资福利支出",
                                        "基本支出/人员经费/对个人和家庭的补助",
                                        "基本支出/公用经费/商品和服务支出",
                                        "基本支出/公用经费/资本性支出",
                                        "项目支出/小计",
                                        "项目支出/其他运转类",
                                        "项目支出/特定目标类"};
  std::map<std::string, money> lines, units;
  const tb::row* total = nullptr;
  for (const auto& r : t.rows) {
    if (r.role == tb::row_role::note) continue;
    EXPECT_EQ(amount(t, r, "合计"), amount(t, r, "基本支出/小计") + amount(t, r, "项目支出/小计"));
    EXPECT_EQ(amount(t, r, "基本支出/小计"),
              amount(t, r, values[2]) + amount(t, r, values[3]) + amount(t, r, values[4]) + amount(t, r, values[5]));
    EXPECT_EQ(amount(t, r, "项目支出/小计"), amount(t, r, values[7]) + amount(t, r, values[8]));
    for (const auto& v : values) {
      if (r.role == tb::row_role::line) lines[v] = lines[v] + amount(t, r, v);
      if (r.role == tb::row_role::unit) units[v] = units[v] + amount(t, r, v);
    }
    if (r.role == tb::row_role::total) total = &r;
  }
  ASSERT_NE(total, nullptr);
  for (const auto& v : values) {
    EXPECT_EQ(lines[v], amount(t, *total, v)) << v;
    EXPECT_EQ(units[v], amount(t, *total, v)) << v;
  }
}

TEST(tables, totals_are_consistent) {
  for (const auto* b : {&small_budget(), &reference_budget(), &multi()}) {
    SCOPED_TRACE(b->header().title);
    const money spending = b->expenditure_total();
    for (const char* id : {"03", "05", "09", "10"}) check_expenditure_table(tb::build(*b, id));
    EXPECT_EQ(amount(tb::build(*b, "03"), tb::build(*b, "03").rows[0], "合计"), spending);

    // 01: 收入总计 = 支出总计 = Σ of the class rows (+ balance).
    const auto t01 = tb::build(*b, "01");
    money classes;
    for (const auto& r : t01.rows)
      if (r.role == tb::row_role::line) classes = classes + amount(t01, r, "支出金额");
    EXPECT_EQ(classes, spending);
    const auto& last = t01.rows.back();
    EXPECT_EQ(amount(t01, last, "收入金额"), b->income_grand_total());
    EXPECT_EQ(amount(t01, last, "支出金额"), b->expenditure_grand_total());

    // 06: 合计 = 人员经费 + 公用经费 on every row; Σ lines = 合计 row.
    const auto t06 = tb::build(*b, "06");
    money lines06;
    for (const auto& r : t06.rows) {
      EXPECT_EQ(amount(t06, r, "本年一般公共预算基本支出/合计"),
                amount(t06, r, "本年一般公共预算基本支出/人员经费") + amount(t06, r, "本年一般公共预算基本支出/公用经费"));
      if (r.role == tb::row_role::line) lines06 = lines06 + amount(t06, r, "本年一般公共预算基本支出/合计");
    }
    EXPECT_EQ(lines06, amount(t06, t06.rows[0], "本年一般公共预算基本支出/合计"));
    // 06 basic = 03 basic.
    EXPECT_EQ(lines06, amount(tb::build(*b, "03"), tb::build(*b, "03").rows[0], "基本支出/小计"));

    // 07: Σ pairs = 合计 = 支出合计.
    const auto t07 = tb::build(*b, "07");
    money lines07;
    for (const auto& r : t07.rows)
      if (r.role == tb::row_role::line) lines07 = lines07 + amount(t07, r, "总计");
    EXPECT_EQ(lines07, spending);
    EXPECT_EQ(amount(t07, t07.rows[0], "总计"), spending);

    // 08: 合计 = 出国 + 车 + 接待; 车 = 购置 + 运行; agrees with the 三公经费 measure.
    const auto t08 = tb::build(*b, "08");
    const auto& r08 = t08.rows[0];
    EXPECT_EQ(amount(t08, r08, "“三公”经费合计"), amount(t08, r08, "因公出国（境）费") +
                                                    amount(t08, r08, "公务用车购置及运行费/小计") +
                                                    amount(t08, r08, "公务接待费"));
    EXPECT_EQ(amount(t08, r08, "公务用车购置及运行费/小计"),
              amount(t08, r08, "公务用车购置及运行费/公务用车购置费") + amount(t08, r08, "公务用车购置及运行费/公务用车运行费"));
    // small.budget defines the measure 三公经费, the reference imports it; the department budget has none.
    const auto* sangong = b->find_measure("三公经费");
    EXPECT_EQ(sangong != nullptr, b != &multi());
    if (sangong != nullptr) {
      EXPECT_EQ(amount(t08, r08, "“三公”经费合计"), sangong->value);
    }

    // 11: Σ lines = 合计 = 机构运转经费.
    const auto t11 = tb::build(*b, "11");
    money lines11;
    for (const auto& r : t11.rows)
      if (r.role == tb::row_role::line) lines11 = lines11 + amount(t11, r, "资金来源/合计");
    EXPECT_EQ(lines11, amount(t11, t11.rows[0], "资金来源/合计"));
    // Only the reference has the measure 机构运转经费 (imported).
    const auto* running = b->find_measure("机构运转经费");
    EXPECT_EQ(running != nullptr, b == &reference_budget());
    if (running != nullptr) {
      EXPECT_EQ(lines11, running->value);
    }

    // 12: Σ projects = the total row = Σ unit rows.
    const auto t12 = tb::build(*b, "12");
    money lines12;
    for (const auto& r : t12.rows)
      if (r.role == tb::row_role::line) lines12 = lines12 + amount(t12, r, "合计");
    money units12;
    for (const auto& r : t12.rows)
      if (r.role == tb::row_role::unit) units12 = units12 + amount(t12, r, "合计");
    EXPECT_EQ(lines12, b->project_total());
    EXPECT_EQ(amount(t12, t12.rows[0], "合计"), lines12);
    EXPECT_EQ(units12, lines12);

    // 13: Σ projects = Σ unit rows.
    const auto t13 = tb::build(*b, "13");
    money lines13, units13;
    for (const auto& r : t13.rows) {
      if (r.role == tb::row_role::line) lines13 = lines13 + amount(t13, r, "项目金额（万元）/资金总额");
      if (r.role == tb::row_role::unit) units13 = units13 + amount(t13, r, "项目金额（万元）/资金总额");
    }
    EXPECT_EQ(lines13, units13);
    EXPECT_EQ(lines13, b->project_total());
  }
}

TEST(tables, small_budget_figures) {
  // small.budget: basic 40 + 10 (301) and 2.20 + 7.00 + 10.80 (302); one project of 50.00.
  const auto t = tb::build(small_budget(), "03");
  ASSERT_EQ(t.rows.size(), 3u);  // 合计, unit, 208 01 09
  const auto& line = t.rows[2];
  EXPECT_EQ(t.text(line, 0), "208");
  EXPECT_EQ(t.text(line, 1), "01");
  EXPECT_EQ(t.text(line, 2), "09");
  EXPECT_EQ(t.text(line, 4), "社会保险经办机构");
  EXPECT_EQ(t.text(line, 5), "120.00");
  EXPECT_EQ(t.text(line, 6), "70.00");
  EXPECT_EQ(t.text(line, 7), "50.00");
  EXPECT_EQ(t.text(line, 8), "");  // no 303: blank, not 0.00
  EXPECT_EQ(t.text(line, 9), "20.00");
  EXPECT_EQ(t.text(line, 11), "50.00");
  EXPECT_EQ(t.text(line, 12), "50.00");
  EXPECT_EQ(t.text(line, 13), "");

  const auto t08 = tb::build(small_budget(), "08");
  EXPECT_EQ(csv(t08).substr(csv(t08).find('\n') + 1), "9.20,,7.00,,7.00,2.20\n");

  const auto t11 = tb::build(small_budget(), "11");
  // 合计, department, unit, 30217, 30231, 30299 ×2 (两个项目类别).
  ASSERT_EQ(t11.rows.size(), 7u);
  EXPECT_EQ(t11.text(t11.rows[5], 0), "30299");
  EXPECT_EQ(t11.text(t11.rows[5], 2), "公用经费综合定额");
  EXPECT_EQ(t11.text(t11.rows[6], 0), "");
  EXPECT_EQ(t11.text(t11.rows[6], 2), "离退休人员公用经费");

  const auto t13 = tb::build(small_budget(), "13");
  ASSERT_EQ(t13.rows.size(), 2u);
  EXPECT_EQ(t13.text(t13.rows[1], 0), "410300200000000033610");
  EXPECT_EQ(t13.text(t13.rows[1], 8), "社保政策宣传工作完成率");
  EXPECT_EQ(t13.text(t13.rows[1], 9), "≥95%");
  EXPECT_EQ(t13.text(t13.rows[1], 11), "按时足额发放");
}

std::vector<std::string> csv_lines(const tb::table& t) { return lines_of(csv(t)); }

TEST(tables, department_budget_of_two_units) {
  // The printed headers of 预算02表 and 预算12表 (as in tests/golden/02.csv and 12.csv).
  const std::string header02 =
      "单位代码,单位名称,总计,本年收入/合计,本年收入/一般公共预算/小计,本年收入/一般公共预算/其中：财政拨款,"
      "本年收入/政府性基金,本年收入/国有资本经营预算,本年收入/财政专户管理资金收入,本年收入/事业收入,"
      "本年收入/事业单位经营收入,本年收入/上级补助收入,本年收入/附属单位上缴收入,本年收入/其他收入,上年结转结余/合计,"
      "上年结转结余/一般公共预算,上年结转结余/政府性基金,上年结转结余/国有资本经营预算,上年结转结余/财政专户管理资金,"
      "上年结转结余/单位资金";
  const std::string header12 =
      "类型,项目名称,项目单位,合计,本年拨款/一般公共预算,本年拨款/政府性基金预算,本年拨款/国有资本经营预算,"
      "财政拨款结转结余/一般公共预算,财政拨款结转结余/政府性基金预算,财政拨款结转结余/国有资本经营预算,财政专户管理资金,"
      "单位资金";
  const auto& b = multi();
  ASSERT_EQ(b.units().size(), 2u);
  for (const auto& id : tb::table_ids()) EXPECT_NO_THROW(tb::build(b, id)) << id;

  EXPECT_EQ(csv_lines(tb::build(b, "02")),
            (std::vector<std::string>{
                header02,
                "合计,,150.00,140.00,115.00,100.00,20.00,,,5.00,,,,,10.00,10.00,,,,",
                "801001,测试局机关,90.00,80.00,60.00,60.00,20.00,,,,,,,,10.00,10.00,,,,",
                "801002,测试中心,60.00,60.00,55.00,40.00,,,,5.00,,,,,,,,,,"}));
  const auto t03 = csv_lines(tb::build(b, "03"));
  EXPECT_EQ(std::vector<std::string>(t03.begin() + 1, t03.end()),
            (std::vector<std::string>{"合计,,,,,150.00,125.00,60.00,40.00,25.00,,25.00,5.00,20.00",
                                      ",,,801001,测试局机关,90.00,70.00,60.00,,10.00,,20.00,,20.00",
                                      "201,01,01,,行政运行,70.00,70.00,60.00,,10.00,,,,",
                                      "212,01,01,,行政运行,20.00,,,,,,20.00,,20.00",
                                      ",,,801002,测试中心,60.00,55.00,,40.00,15.00,,5.00,5.00,",
                                      "205,08,03,,培训支出,5.00,,,,,,5.00,5.00,",
                                      "208,05,01,,行政单位离退休,55.00,55.00,,40.00,15.00,,,,"}));
  check_expenditure_table(tb::build(b, "03"));
  // 05 leaves out the 政府性基金 and 事业收入 money; 09 has it.
  EXPECT_EQ(csv_lines(tb::build(b, "05"))[1], "合计,,,,,125.00,125.00,60.00,40.00,25.00,,,,");
  EXPECT_EQ(csv_lines(tb::build(b, "09"))[1], "合计,,,,,20.00,,,,,,20.00,,20.00");
  EXPECT_EQ(tb::build(b, "09").rows.back().role, tb::row_role::line);  // not empty: no note

  // 04: 财政拨款 only, split by source; the carry-over from 一般公共预算.
  const auto t04 = csv_lines(tb::build(b, "04"));
  EXPECT_EQ(t04[1], "一、本年收入,135.00,一、本年支出,145.00,125.00,125.00,20.00,");
  EXPECT_EQ(t04[6], "二、上年结转,10.00,（五）教育支出,,,,,");
  EXPECT_EQ(t04[7], "（一）一般公共预算拨款,10.00,（六）科学技术支出,,,,,");
  EXPECT_EQ(t04[13], ",,（十二）城乡社区事务支出,20.00,,,20.00,");
  EXPECT_EQ(t04.back(), "收入合计,145.00,支出合计,145.00,125.00,125.00,20.00,");

  // 07: per unit, pairs in functional-code order, by source.
  const auto t07 = csv_lines(tb::build(b, "07"));
  EXPECT_EQ(t07[2], "801001,,测试局机关,,,,90.00,70.00,70.00,20.00,,,,,,,,");
  EXPECT_EQ(t07[5], "302,27,委托业务费,502,05,委托业务费,20.00,,,20.00,,,,,,,,");
  EXPECT_EQ(t07[7], "302,16,培训费,505,02,商品和服务支出,5.00,,,,,,,5.00,,,,");

  // 11: the department, then each unit with its lines.
  const auto t11 = tb::build(b, "11");
  ASSERT_EQ(t11.rows.size(), 6u);
  EXPECT_EQ(t11.text(t11.rows[1], 0), "801");
  EXPECT_EQ(t11.text(t11.rows[2], 0), "801001");
  EXPECT_EQ(t11.text(t11.rows[4], 0), "801002");
  EXPECT_EQ(t11.text(t11.rows[4], 3), "15.00");

  // 12 and 13: each unit with its projects; sources from the items.
  EXPECT_EQ(csv_lines(tb::build(b, "12")),
            (std::vector<std::string>{header12, ",,,25.00,,20.00,,,,,,5.00",
                                      "801001,测试局机关,,20.00,,20.00,,,,,,",
                                      "特定目标类,城建项目,测试局机关,20.00,,20.00,,,,,,",
                                      "801002,测试中心,,5.00,,,,,,,,5.00",
                                      "其他运转类,培训,测试中心,5.00,,,,,,,,5.00"}));
  const auto t13 = csv_lines(tb::build(b, "13"));
  ASSERT_EQ(t13.size(), 6u);
  EXPECT_EQ(t13[1], "801001,测试局机关,20.00,20.00,,,,,,,,,,");
  EXPECT_EQ(t13[2], "801001240001,城建项目,20.00,20.00,,,,,完成率,≥90%,,,群众满意度,≥95%");
  EXPECT_EQ(t13[3], ",,,,,,,,,,,,单位满意度,≥90%");
  EXPECT_EQ(t13[4], "801002,测试中心,5.00,,,5.00,,,,,,,,");
}

// ---------------------------------------------------------------------------
// Text layout
// ---------------------------------------------------------------------------

/// The lines of the table proper in text output: from the header to the last
/// row (after the label, the title and the unit line; before the notes).
std::vector<std::string> table_lines(const tb::table& t) {
  const auto all = lines_of(tb::to_string(t, "text"));
  std::vector<std::string> out;
  for (std::size_t i = 3; i < all.size() && !all[i].empty(); ++i) out.push_back(all[i]);
  return out;
}

TEST(tables, text_lines_have_one_display_width) {
  for (const auto* b : {&reference_budget(), &small_budget(), &multi()})
    for (const auto& id : tb::table_ids()) {
      const auto t = tb::build(*b, id);
      SCOPED_TRACE(t.label + " of " + b->header().title);
      const auto lines = table_lines(t);
      ASSERT_GE(lines.size(), t.rows.size() + 2);
      const std::size_t w = yusuan::text::display_width(lines.front());
      EXPECT_GT(w, 0u);
      for (const auto& l : lines) EXPECT_EQ(yusuan::text::display_width(l), w) << l;
    }
}

TEST(tables, text_aligns_cjk_columns) {
  const auto t = tb::build(reference_budget(), "03");
  const auto all = lines_of(tb::to_string(t, "text"));
  EXPECT_EQ(all[0], "预算03表");
  EXPECT_NE(all[1].find("2024年单位支出预算表"), std::string::npos);
  EXPECT_EQ(all[2].rfind("单位名称：洛阳市社会保险中心", 0), 0u);
  EXPECT_NE(all[2].find("单位：万元"), std::string::npos);
  // The amounts of a column end at the same display column on every row,
  // whatever the width of the CJK names before them.
  std::vector<std::size_t> ends;
  for (const auto& l : all) {
    for (const char* figure : {"38381.46", "1620.96", "20000.00", "153.18"}) {
      const auto at = l.find(std::string(" ") + figure + " ");
      if (at == std::string::npos) continue;
      ends.push_back(yusuan::text::display_width(l.substr(0, at + 1 + std::string_view(figure).size())));
      break;
    }
  }
  ASSERT_EQ(ends.size(), 5u);  // 合计, the unit, 208 01 09, 208 05 07, 221 02 01
  for (auto e : ends) EXPECT_EQ(e, ends.front());
  // Group headers sit above their columns.
  bool group = false;
  for (const auto& l : all)
    if (l.find("基本支出") != std::string::npos && l.find("项目支出") != std::string::npos) group = true;
  EXPECT_TRUE(group);
}

TEST(tables, markdown_and_json) {
  const auto t = tb::build(reference_budget(), "08");
  const std::string md = tb::to_string(t, "md");
  EXPECT_NE(md.find("### 预算08表 2024年一般公共预算“三公”经费预算表"), std::string::npos);
  EXPECT_NE(md.find("| “三公”经费合计 | 因公出国（境）费 |"), std::string::npos);
  EXPECT_NE(md.find("| 9.20 | | 7.00 | | 7.00 | 2.20 |"), std::string::npos) << md;
  const std::string json = tb::to_string(t, "json");
  EXPECT_NE(json.find("\"id\": \"08\""), std::string::npos);
  EXPECT_NE(json.find("\"amount_unit\": \"万元\""), std::string::npos);
  EXPECT_NE(json.find("\"cells\": [9.20, null, 7.00, null, 7.00, 2.20]"), std::string::npos) << json;
  EXPECT_NE(json.find("\"path\": [\"公务用车购置及运行费\", \"小计\"]"), std::string::npos);
  try {
    (void)tb::to_string(t, "xml");
    ADD_FAILURE() << "to_string(t, \"xml\") did not throw";
  } catch (const yusuan::error& e) {
    EXPECT_EQ(e.code(), yusuan::errc::unknown_format);
    EXPECT_EQ(e.diagnostic_code(), "E0802");
  }
  std::error_code ec;
  EXPECT_EQ(tb::to_string(t, "xml", ec), "");
  EXPECT_EQ(ec, yusuan::errc::unknown_format);
  std::ostringstream os;
  tb::write(os, t, "xml", ec);
  EXPECT_EQ(ec, yusuan::errc::unknown_format);
  EXPECT_TRUE(os.str().empty());
  EXPECT_EQ(tb::to_string(t, "md", ec), md);
  EXPECT_FALSE(ec);
}

}  // namespace
