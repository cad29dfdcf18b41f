// Unit tests of a fiscal rule with GoogleTest: the standard library's
// 三公经费不得增长 (budgets/std/rules/austerity.budget), applied to budgets
// written in the test.  Built and run by CTest (examples.rules).
#include <yusuan/testing.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

using namespace yusuan::testing;

namespace {

/// The rule file, from the sources (YUSUAN_RULES_DIR) or the installed library.
std::filesystem::path austerity() {
  const char* dir = std::getenv("YUSUAN_RULES_DIR");
  return std::filesystem::path(dir ? dir : "budgets/std/rules") / "austerity.budget";
}

const std::string header = "年度 2024\n金额单位 万元\n上年 三公经费 10.00\n";

}  // namespace

TEST(austerity, 三公经费增长时不通过) {
  const auto r = compile_with_rules(header + "208 01 09 30217 公务接待费: 12.00\n", {austerity()});
  EXPECT_THAT(r, FailsRule("三公经费不得增长"));
  EXPECT_THAT(r, Reports("E0501", "expected ≤ 10.00, found 12.00"));
}

TEST(austerity, 三公经费持平时通过) {
  const auto r = compile_with_rules(header + "208 01 09 30217 公务接待费: 10.00\n", {austerity()});
  EXPECT_THAT(r, ChecksClean());
  EXPECT_THAT(r, HasMeasure("三公经费", "10.00"));
  EXPECT_THAT(r, ::testing::Not(FailsRule("三公经费不得增长")));
}

TEST(austerity, 没有上年数时不适用) {
  const auto r = compile_with_rules("年度 2024\n金额单位 万元\n208 01 09 30217 公务接待费: 12.00\n", {austerity()});
  EXPECT_THAT(r, ChecksClean());
  EXPECT_THAT(r, HasMeasure("三公经费", "12.00"));
}
