// yusuan check --rules and yusuan test: a rule set applied to many budgets,
// tests of rules with their expectations, --filter, JUnit output, coverage
// (a rule no test can make fail is caught), and the standard rule library
// applied to the reference budgets and the example budget.
#include "support/test_support.hpp"

using namespace yusuan_test;

namespace {

const char* const austerity_rules =
    "# a rule file\n"
    "金额单位 万元\n"
    "参数 上限 = 100.00\n"
    "口径 接待费 = 合计(经济 = 30217)\n"
    "核对 接待费 ≤ 上年(三公经费) \"三公经费不得增长\" 当 上年 = 三公经费\n"
    "核对 支出合计 ≤ 上限 \"支出超过上限\"\n";

const char* const rule_tests =
    "年度 2024\n"
    "金额单位 万元\n"
    "测试 \"增长时报错\" {\n"
    "  规则 \"rules.budget\"\n"
    "  上年 三公经费 10.00\n"
    "  208 01 09 30217 公务接待费: 12.00\n"
    "  应 报错 E0501 \"三公经费不得增长\"\n"
    "}\n"
    "测试 \"持平时通过\" {\n"
    "  规则 \"rules.budget\"\n"
    "  上年 三公经费 10.00\n"
    "  208 01 09 30217 公务接待费: 10.00\n"
    "  应 通过\n"
    "  应 等于 接待费 10.00\n"
    "}\n"
    "测试 \"超过上限时报错\" {\n"
    "  规则 \"rules.budget\"\n"
    "  208 01 09 30101 基本工资: 120.00\n"
    "  应 报错 E0501 \"支出超过上限\"\n"
    "}\n";

/// How many times `what` occurs in `s`.
std::size_t count_of(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + what.size())) ++n;
  return n;
}

}  // namespace

TEST(rules_cli, check_many_budgets_with_rules) {
  temp_dir t;
  t.write("rules.budget", austerity_rules);
  t.write("a.budget", "金额单位 万元\n上年 三公经费 10.00\n208 01 09 30217 公务接待费: 12.00\n");
  t.write("b.budget", "金额单位 万元\n208 01 09 30217 公务接待费: 12.00\n");
  t.write("c.budget", "金额单位 元\n208 01 09 30101 基本工资: 1,200,000.00\n");
  auto r = run_cli_in(t.path(), "check --color never a.budget b.budget c.budget --rules rules.budget");
  EXPECT_EQ(r.exit, 1) << r.err;
  EXPECT_HAS(r.err, "error[E0501]: 三公经费不得增长\n");
  EXPECT_HAS(r.err, "--> rules.budget:5:1\n");
  EXPECT_HAS(r.err, "= note: checked on the budget a.budget");
  EXPECT_HAS(r.err, "a.budget: 1 error, 0 warnings, rules: 1 passed, 1 failed\n");
  EXPECT_HAS(r.err, "b.budget: ok: 1 item, 0 projects, 1 constraint checked, rules: 1 passed, 0 failed\n");
  // 1,200,000.00 元 is 120.00 万元, over the rule file's 100.00 (in its own unit)
  EXPECT_HAS(r.err, "error[E0501]: 支出超过上限");
  EXPECT_HAS(r.err, "= note: checked on the budget c.budget");
  EXPECT_HAS(r.err, "3 budgets × 1 rule file: 1 budget passed, 2 failed (rules checked: 2 passed, 2 failed)\n");
  // the budgets themselves are not edited: without the rules they check
  EXPECT_EQ(run_cli_in(t.path(), "check a.budget b.budget c.budget").exit, 0);
}

TEST(rules_cli, rules_dir_takes_its_rule_files_not_its_files_of_tests) {
  // rules and their tests side by side in one folder, as yusuan test expects them
  temp_dir t;
  t.write("r/rules.budget", austerity_rules);
  t.write("r/tests.budget", rule_tests);
  t.write("a.budget", "金额单位 万元\n上年 三公经费 10.00\n208 01 09 30217 公务接待费: 12.00\n");
  auto r = run_cli_in(t.path(), "check --color never a.budget --rules r");
  EXPECT_EQ(r.exit, 1) << r.err;
  EXPECT_HAS(r.err, "error[E0501]: 三公经费不得增长\n");
  EXPECT_EQ(r.err.find("E0101"), std::string::npos) << r.err;
  EXPECT_HAS(r.err, "1 budget × 1 rule file: ");
  // a rule file named twice, by itself and by its folder, is one rule file checked once
  auto twice = run_cli_in(t.path(), "check --color never a.budget --rules r/rules.budget --rules r --rules ./r/rules.budget");
  EXPECT_EQ(twice.exit, 1) << twice.err;
  EXPECT_HAS(twice.err, "1 budget × 1 rule file: 0 budgets passed, 1 failed");
  EXPECT_EQ(twice.err.find("error[E0501]"), twice.err.rfind("error[E0501]")) << twice.err;  // reported once
  EXPECT_EQ(run_cli_in(t.path(), "test r").exit, 0);
  // a folder of tests only holds no rule file
  t.write("only/tests.budget", rule_tests);
  auto none = run_cli_in(t.path(), "check a.budget --rules only");
  EXPECT_EQ(none.exit, 2) << none.err;
  EXPECT_HAS(none.err, "no .budget file of rules in this directory");
}

TEST(rules_cli, set_overrides_a_parameter_and_an_unknown_one_is_an_error) {
  temp_dir t;
  t.write("rules.budget", austerity_rules);
  t.write("c.budget", "金额单位 万元\n208 01 09 30101 基本工资: 120.00\n");
  auto ok = run_cli_in(t.path(), "check c.budget --rules rules.budget --set 上限=150.00");
  EXPECT_EQ(ok.exit, 0) << ok.err;
  EXPECT_HAS(ok.err, "rules: 1 passed, 0 failed");
  auto bad = run_cli_in(t.path(), "check --color never c.budget --rules rules.budget --set 下限=1");
  EXPECT_EQ(bad.exit, 1);
  EXPECT_HAS(bad.err, "error[E0307]: no rule declares the parameter '下限'");
  EXPECT_HAS(bad.err, "= note: the rules declare 上限");
  auto usage = run_cli_in(t.path(), "check c.budget --rules rules.budget --set 上限");
  EXPECT_EQ(usage.exit, 2);
  EXPECT_HAS(usage.err, "--set needs NAME=VALUE");
  auto missing = run_cli_in(t.path(), "check c.budget --rules nowhere.budget");
  EXPECT_EQ(missing.exit, 2);
}

