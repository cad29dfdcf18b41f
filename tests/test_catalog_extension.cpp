// Users extend or override the catalog in the DSL: 科目 (a local code, or a
// name of their own) and 科目版本 (the edition to check against).
#include <yusuan/compile.hpp>

#include <gtest/gtest.h>

#include <string>

namespace {

std::size_t count_code(const yusuan::diagnostics& ds, const std::string& code) {
  std::size_t n = 0;
  for (const auto& d : ds) n += d.code == code;
  return n;
}

const char* const head = "年度 2024\n金额单位 元\n单位 1 \"测试单位\" 类型 行政\n";

}  // namespace

TEST(catalog_extension, unknown_item_code_warns_without_an_entry) {
  const std::string text = std::string(head) + "收入 一般公共预算 10.00\n208 31 01 30101 基本工资 → 50101: 10.00\n";
  auto r = yusuan::compile_string(text, "x.budget");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(count_code(r.diagnostics, "W0602"), 1u);
  // a 项 missing under a 款 the catalog marks complete is an error
  auto strict = yusuan::compile_string(
      std::string(head) + "收入 一般公共预算 10.00\n208 01 98 30101 基本工资 → 50101: 10.00\n", "x.budget");
  EXPECT_FALSE(strict.ok());
  EXPECT_EQ(count_code(strict.diagnostics, "E0602"), 1u);
}

TEST(catalog_extension, local_entry_makes_the_code_known) {
  const std::string text = std::string(head) +
                           "科目 208 01 98 \"地方社保专项\"\n"
                           "收入 一般公共预算 10.00\n"
                           "208 01 98 地方社保专项 30101 基本工资 → 50101: 10.00\n";
  auto r = yusuan::compile_string(text, "x.budget");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(count_code(r.diagnostics, "W0602"), 0u);
  EXPECT_EQ(count_code(r.diagnostics, "W0604"), 0u);
  ASSERT_EQ(r.value->catalog_extensions().size(), 1u);
  EXPECT_EQ(r.value->catalog_extensions()[0].digits, "2080198");
  EXPECT_EQ(r.value->catalog_extensions()[0].name, "地方社保专项");
}

TEST(catalog_extension, local_entry_overrides_the_name) {
  const std::string base = std::string(head) + "收入 一般公共预算 10.00\n";
  auto plain = yusuan::compile_string(base + "208 01 09 社保经办 30101 基本工资 → 50101: 10.00\n", "x.budget");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(count_code(plain.diagnostics, "W0604"), 1u);  // the catalog says 社会保险经办机构
  auto over = yusuan::compile_string(
      "catalog-entry 2080109 \"社保经办\"\n" + base + "208 01 09 社保经办 30101 基本工资 → 50101: 10.00\n", "x.budget");
  ASSERT_TRUE(over.ok());
  EXPECT_EQ(count_code(over.diagnostics, "W0604"), 0u);
  // …and the budget's own entry is then what names must agree with.
  auto other = yusuan::compile_string(
      "科目 2080109 \"社保经办\"\n" + base + "208 01 09 社会保险经办机构 30101 基本工资 → 50101: 10.00\n", "x.budget");
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(count_code(other.diagnostics, "W0604"), 1u);
}

TEST(catalog_extension, edition_is_selectable) {
  // 210 was 医疗卫生与计划生育支出 before 2019: a 2024 budget checked against the 2018 names gets no warning.
  const std::string body =
      "收入 一般公共预算 10.00\n210 医疗卫生与计划生育支出 { 210 11 01 行政单位医疗 30110 → 50102: 10.00 }\n";
  auto r2024 = yusuan::compile_string(std::string(head) + body, "x.budget");
  ASSERT_TRUE(r2024.ok());
  EXPECT_GE(count_code(r2024.diagnostics, "W0604"), 1u);
  auto r2018 = yusuan::compile_string("科目版本 2018\n" + std::string(head) + body, "x.budget");
  ASSERT_TRUE(r2018.ok());
  EXPECT_EQ(r2018.value->catalog_year(), 2018);
  EXPECT_EQ(count_code(r2018.diagnostics, "W0604"), 0u);
}

TEST(catalog_extension, malformed_entry_is_an_error) {
  auto r = yusuan::compile_string("科目 4080 \"x\"\n", "x.budget");
  ASSERT_FALSE(r.ok());
  ASSERT_GE(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].code, "E0201");
  EXPECT_EQ(yusuan::resolve(r.diagnostics[0].span).line, 1u);
  EXPECT_EQ(yusuan::resolve(r.diagnostics[0].span).column, 4u);
}
