// 序号 in Chinese numerals past 九十九: 一百, 一百零一, 一百一十 … 一千零一十,
// 一万 …, as a table prints them under its rows.
#include "support/test_support.hpp"

#include <yusuan/tables.hpp>

#include <string>
#include <utility>
#include <vector>

using namespace yusuan_test;

namespace {

namespace tb = yusuan::tables;

TEST(ordinals, chinese_numerals_past_ninety_nine) {
  for (const auto& [n, text] : std::vector<std::pair<std::size_t, std::string>>{
           {1, "一"},           {10, "十"},           {11, "十一"},          {20, "二十"},
           {99, "九十九"},      {100, "一百"},        {101, "一百零一"},     {110, "一百一十"},
           {111, "一百一十一"}, {120, "一百二十"},    {999, "九百九十九"},   {1000, "一千"},
           {1001, "一千零一"},  {1010, "一千零一十"}, {1100, "一千一百"},    {9999, "九千九百九十九"},
           {10000, "一万"},     {10001, "一万零一"},  {10010, "一万零一十"}, {100000, "十万"},
           {110000, "十一万"},  {100100, "十万零一百"}, {1000000, "一百万"}, {100000001, "一亿零一"}})
    EXPECT_EQ(tb::chinese_ordinal(n), text) << n;
}

TEST(ordinals, a_table_numbers_its_hundred_and_first_row_in_chinese) {
  std::string budget = "金额单位 元\n";
  for (int i = 1; i <= 101; ++i)
    budget += "项目 \"项目" + std::to_string(i) + "\" 类型 其他运转类 功能 201 13 02 金额 1.00\n";
  const auto b = yusuan::compile_string(budget, "b.budget");
  const auto t = tb::read_template("模板 x\n表 A 项目 {\n  列 \"序号\"\n  列 \"名称\"\n  列 \"金额\" = 项目金额\n"
                                   "  按 项目 排序 出现 行 序号, 项目.名称\n}\n",
                                   "o.template");
  const auto rows = lines_of(tb::to_string(tb::build(b, t, "A"), "csv"));
  ASSERT_GE(rows.size(), 102u);
  EXPECT_EQ(rows[99], "九十九,项目99,1.00");
  EXPECT_EQ(rows[100], "一百,项目100,1.00");
  EXPECT_EQ(rows[101], "一百零一,项目101,1.00");
}

}  // namespace
