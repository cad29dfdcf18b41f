// A department budget of two units (tests/data/department.budget) printed in
// every shipped template: 洛阳13表 lists each unit with its rows, 上海9表 and
// 上海9表部门 print the department as a whole, the 部门 variant under the
// department's name.
#include "support/test_support.hpp"

#include <yusuan/tables.hpp>

#include <string>
#include <vector>

using namespace yusuan_test;

namespace {

namespace tb = yusuan::tables;

const yusuan::budget& department() {
  static const yusuan::budget b = yusuan::compile_file("tests/data/department.budget");
  return b;
}

std::vector<std::string> csv(const tb::table& t) { return lines_of(tb::to_string(t, "csv")); }

tb::table in(std::string_view templ, std::string_view id) {
  tb::options o;
  o.templ = tb::find_template(templ);
  EXPECT_NE(o.templ, nullptr) << templ;
  return tb::build(department(), id, o);
}

TEST(department_budget, has_two_units_and_prints_in_every_template) {
  ASSERT_EQ(department().units().size(), 2u);
  for (const auto& t : tb::standard_templates()) {
    SCOPED_TRACE(t.name);
    tb::options o;
    o.templ = &t;
    const auto all = tb::build_all(department(), o);
    ASSERT_EQ(all.size(), t.tables.size());
    for (const auto& table : all) {
      EXPECT_FALSE(table.rows.empty()) << table.id;
      for (const auto& r : table.rows) EXPECT_EQ(r.cells.size(), table.columns.size()) << table.id;
    }
  }
}

TEST(department_budget, luoyang_lists_each_unit) {
  const auto t03 = csv(in("洛阳13表", "03"));
  ASSERT_EQ(t03.size(), 8u);
  EXPECT_EQ(t03[2], ",,,801001,测试局机关,90.00,70.00,60.00,,10.00,,20.00,,20.00");
  EXPECT_EQ(t03[5], ",,,801002,测试中心,60.00,55.00,,40.00,15.00,,5.00,5.00,");
  const auto t02 = csv(in("洛阳13表", "02"));
  ASSERT_EQ(t02.size(), 4u);
  EXPECT_EQ(t02[3], "801002,测试中心,60.00,60.00,55.00,40.00,,,,5.00,,,,,,,,,,");
}

TEST(department_budget, its_own_items_are_listed_under_the_department) {
  // a department's own file declares no 单位: its items' rows in 03, 12 and
  // 13 name the department (their code and name were blank)
  temp_dir dir;
  dir.write("a.budget", "金额单位 万元\n单位 2 \"甲中心\" 类型 事业\n收入 一般公共预算 6.00\n208 01 09 30101: 6.00\n");
  const auto path = dir.write("d.budget", "部门 1 \"测试局\"\n年度 2025\n金额单位 万元\n收入 一般公共预算 10.00\n"
                                          "208 01 09 基本支出 30101: 9.00\n导入 \"a.budget\"\n"
                                          "项目 \"甲项目\" 类型 特定目标类 功能 208 01 09 { 30227: 1.00 }\n");
  const auto b = yusuan::compile_file(path);
  const auto t03 = csv(tb::build(b, "03"));
  ASSERT_GE(t03.size(), 5u);
  EXPECT_EQ(t03[2], ",,,1,测试局,10.00,9.00,9.00,,,,1.00,,1.00");
  EXPECT_EQ(t03[4], ",,,2,甲中心,6.00,,,,,,,,");
  const auto t12 = csv(tb::build(b, "12"));
  ASSERT_EQ(t12.size(), 4u);
  EXPECT_EQ(t12[2], "1,测试局,,1.00,1.00,,,,,,,");
  EXPECT_EQ(t12[3], "特定目标类,甲项目,测试局,1.00,1.00,,,,,,,");
  const auto t13 = csv(tb::build(b, "13"));
  ASSERT_EQ(t13.size(), 3u);
  EXPECT_EQ(t13[1], "1,测试局,1.00,1.00,,,,,,,,,,");
}

TEST(department_budget, shanghai_prints_the_department_as_a_whole) {
  const auto t1 = in("上海9表", "财务收支预算总表");
  EXPECT_EQ(t1.title, "2024年预算单位财务收支预算总表");
  EXPECT_EQ(t1.unit_line(), "编制单位：测试局机关 单位：元");
  EXPECT_EQ(csv(t1), (std::vector<std::string>{
                         "本年收入/项目,本年收入/预算数,本年支出/项目,本年支出/预算数/合计,本年支出/预算数/基本支出/"
                         "人员经费,本年支出/预算数/基本支出/公用经费,本年支出/预算数/项目支出",
                         "一、财政拨款收入,1350000.00,一、一般公共服务支出,700000.00,600000.00,100000.00,",
                         "1、一般公共预算资金,1150000.00,二、教育支出,50000.00,,,50000.00",
                         "2、政府性基金,200000.00,三、社会保障和就业支出,550000.00,400000.00,150000.00,",
                         "3、国有资本经营预算,,四、城乡社区支出,200000.00,,,200000.00",
                         "二、事业收入,50000.00,,,,,",
                         "三、事业单位经营收入,,,,,,",
                         "四、其他收入,,,,,,",
                         "上年结转结余,100000.00,,,,,",  // in 收入总计: a row of its own, as it is not 0
                         "收入总计,1500000.00,支出总计,1500000.00,1000000.00,250000.00,250000.00"}));
  // 类, 款 and 项 rows with their subtotals, the 合计 row last
  const auto t3 = csv(in("上海9表", "T3"));
  ASSERT_EQ(t3.size(), 14u);
  EXPECT_EQ(t3[1], "201,,,一般公共服务支出,700000.00,700000.00,");
  EXPECT_EQ(t3[2], "201,01,,人大事务,700000.00,700000.00,");
  EXPECT_EQ(t3[3], "201,01,01,行政运行,700000.00,700000.00,");
  EXPECT_EQ(t3.back(), "合计,,,,1500000.00,1250000.00,250000.00");
  // 政府性基金 of 测试局机关: not empty, so no note
  const auto t6 = csv(in("上海9表", "T6"));
  EXPECT_EQ(t6.back(), "合计,,,,200000.00,,200000.00");
  // 国有资本经营: none
  const auto t7 = in("上海9表", "T7");
  EXPECT_EQ(t7.rows.back().role, tb::row_role::note);
  EXPECT_EQ(t7.rows.back().cells[0].text, "注:本单位2024年无国有资本经营预算财政拨款安排的预算，故本表为空表。");
  // 机关运行经费: the 公用经费 of the 行政 unit only (测试中心 is a 事业 unit), in 万元
  EXPECT_EQ(csv(in("上海9表", "T9")).back(), ",,,,,,10.00");
}

TEST(department_budget, shanghai_department_variant) {
  const auto t1 = in("上海9表部门", "T1");
  EXPECT_EQ(t1.title, "2024年部门财务收支预算总表");
  EXPECT_EQ(t1.unit_line(), "编制部门：测试局 单位：元");
  EXPECT_EQ(csv(t1), (std::vector<std::string>{"本年收入/项目,本年收入/预算数,本年支出/项目,本年支出/预算数",
                                               "一、财政拨款收入,1350000.00,一、一般公共服务支出,700000.00",
                                               "1. 一般公共预算资金,1150000.00,二、教育支出,50000.00",
                                               "2. 政府性基金,200000.00,三、社会保障和就业支出,550000.00",
                                               "3. 国有资本经营预算,,四、城乡社区支出,200000.00",
                                               "二、事业收入,50000.00,,", "三、事业单位经营收入,,,", "四、其他收入,,,",
                         "上年结转结余,100000.00,,",
                                               "收入总计,1500000.00,支出总计,1500000.00"}));
  EXPECT_EQ(in("上海9表部门", "T2").title, "2024年部门收入预算总表");
  EXPECT_EQ(in("上海9表部门", "T9").title, "2024年部门“三公”经费和机关运行经费预算表");
  EXPECT_EQ(csv(in("上海9表部门", "T8")).front(),
            "项目/部门预算经济分类科目编码/类,项目/部门预算经济分类科目编码/款,项目/经济分类科目名称,"
            "一般公共预算基本支出/合计,一般公共预算基本支出/人员经费,一般公共预算基本支出/公用经费");
  EXPECT_EQ(in("上海9表部门", "T7").rows.back().cells[0].text,
            "注:本部门2024年无国有资本经营预算财政拨款安排的预算，故本表为空表。");
  // every table but T1 has the unit variant's rows
  for (const char* id : {"T2", "T3", "T4", "T5", "T6", "T8", "T9"})
    EXPECT_EQ(csv(in("上海9表部门", id)).size(), csv(in("上海9表", id)).size()) << id;
}

TEST(department_budget, totals_agree_across_templates) {
  // 支出总计 of 上海9表 T1 = 合计 of 洛阳13表 03, in 元 and 万元
  const auto sh = in("上海9表", "T1");
  const auto ly = in("洛阳13表", "03");
  const auto& sh_total = sh.rows.back();
  EXPECT_EQ(*sh_total.cells[3].amount, *ly.rows.front().cells[5].amount);
  EXPECT_EQ(sh_total.cells[3].amount->format(yusuan::unit::wan_yuan, 2), "150.00");
}

}  // namespace
