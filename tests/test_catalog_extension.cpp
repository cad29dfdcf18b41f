// Users extend or override the catalog in the DSL: 科目 (a local code, or a
// name of their own) and 科目版本 (the edition to check against).
#include "support/test_support.hpp"

#include <string>

using namespace yusuan_test;

namespace {

const char* const head = "年度 2024\n金额单位 元\n单位 1 \"测试单位\" 类型 行政\n";

}  // namespace

TEST(catalog_extension, unknown_item_code_warns_without_an_entry) {
  const std::string text = std::string(head) + "收入 一般公共预算 10.00\n208 31 01 30101 基本工资 → 50101: 10.00\n";
  auto r = compile(text, with_catalog(), "x.budget");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(with_code(r, "W0602").size(), 1u);
  // a 项 missing under a 款 the catalog marks complete is an error
  auto strict = compile(std::string(head) + "收入 一般公共预算 10.00\n208 01 98 30101 基本工资 → 50101: 10.00\n",
                        with_catalog(), "x.budget");
  EXPECT_FALSE(strict.ok());
  EXPECT_EQ(with_code(strict, "E0602").size(), 1u);
}

TEST(catalog_extension, local_entry_makes_the_code_known) {
  const std::string text = std::string(head) +
                           "科目 208 01 98 \"地方社保专项\"\n"
                           "收入 一般公共预算 10.00\n"
                           "208 01 98 地方社保专项 30101 基本工资 → 50101: 10.00\n";
  auto r = compile(text, with_catalog(), "x.budget");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(with_code(r, "W0602").size(), 0u);
  EXPECT_EQ(with_code(r, "W0604").size(), 0u);
  ASSERT_EQ(r.value->catalog_extensions().size(), 1u);
  EXPECT_EQ(r.value->catalog_extensions()[0].digits, "2080198");
  EXPECT_EQ(r.value->catalog_extensions()[0].name, "地方社保专项");
}

TEST(catalog_extension, local_entry_overrides_the_name) {
  const std::string base = std::string(head) + "收入 一般公共预算 10.00\n";
  auto plain = compile(base + "208 01 09 社保经办 30101 基本工资 → 50101: 10.00\n", with_catalog(), "x.budget");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(with_code(plain, "W0604").size(), 1u);  // the catalog says 社会保险经办机构
  auto over = compile("catalog-entry 2080109 \"社保经办\"\n" + base + "208 01 09 社保经办 30101 基本工资 → 50101: 10.00\n",
                      with_catalog(), "x.budget");
  ASSERT_TRUE(over.ok());
  EXPECT_EQ(with_code(over, "W0604").size(), 0u);
  // …and the budget's own entry is then what names must agree with.
  auto other = compile("科目 2080109 \"社保经办\"\n" + base + "208 01 09 社会保险经办机构 30101 基本工资 → 50101: 10.00\n",
                       with_catalog(), "x.budget");
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(with_code(other, "W0604").size(), 1u);
}

TEST(catalog_extension, edition_is_selectable) {
  // 210 was 医疗卫生与计划生育支出 before 2019: a 2024 budget checked against the 2018 names gets no warning.
  const std::string body =
      "收入 一般公共预算 10.00\n210 医疗卫生与计划生育支出 { 210 11 01 行政单位医疗 30110 → 50102: 10.00 }\n";
  auto r2024 = compile(std::string(head) + body, with_catalog(), "x.budget");
  ASSERT_TRUE(r2024.ok());
  EXPECT_GE(with_code(r2024, "W0604").size(), 1u);
  EXPECT_EQ(one(r2024, "W0604").expected, "卫生健康支出");
  auto r2018 = compile("科目版本 2018\n" + std::string(head) + body, with_catalog(), "x.budget");
  ASSERT_TRUE(r2018.ok());
  EXPECT_EQ(r2018.value->catalog_year(), 2018);
  EXPECT_EQ(with_code(r2018, "W0604").size(), 0u);
}

TEST(catalog_extension, malformed_entry_is_an_error) {
  auto r = compile("科目 4080 \"x\"\n", with_catalog(), "x.budget");
  ASSERT_FALSE(r.ok());
  ASSERT_GE(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].code, "E0201");
  EXPECT_EQ(yusuan::resolve(r.diagnostics[0].span).line, 1u);
  EXPECT_EQ(yusuan::resolve(r.diagnostics[0].span).column, 4u);
}
