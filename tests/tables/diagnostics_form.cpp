// tables::build and build_all with a diagnostics&: the table, or none and
// the diagnostics that say why, the same that the throwing forms carry and
// `yusuan table` reports.
#include <yusuan/compile.hpp>
#include <yusuan/tables.hpp>

#include "support/test_support.hpp"

#include <gtest/gtest.h>

using namespace yusuan_test;
namespace tb = yusuan::tables;

TEST(tables_diagnostics_form, a_table_is_the_one_the_throwing_form_builds) {
  const yusuan::budget& b = reference_budget();
  yusuan::diagnostics d;
  const auto t = tb::build(b, "预算03表", d);
  ASSERT_TRUE(t.has_value()) << dump(d);
  EXPECT_TRUE(d.empty()) << dump(d);
  EXPECT_EQ(t->id, "03");
  EXPECT_EQ(tb::to_string(*t, "csv"), tb::to_string(tb::build(b, "03"), "csv"));
  const auto all = tb::build_all(b, d);
  ASSERT_TRUE(all.has_value()) << dump(d);
  ASSERT_EQ(all->size(), 13u);
  EXPECT_EQ(tb::to_string(all->at(7), "csv"), tb::to_string(tb::build(b, "08"), "csv"));
}

TEST(tables_diagnostics_form, an_unknown_or_ambiguous_id_is_its_diagnostic) {
  yusuan::diagnostics d;
  EXPECT_FALSE(tb::build(reference_budget(), "14", d).has_value());
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].code, "E0801");
  EXPECT_TRUE(has(d[0].message, "'14'")) << dump(d);
  // Shanghai's template: T5 and T8 both start 一般公共预算
  const auto b = yusuan::compile_string("年度 2025\n模板 上海9表单位\n金额单位 元\n208 01 09 30101: 1.00\n",
                                        "sh.budget", no_catalog());
  yusuan::diagnostics amb;
  EXPECT_FALSE(tb::build(b, "一般公共预算", amb).has_value());
  ASSERT_EQ(amb.size(), 1u) << dump(amb);
  EXPECT_EQ(amb[0].code, "E0803");
}

TEST(tables_diagnostics_form, a_template_that_cannot_be_found_or_checked_is_located) {
  const auto b = yusuan::compile_string("年度 2025\n模板 上海10表\n", "unknown.budget");
  yusuan::diagnostics d;
  EXPECT_FALSE(tb::build(b, "1", d).has_value());
  ASSERT_EQ(d.size(), 1u) << dump(d);
  EXPECT_EQ(d[0].code, "E0804");
  EXPECT_EQ(where(d[0]), "2:4");
  yusuan::diagnostics all;
  EXPECT_FALSE(tb::build_all(b, all).has_value());
  ASSERT_EQ(all.size(), 1u) << dump(all);
  EXPECT_EQ(all[0].code, "E0804");
  // a template of the options naming a measure the budget lacks: E0805, in the template
  const auto t = tb::read_template("模板 x\n表 A 甲 {\n  列 \"a\" = 未定义口径\n  行\n}\n", "m.template");
  tb::options o;
  o.templ = &t;
  yusuan::diagnostics m;
  EXPECT_FALSE(tb::build(reference_budget(), "A", m, o).has_value());
  ASSERT_EQ(m.size(), 1u) << dump(m);
  EXPECT_EQ(m[0].code, "E0805");
  EXPECT_EQ(where_in_file(m[0]), "m.template:3:11");
}

TEST(tables_diagnostics_form, a_cell_past_what_an_amount_holds_is_E0701) {
  const auto b = yusuan::compile_string(
      "金额单位 元\n"
      "208 01 09 30101:  92233720368547758.07\n208 01 09 30102:  92233720368547758.07\n"
      "208 02 01 30101: -92233720368547758.07\n208 02 01 30102: -92233720368547758.07\n",
      "wide.budget", no_catalog());
  yusuan::diagnostics d;
  EXPECT_FALSE(tb::build_all(b, d).has_value());
  ASSERT_EQ(d.size(), 1u) << dump(d);
  EXPECT_EQ(d[0].code, "E0701");
  EXPECT_EQ(d[0].level, yusuan::severity::error);
  // which table, as `yusuan table all` says it (01 and 02 hold totals of 0:
  // 03's row of 208 01 is the first past the limit); what overflowed in a note
  EXPECT_EQ(d[0].message, "a cell of table 03 is more than an amount can hold");
  ASSERT_EQ(d[0].notes.size(), 1u);
  EXPECT_TRUE(d[0].notes[0].message.starts_with("overflow in ")) << d[0].notes[0].message;
  yusuan::diagnostics one;
  EXPECT_FALSE(tb::build(b, "03", one).has_value());
  ASSERT_EQ(one.size(), 1u) << dump(one);
  EXPECT_EQ(one[0].message, "a cell of table 03 is more than an amount can hold");
}