TEST(rules_cli, check_with_rules_as_junit) {
  temp_dir t;
  t.write("rules.budget", austerity_rules);
  t.write("a.budget", "金额单位 万元\n上年 三公经费 10.00\n208 01 09 30217 公务接待费: 12.00\n");
  auto r = run_cli_in(t.path(), "check a.budget --rules rules.budget --format junit");
  EXPECT_EQ(r.exit, 1);
  EXPECT_HAS(r.out, "<testsuite name=\"a.budget\" tests=\"2\" failures=\"1\"");
  EXPECT_HAS(r.out, "<failure message=\"constraint failed: 核对 接待费 ≤ 上年(三公经费) &quot;三公经费不得增长&quot;");
  // its text: what was expected and found, as check prints it
  EXPECT_HAS(r.out, "\">rules.budget:5:1: E0501 三公经费不得增长\n  expected ≤ 10.00, found 12.00");
  // an error of the budget located in a rule file is named by that file
  t.write("bad.budget", "金额单位 万元\n核对 没有 = 1.00\n");
  auto e = run_cli_in(t.path(), "check a.budget --rules bad.budget --format junit");
  EXPECT_HAS(e.out, "classname=\"bad.budget:2\"");
}

TEST(rules_cli, check_as_junit_reports_the_budgets_own_constraints) {
  // a failing 核对 of the budget itself is a failed testcase, with or without --rules
  temp_dir t;
  t.write("rules.budget", austerity_rules);
  t.write("own.budget", "金额单位 万元\n上年 三公经费 10.00\n208 01 09 30217 公务接待费: 9.00\n核对 支出合计 = 31.00\n");
  auto r = run_cli_in(t.path(), "check own.budget --format junit");
  EXPECT_EQ(r.exit, 1);
  EXPECT_HAS(r.out, "<testsuite name=\"own.budget\" tests=\"1\" failures=\"1\"");
  EXPECT_HAS(r.out, "<testcase name=\"核对 支出合计 = 31.00\" classname=\"own.budget:4\">");
  EXPECT_HAS(r.out, "<failure message=\"constraint failed: 核对 支出合计 = 31.00\"");
  auto with_rules = run_cli_in(t.path(), "check own.budget --rules rules.budget --format junit");
  EXPECT_EQ(with_rules.exit, 1);
  EXPECT_HAS(with_rules.out, "<testsuite name=\"own.budget\" tests=\"3\" failures=\"1\"");
  EXPECT_HAS(with_rules.out, "<failure message=\"constraint failed: 核对 支出合计 = 31.00\"");
}

TEST(rules_cli, a_test_file_that_is_not_utf8_is_an_error) {
  // never "0 passed, 0 failed": its tests cannot be found
  temp_dir t;
  t.write("t.budget", "\xb2\xe2\xca\xd4 \"x\" {\n  应 通过\n}\n");  // 测试 in GBK
  auto r = run_cli_in(t.path(), "test --color never t.budget");
  EXPECT_EQ(r.exit, 2) << r.out;
  EXPECT_HAS(r.err, "error[E0002]: 't.budget' is not UTF-8 (byte 0xb2 at line 1)\n");
  EXPECT_HAS(r.out, "0 passed, 0 failed, 1 error\n");
}

TEST(rules_cli, strings_of_tests_take_the_escapes_of_the_language) {
  // \" is a quote in a test's name, a 规则 path and the TEXT of 应 报错
  temp_dir t;
  t.write("r\"1.budget", "核对 支出合计 ≤ 1.00 \"甲\\\"超\\\"限\"\n");
  t.write("t.budget", "测试 \"甲\\\"乙\" {\n  规则 \"r\\\"1.budget\"\n  208 01 09 30101: 2.00\n"
                      "  应 报错 E0501 \"甲\\\"超\\\"限\"\n}\n");
  auto r = run_cli_in(t.path(), "test --color never t.budget");
  EXPECT_EQ(r.exit, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "ok      甲\"乙  (t.budget:1)\n1 passed, 0 failed\n");
}

TEST(rules_cli, a_failed_rule_does_not_hide_the_tables_checks) {
  // 表注 says 预算09表 is empty while the budget spends 政府性基金 (E0807),
  // and a rule fails: both are reported, by check of one budget and of many,
  // and a test of rules sees the E0807 too
  temp_dir t;
  t.write("rules.budget", "核对 支出合计 = 1.00 \"合计须为一元\"\n");
  const std::string budget = "208 01 09 30101: 2.00 资金 政府性基金\n表注 预算09表 \"此表无数。\"\n";
  t.write("a.budget", budget);
  t.write("b.budget", "208 01 09 30101: 1.00\n");
  const auto one = run_cli_in(t.path(), "check --color never a.budget --rules rules.budget");
  EXPECT_EQ(one.exit, 1) << one.err;
  EXPECT_HAS(one.err, "error[E0501]: 合计须为一元");
  EXPECT_HAS(one.err, "error[E0807]");
  const auto many = run_cli_in(t.path(), "check --color never a.budget b.budget -j 2 --rules rules.budget");
  EXPECT_EQ(many.exit, 1) << many.err;
  EXPECT_HAS(many.err, "a.budget: 2 errors");
  t.write("tests/rules.budget", "核对 支出合计 = 1.00 \"合计须为一元\"\n");
  t.write("tests/t.budget", "测试 \"空表说明与支出不符\" {\n  规则 \"rules.budget\"\n" + budget +
                                "  应 报错 E0807\n  应 报错 E0501 \"合计须为一元\"\n}\n");
  const auto test = run_cli_in(t.path(), "test tests/t.budget");
  EXPECT_EQ(test.exit, 0) << test.out << test.err;
  EXPECT_HAS(test.out, "1 passed, 0 failed");
}

