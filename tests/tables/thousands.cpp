// Thousands separators in the text and Markdown of tables: as the budget
// writes its amounts (the Putuo budget writes 371,514,655.00, the reference
// budget 38381.46), or as --thousands / --no-thousands (tables::options::
// thousands) force; CSV and JSON never have them.
#include "support/test_support.hpp"

#include <yusuan/tables.hpp>

#include <string>

using namespace yusuan_test;

namespace {

namespace tb = yusuan::tables;

constexpr const char* putuo_path = "budgets/putuo-commerce-commission-2025.budget";

const yusuan::budget& putuo() {
  static const yusuan::budget b = yusuan::compile_file(putuo_path);
  return b;
}

TEST(table_thousands, as_the_budget_writes_its_amounts) {
  EXPECT_TRUE(putuo().header().thousands);
  EXPECT_FALSE(reference_budget().header().thousands);
  const auto t1 = tb::build(putuo(), "T1");
  EXPECT_TRUE(t1.thousands);
  const std::string text = tb::to_string(t1, "text");
  EXPECT_TRUE(has(text, "一、财政拨款收入      371,514,655.00")) << text;
  EXPECT_TRUE(has(tb::to_string(t1, "md"), "| 371,514,655.00 |"));
  // machines read plain numbers
  EXPECT_TRUE(has(tb::to_string(t1, "csv"), ",371514655.00,"));
  EXPECT_TRUE(has(tb::to_string(t1, "json"), "371514655.00"));
  EXPECT_FALSE(has(tb::to_string(t1, "json"), "371,514,655.00"));
  // the reference budget writes 38381.46
  EXPECT_TRUE(has(tb::to_string(tb::build(reference_budget(), "01"), "text"), "38381.46"));
}

TEST(table_thousands, options_force_them) {
  tb::options off;
  off.thousands = false;
  EXPECT_TRUE(has(tb::to_string(tb::build(putuo(), "T1", off), "text"), " 371514655.00"));
  tb::options on;
  on.thousands = true;
  EXPECT_TRUE(has(tb::to_string(tb::build(reference_budget(), "01", on), "text"), "38,381.46"));
}

TEST(table_thousands, cli_flags) {
  const std::string putuo_arg = quote(putuo_path), ref_arg = quote(reference_path);
  auto r = run_cli("table " + putuo_arg + " T1");
  EXPECT_EQ(r.exit, 0) << r.err;
  EXPECT_TRUE(has(r.out, "371,514,655.00")) << r.out;
  r = run_cli("table " + putuo_arg + " T1 --no-thousands");
  EXPECT_EQ(r.exit, 0) << r.err;
  EXPECT_TRUE(has(r.out, "371514655.00")) << r.out;
  EXPECT_FALSE(has(r.out, "371,514,655.00"));
  r = run_cli("table " + ref_arg + " 01 --thousands --format md");
  EXPECT_EQ(r.exit, 0) << r.err;
  EXPECT_TRUE(has(r.out, "38,381.46")) << r.out;
  r = run_cli("table " + putuo_arg + " T1 --thousands --format csv");
  EXPECT_EQ(r.exit, 0) << r.err;
  EXPECT_EQ(r.out, read_all("tests/golden/putuo/1.csv"));
  r = run_cli("table " + ref_arg + " 01 --thousand");
  EXPECT_EQ(r.exit, 2);
  EXPECT_TRUE(has(r.err, "--thousands")) << r.err;
}

}  // namespace
