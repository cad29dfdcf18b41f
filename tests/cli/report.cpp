// `yusuan report`: one self-contained HTML page whose tables and numbers are
// those of `yusuan table` (the page in a browser: tests/js/report.test.mjs).
#include "support/test_support.hpp"
#include "support/xlsx_reader.hpp"

#include <algorithm>
#include <string>
#include <vector>

using namespace yusuan_test;

namespace {

const std::string ref_arg = quote(reference_path);

/// Text as the report escapes it.
std::string html(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '"') out += "&quot;";
    else if (c == '\'') out += "&#39;";
    else out += c;
  }
  return out;
}

std::string without_commas(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ','), s.end());
  return s;
}

}  // namespace

TEST(report_cli, is_self_contained) {
  const auto r = run_cli("report " + ref_arg);
  ASSERT_EQ(r.exit, 0) << r.err;
  const std::string& page = r.out;
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  for (const char* external : {"<script", "<link", "src=", "@import", "url(", "http://", "https://"})
    EXPECT_EQ(page.find(external), std::string::npos) << external;
  EXPECT_NE(page.find("@media print"), std::string::npos);
  EXPECT_NE(page.find("default-src 'none'"), std::string::npos);
}

TEST(report_cli, every_table_with_the_cells_of_its_csv) {
  // the reference budget's 13 tables, and Shanghai's 9, whose 三公 table (T9)
  // is in 万元 in a budget of 元 (the page printed it in 元)
  const std::vector<std::pair<std::string, std::vector<std::string>>> budgets = {
      {ref_arg, {"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13"}},
      {quote("budgets/putuo-commerce-commission-2025.budget"), {"T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"}}};
  for (const auto& [file, ids] : budgets) {
    const auto r = run_cli("report " + file);
    ASSERT_EQ(r.exit, 0) << r.err;
    for (const auto& id : ids) {
      const std::size_t start = r.out.find("<section class=\"table\" id=\"t" + id + "\">");
      ASSERT_NE(start, std::string::npos) << id;
      const std::string section = r.out.substr(start, r.out.find("</section>", start) - start);
      const auto text = run_cli("table " + file + " " + id).out;
      const std::string unit = text.substr(text.find("单位："), text.find('\n', text.find("单位：")) - text.find("单位："));
      EXPECT_HAS(section, "<span>" + html(unit.substr(unit.rfind("单位："))) + "</span>") << file << " " << id;
      const auto csv = xlsx::parse_csv(run_cli("table " + file + " " + id + " --format csv").out);
      std::size_t at = section.find("<tbody>");
      for (std::size_t i = 1; i < csv.size(); ++i)
        for (const auto& cell : csv[i]) {
          // Each cell in order: <td>text</td> or <td class="num">text</td>.
          const std::size_t td = section.find("<td", at);
          ASSERT_NE(td, std::string::npos) << id;
          const std::size_t s = section.find('>', td) + 1;
          // amounts as the text tables print them: Putuo's with thousands separators
          EXPECT_EQ(without_commas(section.substr(s, section.find("</td>", s) - s)), without_commas(html(cell)))
              << file << " " << id << " row " << i;
          at = s;
        }
    }
  }
}

TEST(report_cli, totals_charts_targets_and_checks) {
  const auto r = run_cli("report " + ref_arg);
  ASSERT_EQ(r.exit, 0) << r.err;
  const std::string& page = r.out;
  for (const char* part : {"<h1>2024年洛阳市社会保险中心单位预算</h1>", "38381.46", "id=\"chart-function\"",
                           "id=\"chart-econ\"", "id=\"chart-kind\"", "id=\"chart-change\"", "id=\"chart-projects\"",
                           "208 社会保障和就业支出", "38093.45", "99.25%", "项目支出 36053.75 万元 93.94%",
                           "基本支出·人员经费 2161.89 万元 5.63%", "39924.65", "-1543.19（-3.87%）",
                           "社保政策宣传工作完成率", "93 项核对，93 项通过，0 项未通过；3 条警告。",
                           "核对 三公经费 = 9.20", "W0605"})
    EXPECT_NE(page.find(part), std::string::npos) << part;
  std::size_t svgs = 0;
  for (std::size_t p = page.find("<svg"); p != std::string::npos; p = page.find("<svg", p + 1)) ++svgs;
  EXPECT_EQ(svgs, 5u);
  std::size_t rows = 0;
  const std::size_t list = page.find("id=\"check-list\"");
  for (std::size_t p = page.find("<tr><td class=\"num\">", list); p != std::string::npos;
       p = page.find("<tr><td class=\"num\">", p + 1))
    ++rows;
  EXPECT_EQ(rows, 93u) << "every constraint with its status";
}