TEST(rules_cli, a_warning_rule_its_figures_leave_undecided_neither_passes_nor_fails) {
  temp_dir t;
  t.write("rules.budget", "核对 占比(人员经费, 基本支出) ≤ 90% 警告 \"人员经费占比偏高\"\n核对 支出合计 ≥ 0\n");
  t.write("a.budget", "项目 \"甲\" 类型 特定目标类 功能 2080109 {\n  30227: 60.00\n}\n");
  const auto r = run_cli_in(t.path(), "check --color never a.budget --rules rules.budget");
  EXPECT_EQ(r.exit, 0) << r.err;
  EXPECT_HAS(r.err, "warning[W0502]: the share's whole is 0");
  EXPECT_HAS(r.err, "rules: 1 passed, 0 failed");
  const auto many = run_cli_in(t.path(), "check --color never a.budget a.budget -j 2 --rules rules.budget");
  EXPECT_HAS(many.err, "rules checked: 1 passed, 0 failed");
  const auto junit = run_cli_in(t.path(), "check a.budget --rules rules.budget --format junit");
  EXPECT_EQ(junit.exit, 0) << junit.out << junit.err;
  EXPECT_EQ(junit.out.find("<failure"), std::string::npos) << junit.out;
}

TEST(rules_cli, test_runs_every_test) {
  temp_dir t;
  t.write("rules.budget", austerity_rules);
  t.write("tests/austerity.budget", std::string(rule_tests));
  t.write("tests/rules.budget", austerity_rules);
  auto r = run_cli_in(t.path(), "test tests/austerity.budget");
  EXPECT_EQ(r.exit, 0) << r.out << r.err;
  EXPECT_EQ(r.out,
            "ok      增长时报错  (tests/austerity.budget:3)\n"
            "ok      持平时通过  (tests/austerity.budget:9)\n"
            "ok      超过上限时报错  (tests/austerity.budget:16)\n"
            "3 passed, 0 failed\n");
  auto f = run_cli_in(t.path(), "test tests/austerity.budget --filter 持平");
  EXPECT_EQ(f.out, "ok      持平时通过  (tests/austerity.budget:9)\n1 passed, 0 failed\n");
}

TEST(rules_cli, a_failed_expectation_shows_what_was_found) {
  temp_dir t;
  t.write("rules.budget", austerity_rules);
  t.write("t.budget",
          "测试 \"应报错却通过\" {\n  规则 \"rules.budget\"\n  金额单位 万元\n  上年 三公经费 10.00\n"
          "  208 01 09 30217: 9.00\n  应 报错 E0501 \"三公经费不得增长\"\n}\n"
          "测试 \"应通过却报错\" {\n  规则 \"rules.budget\"\n  金额单位 万元\n  208 01 09 30101: 200.00\n  应 通过\n}\n"
          "测试 \"数值不符\" {\n  规则 \"rules.budget\"\n  金额单位 万元\n  208 01 09 30217: 3.00\n  应 等于 接待费 4.00\n}\n");
  auto r = run_cli_in(t.path(), "test t.budget");
  EXPECT_EQ(r.exit, 1);
  EXPECT_HAS(r.out, "FAILED  应报错却通过  (t.budget:1)\n        t.budget:6:3: 应 报错 E0501 \"三公经费不得增长\": expected E0501 "
                    "\"三公经费不得增长\", found no diagnostic\n");
  EXPECT_HAS(r.out, "FAILED  应通过却报错  (t.budget:8)\n        t.budget:12:3: 应 通过: expected no error, found E0501 支出超过上限 "
                    "(rules.budget:6:1)\n");
  EXPECT_HAS(r.out, "FAILED  数值不符  (t.budget:14)\n        t.budget:18:3: 应 等于 接待费 4.00: expected 4.00, found 3.00\n");
  EXPECT_HAS(r.out, "0 passed, 3 failed\n");
  // JUnit's message is located the same way
  auto junit = run_cli_in(t.path(), "test --format junit t.budget");
  EXPECT_EQ(junit.exit, 1);
  EXPECT_HAS(junit.out, "<failure message=\"t.budget:6:3: 应 报错 E0501 &quot;三公经费不得增长&quot;: expected E0501");
}

TEST(rules_cli, a_failed_should_pass_lists_the_errors_found_not_the_warnings) {
  temp_dir t;
  t.write("t.budget", "测试 \"t\" {\n  208 01 09 30101: 1.00\n  核对 支出合计 ≤ 0.00 警告 \"偏大\"\n"
                      "  核对 支出合计 ≤ 0.00 \"过大\"\n  应 通过\n}\n");
  auto r = run_cli_in(t.path(), "test t.budget");
  EXPECT_EQ(r.exit, 1) << r.out << r.err;
  EXPECT_HAS(r.out, "应 通过: expected no error, found E0501 过大");
  EXPECT_EQ(r.out.find("W0501"), std::string::npos) << r.out;
}

TEST(rules_cli, a_should_equal_amount_past_what_an_amount_holds_is_E0202_at_it) {
  temp_dir t;
  t.write("t.budget", "测试 \"大\" {\n  数值 x 1.00\n  应 等于 x 99999999999999999999999\n}\n");
  auto r = run_cli_in(t.path(), "test --color never t.budget");
  EXPECT_EQ(r.exit, 2) << r.out << r.err;
  EXPECT_HAS(r.out, "ERROR   大  (t.budget:1)\n");
  EXPECT_HAS(r.err, "error[E0202]: amount '99999999999999999999999' is more than an amount can hold\n"
                    "  --> t.budget:3:10\n");
}

