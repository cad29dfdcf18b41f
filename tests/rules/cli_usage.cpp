// yusuan test: a run that would test nothing (no 测试 block, an empty folder,
// a --filter that selects no test) and a --set that no test of the run
// declares are usage errors (exit 2), said once before any test runs and
// with nothing written: not a run that passes, nor every test failing alike.
#include "support/test_support.hpp"

using namespace yusuan_test;

namespace {

const char* const limit_rules =
    "金额单位 万元\n"
    "参数 上限 = 100.00\n"
    "核对 支出合计 ≤ 上限 \"支出超过上限\"\n";

const char* const plain_rules = "金额单位 万元\n核对 支出合计 ≥ 0\n";

// the first test's rules declare no parameter, the second's declare 上限
const char* const two_tests =
    "金额单位 万元\n"
    "测试 \"无参数\" {\n"
    "  规则 \"plain.budget\"\n"
    "  208 01 09 30101 基本工资: 120.00\n"
    "  应 通过\n"
    "}\n"
    "测试 \"超过上限\" {\n"
    "  规则 \"limit.budget\"\n"
    "  208 01 09 30101 基本工资: 120.00\n"
    "  应 报错 E0501 \"支出超过上限\"\n"
    "}\n";

}  // namespace

TEST(rules_cli_usage, a_run_with_no_test_is_a_usage_error) {
  temp_dir t;
  t.write("rules.budget", limit_rules);
  t.write("tests/t.budget", two_tests);
  fs::create_directories(t.path() / "empty");
  const auto none = run_cli_in(t.path(), "test rules.budget");
  EXPECT_EQ(none.exit, 2);
  EXPECT_EQ(none.out, "");
  EXPECT_EQ(none.err, "yusuan: error: no test to run: no 测试 block in 'rules.budget'\n");
  const auto empty = run_cli_in(t.path(), "test empty --coverage");
  EXPECT_EQ(empty.exit, 2);
  EXPECT_EQ(empty.out, "");  // no "coverage: 0 of 0"
  EXPECT_EQ(empty.err, "yusuan: error: no test to run: no .budget file in 'empty'\n");
  const auto filtered = run_cli_in(t.path(), "test tests rules.budget --filter 无此 --coverage -o report.txt");
  EXPECT_EQ(filtered.exit, 2);
  EXPECT_EQ(filtered.out, "");
  EXPECT_EQ(filtered.err,
            "yusuan: error: no test to run: --filter '无此' selects none of the 2 tests in 'tests', 'rules.budget'\n");
  EXPECT_FALSE(fs::exists(t.path() / "report.txt"));
  const auto junit = run_cli_in(t.path(), "test rules.budget --format junit");
  EXPECT_EQ(junit.exit, 2);
  EXPECT_EQ(junit.out, "");
}

TEST(rules_cli_usage, a_set_that_no_test_declares_is_one_usage_error) {
  temp_dir t;
  t.write("tests/limit.budget", limit_rules);
  t.write("tests/plain.budget", plain_rules);
  t.write("tests/t.budget", two_tests);
  const auto unknown = run_cli_in(t.path(), "test tests/t.budget --set 下限=1 --set 比例=5%");
  EXPECT_EQ(unknown.exit, 2);
  EXPECT_EQ(unknown.out, "");
  EXPECT_EQ(unknown.err,
            "yusuan: error: --set: no rule of the tests run declares the parameters '下限', '比例' (a 参数 of a "
            "test's rule files or of its budget)\n");
  // declared by the rules of the second test only: the run declares it
  const auto declared = run_cli_in(t.path(), "test tests/t.budget --set 上限=150.00 --filter 超过");
  EXPECT_EQ(declared.exit, 1) << declared.err;  // 120.00 is within 150.00: the error expected does not come
  EXPECT_HAS(declared.out, "FAILED  超过上限  (tests/t.budget:7)\n");
  EXPECT_HAS(declared.out, "0 passed, 1 failed\n");
  // the whole run: the test whose rules declare it takes it, the other runs as it is (it failed with E0307)
  const auto both = run_cli_in(t.path(), "test tests/t.budget --set 上限=150.00");
  EXPECT_EQ(both.exit, 1) << both.err;
  EXPECT_EQ(both.out, "ok      无参数  (tests/t.budget:2)\n"
                      "FAILED  超过上限  (tests/t.budget:7)\n"
                      "        tests/t.budget:10:3: 应 报错 E0501 \"支出超过上限\": expected E0501 \"支出超过上限\", found no diagnostic\n"
                      "1 passed, 1 failed\n");
  // the tests --filter selects are the run: the first alone declares nothing
  const auto first = run_cli_in(t.path(), "test tests/t.budget --set 上限=150.00 --filter 无参数");
  EXPECT_EQ(first.exit, 2);
  EXPECT_EQ(first.out, "");
  EXPECT_EQ(first.err,
            "yusuan: error: --set: no rule of the tests run declares the parameter '上限' (a 参数 of a test's rule "
            "files or of its budget)\n");
  // a 参数 of the test's own budget is declared too
  t.write("tests/own.budget",
          "测试 \"自带参数\" {\n  金额单位 万元\n  参数 下限 = 1.00\n  208 01 09 30101: 2.00\n  核对 支出合计 ≥ 下限\n"
          "  应 通过\n}\n");
  const auto own = run_cli_in(t.path(), "test tests/own.budget --set 下限=1.50");
  EXPECT_EQ(own.exit, 0) << own.out << own.err;
  EXPECT_EQ(own.out, "ok      自带参数  (tests/own.budget:1)\n1 passed, 0 failed\n");
  // a value of the other kind than the 参数 is one usage error too, before any test runs
  const auto kind = run_cli_in(t.path(), "test tests/own.budget --set 下限=5%");
  EXPECT_EQ(kind.exit, 2);
  EXPECT_EQ(kind.out, "");
  EXPECT_EQ(kind.err, "yusuan: error: --set 下限=5%: parameter '下限' is an amount, not a percentage\n");
  // and so is a value that is no value at all, as check --rules says it once
  const auto none = run_cli_in(t.path(), "test tests/own.budget --set 下限=abc");
  EXPECT_EQ(none.exit, 2);
  EXPECT_EQ(none.out, "");
  EXPECT_HAS(none.err, "yusuan: error: --set 下限=abc: ");
}
