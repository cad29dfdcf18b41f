// What a table's rows print for codes and the department: the name a
// budget's `科目` gives a code the catalog lacks, and the department's row of
// a department named without a code.
#include "support/test_support.hpp"

#include <yusuan/tables.hpp>

#include <string>
#include <vector>

using namespace yusuan_test;

namespace {

namespace tb = yusuan::tables;

std::vector<std::string> csv(const yusuan::budget& b, std::string_view templ, std::string_view id) {
  tb::options o;
  o.templ = tb::find_template(templ);
  EXPECT_NE(o.templ, nullptr) << templ;
  return lines_of(tb::to_string(tb::build(b, id, o), "csv"));
}

}  // namespace

TEST(code_names, a_code_named_by_the_budgets_kemu_prints_that_name) {
  const auto b = yusuan::compile_string("年度 2025\n金额单位 元\n单位 \"甲单位\" 类型 行政\n"
                                        "科目 21208 \"国有土地使用权出让收入安排的支出\"\n"
                                        "科目 2120899 \"其他国有土地使用权出让收入安排的支出\"\n"
                                        "收入 一般公共预算 100.00\n收入 政府性基金 50.00\n"
                                        "201 13 01 基本支出 30201: 100.00\n2120899 项目支出 30227: 50.00 资金 政府性基金\n",
                                        "k.budget");
  const auto t3 = csv(b, "上海9表", "T3");
  EXPECT_EQ(t3[5], "212,08,,国有土地使用权出让收入安排的支出,50.00,,50.00");
  EXPECT_EQ(t3[6], "212,08,99,其他国有土地使用权出让收入安排的支出,50.00,,50.00");
}

TEST(code_names, a_department_without_a_code_has_its_row) {
  const auto b = yusuan::compile_string("年度 2025\n金额单位 元\n部门 \"某局\"\n单位 801001 \"甲\" 类型 行政\n"
                                        "收入 一般公共预算 10.00\n201 13 01 基本支出 公用经费 30201: 10.00\n",
                                        "d.budget", no_catalog());
  const auto t11 = csv(b, "洛阳13表", "11");
  ASSERT_GE(t11.size(), 3u);
  EXPECT_EQ(t11[2].substr(0, t11[2].find(',', 1) + 1), ",某局,") << t11[2];
}