TEST(rules_cli, should_equal_reads_amounts_as_the_language_does_and_shows_values_exactly) {
  temp_dir t;
  t.write("t.budget",
          "金额单位 万元\n"
          "测试 \"精确\" {\n  208 01 09 30101: 5.004\n  口径 m = 支出合计\n  应 等于 m 5.00\n}\n"
          "测试 \"带单位\" {\n  208 01 09 30101: 5.00\n  口径 m = 支出合计\n  应 等于 m 50000元\n}\n"
          "测试 \"带单位不符\" {\n  208 01 09 30101: 5.00\n  口径 m = 支出合计\n  应 等于 m 50,001元\n}\n"
          "测试 \"全角\" {\n  数值 x １．００\n  应 等于 x １．００\n}\n"
          "测试 \"计数\" {\n  计数 车 3 辆\n  应 等于 车 3\n}\n"
          "测试 \"计数不符\" {\n  计数 车 3 辆\n  应 等于 车 4\n}\n"
          "测试 \"不是金额\" {\n  数值 x 1.00\n  应 等于 x 一元\n}\n");
  auto r = run_cli_in(t.path(), "test --color never t.budget");
  EXPECT_EQ(r.exit, 2) << r.out << r.err;
  EXPECT_HAS(r.out, "FAILED  精确  (t.budget:2)\n        t.budget:5:3: 应 等于 m 5.00: expected 5.00, found 5.004\n");
  EXPECT_HAS(r.out, "ok      带单位  (t.budget:7)\n");
  EXPECT_HAS(r.out, "FAILED  带单位不符  (t.budget:12)\n        t.budget:15:3: 应 等于 m 50,001元: expected 50,001元, found 50000.00元\n");
  EXPECT_HAS(r.out, "ok      全角  (t.budget:17)\n");
  EXPECT_HAS(r.out, "ok      计数  (t.budget:21)\n");
  EXPECT_HAS(r.out, "FAILED  计数不符  (t.budget:25)\n        t.budget:27:3: 应 等于 车 4: expected 4, found 3 辆\n");
  // an amount that cannot be read makes the 应 line malformed: the test is an error, E0202 at the amount
  EXPECT_HAS(r.out, "ERROR   不是金额  (t.budget:29)\n");
  EXPECT_HAS(r.err, "error[E0202]: malformed amount '一元'\n  --> t.budget:31:10\n");
  EXPECT_HAS(r.out, "3 passed, 3 failed, 1 error\n");
}

TEST(rules_cli, a_test_diagnostic_points_into_the_test_file) {
  temp_dir t;
  t.write("rules.budget", austerity_rules);
  t.write("t.budget",
          "测试 \"一\" {\n  规则 \"rules.budget\"\n  金额单位 万元\n  208 01 09 30101: 1.00\n  应 通过\n}\n"
          "测试 \"二\" {\n  规则 \"rules.budget\"\n  金额单位 万元\n  208 01 09 30101: 1.0000001\n  应 报错 E0202\n}\n");
  auto r = run_cli_in(t.path(), "test t.budget");
  EXPECT_EQ(r.exit, 0) << r.out;
  // each test is its own budget: the malformed amount of 二 is not in 一
  EXPECT_HAS(r.out, "ok      一");
  EXPECT_HAS(r.out, "ok      二");
}

TEST(rules_cli, malformed_tests_are_usage_errors) {
  temp_dir t;
  t.write("t.budget", "测试 \"没有期望\" {\n  208 01 09 30101: 1.00\n}\n测试 \"未闭合\" {\n  应 通过\n");
  auto r = run_cli_in(t.path(), "test --color never t.budget");
  EXPECT_EQ(r.exit, 2);
  // located, with the line and a caret, as every diagnostic
  EXPECT_HAS(r.err, "error[E0101]: test \"没有期望\" has no 应 line\n  --> t.budget:1:1\n  |\n1 | 测试 \"没有期望\" {\n"
                    "  | ^");
  EXPECT_HAS(r.err, "error[E0101]: test \"未闭合\" is never closed with '}'\n  --> t.budget:4:1\n");
}

TEST(rules_cli, tests_are_free_form_as_the_language_is) {
  // a test on one line, a closing brace after 应, 规则 and a statement on
  // the line of the brace: read as the same tests laid out line by line
  temp_dir t;
  t.write("r.budget", "核对 支出合计 ≤ 10.00 \"上限\"\n");
  t.write("t.budget",
          "测试 \"一行\" { 规则 \"r.budget\" 208 01 09 30101: 1.00 应 通过 }\n"
          "测试 \"括号在后\" {\n  规则 \"r.budget\"\n  208 01 09 30101: 20.00\n  应 报错 E0501 \"上限 }\" }\n"
          "测试 \"分号\" { 规则 \"r.budget\"; 208 01 09 30101: 2.00; 应 通过; }\n");
  auto r = run_cli_in(t.path(), "test --color never t.budget");
  EXPECT_EQ(r.exit, 1) << r.out << r.err;  // the message is not 上限 }: that test fails, the others pass
  EXPECT_HAS(r.out, "ok      一行  (t.budget:1)\n");
  EXPECT_HAS(r.out, "FAILED  括号在后  (t.budget:2)\n");
  EXPECT_HAS(r.out, "ok      分号  (t.budget:6)\n");
  EXPECT_HAS(r.out, "2 passed, 1 failed\n");
  EXPECT_EQ(r.err, "");
}

