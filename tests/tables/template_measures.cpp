// A template's measures (口径): defined in terms of themselves (E0805 for each
// measure on a cycle), and cells whose measures nest too deep or write out to
// too many terms, an error of the template rather than a crash or a run
// without end.
#include "support/test_support.hpp"

#include <yusuan/tables.hpp>

#include <string>
#include <vector>

using namespace yusuan_test;

namespace {

namespace tb = yusuan::tables;

/// The messages of a template's diagnostics, in order.
std::vector<std::string> messages(const yusuan::diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d) out.push_back(x.message + " @" + where(x));
  return out;
}

const yusuan::budget& small() {
  static const yusuan::budget b = yusuan::compile_string("金额单位 元\n208 01 09 基本支出 30101: 10.00\n", "b.budget");
  return b;
}

/// The E0805 that building table A of `t` for `b` throws, or "" when it builds.
std::string build_error(const yusuan::budget& b, const tb::table_template& t) {
  try {
    (void)tb::build(b, t, "A");
    return "";
  } catch (const yusuan::budget_error& e) {
    const auto& d = e.diagnostics()[0];
    return d.code + " " + d.message + " @" + where(d);
  }
}

std::string table_of(const std::string& value) {
  return "表 A 甲 {\n  列 \"k\"\n  列 \"a\" = " + value + "\n  行 \"x\"\n}\n";
}

}  // namespace

TEST(template_measures, each_measure_on_a_cycle_is_reported_at_its_use_of_the_cycle) {
  // c is on the cycle c → b → a → c though the walk from a reaches c after b
  // is done; d uses the cycle but is not on it
  yusuan::diagnostics d;
  EXPECT_FALSE(tb::read_template("模板 x\n"
                                 "口径 a = b + c\n"
                                 "口径 b = a\n"
                                 "口径 c = b\n"
                                 "口径 d = a\n"
                                 "口径 e = e\n" +
                                     table_of("合计"),
                                 "m.template", d));
  EXPECT_EQ(messages(d), (std::vector<std::string>{
                             "measure 'a' is defined in terms of itself @2:8",
                             "measure 'b' is defined in terms of itself @3:8",
                             "measure 'c' is defined in terms of itself @4:8",
                             "measure 'e' is defined in terms of itself @6:8",
                         }));
  for (const auto& x : d) EXPECT_EQ(x.code, "E0805");
}

TEST(template_measures, a_measure_redefined_replaces_the_first_and_is_reported) {
  yusuan::diagnostics d;
  EXPECT_FALSE(tb::read_template("模板 x\n口径 a = 合计\n口径 b = 合计\n口径 a = 合计\n" + table_of("a"), "m.template", d));
  EXPECT_EQ(messages(d), (std::vector<std::string>{"measure 'a' is defined twice @4:4"}));
  ASSERT_EQ(d[0].notes.size(), 1u);
  EXPECT_EQ(where(d[0].notes[0].span), "2:4");
}

TEST(template_measures, a_chain_of_measures_within_the_nesting_of_a_cell) {
  std::string text = "模板 x\n口径 m0 = 合计\n";
  for (int i = 1; i < 200; ++i) text += "口径 m" + std::to_string(i) + " = m" + std::to_string(i - 1) + "\n";
  const auto t = tb::read_template(text + table_of("m199"), "m.template");
  const auto table = tb::build(small(), t, "A");
  ASSERT_EQ(table.rows.size(), 1u);
  ASSERT_TRUE(table.rows[0].cells.back().amount);
  EXPECT_EQ(table.rows[0].cells.back().amount->fen(), 1000);
}

TEST(template_measures, a_chain_of_measures_past_the_nesting_of_a_cell) {
  std::string text = "模板 x\n口径 m0 = 合计\n";
  for (int i = 1; i < 300; ++i) text += "口径 m" + std::to_string(i) + " = m" + std::to_string(i - 1) + "\n";
  const auto t = tb::read_template(text + table_of("m299"), "m.template");
  const std::string e = build_error(small(), t);
  EXPECT_TRUE(e.starts_with("E0805 a cell's expression nests more than 256 deep @")) << e;
}

TEST(template_measures, a_cell_of_too_many_terms_written_out) {
  // m40 is m0 written 2^40 times: an error where the table is built
  std::string text = "模板 x\n口径 m0 = 合计\n";
  for (int i = 1; i <= 40; ++i)
    text += "口径 m" + std::to_string(i) + " = m" + std::to_string(i - 1) + " + m" + std::to_string(i - 1) + "\n";
  const auto t = tb::read_template(text + table_of("m40"), "m.template");
  EXPECT_EQ(build_error(small(), t), "E0805 a cell's expression has more than 100000 terms with its measures written out @45:11");
  // 2^10 terms: built
  const auto fine = tb::read_template(text + table_of("m10"), "m.template");
  const auto built = tb::build(small(), fine, "A");
  ASSERT_TRUE(built.rows[0].cells.back().amount);
  EXPECT_EQ(built.rows[0].cells.back().amount->fen(), 1024000);
}

TEST(template_measures, a_budgets_measures_named_by_a_cell_count_too) {
  std::string text = "金额单位 元\n208 01 09 基本支出 30101: 10.00\n口径 m0 = 合计\n";
  for (int i = 1; i < 300; ++i) text += "口径 m" + std::to_string(i) + " = m" + std::to_string(i - 1) + "\n";
  const auto b = yusuan::compile_string(text, "b.budget");
  const auto t = tb::read_template("模板 x\n" + table_of("m299"), "m.template");
  const std::string e = build_error(b, t);
  EXPECT_TRUE(e.starts_with("E0805 a cell's expression nests more than 256 deep @")) << e;
}