TEST(report_cli, the_change_chart_has_every_figure_with_a_prior_amount) {
  // English spellings, balances and 项目金额合计 were left out of the chart
  temp_dir t;
  const auto file = t.write("yoy.budget",
                            "年度 2024\n金额单位 元\n单位 920001 \"同比单位\" 类型 行政\n收入 一般公共预算 100.00\n"
                            "收入 上年结转结余 20.00\n年终结转结余 10.00\n201 03 01 基本支出 30101 → 50101: 60.00\n"
                            "项目 \"P\" 编码 P9 类型 特定目标类 功能 201 03 01 金额 50.00 {\n  30227 → 50205: 50.00\n}\n"
                            "上年 total-expenditure 100.00\n上年 年终结转结余 8.00\n上年 年初结转结余 15.00\n"
                            "上年 项目金额合计 40.00\n上年 \"basic\" 55.00\n");
  const auto r = run_cli("report " + quote(file));
  ASSERT_EQ(r.exit, 0) << r.err;
  for (const char* bar : {"total-expenditure：上年 100.00，本年 110.00，增减 +10.00（+10.00%）",
                          "年终结转结余：上年 8.00，本年 10.00，增减 +2.00（+25.00%）",
                          "年初结转结余：上年 15.00，本年 20.00，增减 +5.00（+33.33%）",
                          "项目金额合计：上年 40.00，本年 50.00，增减 +10.00（+25.00%）",
                          "basic：上年 55.00，本年 60.00，增减 +5.00（+9.09%）"})
    EXPECT_HAS(r.out, std::string("<title>") + bar + "</title>");
}

TEST(report_cli, units_and_errors) {
  const auto yuan = run_cli("report " + ref_arg + " --unit 元");
  ASSERT_EQ(yuan.exit, 0);
  EXPECT_NE(yuan.out.find("383814600.00"), std::string::npos);
  EXPECT_EQ(run_cli("report").exit, 2);
  EXPECT_EQ(run_cli("report tests/data/dsl/cli_error.budget").exit, 1);
  EXPECT_EQ(run_cli("report tests/data/no_such.budget").exit, 2);
  EXPECT_EQ(run_cli("report " + ref_arg + " --unit 千元").exit, 2);
  EXPECT_EQ(run_cli(std::string("report ") + small_path).exit, 0);
  EXPECT_EQ(run_cli("report examples/budgets/main.budget").exit, 0);
}

TEST(report_cli, control_characters_and_direction_overrides_are_shown_as_escapes) {
  // a name holding ESC, NUL or U+202E (RIGHT-TO-LEFT OVERRIDE) could hide
  // text or make a figure read backwards in the page
  temp_dir t;
  const auto file = t.write("odd.budget", std::string("年度 2024\n金额单位 元\n单位 920001 \"甲\x1b[8m隐\xe2\x80\xae") +
                                              "00.001\" 类型 行政\n201 03 01 基本支出 30101 → 50101: 60.00\n");
  const auto r = run_cli("report " + quote(file));
  ASSERT_EQ(r.exit, 0) << r.err;
  EXPECT_HAS(r.out, "甲\\e[8m隐\\u{202e}00.001");
  for (const char* raw : {"\x1b", "\xe2\x80\xae"}) EXPECT_EQ(r.out.find(raw), std::string::npos);
}

TEST(report_cli, spending_of_no_economic_code_is_named_in_chinese) {
  // Putuo's project spending is published without economic codes: its bar
  // was "(none)", read as a class of its own
  const auto r = run_cli("report " + quote("budgets/putuo-commerce-commission-2025.budget"));
  ASSERT_EQ(r.exit, 0) << r.err;
  EXPECT_HAS(r.out, "<title>未列经济分类：351,684,000.00");
  EXPECT_EQ(r.out.find("(none)"), std::string::npos);
}

TEST(report_cli, amounts_have_thousands_separators_where_the_budget_writes_them) {
  // Putuo writes 371,514,655.00, as its text tables print it; the reference
  // budget writes none
  const auto putuo = run_cli("report " + quote("budgets/putuo-commerce-commission-2025.budget"));
  ASSERT_EQ(putuo.exit, 0) << putuo.err;
  const auto text = run_cli("table " + quote("budgets/putuo-commerce-commission-2025.budget") + " T1").out;
  EXPECT_HAS(text, "371,514,655.00");
  EXPECT_HAS(putuo.out, "<div class=\"k\">支出总计</div><div class=\"v\">371,514,655.00<span");
  EXPECT_HAS(putuo.out, "<td class=\"num\">371,514,655.00</td>");
  EXPECT_HAS(putuo.out, "<p class=\"note\">（本预算未列项目）</p>");
  const auto ref = run_cli("report " + ref_arg + " --unit 元");
  EXPECT_HAS(ref.out, "383814600.00");
  EXPECT_EQ(ref.out.find("383,814,600.00"), std::string::npos);
}