TEST(rules_cli, two_should_statements_on_one_line_are_two) {
  // 应 starts a statement after a blank, as 规则 does: the first ends before the second
  temp_dir t;
  t.write("r.budget", "核对 支出合计 ≤ 10.00 \"上限\"\n核对 支出合计 ≤ 15.00 \"高限\"\n");
  t.write("t.budget",
          "测试 \"两条\" { 规则 \"r.budget\" 208 01 09 30101: 20.00 应 报错 E0501 \"上限\" 应 报错 E0501 \"高限\" }\n"
          "测试 \"第二条不成立\" { 规则 \"r.budget\" 208 01 09 30101: 12.00 应 报错 E0501 \"上限\" 应 报错 E0501 \"高限\" }\n");
  auto r = run_cli_in(t.path(), "test --color never t.budget");
  EXPECT_EQ(r.exit, 1) << r.out << r.err;
  EXPECT_HAS(r.out, "ok      两条  (t.budget:1)\n");
  EXPECT_HAS(r.out, "FAILED  第二条不成立  (t.budget:2)\n");
  EXPECT_HAS(r.out, "应 报错 E0501 \"高限\": expected E0501 \"高限\"");
  EXPECT_HAS(r.out, "1 passed, 1 failed\n");
  EXPECT_EQ(r.err, "");
}

TEST(rules_cli, the_lines_of_a_test_never_closed_or_without_a_name_are_no_other_tests) {
  // each test is compiled from its own lines and the shared ones: the body
  // of a malformed test is neither
  temp_dir t;
  t.write("t.budget",
          "测试 \"好\" {\n  208 01 09 30101: 5.00\n  应 通过\n}\n"
          "测试 无名 {\n  208 01 09 30101: 1.0000001\n  应 通过\n}\n"
          "测试 \"也好\" {\n  208 01 09 30101: 5.00\n  应 通过\n}\n"
          "测试 \"未闭合\" {\n  208 01 09 30101: 1.0000001\n  应 通过\n");
  auto r = run_cli_in(t.path(), "test --color never t.budget");
  EXPECT_EQ(r.exit, 2) << r.out << r.err;
  EXPECT_HAS(r.out, "ok      好  (t.budget:1)\n");
  EXPECT_HAS(r.out, "ok      也好  (t.budget:9)\n");
  EXPECT_HAS(r.out, "2 passed, 0 failed, 1 error\n");
  EXPECT_HAS(r.err, "error[E0101]: expected the test's name as a quoted string after 测试\n  --> t.budget:5:4\n");
  EXPECT_HAS(r.err, "error[E0101]: test \"未闭合\" is never closed with '}'\n  --> t.budget:13:1\n");
}

TEST(rules_cli, a_malformed_test_is_an_error_not_a_pass) {
  // a test without a 应 line, or with one that cannot be read, says nothing
  // that can be checked: it is not run, and is reported as an error in the
  // text, the counts and the JUnit XML, never as passed
  temp_dir t;
  t.write("t.budget",
          "测试 \"a\" {\n  208 01 09 30101: 1.00 基本支出\n}\n"
          "测试 \"b\" {\n  208 01 09 30101: 1.00 基本支出\n  应 报错 X9999\n}\n"
          "测试 \"c\" {\n  208 01 09 30101: 1.00 基本支出\n  应 通过\n}\n");
  auto r = run_cli_in(t.path(), "test --color never t.budget");
  EXPECT_EQ(r.exit, 2) << r.out << r.err;
  EXPECT_EQ(r.out,
            "ERROR   a  (t.budget:1)\n"
            "        t.budget:1:1: test \"a\" has no 应 line\n"
            "ERROR   b  (t.budget:4)\n"
            "        t.budget:6:3: expected 应 通过, 应 报错 CODE [\"TEXT\"] or 应 等于 NAME AMOUNT\n"
            "ok      c  (t.budget:8)\n"
            "1 passed, 0 failed, 2 errors\n");
  EXPECT_HAS(r.err, "error[E0101]: expected 应 通过, 应 报错 CODE [\"TEXT\"] or 应 等于 NAME AMOUNT\n"
                    "  --> t.budget:6:3\n  |\n6 |   应 报错 X9999\n  |   ^^^^^^^^^^^^^ found '应 报错 X9999'\n");
  auto junit = run_cli_in(t.path(), "test --format junit t.budget");
  EXPECT_EQ(junit.exit, 2);
  EXPECT_HAS(junit.out, "<testsuites name=\"yusuan\" tests=\"3\" failures=\"0\" errors=\"2\">");
  EXPECT_HAS(junit.out, "<testsuite name=\"t.budget\" tests=\"3\" failures=\"0\" errors=\"2\"");
  EXPECT_HAS(junit.out, "<testcase name=\"a\" classname=\"t.budget\">\n      <error message=\"test &quot;a&quot; has no 应 "
                        "line\">t.budget:1:1: test &quot;a&quot; has no 应 line\n</error>");
  EXPECT_HAS(junit.out, "<testcase name=\"b\" classname=\"t.budget\">\n      <error message=");
  EXPECT_HAS(junit.out, "<testcase name=\"c\" classname=\"t.budget\"/>");
}

TEST(rules_cli, a_test_whose_rule_file_cannot_be_read_is_an_error_at_its_path) {
  // the 规则 line names the file: the error points at it, and the test is not
  // run (every 应 line of it would fail for the same reason)
  temp_dir t;
  t.write("rules.budget", austerity_rules);
  t.write("t.budget",
          "测试 \"缺少\" {\n  规则 \"rules.budget\" \"nope.budget\"\n  208 01 09 30101: 1.00 基本支出\n  应 通过\n}\n"
          "测试 \"齐全\" {\n  规则 \"rules.budget\"\n  208 01 09 30101: 1.00 基本支出\n  应 通过\n}\n");
  auto r = run_cli_in(t.path(), "test --color never t.budget");
  EXPECT_EQ(r.exit, 2) << r.out << r.err;
  EXPECT_EQ(r.out,
            "ERROR   缺少  (t.budget:1)\n"
            "        t.budget:2:21: cannot read 'nope.budget': no such file\n"
            "ok      齐全  (t.budget:6)\n"
            "1 passed, 0 failed, 1 error\n");
  EXPECT_HAS(r.err, "error[E0001]: cannot read 'nope.budget': no such file\n  --> t.budget:2:21\n  |\n"
                    "2 |   规则 \"rules.budget\" \"nope.budget\"\n"
                    "  |                       ^^^^^^^^^^^^^ the rule file named here\n");
  auto junit = run_cli_in(t.path(), "test --format junit t.budget");
  EXPECT_EQ(junit.exit, 2);
  EXPECT_HAS(junit.out, "<testcase name=\"缺少\" classname=\"t.budget\">\n      <error message=\"cannot read");
  // a directory is not a rule file either
  std::filesystem::create_directory(t.path() / "dir.budget");
  t.write("d.budget", "测试 \"目录\" {\n  规则 \"dir.budget\"\n  应 通过\n}\n");
  auto d = run_cli_in(t.path(), "test --color never d.budget");
  EXPECT_EQ(d.exit, 2);
  EXPECT_HAS(d.err, "error[E0001]: cannot read 'dir.budget': a directory, not a file\n  --> d.budget:2:6\n");
}

