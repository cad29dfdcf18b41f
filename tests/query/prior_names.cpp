// Names in queries against last year: a filter naming a project only last
// year's budget has, a project named "(none)" beside the row of no project,
// and a query naming a project whose items are its group's (W0306).
#include "support/test_support.hpp"

#include <yusuan/compile.hpp>
#include <yusuan/query.hpp>

#include <string>
#include <vector>

using namespace yusuan_test;

namespace {

/// Each row as "label = value | prior" ("-" where there is none).
std::vector<std::string> rows_of(const yusuan::result_table& t) {
  auto figure = [](const std::optional<yusuan::quantity>& v) {
    return !v ? std::string("-") : v->is_count() ? std::to_string(v->count()) : v->amount().format(yusuan::unit::wan_yuan, 2);
  };
  std::vector<std::string> out;
  for (const auto& r : t) {
    std::string line;
    for (std::size_t i = 0; i < r.labels.size(); ++i) line += (i ? " / " : "") + r.labels[i];
    out.push_back(line + " = " + figure(t.row_value(r)) + " | " + figure(r.prior));
  }
  return out;
}

const std::string this_year = "金额单位 万元\n项目 \"新项目\" 类型 特定目标类 功能 208 01 09 {\n  30227: 10.00\n}\n";
const std::string last_year = "金额单位 万元\n项目 \"旧项目\" 类型 特定目标类 功能 208 01 09 {\n  30227: 5.00\n}\n";

}  // namespace

TEST(query_prior_names, a_filter_may_name_a_project_only_last_year_has) {
  // once E0301 "unknown project": §16 says a filter names last year's project of that name
  const auto cur = yusuan::compile_string(this_year, "cur.budget");
  const auto pri = yusuan::compile_string(last_year, "pri.budget");
  const auto q = yusuan::parse_query("sum where project = 旧项目", cur, pri);
  EXPECT_EQ(rows_of(yusuan::run_with_prior(cur, pri, q)), (std::vector<std::string>{" = 0.00 | 5.00"}));
  const auto both = yusuan::parse_query("sum by project where project in (新项目, 旧项目)", cur, pri);
  EXPECT_EQ(rows_of(yusuan::run_with_prior(cur, pri, both)),
            (std::vector<std::string>{"新项目 = 10.00 | 0.00", "旧项目 = 0.00 | 5.00"}));
  // a name neither year has is still unknown; without last year's budget, so is 旧项目
  yusuan::diagnostics d;
  EXPECT_FALSE(yusuan::parse_query("sum where project = 无此项目", cur, pri, d));
  EXPECT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].code, "E0301");
  yusuan::diagnostics alone;
  EXPECT_FALSE(yusuan::parse_query("sum where project = 旧项目", cur, alone));
  EXPECT_EQ(alone[0].code, "E0301");
}

TEST(query_prior_names, a_project_named_none_is_not_the_row_of_no_project) {
  // once the project "(none)" took last year's total of the items of no
  // project, and the row of no project showed 上年 0.00
  const auto cur = yusuan::compile_string(
      "金额单位 万元\n208 01 09 基本支出 30101: 10.00\n"
      "项目 \"(none)\" 类型 特定目标类 功能 208 01 09 {\n  30227: 5.00\n}\n",
      "cur.budget");
  const auto pri = yusuan::compile_string("金额单位 万元\n208 01 09 基本支出 30101: 15.00\n", "pri.budget");
  const auto t = yusuan::run_with_prior(cur, pri, yusuan::parse_query("sum by project", cur));
  ASSERT_EQ(t.size(), 2u);
  for (const auto& r : t) {
    if (r.keys[0] == yusuan::no_key) {
      EXPECT_EQ(t.row_value(r)->amount().fen(), 10000000);
      EXPECT_EQ(r.prior->amount().fen(), 15000000);
    } else {
      EXPECT_EQ(t.row_value(r)->amount().fen(), 5000000);
      EXPECT_EQ(r.prior->amount().fen(), 0);
    }
  }
}

TEST(query_prior_names, a_member_of_a_group_is_a_project_no_item_names) {
  // once 0.00 without a word: its spending is the group's
  const auto& b = reference_budget();
  yusuan::diagnostics d;
  const auto q = yusuan::parse_query("sum where project = 会议费", b, d);
  ASSERT_TRUE(q);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].code, "W0306");
  EXPECT_EQ(d[0].message, "no item has 项目 会议费");
  ASSERT_EQ(d[0].notes.size(), 1u);
  EXPECT_EQ(d[0].notes[0].message,
            "项目 会议费 is a member of 项目组 社保经办运转项目, whose items are the group's: filter by the group "
            "(项目 = 社保经办运转项目)");
  // the group itself, or a project with items: no warning
  yusuan::diagnostics none;
  EXPECT_TRUE(yusuan::parse_query("sum where project = 社保经办运转项目", b, none));
  EXPECT_TRUE(none.empty());
  EXPECT_TRUE(yusuan::parse_query("sum where project = 培训费", b, none));
  EXPECT_TRUE(none.empty());
}