TEST(report_cli, a_template_the_budget_names_that_does_not_exist_is_E0804_at_its_name) {
  temp_dir t;
  t.write("a.budget", "模板 \"nope.template\"\n金额单位 元\n208 01 09 30101: 1.00 基本支出\n");
  const auto r = run_cli("report --color never " + quote(t.path() / "a.budget") + " -o " + quote(t.path() / "r.html"));
  EXPECT_EQ(r.exit, 1);
  EXPECT_EQ(r.err.rfind("error[E0804]: unknown template 'nope.template'\n  --> ", 0), 0u) << r.err;
  EXPECT_HAS(r.err, "a.budget:1:");
  EXPECT_FALSE(fs::exists(t.path() / "r.html"));
}

TEST(report_cli, every_element_id_is_given_once_whatever_the_tables_ids) {
  // "t" and a table's id make the section's id: tables, targets and checks
  // are ids of the page's own headings, "a b" has a space and "a_b" is what
  // it would read as without one
  temp_dir t;
  std::string templ = "模板 ids\n";
  for (const char* id : {"ables", "argets", "\"a b\"", "a_b", "01"})
    templ += std::string("表 ") + id + " 名" + std::to_string(templ.size()) + " {\n  列 \"a\" = 合计\n  行\n}\n";
  t.write("ids.template", templ);
  t.write("a.budget", "模板 \"ids.template\"\n金额单位 元\n208 01 09 30101: 1.00 基本支出\n");
  const auto r = run_cli("report " + quote(t.path() / "a.budget"));
  ASSERT_EQ(r.exit, 0) << r.err;
  std::vector<std::string> ids;
  for (std::size_t p = r.out.find(" id=\""); p != std::string::npos; p = r.out.find(" id=\"", p + 1)) {
    const std::size_t s = p + 5;
    ids.push_back(r.out.substr(s, r.out.find('"', s) - s));
  }
  std::vector<std::string> sorted = ids;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end()) << r.out;
  for (const auto& id : ids) EXPECT_EQ(id.find(' '), std::string::npos) << id;
  // the navigation's anchors are the headings', the tables' sections "t" and their id where it is free
  EXPECT_HAS(r.out, "<h2 id=\"tables\">");
  EXPECT_HAS(r.out, "<h2 id=\"targets\">");
  EXPECT_HAS(r.out, "<section class=\"table\" id=\"t01\">");
  EXPECT_EQ(std::count(ids.begin(), ids.end(), "tables"), 1);
  EXPECT_EQ(std::count_if(ids.begin(), ids.end(), [](const std::string& id) { return id.rfind("t", 0) == 0; }), 7)
      << "tables, targets and 5 sections";
}

TEST(report_cli, a_department_budget_publishes_department_tables) {
  // a budget of several units is a department's: its tables are 部门预算公开表
  const auto dept = run_cli("report " + quote("tests/data/department.budget"));
  ASSERT_EQ(dept.exit, 0) << dept.err;
  EXPECT_HAS(dept.out, "<h2 id=\"tables\">部门预算公开表</h2>");
  const auto unit = run_cli("report " + ref_arg);
  EXPECT_HAS(unit.out, "<h2 id=\"tables\">单位预算公开表</h2>");
}

TEST(report_cli, projects_of_one_name_in_two_units_are_named_with_their_unit) {
  temp_dir t;
  for (const char* u : {"甲", "乙"})
    t.write(std::string(u) + ".budget", std::string("单位 ") + (u == std::string("甲") ? "A01" : "B01") + " \"" + u +
                                            "\"\n项目 \"培训费\" {\n  208 01 09 30216: 1.00\n}\n");
  t.write("d.budget", "导入 \"甲.budget\"\n导入 \"乙.budget\"\n");
  const auto r = run_cli_in(t.path(), "report d.budget");
  ASSERT_EQ(r.exit, 0) << r.err;
  EXPECT_HAS(r.out, ">培训费（甲）</h3>");
  EXPECT_HAS(r.out, ">培训费（乙）</h3>");
}