/// Two tests of a rule 支出合计 ≤ 100.00 "支出超过上限" in rules.budget: one
/// makes it fail, one makes it pass.
const char* const limit_tests =
    "测试 \"超过\" {\n  规则 \"rules.budget\"\n  208 01 09 30201: 200.00\n  应 报错 E0501 \"支出超过上限\"\n}\n"
    "测试 \"不超过\" {\n  规则 \"rules.budget\"\n  208 01 09 30201: 50.00\n  应 通过\n}\n";

TEST(rules_cli, coverage_catches_a_rule_that_cannot_fail) {
  temp_dir t;
  t.write("rules.budget",
          "核对 支出合计 ≤ 100.00 \"支出超过上限\"\n"
          "核对 合计(经济 = 302) ≤ 支出合计 \"公用经费不超过支出合计\"\n");  // always true: it cannot fail
  t.write("t.budget", limit_tests);
  auto r = run_cli_in(t.path(), "test --coverage t.budget");
  EXPECT_EQ(r.exit, 1) << r.out;
  EXPECT_HAS(r.out, "2 passed, 0 failed\n");
  EXPECT_HAS(r.out, "coverage: 1 of 2 constraints made to fail and to pass\n");
  EXPECT_HAS(r.out, "  rules.budget:2:1: no test makes it fail: 核对 合计(经济 = 302) ≤ 支出合计 \"公用经费不超过支出合计\"\n");
  EXPECT_EQ(run_cli_in(t.path(), "test t.budget").exit, 0);  // without --coverage the tests pass
}

TEST(rules_cli, coverage_counts_no_error_as_made_to_fail) {
  // the rule cannot fail; the test "expects" E0302 (no 上年 figure): that
  // error made it neither fail nor pass
  temp_dir t;
  t.write("rules.budget", "核对 支出合计 ≤ 上年(支出合计) + 1000000.00 \"不得增长\"\n");
  t.write("t.budget",
          "测试 \"缺上年\" {\n  规则 \"rules.budget\"\n  208 01 09 30201: 1.00\n  应 报错 E0302\n}\n"
          "测试 \"通过\" {\n  规则 \"rules.budget\"\n  208 01 09 30201: 1.00\n  上年 支出合计 1.00\n  应 通过\n}\n");
  auto r = run_cli_in(t.path(), "test --coverage t.budget");
  EXPECT_EQ(r.exit, 1) << r.out;
  EXPECT_HAS(r.out, "2 passed, 0 failed\n");
  EXPECT_HAS(r.out, "coverage: 0 of 1 constraints made to fail and to pass\n");
  EXPECT_HAS(r.out, "  rules.budget:1:1: no test makes it fail: ");
  // checked only with an error in it: never decided, which is not never checked
  t.write("t2.budget", "测试 \"缺上年\" {\n  规则 \"rules.budget\"\n  208 01 09 30201: 1.00\n  应 报错 E0302\n}\n");
  auto u = run_cli_in(t.path(), "test --coverage t2.budget");
  EXPECT_EQ(u.exit, 1) << u.out;
  EXPECT_HAS(u.out, "  rules.budget:1:1: never decided (an error in it wherever a test checked it): ");
  t.write("r3.budget", "核对 支出合计 ≤ 1.00 当 年度 ≥ 2030\n");
  t.write("t3.budget", "年度 2024\n测试 \"早年\" {\n  规则 \"r3.budget\"\n  208 01 09 30201: 1.00\n  应 通过\n}\n");
  auto n = run_cli_in(t.path(), "test --coverage t3.budget");
  EXPECT_HAS(n.out, "  r3.budget:1:1: never checked: ");
}

TEST(rules_cli, coverage_lists_the_constraints_of_imported_files_and_fails_when_it_covers_none) {
  temp_dir t;
  t.write("bundle.budget", "导入 \"part.budget\"\n");
  t.write("part.budget", "核对 支出合计 ≤ 100.00 \"支出超过上限\"\n");
  t.write("t.budget", "测试 \"不超过\" {\n  规则 \"bundle.budget\"\n  208 01 09 30201: 50.00\n  应 通过\n}\n");
  auto r = run_cli_in(t.path(), "test --coverage t.budget");
  EXPECT_EQ(r.exit, 1) << r.out;
  EXPECT_HAS(r.out, "coverage: 0 of 1 constraints made to fail and to pass\n");
  EXPECT_HAS(r.out, "part.budget:1:1: no test makes it fail: 核对 支出合计 ≤ 100.00 \"支出超过上限\"\n");
  // the rules imported by the test's budget rather than named by 规则: no
  // constraint is covered, and the run says so and fails
  t.write("t2.budget", "测试 \"导入\" {\n  导入 \"part.budget\"\n  208 01 09 30201: 50.00\n  应 通过\n}\n");
  auto none = run_cli_in(t.path(), "test --coverage t2.budget");
  EXPECT_EQ(none.exit, 1) << none.out;
  EXPECT_HAS(none.out, "coverage: 0 of 0 constraints made to fail and to pass\n");
  EXPECT_HAS(none.out, "  no constraint (核对) in the rule files the tests name");
}

