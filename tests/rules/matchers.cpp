// The matchers of <yusuan/testing.hpp>: what they match and what they say of
// a budget they do not match (gmock's explanation, as a failing EXPECT_THAT
// prints it).
#include "support/test_support.hpp"

#include <yusuan/testing.hpp>

using namespace yusuan_test;
using namespace yusuan::testing;
using ::testing::Not;

namespace {

const char* const counted =
    "金额单位 元\n"
    "208 01 09 30101: 1.00\n"
    "208 01 09 30102: 2.00\n"
    "208 01 09 30201: 4.00\n"
    "计数 公务用车 2 辆\n"
    "数值 政府采购 6.50\n"
    "口径 工资项数 = 计数(经济 属于 (30101, 30102))\n"
    "口径 车辆加一 = 公务用车 + 1\n"
    "口径 工资 = 合计(经济 = 301)\n";

compiled_budget counted_budget() {
  compile_options o;
  o.check_catalog = false;
  return compile_with_rules(counted, {}, o);
}

/// What HasMeasure(name, value) says of the budget, and whether it matches.
std::pair<bool, std::string> explain(const compiled_budget& r, const std::string& name, const std::string& value) {
  ::testing::StringMatchResultListener l;
  const bool matched = ::testing::ExplainMatchResult(HasMeasure(name, value), r, &l);
  return {matched, l.str()};
}

}  // namespace

TEST(matchers, has_measure_of_a_count_measure_is_a_whole_number) {
  const auto r = counted_budget();
  ASSERT_THAT(r, ChecksClean());
  EXPECT_THAT(r, HasMeasure("工资项数", "2"));
  EXPECT_THAT(r, HasMeasure("车辆加一", "3"));
  EXPECT_EQ(explain(r, "工资项数", "2"), std::pair(true, std::string("工资项数 is 2")));
  EXPECT_EQ(explain(r, "工资项数", "5"), std::pair(false, std::string("expected 5, found 2")));
  // a count is no amount: not 0.00, nor 2.00
  EXPECT_THAT(r, Not(HasMeasure("工资项数", "0.00")));
  EXPECT_EQ(explain(r, "工资项数", "2.00"),
            std::pair(false, std::string("'2.00' is not a whole number, and 工资项数 is a count (计数)")));
}

TEST(matchers, has_measure_of_a_count_figure_names_its_unit) {
  const auto r = counted_budget();
  EXPECT_THAT(r, HasMeasure("公务用车", "2"));
  EXPECT_EQ(explain(r, "公务用车", "3"), std::pair(false, std::string("expected 3, found 2 辆")));
  EXPECT_EQ(explain(r, "公务用车", "+2"), std::pair(true, std::string("公务用车 is 2 辆")));
}

TEST(matchers, has_measure_of_an_amount) {
  const auto r = counted_budget();
  EXPECT_THAT(r, HasMeasure("工资", "3.00"));
  EXPECT_THAT(r, HasMeasure("政府采购", "6.50"));
  EXPECT_EQ(explain(r, "工资", "3.01"), std::pair(false, std::string("expected 3.01, found 3.00")));
  EXPECT_EQ(explain(r, "工资", "三元").first, false);
  EXPECT_TRUE(explain(r, "工资", "三元").second.starts_with("'三元' is not an amount in 元: ")) << explain(r, "工资", "三元").second;
  // finer than 1 分: said as the language says it, not as the C++ API does ("give a rounding mode")
  EXPECT_EQ(explain(r, "工资", "3.0000001万元"),
            std::pair(false, std::string("'3.0000001万元' is finer than 1 分 in 万元 (1 分 is 0.000001 万元)")));
  EXPECT_EQ(explain(r, "没有", "1.00"), std::pair(false, std::string("no measure, figure or built-in quantity named 没有")));
}

TEST(matchers, has_measure_of_a_built_in_quantity) {
  const auto r = counted_budget();
  ASSERT_THAT(r, ChecksClean());
  EXPECT_THAT(r, HasMeasure("项目数", "0"));
  EXPECT_EQ(explain(r, "项目数", "1"), std::pair(false, std::string("expected 1, found 0")));
  EXPECT_THAT(r, HasMeasure("支出合计", "7.00"));
  EXPECT_THAT(r, HasMeasure("total-expenditure", "7.00"));
  EXPECT_EQ(explain(r, "支出合计", "7.01"), std::pair(false, std::string("expected 7.01, found 7.00")));
  EXPECT_THAT(r, HasMeasure("年终结转结余", "0.00"));
}

TEST(matchers, has_measure_compares_as_a_rule_test_does) {
  // `应 等于` and HasMeasure read the value alike: exactly (9.204 万元 is not
  // 9.20, and the message says 9.204, not "is 9.20"), an amount in the unit
  // written after it, a count with thousands separators
  const auto r = compile_with_rules("金额单位 万元\n208 01 09 30217: 9.204\n计数 人次 1000 人次\n", {}, [] {
    compile_options o;
    o.check_catalog = false;
    return o;
  }());
  ASSERT_THAT(r, ChecksClean());
  EXPECT_EQ(explain(r, "支出合计", "9.20"), std::pair(false, std::string("expected 9.20, found 9.204")));
  EXPECT_EQ(explain(r, "支出合计", "9.204"), std::pair(true, std::string("支出合计 is 9.204")));
  EXPECT_EQ(explain(r, "支出合计", "92040元"), std::pair(true, std::string("支出合计 is 9.204")));
  EXPECT_EQ(explain(r, "支出合计", "92041元"), std::pair(false, std::string("expected 92041元, found 92040.00元")));
  EXPECT_EQ(explain(r, "人次", "1,000"), std::pair(true, std::string("人次 is 1000 人次")));
  EXPECT_EQ(explain(r, "人次", "１０００"), std::pair(true, std::string("人次 is 1000 人次")));
}

TEST(matchers, say_what_they_do_not_match_and_print_each_diagnostic_once) {
  std::ostringstream negation;
  FailsRule("三公").DescribeNegationTo(&negation);
  EXPECT_EQ(negation.str(), "does not fail the rule \"三公\"");
  std::ostringstream report;
  Reports("E0501", "x").DescribeNegationTo(&report);
  EXPECT_EQ(report.str(), "does not report E0501 mentioning \"x\"");
  const auto r = compile_with_rules("金额单位 万元\n208 01 09 30101: 1.00\n核对 支出合计 = 2.00\n", {}, [] {
    compile_options o;
    o.check_catalog = false;
    return o;
  }());
  ::testing::StringMatchResultListener l;
  EXPECT_FALSE(::testing::ExplainMatchResult(ChecksClean(), r, &l));
  EXPECT_EQ(l.str(), "found 1 error, 0 warnings (E0501)");
  std::ostringstream printed;
  PrintTo(r, &printed);
  EXPECT_EQ(printed.str(), "no budget with 1 error, 0 warnings\n  <test>:3:1: E0501 constraint failed: 核对 支出合计 = 2.00 "
                           "(expected 2.00, found 1.00 (difference -1.00 万元))");
}
