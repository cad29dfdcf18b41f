// Filters and groupings by the unit's type (单位类型: 行政, 参公, 事业 …) and by
// the levels of spending kinds (类型.类: 基本支出 / 项目支出; 类型.款: 人员经费,
// 公用经费, 其他运转类, 特定目标类); 机关运行经费 against 机构运转经费.
#include "support/test_support.hpp"

#include <yusuan/query.hpp>

using namespace yusuan_test;

namespace {

// A department of a 行政 unit, a 参公 unit and a 事业 unit, each with
// 公用经费; the 事业 unit's is the larger.
constexpr std::string_view department = R"(金额单位 万元
导入 <std/measures.budget>
部门 "测试局"
单位 "测试局机关" 类型 行政
208 01 01 基本支出 {
  人员经费 30101: 10.00
  公用经费 30201: 3.00
  公用经费 30201: 0.50 资金 政府性基金
}
项目 "信息化" 类型 特定目标类 功能 2080101 {
  30227: 2.00
}
单位 "测试监察大队" 类型 参公
208 01 02 基本支出 {
  人员经费 30101: 5.00
  公用经费 30211: 1.25
}
单位 "测试服务中心" 类型 事业
208 01 50 基本支出 {
  人员经费 30101: 20.00
  公用经费 30201: 7.00
}
项目 "运维" 类型 其他运转类 功能 2080150 {
  30213: 4.00
}
)";

}  // namespace

TEST(lang_unit_types, 机关运行经费_is_the_公用经费_of_行政_and_参公_units_only) {
  auto r = compile(department, with_catalog());
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& b = *r.value;
  // 3.00 + 1.25 from 一般公共预算 (the 0.50 of 政府性基金 is not 财政拨款 of 一般公共预算)
  EXPECT_EQ(b.find_measure("机关运行经费")->value, wan("4.25"));
  // every unit's 公用经费
  EXPECT_EQ(b.find_measure("机构运转经费")->value, wan("11.75"));
}

TEST(lang_unit_types, 机关运行经费_counts_公用经费_marked_财政拨款) {
  // 财政拨款 is a part of 一般公共预算: 0.40 marked so is 一般公共预算 money too
  auto r = compile("金额单位 万元\n导入 <std/measures.budget>\n单位 \"局\" 类型 行政\n208 01 01 基本支出 {\n"
                   "  公用经费 30201: 3.00\n  公用经费 30202: 0.40 资金 财政拨款\n"
                   "  公用经费 30201: 0.50 资金 政府性基金\n}\n",
                   with_catalog());
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.value->find_measure("机关运行经费")->value, wan("3.40"));
}

TEST(lang_unit_types, the_standard_三公经费_counts_what_财政拨款_pays) {
  // 公务接待费 2.00 from 一般公共预算, 0.50 from 政府性基金, 0.25 marked 财政拨款,
  // 20.00 from 事业收入: the 三公 tables count 2.75, and so does the measure
  auto r = compile("金额单位 万元\n导入 <std/measures.budget>\n单位 \"中心\" 类型 事业\n208 01 50 基本支出 {\n"
                   "  公用经费 30217: 2.00\n  公用经费 30217: 0.50 资金 政府性基金\n"
                   "  公用经费 30217: 0.25 资金 财政拨款\n  公用经费 30217: 20.00 资金 事业收入\n"
                   "  公用经费 30231: 1.00 资金 事业收入\n}\n",
                   with_catalog());
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& b = *r.value;
  EXPECT_EQ(b.find_measure("公务接待费")->value, wan("2.75"));
  EXPECT_EQ(b.find_measure("公务用车运行维护费")->value, wan("0.00"));
  EXPECT_EQ(b.find_measure("三公经费")->value, wan("2.75"));
}

TEST(lang_unit_types, unit_type_in_filters_constraints_and_queries) {
  std::string text(department);
  text += "核对 合计(单位类型 = 事业) = 31.00\n"
          "核对 合计(单位类型 属于 (行政, 参公)) = 21.75\n"
          "核对 合计(unit-type != 行政) = 37.25\n"
          "核对 合计 按 单位类型 { 行政: 15.50; 参公: 6.25; 事业: 31.00 }\n";
  auto r = compile(text, with_catalog());
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& b = *r.value;
  auto q = yusuan::parse_query("sum by 单位类型", b);
  const auto t = yusuan::run(b, q);
  ASSERT_EQ(t.rows.size(), 3u);
  auto bad = compile(std::string(department) + "核对 合计(单位类型 = 部队) = 0\n", with_catalog());
  EXPECT_FALSE(with_code(bad, "E0205").empty()) << dump(bad);
}

TEST(lang_kind_levels, grouping_by_类型_类_gives_基本支出_and_项目支出) {
  std::string text(department);
  text += "核对 合计 按 类型.类 { 基本支出: 46.75; 项目支出: 6.00 }\n"
          "核对 合计 按 类型.款 { 人员经费: 35.00; 公用经费: 11.75; 其他运转类: 4.00; 特定目标类: 2.00 }\n"
          "核对 合计(类型.类 = 项目支出) = 6.00\n";
  auto r = compile(text, with_catalog());
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& b = *r.value;
  auto q = yusuan::parse_query("sum by 功能.项, kind.class", b);
  const auto t = yusuan::run(b, q);
  // 208 01 01 基本支出 13.50 and 项目支出 2.00; 208 01 02 基本支出 6.25; 208 01 50 基本支出 27.00 and 项目支出 4.00
  ASSERT_EQ(t.rows.size(), 5u);
  // a kind of the other level is E0304
  auto wrong = compile(std::string(department) + "核对 合计(类型.类 = 人员经费) = 0\n", with_catalog());
  EXPECT_FALSE(with_code(wrong, "E0304").empty()) << dump(wrong);
}