TEST(rules_cli, coverage_finds_rules_after_every_blank_and_line_break_of_the_language) {
  temp_dir t;
  // lines end at a CR alone; a tab follows 核对; a form feed indents the second
  // constraint; a comment follows the first after a tab
  t.write("rules.budget",
          "# 支出的上限\r"
          "核对\t支出合计 ≤ 100.00 \"支出超过上限\"\t# 上限\r"
          "\f核对 合计(经济 = 302) ≤ 支出合计 \"公用经费不超过支出合计\"\r");
  t.write("t.budget", limit_tests);
  auto r = run_cli_in(t.path(), "test --coverage t.budget");
  EXPECT_EQ(r.exit, 1) << r.out << r.err;
  EXPECT_HAS(r.out, "2 passed, 0 failed\n");
  EXPECT_HAS(r.out, "coverage: 1 of 2 constraints made to fail and to pass\n");
  EXPECT_HAS(r.out, "  rules.budget:3:2: no test makes it fail: 核对 合计(经济 = 302) ≤ 支出合计 \"公用经费不超过支出合计\"\n");
}

TEST(rules_cli, the_standard_rules_are_tested_with_full_coverage) {
  auto r = run_cli("test budgets/std/rules/tests --coverage");
  EXPECT_EQ(r.exit, 0) << r.out << r.err;
  EXPECT_HAS(r.out, "38 passed, 0 failed\n");
  EXPECT_HAS(r.out, "coverage: 19 of 19 constraints made to fail and to pass\n");
}

TEST(rules_cli, the_standard_rules_on_the_reference_and_example_budgets) {
  auto r = run_cli("check --color never budgets/luoyang-social-insurance-center-2024.budget "
                   "budgets/putuo-commerce-commission-2025.budget examples/budgets/main.budget --rules budgets/std/rules");
  EXPECT_EQ(r.exit, 1) << r.err;
  // 三公经费 9.20 万元 against 8.80 万元 the year before
  EXPECT_HAS(r.err, "error[E0501]: 三公经费不得增长\n");
  EXPECT_HAS(r.err, "--> budgets/std/rules/austerity.budget:27:1\n");
  EXPECT_HAS(r.err, "expected ≤ 8.80, found 9.20 (difference +0.40 万元)");
  EXPECT_HAS(r.err, "budgets/luoyang-social-insurance-center-2024.budget: 1 error, 5 warnings, rules: 42 passed, 3 failed\n");
  EXPECT_HAS(r.err, "budgets/putuo-commerce-commission-2025.budget: ok: ");
  EXPECT_HAS(r.err, "rules: 10 passed, 2 failed\n");
  EXPECT_HAS(r.err, "error[E0501]: 项目缺少满意度指标 (项目 就业服务大厅运行维护)");
  // its balances stated in total only (W0808) are reported beside the failed rule
  EXPECT_HAS(r.err, "examples/budgets/main.budget: 1 error, 3 warnings, rules: 23 passed, 2 failed\n");
  EXPECT_HAS(r.err, "3 budgets × 6 rule files: 1 budget passed, 2 failed (rules checked: 75 passed, 7 failed)\n");
}

TEST(rules_cli, tests_in_english_and_with_full_width_punctuation) {
  temp_dir t;
  t.write("rules.budget", "expect total-expenditure <= 100.00 \"over the limit\"\n");
  t.write("t.budget",
          "test \"over\" {\n  rules \"rules.budget\"\n  208 01 09 30101: 200.00\n  should report E0501 \"over the limit\"\n}\n"
          "测试 “全角” ｛\n  规则 “rules.budget”\n  208 01 09 30101: 50.00   # 注释 }\n  应 通过\n｝\n");
  auto r = run_cli_in(t.path(), "test t.budget");
  EXPECT_EQ(r.exit, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "ok      over  (t.budget:1)\nok      全角  (t.budget:6)\n2 passed, 0 failed\n");
}

TEST(rules_cli, more_errors_of_a_rule_file_alone_are_reported_once) {
  temp_dir t;
  fs::create_directories(t.path() / "rules");
  fs::create_directories(t.path() / "common");
  t.write("common/m.budget", "口径 公用 = 合计(经济 = 302)\n");
  t.write("a.budget", "208 01 09 30201: 1.00\n");
  t.write("b.budget", "208 01 09 30201: 2.00\n");
  for (const auto& [rules, code] : std::vector<std::pair<std::string, std::string>>{
           {"导入 \"../common/m.budget\"\n", "E0313"},           // an import leaving the rule file's directory
           {"核对 支出合计 ≤ 1.00\n金额单位 万元\n", "E0206"},      // 金额单位 after an amount
           {"核对 支出合计 ≤ 1,00.00\n", "E0202"},                  // a malformed amount
           {"核对 合计(经济 = 3x201) ≤ 1.00\n", "E0201"}}) {        // a malformed code
    t.write("rules/r.budget", rules);
    auto r = run_cli_in(t.path(), "check --color never a.budget b.budget --rules rules/r.budget");
    EXPECT_EQ(r.exit, 2) << rules << r.err;
    EXPECT_EQ(count_of(r.err, "error[" + code + "]"), 1u) << rules << r.err;
    EXPECT_HAS(r.err, "no budget was checked\n");
  }
  // a --set that is no value: once
  t.write("rules/r.budget", "参数 上限 = 1.00\n核对 支出合计 ≤ 上限\n");
  auto set = run_cli_in(t.path(), "check --color never a.budget b.budget --rules rules/r.budget --set 上限=abc");
  EXPECT_EQ(set.exit, 2) << set.err;
  EXPECT_EQ(count_of(set.err, "error[E0202]"), 1u) << set.err;
}

