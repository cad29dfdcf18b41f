// W0307: a query against last year's budget (parse_query(text, b, prior),
// `yusuan query --prior`) whose prior budget is not of the year before or
// is of another unit: the 上年, 增减 and 增幅 columns would compare what is
// not comparable.  The query still runs.
#include "support/test_support.hpp"

#include <yusuan/compile.hpp>
#include <yusuan/query.hpp>

#include <string>
#include <vector>

using namespace yusuan_test;

namespace {

yusuan::budget budget_of(int year, const std::string& unit) {
  return yusuan::compile_string("年度 " + std::to_string(year) + "\n金额单位 万元\n" + unit +
                                    "208 01 09 基本支出 30101: 10.00\n",
                                "b.budget");
}

/// The messages of the warnings of `sum` against `prior`.
std::vector<std::string> warnings(const yusuan::budget& b, const yusuan::budget& prior) {
  yusuan::diagnostics d;
  EXPECT_TRUE(yusuan::parse_query("sum", b, prior, d).has_value());
  std::vector<std::string> out;
  for (const auto& w : d) {
    EXPECT_EQ(w.code, "W0307");
    out.push_back(w.message);
  }
  return out;
}

}  // namespace

TEST(query_prior_budget, the_year_before_and_the_same_unit_is_no_warning) {
  const auto unit = std::string("单位 803019 \"洛阳市社会保险中心\"\n");
  EXPECT_EQ(warnings(budget_of(2024, unit), budget_of(2023, unit)), std::vector<std::string>{});
  // a budget that states no year or no unit cannot be told apart
  EXPECT_EQ(warnings(budget_of(2024, ""), budget_of(2020, "单位 1 \"乙\"\n")),
            std::vector<std::string>{"the prior-year budget is of 2020, not of 2023, the year before this budget's 2024"});
}

TEST(query_prior_budget, another_year_or_another_unit_is_W0307) {
  const auto a = std::string("单位 803019 \"洛阳市社会保险中心\"\n");
  EXPECT_EQ(warnings(budget_of(2024, a), budget_of(2024, a)),
            std::vector<std::string>{"the prior-year budget is of 2024, not of 2023, the year before this budget's 2024"});
  EXPECT_EQ(warnings(budget_of(2024, a), budget_of(2023, "单位 803020 \"洛阳市就业服务中心\"\n")),
            std::vector<std::string>{"the prior-year budget is of another unit: 803020 洛阳市就业服务中心, not 803019 "
                                     "洛阳市社会保险中心"});
  // without codes, by name
  EXPECT_EQ(warnings(budget_of(2024, "单位 \"甲\"\n"), budget_of(2023, "单位 \"乙\"\n")),
            std::vector<std::string>{"the prior-year budget is of another unit: 乙, not 甲"});
  // the query runs all the same
  const auto b = budget_of(2024, a);
  const auto prior = budget_of(2022, a);
  yusuan::diagnostics d;
  const auto q = yusuan::parse_query("sum", b, prior, d);
  ASSERT_TRUE(q.has_value());
  EXPECT_EQ(yusuan::run_with_prior(b, prior, *q).size(), 1u);
}

TEST(query_prior_budget, budgets_of_several_units_are_compared_by_their_department) {
  const auto dept = [](int year, const std::string& dept, const std::vector<std::string>& units) {
    std::string text = "年度 " + std::to_string(year) + "\n金额单位 万元\n" + dept;
    for (const auto& u : units) text += "单位 " + u + " 类型 事业\n208 01 09 30101: 1.00\n";
    return yusuan::compile_string(text, "d.budget");
  };
  const std::string bureau = "部门 801 \"某局\"\n";
  // a unit more last year (listed first) is no other department
  EXPECT_EQ(warnings(dept(2025, bureau, {"801001 \"一中心\"", "801002 \"二中心\""}),
                     dept(2024, bureau, {"801000 \"零中心\"", "801001 \"一中心\"", "801002 \"二中心\""})),
            std::vector<std::string>{});
  EXPECT_EQ(warnings(dept(2025, bureau, {"801001 \"一中心\"", "801002 \"二中心\""}),
                     dept(2024, "部门 802 \"另一局\"\n", {"802001 \"甲\"", "802002 \"乙\""})),
            std::vector<std::string>{"the prior-year budget is of another department: 802 另一局, not 801 某局"});
}

TEST(query_prior_budget, a_query_read_against_one_budget_runs_on_another_by_name) {
  // 甲 and 乙 are declared in the other order: a query keeping this year's
  // ids would sum last year's 乙 for 甲
  const auto cur = yusuan::compile_string("金额单位 元\n项目 \"甲\" 类型 特定目标类 { 208 01 09 30227: 10.00 }\n"
                                          "项目 \"乙\" 类型 特定目标类 { 208 01 09 30227: 20.00 }\n",
                                          "cur.budget");
  const auto prior = yusuan::compile_string("金额单位 元\n项目 \"乙\" 类型 特定目标类 { 208 01 09 30227: 7.00 }\n"
                                            "项目 \"甲\" 类型 特定目标类 { 208 01 09 30227: 40.00 }\n"
                                            "项目 \"丙\" 类型 特定目标类 { 208 01 09 30227: 9.00 }\n",
                                            "prior.budget");
  const auto q = yusuan::parse_query("sum where project = 甲", cur);
  EXPECT_EQ(yusuan::run(cur, q).total, yuan("10.00"));
  EXPECT_EQ(yusuan::run(prior, q).total, yuan("40.00"));
  const auto both = yusuan::parse_query("sum where project in (甲, 乙)", cur);
  EXPECT_EQ(yusuan::run(prior, both).total, yuan("47.00"));
  // a C++ filter made against one budget alike
  auto f = yusuan::query{}.sum();
  f.filtered(yusuan::project_is(cur, "乙"));
  EXPECT_EQ(yusuan::run(prior, f).total, yuan("7.00"));
  // a name the other budget lacks matches none of its items
  const auto only_now = yusuan::compile_string("金额单位 元\n项目 \"丁\" 类型 特定目标类 { 208 01 09 30227: 1.00 }\n",
                                               "d.budget");
  EXPECT_EQ(yusuan::run(only_now, q).total, yuan("0.00"));
}
