// Table notes (表注) checked against the tables of the budget's template: a
// note for a table the template lacks is E0806 (located, with the names it
// may have meant); a note saying the table is empty on a table with figures
// is E0807 (naming the figures), and is never printed under them.
#include "support/test_support.hpp"

#include <yusuan/tables.hpp>

#include <string>
#include <vector>

using namespace yusuan_test;

namespace {

namespace tb = yusuan::tables;

const std::string& reference_text() {
  static const std::string text = read_all(reference_path);
  return text;
}

/// The reference budget with `extra` appended (its own 表注 are for 预算09表 and 预算10表).
yusuan::budget reference_with(const std::string& extra) {
  yusuan::compile_options o;
  o.root = "budgets";
  return yusuan::compile_string(reference_text() + extra, reference_path, o);
}

constexpr std::string_view shanghai_budget = R"(标题 "示例单位 2025 年预算"
年度 2025
模板 上海9表
金额单位 元
单位 "示例单位" 类型 行政
收入 一般公共预算 1,000,000.00
201 13 01 行政运行 基本支出 {
  人员经费 30101 基本工资: 800,000.00
  公用经费 30201 办公费: 200,000.00
}
)";

TEST(table_notes, the_reference_budgets_notes_name_their_tables) {
  yusuan::diagnostics d;
  EXPECT_TRUE(tb::check_notes(reference_budget(), d)) << dump(d);
  const auto putuo = yusuan::compile_file("budgets/putuo-commerce-commission-2025.budget");
  ASSERT_EQ(putuo.table_notes().size(), 2u);
  EXPECT_EQ(putuo.table_notes()[0].table, "表6");  // the number as the document writes it
  EXPECT_TRUE(tb::check_notes(putuo, d)) << dump(d);
  EXPECT_TRUE(d.empty()) << dump(d);
}

TEST(table_notes, an_unknown_table_is_located_with_suggestions) {
  const auto b = reference_with("表注 预算14表 \"本单位无此表。\"\n");
  yusuan::diagnostics d;
  EXPECT_FALSE(tb::check_notes(b, d));
  ASSERT_EQ(d.size(), 1u) << dump(d);
  EXPECT_EQ(d[0].code, "E0806");
  const auto line = std::to_string(lines_of(reference_text()).size() + 1);
  EXPECT_EQ(where(d[0]), line + ":4");
  EXPECT_EQ(d[0].found, "'预算14表'");
  EXPECT_TRUE(has(d[0].label, "did you mean '预算04表'")) << d[0].label;
  EXPECT_TRUE(has(d[0].message, "洛阳13表")) << d[0].message;
}

TEST(table_notes, a_second_note_for_a_table_however_named_is_an_error) {
  // the budget's own note names 预算09表; 09 is the same table
  const auto b = reference_with("表注 09 \"本单位无此项。\"\n");
  yusuan::diagnostics d;
  EXPECT_FALSE(tb::check_notes(b, d));
  ASSERT_EQ(d.size(), 1u) << dump(d);
  EXPECT_EQ(d[0].code, "E0303");
  EXPECT_EQ(d[0].message, "a second table note for table 09 ('09')");
  EXPECT_EQ(where(d[0]), std::to_string(lines_of(reference_text()).size() + 1) + ":4");
  ASSERT_EQ(d[0].notes.size(), 1u);
  EXPECT_TRUE(d[0].notes[0].span);
}

TEST(table_notes, an_unknown_table_of_a_named_template) {
  const auto b = yusuan::compile_string(std::string(shanghai_budget) + "表注 表10 \"无。\"\n表注 T9 \"说明\"\n",
                                        "sh.budget");
  yusuan::diagnostics d;
  EXPECT_FALSE(tb::check_notes(b, d));
  ASSERT_EQ(d.size(), 1u) << dump(d);
  EXPECT_EQ(d[0].code, "E0806");
  EXPECT_EQ(where(d[0]), "11:4");
  EXPECT_TRUE(has(d[0].message, "上海9表")) << d[0].message;
  // a prefix is a table id for `yusuan table`, not for a note
  const auto p = yusuan::compile_string(std::string(shanghai_budget) + "表注 支出预算 \"无。\"\n", "p.budget");
  yusuan::diagnostics dp;
  EXPECT_FALSE(tb::check_notes(p, dp));
  EXPECT_EQ(dp[0].code, "E0806");
  EXPECT_TRUE(has(dp[0].label, "did you mean '支出预算总表'")) << dp[0].label;
}