TEST(rules_cli, a_test_whose_rule_file_does_not_read_is_an_error_not_a_result) {
  // the rule file does not parse: no test can pass or fail on it, not even
  // one that expects E0101; its error is printed once
  temp_dir t;
  t.write("rules.budget", "核对 支出合计 ≤ 上年(支出合计) * 1.05\n");
  t.write("t.budget", "测试 \"甲\" {\n  规则 \"rules.budget\"\n  208 01 09 30201: 1.00\n  应 通过\n}\n"
                      "测试 \"乙\" {\n  规则 \"rules.budget\"\n  208 01 09 30201: 1.00\n  应 报错 E0101\n}\n");
  auto r = run_cli_in(t.path(), "test --color never t.budget");
  EXPECT_EQ(r.exit, 2) << r.out << r.err;
  EXPECT_HAS(r.out, "ERROR   甲  (t.budget:1)\n");
  EXPECT_HAS(r.out, "ERROR   乙  (t.budget:6)\n");
  EXPECT_HAS(r.out, "0 passed, 0 failed, 2 errors\n");
  EXPECT_EQ(count_of(r.err, "error[E0101]"), 1u) << r.err;
}

// A rule file that does not read would fail every budget alike: its error is
// reported once, no budget is checked, and the exit code is 2 (in text and
// in JSON); errors that depend on the budget are still found per budget.
TEST(rules_cli, a_rule_file_that_does_not_parse_is_reported_once_and_no_budget_is_checked) {
  temp_dir t;
  t.write("rules.budget", "金额单位 万元\n核对 三公经费 ≤ 上年(三公经费 \"三公经费不得增长\"\n");
  t.write("a.budget", "金额单位 万元\n208 01 09 30217 公务接待费: 12.00\n");
  t.write("b.budget", "金额单位 万元\n208 01 09 30101 基本工资: 1.00\n");
  for (const char* many : {"a.budget b.budget", "-j 2 a.budget b.budget"}) {
    auto r = run_cli_in(t.path(), std::string("check --color never ") + many + " --rules rules.budget");
    EXPECT_EQ(r.exit, 2) << r.err;
    EXPECT_EQ(count_of(r.err, "error[E0101]"), 1u) << r.err;
    EXPECT_HAS(r.err, "--> rules.budget:2:19\n");
    EXPECT_HAS(r.err, "the rule files have errors (1 error, 0 warnings): no budget was checked\n");
    EXPECT_EQ(r.err.find("a.budget"), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
  }
  auto json = run_cli_in(t.path(), "check --format json a.budget b.budget --rules rules.budget");
  EXPECT_EQ(json.exit, 2);
  EXPECT_EQ(count_of(json.out, "\"code\":\"E0101\""), 1u) << json.out;
  EXPECT_HAS(json.out, "\"file\":\"rules.budget\",\"line\":2");
  // a --set of the other kind than the rule file's 参数: once, no budget checked
  t.write("rules.budget", "金额单位 万元\n参数 比例 = 50%\n核对 占比(基本支出, 支出合计) ≤ 比例\n");
  t.write("more.budget", "参数 比例 = 60%\n");
  auto set = run_cli_in(t.path(), "check --color never a.budget b.budget --rules rules.budget --rules more.budget --set 比例=30");
  EXPECT_EQ(set.exit, 2) << set.err;
  EXPECT_EQ(count_of(set.err, "error[E0502]: parameter '比例' is a percentage, not an amount"), 1u) << set.err;
  EXPECT_EQ(set.err.find("a.budget"), std::string::npos) << set.err;
  // a name the rule file leaves to the budget is no error of the rule file
  // read alone: each budget that lacks it says so
  t.write("rules.budget", "核对 本单位口径 ≤ 5.00\n");
  t.write("c.budget", "口径 本单位口径 = 合计(经济 = 30101)\n208 01 09 30101 基本工资: 1.00\n");
  auto per_budget = run_cli_in(t.path(), "check --color never a.budget c.budget --rules rules.budget");
  EXPECT_EQ(per_budget.exit, 1) << per_budget.err;
  EXPECT_HAS(per_budget.err, "c.budget: ok: 1 item");
  EXPECT_HAS(per_budget.err, "error[E0302]");
  EXPECT_HAS(per_budget.err, "2 budgets × 1 rule file: 1 budget passed, 1 failed");
}

TEST(rules_cli, a_test_names_a_rule_file_of_the_standard_library_as_it_is_imported) {
  // 规则 <std/…> as 导入 <std/…>: from any folder, found in the library path
  temp_dir t;
  t.write("t.budget",
          "金额单位 万元\n测试 \"三公经费增长时报错\" {\n  规则 <std/rules/austerity.budget>\n  上年 三公经费 10.00\n"
          "  208 01 09 30217: 12.00\n  应 报错 E0501 \"三公经费不得增长\"\n}\n"
          "测试 \"缺\" {\n  规则 <std/rules/none.budget>\n  208 01 09 30217: 1.00\n  应 通过\n}\n");
  auto r = run_cli_in(t.path(), "test --color never t.budget");
  EXPECT_EQ(r.exit, 2) << r.out << r.err;
  EXPECT_HAS(r.out, "ok      三公经费增长时报错  (t.budget:2)\n");
  EXPECT_HAS(r.out, "ERROR   缺  (t.budget:8)\n");
  EXPECT_HAS(r.out, "cannot read '<std/rules/none.budget>'");
}

TEST(rules_cli, a_test_whose_budget_imports_a_file_that_is_not_there_is_an_error) {
  temp_dir t;
  t.write("rules.budget", "核对 支出合计 ≤ 100.00 \"上限\"\n");
  t.write("t.budget", "测试 \"缺少夹具\" {\n  规则 \"rules.budget\"\n  导入 \"fixture.budget\"\n  应 通过\n}\n"
                      "测试 \"应报错\" {\n  规则 \"rules.budget\"\n  导入 \"fixture.budget\"\n  应 报错 E0311\n}\n");
  auto r = run_cli_in(t.path(), "test --color never t.budget");
  EXPECT_EQ(r.exit, 2) << r.out << r.err;
  EXPECT_HAS(r.out, "ERROR   缺少夹具  (t.budget:1)\n");
  EXPECT_HAS(r.out, "ok      应报错  (t.budget:6)\n");  // the error it expects
  EXPECT_HAS(r.out, "1 passed, 0 failed, 1 error\n");
  EXPECT_HAS(r.err, "error[E0311]");
}