TEST(table_notes, an_empty_note_on_a_table_with_figures_names_them) {
  const auto b = reference_with("表注 预算08表 \"本单位2024年无“三公”经费预算，故此表无数。\"\n");
  yusuan::diagnostics d;
  EXPECT_FALSE(tb::check_notes(b, d));
  ASSERT_EQ(d.size(), 1u) << dump(d);
  EXPECT_EQ(d[0].code, "E0807");
  EXPECT_EQ(d[0].message, "table note says 预算08表 is empty, but the table has figures");
  EXPECT_EQ(d[0].found, "“三公”经费合计 9.20, 公务用车购置及运行费/小计 7.00, 公务用车购置及运行费/公务用车运行费 "
                        "7.00, 公务接待费 2.20 (4 cells with figures, in 万元)");
  // the table prints its figures, not the note
  const auto t = tb::build(b, "08");
  EXPECT_TRUE(t.notes.empty());
  for (const auto& r : t.rows) EXPECT_NE(r.role, tb::row_role::note);
  EXPECT_FALSE(has(tb::to_string(t, "text"), "无数")) << tb::to_string(t, "text");
}

TEST(table_notes, phrases_of_an_empty_table) {
  for (const char* note : {"故本表为空表。", "空表", "故此表无数。", "本表无数据。"}) {
    const auto b = reference_with("表注 预算03表 \"" + std::string(note) + "\"\n");
    yusuan::diagnostics d;
    EXPECT_FALSE(tb::check_notes(b, d)) << note;
    ASSERT_EQ(d.size(), 1u) << note;
    EXPECT_EQ(d[0].code, "E0807");
    EXPECT_TRUE(has(d[0].found, "合计 38381.46")) << d[0].found;
  }
  // a note that does not say so is printed under the figures
  const auto b = reference_with("表注 预算08表 \"公务用车运行费较上年持平。\"\n");
  yusuan::diagnostics d;
  EXPECT_TRUE(tb::check_notes(b, d)) << dump(d);
  EXPECT_EQ(tb::build(b, "08").notes, (std::vector<std::string>{"公务用车运行费较上年持平。"}));
}

TEST(table_notes, the_templates_own_empty_note_decides) {
  // a template whose empty note uses none of the usual phrases
  constexpr std::string_view templ = R"(模板 一表
表 A 支出表 {
  标题 "{年度}年支出表"
  列 "科目"
  列 "金额" = 合计
  合计 "合计"
  空表 "{单位名称}没有此类支出。"
}
)";
  const auto t = tb::read_template(templ, "one.template");
  const auto b = yusuan::compile_string(std::string(shanghai_budget) + "表注 A \"示例单位没有此类支出。\"\n", "a.budget");
  yusuan::diagnostics d;
  EXPECT_FALSE(tb::check_notes(b, t, d));
  ASSERT_EQ(d.size(), 1u) << dump(d);
  EXPECT_EQ(d[0].code, "E0807");
  EXPECT_EQ(d[0].found, "金额 1000000.00 (1 cell with figures, in 元)");
  // the same note on an empty table is that table's note
  const auto empty = yusuan::compile_string("年度 2025\n金额单位 元\n单位 \"示例单位\"\n表注 A \"示例单位没有此类支出。\"\n",
                                            "e.budget");
  yusuan::diagnostics de;
  EXPECT_TRUE(tb::check_notes(empty, t, de)) << dump(de);
}

TEST(table_notes, cli_check_and_table_report_them) {
  temp_dir dir;
  const auto file = dir.write("main.budget", std::string(shanghai_budget) + "表注 T9 \"故本表为空表。\"\n");
  const auto check = run_cli("check --color never " + quote(file));
  EXPECT_EQ(check.exit, 1) << check.out << check.err;
  EXPECT_TRUE(has(check.err, "error[E0807]: table note says T9 “三公”经费和机关运行经费预算表 is empty")) << check.err;
  EXPECT_TRUE(has(check.err, "机关运行经费预算数 20.00")) << check.err;
  const auto table = run_cli("table --color never " + quote(file) + " T9");
  EXPECT_EQ(table.exit, 1) << table.out << table.err;
  EXPECT_TRUE(has(table.err, "E0807")) << table.err;
  EXPECT_TRUE(table.out.empty()) << table.out;
  const auto unknown = dir.write("u.budget", std::string(shanghai_budget) + "表注 T10 \"无。\"\n");
  const auto u = run_cli("check --color never " + quote(unknown));
  EXPECT_EQ(u.exit, 1);
  EXPECT_TRUE(has(u.err, "error[E0806]")) << u.err;
}

}  // namespace
